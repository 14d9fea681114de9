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

	"github.com/stylometer/stylometer/analysis/stylometry"
	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports/chart"
)

// The outputs of rolling attribution (--rolling): rolling.csv, a chart
// along the text for each of the first maxRollingCharts documents and a
// block of the page.

// maxRollingCharts is the most documents with a rolling chart; rolling.csv
// has every one.
const maxRollingCharts = 12

// maxRollingPoints is the most windows a rolling chart draws per line:
// past it every k-th window is drawn (rolling.csv has each one).
const maxRollingPoints = 250

// RollingTable is rolling.csv: every window of every document rolled
// through, with the document's own label, the label of the nearest
// reference text and the runner-up label, their Delta distances and the
// margin. Word numbers count the document's words from 1.
func RollingTable(st *pipeline.Study) *Table {
	t := &Table{Header: []string{"doc_id", "window", "start_word", "end_word", "label", "predicted", "distance", "runner_up", "runner_up_distance", "margin"}}
	r := st.Rolling
	for _, d := range r.Docs {
		id, label := rollingDoc(st, d)
		for k, w := range d.Windows {
			p, ru := w.Predicted(), w.RunnerUp()
			t.Add(id, Int(k+1), Int(w.Start+1), Int(w.End), label, p.Label, Float(p.Distance), ru.Label, Float(ru.Distance), Float(w.Margin()))
		}
	}
	return t
}

// rollingDoc is the id and the label of a document rolled through.
func rollingDoc(st *pipeline.Study, d stylometry.RollingDoc) (id, label string) {
	doc := st.Docs[d.Text]
	return doc.ID, doc.Meta[st.Options.Label]
}

func rollingFiles(st *study) []file {
	if st.Rolling == nil || len(st.Rolling.Docs) == 0 {
		return nil
	}
	return []file{table("rolling.csv", RollingTable(st.Study))}
}

// drawRolling draws, for each of the first maxRollingCharts documents
// rolled through, the Delta distance of each label that comes first or
// second in one of its windows, along the text (the window's middle word).
func (st *studyView) drawRolling(f *figures) {
	r := st.Rolling
	if r == nil {
		return
	}
	var all []string
	for _, d := range r.Docs {
		for _, w := range d.Windows {
			for _, c := range w.Candidates {
				all = append(all, c.Label)
			}
		}
	}
	colors, shapes := chart.Palette(all), chart.Shapes(all)
	for _, d := range r.Docs[:min(len(r.Docs), maxRollingCharts)] {
		id, label := rollingDoc(st.Study, d)
		top := map[string]bool{}
		for _, w := range d.Windows {
			for _, c := range w.Candidates[:min(2, len(w.Candidates))] {
				top[c.Label] = true
			}
		}
		stride := (len(d.Windows) + maxRollingPoints - 1) / maxRollingPoints
		var lines []chart.Line
		for _, l := range slices.Sorted(maps.Keys(top)) {
			line := chart.Line{Group: l}
			for k := 0; k < len(d.Windows); k += stride {
				w := d.Windows[k]
				for _, c := range w.Candidates {
					if c.Label == l {
						line.Points = append(line.Points, chart.LinePoint{X: float64(w.Start+w.End+1) / 2, Y: c.Distance, Low: math.NaN(), High: math.NaN(),
							Tip: fmt.Sprintf("window %d (words %d–%d): %s at %s (nearest %s)", k+1, w.Start+1, w.End, l, fmtNum(c.Distance), st.ids[c.Item])})
					}
				}
			}
			lines = append(lines, line)
		}
		if len(lines) == 0 {
			continue
		}
		title := fmt.Sprintf("%s (%s): Delta to each label along the text", id, label)
		if label == "" {
			title = fmt.Sprintf("%s (unlabelled): Delta to each label along the text", id)
		}
		f.add(f.chartFile("rolling", id), "Rolling attribution: "+id, func(w io.Writer) error {
			return chart.Lines(w, lines, chart.Options{Title: title, XLabel: fmt.Sprintf("word (middle of each window of %d)", r.Size), YLabel: "Delta distance (lower is nearer)", Colors: colors, Shapes: shapes, Width: wideChart, Fit: true})
		})
	}
}

