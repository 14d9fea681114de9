package analysis

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"
)

// TestStratifiedFolds: samples of one document share a fold, each label's
// documents are spread over the folds, the folds stay even, unlabelled
// items are in no fold, and one seed gives one assignment.
func TestStratifiedFolds(t *testing.T) {
	// Documents 0–3 are A (document 0 in two samples), 4–5 B, 6 C, 7
	// unlabelled.
	labels := []string{"A", "A", "A", "A", "A", "B", "B", "C", ""}
	groups := []int{0, 0, 1, 2, 3, 4, 5, 6, 7}
	f := StratifiedFolds(labels, groups, 2, 1)
	if f[0] != f[1] {
		t.Errorf("samples of document 0 in folds %d and %d", f[0], f[1])
	}
	if f[8] != -1 {
		t.Errorf("unlabelled item in fold %d, want -1", f[8])
	}
	perFold := map[string][2]int{}
	for i, l := range labels {
		if l == "" || i == 1 {
			continue // count documents, not samples
		}
		c := perFold[l]
		c[f[i]]++
		perFold[l] = c
	}
	// A's four documents 2 + 2, B's two 1 + 1; C's one and the deal's
	// order put the seven documents 4 + 3 or 3 + 4.
	if perFold["A"] != [2]int{2, 2} || perFold["B"] != [2]int{1, 1} {
		t.Errorf("documents per fold %v, want A 2+2, B 1+1", perFold)
	}
	if g := StratifiedFolds(labels, groups, 2, 1); !cmp.Equal(g, f) {
		t.Errorf("seed 1 gave %v, then %v", f, g)
	}
}

// TestAttributeFolds: Attribute with folds as groups is k-fold
// cross-validation: every item of the held-out fold leaves with it.
func TestAttributeFolds(t *testing.T) {
	// Positions 0 (A), 1 (A), 5 (B), 6 (B); folds {0, 2} and {1, 3}.
	d := line(0, 1, 5, 6)
	got := Attribute(d, []string{"A", "A", "B", "B"}, []int{0, 1, 0, 1}, nil)
	// Item 0 sees items 1 (A at 1) and 3 (B at 6): A. Item 2 (at 5) sees
	// 1 (A, 4) and 3 (B, 1): B.
	if got[0].Predicted != "A" || got[0].Candidates[1] != (Candidate{"B", 6, 3}) || got[2].Predicted != "B" {
		t.Errorf("k-fold attribution = %+v", got)
	}
}

// TestAttributeCentroids: hand-computed Delta to class means. Rows (two
// features): A1 (0, 0), A2 (2, 4), B1 (5, 1), B2 (7, 3), and an
// unlabelled (1, 1); each item its own fold (leave-one-out).
//
//	A1: centroid A = A2 = (2, 4): (2 + 4)/2 = 3; B = (6, 2): (6 + 2)/2 = 4 → A, margin 1
//	A2: A = (0, 0): (2 + 4)/2 = 3; B = (6, 2): (4 + 2)/2 = 3 → tie, A by label
//	B1: A = (1, 2): (4 + 1)/2 = 2.5; B = B2 = (7, 3): (2 + 2)/2 = 2 → B
//	B2: A = (1, 2): (6 + 1)/2 = 3.5; B = (5, 1): 2 → B
func TestAttributeCentroids(t *testing.T) {
	z := mat.NewDense(5, 2, []float64{0, 0, 2, 4, 5, 1, 7, 3, 1, 1})
	labels := []string{"A", "A", "B", "B", ""}
	got := AttributeCentroids(z, labels, []int{0, 1, 2, 3, 4}, 0)
	want := []Attribution{
		{Item: 0, Label: "A", Predicted: "A", Rank: 1, Candidates: []Candidate{{"A", 3, -1}, {"B", 4, -1}}},
		{Item: 1, Label: "A", Predicted: "A", Rank: 1, Candidates: []Candidate{{"A", 3, -1}, {"B", 3, -1}}},
		{Item: 2, Label: "B", Predicted: "B", Rank: 1, Candidates: []Candidate{{"B", 2, -1}, {"A", 2.5, -1}}},
		{Item: 3, Label: "B", Predicted: "B", Rank: 1, Candidates: []Candidate{{"B", 2, -1}, {"A", 3.5, -1}}},
	}
	if !cmpAttributions(got, want) {
		t.Errorf("AttributeCentroids =\n%+v\nwant\n%+v", got, want)
	}
	if m := got[0].Margin(); m != 1 {
		t.Errorf("margin of A1 = %v, want 1", m)
	}
	// Folds {A1, B1} and {A2, B2}: A1's centroids are A2 and B2 alone,
	// (|0−2| + |0−4|)/2 = 3 and (7 + 3)/2 = 5.
	got = AttributeCentroids(z, labels, []int{0, 1, 0, 1, 0}, 0)
	if a := got[0]; a.Predicted != "A" || a.Candidates[1] != (Candidate{"B", 5, -1}) {
		t.Errorf("2-fold A1 = %+v, want A, then B at 5", a)
	}
	// A class whose every item is in the held-out fold is no candidate,
	// and the item is unattributable.
	got = AttributeCentroids(z, []string{"A", "A", "B", "C", ""}, []int{0, 1, 2, 3, 4}, 0)
	if a := got[3]; !a.Unattributable || a.Rank != 0 {
		t.Errorf("the only C = %+v, want unattributable", a)
	}
	// Labels A, B, A, B: item 1 (B, at (2, 4)) has A's centroid (2.5, 0.5)
	// at (0.5 + 3.5)/2 = 2 and B's, item 3 (7, 3), at (5 + 1)/2 = 3: A is
	// predicted and its own label ranks 2. A top keeps the first top
	// candidates of the full ranking, and Rank is still among all of them.
	labels = []string{"A", "B", "A", "B", ""}
	folds := []int{0, 1, 2, 3, 4}
	full := AttributeCentroids(z, labels, folds, 0)
	for top := 1; top <= 3; top++ {
		want := slices.Clone(full)
		for i := range want {
			want[i].Candidates = want[i].Candidates[:min(top, len(want[i].Candidates))]
		}
		if got := AttributeCentroids(z, labels, folds, top); !cmpAttributions(got, want) {
			t.Errorf("AttributeCentroids top %d =\n%+v\nwant\n%+v", top, got, want)
		}
	}
	if a := full[1]; a.Predicted != "A" || a.Rank != 2 {
		t.Errorf("item 1 = %+v, want A predicted, B ranked 2", a)
	}
}

