package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiversityHand(t *testing.T) {
	// "a b a c b a": N = 6, V = 3; a×3, b×2, c×1, so V_1 = V_2 = V_3 = 1.
	toks := strings.Fields("a b a c b a")
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"TTR", TTR(toks), 0.5},                                                     // 3/6
		{"HerdanC", HerdanC(toks), math.Log(3) / math.Log(6)},                       // 0.6131471927654584
		{"GuiraudR", GuiraudR(toks), 3 / math.Sqrt(6)},                              // 1.2247448713915890
		{"CTTR", CTTR(toks), 3 / math.Sqrt(12)},                                     // 0.8660254037844386
		{"YuleK", YuleK(toks), 1e4 * (1 + 4 + 9 - 6) / 36.0},                        // 2222.2…
		{"Maas", Maas(toks), math.Sqrt(math.Log10(2) / math.Pow(math.Log10(6), 2))}, // log 6 − log 3 = log 2
		// Windows of 3: "a b a" 2/3, "b a c" 1, "a c b" 1, "c b a" 1 → 11/12.
		{"MATTR(3)", MATTR(toks, 3), 11.0 / 12},
		// Segments of 4: "a b a c" 3/4; the last 2 tokens are dropped.
		{"MSTTR(4)", MSTTR(toks, 4), 0.75},
		// Segments of 3: "a b a" 2/3, "c b a" 1 → 5/6.
		{"MSTTR(3)", MSTTR(toks, 3), 5.0 / 6},
		// Window larger than the text: the TTR.
		{"MATTR(100)", MATTR(toks, 100), 0.5},
		{"MSTTR(100)", MSTTR(toks, 100), 0.5},
		// Forward: a 1, b 1, a 2/3 ≤ 0.72 → 1 factor; "c b a" TTR 1 → partial 0:
		// 6/1. Backward "a b c a b a": TTR 1, 1, 1, 3/4, 3/5 ≤ 0.72 → 1 factor;
		// "a" → partial 0: 6/1. Mean 6.
		{"MTLD", MTLD(toks, 0.72), 6},
		// Sample of 2 from 6: P(a) = 1 − C(3,2)/C(6,2) = 1 − 3/15,
		// P(b) = 1 − C(4,2)/15 = 1 − 6/15, P(c) = 1 − C(5,2)/15 = 1 − 10/15;
		// Σ = 26/15, divided by 2 = 13/15.
		{"HDD(2)", HDD(toks, 2), 13.0 / 15},
		// Sample larger than the text: the TTR.
		{"HDD(42)", HDD(toks, 42), 0.5},
	} {
		if math.Abs(tc.got-tc.want) > 1e-12 {
			t.Errorf("%s(%q) = %.17g, want %.17g", tc.name, toks, tc.got, tc.want)
		}
	}
}

