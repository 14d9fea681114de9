package analysis

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"
)

// fiveTaxa is the worked example of Wikipedia's "UPGMA", "Complete-linkage
// clustering" and "Single-linkage clustering" articles (5S ribosomal RNA of
// five bacteria a … e, after Erdmann & Wolters 1986).
var fiveTaxa = mat.NewSymDense(5, []float64{
	0, 17, 21, 31, 23,
	17, 0, 30, 34, 21,
	21, 30, 0, 28, 39,
	31, 34, 28, 0, 43,
	23, 21, 39, 43, 0,
})

func TestClusterFiveTaxa(t *testing.T) {
	// Leaves a=0 b=1 c=2 d=3 e=4; clusters 5, 6, 7, 8 in merge order.
	for _, tc := range []struct {
		method Linkage
		want   []Merge
	}{
		// UPGMA (Wikipedia: branch points at 17/2, 22/2, 28/2, 33/2):
		// d(ab,c) = (21+30)/2 = 25.5, d(ab,d) = 32.5, d(ab,e) = (23+21)/2 = 22;
		// d(abe,c) = (2·25.5+39)/3 = 30, d(abe,d) = (2·32.5+43)/3 = 36;
		// c–d at 28; d(abe,cd) = (30+36)/2 = 33.
		{Average, []Merge{{0, 1, 17, 2}, {4, 5, 22, 3}, {2, 3, 28, 2}, {6, 7, 33, 5}}},
		// Complete linkage (Wikipedia: 17, 23, 28, 43): d(ab,e) = max(23,21) = 23,
		// d(abe,c) = 39, d(abe,d) = 43, c–d 28.
		{Complete, []Merge{{0, 1, 17, 2}, {4, 5, 23, 3}, {2, 3, 28, 2}, {6, 7, 43, 5}}},
		// Single linkage (Wikipedia: 17, 21, 21, 28): d(ab,c) = d(ab,e) = 21 tie,
		// broken by the smaller pair of ids (2,5) < (4,5); then e joins at 21.
		{Single, []Merge{{0, 1, 17, 2}, {2, 5, 21, 3}, {4, 6, 21, 4}, {3, 7, 28, 5}}},
		// ward.D on the distances: d(ab,x) = (2 d_ax + 2 d_bx − 17)/3:
		// c 85/3, d 113/3, e 71/3 (the minimum);
		// d(abe,c) = (3·85/3 + 2·39 − 71/3)/4 = 418/12, d(abe,d) = 526/12;
		// c–d 28; d(abe,cd) = (4·418/12 + 4·526/12 − 3·28)/5 = 692/15.
		{WardD, []Merge{{0, 1, 17, 2}, {4, 5, 71.0 / 3, 3}, {2, 3, 28, 2}, {6, 7, 692.0 / 15, 5}}},
		// ward.D2: the same recurrence on squared distances (289, 441, …):
		// d²(ab,c) = (2·441 + 2·900 − 289)/3 = 2393/3, d²(ab,d) = 3945/3,
		// d²(ab,e) = (2·529 + 2·441 − 289)/3 = 1651/3 (the minimum);
		// d²(abe,c) = (2393 + 2·1521 − 1651/3)/4 = 14654/12,
		// d²(abe,d) = (3945 + 2·1849 − 1651/3)/4 = 21278/12; c–d 28² = 784;
		// d²(abe,cd) = (4·14654/12 + 4·21278/12 − 3·784)/5 = 28876/15.
		{WardD2, []Merge{{0, 1, 17, 2}, {4, 5, math.Sqrt(1651.0 / 3), 3}, {2, 3, 28, 2}, {6, 7, math.Sqrt(28876.0 / 15), 5}}},
	} {
		got, err := Cluster(fiveTaxa, tc.method)
		if err != nil {
			t.Fatalf("Cluster(%s): %v", tc.method, err)
		}
		if diff := cmp.Diff(tc.want, got, cmpopts.EquateApprox(1e-14, 0)); diff != "" {
			t.Errorf("Cluster(fiveTaxa, %s) (-want +got):\n%s", tc.method, diff)
		}
	}
	// The empty method is ward.D2.
	def, _ := Cluster(fiveTaxa, "")
	d2, _ := Cluster(fiveTaxa, WardD2)
	if diff := cmp.Diff(d2, def); diff != "" {
		t.Errorf("Cluster(\"\") differs from ward.D2:\n%s", diff)
	}
}

