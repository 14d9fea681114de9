package analysis

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Measure names a distance between documents. The names are stylo's
// (dist.delta, dist.eder ...) or R's stats::dist method names, and the
// values are the same numbers those functions return.
type Measure string

// The measures. In the formulas n is the number of features, z the column
// z-scores of the relative frequencies (see ZScores), f the relative
// frequencies in per cent (see RelFreq), and i the rank of a feature counted
// from 1.
const (
	// Delta is Burrows' Classic Delta (Burrows 2002), stylo's dist.delta:
	// (1/n) Σ_i |z_a,i − z_b,i|.
	//
	// For Delta, Argamon and Eder, features whose sd is 0 (constant over the
	// documents) are handled as stylo's R code handles them: scale() makes
	// them NaN and stats::dist drops NaN terms, scaling the sum over the k
	// remaining features by n/k. So Delta is (1/k) Σ over the k, Argamon
	// sqrt((n/k) Σ (z_a,i − z_b,i)²)/n, Eder (n/k) Σ with the weights of the
	// full ranking. With no constant feature, k = n.
	Delta Measure = "delta"
	// Argamon is stylo's dist.argamon, Argamon's (2008) quadratic Delta as
	// stylo scales it: sqrt(Σ_i (z_a,i − z_b,i)²) / n.
	Argamon Measure = "argamon"
	// Eder is Eder's Delta, stylo's dist.eder, which weights features by
	// rank: Σ_i |z_a,i − z_b,i| · (n − i + 2)/n, stylo's weights
	// (1 + n:1)/n; the most frequent word weighs (n + 1)/n, the last 2/n.
	Eder Measure = "eder"
	// Simple is Eder's Simple distance, stylo's dist.simple:
	// Σ_i |√f_a,i − √f_b,i|. It depends on the per-cent scale of f.
	Simple Measure = "simple"
	// Wurzburg is Cosine Delta (Smith & Aldridge 2011; Evert et al. 2017),
	// stylo's dist.wurzburg: 1 − cos(z_a, z_b) after dropping the features
	// whose standard deviation is 0.
	Wurzburg Measure = "wurzburg"
	// Cosine is stylo's dist.cosine: 1 − cos(f_a, f_b).
	Cosine Measure = "cosine"
	// MinMax is the Ruzicka (min–max) distance, stylo's dist.minmax
	// (Koppel & Winter 2014): 1 − Σ_i min(f_a,i, f_b,i) / Σ_i max(f_a,i, f_b,i).
	MinMax Measure = "minmax"
	// Canberra is R's stats::dist(method = "canberra"):
	// Σ_i |f_a,i − f_b,i| / (f_a,i + f_b,i), terms with f_a,i = f_b,i = 0
	// dropped and the sum scaled by n/(n − dropped). When every term is
	// dropped (two all-zero rows) R returns NA; Canberra gives 0.
	Canberra Measure = "canberra"
	// Manhattan is Σ_i |f_a,i − f_b,i| (stats::dist "manhattan"). It depends
	// on the per-cent scale of f.
	Manhattan Measure = "manhattan"
	// Euclidean is sqrt(Σ_i (f_a,i − f_b,i)²) (stats::dist "euclidean"). It
	// depends on the per-cent scale of f.
	Euclidean Measure = "euclidean"
	// JSD is the Jensen–Shannon divergence (Lin 1991), base 2, of the two
	// documents' rows each normalised to a probability distribution over the
	// kept features, p = f_a/Σf_a and q = f_b/Σf_b, with M = (p + q)/2:
	// ½ Σ p log2(p/M) + ½ Σ q log2(q/M), 0·log 0 = 0. It is the divergence
	// (in [0, 1]), not its square root, and does not depend on the scale of f.
	JSD Measure = "jsd"
	// TFIDFCosine is the cosine distance 1 − cos(x_a, x_b) between the
	// documents' tf·idf rows (see TFIDF): smaller is closer, like every other
	// measure here. scikit-learn reports the similarity cos(x_a, x_b).
	TFIDFCosine Measure = "tfidf_cosine"
)

// Measures returns every measure in a fixed order: the stylo and stats::dist
// measures in the order of the reference README, then jsd and tfidf_cosine.
func Measures() []Measure {
	return []Measure{Delta, Argamon, Eder, Simple, Wurzburg, Cosine, MinMax,
		Canberra, Manhattan, Euclidean, JSD, TFIDFCosine}
}

