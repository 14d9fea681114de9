package analysis

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/mds"
)

// euclid returns the Euclidean distances between the rows of pts.
func euclid(pts *mat.Dense) *mat.SymDense {
	n, p := pts.Dims()
	d := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			var ss float64
			for c := 0; c < p; c++ {
				diff := pts.At(i, c) - pts.At(j, c)
				ss += diff * diff
			}
			d.SetSym(i, j, math.Sqrt(ss))
		}
	}
	return d
}

func TestMDS(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pts     *mat.Dense
		want    *mat.Dense // expected coordinates, signs fixed
		wantEig []float64  // leading eigenvalues
	}{
		{
			// Points 0, 1, 3, 6 on a line: centred −2.5, −1.5, 0.5, 3.5 (3.5 is
			// the largest and positive); λ1 = 6.25 + 2.25 + 0.25 + 12.25 = 21.
			name:    "line",
			pts:     mat.NewDense(4, 1, []float64{0, 1, 3, 6}),
			want:    mat.NewDense(4, 2, []float64{-2.5, 0, -1.5, 0, 0.5, 0, 3.5, 0}),
			wantEig: []float64{21, 0},
		},
		{
			// Rectangle (±2, ±1) around (10, 20): axes x then y, λ = Σx² = 16,
			// Σy² = 4. Magnitudes tie, so the first point's coordinate is positive.
			name:    "rectangle",
			pts:     mat.NewDense(4, 2, []float64{12, 21, 8, 21, 8, 19, 12, 19}),
			want:    mat.NewDense(4, 2, []float64{2, 1, -2, 1, -2, -1, 2, -1}),
			wantEig: []float64{16, 4},
		},
	} {
		got, eig, err := MDS(euclid(tc.pts), 2)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !mat.EqualApprox(got, tc.want, 1e-9) {
			t.Errorf("MDS(%s) = %v, want %v", tc.name, mat.Formatted(got), mat.Formatted(tc.want))
		}
		if len(eig) != 4 {
			t.Fatalf("MDS(%s) returned %d eigenvalues, want 4", tc.name, len(eig))
		}
		for j, w := range tc.wantEig {
			if math.Abs(eig[j]-w) > 1e-9 {
				t.Errorf("MDS(%s) eigenvalue %d = %v, want %v", tc.name, j, eig[j], w)
			}
		}
	}
	if _, _, err := MDS(fiveTaxa, 0); err == nil {
		t.Error("MDS(k=0) succeeded, want error")
	}
	// All distances zero: every point at the origin.
	c, _, err := MDS(mat.NewSymDense(3, nil), 2)
	if err != nil || mat.Norm(c, 1) != 0 {
		t.Errorf("MDS(zero distances) = %v, %v, want zeros", mat.Formatted(c), err)
	}
}

func TestPCA(t *testing.T) {
	// The rectangle of TestMDS as data: loadings are the axes, scores the
	// centred points, explained variance 16/20 and 4/20.
	x := mat.NewDense(4, 2, []float64{12, 21, 8, 21, 8, 19, 12, 19})
	scores, loadings, explained, err := PCA(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantScores := mat.NewDense(4, 2, []float64{2, 1, -2, 1, -2, -1, 2, -1})
	if !mat.EqualApprox(scores, wantScores, 1e-12) {
		t.Errorf("PCA scores = %v, want %v", mat.Formatted(scores), mat.Formatted(wantScores))
	}
	if !mat.EqualApprox(loadings, mat.NewDense(2, 2, []float64{1, 0, 0, 1}), 1e-12) {
		t.Errorf("PCA loadings = %v, want identity", mat.Formatted(loadings))
	}
	if math.Abs(explained[0]-0.8) > 1e-12 || math.Abs(explained[1]-0.2) > 1e-12 {
		t.Errorf("PCA explained = %v, want [0.8 0.2]", explained)
	}

	// A random z-scored table: all components explain everything, the scores
	// reproduce the (already centred) data, and signs follow the rule.
	rnd := newRand(3)
	const n, p = 7, 4
	raw := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			raw.Set(i, j, rnd.NormFloat64())
		}
	}
	z := ZScores(nil, raw)
	scores, loadings, explained, err = PCA(z, p)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for j, e := range explained {
		sum += e
		if j > 0 && e > explained[j-1] {
			t.Errorf("explained not descending: %v", explained)
		}
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("explained sums to %v, want 1", sum)
	}
	var back mat.Dense
	back.Mul(scores, loadings.T())
	if !mat.EqualApprox(&back, z, 1e-12) {
		t.Errorf("scores·loadingsᵀ does not reproduce the data")
	}
	for j := 0; j < p; j++ {
		col := mat.Col(nil, j, loadings)
		big := 0
		for i, v := range col {
			if math.Abs(v) > math.Abs(col[big]) {
				big = i
			}
		}
		if col[big] < 0 {
			t.Errorf("component %d: largest loading %v is negative", j, col[big])
		}
	}
	if _, _, _, err := PCA(mat.NewDense(3, 2, nil), 1); err == nil {
		t.Error("PCA of a constant matrix succeeded, want error")
	}
	if _, _, _, err := PCA(z, p+1); err == nil {
		t.Error("PCA with too many components succeeded, want error")
	}
}

