package reports

import (
	"cmp"
	"io"
	"slices"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/pipeline"
)

// Column is a named numeric column of a per-document table, one value per
// document in the table's document order.
type Column struct {
	Name   string
	Values []float64
}

// DocumentsTable is documents.csv: one row per document with its id, path,
// metadata (metaCols in order; empty where a document has no value), its
// counts, the language it is analysed as (langs, in docs order) and the
// one detected with its confidence (empty when not detected), and the
// measures in cols.
func DocumentsTable(docs []pipeline.Doc, metaCols []string, langs []string, cols []Column) *Table {
	t := &Table{Header: []string{"doc_id", "path"}}
	t.Header = append(t.Header, metaCols...)
	t.Header = append(t.Header, "bytes", "tokens", "types", "sentences", "punctuation", "boilerplate_lines",
		"language", "language_detected", "language_confidence")
	for _, c := range cols {
		t.Header = append(t.Header, c.Name)
	}
	for i, d := range docs {
		row := []string{d.ID, d.Path}
		for _, c := range metaCols {
			row = append(row, d.Meta[c])
		}
		p := d.Profile
		row = append(row, Int(d.Bytes), Int(p.Words), Int(p.Terms.Len()), Int(p.Sentences), Int(p.Punctuation), Int(p.Boilerplate))
		conf := ""
		if p.Language != "" {
			conf = Float(p.LanguageConfidence)
		}
		row = append(row, langs[i], p.Language, conf)
		for _, c := range cols {
			row = append(row, Float(c.Values[i]))
		}
		t.Add(row...)
	}
	return t
}

// WriteTerms writes terms.csv, streaming: one row per document and term,
// in document order, then count descending, then term; with limit > 0,
// each document's first limit rows. rel_freq is count / the document's
// words (a proportion, not a percentage); tfidf(i, term, count) gives
// document i's tf-idf weight of term, which it counts count times. It
// returns the rows written.
func WriteTerms(w io.Writer, docs []pipeline.Doc, tfidf func(i int, term string, count int) float64, limit int) (int, error) {
	t := NewStream(w, "doc_id", "term", "count", "rel_freq", "tfidf")
	for i, d := range docs {
		p := d.Profile
		for _, kv := range topCounts(p.Terms, limit) {
			t.Text(d.ID, kv.key)
			t.Int(kv.n)
			t.Float(float64(kv.n)/float64(p.Words), tfidf(i, kv.key, kv.n))
			t.End()
		}
	}
	return t.Close()
}

// POSTable is pos.csv: one row per document and Penn Treebank tag, count
// descending then tag; rel_freq is count / all the document's tokens,
// punctuation included.
func POSTable(docs []pipeline.Doc) *Table {
	t := &Table{Header: []string{"doc_id", "tag", "count", "rel_freq"}}
	for _, d := range docs {
		p := d.Profile
		all := p.Words + p.Punctuation
		for _, kv := range sortedCounts(p.POS) {
			t.Add(d.ID, kv.key, Int(kv.n), Float(float64(kv.n)/float64(all)))
		}
	}
	return t
}

// ErrorsTable is errors.csv: one row per skipped input or problem; a header
// only when nothing failed.
func ErrorsTable(f []pipeline.Failure) *Table {
	t := &Table{Header: []string{"path", "stage", "error"}}
	for _, e := range f {
		t.Add(e.Path, e.Stage, e.Err)
	}
	return t
}

type keyCount struct {
	key string
	n   int
}

// topCounts is sortedCounts cut to its first limit entries (limit > 0).
// Only the entries counted at least as often as the limit-th most frequent
// are sorted, and named: the rest cannot be among the first limit.
func topCounts(m analysis.TermCounts, limit int) []keyCount {
	if limit <= 0 || m.Len() <= limit {
		return sortedCounts(m)
	}
	ids := make([]analysis.TermID, 0, m.Len())
	counts := make([]int, 0, m.Len())
	for id, n := range m.IDs() {
		ids, counts = append(ids, id), append(counts, n)
	}
	cut := largest(counts, limit)
	names := analysis.TermNames()
	var kv []keyCount
	for i, n := range counts {
		if n >= cut {
			kv = append(kv, keyCount{names[ids[i]], n})
		}
	}
	sortCounts(kv)
	return kv[:limit]
}

// largest is the k-th largest of counts (positive, 0 < k <= len(counts)),
// found by a histogram of the counts when the largest is at most 4 times
// their number (a document's word counts: "the" 641 times among 1,573
// terms), else by sorting them.
func largest(counts []int, k int) int {
	top := slices.Max(counts)
	if top > 4*len(counts) {
		sorted := slices.Clone(counts)
		slices.Sort(sorted)
		return sorted[len(sorted)-k]
	}
	hist := make([]int, top+1)
	for _, n := range counts {
		hist[n]++
	}
	n, above := top, hist[top]
	for above < k {
		n--
		above += hist[n]
	}
	return n
}

// sortedCounts orders a count map by count descending, then key.
func sortedCounts(m analysis.TermCounts) []keyCount {
	out := make([]keyCount, 0, m.Len())
	for k, n := range m.All() {
		out = append(out, keyCount{k, n})
	}
	sortCounts(out)
	return out
}

// sortCounts sorts kv by count descending, then key.
func sortCounts(kv []keyCount) {
	slices.SortFunc(kv, func(a, b keyCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
}
