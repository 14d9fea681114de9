package keyness

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestCompareRestMatchesCompare: CompareRest's rows are Compare's rows
// over the whole corpus (the brute-force reference), cut to the terms the
// target uses and those avoided with PAdj < 0.05, bit for bit and in the
// same order; with many tied corpus counts, with and without slices and a
// uniform prior.
func TestCompareRestMatchesCompare(t *testing.T) {
	avoided := 0 // rows of terms the target lacks, kept for PAdj < 0.05
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 7))
		nTerms := 50 + r.IntN(300)
		var terms []string
		var count, presence []float64
		target, tPresence := map[string]int{}, map[string]int{}
		total := 0.0
		for i := range nTerms {
			term := "t" + strconv.Itoa(i)
			n := 1 + r.IntN(4) // many ties
			if r.IntN(10) == 0 {
				n = 50 + r.IntN(2000) // frequent words, which can be avoided significantly
			}
			a := 0
			if r.IntN(3) == 0 {
				a = r.IntN(n + 1)
			}
			terms = append(terms, term)
			count = append(count, float64(n))
			pr := 1 + r.IntN(5)
			presence = append(presence, float64(pr))
			if a > 0 {
				target[term], tPresence[term] = a, min(pr, 1+r.IntN(2))
			}
			total += float64(n)
		}
		words := 0.0
		for _, a := range target {
			words += float64(a)
		}
		words += float64(r.IntN(100))
		total += float64(r.IntN(1000))
		corpusSlices, targetSlices := 40, 3
		for _, opt := range []Options{{}, {Prior: Prior{Uniform: 0.01}}, {Correction: CorrectionQuantedaDefault}} {
			for _, withSlices := range []bool{true, false} {
				c := Counts{Terms: terms, TargetTotal: words, ReferenceTotal: total - words}
				var pres []float64
				if withSlices {
					pres = presence
					c.NTargetSlices, c.NReferenceSlices = targetSlices, corpusSlices-targetSlices
				}
				for i, term := range terms {
					a := float64(target[term])
					c.Target = append(c.Target, a)
					c.Reference = append(c.Reference, count[i]-a)
					if withSlices {
						c.TargetSlices = append(c.TargetSlices, float64(tPresence[term]))
						c.ReferenceSlices = append(c.ReferenceSlices, presence[i]-float64(tPresence[term]))
					}
				}
				var want []Row
				for _, row := range Compare(c, opt) {
					if row.NTarget > 0 || row.PAdj < 0.05 {
						want = append(want, row)
					}
				}
				got := NewCorpus(terms, count, pres, total, corpusSlices).CompareRest(target, tPresence, words, targetSlices, opt, 0.05)
				if len(got) != len(want) {
					t.Fatalf("seed %d %+v slices %v: %d rows, want %d", seed, opt, withSlices, len(got), len(want))
				}
				for i := range want {
					if want[i].NTarget == 0 {
						avoided++
					}
					if !sameRow(got[i], want[i]) {
						t.Fatalf("seed %d %+v slices %v: row %d = %+v, want %+v", seed, opt, withSlices, i, got[i], want[i])
					}
				}
			}
		}
	}
	if avoided == 0 {
		t.Error("no significantly avoided term in any case: the test does not exercise them")
	}
	t.Logf("%d avoided rows compared", avoided)
}

// sameRow compares rows bit for bit (NaN equal to NaN).
func sameRow(a, b Row) bool {
	eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return a.Term == b.Term && eq(a.NTarget, b.NTarget) && eq(a.NReference, b.NReference) &&
		eq(a.RelTarget, b.RelTarget) && eq(a.RelReference, b.RelReference) && eq(a.G2, b.G2) &&
		eq(a.P, b.P) && eq(a.PAdj, b.PAdj) && eq(a.Chi2, b.Chi2) && eq(a.PMI, b.PMI) &&
		eq(a.LogRatio, b.LogRatio) && eq(a.PctDiff, b.PctDiff) && eq(a.BIC, b.BIC) && eq(a.ELL, b.ELL) &&
		eq(a.LogOddsDelta, b.LogOddsDelta) && eq(a.LogOddsZ, b.LogOddsZ) &&
		eq(a.ZetaCraig, b.ZetaCraig) && eq(a.ZetaEder, b.ZetaEder)
}
