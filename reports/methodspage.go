package reports

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/reports/chart"
)

// The charts and page blocks of the methods beside the core views:
// classifiers compared, attribution explained, verification, differential
// collocates and time.

// maxTrendCharts is the most items (targets, then lexicon categories)
// with a trend chart; trends.csv has every one.
const maxTrendCharts = 12

// drawMethods draws the confusion matrix of the view measure's
// attribution, each target's differential collocates and the trends.
func (st *studyView) drawMethods(f *figures) {
	s := st.Stylometry
	if a := s.Attribution[s.View]; len(a) > 0 {
		e := analysis.Evaluate(a)
		var labels []string
		for k := range e.Confusion {
			labels = append(labels, k[0], k[1])
		}
		slices.Sort(labels)
		labels = slices.Compact(labels)
		if len(labels) > 0 {
			values := make([][]float64, len(labels)) // [predicted][true]
			for p, lp := range labels {
				values[p] = make([]float64, len(labels))
				for t, lt := range labels {
					values[p][t] = float64(e.Confusion[[2]string{lt, lp}])
				}
			}
			f.add("attribution_confusion.svg", "Confusion matrix", func(w io.Writer) error {
				return chart.Tiles(w, labels, labels, values, chart.Options{Title: string(s.View) + ": true label (rows) × predicted (columns)", XLabel: "texts"})
			})
		}
	}
	// Differential collocates: per target, the first pair of the first
	// column compared, top 10 by |G²|.
	seen := map[string]bool{}
	for _, d := range st.Differentials {
		if seen[d.Target] {
			continue
		}
		seen[d.Target] = true
		pairs := map[[3]string]bool{}
		for _, x := range st.Differentials {
			if x.Target == d.Target {
				pairs[[3]string{x.Column, x.A, x.B}] = true
			}
		}
		var terms []chart.Term
		for _, x := range st.Differentials {
			if x.Target == d.Target && x.Column == d.Column && x.A == d.A && x.B == d.B && len(terms) < 10 && !math.IsNaN(x.G2) {
				terms = append(terms, chart.Term{Term: x.Term, Score: x.LogRatio})
			}
		}
		if len(terms) == 0 {
			continue
		}
		title := fmt.Sprintf("%s: %s vs %s", d.Target, d.A, d.B)
		subset := fmt.Sprintf("The %d collocates with the largest |G²|", len(terms))
		if len(pairs) > 1 {
			subset += fmt.Sprintf(", for the first of the %d pairs of values compared (%s: %s vs %s, in code-point order); collocates_differential.csv has every pair", len(pairs), d.Column, d.A, d.B)
		}
		subset += "."
		f.addSubset(f.chartFile("differential", d.Target), "Differential collocates of "+d.Target, subset, func(w io.Writer) error {
			return chart.Keyness(w, terms, chart.Options{Title: title, XLabel: fmt.Sprintf("log2 ratio around %s: + more with %s, − more with %s", d.Target, d.A, d.B)})
		})
	}
	if st.Time != nil {
		st.drawTrends(f)
	}
}

// drawTrends draws one line chart per target and lexicon category: a line
// per value of the column (or the corpus), with Wilson intervals.
func (st *studyView) drawTrends(f *figures) {
	tr := st.Time
	type key struct{ kind, item string }
	var items []key
	byItem := map[key]map[string][]chart.LinePoint{}
	for _, x := range tr.Trends {
		k := key{x.Kind, x.Item}
		if byItem[k] == nil {
			items = append(items, k)
			byItem[k] = map[string][]chart.LinePoint{}
		}
		if x.Group == "all" && tr.Column != "" {
			continue // the groups' lines say more; "all" is in trends.csv
		}
		byItem[k][x.Group] = append(byItem[k][x.Group], chart.LinePoint{X: float64(x.Bin), Y: x.Per10k, Low: x.Low, High: x.High,
			Tip: fmt.Sprintf("%s, %s: %d in %d words (%s per 10,000)", x.Group, framing.BinLabel(x.Bin, tr.Bin), x.Count, x.Words, fmtNum(x.Per10k))})
	}
	groups := st.key()
	subset := ""
	if len(items) > maxTrendCharts {
		subset = fmt.Sprintf("Charts for the first %d of the %d targets and lexicon categories, in the order given (targets, then categories); trends.csv has every one.", maxTrendCharts, len(items))
	}
	for n, k := range items[:min(len(items), maxTrendCharts)] {
		var lines []chart.Line
		for _, g := range slices.Sorted(maps.Keys(byItem[k])) {
			lines = append(lines, chart.Line{Group: g, Points: byItem[k][g]})
		}
		if len(lines) == 0 {
			continue
		}
		note := ""
		if n == 0 {
			note = subset
		}
		f.addSubset(f.chartFile("trend", k.kind, k.item), "Trend: "+k.item, note, func(w io.Writer) error {
			return chart.Lines(w, lines, groups.on(chart.Options{Title: fmt.Sprintf("%s per 10,000 words, %d-year bins", k.item, tr.Bin)}))
		})
	}
}

