package keyness

import (
	"cmp"
	"iter"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// Corpus is the whole of a corpus for CompareRest: each term's count and
// slice presence, the number of words and of slices. Its terms are those
// a comparison may report (already filtered: stopwords, minimum count).
type Corpus struct {
	terms    []string
	count    []float64
	presence []float64
	group    []int32 // by term: its count group, an index into byCount
	index    map[string]int32
	total    float64
	slices   int
	hasSl    bool
	byCount  []countGroup // the terms grouped by count, count ascending
}

// countGroup is the terms (indices) that share one corpus count.
type countGroup struct {
	count float64
	terms []int
}

// NewCorpus describes a corpus of total words and nSlices slices whose
// terms have the given counts and slice presence (presence may be nil:
// no Zeta). The slices must have the same length.
func NewCorpus(terms []string, count, presence []float64, total float64, nSlices int) *Corpus {
	if len(count) != len(terms) || presence != nil && len(presence) != len(terms) {
		panic("keyness: length mismatch")
	}
	if len(terms) > math.MaxInt32 {
		panic("keyness: too many terms")
	}
	c := &Corpus{terms: terms, count: count, presence: presence, group: make([]int32, len(terms)),
		index: make(map[string]int32, len(terms)), total: total, slices: nSlices, hasSl: presence != nil}
	groups := map[float64][]int{}
	for i := range terms {
		groups[count[i]] = append(groups[count[i]], i)
	}
	for n, idx := range groups {
		c.byCount = append(c.byCount, countGroup{n, idx})
	}
	slices.SortFunc(c.byCount, func(x, y countGroup) int { return cmp.Compare(x.count, y.count) })
	for g, grp := range c.byCount {
		for _, i := range grp.terms {
			c.group[i] = int32(g)
		}
	}
	for i, t := range terms {
		c.index[t] = int32(i)
	}
	return c
}

// indices yields what terms yields, each term by its index in c, leaving
// out the terms c lacks.
func (c *Corpus) indices(terms iter.Seq2[string, int]) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for t, n := range terms {
			if i, ok := c.index[t]; ok && !yield(int(i), n) {
				return
			}
		}
	}
}

// Part is a part of a corpus, the target that [Corpus.CompareRestTop]
// compares with the rest of the corpus.
type Part struct {
	// Counts yields each term the part uses and its count, each term once;
	// terms not in the corpus and counts ≤ 0 are ignored. Its order does not
	// matter.
	Counts iter.Seq2[string, int]
	// Presence yields, each term once, how many of the part's slices
	// contain it (a term left out is in none). It is ranged over at most
	// once, for the rows kept, and only when the corpus has slice presence;
	// nil is in no slice.
	Presence iter.Seq2[string, int]
	// Indices, if not nil, stands for Counts: it yields each corpus term
	// the part uses by its index in the terms given to NewCorpus (an index
	// out of range panics), and its count, as Counts would. A caller that
	// holds its terms as indices spares the lookup of each term's string.
	Indices iter.Seq2[int, int]
	// PresenceIndices, if not nil, stands for Presence likewise.
	PresenceIndices iter.Seq2[int, int]
	// Words is the part's number of all tokens, N_t; Slices its number of
	// slices.
	Words  float64
	Slices int
}

// CompareRest compares a target, a part of the corpus, with the rest of
// the corpus: it returns the rows Compare returns for the Counts of every
// corpus term (the target's count a, the rest's count = corpus − a, slice
// presence likewise), restricted to the terms the target uses and the
// terms it does not use whose PAdj is below maxPAdj, in Compare's order.
// The numbers are Compare's bit for bit, but the cost follows the target's
// vocabulary: a term the target does not use has a = 0, so its p depends
// on its corpus count alone, and Benjamini–Hochberg runs over the distinct
// counts with their multiplicities (tied p-values share one adjusted
// value). target and tPresence give the target's counts and slice
// presence by term; terms not in the corpus are ignored. opt.MinCount is
// not applied here: filter the corpus's terms instead.
func (c *Corpus) CompareRest(target, tPresence map[string]int, words float64, nSlices int, opt Options, maxPAdj float64) []Row {
	return c.CompareRestTop(Part{Counts: maps.All(target), Presence: maps.All(tPresence), Words: words, Slices: nSlices}, opt, maxPAdj, 0)
}

