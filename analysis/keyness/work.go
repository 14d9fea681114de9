package keyness

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// work is the memory a comparison works in, none of which the rows it
// returns share (they are allocated apart): a batch passes one from part
// to part, and a Corpus keeps the finished ones for its next comparisons
// (Corpus.get), so that its arrays, some as long as the corpus has
// distinct counts or terms, are not allocated again for every document.
// Each is emptied, or resized and cleared, before use, and the memo's
// entries hold the part they belong to.
type work struct {
	usedIn            []int // the part's terms per count group
	used              []use
	memo              []memo // a used term's p and z by count and count group
	part              uint32 // the part being compared, counted from 1: memo's stamp
	groups            []absent
	cands             []cand
	isUsed            []bool      // by corpus term
	ps, qs            []float64   // adjust
	bits              []uint64    // sortProbabilities
	keys              []uint64    // top
	first, last, kept []cand      // top
	want              map[int]int // a kept term of the part (corpus index) -> its row
	ts                []float64   // the kept terms' slice presence
}

// memoCounts and memoGroups bound the terms of a part whose p-value and
// log-odds z are memoised, by count and corpus count (count group): a
// count up to memoCounts, a corpus count among the memoGroups smallest.
// Most of a document's terms occur in it once or twice, and many of those
// share a small corpus count; past these the memo would rarely be hit.
const (
	memoCounts = 4
	memoGroups = 256
)

// memo is one memoised p-value and log-odds z, valid when part is the
// part being compared.
type memo struct {
	part uint32
	p, z float64
}

// get is a working memory for a comparison with c: one a comparison
// finished with (put), or a new one.
func (c *Corpus) get() *work {
	if w, ok := c.works.Get().(*work); ok {
		return w
	}
	return new(work)
}

// put keeps w for c's next comparison.
func (c *Corpus) put(w *work) { c.works.Put(w) }

// zeroed returns s resized to n zero values, in its own array when that is
// large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// use is one term of a part: its corpus index, count, p-value and log-odds
// z.
type use struct {
	i       int
	a, p, z float64
}

// absent is the k terms of count group g (an index into Corpus.byCount)
// that a part lacks, their p-value and adjusted p-value.
type absent struct {
	g, k int
	p, q float64
}

// cand is a row that may be kept: a part's term (u, an index into the
// uses) or an absent term (u = −1, adjusted p-value q), by corpus index i
// and the key of its log-odds z.
type cand struct {
	key  uint64 // zKey(z)
	i, u int
	q    float64
}

// adjust runs Benjamini–Hochberg, as BenjaminiHochberg computes it, over
// the uses' p-values and the absent groups' with their multiplicities: it
// sets each group's q and returns the uses' non-NaN p-values ascending and
// their adjusted values, parallel, in w's arrays. A run of equal p-values
// ending at rank R gets min(running, m p / R) whatever the order inside
// the run, so tied p-values, a use's or a group's, share one adjusted
// value.
func (c *Corpus) adjust(used []use, groups []absent, w *work) (ps, qs []float64) {
	ps = w.ps[:0]
	for _, e := range used {
		if !math.IsNaN(e.p) {
			ps = append(ps, e.p)
		}
	}
	w.ps = ps
	sortProbabilities(ps, w)
	m := len(ps)
	// The groups are walked by p descending. They come by count
	// ascending, and an absent term's p falls as its count grows
	// (dG²/dc = ln((N − c)/(n_r − c)) > 0), so they are usually in order
	// already; NaN, rounding or a correction that breaks it costs a sort.
	sorted := true
	for g := range groups {
		p := groups[g].p
		if p != p || g > 0 && p > groups[g-1].p {
			sorted = false
		}
		if p == p {
			m += groups[g].k
		}
	}
	var order []int // the non-NaN groups by p descending, if not groups' order
	if !sorted {
		order = make([]int, 0, len(groups))
		for g := range groups {
			if math.IsNaN(groups[g].p) {
				groups[g].q = math.NaN()
				continue
			}
			order = append(order, g)
		}
		slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(groups[y].p, groups[x].p) })
	}
	nGroups := len(groups)
	if order != nil {
		nGroups = len(order)
	}
	// From the largest p down.
	qs = zeroed(w.qs, len(ps))
	w.qs = qs
	rank, running := m, 1.0
	j, o := len(ps)-1, 0
	for j >= 0 || o < nGroups {
		if o < nGroups {
			g := o
			if order != nil {
				g = order[o]
			}
			if gr := &groups[g]; j < 0 || gr.p >= ps[j] {
				running = math.Min(running, float64(m)*gr.p/float64(rank))
				gr.q = running
				rank -= gr.k
				o++
				continue
			}
		}
		running = math.Min(running, float64(m)*ps[j]/float64(rank))
		qs[j] = running
		rank--
		j--
	}
	return ps, qs
}

