package analysis

import "math"

// Defaults of the window-based lexical diversity measures.
const (
	// DiversityWindow is the MATTR window and the MSTTR segment length,
	// quanteda's default of 100 tokens.
	DiversityWindow = 100
	// MTLDThreshold is the TTR at which an MTLD factor ends
	// (McCarthy & Jarvis 2010).
	MTLDThreshold = 0.72
	// HDDSample is the HD-D sample size (McCarthy & Jarvis 2007).
	HDDSample = 42
)

// Diversity holds the lexical diversity of one text, N tokens and V types.
// The fields are computed by the functions of the same names with the
// default parameters (DiversityWindow, MTLDThreshold, HDDSample).
type Diversity struct {
	Tokens, Types int
	TTR           float64
	HerdanC       float64
	GuiraudR      float64
	CTTR          float64
	YuleK         float64
	Maas          float64
	MATTR         float64
	MSTTR         float64
	MTLD          float64
	HDD           float64
}

// ComputeDiversity returns every lexical diversity measure of tokens, the
// text's word forms in order (lower-cased by the caller), or any values
// that stand for them one to one, such as term ids: tokens are only
// compared for equality. Undefined values are NaN: all of them for empty
// input.
func ComputeDiversity[T comparable](tokens []T) Diversity {
	d, ok := dense{}, false
	if ids, isIDs := any(tokens).([]uint32); isIDs {
		d, ok = denseIDs(ids)
	}
	if !ok {
		d = denseOf(tokens)
	}
	return Diversity{
		Tokens:   len(tokens),
		Types:    len(d.freqs),
		TTR:      d.ttr(),
		HerdanC:  d.herdanC(),
		GuiraudR: d.guiraudR(),
		CTTR:     d.cttr(),
		YuleK:    d.yuleK(),
		Maas:     d.maas(),
		MATTR:    d.mattr(DiversityWindow),
		MSTTR:    d.msttr(DiversityWindow),
		MTLD:     d.mtld(MTLDThreshold),
		HDD:      d.hdd(HDDSample),
	}
}

// dense is a token sequence as type ids 0, 1, … in order of first
// occurrence, with each type's frequency: every measure reads it with
// slices instead of maps, and sums over types run in that order, never in
// a map's.
type dense struct {
	ids   []int32
	freqs []int
}

func denseOf[T comparable](tokens []T) dense {
	index := make(map[T]int32)
	d := dense{ids: make([]int32, len(tokens))}
	for i, w := range tokens {
		k, ok := index[w]
		if !ok {
			k = int32(len(d.freqs))
			index[w] = k
			d.freqs = append(d.freqs, 0)
		}
		d.freqs[k]++
		d.ids[i] = k
	}
	return d
}

// denseIDs is denseOf(ids) without a map when ids already are type ids in
// order of first occurrence (the first 0, each new one one more than the
// largest before it), as a profile's term ids are; ok is false otherwise.
func denseIDs(ids []uint32) (d dense, ok bool) {
	d.ids = make([]int32, len(ids))
	for i, id := range ids {
		switch {
		case int(id) < len(d.freqs):
		case int(id) == len(d.freqs):
			d.freqs = append(d.freqs, 0)
		default:
			return dense{}, false
		}
		d.freqs[id]++
		d.ids[i] = int32(id)
	}
	return d, true
}

// nv returns N and V as floats, NaN for both when there are no tokens.
func (d dense) nv() (n, v float64) {
	if len(d.ids) == 0 {
		return math.NaN(), math.NaN()
	}
	return float64(len(d.ids)), float64(len(d.freqs))
}

// TTR returns the type–token ratio V/N (Johnson 1944; quanteda "TTR").
// Empty input gives NaN.
func TTR[T comparable](tokens []T) float64 { return denseOf(tokens).ttr() }

func (d dense) ttr() float64 {
	n, v := d.nv()
	return v / n
}

// HerdanC returns Herdan's C = log V / log N (Herdan 1960; quanteda "C").
// The base cancels. It is NaN for N ≤ 1 (0/0).
func HerdanC[T comparable](tokens []T) float64 { return denseOf(tokens).herdanC() }

func (d dense) herdanC() float64 {
	n, v := d.nv()
	return math.Log10(v) / math.Log10(n)
}

// GuiraudR returns Guiraud's root TTR R = V/√N (Guiraud 1954; quanteda "R").
// Empty input gives NaN.
func GuiraudR[T comparable](tokens []T) float64 { return denseOf(tokens).guiraudR() }

func (d dense) guiraudR() float64 {
	n, v := d.nv()
	return v / math.Sqrt(n)
}

// CTTR returns Carroll's corrected TTR V/√(2N) (Carroll 1964; quanteda
// "CTTR"). Empty input gives NaN.
func CTTR[T comparable](tokens []T) float64 { return denseOf(tokens).cttr() }

func (d dense) cttr() float64 {
	n, v := d.nv()
	return v / math.Sqrt(2*n)
}

// YuleK returns Yule's K = 10⁴ (Σ_i i² V_i − N)/N², V_i the number of types
// seen exactly i times (Yule 1944; quanteda "K"). Empty input gives NaN.
func YuleK[T comparable](tokens []T) float64 { return denseOf(tokens).yuleK() }

func (d dense) yuleK() float64 {
	if len(d.ids) == 0 {
		return math.NaN()
	}
	var s float64
	for _, f := range d.freqs {
		s += float64(f) * float64(f) // Σ_i i² V_i, one type at a time
	}
	n := float64(len(d.ids))
	return 1e4 * (s - n) / (n * n)
}

