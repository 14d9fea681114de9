package reports

import (
	"io"
	"math"
	"strings"

	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/pipeline"
)

// WriteKeyness writes keyness.csv, streaming: one row per scope (document
// or grouping column), target, reference and term, with every measure side
// by side. Rates are per 10,000 words. It returns the rows written.
func WriteKeyness(w io.Writer, res []framing.KeynessResult) (int, error) {
	t := NewStream(w, "scope", "target", "reference", "term", "n_target", "n_reference",
		"rate_target", "rate_reference", "g2", "p", "p_adj", "chi2", "pmi", "log_ratio", "pct_diff",
		"bic", "ell", "log_odds", "log_odds_z", "zeta_craig", "zeta_eder")
	// A value equal to the one above it in its column (a third of them:
	// terms with the same counts in a scope score alike, and sort
	// together) is not formatted again: last holds each column's last
	// value, as bits, and text its text.
	var last [17]uint64
	var text [17][]byte
	for c := range text {
		text[c] = appendFloat(nil, 0)
	}
	for _, r := range res {
		scope := encode(r.Scope.Kind, r.Scope.Target, r.Scope.Reference)
		for _, k := range r.Rows {
			t.encoded(scope)
			t.Text(k.Term)
			values := [17]float64{k.NTarget, k.NReference, k.RelTarget, k.RelReference, k.G2, k.P, k.PAdj, k.Chi2,
				k.PMI, k.LogRatio, k.PctDiff, k.BIC, k.ELL, k.LogOddsDelta, k.LogOddsZ, k.ZetaCraig, k.ZetaEder}
			for c, v := range values {
				if b := math.Float64bits(v); b != last[c] {
					last[c], text[c] = b, appendFloat(text[c][:0], v)
				}
				t.number(text[c])
			}
			t.End()
		}
	}
	return t.Close()
}

// CollocatesTable is collocates.csv: one row per target, unit and
// collocate.
func CollocatesTable(rows []framing.Collocate, window int) *Table {
	t := &Table{Header: []string{"target", "scope", "unit", "collocate", "window", "cooc", "target_count",
		"collocate_count", "tokens", "window_tokens", "pmi", "log_dice", "g2", "p"}}
	for _, c := range rows {
		t.Add(c.Target, c.Unit.Kind, c.Unit.Name, c.Collocate, Int(window), Float(c.Freq.XY), Float(c.Freq.X),
			Float(c.Freq.Y), Float(c.Freq.N), Float(c.Freq.W), Float(c.Stats.PMI), Float(c.Stats.LogDice),
			Float(c.Stats.G2), Float(c.Stats.P))
	}
	return t
}

// TargetsTable is targets.csv: each target's count and rate per 10,000
// words in each document, group and the corpus.
func TargetsTable(rates []framing.Rate) *Table {
	t := &Table{Header: []string{"target", "scope", "unit", "count", "tokens", "per_10k"}}
	for _, r := range rates {
		t.Add(r.Target, r.Unit.Kind, r.Unit.Name, Int(r.Count), Int(r.Words), Float(r.Per10k))
	}
	return t
}

// KWICTable is kwic.csv: one row per occurrence of a target, in document,
// target, then text order. position is the byte offset of the keyword in the
// original text (the file, or the text extracted from an HTML or XML
// file's markup): original[position:position+len(keyword)] == keyword.
func KWICTable(docs []pipeline.Doc, targets []string) *Table {
	t := &Table{Header: []string{"doc_id", "target", "position", "left", "keyword", "right"}}
	for _, d := range docs {
		for ti, name := range targets {
			for _, k := range d.Profile.Targets[ti].KWIC {
				t.Add(d.ID, name, Int(k.Offset), k.Left, k.Keyword, k.Right)
			}
		}
	}
	return t
}

// LexiconTable is lexicon.csv: each category's count and rate per 10,000
// words in each document, group and the corpus, with the terms that
// matched.
func LexiconTable(rates []framing.LexiconRate) *Table {
	t := &Table{Header: []string{"category", "scope", "unit", "count", "tokens", "per_10k", "matched_terms"}}
	for _, r := range rates {
		t.Add(r.Category, r.Unit.Kind, r.Unit.Name, Int(r.Count), Int(r.Words), Float(r.Per10k), strings.Join(r.Terms, " "))
	}
	return t
}
