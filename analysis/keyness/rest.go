package keyness

import (
	"cmp"
	"iter"
	"maps"
	"math"
	"slices"
	"sync"
)

// Corpus is the whole of a corpus for CompareRest: each term's count and
// slice presence, the number of words and of slices. Its terms are those
// a comparison may report (already filtered: stopwords, minimum count).
// It is safe for concurrent use.
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
	works    sync.Pool    // *work: the working memory of finished comparisons
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
	w := c.get()
	defer c.put(w)
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
	w := c.get()
	defer c.put(w)
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