// sortProbabilities sorts ps, which holds no NaN, ascending. Non-negative
// floats order as their bits do, so past a few dozen values it sorts the
// bits with a least-significant-byte-first radix sort (passes over a byte
// all values share skipped): no comparisons to mispredict, about half the
// time of slices.Sort on the p-values of a document's terms. It sorts in
// w.bits.
func sortProbabilities(ps []float64, w *work) {
	if len(ps) < 64 {
		slices.Sort(ps)
		return
	}
	xs := zeroed(w.bits, 2*len(ps))
	w.bits = xs
	src, dst := xs[:len(ps)], xs[len(ps):]
	var count [8][256]int32
	for i, p := range ps {
		x := math.Float64bits(p)
		if x>>63 != 0 { // negative or −0: not a probability's order
			slices.Sort(ps)
			return
		}
		src[i] = x
		for b := range 8 {
			count[b][byte(x>>(8*b))]++
		}
	}
	for b := range 8 {
		c := &count[b]
		if int(c[byte(src[0]>>(8*b))]) == len(src) {
			continue // every value has this byte
		}
		var sum int32
		for d, n := range c {
			c[d] = sum
			sum += n
		}
		for _, x := range src {
			d := byte(x >> (8 * b))
			dst[c[d]] = x
			c[d]++
		}
		src, dst = dst, src
	}
	for i, x := range src {
		ps[i] = math.Float64frombits(x)
	}
}

// top sorts cands in Compare's order (log-odds z descending, NaN last,
// then term) and, with limit > 0 and more than limit of them, keeps the
// limit/2 first and limit − limit/2 last, as Cap does: the keys that bound
// them are selected, and only the rows within the bounds sorted. The rows
// kept are in w's arrays.
func (c *Corpus) top(cands []cand, limit int, w *work) []cand {
	before := func(x, y cand) int {
		if x.key != y.key {
			return cmp.Compare(x.key, y.key)
		}
		return strings.Compare(c.terms[x.i], c.terms[y.i])
	}
	if limit <= 0 || len(cands) <= limit {
		slices.SortFunc(cands, before)
		return cands
	}
	nFirst, nLast := limit/2, limit-limit/2
	keys := w.keys[:0]
	for _, cd := range cands {
		keys = append(keys, cd.key)
	}
	w.keys = keys
	// The first rows have keys up to the nFirst-th smallest, the last
	// from the nLast-th largest; rows at a bound are told apart by term.
	var lo uint64
	if nFirst > 0 {
		lo = nth(keys, nFirst-1)
	}
	hi := nth(keys, len(keys)-nLast)
	first, last := w.first[:0], w.last[:0]
	for _, cd := range cands {
		if nFirst > 0 && cd.key <= lo {
			first = append(first, cd)
		}
		if cd.key >= hi {
			last = append(last, cd)
		}
	}
	w.first, w.last = first, last
	slices.SortFunc(first, before)
	slices.SortFunc(last, before)
	kept := append(w.kept[:0], first[:nFirst]...)
	kept = append(kept, last[len(last)-nLast:]...)
	w.kept = kept
	return kept
}

// zKey maps a log-odds z to a key whose ascending order is Compare's: z
// descending, NaN last, −0 and +0 equal.
func zKey(z float64) uint64 {
	if z != z {
		return math.MaxUint64
	}
	if z == 0 {
		z = 0 // +0
	}
	b := math.Float64bits(z)
	if b>>63 != 0 {
		b = ^b // negative: larger magnitude, smaller key
	} else {
		b |= 1 << 63
	}
	return ^b // ascending in z, so descending
}

// nth returns the k-th smallest of xs (k from 0), reordering xs: Hoare's
// FIND (Wirth's partition around a median of three), which sorts instead
// when the pivots keep failing.
func nth(xs []uint64, k int) uint64 {
	lo, hi := 0, len(xs)-1
	for budget := 2*bits.Len(uint(len(xs))) + 4; lo < hi; budget-- {
		if budget == 0 {
			slices.Sort(xs[lo : hi+1])
			break
		}
		a, b, c := xs[lo], xs[lo+(hi-lo)/2], xs[hi]
		pivot := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		// xs[lo..j] ≤ pivot = xs[j+1..i-1] ≤ xs[i..hi]
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}