// ParseMeasure returns the measure named s (one of the names Measures
// returns, exactly), or an error.
func ParseMeasure(s string) (Measure, error) {
	for _, m := range Measures() {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("unknown distance measure %q", s)
}

// errNoFeatures is returned for a table with no documents or no features.
var errNoFeatures = errors.New("analysis: table has no documents or no features")

// Distance returns the documents × documents distances of measure m over t.
// It computes the input the measure needs from the counts itself: relative
// frequencies in per cent (RelFreq) for every measure, z-scored over the
// documents of t (ZScores) for delta, argamon, eder and wurzburg; the
// tf·idf rows of the counts for tfidf_cosine. See DistanceMatrix.
//
// p is told of the rows done (see Progress; nil: never stops): a stopped
// computation returns an incomplete matrix.
func Distance(m Measure, t *Table, p Progress) (*mat.SymDense, error) {
	if t.Counts == nil {
		return nil, errNoFeatures
	}
	if m == TFIDFCosine {
		return distanceMatrix(nil, m, t.Counts, p)
	}
	return distanceMatrix(nil, m, RelFreq(nil, t), p)
}

// DistanceMatrix returns in dst the distances of measure m between the rows
// of f, a documents × features matrix of relative frequencies in per cent as
// RelFreq returns them; the delta family (delta, argamon, eder, wurzburg)
// z-scores the columns of f itself, over all its rows, as stylo does.
//
// Scale: multiplying all of f by one factor (fractions instead of per cent)
// changes only simple, manhattan and euclidean. Scaling each row by its own
// factor (raw counts instead of frequencies) leaves cosine, jsd and
// tfidf_cosine unchanged, so tfidf_cosine may be given counts or
// frequencies alike (document frequency is the number of rows with f > 0).
//
// If dst is nil or empty it is allocated; otherwise it must be
// documents × documents or DistanceMatrix panics. Errors: an unknown measure,
// or no rows or columns.
//
// Undefined distances are NaN, never an error, so that one document cannot
// stop the others from being compared: for cosine, jsd, minmax and
// tfidf_cosine every pair with a row that is all zero (a document with none
// of the features); for wurzburg every pair with a row whose z-scores are all
// zero; for the Delta family every pair when no feature varies between the
// documents (0/0 in every term). The diagonal is always 0. Rounding can make
// 1 − cos(a, b) of two almost identical rows a few units of 1e-16 below
// zero: such values are returned as 0, since a distance is never negative.
func DistanceMatrix(dst *mat.SymDense, m Measure, f mat.Matrix) (*mat.SymDense, error) {
	return distanceMatrix(dst, m, f, nil)
}

// distanceMatrix is DistanceMatrix, telling prog of the rows done: once it
// says stop, the rest of dst is left as it is.
func distanceMatrix(dst *mat.SymDense, m Measure, f mat.Matrix, prog Progress) (*mat.SymDense, error) {
	p, err := prepare(m, f)
	if err != nil {
		return nil, err
	}
	r := p.rows
	if dst == nil || dst.IsEmpty() {
		dst = mat.NewSymDense(r, nil)
	} else if dst.SymmetricDim() != r {
		panic(mat.ErrShape)
	}
	if p.undefined {
		return undefined(dst), nil
	}
	pair := p.pair
	if p.unit {
		// 1 − x xᵀ by BLAS.
		dst.SymOuterK(1, p.x)
		pair = func(i, j int) float64 { return math.Max(0, 1-dst.At(i, j)) }
	}
	for i := 0; i < r; i++ {
		if prog.stop(i, r) {
			return dst, nil
		}
		dst.SetSym(i, i, 0)
		j := i + 1
		if p.sixteen != nil {
			// Whole blocks of sixteen rows from the one holding i + 1.
			var ds [panelRows]float64
			for b := j / panelRows; b*panelRows < r; b++ {
				p.block16(i, b, &ds)
				for jq := max(j, b*panelRows); jq < min(r, (b+1)*panelRows); jq++ {
					dst.SetSym(i, jq, ds[jq-b*panelRows])
				}
			}
			continue
		}
		for ; j < r; j++ {
			if p.zero != nil && (p.zero[i] || p.zero[j]) {
				dst.SetSym(i, j, math.NaN())
				continue
			}
			dst.SetSym(i, j, pair(i, j))
		}
	}
	return dst, nil
}

// prepared is a measure made ready over the rows of a table: the rows
// transformed as the measure needs them (z-scores, weights, square
// roots, unit length, probabilities) and the distance of a pair of rows.
type prepared struct {
	rows int
	x    *mat.Dense
	pair func(i, j int) float64 // nil when unit
	// sixteen, when set, is pair for i and the rows 16b … 16b+15 at once,
	// bit for bit the same (see panel.go); block16 calls it.
	sixteen func(i, b int, d *[panelRows]float64)
	// sums, when set, is sixteen without the last step: the kernel's sums,
	// which post turns into distances one by one (bit for bit sixteen's),
	// and bound(w) is a sum above which the distance is surely above w
	// (post is non-decreasing), so that the nearest-neighbour search
	// rejects most pairs on their sums. Set for the measures whose
	// distance is a function of the sum alone (not minmax).
	sums        func(i, b int, d *[panelRows]float64)
	post, bound func(float64) float64
	unit        bool   // rows of unit length: the distance is 1 − x_i · x_j
	zero        []bool // rows for which the measure is undefined (0/0)
	undefined   bool   // every pair is undefined
}

// at is the distance between rows i ≠ j, NaN where undefined. For the
// cosine family it takes the dot product of the two rows itself, which
// can differ from DistanceMatrix's BLAS product in the last bit.
func (p *prepared) at(i, j int) float64 {
	if p.undefined || p.zero != nil && (p.zero[i] || p.zero[j]) {
		return math.NaN()
	}
	if p.unit {
		return math.Max(0, 1-floats.Dot(p.x.RawRowView(i), p.x.RawRowView(j)))
	}
	return p.pair(i, j)
}

// block16 sets d[q] to at(i, 16b + q) for the rows of block b, bit for
// bit, when p.sixteen is set; the entries past the last row and the one
// for i itself are to be ignored.
func (p *prepared) block16(i, b int, d *[panelRows]float64) {
	p.sixteen(i, b, d)
	if p.zero == nil {
		return
	}
	for q := range d {
		if j := b*panelRows + q; j < p.rows && (p.zero[i] || p.zero[j]) {
			d[q] = math.NaN()
		}
	}
}

// prepare transforms the rows of f, a documents × features matrix of
// relative frequencies in per cent, for measure m (see DistanceMatrix).
func prepare(m Measure, f mat.Matrix) (*prepared, error) {
	r, n := f.Dims()
	if r == 0 || n == 0 {
		return nil, errNoFeatures
	}
	if _, err := ParseMeasure(string(m)); err != nil {
		return nil, err
	}
	x := mat.DenseCopyOf(f)
	p := &prepared{rows: r, x: x}
	row := x.RawRowView
	// rows applies a distance between two rows to the pair (i, j).
	rows := func(fn func(a, b []float64) float64) func(i, j int) float64 {
		return func(i, j int) float64 { return fn(row(i), row(j)) }
	}
	var pair func(i, j int) float64
	var sixteen func(i, b int, d *[panelRows]float64)
	// rows16 applies a sixteen-row kernel (panel.go) and then post, which
	// turns the sums d of the pairs (i, j0), (i, j0 + 1) … into distances
	// (one call a block, not one a pair). The panels are laid out once the
	// rows are transformed.
	var pn *panels
	rows16 := func(kernel func(a, blk []float64, out *[panelRows]float64), post func(d []float64, i, j0 int)) func(i, b int, d *[panelRows]float64) {
		return func(i, b int, d *[panelRows]float64) {
			kernel(row(i), pn.block(b), d)
			j0 := b * panelRows
			post(d[:min(panelRows, r-j0)], i, j0)
		}
	}
	// monotone sets sums, post and bound for a distance that is a
	// non-decreasing function f of the kernel's sum (see prepared.sums),
	// inv(w) being the sum at which f reaches w, and returns the block form
	// of kernel and f for sixteen.
	var sums func(i, b int, d *[panelRows]float64)
	var post, bound func(float64) float64
	monotone := func(kernel func(a, blk []float64, out *[panelRows]float64), f, inv func(float64) float64) func(i, b int, d *[panelRows]float64) {
		sums = func(i, b int, d *[panelRows]float64) { kernel(row(i), pn.block(b), d) }
		// A relative margin far above f's rounding (a few ulp) and an
		// absolute one for sums that f would round to 0.
		post, bound = f, func(w float64) float64 { return inv(w)*(1+1e-9) + 1e-300 }
		return rows16(kernel, func(d []float64, _, _ int) {
			for q, s := range d {
				d[q] = f(s)
			}
		})
	}
	// times is a sum times c, then divided by div.
	times := func(kernel func(a, blk []float64, out *[panelRows]float64), c, div float64) func(i, b int, d *[panelRows]float64) {
		return monotone(kernel, func(s float64) float64 { return s * c / div }, func(w float64) float64 { return w * div / c })
	}
	// root is √(s·c)/div.
	root := func(kernel func(a, blk []float64, out *[panelRows]float64), c, div float64) func(i, b int, d *[panelRows]float64) {
		return monotone(kernel, func(s float64) float64 { return math.Sqrt(s*c) / div }, func(w float64) float64 { return w * div * w * div / c })
	}
	unitCosine := false
	var zero []bool
	// For the delta family, scale = n/k with k the features whose sd is not
	// 0: R's scale() makes constant columns NaN and stats::dist drops NaN
	// terms and scales the sum by n/k; ours are z = 0, so the sum is the
	// same and we apply the factor. With no constant feature it is 1.
	var scale float64
	switch m {
	case Delta, Argamon, Eder, Wurzburg:
		ZScores(x, x)
		k := varying(x)
		if k == 0 && r > 1 {
			p.undefined = true
			return p, nil
		}
		scale = float64(n) / float64(max(k, 1))
	}
	switch m {
	case Delta:
		pair = rows(func(a, b []float64) float64 { return manhattan(a, b) * scale / float64(n) })
		sixteen = times(manhattan16, scale, float64(n))
	case Argamon:
		pair = rows(func(a, b []float64) float64 { return math.Sqrt(sqEuclidean(a, b)*scale) / float64(n) })
		sixteen = root(sqEuclidean16, scale, float64(n))
	case Eder:
		// stylo 0.7.7: t(t(x) * ((1+n:1)/n)) before the Manhattan distance;
		// column j (from 0) has rank i = j + 1 and weight (n − i + 2)/n.
		for j := 0; j < n; j++ {
			w := float64(n-j+1) / float64(n)
			for i := 0; i < r; i++ {
				x.Set(i, j, x.At(i, j)*w)
			}
		}
		pair = rows(func(a, b []float64) float64 { return manhattan(a, b) * scale })
		sixteen = times(manhattan16, scale, 1)
	case Simple:
		for i := 0; i < r; i++ {
			for j := 0; j < n; j++ {
				x.Set(i, j, math.Sqrt(x.At(i, j)))
			}
		}
		pair = rows(manhattan)
		sixteen = times(manhattan16, 1, 1)
	case Wurzburg:
		// Features with sd 0 have z = 0, which drops them from the dot
		// product and both norms: the same as stylo removing them.
		zero = normaliseRows(x)
		unitCosine = true
	case Cosine:
		zero = normaliseRows(x)
		unitCosine = true
	case TFIDFCosine:
		x = tfidf(x)
		zero = normaliseRows(x)
		unitCosine = true
	case MinMax:
		var sums []float64
		sums, zero = rowSums(x)
		// Σ min(a, b) = (S − D)/2 and Σ max(a, b) = (S + D)/2 with
		// S = Σ a + Σ b and D = Σ |a − b|, so the distance is 2D/(S + D):
		// one Manhattan distance per pair, no branches.
		pair = func(i, j int) float64 {
			d := manhattan(row(i), row(j))
			return 2 * d / (sums[i] + sums[j] + d)
		}
		sixteen = rows16(manhattan16, func(d []float64, i, j0 int) {
			for q, s := range d {
				d[q] = 2 * s / (sums[i] + sums[j0+q] + s)
			}
		})
	case Canberra:
		pair = rows(canberra)
	case Manhattan:
		pair = rows(manhattan)
		sixteen = times(manhattan16, 1, 1)
	case Euclidean:
		pair = rows(func(a, b []float64) float64 { return math.Sqrt(sqEuclidean(a, b)) })
		sixteen = root(sqEuclidean16, 1, 1)
	case JSD:
		var sums []float64
		sums, zero = rowSums(x)
		// logs holds ln p for every entry (0 where p = 0), so that each pair
		// needs one logarithm per feature, ln M.
		logs := mat.NewDense(r, n, nil)
		for i := 0; i < r; i++ {
			p, lp := row(i), logs.RawRowView(i)
			if zero[i] {
				continue
			}
			for j := range p {
				p[j] /= sums[i]
				if p[j] > 0 {
					lp[j] = math.Log(p[j])
				}
			}
		}
		pair = func(i, j int) float64 {
			return jsd(row(i), row(j), logs.RawRowView(i), logs.RawRowView(j))
		}
	}
	if sixteen != nil {
		pn = newPanels(x.RawMatrix().Data, r, n)
	}
	p.pair, p.sixteen, p.unit, p.zero = pair, sixteen, unitCosine, zero
	p.sums, p.post, p.bound = sums, post, bound
	return p, nil
}

// undefined fills dst with NaN off the diagonal and 0 on it.
func undefined(dst *mat.SymDense) *mat.SymDense {
	r := dst.SymmetricDim()
	for i := 0; i < r; i++ {
		dst.SetSym(i, i, 0)
		for j := i + 1; j < r; j++ {
			dst.SetSym(i, j, math.NaN())
		}
	}
	return dst
}

func manhattan(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		s += math.Abs(v - b[i])
	}
	return s
}