func TestMTLDPartial(t *testing.T) {
	for _, tc := range []struct {
		text string
		want float64
	}{
		// Both ways TTR ends at 4/5 = 0.8 > 0.72: partial (1 − 0.8)/(1 − 0.72)
		// = 5/7 factor, so 5/(5/7) = 7 each way.
		{"x y z w x", 7},
		// Forward: a, a → 1/2 ≤ 0.72, 1 factor; "b c d" partial 0 → 5.
		// Backward "d c b a a": TTR 4/5 at the end → 5/7 factor → 7. Mean 6.
		{"a a b c d", 6},
		// Every token distinct: no factor either way, undefined.
		{"a b c", math.NaN()},
	} {
		got := MTLD(strings.Fields(tc.text), MTLDThreshold)
		if math.IsNaN(tc.want) != math.IsNaN(got) || (!math.IsNaN(got) && math.Abs(got-tc.want) > 1e-12) {
			t.Errorf("MTLD(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestHDDBruteForce compares HD-D on a longer random text with the
// hypergeometric probabilities written with log-gamma binomials.
func TestHDDBruteForce(t *testing.T) {
	rnd := newRand(11)
	words := strings.Fields("the of and a to in is was he for it with as his on be at by")
	toks := make([]string, 300)
	for i := range toks {
		// Zipf-like: smaller indices more likely.
		toks[i] = words[int(float64(len(words))*rnd.Float64()*rnd.Float64())]
	}
	lchoose := func(n, k int) float64 {
		a, _ := math.Lgamma(float64(n + 1))
		b, _ := math.Lgamma(float64(k + 1))
		c, _ := math.Lgamma(float64(n - k + 1))
		return a - b - c
	}
	counts := map[string]int{}
	for _, w := range toks {
		counts[w]++
	}
	var want float64
	for _, w := range words { // fixed order
		f, ok := counts[w]
		if !ok {
			continue
		}
		p0 := 0.0
		if len(toks)-f >= 42 {
			p0 = math.Exp(lchoose(len(toks)-f, 42) - lchoose(len(toks), 42))
		}
		want += (1 - p0) / 42
	}
	if got := HDD(toks, HDDSample); math.Abs(got-want) > 1e-9 {
		t.Errorf("HDD = %.15g, want %.15g", got, want)
	}
}

// TestMATTRBruteForce checks the sliding window against recounting every
// window from scratch.
func TestMATTRBruteForce(t *testing.T) {
	rnd := newRand(5)
	toks := make([]string, 250)
	for i := range toks {
		toks[i] = string(rune('a' + rnd.IntN(20)))
	}
	var sum float64
	for i := 0; i+100 <= len(toks); i++ {
		sum += TTR(toks[i : i+100])
	}
	want := sum / float64(len(toks)-100+1)
	if got := MATTR(toks, 100); math.Abs(got-want) > 1e-12 {
		t.Errorf("MATTR = %v, want %v", got, want)
	}
	// MSTTR: segments [0,100) and [100,200); the last 50 are dropped.
	wantS := (TTR(toks[:100]) + TTR(toks[100:200])) / 2
	if got := MSTTR(toks, 100); math.Abs(got-wantS) > 1e-12 {
		t.Errorf("MSTTR = %v, want %v", got, wantS)
	}
}

func TestComputeDiversity(t *testing.T) {
	toks := strings.Fields("a b a c b a")
	d := ComputeDiversity(toks)
	if d.Tokens != 6 || d.Types != 3 || d.TTR != 0.5 || d.MTLD != 6 || d.HDD != 0.5 {
		t.Errorf("ComputeDiversity(%q) = %+v", toks, d)
	}
	e := ComputeDiversity[string](nil)
	if e.Tokens != 0 || !math.IsNaN(e.TTR) || !math.IsNaN(e.MATTR) || !math.IsNaN(e.HDD) || !math.IsNaN(e.MTLD) || !math.IsNaN(e.YuleK) {
		t.Errorf("ComputeDiversity(nil) = %+v, want NaN measures", e)
	}
}

// TestDiversityOfIDs: term ids that already are dense (in order of first
// occurrence, as a profile's are) take a path without a map, and give,
// bit for bit, what the same words as strings give; ids that are not
// dense (a first id of 5, a gap, a new id below one seen) take the map's
// path and give the same too. Words from a generated corpus of the seeds'
// vocabulary, long enough for every measure's windows and samples.
func TestDiversityOfIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", int(r.ExpFloat64()*80)) // Zipf-like: a few frequent types, a long tail
	}
	ids := make([]uint32, len(words))
	seen := map[string]uint32{}
	for i, w := range words {
		id, ok := seen[w]
		if !ok {
			id = uint32(len(seen))
			seen[w] = id
		}
		ids[i] = id
	}
	if _, ok := denseIDs(ids); !ok {
		t.Fatal("first-occurrence ids not taken for dense: the test tests the map's path only")
	}
	if d := cmp.Diff(ComputeDiversity(words), ComputeDiversity(ids)); d != "" {
		t.Errorf("dense ids (-strings +ids):\n%s", d)
	}
	for name, in := range map[string][]uint32{
		"first is 5":   func() []uint32 { x := slices.Clone(ids); x[0] += 5; return x }(),
		"a gap":        append(slices.Clone(ids), uint32(len(seen)+1)),
		"new id below": append([]uint32{1, 0}, ids[2:]...),
	} {
		if _, ok := denseIDs(in); ok {
			t.Errorf("%s: taken for dense", name)
		}
		var back []string // the same sequence as strings, for the map's path
		for _, id := range in {
			back = append(back, fmt.Sprint(id))
		}
		if d := cmp.Diff(ComputeDiversity(back), ComputeDiversity(in)); d != "" {
			t.Errorf("%s (-strings +ids):\n%s", name, d)
		}
	}
}
