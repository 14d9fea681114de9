package pipeline

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fullProfile is a profile in which every field of DocProfile and of what
// it holds is set: TestProfileEncodingWhole checks that it is, so that a
// field added to the profile and forgotten by the encoding fails a test.
func fullProfile(t testing.TB) *DocProfile {
	t.Helper()
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	text := "The soviets took power in 1917. Lenin wrote about the state and the revolution!\n" +
		"The land went to the peasants; the factories to the workers. Lenin spoke, and the peasants listened."
	toks, sents, _ := tg.Tokens(nil, text)
	var feats []Feature
	for _, spec := range []string{"char:3", "pos:2"} {
		f, err := ParseFeature(spec)
		if err != nil {
			t.Fatal(err)
		}
		feats = append(feats, f)
	}
	p := Build(text, toks, sents, ProfileOptions{SliceSize: 5, SampleSize: 8, Rolling: 6, RollingStep: 3,
		Features: feats, Window: 3, Context: 4, Targets: []Target{NewTarget("lenin"), NewTarget("peasants")}, DetectLanguage: true})
	p.Boilerplate = 2 // set when a file is read, not by Build
	if p.Language != English || p.LanguageOverEnglish != 0 {
		t.Fatalf("the fixture's language is %q (%v over English), want English", p.Language, p.LanguageOverEnglish)
	}
	// English by its function words: no confidence (NaN), 0 over English;
	// set both, to be seen encoded.
	p.LanguageConfidence, p.LanguageOverEnglish = 0.75, 0.25
	return p
}

// TestProfileEncodingWhole: a profile with every field set reads back
// equal, encodes to the same bytes twice, and every truncation or extra
// byte is an error, not a panic or a shorter profile.
func TestProfileEncodingWhole(t *testing.T) {
	p := fullProfile(t)
	if zero := zeroFields(reflect.ValueOf(*p), "DocProfile"); len(zero) > 0 {
		t.Fatalf("the fixture leaves %v unset: the test would not see them encoded", zero)
	}
	b, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := p.MarshalBinary()
	if !bytes.Equal(b, again) {
		t.Error("two encodings of one profile differ")
	}
	var q DocProfile
	if err := q.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(&q, p, cmpopts.EquateEmpty()) {
		t.Errorf("round trip: %s", cmp.Diff(p, &q, cmpopts.EquateEmpty()))
	}
	for n := range len(b) {
		var r DocProfile
		if err := r.UnmarshalBinary(b[:n]); err == nil {
			t.Fatalf("the first %d of %d bytes decoded without error", n, len(b))
		}
	}
	var r DocProfile
	if err := r.UnmarshalBinary(append(b, 0)); err == nil {
		t.Error("a trailing byte decoded without error")
	}
}

// zeroFields lists the zero fields of v, recursively through structs and
// the last element of slices and an element of maps.
func zeroFields(v reflect.Value, path string) []string {
	if v.IsZero() {
		return []string{path}
	}
	var out []string
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, zeroFields(v.Field(i), path+"."+v.Type().Field(i).Name)...)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		out = append(out, zeroFields(v.Index(v.Len()-1), path+"[last]")...)
	case reflect.Map:
		if v.Len() == 0 {
			return []string{path}
		}
		it := v.MapRange()
		it.Next()
		out = append(out, zeroFields(it.Value(), path+"[k]")...)
	}
	return out
}

// FuzzProfileUnmarshal: any bytes (a cache file or part record on disk can
// be cut short or overwritten) decode to an error or to a profile that
// encodes and decodes again to itself; never a panic.
func FuzzProfileUnmarshal(f *testing.F) {
	good, err := fullProfile(f).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{profileEncoding})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p DocProfile
		if p.UnmarshalBinary(b) != nil {
			return
		}
		again, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var q DocProfile
		if err := q.UnmarshalBinary(again); err != nil {
			t.Fatalf("a decoded profile's encoding does not decode: %v", err)
		}
		if !cmp.Equal(&p, &q, cmpopts.EquateEmpty(), cmpopts.EquateNaNs()) {
			t.Fatalf("decode, encode, decode changed the profile: %s", cmp.Diff(&p, &q, cmpopts.EquateEmpty(), cmpopts.EquateNaNs()))
		}
	})
}
