package framing

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/stylometer/stylometer/analysis/keyness"
)

// Time as an axis: how often each target and lexicon category is used per
// time bin and group (Trends), and the group contrast computed inside each
// time bin and pooled (WithinTime), so that a group is not credited with
// the words of the era its documents come from.

// TimeOptions configure Time.
type TimeOptions struct {
	// Years gives each document's year; NoYear for a document without one
	// (left out of every time output).
	Years []int
	// Bin is the width of a time bin in years; 0 chooses one (TimeBin).
	Bin int
	// Column is the grouping column whose values are followed and
	// contrasted; "" follows the corpus only.
	Column string
	// Targets and Lexicon are what Trends follows.
	Targets []string
	Lexicon *Lexicon
	// MinCount and Stop select WithinTime's terms as Keyness selects them.
	MinCount int
	Stop     map[string]bool
	// Top is how many terms WithinTime keeps per group value (0: 100).
	Top int
	// TermTotals: WithinTime's totals are the tokens the terms count, as
	// Options.TermTotals.
	TermTotals bool
}

// NoYear marks a document without a year.
const NoYear = math.MinInt

// TimeResult holds the time outputs.
type TimeResult struct {
	Column string
	Bin    int
	Bins   []int // the start year of each bin with documents, in order
	Trends []Trend
	Within []Stratified
}

// Trend is one item's rate in one time bin and group: Count per Words, per
// 10,000 words, with Wilson's 95 % interval (Wilson 1927) of the proportion
// Count/Words, also per 10,000 words.
type Trend struct {
	Kind      string // "target" or "lexicon"
	Item      string
	Bin       int    // start year
	Group     string // a value of the column, or "all"
	Docs      int
	Count     int
	Words     int
	Per10k    float64
	Low, High float64
}

// Stratified is one term's contrast between a group value and the rest of
// the dated documents, within time bins and pooled (keyness.StratifiedCompare),
// beside the naive contrast that ignores time: Naive is the log odds
// ratio over the pooled counts, ln((a/(N_t − a)) / (b/(N_r − b))), a zero
// count counting 0.5.
type Stratified struct {
	Column, Group, Term string
	Target, Reference   float64 // the term's counts in the group and the rest
	keyness.MantelHaenszel
	PAdj  float64 // P adjusted (Benjamini–Hochberg) over the group's terms tested
	Naive float64
}

// binWidths are the widths TimeBin chooses from.
var binWidths = []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000}

// maxBins is the most bins TimeBin aims for.
const maxBins = 20