// CompareRestTop is [Corpus.CompareRest] of the part p, cut, with
// limit > 0, to its limit/2 first and limit − limit/2 last rows (the
// highest and lowest log-odds z), as [Cap] cuts them: the same rows, the
// others never built. Every term the part uses costs its p-value and
// log-odds z (computed once for the terms of one small count and one
// corpus count), every distinct corpus count of the terms it lacks one
// p-value; the full statistics are computed only for the rows returned.
func (c *Corpus) CompareRestTop(p Part, opt Options, maxPAdj float64, limit int) []Row {
	w := works.Get().(*work)
	defer works.Put(w)
	return c.compareRestTop(p, opt, maxPAdj, limit, nil, w)
}

// CompareRestTops is [Corpus.CompareRestTop] of each of parts, in order.
// The p-value of a term a part lacks depends only on the term's corpus
// count and the part's Words: parts with the same Words share them, each
// computed once, so that a batch of parts of one size costs little more
// than their own terms. The parts are compared one after the other in one
// working memory, so that a batch allocates little beyond the rows it
// returns.
func (c *Corpus) CompareRestTops(parts []Part, opt Options, maxPAdj float64, limit int) [][]Row {
	w := works.Get().(*work)
	defer works.Put(w)
	n := map[float64]int{}
	for _, p := range parts {
		n[p.Words]++
	}
	shared := map[float64][]float64{}
	out := make([][]Row, len(parts))
	for k, p := range parts {
		var groupP []float64
		if n[p.Words] > 1 {
			groupP = shared[p.Words]
			if groupP == nil {
				sc := c.scale(p, opt)
				groupP = make([]float64, len(c.byCount))
				for g, grp := range c.byCount {
					groupP[g] = sc.p(0, grp.count, opt)
				}
				shared[p.Words] = groupP
			}
		}
		out[k] = c.compareRestTop(p, opt, maxPAdj, limit, groupP, w)
	}
	return out
}

// scale is what every row of a comparison of p with the rest shares.
func (c *Corpus) scale(p Part, opt Options) scale {
	nt, nr := p.Words, c.total-p.Words
	total := nt + nr
	alpha0 := total
	if opt.Prior.Uniform > 0 {
		alpha0 = opt.Prior.Uniform * float64(len(c.terms))
	}
	return scale{nt: nt, nr: nr, total: total, alpha0: alpha0, lnN: math.Log(total), nts: p.Slices, nrs: c.slices - p.Slices, slices: c.hasSl}
}

// work is the memory a comparison works in, none of which outlives it
// (the rows it returns are allocated apart): a batch passes one from part
// to part, so that its arrays, some as long as the corpus has distinct
// counts, are allocated once a batch instead of once a part. Each is
// emptied, or resized and cleared, before use.
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

// works holds the working memory of finished comparisons for the next:
// the documents of a corpus, each of its own size, are compared one batch
// each, and their arrays (some as long as the corpus's vocabulary) would
// otherwise be allocated again for every one.
var works = sync.Pool{New: func() any { return new(work) }}

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

