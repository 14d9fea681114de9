package framing

import (
	"cmp"
	"slices"

	"github.com/stylometer/stylometer/analysis/collocate"
)

// Unit is a set of documents that collocates and rates are reported for:
// one document, one value of a grouping column, or the whole corpus.
type Unit struct {
	Kind string // "document", a grouping column, or "corpus"
	Name string
	in   []int
}

// Units lists the documents, each value of each grouping column (code-point
// order) and the corpus.
func Units(docs []Doc, groupBy []string) []Unit {
	var out []Unit
	all := make([]int, len(docs))
	for i, d := range docs {
		out = append(out, Unit{Kind: "document", Name: d.ID, in: []int{i}})
		all[i] = i
	}
	for _, col := range groupBy {
		values, members := groupMembers(docs, col)
		for _, v := range values {
			out = append(out, Unit{Kind: col, Name: v, in: members[v]})
		}
	}
	return append(out, Unit{Kind: "corpus", Name: "corpus", in: all})
}

// Collocate is one collocate of one target in one unit.
type Collocate struct {
	Target    string
	Unit      Unit
	Collocate string
	Freq      collocate.Freq
	Stats     collocate.Stats
}

// Collocates scores, for every target and unit, each word seen at least
// minCooc times in the target's windows: f_xy from the windows, f_x the
// target's occurrences, f_y the word's count and N the words of the unit, W
// the words inside its windows. Rows come by target, then unit, then G²
// descending (NaN last), then collocate.
func Collocates(docs []Doc, targets []string, units []Unit, minCooc int) []Collocate {
	var out []Collocate
	for ti, name := range targets {
		for _, u := range units {
			var x, w, n int
			cooc, freq := map[string]int{}, map[string]int{}
			for _, i := range u.in {
				d := docs[i]
				tg := d.Targets[ti]
				x += tg.Count
				w += tg.WindowTokens
				n += d.Words
				for c, k := range tg.Collocates.All() {
					cooc[c] += k
				}
				for c, k := range d.All.All() {
					freq[c] += k
				}
			}
			var rows []Collocate
			for c, xy := range cooc {
				if xy < minCooc {
					continue
				}
				f := collocate.Freq{XY: float64(xy), X: float64(x), Y: float64(freq[c]), N: float64(n), W: float64(w)}
				rows = append(rows, Collocate{Target: name, Unit: u, Collocate: c, Freq: f, Stats: collocate.Score(f)})
			}
			slices.SortFunc(rows, func(a, b Collocate) int {
				an, bn := a.Stats.G2 != a.Stats.G2, b.Stats.G2 != b.Stats.G2
				switch {
				case an != bn:
					if an {
						return 1
					}
					return -1
				case !an && a.Stats.G2 != b.Stats.G2:
					return cmp.Compare(b.Stats.G2, a.Stats.G2)
				}
				return cmp.Compare(a.Collocate, b.Collocate)
			})
			out = append(out, rows...)
		}
	}
	return out
}

// Rate is how often one unit names one target.
type Rate struct {
	Target string
	Unit   Unit
	Count  int
	Words  int
	Per10k float64 // Count / Words × 10,000
}

// Rates gives each target's rate per 10,000 words in each unit.
func Rates(docs []Doc, targets []string, units []Unit) []Rate {
	var out []Rate
	for ti, name := range targets {
		for _, u := range units {
			r := Rate{Target: name, Unit: u}
			for _, i := range u.in {
				r.Count += docs[i].Targets[ti].Count
				r.Words += docs[i].Words
			}
			if r.Words > 0 {
				r.Per10k = float64(r.Count) / float64(r.Words) * 1e4
			}
			out = append(out, r)
		}
	}
	return out
}
