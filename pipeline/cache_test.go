package pipeline

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// benchProfile is the profile of a 1,000-word document synthesized from
// the seeds, for the cache benchmarks.
func benchProfile(b *testing.B) *DocProfile {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	texts, _ := SeedTexts()
	text := Synthesize(texts, 1, 6000, 1)[0]
	toks, sents, _ := tg.Tokens(nil, text)
	return Build(text, toks, sents, ProfileOptions{SliceSize: 500})
}

// BenchmarkCachePut: storing one profile of a 1,000-word document.
func BenchmarkCachePut(b *testing.B) {
	p := benchProfile(b)
	c := NewCache(b.TempDir(), Options{})
	b.ReportAllocs()
	for b.Loop() {
		c.put("00ff00ff", "", p)
	}
}

// TestCacheRoundTrip: a profile read back from the cache is the one
// stored; a corrupt entry reads as a miss.
func TestCacheRoundTrip(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	text := "The soviets took power. Lenin wrote about the state and the revolution.\nThe land went to the peasants."
	toks, sents, _ := tg.Tokens(nil, text)
	p := Build(text, toks, sents, ProfileOptions{SliceSize: 5, SampleSize: 4, Rolling: 6, RollingStep: 2, Targets: []Target{NewTarget("lenin")}})
	if len(p.Windows) < 2 {
		t.Fatalf("%d windows: the test exercises none", len(p.Windows))
	}
	c := NewCache(t.TempDir(), Options{})
	c.put("abcdef", "", p)
	got := c.get("abcdef", "")
	if got == nil || !cmp.Equal(got, p, cmpopts.EquateEmpty()) {
		t.Fatalf("cache returned %+v, want %+v", got, p)
	}
	if err := os.WriteFile(c.path("abcdef", ""), []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c.get("abcdef", "") != nil || c.Hits() != 1 {
		t.Errorf("a corrupt entry was read as a hit (hits %d)", c.Hits())
	}
	if NewCache(c.dir, Options{Window: 3}).fingerprint == c.fingerprint {
		t.Error("a profile-time setting does not change the cache key")
	}
	if NewCache(c.dir, Options{MFW: []int{500}}).fingerprint != c.fingerprint {
		t.Error("an analysis setting changes the cache key")
	}
	// Profiles with rolling windows are not those without, nor those with
	// other windows; the default step is the step it stands for, and a
	// step without windows is no windows.
	rolling := NewCache(c.dir, Options{Rolling: 500}).fingerprint
	for _, o := range []Options{{Rolling: 400}, {Rolling: 500, RollingStep: 25}} {
		if f := NewCache(c.dir, o).fingerprint; f == rolling || f == c.fingerprint {
			t.Errorf("Options%+v shares a cache key", o)
		}
	}
	if rolling == c.fingerprint || NewCache(c.dir, Options{Rolling: 500, RollingStep: 50}).fingerprint != rolling {
		t.Error("rolling windows do not change the cache key, or the default step is another key")
	}
	if NewCache(c.dir, Options{RollingStep: 7}).fingerprint != c.fingerprint {
		t.Error("a rolling step without rolling windows changes the cache key")
	}
}

// BenchmarkCacheGet: reading one profile of a 1,000-word document back
// (a re-run from the cache does this for every document).
func BenchmarkCacheGet(b *testing.B) {
	p := benchProfile(b)
	c := NewCache(b.TempDir(), Options{})
	c.put("00ff00ff", "", p)
	b.ReportAllocs()
	for b.Loop() {
		if c.get("00ff00ff", "") == nil {
			b.Fatal("miss")
		}
	}
}
