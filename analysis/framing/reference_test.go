package framing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/keyness"
)

// TestKeynessAgainstReference: each scope is its documents pooled against
// the reference's counts, row for row what keyness.Compare gives on the
// counts written out by hand, and the scopes are each document, each
// group value and the corpus.
func TestKeynessAgainstReference(t *testing.T) {
	docs := []Doc{
		{ID: "a", Meta: map[string]string{"party": "L"}, Words: 10, Terms: analysis.NewTermCounts(map[string]int{"x": 3, "y": 1})},
		{ID: "b", Meta: map[string]string{"party": "R"}, Words: 10, Terms: analysis.NewTermCounts(map[string]int{"x": 1, "z": 2})},
	}
	ref := &Reference{Name: "bnc", Terms: map[string]int{"x": 5, "y": 20, "w": 10}, Words: 100}
	scopes := ReferenceScopes(docs, []string{"party"})
	var names []string
	for _, s := range scopes {
		names = append(names, s.Kind+":"+s.Target+"/"+s.Reference)
	}
	if want := []string{"document:a/reference", "document:b/reference", "party:L/reference", "party:R/reference", "corpus:corpus/reference"}; !cmp.Equal(names, want) {
		t.Fatalf("scopes %v, want %v", names, want)
	}
	got := KeynessAgainst(docs, scopes, ref, Options{MinCount: 1})
	// The corpus: x 4, y 1, z 2 in 20 words against x 5, y 20, w 10 in 100.
	want := keyness.Compare(keyness.Counts{Terms: []string{"w", "x", "y", "z"}, Target: []float64{0, 4, 1, 2}, Reference: []float64{10, 5, 20, 0},
		TargetTotal: 20, ReferenceTotal: 100}, keyness.Options{})
	if diff := cmp.Diff(want, got[4].Rows, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("corpus against the reference (-want +got):\n%s", diff)
	}
	// Present keeps the terms the scope uses and the significantly avoided:
	// document a has x and y, and w (0 of 10 against 10 of 100) is not
	// significant.
	present := KeynessAgainst(docs, scopes[:1], ref, Options{MinCount: 1, Present: true})
	var terms []string
	for _, r := range present[0].Rows {
		terms = append(terms, r.Term)
	}
	if len(terms) != 2 {
		t.Errorf("document a keeps %v, want x and y", terms)
	}
}