// Maas returns Maas' a = sqrt((log N − log V)/(log N)²) with log base 10, as
// quanteda's "Maas" (Maas 1972). The value depends on the base. It is NaN
// for N ≤ 1.
func Maas[T comparable](tokens []T) float64 { return denseOf(tokens).maas() }

func (d dense) maas() float64 {
	n, v := d.nv()
	ln := math.Log10(n)
	return math.Sqrt((ln - math.Log10(v)) / (ln * ln))
}

// MATTR returns the moving-average TTR (Covington & McFall 2010; quanteda
// "MATTR"): the mean TTR of all N − w + 1 windows of w consecutive tokens.
// When N < w the whole text is the only window (the TTR); quanteda refuses
// such input. Empty input gives NaN; MATTR panics if window < 1.
func MATTR[T comparable](tokens []T, window int) float64 {
	return denseOf(tokens).mattr(window)
}

func (d dense) mattr(window int) float64 {
	if window < 1 {
		panic("analysis: MATTR window < 1")
	}
	n := len(d.ids)
	if n == 0 {
		return math.NaN()
	}
	w := min(window, n)
	counts := make([]int32, len(d.freqs))
	types := 0
	var sum float64
	for i, tok := range d.ids {
		if counts[tok] == 0 {
			types++
		}
		counts[tok]++
		if i >= w {
			old := d.ids[i-w]
			counts[old]--
			if counts[old] == 0 {
				types--
			}
		}
		if i >= w-1 {
			sum += float64(types) / float64(w)
		}
	}
	return sum / float64(n-w+1)
}

// MSTTR returns the mean segmental TTR (Johnson 1944; quanteda "MSTTR"): the
// mean TTR of the consecutive segments of the given length, the incomplete
// last segment dropped as quanteda drops it. When N < segment the whole text
// is the only segment (the TTR). Empty input gives NaN; MSTTR panics if
// segment < 1.
func MSTTR[T comparable](tokens []T, segment int) float64 {
	return denseOf(tokens).msttr(segment)
}

func (d dense) msttr(segment int) float64 {
	if segment < 1 {
		panic("analysis: MSTTR segment < 1")
	}
	n := len(d.ids)
	if n == 0 {
		return math.NaN()
	}
	s := min(segment, n)
	k := n / s
	// seen[t] is 1 + the last segment type t was seen in.
	seen := make([]int32, len(d.freqs))
	var sum float64
	for i := 0; i < k; i++ {
		types := 0
		for _, t := range d.ids[i*s : (i+1)*s] {
			if seen[t] != int32(i+1) {
				seen[t] = int32(i + 1)
				types++
			}
		}
		sum += float64(types) / float64(s)
	}
	return sum / float64(k)
}

// MTLD returns the measure of textual lexical diversity (McCarthy & Jarvis
// 2010): the mean of a forward and a backward pass, each N / factors. A pass
// reads tokens keeping the running TTR of the current factor; when it falls
// to the threshold or below (0.72 by default) a factor is counted and the
// TTR restarts; at the end the incomplete factor counts as the partial
// factor (1 − TTR)/(1 − threshold). MTLD is NaN when a pass counts no factor
// at all (every token distinct, or empty input).
func MTLD[T comparable](tokens []T, threshold float64) float64 {
	return denseOf(tokens).mtld(threshold)
}

func (d dense) mtld(threshold float64) float64 {
	fwd := d.mtldPass(threshold, false)
	bwd := d.mtldPass(threshold, true)
	return (fwd + bwd) / 2
}

func (d dense) mtldPass(threshold float64, reverse bool) float64 {
	n := len(d.ids)
	// seen[t] == factor + 1 when type t is in the current factor.
	seen := make([]int32, len(d.freqs))
	factor := int32(1)
	var factors float64
	count, types := 0, 0
	ttr := 1.0
	for k := 0; k < n; k++ {
		tok := d.ids[k]
		if reverse {
			tok = d.ids[n-1-k]
		}
		count++
		if seen[tok] != factor {
			seen[tok] = factor
			types++
		}
		ttr = float64(types) / float64(count)
		if ttr <= threshold {
			factors++
			factor++
			count, types, ttr = 0, 0, 1
		}
	}
	factors += (1 - ttr) / (1 - threshold)
	if factors == 0 {
		return math.NaN()
	}
	return float64(n) / factors
}

// HDD returns HD-D (McCarthy & Jarvis 2007) on the TTR-like 0 … 1 scale
// that koRpus and the lexical_diversity package report: the expected TTR of
// a random sample of s tokens drawn without replacement,
//
//	HD-D = Σ_t (1 − C(N − f_t, s) / C(N, s)) / s,
//
// f_t the frequency of type t, the bracket the hypergeometric probability of
// drawing type t at least once. Multiply by s for the expected number of types
// (koRpus' "HDD" proper). When N < s the sample is the whole text and HD-D is
// the TTR. Empty input gives NaN; HDD panics if sample < 1.
func HDD[T comparable](tokens []T, sample int) float64 { return denseOf(tokens).hdd(sample) }

func (d dense) hdd(sample int) float64 {
	if sample < 1 {
		panic("analysis: HDD sample < 1")
	}
	n := len(d.ids)
	if n == 0 {
		return math.NaN()
	}
	s := min(sample, n)
	var sum float64
	for _, f := range d.freqs {
		// C(N−f, s)/C(N, s) = Π_{i<s} (N − f − i)/(N − i), 0 when N − f < s.
		p0 := 1.0
		if n-f < s {
			p0 = 0
		} else {
			for i := 0; i < s; i++ {
				p0 *= float64(n-f-i) / float64(n-i)
			}
		}
		sum += 1 - p0
	}
	return sum / float64(s)
}
