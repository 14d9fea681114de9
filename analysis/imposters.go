package analysis

import (
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Authorship verification by the General Imposters method (Koppel and
// Winter 2014, "Determining if two documents are written by the same
// author", JASIST 65(1)), as stylo's imposters() runs it: in each of
// Iterations rounds a random share Features of the features and a random
// share Imposters of the imposter texts (texts by others) are drawn, the
// test text is classified by Delta among the candidate's texts and the
// drawn imposters (stylo's perform.delta: z-scores by the training texts'
// means and standard deviations, the test text scaled by them, the nearest
// training text wins, the candidate's texts first on a tie), and the score
// is the share of rounds that the candidate wins. A score near 1 says the
// candidate wrote the text, near 0 that someone else did; the band
// between is calibrated on texts of known authorship (CalibrateImposters).

// ImpostersOptions are stylo's imposters() arguments.
type ImpostersOptions struct {
	Iterations int     // rounds; stylo's default 100
	Features   float64 // share of the features drawn each round; 0.5
	Imposters  float64 // share of the imposters drawn each round; 0.5
}

// DefaultImposters are stylo's defaults.
var DefaultImposters = ImpostersOptions{Iterations: 100, Features: 0.5, Imposters: 0.5}

// ImpostersScore is the share of rounds in which the test row of freq
// (texts × features, relative frequencies) is nearer a candidate row than
// every drawn imposter row. The draws come from r. The number of features
// and of imposters drawn are rounded half to even, as R's round().
func ImpostersScore(freq mat.Matrix, test int, candidate, imposters []int, o ImpostersOptions, r *rand.Rand) float64 {
	_, nf := freq.Dims()
	if len(candidate) == 0 || o.Iterations < 1 {
		return math.NaN()
	}
	kf := max(1, int(math.RoundToEven(float64(nf)*o.Features)))
	ki := int(math.RoundToEven(float64(len(imposters)) * o.Imposters))
	features := make([]int, nf)
	for j := range features {
		features[j] = j
	}
	pool := slices.Clone(imposters)
	train := make([]int, 0, len(candidate)+ki)
	mean, sd := make([]float64, kf), make([]float64, kf)
	wins := 0
	for range o.Iterations {
		r.Shuffle(nf, func(a, b int) { features[a], features[b] = features[b], features[a] })
		fs := slices.Clone(features[:kf])
		slices.Sort(fs)
		r.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
		train = append(append(train[:0], candidate...), pool[:ki]...)
		// Each drawn feature's mean and standard deviation (n − 1) over the
		// training texts; a feature constant there is left out.
		for c, j := range fs {
			var s float64
			for _, i := range train {
				s += freq.At(i, j)
			}
			m := s / float64(len(train))
			var ss float64
			for _, i := range train {
				d := freq.At(i, j) - m
				ss += d * d
			}
			mean[c], sd[c] = m, math.Sqrt(ss/float64(len(train)-1))
		}
		best, bestRow := math.Inf(1), -1
		for t, i := range train {
			var d float64
			used := 0
			for c, j := range fs {
				if sd[c] == 0 || math.IsNaN(sd[c]) {
					continue
				}
				d += math.Abs(freq.At(test, j)-freq.At(i, j)) / sd[c]
				used++
			}
			if used == 0 {
				continue
			}
			if d /= float64(used); d < best {
				best, bestRow = d, t
			}
		}
		if bestRow >= 0 && bestRow < len(candidate) {
			wins++
		}
	}
	return float64(wins) / float64(o.Iterations)
}

// Calibration is the band of imposters scores in which no verdict is
// given: below P1 the candidate is rejected, above P2 accepted, and in
// between (P1 ≤ score ≤ P2) the answer is "don't know". C1 is the c@1 of
// these verdicts on the known cases (Peñas and Rodrigo 2011): (correct +
// unanswered × correct / n) / n, which rewards leaving a hard case
// unanswered over answering it wrongly.
type Calibration struct {
	P1, P2, C1 float64
	Cases      int
}

// Verdict is a score's answer under c: "yes", "no" or "unsure".
func (c Calibration) Verdict(score float64) string {
	switch {
	case math.IsNaN(score):
		return ""
	case score < c.P1:
		return "no"
	case score > c.P2:
		return "yes"
	}
	return "unsure"
}

// CalibrateImposters chooses P1 ≤ P2 on a grid of 0.01 to maximise c@1
// over known cases (each a score and whether the candidate is the true
// author), as stylo's imposters.optimize() does; of equal c@1 it takes the
// narrowest band, then the lowest P1. Cases with a NaN score are left out.
func CalibrateImposters(scores []float64, truth []bool) Calibration {
	if len(scores) != len(truth) {
		panic("analysis: length mismatch")
	}
	best, width := Calibration{C1: math.Inf(-1)}, 0
	for a := 0; a <= 100; a++ {
		for b := a; b <= 100; b++ {
			c := Calibration{P1: float64(a) / 100, P2: float64(b) / 100}
			correct, unanswered := 0, 0
			for i, s := range scores {
				if math.IsNaN(s) {
					continue
				}
				c.Cases++
				switch c.Verdict(s) {
				case "unsure":
					unanswered++
				case "yes":
					if truth[i] {
						correct++
					}
				case "no":
					if !truth[i] {
						correct++
					}
				}
			}
			if c.Cases == 0 {
				return Calibration{P1: math.NaN(), P2: math.NaN(), C1: math.NaN()}
			}
			n := float64(c.Cases)
			c.C1 = (float64(correct) + float64(unanswered)*float64(correct)/n) / n
			if c.C1 > best.C1 || c.C1 == best.C1 && b-a < width {
				best, width = c, b-a
			}
		}
	}
	return best
}
