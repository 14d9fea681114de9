package analysis

import (
	"cmp"
	"math"
	"slices"
	"strings"

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
	byID     []int32 // rank by interned term id; -1: not a feature
}

// NewVocabulary ranks the features of counts. Its memory and time grow
// with the vocabulary and the number of entries, never with a documents ×
// features table.
func NewVocabulary(counts []TermCounts) *Vocabulary {
	ts := terms()
	corpus := make([]int, len(ts))
	df := make([]int, len(ts))
	for _, c := range counts {
		c.each(func(id uint32, n int) bool {
			corpus[id] += n
			df[id]++
			return true
		})
	}
	var ids []uint32
	for id, n := range corpus {
		if n > 0 {
			ids = append(ids, uint32(id))
		}
	}
	slices.SortFunc(ids, func(a, b uint32) int {
		if corpus[a] != corpus[b] {
			return cmp.Compare(corpus[b], corpus[a])
		}
		return strings.Compare(ts[a], ts[b])
	})
	v := &Vocabulary{Features: make([]string, len(ids)), Count: make([]int, len(ids)), DF: make([]int, len(ids)), Docs: len(counts),
		rank: make(map[string]int, len(ids)), byID: make([]int32, len(ts))}
	for j := range v.byID {
		v.byID[j] = -1
	}
	for j, id := range ids {
		w := ts[id]
		v.Features[j], v.Count[j], v.DF[j] = w, corpus[id], df[id]
		v.rank[w], v.byID[id] = j, int32(j)
	}
	return v
}

// rankOf is the rank of the term with id, or -1.
func (v *Vocabulary) rankOf(id uint32) int {
	if int(id) < len(v.byID) {
		return int(v.byID[id])
	}
	return -1
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
// without the full one. counts are the rows v was made from, or other
// rows over the same terms (the windows of its documents): a term v does
// not rank counts for no column.
func (v *Vocabulary) Table(docs []string, counts []TermCounts, totals []float64, keep []int) *Table {
	if len(docs) != len(counts) || len(docs) != len(totals) {
		panic("analysis: length mismatch")
	}
	t := &Table{Docs: append([]string(nil), docs...), Features: make([]string, len(keep)), Totals: append([]float64(nil), totals...)}
	col := make([]int32, len(v.Features))
	for j := range col {
		col[j] = -1
	}
	for k, j := range keep {
		t.Features[k] = v.Features[j]
		col[j] = int32(k)
	}
	if len(docs) == 0 || len(keep) == 0 {
		return t
	}
	t.Counts = mat.NewDense(len(docs), len(keep), nil)
	for i, c := range counts {
		c.each(func(id uint32, n int) bool {
			if j := v.rankOf(id); j >= 0 && col[j] >= 0 {
				t.Counts.Set(i, int(col[j]), float64(n))
			}
			return true
		})
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
func NewTFIDFWeights(v *Vocabulary, counts []TermCounts) *TFIDFWeights {
	w := &TFIDFWeights{v: v, idf: make([]float64, len(v.Features)), norm: make([]float64, len(counts))}
	m := len(counts)
	for j, df := range v.DF {
		w.idf[j] = math.Log(float64(1+m)/float64(1+df)) + 1
	}
	// Each of a row's cells is a key, its rank above its place in n, so
	// that plain integers sort it into rank order (several times faster
	// than sorting pairs with a comparison function).
	var keys []uint64
	var n []int
	for i, c := range counts {
		keys, n = keys[:0], n[:0]
		c.each(func(id uint32, k int) bool {
			if j := v.rankOf(id); j >= 0 {
				keys = append(keys, uint64(j)<<32|uint64(len(n)))
				n = append(n, k)
			}
			return true
		})
		slices.Sort(keys)
		var s float64
		for _, key := range keys {
			x := float64(n[uint32(key)]) * w.idf[key>>32]
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
