package keyness

import "math"

// Stratum is one 2 × 2 table of a stratified comparison (one time bin):
// the term's count in the target (A) and in the reference (B), and the
// two sides' totals.
type Stratum struct {
	A, B, TargetTotal, ReferenceTotal float64
}

// MantelHaenszel is the comparison of a term between a target and a
// reference pooled over strata (time bins, say), so that a term is not
// called the target's for being the word of an era the target happens to
// dominate.
type MantelHaenszel struct {
	// LogOdds is ln of the Mantel–Haenszel (1959) common odds ratio
	//
	//	OR = Σ a_k d_k / n_k  /  Σ b_k c_k / n_k
	//
	// with a_k, b_k the term's counts in stratum k, c_k, d_k the other
	// tokens there and n_k the stratum's tokens; ±Inf when one sum is 0,
	// NaN when both are.
	LogOdds float64
	// SE is the standard error of LogOdds by Robins, Breslow and
	// Greenland (1986), as R's mantelhaen.test and statsmodels'
	// StratifiedTable use; Low and High the 95 % interval LogOdds ± 1.96 SE.
	SE, Low, High float64
	// CMH is the Cochran–Mantel–Haenszel statistic without continuity
	// correction, (Σ a_k − Σ E a_k)² / Σ Var a_k (statsmodels'
	// test_null_odds(correction=False); R's mantelhaen.test corrects by
	// default), signed + when the term is over-used by the target; P is
	// the upper tail of χ²(1) at |CMH|.
	CMH, P float64
	// Strata counts the strata with tokens on both sides (the others
	// carry no information).
	Strata int
}

// z95 is the 0.975 quantile of the standard normal.
const z95 = 1.959963984540054

// StratifiedCompare pools one term's strata (see [MantelHaenszel]).
func StratifiedCompare(strata []Stratum) MantelHaenszel {
	var r, s, pr, psqr, qs, sumA, sumE, sumV float64
	out := MantelHaenszel{}
	for _, k := range strata {
		a, b := k.A, k.B
		c, d := k.TargetTotal-a, k.ReferenceTotal-b
		n := a + b + c + d
		if k.TargetTotal <= 0 || k.ReferenceTotal <= 0 || n < 2 {
			continue
		}
		out.Strata++
		rk, sk := a*d/n, b*c/n
		p, q := (a+d)/n, (b+c)/n
		r += rk
		s += sk
		pr += p * rk
		psqr += p*sk + q*rk
		qs += q * sk
		sumA += a
		sumE += (a + b) * (a + c) / n
		sumV += (a + b) * (c + d) * (a + c) * (b + d) / (n * n * (n - 1))
	}
	out.LogOdds = math.Log(r) - math.Log(s)
	if r == 0 && s == 0 {
		out.LogOdds = math.NaN()
	}
	out.SE = math.Sqrt(pr/(2*r*r) + psqr/(2*r*s) + qs/(2*s*s))
	if math.IsInf(out.LogOdds, 0) || math.IsNaN(out.LogOdds) {
		out.SE = math.NaN()
	}
	out.Low, out.High = out.LogOdds-z95*out.SE, out.LogOdds+z95*out.SE
	out.CMH, out.P = math.NaN(), math.NaN()
	if sumV > 0 {
		dev := sumA - sumE
		out.CMH = dev * dev / sumV
		out.P = ChiSquared1Survival(out.CMH)
		if dev < 0 {
			out.CMH = -out.CMH
		}
	}
	return out
}
