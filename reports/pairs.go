package reports

import (
	"fmt"
	"io"

	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/reports/chart"
)

// The pairwise contrasts of --pairs on the page: for each grouping column,
// each unordered pair of its values as one chart and one table (the words
// each value uses more than the other), every pair rendered into the page
// and a <select> showing one at a time.

// maxPairs is the most pairs of one column the page shows (10 values give
// 45); keyness.csv has every one.
const maxPairs = 45

// pairTop is the number of terms shown on each side of a pair.
const pairTop = 10

// pair is one unordered pair of values A < B (code-point order) of a
// grouping column, with its two ordered comparisons: A against B and B
// against A.
type pair struct {
	Kind, A, B string
	AB, BA     []keyness.Row
}

// pairs lists the pairs of each grouping column, in GroupBy order and,
// within a column, in the order of framing.Scopes (A, then B, in
// code-point order). A column's pairs are complete or left out: framing
// compares both orders of each pair.
func (st *studyView) pairs() [][]pair {
	var out [][]pair
	for _, col := range st.Options.GroupBy {
		rows := map[[2]string][]keyness.Row{}
		var order [][2]string
		for _, r := range st.Framing.Keyness {
			if r.Scope.Kind != col || r.Scope.Against() {
				continue
			}
			k := [2]string{r.Scope.Target, r.Scope.Reference}
			rows[k] = r.Rows
			if k[0] < k[1] {
				order = append(order, k)
			}
		}
		var ps []pair
		for _, k := range order {
			ba, ok := rows[[2]string{k[1], k[0]}]
			if !ok {
				continue
			}
			ps = append(ps, pair{Kind: col, A: k[0], B: k[1], AB: rows[k], BA: ba})
		}
		if len(ps) > 0 {
			out = append(out, ps)
		}
	}
	return out
}

// favoured returns the n terms of rows (in keyness order) with the
// highest positive log-odds z: the words the target uses more.
func favoured(rows []keyness.Row, n int) []keyness.Row {
	var out []keyness.Row
	for _, r := range rows {
		if len(out) == n || !(r.LogOddsZ > 0) {
			break
		}
		out = append(out, r)
	}
	return out
}

// pairChartFile names the chart of pair p.
func (f *figures) pairChartFile(p pair) string { return f.chartFile("pair", p.Kind, p.A, p.B) }

// drawPairs draws one chart per pair (up to maxPairs a column): two
// panels, the words A uses more than B and the words B uses more than A.
func (st *studyView) drawPairs(f *figures) {
	for _, ps := range st.pairs() {
		for i, p := range ps {
			if i == maxPairs {
				break
			}
			panels := []chart.Panel{
				{Title: "more in " + p.A, Terms: chartTerms(favoured(p.AB, pairTop))},
				{Title: "more in " + p.B, Terms: chartTerms(favoured(p.BA, pairTop))},
			}
			if len(panels[0].Terms)+len(panels[1].Terms) == 0 {
				continue
			}
			f.add(f.pairChartFile(p), fmt.Sprintf("%s: %s and %s", p.Kind, p.A, p.B), func(w io.Writer) error {
				return chart.KeynessPanels(w, panels, chart.Options{Title: fmt.Sprintf("%s against %s, each against the other alone", p.A, p.B), XLabel: "log-odds z (Monroe et al. 2008)", Width: wideChart})
			})
		}
	}
}

func chartTerms(rows []keyness.Row) []chart.Term {
	out := make([]chart.Term, len(rows))
	for i, r := range rows {
		out[i] = chart.Term{Term: r.Term, Score: r.LogOddsZ}
	}
	return out
}

// pairBlocks are the page's blocks of pairwise contrasts: one per grouping
// column with pairs, each pair a Choice holding its chart and its table.
func (st *studyView) pairBlocks(f *figures) []Block {
	var out []Block
	for _, ps := range st.pairs() {
		col := ps[0].Kind
		b := Block{
			Title:   "Pairwise contrasts by " + col,
			Caption: fmt.Sprintf("Each value of %s against one other value alone (--pairs), not against the rest: the %d words with the highest log-odds z each way. Choose the pair; keyness.csv has every term of both orders (its reference column names the other value).", col, pairTop),
			Chooser: "Pair",
			Wide:    true,
		}
		for i, p := range ps {
			if i == maxPairs {
				b.Caption += fmt.Sprintf(" The first %d of %d pairs are shown.", maxPairs, len(ps))
				break
			}
			c := Choice{Label: p.A + " · " + p.B}
			if fig := f.get(f.pairChartFile(p)); fig != nil {
				c.SVG, c.Href = fig.svg, fig.file
			}
			t := &HTMLTable{Header: []string{"more in", "term", "z", "G²", "log ratio", "p (BH)", "n there", "n other"},
				Numeric: []bool{false, false, true, true, true, true, true, true}, Terms: []bool{false, true}}
			for _, side := range []struct {
				name string
				rows []keyness.Row
			}{{p.A, p.AB}, {p.B, p.BA}} {
				for _, r := range favoured(side.rows, pairTop) {
					t.Rows = append(t.Rows, keyRow(side.name, r))
				}
			}
			if len(t.Rows) > 0 {
				c.Table = t
			}
			b.Choices = append(b.Choices, c)
		}
		out = append(out, b)
	}
	return out
}