// TestAttributeKNN: votes of the k nearest, hand-checked on a line.
func TestAttributeKNN(t *testing.T) {
	// Item 0 (A) at 0; 1 (B) at 1; 2 (B) at 2; 3 (A) at 2.5; 4 (A) at 10.
	d := line(0, 1, 2, 2.5, 10)
	labels := []string{"A", "B", "B", "A", "A"}
	folds := []int{0, 1, 2, 3, 4}
	// k = 3: voters 1 (B, 1), 2 (B, 2), 3 (A, 2.5) → B 2 votes, A ranked 2.
	a := AttributeKNN(d, labels, folds, 3)[0]
	if a.Predicted != "B" || a.Rank != 2 || !cmp.Equal(a.Candidates, []Candidate{{"B", 1, 1}, {"A", 2.5, 3}}) {
		t.Errorf("k=3 item 0 = %+v", a)
	}
	// k = 1 is the nearest neighbour: Attribute's prediction everywhere.
	one, nn := AttributeKNN(d, labels, folds, 1), Attribute(d, labels, folds, nil)
	for i := range one {
		if one[i].Predicted != nn[i].Predicted {
			t.Errorf("k=1 item %d: %s, Attribute %s", i, one[i].Predicted, nn[i].Predicted)
		}
	}
	// A tie in votes goes to the nearer voters: item 0 at 0 with A at 1
	// and B at 1.5, k = 2 → one vote each, A's sum 1 < 1.5.
	d = line(0, 1, 1.5)
	if a := AttributeKNN(d, []string{"A", "A", "B"}, []int{0, 1, 2}, 2)[0]; a.Predicted != "A" {
		t.Errorf("tied vote = %+v, want A by the nearer voter", a)
	}
}

// TestExplain: the contributions of a hand-made case, F = 3 features.
// Text (0, 0, 0); candidate (1, 0, 3); runner-up (0, 2, 3): feature 0
// costs the candidate 1/3 (pull −1/3), feature 1 the runner-up 2/3 (pull
// 2/3), feature 2 both 1 (pull 0, in neither list).
func TestExplain(t *testing.T) {
	for_, against := Explain([]float64{0, 0, 0}, []float64{1, 0, 3}, []float64{0, 2, 3}, 5)
	if len(for_) != 1 || for_[0].Feature != 1 || math.Abs(for_[0].Pull-2.0/3) > 1e-15 {
		t.Errorf("for = %+v, want feature 1 with pull 2/3", for_)
	}
	if len(against) != 1 || against[0].Feature != 0 || math.Abs(against[0].Pull+1.0/3) > 1e-15 {
		t.Errorf("against = %+v, want feature 0 with pull -1/3", against)
	}
	// A caller keeps both lists for every text: they hold no more than
	// their rows, not every feature of their sign behind them.
	zi, zc, zr := make([]float64, 100), make([]float64, 100), make([]float64, 100)
	for j := range zi {
		zc[j], zr[j] = float64(j%7), float64(j%5)
	}
	for_, against = Explain(zi, zc, zr, 5)
	if len(for_) != 5 || cap(for_) != 5 || len(against) != 5 || cap(against) != 5 {
		t.Errorf("lengths and capacities %d/%d, %d/%d, want 5/5 each", len(for_), cap(for_), len(against), cap(against))
	}
}
