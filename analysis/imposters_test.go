package analysis

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestImpostersScoreByHand: with every feature and every imposter drawn
// there is nothing random, and one round decides. Training texts c (0, 0),
// imposters i1 (2, 2) and i2 (4, 0): the standard deviations are 2 and
// √(4/3), so for the test text (1, 0.5) Delta is (1/2 + 0.5/√(4/3))/2 =
// 0.4665 to c, 0.8995 to i1 and 0.9665 to i2: the candidate wins, score 1.
// For (3.5, 0.2) it is 0.9616, 1.1544 and 0.2116: i2 wins, score 0.
func TestImpostersScoreByHand(t *testing.T) {
	f := mat.NewDense(5, 2, []float64{0, 0, 2, 2, 4, 0, 1, 0.5, 3.5, 0.2})
	all := ImpostersOptions{Iterations: 1, Features: 1, Imposters: 1}
	r := rand.New(rand.NewPCG(1, 2))
	if s := ImpostersScore(f, 3, []int{0}, []int{1, 2}, all, r); s != 1 {
		t.Errorf("score of (1, 0.5) = %v, want 1", s)
	}
	if s := ImpostersScore(f, 4, []int{0}, []int{1, 2}, all, r); s != 0 {
		t.Errorf("score of (3.5, 0.2) = %v, want 0", s)
	}
}

// TestImpostersBehaviour: what stylo's imposters() shows on texts of
// three clearly different authors (Koppel and Winter's setting): with the
// default 100 rounds, half the features and half the imposters, the true
// author scores near 1 and the others near 0; the same seed gives the
// same score.
func TestImpostersBehaviour(t *testing.T) {
	r := newRand(5)
	const authors, per, nf = 3, 6, 40
	profile := make([][]float64, authors)
	for a := range profile {
		profile[a] = make([]float64, nf)
		for j := range profile[a] {
			profile[a][j] = 1 + 4*r.Float64()
		}
	}
	f := mat.NewDense(authors*per, nf, nil)
	for a := range authors {
		for k := range per {
			for j := range nf {
				f.Set(a*per+k, j, profile[a][j]*(1+0.15*r.NormFloat64()))
			}
		}
	}
	test := 0 // by author 0
	for cand := range authors {
		var candidate, imposters []int
		for i := range authors * per {
			switch {
			case i == test:
			case i/per == cand:
				candidate = append(candidate, i)
			default:
				imposters = append(imposters, i)
			}
		}
		s := ImpostersScore(f, test, candidate, imposters, DefaultImposters, rand.New(rand.NewPCG(7, uint64(cand))))
		again := ImpostersScore(f, test, candidate, imposters, DefaultImposters, rand.New(rand.NewPCG(7, uint64(cand))))
		if s != again {
			t.Errorf("candidate %d: one seed gave %v, then %v", cand, s, again)
		}
		if cand == 0 && s < 0.9 || cand != 0 && s > 0.1 {
			t.Errorf("candidate %d scores %v for a text by author 0", cand, s)
		}
	}
}

// TestCalibrateImposters: hand-checked. Known cases (score, true author?):
// (0.9, yes) (0.8, yes) (0.1, no) (0.2, no) (0.5, yes) (0.5, no). Any
// threshold that answers the two 0.5 cases gets one of them wrong: c@1 =
// 5/6. Leaving both unanswered (P1 ≤ 0.5 ≤ P2, above 0.2 and below 0.8)
// gets the 4 others right: c@1 = (4 + 2·4/6)/6 = 8/9, the best; the
// narrowest such band is P1 = P2 = 0.5.
func TestCalibrateImposters(t *testing.T) {
	c := CalibrateImposters([]float64{0.9, 0.8, 0.1, 0.2, 0.5, 0.5, math.NaN()}, []bool{true, true, false, false, true, false, true})
	if c.P1 != 0.5 || c.P2 != 0.5 || math.Abs(c.C1-8.0/9) > 1e-15 || c.Cases != 6 {
		t.Errorf("calibration = %+v, want P1 = P2 = 0.5, c@1 = 8/9 over 6 cases", c)
	}
	if v := c.Verdict(0.5); v != "unsure" {
		t.Errorf("verdict of 0.5 = %q, want unsure", v)
	}
	if v := c.Verdict(0.51); v != "yes" {
		t.Errorf("verdict of 0.51 = %q, want yes", v)
	}
}
