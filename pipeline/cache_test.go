package pipeline

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// BenchmarkCachePut: storing one profile of a 1,000-word document.
func BenchmarkCachePut(b *testing.B) {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	texts, _ := SeedTexts()
	text := Synthesize(texts, 1, 6000, 1)[0]
	toks, sents, _ := tg.Tokens(nil, text)
	p := Build(text, toks, sents, ProfileOptions{SliceSize: 500})
	c := NewCache(b.TempDir(), Options{})
	b.ReportAllocs()
	for b.Loop() {
		c.put("00ff00ff", p)
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
	p := Build(text, toks, sents, ProfileOptions{SliceSize: 5, SampleSize: 4, Targets: []Target{NewTarget("lenin")}})
	c := NewCache(t.TempDir(), Options{})
	c.put("abcdef", p)
	got := c.get("abcdef")
	if got == nil || !cmp.Equal(got, p, cmpopts.EquateEmpty()) {
		t.Fatalf("cache returned %+v, want %+v", got, p)
	}
	if err := os.WriteFile(c.path("abcdef"), []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c.get("abcdef") != nil || c.Hits() != 1 {
		t.Errorf("a corrupt entry was read as a hit (hits %d)", c.Hits())
	}
	if NewCache(c.dir, Options{Window: 3}).fingerprint == c.fingerprint {
		t.Error("a profile-time setting does not change the cache key")
	}
	if NewCache(c.dir, Options{MFW: []int{500}}).fingerprint != c.fingerprint {
		t.Error("an analysis setting changes the cache key")
	}
}
