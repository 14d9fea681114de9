package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Vocabulary is the features of a corpus of sparse count rows, ranked as
// NewTable ranks them (raw corpus count descending, ties by code point),
// with each feature's corpus count and document frequency. It holds no
// documents × features table: its memory grows with the vocabulary only,
// and the dense tables the distances need are cut from it (Table).
type Vocabulary struct {
	Features []string
	Count    []int // corpus count of each feature
	DF       []int // documents with a positive count of each feature
	Docs     int   // documents counted
	rank     map[string]int
}

// NewVocabulary ranks the features of counts. Zero or negative counts are
// ignored, as NewTable ignores them.
func NewVocabulary(counts []map[string]int) *Vocabulary {
	corpus := make(map[string]int)
	df := make(map[string]int)
	for _, c := range counts {
		for w, n := range c {
			if n > 0 {
				corpus[w] += n
				df[w]++
			}
		}
	}
	v := &Vocabulary{Features: make([]string, 0, len(corpus)), Docs: len(counts)}
	for w := range corpus {
		v.Features = append(v.Features, w)
	}
	sort.Slice(v.Features, func(i, j int) bool {
		a, b := v.Features[i], v.Features[j]
		if corpus[a] != corpus[b] {
			return corpus[a] > corpus[b]
		}
		return a < b
	})
	v.rank = make(map[string]int, len(v.Features))
	v.Count = make([]int, len(v.Features))
	v.DF = make([]int, len(v.Features))
	for j, w := range v.Features {
		v.rank[w], v.Count[j], v.DF[j] = j, corpus[w], df[w]
	}
	return v
}

// Rank returns the position of feature w in Features, or -1.
func (v *Vocabulary) Rank(w string) int {
	if j, ok := v.rank[w]; ok {
		return j
	}
	return -1
}

// Culled returns, in rank order, the features present in at least
// minPercent per cent of the documents: the columns Table.Cull keeps.
func (v *Vocabulary) Culled(minPercent float64) []int {
	var keep []int
	for j := range v.Features {
		if v.Docs > 0 && float64(v.DF[j])/float64(v.Docs) >= minPercent/100 {
			keep = append(keep, j)
		}
	}
	return keep
}

// Table returns the documents × features table of counts over the
// features keep (indices into Features, in that order): the same table as
// NewTable(docs, counts, totals) cut to those columns (Cull, Top), built
// without the full one. counts must be the rows v was made from.
func (v *Vocabulary) Table(docs []string, counts []map[string]int, totals []float64, keep []int) *Table {
	if len(docs) != len(counts) || len(docs) != len(totals) {
		panic("analysis: length mismatch")
	}
	t := &Table{Docs: append([]string(nil), docs...), Features: make([]string, len(keep)), Totals: append([]float64(nil), totals...)}
	col := make(map[string]int, len(keep))
	for k, j := range keep {
		t.Features[k] = v.Features[j]
		col[v.Features[j]] = k
	}
	if len(docs) == 0 || len(keep) == 0 {
		return t
	}
	t.Counts = mat.NewDense(len(docs), len(keep), nil)
	for i, c := range counts {
		for w, n := range c {
			if k, ok := col[w]; ok && n > 0 {
				t.Counts.Set(i, k, float64(n))
			}
		}
	}
	return t
}

// TFIDFWeights gives the tf·idf weights TFIDF computes over the whole
// vocabulary, from sparse rows: idf_j = ln((1 + m)/(1 + df_j)) + 1 and each
// document's row scaled to unit length, without the dense table. The
// values are bit for bit TFIDF's (the squares are summed in rank order).
type TFIDFWeights struct {
	v    *Vocabulary
	idf  []float64
	norm []float64 // each document's Euclidean norm of count · idf
}

// NewTFIDFWeights computes the idf of v's features and the norm of each
// row of counts (the rows v was made from).
func NewTFIDFWeights(v *Vocabulary, counts []map[string]int) *TFIDFWeights {
	w := &TFIDFWeights{v: v, idf: make([]float64, len(v.Features)), norm: make([]float64, len(counts))}
	m := len(counts)
	for j, df := range v.DF {
		w.idf[j] = math.Log(float64(1+m)/float64(1+df)) + 1
	}
	var cols []int
	for i, c := range counts {
		cols = cols[:0]
		for t, n := range c {
			if n > 0 {
				cols = append(cols, v.rank[t])
			}
		}
		sort.Ints(cols)
		var s float64
		for _, j := range cols {
			x := float64(c[v.Features[j]]) * w.idf[j]
			s += x * x
		}
		w.norm[i] = math.Sqrt(s)
	}
	return w
}

// At is document i's weight of term, which it counts count times; 0 for a
// term it lacks or a document with no counts.
func (w *TFIDFWeights) At(i int, term string, count int) float64 {
	j, ok := w.v.rank[term]
	if !ok || count <= 0 || w.norm[i] == 0 {
		return 0
	}
	return float64(count) * w.idf[j] / w.norm[i]
}
