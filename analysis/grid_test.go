package analysis

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"
)

func TestParseMFW(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"100", []int{100}},
		{"100,200,500", []int{100, 200, 500}},
		{"100-500:200", []int{100, 300, 500}},
		{"50, 100-300:100, 100", []int{50, 100, 200, 300}},
	}
	for _, tc := range tests {
		got, err := ParseMFW(tc.in)
		if err != nil || !cmp.Equal(got, tc.want) {
			t.Errorf("ParseMFW(%q) = %v, %v, want %v", tc.in, got, err, tc.want)
		}
	}
	// 200 values is the cap; 201 or a huge range is refused before any
	// value is generated (this one would be 10⁸ values).
	if got, err := ParseMFW("1-200:1"); err != nil || len(got) != MaxMFWSettings {
		t.Errorf("ParseMFW(1-200:1) = %d values, %v, want %d", len(got), err, MaxMFWSettings)
	}
	for _, bad := range []string{"", "x", "0", "500-100:10", "100-200:0", "100:5", "1-201:1", "1-100000000:1", "1-100:1,101-200:1,5000"} {
		if _, err := ParseMFW(bad); err == nil {
			t.Errorf("ParseMFW(%q) succeeded", bad)
		}
	}
}

// line returns the distances of points on a line at the given positions.
func line(pos ...float64) *mat.SymDense {
	d := mat.NewSymDense(len(pos), nil)
	for i := range pos {
		for j := range pos {
			v := pos[i] - pos[j]
			if v < 0 {
				v = -v
			}
			d.SetSym(i, j, v)
		}
	}
	return d
}

func TestCoClustering(t *testing.T) {
	// Two trees over 4 points: {0,1} {2,3} at k=2 in the first; in the
	// second 2 moves next to 0 and 1: {0,1,2} {3}.
	t1, _ := Cluster(line(0, 1, 10, 11), Average)
	t2, _ := Cluster(line(0, 1, 2, 11), Average)
	s := CoClustering([][]Merge{t1, t2}, 4, 2)
	// Pair (0,1): together in both -> 1; (0,2): in t2 only -> 0.5;
	// (2,3): in t1 only -> 0.5; (0,3): never -> 0.
	for _, c := range []struct {
		i, j int
		want float64
	}{{0, 1, 1}, {0, 2, 0.5}, {2, 3, 0.5}, {0, 3, 0}, {3, 3, 1}} {
		if got := s.At(c.i, c.j); got != c.want {
			t.Errorf("CoClustering(%d,%d) = %v, want %v", c.i, c.j, got, c.want)
		}
	}
	// Ten identical trees: a pair together in all is exactly 1 (ten sums
	// of 0.1 are 0.9999999999999999).
	ten := make([][]Merge, 10)
	for i := range ten {
		ten[i] = t1
	}
	if got := CoClustering(ten, 4, 2).At(0, 1); got != 1 {
		t.Errorf("CoClustering over 10 equal trees = %v, want exactly 1", got)
	}
}

func TestNearestNeighbourNetwork(t *testing.T) {
	// Points 0, 1, 3 on a line. k = 2, stylo's linear weights k − r:
	//   0: nearest 1 (+2), then 2 (+1)
	//   1: nearest 0 (+2), then 2 (+1)
	//   2: nearest 1 (+2), then 0 (+1)
	// Undirected edges sum both directions, as stylo's undirected table:
	// (0,1) = 2 + 2, (0,2) = 1 + 1, (1,2) = 1 + 2.
	got := NearestNeighbourNetwork([]mat.Symmetric{line(0, 1, 3)}, 2, nil)
	want := []Edge{{0, 1, 4}, {0, 2, 2}, {1, 2, 3}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("NearestNeighbourNetwork (-want +got):\n%s", d)
	}
}

func TestAttribute(t *testing.T) {
	// Positions 0, 1 (author A), 5, 6 (B), 3 (A) and 9 (unlabelled).
	d := line(0, 1, 5, 6, 3, 9)
	got := Attribute(d, []string{"A", "A", "B", "B", "A", ""}, nil, nil)
	if len(got) != 5 {
		t.Fatalf("%d attributions, want 5 (the unlabelled item is skipped)", len(got))
	}
	// Item 4 at 3: nearest A is 1 (distance 2), nearest B is 5 (2): a tie,
	// broken by label -> A first.
	if a := got[4]; a.Predicted != "A" || a.Rank != 1 || a.Candidates[1] != (Candidate{"B", 2, 2}) {
		t.Errorf("item 4 = %+v", a)
	}
	// Item 2 at 5: nearest B is 6 (1), nearest A is 3 (2) -> B, rank 1.
	if a := got[2]; a.Predicted != "B" || a.Rank != 1 {
		t.Errorf("item 2 = %+v", a)
	}
}

func TestDefinedAndSubset(t *testing.T) {
	// Item 2's distances to items 0 and 3 are undefined in the second
	// matrix: it is the only item a tree over both cannot place.
	d1 := line(0, 1, 2, 3)
	d2 := line(0, 1, 2, 3)
	d2.SetSym(2, 0, math.NaN())
	d2.SetSym(2, 3, math.NaN())
	got := Defined(4, d1, d2)
	if want := []int{0, 1, 3}; !cmp.Equal(got, want) {
		t.Errorf("Defined = %v, want %v", got, want)
	}
	sub := Subset(d1, got)
	// Positions 0, 1, 3 on the line: |0−3| = 3, |1−3| = 2.
	if want := line(0, 1, 3); !mat.Equal(sub, want) {
		t.Errorf("Subset = %v, want %v", mat.Formatted(sub), mat.Formatted(want))
	}
}

