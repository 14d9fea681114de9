package keyness

import "math"

// Counts holds, for every term, its count in the target and in the
// reference, as parallel slices in any order.
//
// TargetTotal and ReferenceTotal are the numbers of all tokens of each side,
// the N_t and N_r of the definitions; zero means the sum of Target or
// Reference. Set them when Terms is not the whole vocabulary (a most
// frequent words list, say).
//
// The slice fields are optional: when TargetSlices and ReferenceSlices are
// set (parallel to Terms) and NTargetSlices, NReferenceSlices are positive,
// TargetSlices[i] of the NTargetSlices target slices and ReferenceSlices[i]
// of the NReferenceSlices reference slices contain Terms[i], and [Compare]
// fills Row.ZetaCraig and Row.ZetaEder.
type Counts struct {
	Terms             []string
	Target, Reference []float64

	TargetTotal, ReferenceTotal float64

	TargetSlices, ReferenceSlices   []float64
	NTargetSlices, NReferenceSlices int
}

// Correction names a variant of G² and χ². The zero value is CorrectionNone.
type Correction int

const (
	// CorrectionNone is the textbook G² (0·ln 0 = 0) and χ² without
	// continuity correction: scipy's chi2_contingency(correction=False),
	// NLTK's likelihood_ratio, the definitions in the README.
	CorrectionNone Correction = iota
	// CorrectionQuantedaNone is quanteda.textstats'
	// textstat_keyness(correction = "none"): G² with 1e-9 added inside each
	// logarithm, ln(O/E + 1e-9); χ² is the textbook one. G² moves by about
	// 2·10⁻⁹·N from CorrectionNone, which matters only where G² is near 0.
	CorrectionQuantedaNone
	// CorrectionQuantedaDefault is quanteda.textstats'
	// textstat_keyness(correction = "default"): the ε of
	// CorrectionQuantedaNone plus Yates' correction δ = 0.5 whenever some
	// expected count is below 5 and |ad − bc| ≥ N/2. G² is then computed on
	// the cells moved δ toward independence (a ∓ δ, b ± δ, c ± δ, d ∓ δ) and
	// χ² = N(|ad − bc| − Nδ)² / ((a+b)(c+d)(a+c)(b+d)).
	CorrectionQuantedaDefault
)

// Prior is the Dirichlet prior of the log-odds ratio. The zero value is
// Monroe et al.'s informative prior α_w = the term's corpus count (target +
// reference), α_0 = Σ_w α_w = N.
type Prior struct {
	// Uniform, when positive, sets α_w = Uniform for every term and
	// α_0 = Uniform·V, V the number of terms with a positive corpus count.
	// FightingWords' default prior is Uniform: 0.01.
	Uniform float64
}

// Options configures [Compare]. The zero value is the informative prior,
// no correction, and every term with a positive corpus count.
type Options struct {
	// Prior of the log-odds ratio; zero is the informative prior.
	Prior Prior
	// Correction of G² and χ² (and so of P, PAdj, BIC and ELL); zero is
	// CorrectionNone.
	Correction Correction
	// MinCount drops terms whose corpus count (target + reference) is below
	// it. Terms with a corpus count of 0 are always dropped. The totals, α_0
	// and V still count the dropped terms; PAdj adjusts over the kept rows.
	MinCount float64
}

