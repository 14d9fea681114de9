package stylometry

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
)

// texts builds word:1 texts from counts, each text's total its own sum.
func texts(counts ...map[string]int) []Text {
	var out []Text
	for i, c := range counts {
		total := 0
		for _, v := range c {
			total += v
		}
		id := string(rune('a' + i))
		out = append(out, Text{ID: id, Name: id + ".txt", Doc: i,
			Counts: map[string]analysis.TermCounts{"word:1": analysis.NewTermCounts(c)}, Totals: map[string]float64{"word:1": float64(total)}})
	}
	return out
}

var corpus = []map[string]int{
	{"the": 10, "of": 5, "and": 3, "war": 1},
	{"the": 8, "of": 7, "and": 1, "peace": 2},
	{"the": 12, "of": 2, "and": 4, "war": 3},
	{"the": 9, "of": 6, "and": 2, "land": 2},
}

func opts(ms ...analysis.Measure) Options {
	return Options{Features: []string{"word:1"}, MFW: []int{3, 4, 100}, Culling: []float64{0}, Measures: ms, Linkage: analysis.WardD2}
}

// TestGridMatchesDirectCalls: each setting's distances are the measure of
// the table cut at that MFW, as analysis computes it directly; a setting
// asking more features than exist is the all-features setting, computed
// once and warned about.
func TestGridMatchesDirectCalls(t *testing.T) {
	ts := texts(corpus...)
	r := Analyse(ts, opts(analysis.Delta, analysis.Cosine))
	// 3 and 4 MFW; 100 asks for 6 features (the, of, and, war, peace, land)
	// and gets them all: a third setting.
	if len(r.Sets) != 3 || r.Sets[2].MFW != 6 {
		t.Fatalf("settings = %+v, want MFW 3, 4 and 6", r.Sets)
	}
	counts := make([]map[string]int, len(ts))
	totals := make([]float64, len(ts))
	for i, x := range ts {
		counts[i], totals[i] = x.Counts["word:1"].Map(), x.Totals["word:1"]
	}
	base := analysis.NewTable(r.IDs, counts, totals)
	for k, set := range r.Sets {
		// Every measure at the default setting, the view measure (delta)
		// at the others.
		if want := map[bool]int{true: 2, false: 1}[k == 0]; len(set.ByMeasure) != want {
			t.Errorf("setting %d: %d measures, want %d", k, len(set.ByMeasure), want)
		}
		for m := range set.ByMeasure {
			want, err := analysis.Distance(m, base.Top(set.MFW), nil)
			if err != nil {
				t.Fatal(err)
			}
			if !mat.EqualApprox(set.ByMeasure[m], want, 0) {
				t.Errorf("%s at %d MFW = %v, want %v", m, set.MFW, mat.Formatted(set.ByMeasure[m]), mat.Formatted(want))
			}
		}
	}
	if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, "100 features asked, 6 exist") }) {
		t.Errorf("warnings %q lack the MFW cut", r.Warnings)
	}
	if len(r.Merges) != 3 || len(r.PlacedIDs) != 4 || r.MDS == nil || r.Consensus == nil {
		t.Errorf("views: %d merges, %d placed, MDS %v: want a tree and maps of all 4 texts", len(r.Merges), len(r.PlacedIDs), r.MDS != nil)
	}
	// AllDistances: every measure everywhere, the same values.
	o := opts(analysis.Delta, analysis.Cosine)
	o.AllDistances = true
	all := Analyse(ts, o)
	for k, set := range all.Sets {
		if len(set.ByMeasure) != 2 || !mat.Equal(set.ByMeasure[analysis.Delta], r.Sets[k].ByMeasure[analysis.Delta]) {
			t.Errorf("AllDistances setting %d: %d measures, or delta differs", k, len(set.ByMeasure))
		}
	}
}

