package analysis

import (
	"math"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
)

// Neighbour is one of an item's nearest items and its distance.
type Neighbour struct {
	Item     int
	Distance float64
}

// KNearest returns, for every row of f (a documents × features matrix of
// relative frequencies in per cent, as for DistanceMatrix), its k nearest
// other rows under measure m, closest first, ties by index; an undefined
// (NaN) distance is never a neighbour. It never holds the n × n matrix:
// memory is O(n·k) beyond the prepared rows, time O(n²·features). The
// distances are DistanceMatrix's; for cosine, wurzburg and tfidf_cosine
// the dot products are summed row by row rather than by BLAS, which can
// change the last bit.
func KNearest(m Measure, f mat.Matrix, k int) ([][]Neighbour, error) {
	return KNearestRun(m, f, k, nil, nil)
}

// Runner runs task(0), …, task(n−1), in any order and possibly at once, and
// returns when all have returned; nil runs them one after the other. The
// functions that take one give the same result whatever it does: it lets
// the caller (package pipeline's worker pool) spread the work over cores
// while this package starts no goroutine.
type Runner func(n int, task func(i int))

// knnBlocks is how many blocks of rows KNearestRun tiles the pairs into.
const knnBlocks = 16

// KNearestRun is KNearest with the pairs cut into tiles of blocks of rows
// that run may compute at once. Each tile keeps its own nearest lists,
// merged afterwards; the k nearest under the order (distance, item) are
// unique, so the result does not depend on how the tiles ran. prog is told of
// the tiles done, and asked between chunks of a tile whether to go on (see
// Progress; nil: never stops): stopped, the tiles left return at once and
// the lists are incomplete.
func KNearestRun(m Measure, f mat.Matrix, k int, run Runner, prog Progress) ([][]Neighbour, error) {
	p, err := prepare(m, f)
	if err != nil {
		return nil, err
	}
	n := p.rows
	out := make([][]Neighbour, n)
	if k <= 0 {
		return out, nil
	}
	for i := range out {
		out[i] = make([]Neighbour, 0, k)
	}
	nb := min(knnBlocks, n)
	// Block bounds fall on multiples of sixteen rows, the kernels' blocks.
	blocks16 := (n + panelRows - 1) / panelRows
	bound := func(b int) int { return min(n, b*blocks16/nb*panelRows) }
	type tile struct{ a, b int }
	var tiles []tile
	for a := range nb {
		for b := a; b < nb; b++ {
			tiles = append(tiles, tile{a, b})
		}
	}
	var mu sync.Mutex
	var done atomic.Int64 // tiles finished
	var halt atomic.Bool  // prog said stop: no tile asks again
	tell := func(d int64) bool {
		if halt.Load() || prog.stop(int(d), len(tiles)) {
			halt.Store(true)
		}
		return halt.Load()
	}
	stopped := func() bool { return tell(done.Load()) }
	task := func(t int) {
		if stopped() {
			return
		}
		a, b := tiles[t].a, tiles[t].b
		a0, a1, b0, b1 := bound(a), bound(a+1), bound(b), bound(b+1)
		// The tile's lists for the rows of its two blocks, and each
		// list's k-th distance, below which a candidate is worth a look.
		la, wa := newLists(a1 - a0)
		lb, wb := la, wa
		if a != b {
			lb, wb = newLists(b1 - b0)
		}
		// The lists merged so far bound each row's k-th distance from
		// above, so a candidate beyond that bound cannot be among the k
		// nearest: starting from them spares most insertions, and the
		// result is the same whatever the tiles' order.
		mu.Lock()
		bounds(wa, out[a0:a1], k)
		if a != b {
			bounds(wb, out[b0:b1], k)
		}
		mu.Unlock()
		// With the sums (prepared.sums), each list's bound also as a sum:
		// a pair whose sum is above both rows' is rejected before its
		// distance is computed.
		var ra, rb []float64
		if p.sums != nil {
			ra = sumBounds(wa, p.bound)
			rb = ra
			if a != b {
				rb = sumBounds(wb, p.bound)
			}
		}
		put := func(l [][]Neighbour, w, rw []float64, r int, c Neighbour) {
			keep(l, w, r, c, k)
			if rw != nil {
				rw[r] = p.bound(w[r])
			}
		}
		// offer gives the pair (i, j) at distance d to both lists; NaN
		// (undefined) never enters.
		offer := func(i, j int, d float64) {
			if d <= wa[i-a0] {
				put(la, wa, ra, i-a0, Neighbour{j, d})
			}
			if d <= wb[j-b0] {
				put(lb, wb, rb, j-b0, Neighbour{i, d})
			}
		}
		var ds [panelRows]float64
		// Columns in chunks that stay in cache while every row of the
		// first block passes over them.
		const chunk = 4 * panelRows
		for c0 := b0; c0 < b1; c0 += chunk {
			if c0 > b0 && stopped() {
				return
			}
			c1 := min(c0+chunk, b1)
			for i := a0; i < a1; i++ {
				j := c0
				if a == b {
					j = max(c0, i+1)
				}
				if p.sixteen == nil {
					for ; j < c1; j++ {
						offer(i, j, p.at(i, j))
					}
					continue
				}
				// Whole blocks of sixteen from the one holding j; c0 is
				// a multiple of sixteen.
				if p.sums != nil {
					for g := j / panelRows; g*panelRows < c1; g++ {
						p.sums(i, g, &ds)
						for jq := max(j, g*panelRows); jq < min(c1, (g+1)*panelRows); jq++ {
							if s := ds[jq-g*panelRows]; s <= ra[i-a0] || s <= rb[jq-b0] {
								offer(i, jq, p.post(s))
							}
						}
					}
					continue
				}
				for g := j / panelRows; g*panelRows < c1; g++ {
					p.block16(i, g, &ds)
					for jq := max(j, g*panelRows); jq < min(c1, (g+1)*panelRows); jq++ {
						offer(i, jq, ds[jq-g*panelRows])
					}
				}
			}
		}
		// The k nearest under (distance, item) are unique, so merging the
		// tiles in any order gives one result.
		mu.Lock()
		defer func() {
			mu.Unlock()
			tell(done.Add(1))
		}()
		for r, l := range la {
			for _, x := range l {
				out[a0+r] = keepNearest(out[a0+r], x, k)
			}
		}
		if a != b {
			for r, l := range lb {
				for _, x := range l {
					out[b0+r] = keepNearest(out[b0+r], x, k)
				}
			}
		}
	}
	if run == nil {
		for t := range tiles {
			task(t)
		}
	} else {
		run(len(tiles), task)
	}
	return out, nil
}

