package analysis

import (
	"math"

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
	return KNearestRun(m, f, k, nil)
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
// unique, so the result does not depend on how the tiles ran.
func KNearestRun(m Measure, f mat.Matrix, k int, run Runner) ([][]Neighbour, error) {
	p, err := prepare(m, f)
	if err != nil {
		return nil, err
	}
	n := p.rows
	out := make([][]Neighbour, n)
	if k <= 0 {
		return out, nil
	}
	nb := min(knnBlocks, n)
	bound := func(b int) int { return b * n / nb }
	type tile struct{ a, b int }
	var tiles []tile
	for a := range nb {
		for b := a; b < nb; b++ {
			tiles = append(tiles, tile{a, b})
		}
	}
	// part[t][i] is tile t's list for row i (rows of its two blocks).
	part := make([]map[int][]Neighbour, len(tiles))
	task := func(t int) {
		lists := map[int][]Neighbour{}
		a, b := tiles[t].a, tiles[t].b
		for i := bound(a); i < bound(a+1); i++ {
			from := bound(b)
			if a == b {
				from = i + 1
			}
			li := lists[i]
			for j := from; j < bound(b+1); j++ {
				d := p.at(i, j)
				if math.IsNaN(d) {
					continue
				}
				li = keepNearest(li, Neighbour{j, d}, k)
				lists[j] = keepNearest(lists[j], Neighbour{i, d}, k)
			}
			lists[i] = li
		}
		part[t] = lists
	}
	if run == nil {
		for t := range tiles {
			task(t)
		}
	} else {
		run(len(tiles), task)
	}
	for i := range out {
		out[i] = make([]Neighbour, 0, k)
	}
	for _, lists := range part {
		for i, l := range lists {
			for _, x := range l {
				out[i] = keepNearest(out[i], x, k)
			}
		}
	}
	return out, nil
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
func KNearestTable(m Measure, t *Table, k int, run Runner) ([][]Neighbour, error) {
	if t.Counts == nil {
		return nil, errNoFeatures
	}
	if m == TFIDFCosine {
		return KNearestRun(m, t.Counts, k, run)
	}
	return KNearestRun(m, RelFreq(nil, t), k, run)
}

// DistanceAmong returns the distances between the rows idx of t under m,
// in the order of idx, with the measure prepared over every row of t (the
// z-scores of the Delta family, the idf of tfidf_cosine use all the
// documents): the sub-matrix of Distance(m, t) without the rest of it.
func DistanceAmong(m Measure, t *Table, idx []int) (*mat.SymDense, error) {
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
// none of the neighbours has is not ranked (Rank 0).
func AttributeNeighbours(nb [][]Neighbour, labels []string) []Attribution {
	if len(nb) != len(labels) {
		panic("analysis: length mismatch")
	}
	var out []Attribution
	for i, l := range nb {
		if labels[i] == "" {
			continue
		}
		a := Attribution{Item: i, Label: labels[i]}
		seen := map[string]bool{}
		for _, x := range l { // closest first, ties by index
			if lab := labels[x.Item]; lab != "" && !seen[lab] {
				seen[lab] = true
				a.Candidates = append(a.Candidates, Candidate{Label: lab, Distance: x.Distance})
			}
		}
		if len(a.Candidates) == 0 {
			continue
		}
		a.rank()
		out = append(out, a)
	}
	return out
}

// NeighbourNetwork is NearestNeighbourNetwork over one setting given as
// nearest-neighbour lists: each item's r-th neighbour (from 0, r < k)
// adds 0.5^r to the undirected edge between them.
func NeighbourNetwork(nb [][]Neighbour, k int) []Edge {
	w := map[[2]int]float64{}
	for i, l := range nb {
		for r := 0; r < k && r < len(l); r++ {
			a, b := min(i, l[r].Item), max(i, l[r].Item)
			w[[2]int{a, b}] += math.Pow(0.5, float64(r))
		}
	}
	return sortedEdges(w)
}