// Row holds the statistics of one term. With a and b its counts in the
// target and reference, N_t, N_r the totals, N = N_t + N_r, c = N_t − a,
// d = N_r − b and E = (a+b)(a+c)/N its expected target count.
type Row struct {
	Term string
	// NTarget and NReference are a and b.
	NTarget, NReference float64
	// RelTarget and RelReference are the relative frequencies per 10,000
	// tokens: 10⁴ a/N_t and 10⁴ b/N_r.
	RelTarget, RelReference float64
	// G2 is Dunning's log-likelihood of the table (a, b; c, d) under
	// Options.Correction, signed + when a > E and − otherwise (see [G2]).
	G2 float64
	// P is the upper tail of χ²(1) at |G2|.
	P float64
	// PAdj is P adjusted by [BenjaminiHochberg] over all rows returned by
	// one call of Compare.
	PAdj float64
	// Chi2 is Pearson's χ² under Options.Correction, signed like G2.
	Chi2 float64
	// PMI is the pointwise mutual information of the term and the target,
	// log2(a·N / ((a+b)(a+c))) = log2(a/E); −Inf when a = 0.
	PMI float64
	// LogRatio is Hardie's (2014) log2((a/N_t)/(b/N_r)), a zero a or b
	// replaced by 0.5.
	LogRatio float64
	// PctDiff is Gabrielatos & Marchi's (2011) %DIFF,
	// 100 (a/N_t − b/N_r)/(b/N_r); +Inf when b = 0.
	PctDiff float64
	// BIC is Wilson's (2013) |G2| − ln N (one degree of freedom); positive
	// values favour a difference.
	BIC float64
	// ELL is Johnston et al.'s (2006) effect size |G2| / (N ln min(E, E_r)),
	// E_r = (a+b)(b+d)/N the expected reference count, as the README defines
	// it. It is negative when min(E, E_r) < 1 and ±Inf when it is 1.
	ELL float64
	// LogOddsDelta is Monroe, Colaresi & Quinn's (2008) log-odds ratio with
	// a Dirichlet prior (Options.Prior),
	//	δ = ln((a + α_w)/(N_t + α_0 − a − α_w)) − ln((b + α_w)/(N_r + α_0 − b − α_w)).
	LogOddsDelta float64
	// LogOddsZ is δ / sqrt(1/(a + α_w) + 1/(b + α_w)), the paper's eq. 22,
	// what FightingWords reports (not scattertext's variant, whose variance
	// adds the two complementary terms).
	LogOddsZ float64
	// ZetaCraig and ZetaEder are [Zeta] of the term's slice presence
	// counts; NaN when Counts carries none.
	ZetaCraig, ZetaEder float64
}

// Compare returns the keyness statistics of every term of c with a positive
// corpus count of at least opt.MinCount (see [Row] for the definitions and
// README section Keyness), ordered by LogOddsZ descending, then Term
// ascending; [SortBy] reorders them.
//
// Compare panics if the slices of c differ in length. Counts must be finite
// and non-negative. Empty input gives an empty result; a side with no tokens
// gives NaN for the statistics that need both sides.
func Compare(c Counts, opt Options) []Row {
	n := len(c.Terms)
	if len(c.Target) != n || len(c.Reference) != n {
		panic("keyness: length mismatch")
	}
	slices := c.TargetSlices != nil || c.ReferenceSlices != nil
	if slices && (len(c.TargetSlices) != n || len(c.ReferenceSlices) != n) {
		panic("keyness: slice counts length mismatch")
	}

	var sumT, sumR float64
	vocab := 0
	for i := range n {
		sumT += c.Target[i]
		sumR += c.Reference[i]
		if c.Target[i]+c.Reference[i] > 0 {
			vocab++
		}
	}
	nt, nr := c.TargetTotal, c.ReferenceTotal
	if nt == 0 {
		nt = sumT
	}
	if nr == 0 {
		nr = sumR
	}
	total := nt + nr
	alpha0 := total
	if opt.Prior.Uniform > 0 {
		alpha0 = opt.Prior.Uniform * float64(vocab)
	}
	lnN := math.Log(total)

	sc := scale{nt: nt, nr: nr, total: total, alpha0: alpha0, lnN: lnN, nts: c.NTargetSlices, nrs: c.NReferenceSlices, slices: slices}
	rows := make([]Row, 0, vocab)
	p := make([]float64, 0, vocab)
	for i := range n {
		a, b := c.Target[i], c.Reference[i]
		if !(a+b > 0) || a+b < opt.MinCount {
			continue
		}
		var ts, rs float64
		if slices {
			ts, rs = c.TargetSlices[i], c.ReferenceSlices[i]
		}
		r := sc.row(c.Terms[i], a, b, ts, rs, opt)
		rows = append(rows, r)
		p = append(p, r.P)
	}
	for i, q := range BenjaminiHochberg(p) {
		rows[i].PAdj = q
	}
	SortBy(rows, func(r Row) float64 { return r.LogOddsZ })
	return rows
}

