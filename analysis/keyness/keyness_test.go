package keyness

import (
	cmpstd "cmp"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"
)

const tol = 1e-12

func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// Hand calculation for the table a=20, b=10, c=80, d=190 (N = 300):
// margins a+b = 30, c+d = 270, a+c = 100, b+d = 200, so the expected counts
// are E = 30·100/300 = 10, 30·200/300 = 20, 270·100/300 = 90 and
// 270·200/300 = 180.
//
//	G² = 2(20 ln(20/10) + 10 ln(10/20) + 80 ln(80/90) + 190 ln(190/180))
//	   = 2(10 ln 2 + 80 ln(8/9) + 190 ln(19/18))
//	χ² = 10²/10 + 10²/20 + 10²/90 + 10²/180 = 50/3.
var handG2 = 2 * (10*math.Ln2 + 80*math.Log(8.0/9) + 190*math.Log(19.0/18))

func TestG2Chi2(t *testing.T) {
	tests := []struct {
		a, b, c, d float64
		g2, chi2   float64
	}{
		{20, 10, 80, 190, handG2, 50.0 / 3},
		// The same table seen from the other term (rows swapped): a < E.
		{80, 190, 20, 10, -handG2, -50.0 / 3},
		// a = E exactly: both 0, unsigned.
		{10, 20, 90, 180, 0, 0},
		// a = 0: 0·ln 0 = 0. E = 10·10/20 = 5, cells (0,10;10,0) vs
		// (5,5;5,5): G² = 2(10 ln 2 + 10 ln 2) = 40 ln 2, χ² = 4·25/5 = 20.
		{0, 10, 10, 0, -40 * math.Ln2, -20},
		// An empty column: undefined.
		{0, 0, 10, 20, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		if got := G2(tt.a, tt.b, tt.c, tt.d); !near(got, tt.g2) {
			t.Errorf("G2(%v, %v, %v, %v) = %v, want %v", tt.a, tt.b, tt.c, tt.d, got, tt.g2)
		}
		if got := Chi2(tt.a, tt.b, tt.c, tt.d); !near(got, tt.chi2) {
			t.Errorf("Chi2(%v, %v, %v, %v) = %v, want %v", tt.a, tt.b, tt.c, tt.d, got, tt.chi2)
		}
	}
}

// Hand calculation of quanteda's corrections on a=3, b=1, c=7, d=29 (N = 40):
// margins 4, 36, 10, 30, expected counts 1, 3, 9, 27. E₁₁ = 1 < 5 and
// |ad − bc| = |87 − 7| = 80 ≥ N/2 = 20, so δ = 0.5 and, since ad > bc, the
// cells become 2.5, 1.5, 7.5, 28.5.
//
//	χ² Yates = 40 (80 − 20)² / (4·36·10·30) = 144000/43200 = 10/3
//	χ² plain = 40 · 80² / 43200 = 160/27
func TestCorrections(t *testing.T) {
	const eps = 1e-9
	g2Yates := 2 * (2.5*math.Log(2.5/1+eps) + 1.5*math.Log(1.5/3+eps) + 7.5*math.Log(7.5/9+eps) + 28.5*math.Log(28.5/27+eps))
	g2Eps := 2 * (3*math.Log(3/1.0+eps) + 1*math.Log(1/3.0+eps) + 7*math.Log(7/9.0+eps) + 29*math.Log(29/27.0+eps))
	g2Plain := 2 * (3*math.Log(3/1.0) + 1*math.Log(1/3.0) + 7*math.Log(7/9.0) + 29*math.Log(29/27.0))
	tests := []struct {
		corr     Correction
		g2, chi2 float64
	}{
		{CorrectionNone, g2Plain, 160.0 / 27},
		{CorrectionQuantedaNone, g2Eps, 160.0 / 27},
		{CorrectionQuantedaDefault, g2Yates, 10.0 / 3},
	}
	for _, tt := range tests {
		if got := g2(3, 1, 7, 29, tt.corr); !near(got, tt.g2) {
			t.Errorf("g2(3, 1, 7, 29, %v) = %v, want %v", tt.corr, got, tt.g2)
		}
		if got := chi2(3, 1, 7, 29, tt.corr); !near(got, tt.chi2) {
			t.Errorf("chi2(3, 1, 7, 29, %v) = %v, want %v", tt.corr, got, tt.chi2)
		}
		// Mirrored table (ad < bc): the cells move the other way, the sign flips.
		if got := g2(1, 3, 29, 7, tt.corr); !near(got, -tt.g2) {
			t.Errorf("g2(1, 3, 29, 7, %v) = %v, want %v", tt.corr, got, -tt.g2)
		}
	}
	// Large expected counts: no Yates correction (all E ≥ 5).
	if got, want := chi2(20, 10, 80, 190, CorrectionQuantedaDefault), 50.0/3; !near(got, want) {
		t.Errorf("chi2(20, 10, 80, 190, default) = %v, want %v", got, want)
	}
}

// TestCompare checks every field on the hand-calculated table above:
// target x = 20, y = 80 (N_t = 100); reference x = 10, y = 190 (N_r = 200).
func TestCompare(t *testing.T) {
	c := Counts{
		Terms:     []string{"y", "x"},
		Target:    []float64{80, 20},
		Reference: []float64{190, 10},
		// x in 3 of 4 target slices and 1 of 5 reference slices, y in all.
		TargetSlices:     []float64{4, 3},
		ReferenceSlices:  []float64{5, 1},
		NTargetSlices:    4,
		NReferenceSlices: 5,
	}
	p := math.Erfc(math.Sqrt(handG2 / 2)) // χ²(1) upper tail: P(|Z| > √G²)
	want := []Row{
		{
			Term: "x", NTarget: 20, NReference: 10,
			RelTarget: 2000, RelReference: 500, // 10⁴·20/100, 10⁴·10/200
			G2: handG2, P: p, PAdj: p, // BH over two equal p-values: 2p/2
			Chi2:     50.0 / 3,
			PMI:      1,   // log2(20/E) = log2(20/10)
			LogRatio: 2,   // log2(0.2/0.05)
			PctDiff:  300, // 100 (0.2 − 0.05)/0.05
			BIC:      handG2 - math.Log(300),
			ELL:      handG2 / (300 * math.Log(10)), // min(E, E_r) = min(10, 20)
			// α_x = 30, α_0 = 300: ln(50/350) − ln(40/460) = ln(23/14),
			// variance 1/50 + 1/40 = 0.045.
			LogOddsDelta: math.Log(23.0 / 14),
			LogOddsZ:     math.Log(23.0/14) / math.Sqrt(0.045),
			ZetaCraig:    0.75 - 0.2,                  // 3/4 − 1/5
			ZetaEder:     (0.75 - 0.2) / (0.75 + 0.2), // 0.55/0.95
		},
		{
			Term: "y", NTarget: 80, NReference: 190,
			RelTarget: 8000, RelReference: 9500,
			G2: -handG2, P: p, PAdj: p,
			Chi2:     -50.0 / 3,
			PMI:      math.Log2(80.0 / 90), // E = 270·100/300
			LogRatio: math.Log2(0.8 / 0.95),
			PctDiff:  100 * (0.8 - 0.95) / 0.95,
			BIC:      handG2 - math.Log(300),
			ELL:      handG2 / (300 * math.Log(90)), // min(90, 180)
			// α_y = 270: ln(350/50) − ln(460/40) = ln(14/23), variance
			// 1/350 + 1/460.
			LogOddsDelta: math.Log(14.0 / 23),
			LogOddsZ:     math.Log(14.0/23) / math.Sqrt(1.0/350+1.0/460),
			ZetaCraig:    0, ZetaEder: 0, // in every slice of both sides
		},
	}
	got := Compare(c, Options{})
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(1e-12, 1e-12)); d != "" {
		t.Errorf("Compare mismatch (-want +got):\n%s", d)
	}

	// Uniform prior α = 1, V = 2, α_0 = 2:
	// δ_x = ln(21/(100+2−21)) − ln(11/(200+2−11)) = ln(21/81) − ln(11/191).
	u := Compare(c, Options{Prior: Prior{Uniform: 1}})
	wantDelta := math.Log(21.0/81) - math.Log(11.0/191)
	if u[0].Term != "x" || !near(u[0].LogOddsDelta, wantDelta) || !near(u[0].LogOddsZ, wantDelta/math.Sqrt(1.0/21+1.0/11)) {
		t.Errorf("Compare uniform: x = %+v, want δ %v", u[0], wantDelta)
	}
}

