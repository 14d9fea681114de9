package analysis

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestKNearestMatchesMatrix: the k nearest neighbours equal those read off
// the full DistanceMatrix (the brute-force reference): the same items in
// the same order, the same distances (to 1e-15 for the dot-product
// measures, exactly for the others), a zero row never a neighbour.
func TestKNearestMatchesMatrix(t *testing.T) {
	for _, rows := range []int{30, 300} { // 300: many tiles, bounds carried between them
		knnMatchesMatrix(t, rows)
	}
}

func knnMatchesMatrix(t *testing.T, rows int) {
	r := rand.New(rand.NewPCG(3, 4))
	f := mat.NewDense(rows, 8, nil)
	for i := range rows {
		for j := range 8 {
			if i != 7 { // row 7: no features (undefined under cosine, jsd, minmax)
				f.Set(i, j, float64(r.IntN(4))) // small integers: ties
			}
		}
	}
	for _, m := range Measures() {
		d, err := DistanceMatrix(nil, m, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := KNearest(m, f, 5)
		if err != nil {
			t.Fatal(err)
		}
		tol := 0.0
		switch m {
		case Cosine, Wurzburg, TFIDFCosine:
			tol = 1e-15
		}
		for i := range rows {
			var want []Neighbour
			for j := range rows {
				if j != i && !math.IsNaN(d.At(i, j)) {
					want = append(want, Neighbour{j, d.At(i, j)})
				}
			}
			slices.SortStableFunc(want, func(a, b Neighbour) int { return cmp.Compare(a.Distance, b.Distance) })
			want = want[:min(5, len(want))]
			if len(got[i]) != len(want) {
				t.Fatalf("%s row %d: %d neighbours, want %d", m, i, len(got[i]), len(want))
			}
			for k := range want {
				if math.Abs(got[i][k].Distance-want[k].Distance) > tol {
					t.Errorf("%s row %d, neighbour %d: %v, want %v", m, i, k, got[i][k], want[k])
				}
				if tol == 0 && got[i][k].Item != want[k].Item {
					t.Errorf("%s row %d, neighbour %d: item %d, want %d", m, i, k, got[i][k].Item, want[k].Item)
				}
			}
		}
	}
}

// TestNeighbourHelpers: the helpers that work from neighbour lists agree
// with the matrix-based functions they stand in for (the references):
// DistanceAmong with Subset(Distance), AttributeNeighbours over every
// other item with Attribute, NeighbourNetwork with NearestNeighbourNetwork.
func TestNeighbourHelpers(t *testing.T) {
	ids, counts, totals := randomCounts(9, 12, 11)
	tab := NewTable(ids, counts, totals)
	labels := []string{"x", "y", "x", "", "z", "y", "x", "z", "y"}
	for _, m := range []Measure{Delta, Canberra, Cosine, TFIDFCosine} {
		d, err := Distance(m, tab, nil)
		if err != nil {
			t.Fatal(err)
		}
		idx := []int{1, 4, 5, 8}
		among, err := DistanceAmong(m, tab, idx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !mat.EqualApprox(among, Subset(d, idx), 1e-15) {
			t.Errorf("%s: DistanceAmong = %v, want %v", m, mat.Formatted(among), mat.Formatted(Subset(d, idx)))
		}
		nb := NeighboursOf(d, 8)
		if got, want := AttributeNeighbours(nb, labels, nil), Attribute(d, labels, nil, nil); !cmpAttributions(got, want) {
			t.Errorf("%s: AttributeNeighbours = %+v, want %+v", m, got, want)
		}
		if got, want := NeighbourNetwork(NeighboursOf(d, 3), 3), NearestNeighbourNetwork([]mat.Symmetric{d}, 3, nil); !slices.Equal(got, want) {
			t.Errorf("%s: NeighbourNetwork = %v, want %v", m, got, want)
		}
	}
}

func cmpAttributions(a, b []Attribution) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Item != b[i].Item || a[i].Label != b[i].Label || a[i].Predicted != b[i].Predicted || a[i].Rank != b[i].Rank || a[i].Unattributable != b[i].Unattributable || !slices.Equal(a[i].Candidates, b[i].Candidates) {
			return false
		}
	}
	return true
}

// concurrentKNN is the relative frequencies of 70 random texts and their 6
// nearest by Delta, run in order, for the tests of KNearestRun's tiles run
// at once.
func concurrentKNN(t *testing.T) (*mat.Dense, [][]Neighbour) {
	t.Helper()
	ids, counts, totals := randomCounts(70, 15, 21)
	f := RelFreq(nil, NewTable(ids, counts, totals))
	want, err := KNearest(Delta, f, 6)
	if err != nil {
		t.Fatal(err)
	}
	return f, want
}

// allAtOnce is a Runner that starts every task at once, in reverse order.
func allAtOnce(n int, task func(int)) {
	var wg sync.WaitGroup
	for i := n - 1; i >= 0; i-- {
		wg.Go(func() { task(i) })
	}
	wg.Wait()
}

// TestKNearestRunConcurrent: tiles computed at once, in any order, give
// the neighbours of the sequential run.
func TestKNearestRunConcurrent(t *testing.T) {
	f, want := concurrentKNN(t)
	got, err := KNearestRun(Delta, f, 6, allAtOnce, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: %v, want %v", i, got[i], want[i])
		}
	}
}
