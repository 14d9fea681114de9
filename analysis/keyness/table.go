package keyness

import "math"

// quantedaEpsilon is the constant quanteda.textstats adds inside the
// logarithm of G² (src/keyness.cpp, "the same value as R code").
const quantedaEpsilon = 1e-9

// G2 returns Dunning's (1993) log-likelihood statistic of the 2×2 table
//
//	a b
//	c d
//
// In keyness terms a and b are the term's counts in the target and the
// reference, c and d the counts of all other tokens there:
//
//	G² = 2 Σ O ln(O/E),  E = row total · column total / N,  0·ln 0 = 0,
//
// signed positive when a > E₁₁ = (a+b)(a+c)/N and negative otherwise (0 stays
// 0). |G2| is the value of scipy's chi2_contingency(lambda_="log-likelihood",
// correction=False) and NLTK's likelihood_ratio. A table with an empty row or
// column (N, a+b, c+d, a+c or b+d zero) gives NaN.
func G2(a, b, c, d float64) float64 {
	return g2(a, b, c, d, CorrectionNone)
}

// Chi2 returns Pearson's χ² of the 2×2 table a, b, c, d (see [G2]),
//
//	χ² = N (|ad − bc|)² / ((a+b)(c+d)(a+c)(b+d)),
//
// without continuity correction, signed like [G2]. A table with an empty
// row or column gives NaN.
func Chi2(a, b, c, d float64) float64 {
	return chi2(a, b, c, d, CorrectionNone)
}

// yatesDelta is quanteda's condition for the continuity correction
// (quanteda.textstats src/keyness.cpp, yates_correction): 0.5 when
// |ad − bc| ≥ N/2 and some expected count is below 5, else 0.
func yatesDelta(a, b, c, d float64) float64 {
	n := a + b + c + d
	if math.Abs(a*d-b*c) >= n/2 &&
		((a+b)*(a+c)/n < 5 || (a+b)*(b+d)/n < 5 || (a+c)*(c+d)/n < 5 || (c+d)*(b+d)/n < 5) {
		return 0.5
	}
	return 0
}

// sign returns +1 when a exceeds its expected count e, −1 otherwise
// (quanteda's convention: a > E ? 1 : −1).
func sign(v, a, e float64) float64 {
	if a > e || v == 0 {
		return v
	}
	return -v
}

// olog returns o·ln(o/e + eps), with 0·ln(anything) = 0.
func olog(o, e, eps float64) float64 {
	if o == 0 {
		return 0
	}
	return o * math.Log(o/e+eps)
}

func g2(a, b, c, d float64, corr Correction) float64 {
	n := a + b + c + d
	e := (a + b) * (a + c) / n
	if !(n > 0) || a+b == 0 || c+d == 0 || a+c == 0 || b+d == 0 {
		return math.NaN()
	}
	aa, bb, cc, dd := a, b, c, d
	eps := 0.0
	switch corr {
	case CorrectionQuantedaDefault:
		eps = quantedaEpsilon
		if delta := yatesDelta(a, b, c, d); delta != 0 {
			// Move every cell half a count toward independence; the margins
			// do not change.
			if a*d-b*c > 0 {
				aa, bb, cc, dd = a-delta, b+delta, c+delta, d-delta
			} else {
				aa, bb, cc, dd = a+delta, b-delta, c-delta, d+delta
			}
		}
	case CorrectionQuantedaNone:
		eps = quantedaEpsilon
	}
	s := olog(aa, (aa+bb)*(aa+cc)/n, eps) +
		olog(bb, (aa+bb)*(bb+dd)/n, eps) +
		olog(cc, (aa+cc)*(cc+dd)/n, eps) +
		olog(dd, (bb+dd)*(cc+dd)/n, eps)
	return sign(2*s, a, e)
}

func chi2(a, b, c, d float64, corr Correction) float64 {
	n := a + b + c + d
	e := (a + b) * (a + c) / n
	den := (a + b) * (c + d) * (a + c) * (b + d)
	if !(n > 0) || den == 0 {
		return math.NaN()
	}
	delta := 0.0
	if corr == CorrectionQuantedaDefault {
		delta = yatesDelta(a, b, c, d)
	}
	x := math.Abs(a*d-b*c) - n*delta
	return sign(n*x*x/den, a, e)
}

// Zeta returns Craig's and Eder's Zeta of one term from slice presence
// counts, as stylo's oppose() defines them on equal slices (README, Keyness):
//
//	p_A = inA/nA, p_B = inB/nB,
//	craig = p_A − p_B,
//	eder  = (p_A − p_B)/(p_A + p_B),
//
// where inA of the nA target slices and inB of the nB reference slices contain
// the term. eder is 0 when the term is in no slice (p_A + p_B = 0). Both are
// NaN when nA or nB is not positive.
func Zeta(inA float64, nA int, inB float64, nB int) (craig, eder float64) {
	if nA <= 0 || nB <= 0 {
		return math.NaN(), math.NaN()
	}
	pa, pb := inA/float64(nA), inB/float64(nB)
	craig = pa - pb
	if pa+pb == 0 {
		return craig, 0
	}
	return craig, craig / (pa + pb)
}