// methodsStylometryBlocks are the stylometry section's blocks for the
// classifiers, the evidence and the verification.
func (st *studyView) methodsStylometryBlocks(f *figures) []Block {
	s := st.Stylometry
	var out []Block
	if len(s.Grid) > 0 {
		t := &HTMLTable{Header: []string{"measure", "classifier", "validation", "texts", "accuracy", "macro F1"}, Numeric: []bool{false, false, false, true, true, true}}
		for _, g := range s.Grid {
			if g.Setting != s.Sets[0].Setting || g.Classifier == "nearest" && g.Validation == "leave-one-out" && g.Measure != s.View {
				continue // the default setting; the nearest by leave-one-out is in the table above
			}
			e := analysis.Evaluate(g.Attributions)
			t.Rows = append(t.Rows, []string{string(g.Measure), g.Classifier, validation(g), strconv.Itoa(e.Attributable), fmtNum(e.Accuracy), fmtNum(e.MacroF1)})
		}
		if len(t.Rows) > 1 {
			out = append(out, Block{Title: "Classifiers and validations compared",
				Caption: "At the default setting. nearest: the label of the nearest text; knn: the label most of the k nearest texts have (--knn); centroid: Delta to each label's mean z-scores (Burrows 2002); nsc: nearest shrunken centroids (Tibshirani et al. 2002, as stylo's classify() through pamr), which keep only the words that set a label apart; svm: linear support vector machines one against one on the z-scores (as stylo's classify() through e1071), which weigh every word at once (neither measures a distance: their measure is blank). leave-one-out holds each document out in turn; N-fold (--folds) holds out a tenth of each label's documents at a time, a sterner test when a label has few documents. A setting that scores well under every classifier and validation is one to trust; attribution_accuracy.csv has every row.",
				Table:   t})
		}
	}
	if b, ok := block(f, "attribution_confusion.svg", "Texts by true label (rows) and predicted label (columns), "+string(s.View)+", leave-one-out: the diagonal is right; a dark cell off it is a pair of labels the method confuses (attribution_confusion.csv).", false); ok {
		out = append(out, b)
	}
	if len(s.Evidence) > 0 {
		t := &HTMLTable{Header: []string{"text", "predicted", "runner-up", "features pulling towards the predicted label", "features pulling towards the runner-up"}}
		for _, e := range s.Evidence[:min(len(s.Evidence), 60)] {
			names := func(cs []analysis.Contribution) string {
				var b []byte
				for i, c := range cs {
					if i > 0 {
						b = append(b, ", "...)
					}
					b = append(b, s.Table.Features[c.Feature]...)
				}
				return string(b)
			}
			t.Rows = append(t.Rows, []string{s.IDs[e.Item], e.Predicted, e.RunnerUp, names(e.Pull), names(e.Push)})
		}
		if len(s.Evidence) > 60 {
			t.Note = fmt.Sprintf("First 60 of %d texts, in input order; attribution_evidence.csv has each one's features with their shares of the distances.", len(s.Evidence))
		}
		out = append(out, Block{Title: "Why each text was attributed as it was",
			Caption: "Delta, leave-one-out: Delta is a mean over the MFW of |z_text − z_other|, so each word's share of the distance to the predicted label's nearest text and to the runner-up's can be read off. Pulling towards the predicted label: the words that make the text nearer it than the runner-up; towards the runner-up: the words that argue the other way. A strong attribution rests on many words, not on one.",
			Table:   t, Wide: true})
	}
	if len(s.Verification) > 0 {
		t := &HTMLTable{Header: []string{"text", "label", "candidate", "score", "verdict"}, Numeric: []bool{false, false, false, true, false}}
		for _, v := range s.Verification {
			if v.Known && !v.Truth {
				continue // the page shows each text against its own label and the unlabelled texts
			}
			verdict := ""
			if s.Calibration != nil {
				verdict = s.Calibration.Verdict(v.Score)
			}
			t.Rows = append(t.Rows, []string{s.IDs[v.Item], s.Labels[v.Item], v.Candidate, fmtNum(v.Score), verdict})
		}
		if len(t.Rows) > maxPageRows {
			t.Note = fmt.Sprintf("First %d of %d rows, in input order (more rows than a page can hold); imposters.csv has every text × candidate.", maxPageRows, len(t.Rows))
			t.Rows = t.Rows[:maxPageRows]
		}
		caption := fmt.Sprintf("General Imposters (Koppel & Winter 2014, as stylo's imposters()): in each of %d rounds a random half of the MFW and of the other labels' documents (the imposters) are drawn, and the score is the share of rounds in which the text's nearest text by Delta is the candidate's. Labelled texts are shown against their own label, unlabelled ones against every label; imposters.csv has every pair.", s.ImpostersRounds)
		if c := s.Calibration; c != nil {
			caption += fmt.Sprintf(" Calibrated on the %d labelled cases (c@1 %s, as stylo's imposters.optimize()): below %s no, above %s yes, between unsure.", c.Cases, fmtNum(c.C1), fmtNum(c.P1), fmtNum(c.P2))
		}
		out = append(out, Block{Title: "Is this the author? Verification", Caption: caption, Table: t})
	}
	return out
}

