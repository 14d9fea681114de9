package keyness

import (
	"cmp"
	"iter"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
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
				corpus := NewCorpus(terms, count, pres, total, corpusSlices)
				got := corpus.CompareRest(target, tPresence, words, targetSlices, opt, 0.05)
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
				// CompareRestTop is Cap of the same rows, and so is
				// CompareRestTops of parts of one size, which share the
				// absent terms' p-values.
				// By corpus index (terms[i] is index i) the rows are the
				// same.
				part := Part{Counts: maps.All(target), Presence: maps.All(tPresence), Words: words, Slices: targetSlices}
				byIndex := Part{Indices: byPosition(terms, target), PresenceIndices: byPosition(terms, tPresence), Words: words, Slices: targetSlices}
				other := Part{Counts: maps.All(map[string]int{terms[0]: 1}), Words: words + 1, Slices: targetSlices}
				for _, limit := range []int{1, 2, 7, 20, len(want) - 1, len(want), len(want) + 1} {
					capped := Cap(want, limit)
					tops := corpus.CompareRestTops([]Part{part, other, part, byIndex}, opt, 0.05, limit)
					for j, top := range [][]Row{corpus.CompareRestTop(part, opt, 0.05, limit), tops[0], tops[2], tops[3], corpus.CompareRestTop(byIndex, opt, 0.05, limit)} {
						if len(top) != len(capped) {
							t.Fatalf("seed %d %+v slices %v limit %d (%d): %d rows, want %d", seed, opt, withSlices, limit, j, len(top), len(capped))
						}
						for i := range capped {
							if !sameRow(top[i], capped[i]) {
								t.Fatalf("seed %d %+v slices %v limit %d (%d): row %d = %+v, want %+v", seed, opt, withSlices, limit, j, i, top[i], capped[i])
							}
						}
					}
					// The parts of a batch share its working memory: the
					// small part between is compared as if alone.
					alone := corpus.CompareRestTop(other, opt, 0.05, limit)
					if len(tops[1]) != len(alone) {
						t.Fatalf("seed %d %+v slices %v limit %d: other part %d rows, want %d", seed, opt, withSlices, limit, len(tops[1]), len(alone))
					}
					for i := range alone {
						if !sameRow(tops[1][i], alone[i]) {
							t.Fatalf("seed %d %+v slices %v limit %d: other part row %d = %+v, want %+v", seed, opt, withSlices, limit, i, tops[1][i], alone[i])
						}
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

// byPosition yields the counts of m by the index of each term in terms,
// in the order of terms.
func byPosition(terms []string, m map[string]int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i, t := range terms {
			if n, ok := m[t]; ok && !yield(i, n) {
				return
			}
		}
	}
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

// TestAdjust: adjust's q-values are BenjaminiHochberg's over the p-values
// written out with their multiplicities (the brute-force reference), bit
// for bit, with ties, NaN and groups out of p order.
func TestAdjust(t *testing.T) {
	var c Corpus
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 11))
		values := []float64{0, 1e-12, 0.001, 0.01, 0.04, 0.3, 0.5, 0.99, 1, math.NaN()}
		pick := func() float64 {
			if r.IntN(3) == 0 {
				return values[r.IntN(len(values))] // ties
			}
			return r.Float64()
		}
		var used []use
		var groups []absent
		var all []float64
		for range r.IntN(150) { // past 64: sortProbabilities' radix sort
			used = append(used, use{p: pick()})
			all = append(all, used[len(used)-1].p)
		}
		for g := range r.IntN(30) {
			gr := absent{g: g, k: 1 + r.IntN(5), p: pick()}
			if seed%2 == 0 && len(groups) > 0 && !math.IsNaN(groups[len(groups)-1].p) {
				gr.p = groups[len(groups)-1].p * r.Float64() // in p order, as usual
			}
			groups = append(groups, gr)
			for range gr.k {
				all = append(all, gr.p)
			}
		}
		want := BenjaminiHochberg(all)
		eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
		ps, qs := c.adjust(used, groups, &work{})
		for u, e := range used {
			got := math.NaN()
			if !math.IsNaN(e.p) {
				j, _ := slices.BinarySearch(ps, e.p)
				got = qs[j]
			}
			if !eq(got, want[u]) {
				t.Fatalf("seed %d: q of use %d (p %v) = %v, want %v", seed, u, e.p, got, want[u])
			}
		}
		at := len(used)
		for g, gr := range groups {
			for range gr.k {
				if !eq(gr.q, want[at]) {
					t.Fatalf("seed %d: q of group %d (p %v) = %v, want %v", seed, g, gr.p, gr.q, want[at])
				}
				at++
			}
		}
	}
}