func TestLeafOrderCutTree(t *testing.T) {
	// UPGMA of fiveTaxa: 8 = (6 = (e, 5 = (a, b)), 7 = (c, d)).
	merges, err := Cluster(fiveTaxa, Average)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{4, 0, 1, 2, 3}, LeafOrder(merges, 5)); diff != "" {
		t.Errorf("LeafOrder (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		k    int
		want []int
	}{
		{1, []int{0, 0, 0, 0, 0}},
		{2, []int{0, 0, 1, 1, 0}}, // {a,b,e} {c,d}
		{3, []int{0, 0, 1, 2, 0}}, // {a,b,e} {c} {d}
		{4, []int{0, 0, 1, 2, 3}}, // {a,b} {c} {d} {e}
		{5, []int{0, 1, 2, 3, 4}},
	} {
		if diff := cmp.Diff(tc.want, CutTree(merges, 5, tc.k)); diff != "" {
			t.Errorf("CutTree(k=%d) (-want +got):\n%s", tc.k, diff)
		}
	}
	if got := LeafOrder(nil, 1); !cmp.Equal(got, []int{0}) {
		t.Errorf("LeafOrder(nil, 1) = %v, want [0]", got)
	}
}

func TestClusterErrors(t *testing.T) {
	if _, err := Cluster(fiveTaxa, "median"); err == nil {
		t.Error("Cluster(median) succeeded, want error")
	}
	bad := mat.NewSymDense(2, []float64{0, math.NaN(), math.NaN(), 0})
	if _, err := Cluster(bad, Average); err == nil {
		t.Error("Cluster with NaN succeeded, want error")
	}
	if m, err := Cluster(mat.NewSymDense(1, nil), Average); err != nil || len(m) != 0 {
		t.Errorf("Cluster of one leaf = %v, %v, want no merges", m, err)
	}
}

// naiveCluster is the textbook O(n³) algorithm: at every step scan all pairs
// of live clusters, computing their distance from the leaves' distances by
// the method's definition (single: min, complete: max, average: mean over
// all leaf pairs; ward.D2 from the centroids of pts, ward.D by the
// Lance–Williams recurrence on a full matrix).
func naiveCluster(d *mat.SymDense, pts *mat.Dense, method Linkage) []Merge {
	n := d.SymmetricDim()
	members := map[int][]int{}
	for i := 0; i < n; i++ {
		members[i] = []int{i}
	}
	live := make([]int, n)
	for i := range live {
		live[i] = i
	}
	lw := map[[2]int]float64{} // ward.D recurrence, keyed by (min id, max id)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			lw[[2]int{i, j}] = d.At(i, j)
		}
	}
	key := func(a, b int) [2]int { return [2]int{min(a, b), max(a, b)} }
	between := func(a, b int) float64 {
		ma, mb := members[a], members[b]
		switch method {
		case Single, Complete, Average:
			best, sum := math.NaN(), 0.0
			for _, i := range ma {
				for _, j := range mb {
					v := d.At(i, j)
					sum += v
					if math.IsNaN(best) || (method == Single && v < best) || (method == Complete && v > best) {
						best = v
					}
				}
			}
			if method == Average {
				return sum / float64(len(ma)*len(mb))
			}
			return best
		case WardD2:
			_, p := pts.Dims()
			var ss float64
			for c := 0; c < p; c++ {
				var ca, cb float64
				for _, i := range ma {
					ca += pts.At(i, c)
				}
				for _, j := range mb {
					cb += pts.At(j, c)
				}
				diff := ca/float64(len(ma)) - cb/float64(len(mb))
				ss += diff * diff
			}
			na, nb := float64(len(ma)), float64(len(mb))
			return math.Sqrt(2 * na * nb / (na + nb) * ss)
		default:
			return lw[key(a, b)]
		}
	}
	var merges []Merge
	for k := 0; k < n-1; k++ {
		ba, bb, bd := -1, -1, math.Inf(1)
		for x := 0; x < len(live); x++ {
			for y := x + 1; y < len(live); y++ {
				a, b := min(live[x], live[y]), max(live[x], live[y])
				v := between(a, b)
				if v < bd || (v == bd && (a < ba || (a == ba && b < bb))) {
					ba, bb, bd = a, b, v
				}
			}
		}
		c := n + k
		if method == WardD {
			na, nb := float64(len(members[ba])), float64(len(members[bb]))
			for _, u := range live {
				if u == ba || u == bb {
					continue
				}
				nu := float64(len(members[u]))
				lw[key(u, c)] = ((na+nu)*lw[key(u, ba)] + (nb+nu)*lw[key(u, bb)] - nu*bd) / (na + nb + nu)
			}
		}
		members[c] = append(append([]int(nil), members[ba]...), members[bb]...)
		var next []int
		for _, u := range live {
			if u != ba && u != bb {
				next = append(next, u)
			}
		}
		live = append(next, c)
		merges = append(merges, Merge{ba, bb, bd, len(members[c])})
	}
	return merges
}