// sqEuclidean rounds each square before adding it (no fused
// multiply-add), as sqEuclidean16 does.
func sqEuclidean(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		d := v - b[i]
		s += float64(d * d)
	}
	return s
}

// canberra follows R's C_dist: terms with a zero numerator and denominator
// are dropped and the sum is scaled up by n/count.
func canberra(a, b []float64) float64 {
	var s float64
	count := 0
	for i, v := range a {
		sum := math.Abs(v + b[i])
		diff := math.Abs(v - b[i])
		if sum > math.SmallestNonzeroFloat64 || diff > math.SmallestNonzeroFloat64 {
			dev := diff / sum
			if !math.IsNaN(dev) {
				s += dev
				count++
			}
		}
	}
	if count == 0 {
		return 0
	}
	if count != len(a) {
		s /= float64(count) / float64(len(a))
	}
	return s
}

// jsd returns the base-2 Jensen–Shannon divergence of two distributions p
// and q given with their natural logarithms lp, lq (0 where the probability
// is 0): ½ Σ p (ln p − ln M) + ½ Σ q (ln q − ln M), divided by ln 2.
func jsd(p, q, lp, lq []float64) float64 {
	q, lp, lq = q[:len(p)], lp[:len(p)], lq[:len(p)]
	var s float64
	for i, a := range p {
		b := q[i]
		if a == 0 && b == 0 {
			continue
		}
		lm := math.Log((a + b) / 2)
		s += a*(lp[i]-lm) + b*(lq[i]-lm)
	}
	return math.Max(0, s/(2*math.Ln2))
}

