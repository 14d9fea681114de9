package analysis

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"
)

// TestWindows: windows counted by hand, and their number against stylo's
// make.samples(), which cuts floor((n − overlap)/(size − overlap)) samples
// with overlap = size − step.
func TestWindows(t *testing.T) {
	for _, tc := range []struct {
		n, size, step int
		want          [][2]int
	}{
		// 10 words, windows of 4 every 3: words 1-4, 4-7, 7-10.
		{10, 4, 3, [][2]int{{0, 4}, {3, 7}, {6, 10}}},
		// 11 words: the same three, the 11th word dropped.
		{11, 4, 3, [][2]int{{0, 4}, {3, 7}, {6, 10}}},
		// Consecutive windows (no overlap), 2 words dropped.
		{8, 3, 3, [][2]int{{0, 3}, {3, 6}}},
		// A window as long as the text; a text shorter than one window.
		{4, 4, 2, [][2]int{{0, 4}}},
		{3, 4, 1, nil},
		{0, 4, 1, nil},
		// Every word starts a window.
		{5, 3, 1, [][2]int{{0, 3}, {1, 4}, {2, 5}}},
	} {
		got := Windows(tc.n, tc.size, tc.step)
		if !cmp.Equal(got, tc.want) {
			t.Errorf("Windows(%d, %d, %d) = %v, want %v", tc.n, tc.size, tc.step, got, tc.want)
		}
		if overlap := tc.size - tc.step; tc.n >= tc.size {
			if stylo := (tc.n - overlap) / (tc.size - overlap); len(got) != stylo {
				t.Errorf("Windows(%d, %d, %d): %d windows, stylo cuts %d", tc.n, tc.size, tc.step, len(got), stylo)
			}
		}
	}
}

// TestTrainedDeltaByHand: training texts A1 (1, 4, 0), A2 (3, 2, 0) and
// B1 (5, 0, 0). Feature 3 is constant over them and left out. Features 1
// and 2 have means 3 and 2 and standard deviations (n − 1) √(8/2) = 2, so
// the training z-scores are A1 (−1, 1), A2 (0, 0), B1 (1, −1). The window
// (4.4, 1, 7) scaled by the training means and deviations is (0.7, −0.5):
// Delta (1.7 + 1.5)/2 = 1.6 to A1, (0.7 + 0.5)/2 = 0.6 to A2 and
// (0.3 + 0.5)/2 = 0.4 to B1. B wins by 0.2 over A (its nearest text A2).
// z-scores over all four texts (stylo's default for stylo(), not for
// rolling.classify()) would give other distances.
func TestTrainedDeltaByHand(t *testing.T) {
	f := mat.NewDense(3, 3, []float64{1, 4, 0, 3, 2, 0, 5, 0, 0})
	d := TrainDelta(f, []int{0, 1, 2}, []string{"A", "A", "B"})
	if d.Used() != 2 {
		t.Errorf("Used() = %d, want 2 (the constant feature left out)", d.Used())
	}
	x := []float64{4.4, 1, 7}
	for k, want := range []float64{1.6, 0.6, 0.4} {
		if got := d.Distance(x, k); math.Abs(got-want) > 1e-12 {
			t.Errorf("Distance(x, %d) = %v, want %v", k, got, want)
		}
	}
	got := d.Classify(x)
	want := []Candidate{{Label: "B", Distance: 0.4, Item: 2}, {Label: "A", Distance: 0.6, Item: 1}}
	if !cmp.Equal(got, want, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-12 })) {
		t.Errorf("Classify(%v) = %+v, want %+v", x, got, want)
	}
	// (4, 1, 0) is 0.5 from A2 and from B1: the tie goes to the label
	// first in byte order.
	if c := d.Classify([]float64{4, 1, 0}); c[0].Label != "A" || c[0].Distance != c[1].Distance {
		t.Errorf("tied candidates = %+v, want A first at the same distance as B", c)
	}
	// Rows given in another order and another row of the table: Item is
	// the row of the table, not the position among the training texts.
	g := mat.NewDense(4, 3, []float64{9, 9, 9, 5, 0, 0, 1, 4, 0, 3, 2, 0})
	if c := TrainDelta(g, []int{3, 1, 2}, []string{"A", "B", "A"}).Classify(x); c[0].Label != "B" || c[0].Item != 1 || c[1].Item != 3 {
		t.Errorf("Classify over rows 3, 1, 2 = %+v, want B (row 1) then A (row 3)", c)
	}
}

// TestTrainedDeltaIsDelta: between two training texts, TrainedDelta's
// distance is Burrows's Delta of DistanceMatrix over the training texts
// alone (z-scores of the training set), on random frequencies.
func TestTrainedDeltaIsDelta(t *testing.T) {
	r := newRand(3)
	const n, nf = 7, 12
	f := mat.NewDense(n, nf, nil)
	for i := range n {
		for j := range nf {
			f.Set(i, j, r.Float64()*3)
		}
	}
	rows := []int{0, 1, 2, 3, 4, 5, 6}
	d := TrainDelta(f, rows, []string{"a", "b", "c", "a", "b", "c", "a"})
	want, err := DistanceMatrix(nil, Delta, f)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		for k := range n {
			if got := d.Distance(f.RawRowView(i), k); math.Abs(got-want.At(i, k)) > 1e-12 {
				t.Errorf("Distance(row %d, %d) = %v, DistanceMatrix says %v", i, k, got, want.At(i, k))
			}
		}
	}
}