// scale holds what every row of one comparison shares: the two sides'
// totals, the prior's α_0, ln N and the slice counts.
type scale struct {
	nt, nr, total, alpha0, lnN float64
	nts, nrs                   int
	slices                     bool
}

// row computes one term's statistics (P, not PAdj) from its counts a and b
// and its slice presence ts and rs: light's, then the rest.
func (sc scale) row(term string, a, b, ts, rs float64, opt Options) Row {
	r := sc.light(term, a, b, opt)
	sc.fill(&r, ts, rs, opt)
	return r
}

// light computes what ranking and adjusting a row needs: G², P and the
// log-odds ratio and its z (row's values bit for bit, being row's code).
func (sc scale) light(term string, a, b float64, opt Options) Row {
	r := Row{Term: term, NTarget: a, NReference: b, G2: g2(a, b, sc.nt-a, sc.nr-b, opt.Correction)}
	r.P = ChiSquared1Survival(math.Abs(r.G2)) // as sc.p
	r.LogOddsDelta, r.LogOddsZ = sc.logOdds(a, b, opt)
	return r
}

// logOdds is the log-odds ratio δ of counts a and b and its z.
func (sc scale) logOdds(a, b float64, opt Options) (delta, z float64) {
	alpha := a + b
	if opt.Prior.Uniform > 0 {
		alpha = opt.Prior.Uniform
	}
	delta = math.Log((a+alpha)/(sc.nt+sc.alpha0-a-alpha)) - math.Log((b+alpha)/(sc.nr+sc.alpha0-b-alpha))
	return delta, delta / math.Sqrt(1/(a+alpha)+1/(b+alpha))
}

// fill completes a light row: rates, χ², PMI, Log Ratio, %DIFF, BIC, ELL
// and Zeta.
func (sc scale) fill(r *Row, ts, rs float64, opt Options) {
	nt, nr, total := sc.nt, sc.nr, sc.total
	a, b := r.NTarget, r.NReference
	cc, dd := nt-a, nr-b
	e := (a + b) * (a + cc) / total
	er := (a + b) * (b + dd) / total
	r.RelTarget, r.RelReference = 1e4*a/nt, 1e4*b/nr
	r.Chi2 = chi2(a, b, cc, dd, opt.Correction)
	r.PMI = math.Log2(a / e)
	r.LogRatio = math.Log2((half(a) / nt) / (half(b) / nr))
	r.PctDiff = 100 * (a/nt - b/nr) / (b / nr)
	g := math.Abs(r.G2)
	r.BIC = g - sc.lnN
	r.ELL = g / (total * math.Log(math.Min(e, er)))
	r.ZetaCraig, r.ZetaEder = math.NaN(), math.NaN()
	if sc.slices {
		r.ZetaCraig, r.ZetaEder = Zeta(ts, sc.nts, rs, sc.nrs)
	}
}

// p is row(…).P alone: G²'s p-value, for the many rows of which only the
// p-value is needed.
func (sc scale) p(a, b float64, opt Options) float64 {
	return ChiSquared1Survival(math.Abs(g2(a, b, sc.nt-a, sc.nr-b, opt.Correction)))
}

// half returns x, or 0.5 when x is 0 (Hardie 2014's zero substitute).
func half(x float64) float64 {
	if x == 0 {
		return 0.5
	}
	return x
}

// ChiSquared1Survival returns the upper tail of the χ² distribution with one
// degree of freedom, P(X > x) = erfc(√(x/2)) (X = Z², Z standard normal);
// 1 for x ≤ 0. It equals gonum's distuv.ChiSquared{K: 1}.Survival(x) (the
// tests check this) at a small fraction of its cost.
func ChiSquared1Survival(x float64) float64 {
	if x <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(x / 2))
}