// varying returns the number of columns of the z-scores x that are not all
// zero, the features whose sd is not 0.
func varying(x *mat.Dense) int {
	r, n := x.Dims()
	k := 0
	for j := 0; j < n; j++ {
		for i := 0; i < r; i++ {
			if x.At(i, j) != 0 {
				k++
				break
			}
		}
	}
	return k
}

// rowSums returns the row sums of x and which rows sum to zero.
func rowSums(x *mat.Dense) (sums []float64, zero []bool) {
	r, _ := x.Dims()
	sums = make([]float64, r)
	zero = make([]bool, r)
	for i := range sums {
		for _, v := range x.RawRowView(i) {
			sums[i] += v
		}
		zero[i] = sums[i] == 0
	}
	return sums, zero
}

// normaliseRows scales every row of x to unit Euclidean length and reports
// the rows that are all zero, which it leaves as they are.
func normaliseRows(x *mat.Dense) (zero []bool) {
	r, _ := x.Dims()
	zero = make([]bool, r)
	for i := 0; i < r; i++ {
		row := x.RawRowView(i)
		var s float64
		for _, v := range row {
			s += v * v
		}
		if s == 0 {
			zero[i] = true
			continue
		}
		s = math.Sqrt(s)
		for j := range row {
			row[j] /= s
		}
	}
	return zero
}