// TestUndefinedTextLeftOutOfViews: a text with none of the features has
// NaN cosine distances; under a cosine view it is named in the warnings
// and left out of the tree, which places the other four.
func TestUndefinedTextLeftOutOfViews(t *testing.T) {
	ts := texts(append(slices.Clone(corpus), map[string]int{"zebra": 1})...)
	o := opts(analysis.Cosine, analysis.Delta)
	o.MFW = []int{3}
	r := Analyse(ts, o)
	if !math.IsNaN(r.Sets[0].ByMeasure[analysis.Cosine].At(4, 0)) {
		t.Fatalf("cosine of the empty text = %v, want NaN", r.Sets[0].ByMeasure[analysis.Cosine].At(4, 0))
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(r.PlacedIDs, want) || len(r.Merges) != 3 {
		t.Errorf("placed %v with %d merges, want %v and 3", r.PlacedIDs, len(r.Merges), want)
	}
	all := strings.Join(r.Warnings, "\n")
	for _, want := range []string{"e.txt: cosine distances undefined", "e.txt: left out of the tree"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

// TestTooFewTexts: two texts give a warning and no distances.
func TestTooFewTexts(t *testing.T) {
	r := Analyse(texts(corpus[:2]...), opts(analysis.Delta))
	if len(r.Sets) != 0 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "at least 3") {
		t.Errorf("2 texts: %d settings, warnings %q", len(r.Sets), r.Warnings)
	}
}

// TestLargeMode: above MaxMatrix no text × text matrix is kept; each
// text's neighbours and its attribution are those the full run gives (the
// reference), the network covers every text, and the views show a sample
// of MaxMatrix texts.
func TestLargeMode(t *testing.T) {
	ts := texts(append(slices.Clone(corpus), corpus...)...) // 8 texts
	for i := range ts {
		ts[i].Label = []string{"p", "q"}[i%2]
	}
	o := opts(analysis.Delta, analysis.Canberra)
	o.MFW, o.Label, o.K = []int{3, 4}, true, 3
	full := Analyse(ts, o)
	o.MaxMatrix = 5
	large := Analyse(ts, o)
	if !large.Large || len(large.Sample) != 5 || len(large.PlacedIDs) != 5 || len(large.Merges) != 4 {
		t.Fatalf("large: %v, sample %v, placed %v, %d merges: want a tree of 5 sampled texts", large.Large, large.Sample, large.PlacedIDs, len(large.Merges))
	}
	for _, set := range large.Sets {
		if len(set.ByMeasure) != 1 || set.ByMeasure[analysis.Delta].SymmetricDim() != 5 {
			t.Errorf("setting %+v: want only delta among the 5 sampled texts", set.Setting)
		}
	}
	for _, m := range o.Measures {
		for i := range ts {
			if !slices.Equal(large.Neighbours[m][i], full.Neighbours[m][i]) {
				t.Errorf("%s text %d: neighbours %v, want %v", m, i, large.Neighbours[m][i], full.Neighbours[m][i])
			}
		}
		for i, a := range large.Attribution[m] {
			if f := full.Attribution[m][i]; a.Item != f.Item || a.Predicted != f.Predicted {
				t.Errorf("%s: attribution %d = %+v, want the full run's %+v", m, i, a, f)
			}
		}
	}
	if len(large.NetworkOver) != 8 {
		t.Errorf("network over %d texts, want all 8", len(large.NetworkOver))
	}
}

// TestQuality: two well-separated styles, three texts each, are recovered
// exactly by every tree (ARI 1, purity 1); the view measure is scored at
// every setting, the other measure at the default one; a partition of the
// classes that does not follow the styles scores lower.
func TestQuality(t *testing.T) {
	ts := texts(
		map[string]int{"the": 30, "of": 2, "and": 10, "in": 20, "a": 3},
		map[string]int{"the": 29, "of": 3, "and": 11, "in": 21, "a": 2},
		map[string]int{"the": 31, "of": 2, "and": 9, "in": 19, "a": 3},
		map[string]int{"the": 3, "of": 30, "and": 10, "in": 2, "a": 20},
		map[string]int{"the": 2, "of": 29, "and": 11, "in": 3, "a": 21},
		map[string]int{"the": 3, "of": 31, "and": 9, "in": 2, "a": 19},
	)
	for i := range ts {
		ts[i].Group = []string{"x", "y"}[i/3]
	}
	r := Analyse(ts, opts(analysis.Delta, analysis.Cosine))
	if len(r.Quality) != len(r.Sets)+1 {
		t.Fatalf("%d quality rows, want one per setting (%d) and cosine's", len(r.Quality), len(r.Sets))
	}
	for _, q := range r.Quality {
		if q.ARI != 1 || q.Purity != 1 || q.K != 2 || q.Texts != 6 {
			t.Errorf("%+v: want ARI 1, purity 1, k 2, 6 texts", q)
		}
	}
	for i := range ts {
		ts[i].Group = []string{"x", "y"}[i%2] // classes across the styles
	}
	for _, q := range Analyse(ts, opts(analysis.Delta)).Quality {
		if q.ARI >= 1 || q.Purity >= 1 {
			t.Errorf("classes across the styles: %+v, want ARI and purity below 1", q)
		}
	}
}

// TestSampledAttributionPastMaxMatrix: past MaxMatrix, with more samples
// of one document than nearest neighbours, every sample is still
// attributed, to the label the full matrix gives it (its siblings leave
// with it, and enough neighbours are read that others remain).
func TestSampledAttributionPastMaxMatrix(t *testing.T) {
	var counts []map[string]int
	for doc, base := range [][2]int{{30, 10}, {29, 12}, {10, 30}} {
		for s := range 12 {
			counts = append(counts, map[string]int{"the": base[0] + s%3, "of": base[1] + s%2, "and": 15 + doc})
		}
	}
	ts := texts(counts...)
	for i := range ts {
		ts[i].Doc = i / 12
		ts[i].Label = []string{"A", "A", "B"}[i/12]
	}
	o := opts(analysis.Delta)
	o.Label, o.Sampled = true, true
	o.Folds, o.KNN = 10, 3 // the run's defaults: past MaxMatrix they must not read the sample's matrices
	whole := Analyse(ts, o)
	full := whole.Attribution[analysis.Delta]
	// Up to MaxMatrix every classifier is evaluated by both validations.
	rows := map[string]int{}
	for _, g := range whole.Grid {
		rows[g.Classifier+" "+g.Validation] = len(g.Attributions)
	}
	for _, c := range []string{"centroid", "nsc", "svm"} {
		for _, v := range []string{"leave-one-out", "k-fold"} {
			if rows[c+" "+v] != 36 {
				t.Errorf("%s %s: %d attributions, want 36 (grid %v)", c, v, rows[c+" "+v], rows)
			}
		}
	}
	o.MaxMatrix = 10
	large := Analyse(ts, o)
	if !large.Large {
		t.Fatal("not past MaxMatrix")
	}
	got := large.Attribution[analysis.Delta]
	if len(full) != 36 || len(got) != 36 {
		t.Fatalf("%d attributions from the matrix, %d from the neighbours; want 36 each", len(full), len(got))
	}
	for i := range got {
		if got[i].Item != full[i].Item || got[i].Predicted != full[i].Predicted || got[i].Unattributable != full[i].Unattributable {
			t.Errorf("sample %d: neighbours give %+v, the matrix %+v", i, got[i], full[i])
		}
	}
	if n := len(large.Neighbours[analysis.Delta][0]); n != 10 {
		t.Errorf("knn lists hold %d neighbours, want 10", n)
	}
	// Past MaxMatrix: the nearest by leave-one-out and the centroids,
	// shrunken or not; no k-fold, vote or SVM (they need every pair).
	seen := map[string]bool{}
	for _, g := range large.Grid {
		seen[g.Classifier] = true
		if g.Classifier == "knn" || g.Classifier == "svm" || g.Validation == "k-fold" {
			t.Errorf("past MaxMatrix the grid has %s %s", g.Classifier, g.Validation)
		}
		if len(g.Attributions) != 36 {
			t.Errorf("%s %s: %d attributions, want 36", g.Classifier, g.Validation, len(g.Attributions))
		}
	}
	if !seen["nsc"] || !seen["centroid"] {
		t.Errorf("past MaxMatrix the grid has %v, want centroid and nsc", seen)
	}
}

// TestEvidenceSumsToMargin: over every feature, the contributions Explain
// weighs are the terms of the two Delta distances, so their pulls sum to
// the attribution's margin. The evidence keeps the top 5 each way; here
// every feature (4) is among them, so the sum is checked in full.
func TestEvidenceSumsToMargin(t *testing.T) {
	ts := texts(corpus...)
	for i := range ts {
		ts[i].Label = []string{"A", "B", "A", "B"}[i]
	}
	o := opts(analysis.Delta)
	o.MFW = []int{4}
	o.Label = true
	r := Analyse(ts, o)
	if len(r.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	byItem := map[int]analysis.Attribution{}
	for _, a := range r.Attribution[analysis.Delta] {
		byItem[a.Item] = a
	}
	for _, e := range r.Evidence {
		var sum float64
		for _, c := range append(slices.Clone(e.Pull), e.Push...) {
			sum += c.Pull
		}
		if m := byItem[e.Item].Margin(); math.Abs(sum-m) > 1e-12 {
			t.Errorf("text %d: pulls sum to %v, the margin is %v", e.Item, sum, m)
		}
	}
	// Centroids and the k-nearest vote are evaluated beside the nearest.
	seen := map[string]bool{}
	for _, g := range r.Grid {
		seen[g.Classifier+" "+g.Validation] = true
	}
	for _, c := range []string{"centroid", "nsc", "svm"} {
		if !seen[c+" leave-one-out"] {
			t.Errorf("grid rows %v: no %s", seen, c)
		}
	}
}

// TestSVMLeaveOneOutLimit: past SVMLeaveOneOut texts the linear SVM is
// evaluated by k-fold only, and a warning says so; without folds it is
// not evaluated at all, and the warning points to --folds.
func TestSVMLeaveOneOutLimit(t *testing.T) {
	var counts []map[string]int
	for i := range SVMLeaveOneOut + 1 {
		counts = append(counts, map[string]int{"the": 20 + i%7, "of": 10 + i%5 + 2*(i%2), "and": 8 + i%3})
	}
	ts := texts(counts...)
	for i := range ts {
		ts[i].Label = []string{"A", "B"}[i%2]
	}
	o := opts(analysis.Delta)
	o.Label = true
	for _, folds := range []int{0, 5} {
		o.Folds = folds
		r := Analyse(ts, o)
		var svm []string
		for _, g := range r.Grid {
			if g.Classifier == "svm" {
				svm = append(svm, g.Validation)
			}
		}
		var want []string
		if folds > 0 {
			want = []string{"k-fold"}
		}
		if !slices.Equal(svm, want) {
			t.Errorf("folds %d: svm rows %v, want %v", folds, svm, want)
		}
		if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, "linear SVM") }) {
			t.Errorf("folds %d: no warning about the SVM in %v", folds, r.Warnings)
		}
	}
}