// rollingBlocks are the stylometry section's blocks for rolling
// attribution: how to read it, a line per document and its charts.
func (st *studyView) rollingBlocks(f *figures) []Block {
	r := st.Rolling
	if r == nil {
		return nil
	}
	var out []Block
	if len(r.Docs) > 0 {
		t := &HTMLTable{Header: []string{"document", "label", "words", "windows", "own label first", "labels first (windows)"}, Numeric: []bool{false, false, true, true, true, false}}
		for _, d := range r.Docs {
			id, label := rollingDoc(st.Study, d)
			first := map[string]int{}
			for _, w := range d.Windows {
				if p := w.Predicted(); p.Label != "" {
					first[p.Label]++
				}
			}
			labels := slices.SortedFunc(maps.Keys(first), func(a, b string) int {
				if c := cmp.Compare(first[b], first[a]); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
			var parts []string
			for _, l := range labels {
				parts = append(parts, l+" "+strconv.Itoa(first[l]))
			}
			own := fmtNum(float64(first[label]) / float64(len(d.Windows)))
			switch {
			case label == "":
				own = ""
			case d.Unattributable:
				own = "(no other document has it)"
			}
			t.Rows = append(t.Rows, []string{id, label, strconv.Itoa(st.Docs[d.Text].Profile.Words), strconv.Itoa(len(d.Windows)), own, strings.Join(parts, ", ")})
		}
		if len(t.Rows) > maxPageRows {
			t.Note = fmt.Sprintf("First %d of %d documents; rolling.csv has every window.", maxPageRows, len(t.Rows))
			t.Rows = t.Rows[:maxPageRows]
		}
		shown := make([]string, 0, maxRollingCharts)
		for _, d := range r.Docs[:min(len(r.Docs), maxRollingCharts)] {
			shown = append(shown, st.Docs[d.Text].ID)
		}
		charts := "Charts below for every document rolled through."
		if len(r.Docs) > maxRollingCharts {
			charts = fmt.Sprintf("Charts below for the first %d of the %d documents rolled through (%s); rolling.csv has every window of every one.", maxRollingCharts, len(r.Docs), strings.Join(shown, ", "))
		}
		caption := fmt.Sprintf("As stylo's rolling.classify() (Eder 2016): windows of %d words, starting every %d words, slide through each document, and each window is attributed by Delta to the label of its nearest reference text, the reference set being every labelled document but its own, whole: an unlabelled document (a disputed text, stylo's case) is set against every labelled one, a labelled one is a check of the method on a text of known hand, over the %d most frequent words (culling %g%%) with the reference texts' z-scores (stylo's perform.delta). A document written by one hand keeps one label from start to end; a change of the winning label along the text marks where the style changes: a second author, a quotation, a section in another register. Read the margin (rolling.csv): a window won by a hair is not evidence. own label first: the share of windows attributed to the document's own label (empty for an unlabelled document). %s",
			r.Size, r.Step, r.Setting.MFW, r.Setting.Culling, charts)
		out = append(out, Block{Title: "Rolling attribution: who wrote which part", Caption: caption, Table: t, Wide: true})
		for _, d := range r.Docs[:min(len(r.Docs), maxRollingCharts)] {
			id, _ := rollingDoc(st.Study, d)
			note := ""
			if n := len(d.Windows); n > maxRollingPoints {
				note = fmt.Sprintf(" Every %d-th of its %d windows is drawn.", (n+maxRollingPoints-1)/maxRollingPoints, n)
			}
			if b, ok := block(f, f.chartFile("rolling", id), "Each line is a label's Delta distance from the window to that label's nearest reference text, placed at the window's middle word; the lowest line at a point is the window's attribution, and where two lines cross the attribution changes. Lines are drawn for the labels that come first or second in some window."+note, true); ok {
				out = append(out, b)
			}
		}
	}
	if len(r.Warnings) > 0 {
		w := &HTMLTable{Header: []string{"note"}}
		for _, x := range r.Warnings {
			w.Rows = append(w.Rows, []string{x})
		}
		out = append(out, Block{Title: "Rolling attribution: notes", Table: w})
	}
	return out
}