// methodsFramingBlocks are the framing section's blocks for the
// differential collocates and time.
func (st *studyView) methodsFramingBlocks(f *figures) []Block {
	var out []Block
	for _, fig := range f.list {
		if strings.HasPrefix(fig.file, "charts/differential_") {
			out = append(out, figBlock(fig, "The collocates whose share of the target's windows differs most between the two groups (by |G²|, the test of the difference); bar: log2 ratio of the two shares, the effect size. collocates_differential.csv has every pair of values with G², p adjusted over the pair's collocates, and the counts.", false))
		}
	}
	if len(st.Differentials) > 0 {
		t := &HTMLTable{Header: []string{"target", "groups", "collocate", "in A", "in B", "G²", "p (BH)", "log ratio"}, Numeric: []bool{false, false, false, true, true, true, true, true}}
		significant := 0
		for _, d := range st.Differentials {
			if d.PAdj < 0.05 {
				if significant++; len(t.Rows) < 60 {
					t.Rows = append(t.Rows, []string{d.Target, d.A + " vs " + d.B, d.Term, fmtNum(d.NTarget), fmtNum(d.NReference), fmtNum(d.G2), fmtNum(d.PAdj), fmtNum(d.LogRatio)})
				}
			}
		}
		if significant > len(t.Rows) {
			t.Note = fmt.Sprintf("The first 60 of %d significant rows, by target, column and pair, strongest first within each; collocates_differential.csv has every one.", significant)
		}
		if len(t.Rows) > 0 {
			out = append(out, Block{Title: "Framed differently: collocates that differ between groups", Caption: "Collocates whose difference between the two groups' windows is significant after Benjamini–Hochberg adjustment (p < 0.05), strongest first; at most 60 rows here.", Table: t, Wide: true})
		}
	}
	tr := st.Time
	if tr == nil {
		return out
	}
	for _, fig := range f.list {
		if strings.HasPrefix(fig.file, "charts/trend_") {
			out = append(out, figBlock(fig, fmt.Sprintf("Rate per 10,000 words in each %d-year bin, one line per value of %s, the band Wilson's 95%% interval: a wide band is a bin with few words (trends.csv).", tr.Bin, orAll(tr.Column)), false))
		}
	}
	if len(tr.Within) > 0 {
		rows := slices.Clone(tr.Within)
		t := &HTMLTable{Header: []string{"group", "term", "log OR within time", "95% CI", "p (BH)", "naive log OR"}, Numeric: []bool{false, false, true, false, true, true}}
		byGroup := map[string]int{}
		slices.SortStableFunc(rows, func(a, b framing.Stratified) int { return cmp.Compare(a.Group, b.Group) })
		for _, x := range rows {
			if byGroup[x.Group] == 10 {
				continue
			}
			byGroup[x.Group]++
			odds, ci := fmtNum(x.LogOdds), "["+fmtNum(x.Low)+", "+fmtNum(x.High)+"]"
			if math.IsInf(x.LogOdds, 0) || math.IsNaN(x.SE) {
				odds, ci = strings.Replace(odds, "Inf", "∞", 1), "—"
				if math.IsInf(x.LogOdds, 1) {
					ci = "no use by the rest in the same bins"
				}
			}
			t.Rows = append(t.Rows, []string{x.Group, x.Term, odds, ci, fmtNum(x.PAdj), fmtNum(x.Naive)})
		}
		if len(t.Rows) > 0 {
			out = append(out, Block{Title: "Distinctive within time: group contrasts that hold era for era",
				Caption: fmt.Sprintf("Each value of %s against the rest, computed inside each %d-year bin and pooled (Mantel–Haenszel common odds ratio, Cochran–Mantel–Haenszel test, Benjamini–Hochberg over the group's terms): the words a group over-uses compared with the others speaking in the same years. Beside it the naive log odds ratio over all years: a word with a large naive value and a small one within time belongs to the era, not to the group. The ten strongest per group here (p (BH) says which hold up); keyness_within_time.csv has the 100 strongest per group.", tr.Column, tr.Bin),
				Table:   t, Wide: true})
		}
	}
	return out
}

// orAll names the column, or "the corpus" without one.
func orAll(col string) string {
	if col == "" {
		return "the corpus"
	}
	return col
}