func TestCompareFiltering(t *testing.T) {
	c := Counts{
		Terms:     []string{"b", "zero", "a", "rare"},
		Target:    []float64{5, 0, 5, 1},
		Reference: []float64{5, 0, 5, 0},
	}
	// "zero" is always dropped; a and b tie on LogOddsZ and sort by term.
	names := func(rows []Row) []string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Term)
		}
		return s
	}
	if d := cmp.Diff([]string{"rare", "a", "b"}, names(Compare(c, Options{}))); d != "" {
		t.Errorf("Compare terms (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"a", "b"}, names(Compare(c, Options{MinCount: 2}))); d != "" {
		t.Errorf("Compare MinCount 2 terms (-want +got):\n%s", d)
	}
	// Without slice counts Zeta is NaN.
	if r := Compare(c, Options{})[0]; !math.IsNaN(r.ZetaCraig) || !math.IsNaN(r.ZetaEder) {
		t.Errorf("Compare without slices: Zeta = %v, %v, want NaN", r.ZetaCraig, r.ZetaEder)
	}
	// Explicit totals: x is 20 of 100 target tokens even if only x is given.
	r := Compare(Counts{Terms: []string{"x"}, Target: []float64{20}, Reference: []float64{10}, TargetTotal: 100, ReferenceTotal: 200}, Options{})
	if len(r) != 1 || !near(r[0].G2, handG2) {
		t.Errorf("Compare with totals = %+v, want G2 %v", r, handG2)
	}
	if got := Compare(Counts{}, Options{}); len(got) != 0 {
		t.Errorf("Compare(empty) = %v, want no rows", got)
	}
}

func TestComparePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Compare with mismatched lengths did not panic")
		}
	}()
	Compare(Counts{Terms: []string{"a"}, Target: []float64{1}}, Options{})
}

func TestZeta(t *testing.T) {
	tests := []struct {
		inA      float64
		nA       int
		inB      float64
		nB       int
		craig, e float64
	}{
		{3, 4, 1, 4, 0.5, 0.5}, // 0.75 − 0.25; 0.5/1
		{2, 4, 0, 5, 0.5, 1},   // only in A: Eder's ζ = 1
		{0, 4, 5, 5, -1, -1},   // only in B, everywhere
		{0, 4, 0, 5, 0, 0},     // in no slice: Eder's ζ defined as 0
		{1, 0, 1, 2, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		c, e := Zeta(tt.inA, tt.nA, tt.inB, tt.nB)
		if !near(c, tt.craig) || !near(e, tt.e) {
			t.Errorf("Zeta(%v, %v, %v, %v) = %v, %v, want %v, %v", tt.inA, tt.nA, tt.inB, tt.nB, c, e, tt.craig, tt.e)
		}
	}
}

func TestBenjaminiHochberg(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		p, want []float64
	}{
		// Hand: ranks 0.005(1) 0.01(2) 0.03(3) 0.04(4), m = 4:
		// 4·0.005/1 = 0.02, 4·0.01/2 = 0.02, 4·0.03/3 = 0.04, 4·0.04/4 = 0.04.
		// Same as R's p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH").
		{[]float64{0.01, 0.04, 0.03, 0.005}, []float64{0.02, 0.04, 0.04, 0.02}},
		// Step-up: 2·0.8/1 = 1.6 is lowered to the next rank's 2·0.9/2 = 0.9.
		{[]float64{0.9, 0.8}, []float64{0.9, 0.9}},
		// Ties: 2·0.02/2 = 0.02 for both.
		{[]float64{0.02, 0.02}, []float64{0.02, 0.02}},
		// Capped at 1; NaN stays NaN and m = 2.
		{[]float64{1, nan, 0.6}, []float64{1, nan, 1}},
		{[]float64{}, []float64{}},
	}
	for _, tt := range tests {
		got := BenjaminiHochberg(tt.p)
		if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-15), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("BenjaminiHochberg(%v) (-want +got):\n%s", tt.p, d)
		}
	}
}

