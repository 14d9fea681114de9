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
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			d := p.at(i, j)
			if math.IsNaN(d) {
				continue
			}
			out[i] = keepNearest(out[i], Neighbour{j, d}, k)
			out[j] = keepNearest(out[j], Neighbour{i, d}, k)
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