func TestUndefinedDistancesAreNoEvidence(t *testing.T) {
	// Item 0's nearest item would be 1 (distance NaN compares below every
	// number in cmp.Compare); it must be 2.
	d := line(0, 1, 5, 20)
	d.SetSym(0, 1, math.NaN())
	a := Attribute(d, []string{"x", "y", "z", "w"}, nil, nil)
	if a[0].Predicted != "z" || len(a[0].Candidates) != 2 {
		t.Errorf("Attribute with a NaN distance: item 0 = %+v, want z first and no candidate y", a[0])
	}
	for _, e := range NearestNeighbourNetwork([]mat.Symmetric{d}, 1, nil) {
		if e.A == 0 && e.B == 1 {
			t.Errorf("network links items 0 and 1 over an undefined distance: %+v", e)
		}
	}
}

// TestAttributeGrouped: with groups (the documents samples come from) a
// held-out sample's siblings are never candidates, and a label held by one
// group only is unattributable. Hand-built: positions on a line.
func TestAttributeGrouped(t *testing.T) {
	// Samples 0, 1 of document 0 (A) at 0 and 1; samples 2, 3 of document
	// 1 (B) at 1.5 and 2.5; sample 4 of document 2 (A) at 4; sample 5 of
	// document 3 (C) at 2.
	d := line(0, 1, 1.5, 2.5, 4, 2)
	labels := []string{"A", "A", "B", "B", "A", "C"}
	groups := []int{0, 0, 1, 1, 2, 3}
	ungrouped := Attribute(d, labels, nil, nil)
	if ungrouped[0].Predicted != "A" { // its sibling at 1
		t.Fatalf("without groups sample 0 = %+v, want A by its sibling", ungrouped[0])
	}
	got := Attribute(d, labels, groups, nil)
	// Sample 0: sibling 1 left out; nearest B is 2 (1.5), C 5 (2), A 4 (4).
	if a := got[0]; a.Predicted != "B" || a.Rank != 3 || a.Unattributable {
		t.Errorf("sample 0 = %+v, want B, A ranked 3rd, attributable", a)
	}
	// Sample 2 (B): its sibling 3 left out, and no other document is B.
	if a := got[2]; !a.Unattributable || a.Rank != 0 {
		t.Errorf("sample 2 = %+v, want unattributable, B not a candidate", a)
	}
	// Sample 5 (C) is the only C: unattributable; sample 4 (A) is not.
	if !got[5].Unattributable || got[4].Unattributable {
		t.Errorf("unattributable: sample 5 %v (want true), sample 4 %v (want false)", got[5].Unattributable, got[4].Unattributable)
	}
	nb := NeighboursOf(d, 5)
	if g := AttributeNeighbours(nb, labels, groups); !cmpAttributions(g, got) {
		t.Errorf("AttributeNeighbours = %+v, want %+v", g, got)
	}
}

// TestEvaluate: a hand-checked case. Six attributable texts and one
// unattributable:
//
//	true A: predicted A, A, B     true B: predicted B, A     true C: predicted B
//
// Accuracy 3/6. A: support 3, predicted 3 (A, A, and B's A), correct 2 →
// P = 2/3, R = 2/3, F1 = 2/3. B: support 2, predicted 3 (A's B, B, C's B),
// correct 1 → P = 1/3, R = 1/2, F1 = 2·(1/3)(1/2)/(5/6) = 0.4. C: support
// 1, predicted 0 → P = 0, R = 0, F1 = 0. Macro P = (2/3 + 1/3 + 0)/3 = 1/3,
// R = (2/3 + 1/2)/3 = 7/18, F1 = (2/3 + 0.4)/3 = 16/45. scikit-learn's
// f1_score(y, p, average="macro", labels=["A", "B", "C"]) gives the same.
func TestEvaluate(t *testing.T) {
	as := []Attribution{
		{Label: "A", Predicted: "A"}, {Label: "A", Predicted: "A"}, {Label: "A", Predicted: "B"},
		{Label: "B", Predicted: "B"}, {Label: "B", Predicted: "A"},
		{Label: "C", Predicted: "B"},
		{Label: "D", Predicted: "A", Unattributable: true},
	}
	e := Evaluate(as)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if e.Attributable != 6 || e.Correct != 3 || e.Unattributable != 1 || e.Accuracy != 0.5 {
		t.Errorf("counts %d, %d, %d, accuracy %v; want 6, 3, 1, 0.5", e.Attributable, e.Correct, e.Unattributable, e.Accuracy)
	}
	if !near(e.MacroPrecision, 1.0/3) || !near(e.MacroRecall, 7.0/18) || !near(e.MacroF1, 16.0/45) {
		t.Errorf("macro P, R, F1 = %v, %v, %v; want 1/3, 7/18, 16/45", e.MacroPrecision, e.MacroRecall, e.MacroF1)
	}
	want := []ClassScore{
		{"A", 3, 3, 2, 2.0 / 3, 2.0 / 3, 2.0 / 3},
		{"B", 2, 3, 1, 1.0 / 3, 0.5, 0.4},
		{"C", 1, 0, 0, 0, 0, 0},
	}
	if d := cmp.Diff(want, e.Classes, cmp.Comparer(near)); d != "" {
		t.Errorf("classes (-want +got):\n%s", d)
	}
	if e.Confusion[[2]string{"A", "B"}] != 1 || e.Confusion[[2]string{"C", "B"}] != 1 || e.Confusion[[2]string{"A", "A"}] != 2 || len(e.Confusion) != 5 {
		t.Errorf("confusion %v", e.Confusion)
	}
	if m := (Attribution{Candidates: []Candidate{{Label: "A", Distance: 1}, {Label: "B", Distance: 1.25}}}).Margin(); m != 0.25 {
		t.Errorf("margin %v, want 0.25", m)
	}
}