// TestZKey: zKey's order is SortBy's key order (descending, NaN last, ±0
// equal), checked on every pair of a list of awkward values.
func TestZKey(t *testing.T) {
	zs := []float64{math.Inf(1), math.MaxFloat64, 3, 1, math.SmallestNonzeroFloat64, 0, math.Copysign(0, -1),
		-math.SmallestNonzeroFloat64, -1, -3, -math.MaxFloat64, math.Inf(-1), math.NaN(), -math.NaN()}
	for _, x := range zs {
		for _, y := range zs {
			var want int // SortBy's comparison of the keys alone
			nx, ny := math.IsNaN(x), math.IsNaN(y)
			switch {
			case nx && !ny:
				want = 1
			case ny && !nx:
				want = -1
			case !nx && x != y:
				want = cmp.Compare(y, x)
			}
			if got := cmp.Compare(zKey(x), zKey(y)); got != want {
				t.Errorf("compare zKey(%v), zKey(%v) = %d, want %d", x, y, got, want)
			}
		}
	}
}

// TestNth: nth is the k-th element of the sorted slice, on random,
// sorted, reversed, constant and few-valued input.
func TestNth(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 1; n < 300; n += 1 + n/8 {
		inputs := map[string]func(i int) uint64{
			"random":   func(int) uint64 { return r.Uint64() },
			"sorted":   func(i int) uint64 { return uint64(i) },
			"reversed": func(i int) uint64 { return uint64(n - i) },
			"constant": func(int) uint64 { return 7 },
			"few":      func(int) uint64 { return uint64(r.IntN(3)) },
			"organ":    func(i int) uint64 { return uint64(min(i, n-i)) },
		}
		for name, f := range inputs {
			xs := make([]uint64, n)
			for i := range xs {
				xs[i] = f(i)
			}
			sorted := slices.Sorted(slices.Values(xs))
			for k := range n {
				if got := nth(xs, k); got != sorted[k] {
					t.Fatalf("%s n=%d: nth(%d) = %d, want %d", name, n, k, got, sorted[k])
				}
			}
		}
	}
}

// TestSortProbabilities: the order of slices.Sort, on probabilities with
// ties, 0, 1 and subnormals, short and long, and on a negative value.
func TestSortProbabilities(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	special := []float64{0, 1, math.SmallestNonzeroFloat64, 1e-300, 0.5, 0.05}
	for _, n := range []int{0, 1, 2, 63, 64, 65, 100, 1000} {
		for trial := range 20 {
			ps := make([]float64, n)
			for i := range ps {
				switch r.IntN(3) {
				case 0:
					ps[i] = special[r.IntN(len(special))]
				case 1:
					ps[i] = math.Erfc(math.Sqrt(r.ExpFloat64() * 10))
				default:
					ps[i] = r.Float64()
				}
			}
			if trial == 0 && n > 0 {
				ps[n/2] = -0.25
			}
			want := slices.Clone(ps)
			slices.Sort(want)
			sortProbabilities(ps, &work{})
			if !slices.Equal(ps, want) {
				t.Fatalf("n %d trial %d: sortProbabilities = %v, want %v", n, trial, ps, want)
			}
		}
	}
}
