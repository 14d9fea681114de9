package framing

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/stylometer/stylometer/analysis/keyness"
)

// Differential is one collocate whose share of a target's windows differs
// between two values A and B of a grouping column: keyness (package
// keyness) of the words in A's windows of the target against the words in
// B's, so that NTarget and NReference are the collocate's counts in the two
// groups' windows and the totals the words in those windows. G2 tests the
// difference (Dunning's log-likelihood of the 2 × 2 table, signed + when
// the collocate is more frequent near the target in A), PAdj adjusts its
// p over the pair's collocates (Benjamini–Hochberg), and LogRatio is the
// effect size: log2 of the ratio of the two shares (Hardie 2014; a zero
// count counts 0.5), +1 meaning twice as frequent around the target in A.
type Differential struct {
	Target, Column, A, B string
	WindowA, WindowB     int // words in the target's windows in A and in B
	keyness.Row
}

// MaxDifferentialValues is the most values a grouping column may have for
// its pairs to be compared (n values give n(n − 1)/2 pairs).
const MaxDifferentialValues = 12

// Differentials compares each target's collocates between every pair of
// values (A before B in code-point order) of each grouping column with 2 to
// MaxDifferentialValues values, keeping the collocates seen at least
// minCooc times in the two groups' windows together. Rows come by target,
// column and pair, then by |G2| descending (NaN last), then collocate.
func Differentials(docs []Doc, targets []string, groupBy []string, minCooc int) []Differential {
	var out []Differential
	for ti, name := range targets {
		for _, col := range groupBy {
			values, members := groupMembers(docs, col)
			if len(values) < 2 || len(values) > MaxDifferentialValues {
				continue
			}
			// Each value's window counts, once.
			cooc := make([]map[string]int, len(values))
			window := make([]int, len(values))
			for v, val := range values {
				cooc[v] = map[string]int{}
				for _, i := range members[val] {
					tg := docs[i].Targets[ti]
					window[v] += tg.WindowTokens
					for c, k := range tg.Collocates.All() {
						cooc[v][c] += k
					}
				}
			}
			for a := range values {
				for b := a + 1; b < len(values); b++ {
					out = append(out, differential(name, col, values[a], values[b], cooc[a], cooc[b], window[a], window[b], minCooc)...)
				}
			}
		}
	}
	return out
}

// differential is the rows of one target and pair of values.
func differential(target, col, a, b string, ca, cb map[string]int, wa, wb, minCooc int) []Differential {
	if wa == 0 || wb == 0 {
		return nil // the target has no window in one of the groups
	}
	terms := slices.Sorted(maps.Keys(ca))
	for t := range cb {
		if _, ok := ca[t]; !ok {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	c := keyness.Counts{Terms: terms, Target: make([]float64, len(terms)), Reference: make([]float64, len(terms)), TargetTotal: float64(wa), ReferenceTotal: float64(wb)}
	for i, t := range terms {
		c.Target[i], c.Reference[i] = float64(ca[t]), float64(cb[t])
	}
	rows := keyness.Compare(c, keyness.Options{MinCount: float64(minCooc)})
	out := make([]Differential, len(rows))
	for i, r := range rows {
		out[i] = Differential{Target: target, Column: col, A: a, B: b, WindowA: wa, WindowB: wb, Row: r}
	}
	slices.SortStableFunc(out, func(x, y Differential) int {
		return cmp.Or(descendingNaNLast(math.Abs(x.G2), math.Abs(y.G2)), cmp.Compare(x.Term, y.Term))
	})
	return out
}

// descendingNaNLast orders x before y when it is larger, NaN last.
func descendingNaNLast(x, y float64) int {
	xn, yn := math.IsNaN(x), math.IsNaN(y)
	switch {
	case xn && yn:
		return 0
	case xn:
		return 1
	case yn:
		return -1
	}
	return cmp.Compare(y, x)
}