func TestSortBy(t *testing.T) {
	rows := []Row{{Term: "c", G2: 1}, {Term: "nan", G2: math.NaN()}, {Term: "b", G2: 2}, {Term: "a", G2: 1}}
	SortBy(rows, func(r Row) float64 { return r.G2 })
	var got []string
	for _, r := range rows {
		got = append(got, r.Term)
	}
	if d := cmp.Diff([]string{"b", "a", "c", "nan"}, got); d != "" {
		t.Errorf("SortBy G2 (-want +got):\n%s", d)
	}
}

// TestTidyloLogOdds checks the formula by hand on target x = 20, y = 80,
// reference x = 10, y = 190, informative prior α = (30, 270): pseudo counts
// y_t = (50, 350), y_w = (90, 810), n_t = 400, S = 900:
// log odds x = ln(50/350) − ln(90/810) = ln(9/7), weighted by
// sqrt(1/50 + 1/90).
func TestTidyloLogOdds(t *testing.T) {
	c := Counts{Terms: []string{"x", "y"}, Target: []float64{20, 80}, Reference: []float64{10, 190}}
	lo, w := TidyloLogOdds(c, false)
	if !near(lo[0], math.Log(9.0/7)) || !near(w[0], math.Log(9.0/7)/math.Sqrt(1.0/50+1.0/90)) {
		t.Errorf("TidyloLogOdds x = %v, %v, want %v", lo[0], w[0], math.Log(9.0/7))
	}
	// y: ln(350/50) − ln(810/90) = ln(7/9).
	if !near(lo[1], math.Log(7.0/9)) {
		t.Errorf("TidyloLogOdds y = %v, want %v", lo[1], math.Log(7.0/9))
	}
}

func TestChiSquared1Survival(t *testing.T) {
	chi := distuv.ChiSquared{K: 1}
	for _, x := range []float64{1e-12, 1e-3, 0.5, 1, 3.841458820694124, 10, 52.8, 100, 500} {
		// 3.8414588… is qchisq(0.95, 1) in R: the tail there is 0.05.
		got, want := ChiSquared1Survival(x), chi.Survival(x)
		if math.Abs(got-want) > 1e-12*want {
			t.Errorf("ChiSquared1Survival(%v) = %v, want %v (gonum distuv)", x, got, want)
		}
	}
	if got := ChiSquared1Survival(3.841458820694124); math.Abs(got-0.05) > 1e-12 {
		t.Errorf("ChiSquared1Survival(qchisq(0.95, 1)) = %v, want 0.05", got)
	}
	if got := ChiSquared1Survival(0); got != 1 {
		t.Errorf("ChiSquared1Survival(0) = %v, want 1", got)
	}
}

// TestSortByBruteForce checks the in-place permutation of SortBy against a
// plain sort of the rows on the seeded benchmark data.
func TestSortByBruteForce(t *testing.T) {
	rows := Compare(benchCounts(3000), Options{})
	want := slices.Clone(rows)
	slices.SortStableFunc(want, func(x, y Row) int {
		if x.G2 != y.G2 {
			return cmpstd.Compare(y.G2, x.G2)
		}
		return strings.Compare(x.Term, y.Term)
	})
	SortBy(rows, func(r Row) float64 { return r.G2 })
	if d := cmp.Diff(want, rows, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("SortBy G2 (-want +got):\n%s", d)
	}
}

// TestCompareInputOrder checks that the output does not depend on the order
// of the input terms.
func TestCompareInputOrder(t *testing.T) {
	c := benchCounts(2000)
	r := Counts{Terms: slices.Clone(c.Terms), Target: slices.Clone(c.Target), Reference: slices.Clone(c.Reference)}
	slices.Reverse(r.Terms)
	slices.Reverse(r.Target)
	slices.Reverse(r.Reference)
	if d := cmp.Diff(Compare(c, Options{}), Compare(r, Options{}), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("Compare depends on input order (-forward +reversed):\n%s", d)
	}
}
