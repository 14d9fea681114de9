package analysis

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// nscFixture: three classes in four features, the fourth nearly the same
// in every class (its d_ik are within ±0.5, so Δ = 1 shrinks it away), and
// an unlabelled item.
func nscFixture() (*mat.Dense, []string) {
	x := mat.NewDense(9, 4, []float64{
		1, 5, 2, 3, 2, 6, 2.5, 3.4, 1.5, 5.5, 3, 2.8,
		4, 2, 2, 3.1, 5, 3, 1.5, 2.9, 4.5, 2.5, 2.2, 3.3,
		1, 1, 6, 3.2, 2, 1.5, 7, 2.7,
		3, 3, 3, 3,
	})
	return x, []string{"A", "A", "A", "B", "B", "B", "C", "C", ""}
}

// TestAttributeNSC compares the discriminant scores δ_A, δ_B, δ_C with
// pamr 1.57's nsc() and pamr.predict() rewritten line for line in numpy
// (Python 3.11, numpy 1.24.2; neither R nor pamr is on the machine, and
// Debian packages no pamr), Δ = 1:
//
//	def pamr(train, test, threshold=1.0):  # X: the fixture's rows
//	    y = [lab[i] for i in train]; classes = sorted(set(y))
//	    x = X[train].T; n, K = len(y), len(classes)
//	    Y = np.array([[1.0 if c == k else 0 for k in classes] for c in y])
//	    ncl = Y.sum(0); centroids = x @ Y / ncl
//	    xdif = x - centroids @ Y.T
//	    sd = np.sqrt((xdif**2) @ np.full(n, 1 / (n - K)))
//	    sd = sd + np.quantile(sd, 0.5)  # R's type 7 = numpy's linear
//	    overall = x @ np.full(n, 1 / n); prior = ncl / n
//	    se = np.sqrt(1 / ncl - 1 / n)
//	    delta = (centroids - overall[:, None]) / sd[:, None] / se
//	    shrunk = np.sign(delta) * np.maximum(np.abs(delta) - threshold, 0) * se
//	    u = (X[test].T - overall[:, None]) / sd[:, None]
//	    dd = u.T @ shrunk - (shrunk**2).sum(0) / 2 + np.log(prior)
//	    return (u**2).sum(0)[:, None] - 2 * dd  # δ_k = Σu² − 2 dd
//
// pamr's dd is −δ_k/2 less the class-free Σu²/2, so δ_k = Σu² − 2 dd.
func TestAttributeNSC(t *testing.T) {
	x, labels := nscFixture()
	loo := [][3]float64{ // pamr(train = the other labelled items, test = [i])
		{6.417910305383274, 17.29897046329131, 35.33543442514159},
		{5.202398902397819, 17.652582417971736, 34.42707178277195},
		{3.3891008222140275, 13.546694752879201, 24.480834744891304},
		{18.170462295191182, 4.746293281552161, 19.988400153246694},
		{18.739649681547682, 5.90188788732072, 33.3721854186354},
		{12.846863089869302, 3.3717769851858623, 19.023762753747118},
		{32.276839517767044, 32.61229784746623, 9.74181695240518},
		{37.85004082833794, 35.868858014534126, 8.504174976957149},
	}
	got := AttributeNSC(x, labels, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}, NSCThreshold, 0)
	checkNSC(t, "leave-one-out", got, []int{0, 1, 2, 3, 4, 5, 6, 7}, loo)
	// Two folds, items 0, 3, 6 against 1, 2, 4, 5, 7 (the unlabelled item
	// in none): pamr(train = [1, 2, 4, 5, 7], test = [0, 3, 6]).
	got = AttributeNSC(x, labels, []int{0, 1, 1, 0, 1, 1, 0, 1, -1}, NSCThreshold, 0)
	checkNSC(t, "2-fold", []Attribution{got[0], got[3], got[6]}, []int{0, 3, 6}, [][3]float64{
		{6.912749864886754, 31.1856042635652, 54.54940502743044},
		{33.32119423672929, 4.800462526279683, 36.73797649662536},
		{54.948149559816684, 55.644978172982064, 11.274593895363523},
	})
}

func checkNSC(t *testing.T, name string, got []Attribution, items []int, want [][3]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d attributions, want %d", name, len(got), len(want))
	}
	for r, a := range got {
		if a.Item != items[r] || a.Unattributable || a.Rank != 1 || a.Predicted != a.Label || len(a.Candidates) != 3 {
			t.Errorf("%s: AttributeNSC item %d = %+v, want item %d rightly attributed among 3", name, a.Item, a, items[r])
			continue
		}
		for _, c := range a.Candidates {
			w := want[r][c.Label[0]-'A']
			if math.Abs(c.Distance-w) > 1e-12*w {
				t.Errorf("%s: item %d δ_%s = %.17g, want %.17g (pamr in numpy)", name, a.Item, c.Label, c.Distance, w)
			}
		}
	}
}

// TestAttributeNSCRules: the prior alone when every centroid is shrunk to
// the overall mean, a class with one training item, and a label with no
// item outside the held-out fold.
func TestAttributeNSCRules(t *testing.T) {
	x, labels := nscFixture()
	loo := []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
	// Δ past every |d_ik|: each δ_k is Σu² − 2 log π_k, so the largest
	// classes win. Holding out C's item 6 leaves A 3, B 3, C 1 of 7: A and
	// B tie (A by label), and C is 2 log 3 behind them.
	a := AttributeNSC(x, labels, loo, 100, 0)[6]
	if a.Predicted != "A" || a.Candidates[0].Distance != a.Candidates[1].Distance || math.Abs(a.Candidates[2].Distance-a.Candidates[0].Distance-2*math.Log(3)) > 1e-12 {
		t.Errorf("Δ = 100, item 6 = %+v, want A = B, C 2 log 3 behind", a)
	}
	// C held by item 6 alone: item 6 is unattributable and C no candidate
	// for it; item 7 (unlabelled here) is not attributed.
	labels[7] = ""
	got := AttributeNSC(x, labels, loo, NSCThreshold, 0)
	if len(got) != 7 || !got[6].Unattributable || got[6].Rank != 0 || len(got[6].Candidates) != 2 {
		t.Errorf("the only C = %+v (of %d), want unattributable among A and B", got[6], len(got))
	}
	// For the others C is a class of one training item, kept as pamr keeps it.
	if len(got[0].Candidates) != 3 {
		t.Errorf("item 0 = %+v, want 3 candidates", got[0])
	}
	// A top keeps the first top candidates of the full ranking, and Rank
	// is still among all of them: at Δ = 100 item 6's own C ranks 3.
	_, labels = nscFixture()
	for _, threshold := range []float64{NSCThreshold, 100} {
		full := AttributeNSC(x, labels, loo, threshold, 0)
		for top := 1; top <= 3; top++ {
			want := slices.Clone(full)
			for i := range want {
				want[i].Candidates = want[i].Candidates[:min(top, len(want[i].Candidates))]
			}
			if got := AttributeNSC(x, labels, loo, threshold, top); !cmpAttributions(got, want) {
				t.Errorf("Δ = %v, top %d: AttributeNSC =\n%+v\nwant\n%+v", threshold, top, got, want)
			}
		}
	}
	if a := AttributeNSC(x, labels, loo, 100, 1)[6]; a.Rank != 3 || len(a.Candidates) != 1 {
		t.Errorf("Δ = 100, top 1, item 6 = %+v, want C ranked 3 of the 3, one candidate kept", a)
	}
}
