package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Table is a documents × features table of raw counts.
//
// Row i of Counts belongs to Docs[i], column j to Features[j]. Totals[i] is
// the number of all tokens of document i, the denominator of its relative
// frequencies; it is not the row sum of the kept features, which is smaller
// once the table is cut to the most frequent words.
type Table struct {
	Docs     []string
	Features []string
	Counts   *mat.Dense
	Totals   []float64
}

// NewTable returns the table of the given per-document counts.
//
// Features are every word with a positive count in some document, ranked by
// raw count over the whole corpus, descending, ties broken by code point
// ascending (byte order of the UTF-8 strings), as stylo ranks its MFW list.
// Zero or negative counts are ignored. NewTable panics if docs, counts and
// totals differ in length. With no features, Counts is nil.
func NewTable(docs []string, counts []map[string]int, totals []float64) *Table {
	if len(docs) != len(counts) || len(docs) != len(totals) {
		panic("analysis: length mismatch")
	}
	corpus := make(map[string]int)
	for _, c := range counts {
		for w, n := range c {
			if n > 0 {
				corpus[w] += n
			}
		}
	}
	features := make([]string, 0, len(corpus))
	for w := range corpus {
		features = append(features, w)
	}
	sort.Slice(features, func(i, j int) bool {
		a, b := features[i], features[j]
		if corpus[a] != corpus[b] {
			return corpus[a] > corpus[b]
		}
		return a < b
	})
	t := &Table{
		Docs:     append([]string(nil), docs...),
		Features: features,
		Totals:   append([]float64(nil), totals...),
	}
	if len(docs) == 0 || len(features) == 0 {
		return t
	}
	t.Counts = mat.NewDense(len(docs), len(features), nil)
	for i, c := range counts {
		for j, w := range features {
			if n := c[w]; n > 0 {
				t.Counts.Set(i, j, float64(n))
			}
		}
	}
	return t
}

// selectFeatures returns a copy of t keeping the feature columns in keep, in
// that order.
func (t *Table) selectFeatures(keep []int) *Table {
	out := &Table{
		Docs:     append([]string(nil), t.Docs...),
		Features: make([]string, len(keep)),
		Totals:   append([]float64(nil), t.Totals...),
	}
	for k, j := range keep {
		out.Features[k] = t.Features[j]
	}
	if len(keep) == 0 || len(t.Docs) == 0 {
		return out
	}
	out.Counts = mat.NewDense(len(t.Docs), len(keep), nil)
	for i := range t.Docs {
		for k, j := range keep {
			out.Counts.Set(i, k, t.Counts.At(i, j))
		}
	}
	return out
}

// Cull returns a copy of t keeping only the features that occur (count > 0)
// in at least minPercent per cent of the documents, in their original order.
// This is stylo's culling: a feature is kept when df/m ≥ minPercent/100 for
// m documents. Cull(0) keeps everything; Cull(100) keeps the features present
// in every document.
func (t *Table) Cull(minPercent float64) *Table {
	m := len(t.Docs)
	var keep []int
	for j := range t.Features {
		df := 0
		for i := 0; i < m; i++ {
			if t.Counts.At(i, j) > 0 {
				df++
			}
		}
		if m > 0 && float64(df)/float64(m) >= minPercent/100 {
			keep = append(keep, j)
		}
	}
	return t.selectFeatures(keep)
}

// Top returns a copy of t keeping its first n features (the n most frequent
// words when t comes from NewTable). If n exceeds the number of features, all
// are kept; n ≤ 0 keeps none.
func (t *Table) Top(n int) *Table {
	n = max(0, min(n, len(t.Features)))
	keep := make([]int, n)
	for j := range keep {
		keep[j] = j
	}
	return t.selectFeatures(keep)
}

// RelFreq returns the relative frequencies of t in per cent,
//
//	f[i][j] = 100 · Counts[i][j] / Totals[i],
//
// the scale stylo reports and the one the reference distances were computed
// on. The scale matters: simple, manhattan and euclidean distances grow with
// it (the others do not). A document whose total is zero gets a row of zeros.
// If dst is nil it is allocated, if empty resized; otherwise it must be
// documents × features or RelFreq panics. RelFreq returns dst (unchanged for a
// table without counts).
func RelFreq(dst *mat.Dense, t *Table) *mat.Dense {
	if t.Counts == nil {
		return dst
	}
	m, n := t.Counts.Dims()
	if len(t.Totals) != m {
		panic("analysis: length mismatch")
	}
	if dst == nil {
		dst = mat.NewDense(m, n, nil)
	} else if dst.IsEmpty() {
		dst.ReuseAs(m, n)
	} else if r, c := dst.Dims(); r != m || c != n {
		panic(mat.ErrShape)
	}
	for i := 0; i < m; i++ {
		tot := t.Totals[i]
		for j := 0; j < n; j++ {
			v := 0.0
			if tot != 0 {
				v = 100 * t.Counts.At(i, j) / tot
			}
			dst.Set(i, j, v)
		}
	}
	return dst
}

// ZScores returns the column z-scores of f,
//
//	z[i][j] = (f[i][j] − mean_j) / sd_j,
//
// with sd_j the sample standard deviation over the m rows (denominator m − 1),
// as R's scale() computes it and stylo uses it for the Delta family. A column
// whose sd is 0 (constant, or m < 2) gets z = 0 throughout; R would give NaN.
// If dst is nil it is allocated, if empty resized; otherwise it must have the
// shape of f or ZScores panics. dst may be f itself.
func ZScores(dst *mat.Dense, f mat.Matrix) *mat.Dense {
	m, n := f.Dims()
	if dst == nil {
		dst = mat.NewDense(m, n, nil)
	} else if dst.IsEmpty() {
		dst.ReuseAs(m, n)
	} else if r, c := dst.Dims(); r != m || c != n {
		panic(mat.ErrShape)
	}
	col := make([]float64, m)
	for j := 0; j < n; j++ {
		var mean float64
		for i := 0; i < m; i++ {
			col[i] = f.At(i, j)
			mean += col[i]
		}
		mean /= float64(m)
		var ss float64
		for _, v := range col {
			ss += (v - mean) * (v - mean)
		}
		sd := 0.0
		if m > 1 {
			sd = math.Sqrt(ss / float64(m-1))
		}
		for i, v := range col {
			z := 0.0
			if sd > 0 {
				z = (v - mean) / sd
			}
			dst.Set(i, j, z)
		}
	}
	return dst
}
