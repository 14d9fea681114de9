package collocate

import (
	"cmp"
	"math"
	"slices"
)

// Counts holds what [Count] tallies over a corpus for one node.
type Counts struct {
	// Cooc maps each collocate form to f_xy, its occurrences inside the
	// node's windows.
	Cooc map[string]int
	// Freq maps every form of the corpus to its frequency f_y.
	Freq map[string]int
	// Nodes is f_x, the number of node occurrences.
	Nodes int
	// Window is W, the number of tokens inside all the node's windows; it
	// equals the sum of Cooc.
	Window int
	// Tokens is N, the number of tokens of the corpus.
	Tokens int
}

// Count tallies the collocates of the node within k tokens either side,
// inside the sentence, where isNode(i, j) reports whether token j of
// sentence i is an occurrence of the node.
//
// Each node occurrence's window is counted separately, as AntConc and
// #LancsBox count: a token inside the windows of two nearby node
// occurrences counts twice, so f_xy can exceed f_y. The node token itself
// is not in its own window, but another occurrence of the node inside the
// window counts as a collocate. Windows stop at sentence boundaries.
//
// Count panics if k < 1. No sentences give zero counts and empty maps.
func Count(sentences [][]string, isNode func(sentence, token int) bool, k int) Counts {
	if k < 1 {
		panic("collocate: window k < 1")
	}
	c := Counts{Cooc: map[string]int{}, Freq: map[string]int{}}
	for i, s := range sentences {
		c.Tokens += len(s)
		for j, w := range s {
			c.Freq[w]++
			if !isNode(i, j) {
				continue
			}
			c.Nodes++
			for m := max(0, j-k); m <= min(len(s)-1, j+k); m++ {
				if m == j {
					continue
				}
				c.Cooc[s[m]]++
				c.Window++
			}
		}
	}
	return c
}

// Forms returns an isNode function for [Count] that matches the tokens of
// sentences equal to one of forms.
func Forms(sentences [][]string, forms ...string) func(sentence, token int) bool {
	return func(i, j int) bool { return slices.Contains(forms, sentences[i][j]) }
}

// Row is one collocate of the node with its counts and measures.
type Row struct {
	Collocate string
	Freq      Freq
	Stats     Stats
}

// Rows returns the [Score] of every collocate with f_xy ≥ minCooc (and at
// least 1), ordered by G2 descending (NaN last), then Collocate ascending.
func (c Counts) Rows(minCooc int) []Row {
	rows := make([]Row, 0, len(c.Cooc))
	for w, xy := range c.Cooc {
		if xy < max(minCooc, 1) {
			continue
		}
		f := Freq{XY: float64(xy), X: float64(c.Nodes), Y: float64(c.Freq[w]), N: float64(c.Tokens), W: float64(c.Window)}
		rows = append(rows, Row{Collocate: w, Freq: f, Stats: Score(f)})
	}
	slices.SortFunc(rows, func(x, y Row) int {
		gx, gy := x.Stats.G2, y.Stats.G2
		nx, ny := math.IsNaN(gx), math.IsNaN(gy)
		switch {
		case nx && !ny:
			return 1
		case ny && !nx:
			return -1
		case !nx && gx != gy:
			return cmp.Compare(gy, gx)
		}
		return cmp.Compare(x.Collocate, y.Collocate)
	})
	return rows
}