// TestMDSAgainstGonum compares MDS with gonum's own classical scaling
// (stat/mds.TorgersonScaling) on seeded random configurations: the same
// eigenvalues and, up to the sign of each dimension, the same coordinates.
func TestMDSAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, n := range []int{3, 10, 40} {
		pts := mat.NewDense(n, 4, nil)
		for i := range n {
			for j := range 4 {
				pts.Set(i, j, rng.NormFloat64())
			}
		}
		d := euclid(pts)
		got, eig, err := MDS(d, 3)
		if err != nil {
			t.Fatal(err)
		}
		var want mat.Dense
		k, weig := mds.TorgersonScaling(&want, make([]float64, n), d)
		// A configuration of n points spans n − 1 dimensions at most.
		for j := 0; j < 3 && j < k && j < n-1; j++ {
			if math.Abs(eig[j]-weig[j]) > 1e-9*weig[0] {
				t.Errorf("n=%d eigenvalue %d = %v, gonum %v", n, j, eig[j], weig[j])
			}
			sign := 1.0
			if got.At(0, j)*want.At(0, j) < 0 {
				sign = -1
			}
			for i := range n {
				if math.Abs(got.At(i, j)-sign*want.At(i, j)) > 1e-9 {
					t.Errorf("n=%d point %d dim %d = %v, gonum %v", n, i, j, got.At(i, j), sign*want.At(i, j))
					break
				}
			}
		}
	}
}

// TestMDSLanczosMatchesFull: above mdsExact documents MDS takes the two
// leading eigenpairs by Lanczos; the coordinates equal those of the full
// decomposition (the reference, torgerson) to 1e-9 of the largest
// coordinate, on Euclidean and on Manhattan (Delta-like) distances.
func TestMDSLanczosMatchesFull(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n := mdsExact + 100
	x := mat.NewDense(n, 6, nil)
	for i := range n {
		for j := range 6 {
			x.Set(i, j, r.NormFloat64()*float64(6-j))
		}
	}
	for _, m := range []Measure{Euclidean, Manhattan} {
		d, err := DistanceMatrix(nil, m, x)
		if err != nil {
			t.Fatal(err)
		}
		got, eig, err := MDS(d, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(eig) != 2 {
			t.Fatalf("%s: %d eigenvalues, want the 2 Lanczos computed (the full path returns %d)", m, len(eig), n)
		}
		vecs, all, err := torgerson(d)
		if err != nil {
			t.Fatal(err)
		}
		want := mat.NewDense(n, 2, nil)
		for j := range 2 {
			for i := range n {
				want.Set(i, j, vecs.At(i, j)*math.Sqrt(all[j]))
			}
		}
		fixSigns(want)
		scale := mat.Norm(want, math.Inf(1))
		if !mat.EqualApprox(got, want, 1e-9*scale) {
			t.Errorf("%s: Lanczos MDS differs from the full decomposition by more than 1e-9 × %g", m, scale)
		}
		for j := range 2 {
			if math.Abs(eig[j]-all[j]) > 1e-9*math.Abs(all[0]) {
				t.Errorf("%s: eigenvalue %d = %v, want %v", m, j, eig[j], all[j])
			}
		}
	}
}