// TestClassifiersChosen: Options.Classifiers chooses the classifiers
// evaluated beside the nearest text, which is always evaluated: nil all of
// them, an empty slice none, a list those (with k-fold and the k-nearest
// vote as the other options ask).
func TestClassifiersChosen(t *testing.T) {
	ts := texts(corpus...)
	for i := range ts {
		ts[i].Label = []string{"A", "B", "A", "B"}[i]
	}
	o := opts(analysis.Delta)
	o.MFW = []int{4}
	o.Label, o.KNN, o.Folds = true, 2, 2
	for _, tc := range []struct {
		chosen []string
		want   []string
	}{
		{nil, []string{"centroid", "knn", "nearest", "nsc", "svm"}},
		{[]string{}, []string{"nearest"}},
		{[]string{"svm", "knn"}, []string{"knn", "nearest", "svm"}},
		{[]string{"nsc"}, []string{"nearest", "nsc"}},
	} {
		o.Classifiers = tc.chosen
		seen := map[string]bool{}
		for _, g := range Analyse(ts, o).Grid {
			seen[g.Classifier] = true
		}
		if got := slices.Sorted(maps.Keys(seen)); !slices.Equal(got, tc.want) {
			t.Errorf("Classifiers %q: grid classifiers %v, want %v", tc.chosen, got, tc.want)
		}
	}
}