// bounds sets w[r] to the k-th distance of the full list l[r].
func bounds(w []float64, l [][]Neighbour, k int) {
	for r, x := range l {
		if len(x) == k {
			w[r] = x[k-1].Distance
		}
	}
}

// sumBounds is bound of each of w.
func sumBounds(w []float64, bound func(float64) float64) []float64 {
	out := make([]float64, len(w))
	for r, x := range w {
		out[r] = bound(x)
	}
	return out
}

// keep offers c to the list l[r], whose bound w[r] becomes its k-th
// distance once it holds k.
func keep(l [][]Neighbour, w []float64, r int, c Neighbour, k int) {
	l[r] = keepNearest(l[r], c, k)
	if len(l[r]) == k {
		w[r] = l[r][k-1].Distance
	}
}

// newLists returns n empty nearest lists and their bounds (+Inf).
func newLists(n int) ([][]Neighbour, []float64) {
	w := make([]float64, n)
	for i := range w {
		w[i] = math.Inf(1)
	}
	return make([][]Neighbour, n), w
}

// keepNearest inserts c into the sorted list l (distance, then item)
// when it is among the k nearest.
func keepNearest(l []Neighbour, c Neighbour, k int) []Neighbour {
	less := func(a, b Neighbour) bool {
		return a.Distance < b.Distance || a.Distance == b.Distance && a.Item < b.Item
	}
	if len(l) == k && !less(c, l[k-1]) {
		return l
	}
	pos := len(l)
	for pos > 0 && less(c, l[pos-1]) {
		pos--
	}
	if len(l) < k {
		l = append(l, Neighbour{})
	}
	copy(l[pos+1:], l[pos:len(l)-1])
	l[pos] = c
	return l
}