func TestClusterBruteForce(t *testing.T) {
	rnd := newRand(7)
	for trial := 0; trial < 20; trial++ {
		n := 2 + rnd.IntN(14)
		const p = 3
		pts := mat.NewDense(n, p, nil)
		for i := 0; i < n; i++ {
			for c := 0; c < p; c++ {
				pts.Set(i, c, rnd.NormFloat64())
			}
		}
		eu := euclid(pts)
		random := mat.NewSymDense(n, nil) // not a metric, still valid input
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				random.SetSym(i, j, rnd.Float64())
			}
		}
		for _, method := range Linkages() {
			for _, in := range []struct {
				name string
				d    *mat.SymDense
			}{{"euclidean", eu}, {"random", random}} {
				name, d := in.name, in.d
				if method == WardD2 && name == "random" {
					continue // the centroid formula needs Euclidean input
				}
				got, err := Cluster(d, method)
				if err != nil {
					t.Fatal(err)
				}
				want := naiveCluster(d, pts, method)
				if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 1e-12)); diff != "" {
					t.Errorf("trial %d, n=%d, %s on %s (-naive +Cluster):\n%s", trial, n, method, name, diff)
				}
			}
		}
	}
}

func TestClusterTiesDeterministic(t *testing.T) {
	// Four points at the corners of a unit square: every side is 1, so the
	// first merges are all ties. Smallest pair first: (0,1), then (2,3).
	d := mat.NewSymDense(4, []float64{
		0, 1, math.Sqrt2, 1,
		1, 0, 1, math.Sqrt2,
		math.Sqrt2, 1, 0, 1,
		1, math.Sqrt2, 1, 0,
	})
	got, err := Cluster(d, Complete)
	if err != nil {
		t.Fatal(err)
	}
	// After (0,1): d(4,2) = max(√2, 1) = √2, d(4,3) = √2, d(2,3) = 1.
	want := []Merge{{0, 1, 1, 2}, {2, 3, 1, 2}, {4, 5, math.Sqrt2, 4}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Cluster(square, complete) (-want +got):\n%s", diff)
	}
}

// TestAdjustedRandAndPurity: the adjusted Rand index of scikit-learn's
// documented examples (user guide, "Adjusted Rand index":
// adjusted_rand_score([0,0,1,1],[0,0,1,1]) = 1, ([0,0,1,1],[1,1,0,0]) = 1,
// ([0,0,1,2],[0,0,1,1]) = 0.57 (= 4/7 by hand: index 1, expected 1·2/6,
// max 3/2), ([0,0,0,0],[0,1,2,3]) = 0, ([0,0,1,1],[0,1,0,1]) = −0.5) and
// purity by hand.
func TestAdjustedRandAndPurity(t *testing.T) {
	for _, c := range []struct {
		a, b []int
		want float64
	}{
		{[]int{0, 0, 1, 1}, []int{0, 0, 1, 1}, 1},
		{[]int{0, 0, 1, 1}, []int{1, 1, 0, 0}, 1},
		{[]int{0, 0, 1, 2}, []int{0, 0, 1, 1}, 4.0 / 7},
		{[]int{0, 0, 0, 0}, []int{0, 1, 2, 3}, 0},
		{[]int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
	} {
		if got := AdjustedRand(c.a, c.b); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("AdjustedRand(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	// Clusters {0,1,2} {3,4}: labels A A B | B B → (2 + 2)/5.
	if got := Purity([]int{0, 0, 0, 1, 1}, []string{"A", "A", "B", "B", "B"}); got != 0.8 {
		t.Errorf("Purity = %v, want 0.8", got)
	}
}
