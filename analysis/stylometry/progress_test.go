package stylometry

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
)

// authored is n texts of 300 words by 4 authors in turn (author), labelled
// by author.
func authored(n int) []Text {
	r := rand.New(rand.NewPCG(7, 8))
	var counts []map[string]int
	for i := range n {
		m := map[string]int{}
		for _, w := range author(r, i%4, 300) {
			m[w]++
		}
		counts = append(counts, m)
	}
	ts := texts(counts...)
	for i := range ts {
		ts[i].ID, ts[i].Label = fmt.Sprintf("t%02d", i), fmt.Sprintf("a%d", i%4)
	}
	return ts
}

// TestAnalyseSteps: Analyse tells its Monitor of the steps distances (one
// matrix per measure at the first setting, the view measure's at the
// other), attribution, svm, imposters and views, in that order, and the
// Result is the one computed without a Monitor; told to stop at a step's
// first count, it begins no later step. Past MaxMatrix distances counts
// each measure's k-NN tiles.
func TestAnalyseSteps(t *testing.T) {
	ts := authored(24)
	o := opts(analysis.Delta, analysis.Cosine)
	o.MFW = []int{20, 30}
	o.Label, o.Folds, o.KNN, o.Imposters = true, 3, 3, 5
	plain := Analyse(ts, o)

	type told struct {
		steps []string
		last  map[string]analysis.Step
	}
	watch := func(stopAt string) (*told, analysis.Monitor) {
		w := &told{last: map[string]analysis.Step{}}
		return w, func(s analysis.Step) bool {
			if n := len(w.steps); n == 0 || w.steps[n-1] != s.Name {
				w.steps = append(w.steps, s.Name)
			}
			w.last[s.Name] = s
			return s.Name != stopAt || s.Unit == ""
		}
	}
	w, m := watch("")
	o.Monitor = m
	r := Analyse(ts, o)
	want := []string{"distances", "attribution", "svm", "imposters", "views"}
	if !slices.Equal(w.steps, want) {
		t.Errorf("steps %v, want %v", w.steps, want)
	}
	// Matrices: 2 measures at 20 MFW, delta at 30. Evaluations beside the
	// SVM's: the nearest text by leave-one-out where there are distances
	// (3), then per measure the nearest by 3-fold and knn by both (2 × 3),
	// centroid and nsc by both (4): 13. 24 texts verified; a tree per
	// setting.
	for name, wantCount := range map[string][2]int{"distances": {3, 3}, "attribution": {13, 13}, "imposters": {24, 24}, "views": {2, 2}} {
		if s := w.last[name]; s.Done != wantCount[0] || s.Total != wantCount[1] {
			t.Errorf("%s: last told %d/%d %s, want %d/%d", name, s.Done, s.Total, s.Unit, wantCount[0], wantCount[1])
		}
	}
	if s := w.last["svm"]; s.Part != "3-fold" || s.Unit != "folds" || s.Total != 3 {
		t.Errorf("svm: last told %+v, want the 3 folds of 3-fold", s)
	}
	opt := cmp.Options{cmpopts.EquateNaNs(), cmp.Comparer(func(a, b mat.Matrix) bool { return mat.Equal(a, b) })}
	if d := cmp.Diff(plain, r, opt); d != "" {
		t.Errorf("with a Monitor the Result differs (-without +with):\n%s", d)
	}
	for k, stopAt := range want {
		w, m := watch(stopAt)
		o.Monitor = m
		Analyse(ts, o)
		if !slices.Equal(w.steps, want[:k+1]) {
			t.Errorf("stopped in %s: steps %v, want %v", stopAt, w.steps, want[:k+1])
		}
	}

	o.MaxMatrix = 20
	w, m = watch("")
	o.Monitor = m
	Analyse(ts, o)
	if s := w.last["distances"]; s.Part != "cosine" || s.Unit != "k-NN tiles" || s.Done != s.Total || s.Total == 0 {
		t.Errorf("past MaxMatrix: distances last told %+v, want cosine's k-NN tiles all done", s)
	}
}
