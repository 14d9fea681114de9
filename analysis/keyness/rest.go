package keyness

import (
	"cmp"
	"math"
	"slices"
)

// Corpus is the whole of a corpus for CompareRest: each term's count and
// slice presence, the number of words and of slices. Its terms are those
// a comparison may report (already filtered: stopwords, minimum count).
type Corpus struct {
	terms    []string
	count    []float64
	presence []float64
	index    map[string]int
	total    float64
	slices   int
	hasSl    bool
	byCount  []countGroup // the terms grouped by count, count ascending
	groupOf  []int        // each term's index into byCount
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
	c := &Corpus{terms: terms, count: count, presence: presence, index: make(map[string]int, len(terms)),
		total: total, slices: nSlices, hasSl: presence != nil}
	groups := map[float64][]int{}
	for i, t := range terms {
		c.index[t] = i
		groups[count[i]] = append(groups[count[i]], i)
	}
	for n, idx := range groups {
		c.byCount = append(c.byCount, countGroup{n, idx})
	}
	slices.SortFunc(c.byCount, func(x, y countGroup) int { return cmp.Compare(x.count, y.count) })
	c.groupOf = make([]int, len(terms))
	for g, grp := range c.byCount {
		for _, i := range grp.terms {
			c.groupOf[i] = g
		}
	}
	return c
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
	return c.CompareRestTop(target, tPresence, words, nSlices, opt, maxPAdj, 0)
}

// CompareRestTop is CompareRest cut, with limit > 0, to its limit/2 first
// and limit − limit/2 last rows (the highest and lowest log-odds z):
// the same rows, the others' full statistics never computed.
func (c *Corpus) CompareRestTop(target, tPresence map[string]int, words float64, nSlices int, opt Options, maxPAdj float64, limit int) []Row {
	nt, nr := words, c.total-words
	total := nt + nr
	alpha0 := total
	if opt.Prior.Uniform > 0 {
		alpha0 = opt.Prior.Uniform * float64(len(c.terms))
	}
	sc := scale{nt: nt, nr: nr, total: total, alpha0: alpha0, lnN: math.Log(total), nts: nSlices, nrs: c.slices - nSlices, slices: c.hasSl}
	// entry is a p-value and how many terms have it.
	type entry struct {
		p   float64
		k   int
		row int // index into rows, or -1 for a group of absent terms
		grp int // index into c.byCount
	}
	var rows []Row
	var entries []entry
	// What the target uses, by term and by count group: its own size,
	// never the corpus's vocabulary.
	present := make(map[int]bool, len(target))
	usedIn := make(map[int]int)
	for t, a := range target {
		i, ok := c.index[t]
		if !ok || a <= 0 {
			continue
		}
		present[i] = true
		usedIn[c.groupOf[i]]++
		// The target's terms get their full row once the cut is known.
		r := sc.light(t, float64(a), c.count[i]-float64(a), opt)
		rows = append(rows, r)
		entries = append(entries, entry{p: r.P, k: 1, row: len(rows) - 1, grp: -1})
	}
	nPresent := len(entries)
	// The absent terms of each count: one p for all.
	for g, grp := range c.byCount {
		if absent := len(grp.terms) - usedIn[g]; absent > 0 {
			entries = append(entries, entry{p: sc.p(0, grp.count, opt), k: absent, row: -1, grp: g})
		}
	}
	// Benjamini–Hochberg as BenjaminiHochberg computes it, over the
	// entries' multiplicities: a run of equal p-values ending at rank R
	// gets min(running, m p / R).
	m, nan := 0, 0
	for _, e := range entries {
		if math.IsNaN(e.p) {
			nan += e.k
		} else {
			m += e.k
		}
	}
	byP := func(x, y entry) int {
		nx, ny := math.IsNaN(x.p), math.IsNaN(y.p)
		switch {
		case nx && !ny:
			return 1
		case ny && !nx:
			return -1
		}
		return cmp.Compare(x.p, y.p)
	}
	// The groups come by count ascending, and an absent term's p falls
	// as its count grows (dG²/dc = ln((N − c)/(n_r − c)) > 0), so they
	// are usually in descending p already: then sorting the present
	// terms and merging is the stable sort's order, for the cost of the
	// target's vocabulary. Rounding, NaN or a correction that breaks the
	// order falls back to the full sort. (Ties may come in another
	// order; Benjamini–Hochberg gives tied p-values one adjusted value.)
	groups := entries[nPresent:]
	descending := true
	for e := range groups {
		if math.IsNaN(groups[e].p) || e > 0 && groups[e].p > groups[e-1].p {
			descending = false
			break
		}
	}
	if descending {
		present := entries[:nPresent]
		slices.SortStableFunc(present, byP)
		merged := make([]entry, 0, len(entries))
		g := len(groups) - 1
		for _, e := range present {
			for g >= 0 && byP(groups[g], e) < 0 {
				merged = append(merged, groups[g])
				g--
			}
			merged = append(merged, e)
		}
		for ; g >= 0; g-- {
			merged = append(merged, groups[g])
		}
		entries = merged
	} else {
		slices.SortStableFunc(entries, byP)
	}
	q := make([]float64, len(entries))
	rank := m
	running := 1.0
	for e := len(entries) - 1; e >= 0; e-- {
		if math.IsNaN(entries[e].p) {
			q[e] = math.NaN()
			continue
		}
		running = math.Min(running, float64(m)*entries[e].p/float64(rank))
		q[e] = running
		rank -= entries[e].k
	}
	var kept []Row
	for e, en := range entries {
		switch {
		case en.row >= 0:
			rows[en.row].PAdj = q[e]
		case q[e] < maxPAdj:
			for _, i := range c.byCount[en.grp].terms {
				if present[i] {
					continue
				}
				var rs float64
				if c.hasSl {
					rs = c.presence[i]
				}
				r := sc.row(c.terms[i], 0, c.count[i], 0, rs, opt)
				r.PAdj = q[e]
				kept = append(kept, r)
			}
		}
	}
	rows = append(rows, kept...)
	SortBy(rows, func(r Row) float64 { return r.LogOddsZ })
	rows = Cap(rows, limit)
	for k := range rows {
		if r := &rows[k]; r.NTarget > 0 { // a target's term: a light row
			var ts, rs float64
			if c.hasSl {
				ts = float64(tPresence[r.Term])
				rs = c.presence[c.index[r.Term]] - ts
			}
			sc.fill(r, ts, rs, opt)
		}
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
