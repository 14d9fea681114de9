package keyness

import "math"

// TidyloLogOdds returns tidylo's weighted log odds of the target
// (bind_log_odds; Silge, Hayes & Schnoebelen), parallel to c.Terms, computed
// as if the tidy table held one row per term for each of the two sets,
// target and reference, zero counts included. On the seed corpus it matches
// the lo_weighted, lo_unweighted and lo_weighted_uninformative columns of
// shared/reference/keyness-seed000/quanteda_tidylo.csv.
//
// With α_w the prior (the term's corpus count a + b, or 1 when
// uninformative), pseudo counts y_t = a + α_w and y_r = b + α_w, y_w = y_t +
// y_r, n_t = Σ_w y_t and S = Σ_w (y_t + y_r):
//
//	logOdds  = ln(y_t/(n_t − y_t)) − ln(y_w/(S − y_w)),
//	weighted = logOdds / sqrt(1/y_t + 1/y_w).
//
// Unlike [Row.LogOddsZ] this compares the target with the pooled whole
// (target included), as tidylo does. c.TargetTotal, c.ReferenceTotal and
// the slice fields are ignored: the sums run over c.Terms. A term with a
// corpus count of 0 gives NaN under the informative prior. tidylo on a
// document-level or sparse table (rows only for non-zero counts) gives other
// values and needs per-document counts, which Counts does not hold.
// TidyloLogOdds panics if the slices of c differ in length.
func TidyloLogOdds(c Counts, uninformative bool) (logOdds, weighted []float64) {
	n := len(c.Terms)
	if len(c.Target) != n || len(c.Reference) != n {
		panic("keyness: length mismatch")
	}
	alpha := func(i int) float64 {
		if uninformative {
			return 1
		}
		return c.Target[i] + c.Reference[i]
	}
	var nt, s float64
	for i := range n {
		al := alpha(i)
		nt += c.Target[i] + al
		s += c.Target[i] + c.Reference[i] + 2*al
	}
	logOdds = make([]float64, n)
	weighted = make([]float64, n)
	for i := range n {
		al := alpha(i)
		yt := c.Target[i] + al
		yw := yt + c.Reference[i] + al
		if !(yt > 0) {
			logOdds[i], weighted[i] = math.NaN(), math.NaN()
			continue
		}
		logOdds[i] = math.Log(yt/(nt-yt)) - math.Log(yw/(s-yw))
		weighted[i] = logOdds[i] / math.Sqrt(1/yt+1/yw)
	}
	return logOdds, weighted
}
