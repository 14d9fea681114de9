package pipeline

import (
	"context"
	"sync/atomic"

	"github.com/stylometer/stylometer/analysis"
)

// A profile keeps counts, not text, so the page's context lines (QuoteTerms)
// read again the documents that hold the terms they quote. Tokenising them
// again was a sixth of what a run did after tagging on a corpus of a few
// hundred documents. Profile therefore keeps, for the documents it tags
// while a budget of words lasts (indexWords), where each word is and which
// term it counts as: 12 bytes a word, never stored in the profile cache or
// in part files. QuoteTerms quotes a document from it when it has one, and
// tokenises the document again when it has not (a profile read from the
// cache or from parts, a document past the budget or streamed in parts):
// the lines are the same either way (TestQuoteIndexed).

// indexWords is the most words of a run whose places Profile keeps: some
// 100 MB, the documents of a corpus of about 50 MB of text. The documents
// that finish first take it, each whole or not at all (indexBudget.take),
// so which ones have an index depends on the workers' timing; the lines
// quoted do not.
const indexWords = 8 << 20

// wordIndex is where the words of one profiled document are, in text
// order: word k is text[start[k]:end[k]] of the document's text (after
// markup extraction, as profiled) and counts as term[k].
type wordIndex struct {
	// fingerprint is profileFingerprint of the settings the document was
	// profiled with: quoting with other text rules must tokenise again.
	fingerprint string
	start, end  []uint32
	term        []analysis.TermID
}

// indexBudget hands out indexWords among a run's workers.
type indexBudget struct {
	fingerprint string
	left        atomic.Int64
}

func newIndexBudget(fingerprint string) *indexBudget {
	b := &indexBudget{fingerprint: fingerprint}
	b.left.Store(indexWords)
	return b
}

// take takes n words from the budget if that many are left, and reports
// whether it did: the words indexed never pass indexWords, whatever the
// workers and however large a document.
func (b *indexBudget) take(n int) bool {
	for {
		left := b.left.Load()
		if left < int64(n) {
			return false
		}
		if b.left.CompareAndSwap(left, left-int64(n)) {
			return true
		}
	}
}

// newWordIndex is the index of the word tokens of toks (a whole document's,
// offsets below 4 GiB), whose document term ids are seq and whose process
// term ids, by document term id, are ids.
func newWordIndex(toks []Token, seq []uint32, ids []analysis.TermID) *wordIndex {
	ix := &wordIndex{start: make([]uint32, 0, len(seq)), end: make([]uint32, 0, len(seq)), term: make([]analysis.TermID, 0, len(seq))}
	for _, t := range toks {
		if t.Word {
			ix.start = append(ix.start, uint32(t.Start))
			ix.end = append(ix.end, uint32(t.Start+len(t.Text)))
			ix.term = append(ix.term, ids[seq[len(ix.term)]])
		}
	}
	return ix
}

// span is word k's bytes.
func (ix *wordIndex) span(k int) (int, int) { return int(ix.start[k]), int(ix.end[k]) }

// quoteIndexed is quoteText from the document's word index: text is the
// document's text as profiled, which it blanks (boilerplate) as quoteText
// does; no tokenising.
func quoteIndexed(ctx context.Context, canon *Canon, text string, ix *wordIndex, want map[string]int, words int) (map[string][]KWIC, error) {
	need := make(map[analysis.TermID]int, len(want)) // what is still to find of each term
	name := make(map[analysis.TermID]string, len(want))
	for term, n := range want {
		if id, ok := analysis.LookupTerm(term); ok {
			need[id], name[id] = n, term
		}
	}
	term := func(k int) analysis.TermID { return ix.term[k] }
	return firstLines(ctx, canon, text, len(ix.term), ix.span, term, need, func(id analysis.TermID) string { return name[id] }, words)
}
