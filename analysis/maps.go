package analysis

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// eigTol is the relative size below which an eigenvalue counts as zero: the
// eigen decomposition leaves noise of this order in the null directions.
const eigTol = 1e-10

// MDS returns classical (Torgerson–Gower) multidimensional scaling of the
// n × n distances d in k dimensions, as R's cmdscale: with D² the squared
// distances and J = I − 11ᵀ/n, B = −½ J D² J = VΛVᵀ and the coordinates are
// the first k columns of V Λ^½ (Torgerson 1952; Gower 1966). B is
// double-centred directly from row and column means (O(n²)) and decomposed
// by gonum's EigenSym; the test checks it against gonum's
// mds.TorgersonScaling, which forms J D² J by two dense products and is ~4×
// slower at 1,000 documents.
//
// eigenvalues are all n eigenvalues of B in descending order (negative ones
// included, as cmdscale's eig), for goodness-of-fit summaries. Above
// mdsExact (500) documents only the k leading eigenpairs are computed, by
// Lanczos iteration with full reorthogonalisation, and eigenvalues holds
// those k: the full decomposition costs O(n³) (14 s at 2,000 documents),
// Lanczos O(n²) per step; the coordinates agree with the full
// decomposition's to about 1e-10 (tested), and where Lanczos does not
// converge the full decomposition is used. A dimension
// whose eigenvalue is not positive (below 1e-10 of the largest) has
// coordinates 0; points on a line give a second column of zeros. The sign of
// each dimension is fixed so that its largest-magnitude coordinate is
// positive (the first such coordinate, to 1e-9 relative, on near-ties).
// MDS returns an error for k outside 1 … n or a failed eigen decomposition.
func MDS(d mat.Symmetric, k int) (coords *mat.Dense, eigenvalues []float64, err error) {
	n := d.SymmetricDim()
	if n == 0 {
		return nil, nil, errors.New("mds: no documents")
	}
	if k < 1 || k > n {
		return nil, nil, fmt.Errorf("mds: %d dimensions requested for %d documents", k, n)
	}
	coords = mat.NewDense(n, k, nil)
	allZero := true
	for i := 0; i < n && allZero; i++ {
		for j := i + 1; j < n; j++ {
			if d.At(i, j) != 0 {
				allZero = false
				break
			}
		}
	}
	if allZero {
		return coords, make([]float64, n), nil
	}
	var vecs *mat.Dense
	var eig []float64
	if n > mdsExact {
		vecs, eig = lanczosTop(doubleCentre(d), k)
	}
	if vecs == nil {
		if vecs, eig, err = torgerson(d); err != nil {
			return nil, nil, err
		}
	}
	tol := eigTol * eig[0]
	for j := 0; j < k; j++ {
		if eig[j] <= tol {
			break
		}
		s := math.Sqrt(eig[j])
		for i := 0; i < n; i++ {
			coords.Set(i, j, vecs.At(i, j)*s)
		}
	}
	fixSigns(coords)
	return coords, eig, nil
}

// PCA returns the principal components analysis of x, rows observations
// (documents) and columns variables (features), keeping k components: the
// n × k scores (the centred x times the loadings), the p × k loadings (unit
// eigenvectors of the covariance matrix, columns in order of decreasing
// variance) and the proportion of the total variance each of the k
// components explains, λ_j / Σ λ (all min(n, p) components sum to 1).
//
// PCA centres the columns but does not scale them (gonum's stat.PC, by SVD):
// pass ZScores of the relative frequencies for a correlation PCA, stylo's
// "PCR". Signs are fixed so that the largest-magnitude loading of each
// component is positive, the scores flipped with it. PCA returns an error for
// fewer than two rows, k outside 1 … min(n, p), a matrix without variance or a
// failed decomposition.
func PCA(x mat.Matrix, k int) (scores, loadings *mat.Dense, explained []float64, err error) {
	n, p := x.Dims()
	if n < 2 || p < 1 {
		return nil, nil, nil, fmt.Errorf("pca: need at least 2 rows and 1 column, have %d × %d", n, p)
	}
	if k < 1 || k > min(n, p) {
		return nil, nil, nil, fmt.Errorf("pca: %d components requested of a %d × %d matrix", k, n, p)
	}
	var pc stat.PC
	if !pc.PrincipalComponents(x, nil) {
		return nil, nil, nil, errors.New("pca: decomposition failed")
	}
	vars := pc.VarsTo(nil)
	var total float64
	for _, v := range vars {
		total += v
	}
	if total == 0 {
		return nil, nil, nil, errors.New("pca: the matrix has no variance")
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	loadings = mat.DenseCopyOf(vecs.Slice(0, p, 0, k))
	fixSigns(loadings)
	centred := mat.DenseCopyOf(x)
	for j := 0; j < p; j++ {
		var mean float64
		for i := 0; i < n; i++ {
			mean += centred.At(i, j)
		}
		mean /= float64(n)
		for i := 0; i < n; i++ {
			centred.Set(i, j, centred.At(i, j)-mean)
		}
	}
	scores = mat.NewDense(n, k, nil)
	scores.Mul(centred, loadings)
	explained = make([]float64, k)
	for j := range explained {
		explained[j] = vars[j] / total
	}
	return scores, loadings, explained, nil
}

// fixSigns flips each column of m so that its largest-magnitude entry is
// positive; among entries within 1e-9 (relative) of the largest magnitude the
// first is taken, so that symmetric configurations get a stable sign.
func fixSigns(m *mat.Dense) {
	r, c := m.Dims()
	for j := 0; j < c; j++ {
		var big float64
		for i := 0; i < r; i++ {
			big = math.Max(big, math.Abs(m.At(i, j)))
		}
		if big == 0 {
			continue
		}
		for i := 0; i < r; i++ {
			v := m.At(i, j)
			if math.Abs(v) >= big*(1-1e-9) {
				if v < 0 {
					for i := 0; i < r; i++ {
						m.Set(i, j, -m.At(i, j))
					}
				}
				break
			}
		}
	}
}

// torgerson returns the eigenvectors (columns) and eigenvalues, descending,
// of B = −½ J D² J, computed as b_ij = −½ (d²_ij − r_i − r_j + g) with r_i
// the mean of row i of D² and g the grand mean.
func torgerson(d mat.Symmetric) (*mat.Dense, []float64, error) {
	b := doubleCentre(d)
	n := b.SymmetricDim()
	var es mat.EigenSym
	if !es.Factorize(b, true) {
		return nil, nil, errors.New("mds: eigen decomposition failed")
	}
	vals := es.Values(nil) // ascending
	var v mat.Dense
	es.VectorsTo(&v)
	// Descending order.
	eig := make([]float64, n)
	vecs := mat.NewDense(n, n, nil)
	for j := 0; j < n; j++ {
		eig[j] = vals[n-1-j]
		for i := 0; i < n; i++ {
			vecs.Set(i, j, v.At(i, n-1-j))
		}
	}
	return vecs, eig, nil
}

// doubleCentre returns B = −½ J D² J, as b_ij = −½ (d²_ij − r_i − r_j + g)
// with r_i the mean of row i of D² and g the grand mean.
func doubleCentre(d mat.Symmetric) *mat.SymDense {
	n := d.SymmetricDim()
	sq := make([]float64, n*n)
	row := make([]float64, n)
	var grand float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := d.At(i, j)
			v *= v
			sq[i*n+j] = v
			row[i] += v
		}
		grand += row[i]
		row[i] /= float64(n)
	}
	grand /= float64(n * n)
	b := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			b.SetSym(i, j, -0.5*(sq[i*n+j]-row[i]-row[j]+grand))
		}
	}
	return b
}

