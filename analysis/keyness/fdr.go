package keyness

import (
	"cmp"
	"math"
	"slices"
)

// BenjaminiHochberg returns the Benjamini & Hochberg (1995) false discovery
// rate adjusted p-values of p, in the order of p, as R's
// p.adjust(p, "BH") computes them: with the m non-NaN p-values ranked
// ascending, p_(1) ≤ … ≤ p_(m),
//
//	q_(i) = min_{j ≥ i} min(1, m p_(j) / j)   (step-up, monotone in p).
//
// NaN p-values give NaN and do not count in m. Empty input gives an empty
// slice; p is not modified.
func BenjaminiHochberg(p []float64) []float64 {
	type entry struct {
		p float64
		i int
	}
	q := make([]float64, len(p))
	order := make([]entry, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			q[i] = math.NaN()
			continue
		}
		order = append(order, entry{v, i})
	}
	// Ties in p are broken by index; they get the same q either way.
	slices.SortFunc(order, func(x, y entry) int {
		if c := cmp.Compare(x.p, y.p); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	m := float64(len(order))
	running := 1.0
	for r := len(order) - 1; r >= 0; r-- {
		running = math.Min(running, m*order[r].p/float64(r+1))
		q[order[r].i] = running
	}
	return q
}
