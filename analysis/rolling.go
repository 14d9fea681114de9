package analysis

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Windows returns the windows of size words that start every step words
// through a text of n words, as [start, end) word offsets from 0: the
// slices stylo's rolling.classify() cuts its test text into
// (make.samples(sampling = "normal.sampling", sample.size = size,
// sample.overlap = size − step)). There are ⌊(n − size)/step⌋ + 1 windows
// when n ≥ size, the words after the last one dropped, and none when
// n < size. size and step are 1 or more.
func Windows(n, size, step int) [][2]int {
	if size < 1 || step < 1 {
		panic("analysis: Windows needs size and step ≥ 1")
	}
	var out [][2]int
	for lo := 0; lo+size <= n; lo += step {
		out = append(out, [2]int{lo, lo + size})
	}
	return out
}

// TrainedDelta is stylo's perform.delta() with the z-scores of the
// training set only (z.scores.both.sets = FALSE, as rolling.classify()
// and imposters() call it): each feature's mean and standard deviation
// (denominator n − 1) over the training texts, the training texts and
// every text classified scaled by them, and the distance Burrows's Delta,
// the mean over the features of |z_x − z_t|. A feature constant over the
// training texts (sd 0: no evidence between them) is left out, as
// ImpostersScore leaves it; R would give NaN.
type TrainedDelta struct {
	rows     []int    // the training texts' rows of the frequencies
	class    []int    // each one's label, an index into names
	names    []string // the labels, in order of first appearance
	features []int    // the columns used: those with sd > 0
	mean, sd []float64
	z        []float64 // the training texts' z-scores, len(rows) × len(features)
}

// TrainDelta trains on rows of freq (texts × features, relative
// frequencies), labels[k] being the label of rows[k]. It panics with
// fewer than two rows.
func TrainDelta(freq mat.Matrix, rows []int, labels []string) *TrainedDelta {
	if len(rows) != len(labels) {
		panic("analysis: length mismatch")
	}
	if len(rows) < 2 {
		panic("analysis: TrainDelta needs two training texts or more")
	}
	_, nf := freq.Dims()
	d := &TrainedDelta{rows: slices.Clone(rows), class: make([]int, len(rows))}
	seen := map[string]int{}
	for k, l := range labels {
		c, ok := seen[l]
		if !ok {
			c = len(d.names)
			seen[l] = c
			d.names = append(d.names, l)
		}
		d.class[k] = c
	}
	n := float64(len(rows))
	for j := range nf {
		var s float64
		for _, i := range rows {
			s += freq.At(i, j)
		}
		m := s / n
		var ss float64
		for _, i := range rows {
			x := freq.At(i, j) - m
			ss += x * x
		}
		if sd := math.Sqrt(ss / (n - 1)); sd > 0 {
			d.features = append(d.features, j)
			d.mean, d.sd = append(d.mean, m), append(d.sd, sd)
		}
	}
	d.z = make([]float64, len(rows)*len(d.features))
	for k, i := range rows {
		for c, j := range d.features {
			d.z[k*len(d.features)+c] = (freq.At(i, j) - d.mean[c]) / d.sd[c]
		}
	}
	return d
}

// Used is the number of features the distances are taken over.
func (d *TrainedDelta) Used() int { return len(d.features) }

// Distance is the Delta from x (a text's relative frequencies, one per
// column of the training frequencies) to the k-th training text:
// (1/F) Σ_j |(x_j − mean_j)/sd_j − z_kj| over the F features used; NaN
// when no feature is used.
func (d *TrainedDelta) Distance(x []float64, k int) float64 {
	return d.distance(d.scale(x), k)
}

// scale returns x's z-scores over the features used.
func (d *TrainedDelta) scale(x []float64) []float64 {
	z := make([]float64, len(d.features))
	for c, j := range d.features {
		z[c] = (x[j] - d.mean[c]) / d.sd[c]
	}
	return z
}

func (d *TrainedDelta) distance(z []float64, k int) float64 {
	f := len(d.features)
	if f == 0 {
		return math.NaN()
	}
	var s float64
	for c, t := range d.z[k*f : (k+1)*f] {
		s += math.Abs(z[c] - t)
	}
	return s / float64(f)
}

// Classify measures x against every training text and returns each
// label's nearest text as a Candidate (Item: its row of the frequencies),
// closest first, ties by label; between two texts of one label at the
// same distance the one given first in rows. perform.delta's prediction
// is the first candidate. With no feature used it returns nil.
func (d *TrainedDelta) Classify(x []float64) []Candidate {
	if len(d.features) == 0 {
		return nil
	}
	z := d.scale(x)
	out := make([]Candidate, len(d.names))
	for c, l := range d.names {
		out[c] = Candidate{Label: l, Distance: math.Inf(1), Item: -1}
	}
	for k, c := range d.class {
		if v := d.distance(z, k); out[c].Item < 0 || v < out[c].Distance {
			out[c].Distance, out[c].Item = v, d.rows[k]
		}
	}
	slices.SortStableFunc(out, func(x, y Candidate) int {
		if c := cmp.Compare(x.Distance, y.Distance); c != 0 {
			return c
		}
		return cmp.Compare(x.Label, y.Label)
	})
	return out
}