// mdsExact is the most documents MDS decomposes fully.
const mdsExact = 500

// lanczosTop returns the k largest eigenvalues of the symmetric b, in
// descending order, and their unit eigenvectors (columns), by Lanczos
// iteration with full reorthogonalisation from a seeded start vector
// (Golub & Van Loan, Matrix Computations, 4th ed., §10.1). It stops when
// the k leading Ritz pairs' residuals are below 1e-12 of the largest
// |Ritz value|; it returns nil vectors when they do not converge within
// the steps it allows, and the caller decomposes b fully.
func lanczosTop(b *mat.SymDense, k int) (*mat.Dense, []float64) {
	n := b.SymmetricDim()
	maxSteps := min(n, 300)
	rng := rand.New(rand.NewPCG(1, 2))
	q := make([][]float64, 0, maxSteps+1)
	q0 := make([]float64, n)
	for i := range q0 {
		q0[i] = rng.Float64() - 0.5
	}
	floats.Scale(1/floats.Norm(q0, 2), q0)
	q = append(q, q0)
	var alpha, beta []float64
	w := make([]float64, n)
	wv := mat.NewVecDense(n, w)
	for j := 0; j < maxSteps; j++ {
		wv.MulVec(b, mat.NewVecDense(n, q[j]))
		a := floats.Dot(q[j], w)
		alpha = append(alpha, a)
		// Full reorthogonalisation, twice ("twice is enough").
		for range 2 {
			for _, qi := range q {
				floats.AddScaled(w, -floats.Dot(qi, w), qi)
			}
		}
		bt := floats.Norm(w, 2)
		if (j+1)%10 == 0 || bt < 1e-300 || j+1 == maxSteps {
			if vecs, eig, ok := ritz(q[:j+1], alpha, beta, bt, k); ok {
				return vecs, eig
			}
		}
		if bt < 1e-300 {
			return nil, nil
		}
		beta = append(beta, bt)
		next := make([]float64, n)
		floats.ScaleTo(next, 1/bt, w)
		q = append(q, next)
	}
	return nil, nil
}

// ritz returns the k leading Ritz pairs of the Lanczos basis q with the
// tridiagonal (alpha, beta), when their residuals |β_m s_m,i| are below
// 1e-12 of the largest |Ritz value|.
func ritz(q [][]float64, alpha, beta []float64, bLast float64, k int) (*mat.Dense, []float64, bool) {
	m := len(alpha)
	if m < k {
		return nil, nil, false
	}
	t := mat.NewSymDense(m, nil)
	for i := 0; i < m; i++ {
		t.SetSym(i, i, alpha[i])
		if i+1 < m {
			t.SetSym(i, i+1, beta[i])
		}
	}
	var es mat.EigenSym
	if !es.Factorize(t, true) {
		return nil, nil, false
	}
	vals := es.Values(nil) // ascending
	var s mat.Dense
	es.VectorsTo(&s)
	big := math.Max(math.Abs(vals[0]), math.Abs(vals[m-1]))
	n := len(q[0])
	vecs := mat.NewDense(n, k, nil)
	eig := make([]float64, k)
	for c := 0; c < k; c++ {
		col := m - 1 - c
		if bLast*math.Abs(s.At(m-1, col)) > 1e-12*big {
			return nil, nil, false
		}
		eig[c] = vals[col]
		for j := 0; j < m; j++ {
			sj := s.At(j, col)
			for i := 0; i < n; i++ {
				vecs.Set(i, c, vecs.At(i, c)+sj*q[j][i])
			}
		}
	}
	return vecs, eig, true
}
