package collocate

import (
	"math"

	"github.com/stylometer/stylometer/analysis/keyness"
)

// Freq holds the counts of one node–collocate pair.
type Freq struct {
	// XY is f_xy, the occurrences of the collocate inside the node's
	// windows (each node occurrence's window counted separately, see
	// [Count]).
	XY float64
	// X is f_x, the node's frequency in the corpus.
	X float64
	// Y is f_y, the collocate's frequency in the corpus.
	Y float64
	// N is the number of tokens in the corpus.
	N float64
	// W is the number of tokens inside all the node's windows, the node
	// tokens themselves excluded ([Counts].Window). It is at most 2k·f_x,
	// less where windows meet a sentence boundary; 2k·f_x is a fair
	// approximation when the true total is not known.
	W float64
}

// Stats holds the association measures of one node–collocate pair.
type Stats struct {
	// PMI is the pointwise mutual information log2(f_xy N / (f_x f_y));
	// −Inf when f_xy = 0.
	PMI float64
	// LogDice is Rychlý's (2008) 14 + log2(2 f_xy / (f_x + f_y)), at most
	// 14; −Inf when f_xy = 0.
	LogDice float64
	// G2 is Dunning's (1993) log-likelihood of the window-vs-outside table
	//
	//	           in windows      outside
	//	collocate  f_xy            f_y − f_xy
	//	other      W − f_xy        N − W − (f_y − f_xy)
	//
	// (keyness.G2 of those cells), signed + when f_xy exceeds its expected
	// count f_y W / N and − otherwise. NaN when a cell is negative, which
	// overlapping windows can cause (f_xy > f_y).
	G2 float64
	// P is the upper tail of χ²(1) at |G2|; NaN with G2.
	P float64
}

// Score returns the association measures of one node–collocate pair (see
// [Stats] for the formulas and README section Collocates).
func Score(f Freq) Stats {
	s := Stats{
		PMI:     math.Log2(f.XY * f.N / (f.X * f.Y)),
		LogDice: 14 + math.Log2(2*f.XY/(f.X+f.Y)),
		G2:      math.NaN(),
		P:       math.NaN(),
	}
	a, b := f.XY, f.Y-f.XY
	c, d := f.W-f.XY, f.N-f.W-(f.Y-f.XY)
	if a >= 0 && b >= 0 && c >= 0 && d >= 0 {
		s.G2 = keyness.G2(a, b, c, d)
		if !math.IsNaN(s.G2) {
			s.P = keyness.ChiSquared1Survival(math.Abs(s.G2))
		}
	}
	return s
}