// TimeBin is the narrowest of 1, 2, 5, 10, 20, 25, 50, 100 … years that
// cuts the years into at most 20 bins.
func TimeBin(years []int) int {
	lo, hi, any := 0, 0, false
	for _, y := range years {
		if y == NoYear {
			continue
		}
		if !any {
			lo, hi, any = y, y, true
		}
		lo, hi = min(lo, y), max(hi, y)
	}
	for _, w := range binWidths {
		if floorDiv(hi, w)-floorDiv(lo, w) < maxBins {
			return w
		}
	}
	return binWidths[len(binWidths)-1]
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// BinLabel names the bin starting at start of width w: "1790" or
// "1790–1799".
func BinLabel(start, w int) string {
	if w == 1 {
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "–" + strconv.Itoa(start+w-1)
}

// Time computes the trends and the contrasts within time.
func Time(docs []Doc, o TimeOptions) *TimeResult {
	if len(o.Years) != len(docs) {
		panic("framing: length mismatch")
	}
	w := o.Bin
	if w <= 0 {
		w = TimeBin(o.Years)
	}
	res := &TimeResult{Column: o.Column, Bin: w}
	bin := make([]int, len(docs)) // each document's bin start, NoYear without
	seen := map[int]bool{}
	for i, y := range o.Years {
		bin[i] = NoYear
		if y != NoYear {
			bin[i] = floorDiv(y, w) * w
			seen[bin[i]] = true
		}
	}
	for b := range seen {
		res.Bins = append(res.Bins, b)
	}
	slices.Sort(res.Bins)
	if len(res.Bins) == 0 {
		return res
	}
	groups := []string{"all"}
	var values []string
	if o.Column != "" {
		values, _ = groupMembers(docs, o.Column)
		groups = append(groups, values...)
	}
	// The units: every bin × group with documents.
	for _, b := range res.Bins {
		for _, g := range groups {
			var in []int
			for i, d := range docs {
				if bin[i] == b && (g == "all" || d.Meta[o.Column] == g) {
					in = append(in, i)
				}
			}
			if len(in) == 0 {
				continue
			}
			u := []Unit{{Kind: "time", Name: g, in: in}}
			for _, r := range Rates(docs, o.Targets, u) {
				res.Trends = append(res.Trends, trend("target", r.Target, b, g, len(in), r.Count, r.Words))
			}
			if o.Lexicon != nil {
				for _, r := range LexiconRates(docs, o.Lexicon, u) {
					res.Trends = append(res.Trends, trend("lexicon", r.Category, b, g, len(in), r.Count, r.Words))
				}
			}
		}
	}
	slices.SortStableFunc(res.Trends, func(a, b Trend) int {
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return -c // targets first
		}
		if c := cmp.Compare(a.Item, b.Item); c != 0 {
			return c
		}
		if c := cmp.Compare(groupRank(a.Group), groupRank(b.Group)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Group, b.Group); c != 0 {
			return c
		}
		return cmp.Compare(a.Bin, b.Bin)
	})
	for _, v := range values {
		res.Within = append(res.Within, within(docs, bin, res.Bins, o, v)...)
	}
	return res
}

// groupRank puts "all" before the column's values.
func groupRank(g string) int {
	if g == "all" {
		return 0
	}
	return 1
}

func trend(kind, item string, b int, g string, docs, count, words int) Trend {
	t := Trend{Kind: kind, Item: item, Bin: b, Group: g, Docs: docs, Count: count, Words: words,
		Per10k: math.NaN(), Low: math.NaN(), High: math.NaN()}
	if words > 0 {
		t.Per10k = float64(count) / float64(words) * 1e4
		lo, hi := wilson(float64(count), float64(words))
		t.Low, t.High = lo*1e4, hi*1e4
	}
	return t
}

// wilson is Wilson's score interval at 95 % for x successes in n trials.
func wilson(x, n float64) (lo, hi float64) {
	const z = 1.959963984540054
	p := x / n
	d := 1 + z*z/n
	c := (p + z*z/(2*n)) / d
	h := z / d * math.Sqrt(p*(1-p)/n+z*z/(4*n*n))
	return math.Max(0, c-h), math.Min(1, c+h)
}

// within is the contrast of value v of the column with the rest of the
// dated documents, bin by bin: the terms selected as keyness selects them
// over the dated documents, each tested by keyness.StratifiedCompare, the
// Top with the largest signed CMH kept (those the group over-uses most,
// era for era).
func within(docs []Doc, bin, bins []int, o TimeOptions, v string) []Stratified {
	k := len(bins)
	pos := map[int]int{}
	for i, b := range bins {
		pos[b] = i
	}
	// Per term, its count in the group and in the rest of each bin.
	type counts struct{ a, b []float64 }
	terms := map[string]*counts{}
	ta, tb := make([]float64, k), make([]float64, k)
	for i, d := range docs {
		if bin[i] == NoYear || d.Meta[o.Column] == "" || d.NoKeyness {
			continue // undated, or in neither side (as in keyness.csv)
		}
		s, in := pos[bin[i]], d.Meta[o.Column] == v
		total := Options{TermTotals: o.TermTotals}.total(d)
		if in {
			ta[s] += float64(total)
		} else {
			tb[s] += float64(total)
		}
		for t, n := range d.Terms.All() {
			if o.Stop[t] {
				continue
			}
			c := terms[t]
			if c == nil {
				c = &counts{a: make([]float64, k), b: make([]float64, k)}
				terms[t] = c
			}
			if in {
				c.a[s] += float64(n)
			} else {
				c.b[s] += float64(n)
			}
		}
	}
	var na, nb float64
	for s := range k {
		na, nb = na+ta[s], nb+tb[s]
	}
	var rows []Stratified
	strata := make([]keyness.Stratum, k)
	for t, c := range terms {
		var a, b float64
		for s := range k {
			a, b = a+c.a[s], b+c.b[s]
			strata[s] = keyness.Stratum{A: c.a[s], B: c.b[s], TargetTotal: ta[s], ReferenceTotal: tb[s]}
		}
		if a+b < float64(max(o.MinCount, 1)) {
			continue
		}
		mh := keyness.StratifiedCompare(strata)
		rows = append(rows, Stratified{Column: o.Column, Group: v, Term: t, Target: a, Reference: b, MantelHaenszel: mh, Naive: naiveLogOdds(a, b, na, nb)})
	}
	p := make([]float64, len(rows))
	for i, r := range rows {
		p[i] = r.P
	}
	for i, q := range keyness.BenjaminiHochberg(p) {
		rows[i].PAdj = q
	}
	slices.SortFunc(rows, func(x, y Stratified) int {
		return cmp.Or(descendingNaNLast(x.CMH, y.CMH), cmp.Compare(x.Term, y.Term))
	})
	top := o.Top
	if top <= 0 {
		top = 100
	}
	return rows[:min(top, len(rows))]
}

// naiveLogOdds is ln((a/(na − a)) / (b/(nb − b))), zeros counting 0.5.
func naiveLogOdds(a, b, na, nb float64) float64 {
	h := func(x float64) float64 {
		if x == 0 {
			return 0.5
		}
		return x
	}
	return math.Log(h(a)/h(na-a)) - math.Log(h(b)/h(nb-b))
}

// Year reads a year from a metadata value: an integer ("1861", "-44"), or
// a date or text starting with four digits ("1861-03-04", "1861/3").
func Year(v string) (int, bool) {
	if y, err := strconv.Atoi(v); err == nil {
		return y, true
	}
	if len(v) >= 5 && isDigits(v[:4]) && !isDigit(v[4]) {
		y, _ := strconv.Atoi(v[:4])
		return y, true
	}
	return 0, false
}

func isDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