// KNearestTable is KNearestRun over the table t with the input each
// measure needs, as Distance prepares it (relative frequencies; counts for
// tfidf_cosine).
func KNearestTable(m Measure, t *Table, k int, run Runner, p Progress) ([][]Neighbour, error) {
	if t.Counts == nil {
		return nil, errNoFeatures
	}
	if m == TFIDFCosine {
		return KNearestRun(m, t.Counts, k, run, p)
	}
	return KNearestRun(m, RelFreq(nil, t), k, run, p)
}

// DistanceAmong returns the distances between the rows idx of t under m,
// in the order of idx, with the measure prepared over every row of t (the
// z-scores of the Delta family, the idf of tfidf_cosine use all the
// documents): the sub-matrix of Distance(m, t) without the rest of it.
// prog is told of the rows done (see Progress; nil: never stops).
func DistanceAmong(m Measure, t *Table, idx []int, prog Progress) (*mat.SymDense, error) {
	if t.Counts == nil {
		return nil, errNoFeatures
	}
	var f mat.Matrix = t.Counts
	if m != TFIDFCosine {
		f = RelFreq(nil, t)
	}
	p, err := prepare(m, f)
	if err != nil {
		return nil, err
	}
	d := mat.NewSymDense(max(len(idx), 1), nil)
	for a, i := range idx {
		if prog.stop(a, len(idx)) {
			break
		}
		for b := a + 1; b < len(idx); b++ {
			d.SetSym(a, b, p.at(i, idx[b]))
		}
	}
	return d, nil
}

// NeighboursOf reads every item's k nearest other items off the distance
// matrix d, closest first, ties by index, NaN never a neighbour: what
// KNearest computes without the matrix.
func NeighboursOf(d mat.Symmetric, k int) [][]Neighbour {
	n := d.SymmetricDim()
	out := make([][]Neighbour, n)
	for i := range n {
		l := make([]Neighbour, 0, k)
		for j := range n {
			if v := d.At(i, j); j != i && !math.IsNaN(v) && k > 0 {
				l = keepNearest(l, Neighbour{j, v}, k)
			}
		}
		out[i] = l
	}
	return out
}

// AttributeNeighbours is Attribute from each item's nearest neighbours
// instead of a full matrix: an item with a label is attributed to the
// label of its nearest labelled neighbour, and its candidates are the
// labels found among its neighbours (each at its nearest one's distance,
// ordered as Attribute orders them: distance, then label), so a label
// none of the neighbours has is not ranked (Rank 0). groups are as for
// Attribute: neighbours of the item's own group are skipped, so the lists
// must be long enough that some remain (the largest group's size − 1
// more than wanted).
func AttributeNeighbours(nb [][]Neighbour, labels []string, groups []int) []Attribution {
	if len(nb) != len(labels) || groups != nil && len(groups) != len(labels) {
		panic("analysis: length mismatch")
	}
	others := otherGroups(labels, groups)
	var out []Attribution
	for i, l := range nb {
		if labels[i] == "" {
			continue
		}
		a := Attribution{Item: i, Label: labels[i], Unattributable: !others(i)}
		seen := map[string]bool{}
		for _, x := range l { // closest first, ties by index
			if lab := labels[x.Item]; lab != "" && !seen[lab] && !sameGroup(groups, i, x.Item) {
				seen[lab] = true
				a.Candidates = append(a.Candidates, Candidate{Label: lab, Distance: x.Distance, Item: x.Item})
			}
		}
		if len(a.Candidates) == 0 {
			if a.Unattributable {
				out = append(out, a)
			}
			continue
		}
		a.rank()
		out = append(out, a)
	}
	return out
}

// NeighbourNetwork is NearestNeighbourNetwork over one setting given as
// nearest-neighbour lists: each item's r-th neighbour (from 0, r < k)
// adds k − r to the undirected edge between them (stylo's linear weights).
func NeighbourNetwork(nb [][]Neighbour, k int) []Edge {
	w := map[[2]int]float64{}
	for i, l := range nb {
		for r := 0; r < k && r < len(l); r++ {
			a, b := min(i, l[r].Item), max(i, l[r].Item)
			w[[2]int{a, b}] += float64(k - r)
		}
	}
	return sortedEdges(w)
}