// TFIDF returns the documents × features tf·idf matrix of t as
// scikit-learn's TfidfVectorizer computes it with its defaults (norm="l2",
// smooth_idf=True, sublinear_tf=False): tf = raw count,
//
//	idf_j = ln((1 + m)/(1 + df_j)) + 1,
//
// for m documents and df_j the number of documents with a positive count of
// feature j, then each row x_i = tf_i · idf scaled to unit Euclidean length.
// A document with no kept features stays a zero row. TFIDF returns nil for a
// table without counts.
func TFIDF(t *Table) *mat.Dense {
	if t.Counts == nil {
		return nil
	}
	x := tfidf(mat.DenseCopyOf(t.Counts))
	r, _ := x.Dims()
	for i := 0; i < r; i++ {
		row := x.RawRowView(i)
		var s float64
		for _, v := range row {
			s += v * v
		}
		if s == 0 {
			continue
		}
		s = math.Sqrt(s)
		for j := range row {
			row[j] /= s
		}
	}
	return x
}

// tfidf multiplies the columns of x in place by the smoothed idf and returns
// x; rows are not normalised.
func tfidf(x *mat.Dense) *mat.Dense {
	r, n := x.Dims()
	for j := 0; j < n; j++ {
		df := 0
		for i := 0; i < r; i++ {
			if x.At(i, j) > 0 {
				df++
			}
		}
		idf := math.Log(float64(1+r)/float64(1+df)) + 1
		for i := 0; i < r; i++ {
			x.Set(i, j, x.At(i, j)*idf)
		}
	}
	return x
}