// compareRestTop is CompareRestTop, with groupP, if not nil, the p-value
// of a term p lacks by count group (sc.p of the group's count), working in
// w.
func (c *Corpus) compareRestTop(p Part, opt Options, maxPAdj float64, limit int, groupP []float64, w *work) []Row {
	sc := c.scale(p, opt)

	// The part's terms: what ranking and adjusting need, no rows yet.
	// Terms that share a small count and a corpus count share their p and
	// z (the same functions of the same numbers), computed once.
	used := w.used[:0]
	usedIn := zeroed(w.usedIn, len(c.byCount)) // the part's terms per count group
	nGroups := min(len(c.byCount), memoGroups)
	if w.part++; len(w.memo) < memoCounts*nGroups || w.part == 0 {
		w.memo, w.part = make([]memo, memoCounts*nGroups), 1
	}
	counts := p.Indices
	if counts == nil {
		counts = c.indices(p.Counts)
	}
	for i, n := range counts {
		if n <= 0 {
			continue
		}
		g := int(c.group[i])
		a := float64(n)
		var m *memo
		if n <= memoCounts && g < nGroups {
			if m = &w.memo[(n-1)*nGroups+g]; m.part == w.part {
				used = append(used, use{i: i, a: a, p: m.p, z: m.z})
				usedIn[g]++
				continue
			}
		}
		b := c.count[i] - a
		_, z := sc.logOdds(a, b, opt)
		e := use{i: i, a: a, p: sc.p(a, b, opt), z: z}
		if m != nil {
			*m = memo{part: w.part, p: e.p, z: e.z}
		}
		used = append(used, e)
		usedIn[g]++
	}
	w.used, w.usedIn = used, usedIn
	// The absent terms of each count: one p for all.
	groups := w.groups[:0]
	for g, grp := range c.byCount {
		if k := len(grp.terms) - usedIn[g]; k > 0 {
			gr := absent{g: g, k: k}
			if groupP != nil {
				gr.p = groupP[g]
			} else {
				gr.p = sc.p(0, grp.count, opt)
			}
			groups = append(groups, gr)
		}
	}
	w.groups = groups
	ps, qs := c.adjust(used, groups, w)

	// The rows that may be kept: the part's terms and the significantly
	// avoided absent ones.
	cands := w.cands[:0]
	for u, e := range used {
		cands = append(cands, cand{key: zKey(e.z), i: e.i, u: u})
	}
	var isUsed []bool
	for _, gr := range groups {
		if !(gr.q < maxPAdj) {
			continue
		}
		if isUsed == nil {
			isUsed = zeroed(w.isUsed, len(c.terms))
			w.isUsed = isUsed
			for _, e := range used {
				isUsed[e.i] = true
			}
		}
		for _, i := range c.byCount[gr.g].terms {
			if isUsed[i] {
				continue
			}
			_, z := sc.logOdds(0, c.count[i], opt)
			cands = append(cands, cand{key: zKey(z), i: i, u: -1, q: gr.q})
		}
	}
	w.cands = cands
	cands = c.top(cands, limit, w)

	rows := make([]Row, len(cands))
	presence := p.PresenceIndices
	if presence == nil && p.Presence != nil {
		presence = c.indices(p.Presence)
	}
	want := w.want // a kept term of the part -> its row
	clear(want)
	for k, cd := range cands {
		i := cd.i
		if cd.u < 0 {
			var rs float64
			if c.hasSl {
				rs = c.presence[i]
			}
			rows[k] = sc.row(c.terms[i], 0, c.count[i], 0, rs, opt)
			rows[k].PAdj = cd.q
			continue
		}
		e := used[cd.u]
		rows[k] = sc.light(c.terms[i], e.a, c.count[i]-e.a, opt)
		rows[k].PAdj = math.NaN()
		if !math.IsNaN(e.p) {
			j, _ := slices.BinarySearch(ps, e.p) // tied p-values share one q
			rows[k].PAdj = qs[j]
		}
		if c.hasSl && presence != nil {
			if want == nil {
				want = make(map[int]int, len(cands))
				w.want = want
			}
			want[i] = k
		}
	}
	// The kept terms' slice presence, in one pass over the part's.
	ts := zeroed(w.ts, len(rows))
	w.ts = ts
	if len(want) > 0 {
		left := len(want)
		for i, n := range presence {
			if k, ok := want[i]; ok {
				ts[k] = float64(n)
				if left--; left == 0 {
					break
				}
			}
		}
	}
	for k, cd := range cands {
		if cd.u < 0 {
			continue
		}
		var rs float64
		if c.hasSl {
			rs = c.presence[cd.i] - ts[k]
		}
		sc.fill(&rows[k], ts[k], rs, opt)
	}
	return rows
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

// Cap keeps, of rows in log-odds z order with more than limit > 0 rows,
// the limit/2 first and limit − limit/2 last, in a new slice so that the
// rest can be freed; otherwise it returns rows.
func Cap(rows []Row, limit int) []Row {
	if limit <= 0 || len(rows) <= limit {
		return rows
	}
	kept := make([]Row, 0, limit)
	kept = append(kept, rows[:limit/2]...)
	return append(kept, rows[len(rows)-(limit-limit/2):]...)
}
