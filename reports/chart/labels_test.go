package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// The seeds' maps, from a run of cmd/stylometer over the five seed essays
// (pca.csv, pca_loadings.csv: the 10 longest loadings; mds.csv).
var (
	seedFiles = []string{
		"dhawale-2024-worker-peasant-alliance",
		"kinder-land-question-permanent-revolution",
		"obstacles-to-a-return-to-lenin",
		"russian-revolution-rise-of-stalinism",
		"socialist-worker-2548-how-lenin-won-the-party",
	}
	seedStances = []string{"cpi-m", "trotskyist", "libertarian-left", "trotskyist", "swp"}
	seedPCA     = [][2]float64{{-6.2027, -2.3937}, {-0.8372, -0.1512}, {-0.9009, -5.2219}, {-3.2250, 7.3936}, {11.1658, 0.3732}}
	seedMDS     = [][2]float64{{-0.5311, -0.2947}, {-0.1444, 0.0440}, {-0.0518, -0.3677}, {-0.3015, 0.6054}, {1.0288, 0.0130}}
	seedPCALoad = []Loading{
		{"bureaucracy", 0.0259, 0.1965}, {"capitalist", -0.0312, 0.1947}, {"the", -0.0728, 0.1806},
		{"lenin", 0.0711, -0.1811}, {"movement", -0.0594, 0.1848}, {"europe", 0.0416, 0.1893},
		{"also", -0.0542, -0.1856}, {"international", 0.0065, 0.1926}, {"his", -0.0133, -0.1893},
		{"its", -0.0981, 0.1605},
	}
)

func seedMap(xy [][2]float64) []Point {
	pts := make([]Point, len(xy))
	for i, p := range xy {
		pts[i] = Point{ID: seedFiles[i], Group: seedStances[i], X: p[0], Y: p[1]}
	}
	return pts
}

// labelled renders f and returns the bounds of the labels drawn of names
// and the points of names: the centres of their tooltips (which start
// with "name:" or "name (").
func labelled(f figure, names []string) (label map[string]vg.Rectangle, point map[string]vg.Point) {
	center := func(r vg.Rectangle) vg.Point {
		return vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
	}
	label, point = map[string]vg.Rectangle{}, map[string]vg.Point{}
	texts := drawTexts(f)
	for _, tp := range tipsOf(f) {
		for _, n := range names {
			if strings.HasPrefix(tp.text, n+":") || strings.HasPrefix(tp.text, n+" (") {
				point[n] = center(tp.r)
			}
		}
	}
	for _, tb := range texts {
		for _, n := range names {
			if tb.s == shorten(n) {
				label[n] = tb.r
			}
		}
	}
	return label, point
}

// checkNearest fails if a label is nearer another point, at a different
// place, than its own (from the point to the nearest edge of the label).
func checkNearest(t *testing.T, label map[string]vg.Rectangle, point map[string]vg.Point) {
	t.Helper()
	dist := func(r vg.Rectangle, p vg.Point) float64 {
		return math.Hypot(float64(max(r.Min.X-p.X, 0, p.X-r.Max.X)), float64(max(r.Min.Y-p.Y, 0, p.Y-r.Max.Y)))
	}
	for n, l := range label {
		own := dist(l, point[n])
		for m, p := range point {
			if m != n && p != point[n] && dist(l, p) < own {
				t.Errorf("label %q is nearer the point of %q (%.1fpt) than its own (%.1fpt)", n, m, dist(l, p), own)
			}
		}
	}
}

// TestSeedMapsLabelled: with the seeds' five documents every point gets
// its label, on the MDS map and on the PCA biplot with its 10 arrows
// (which all keep theirs), inside the canvas, without overlaps, each
// label nearer its own point than any other.
func TestSeedMapsLabelled(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pts     []Point
		loads   []Loading
		opt     Options
		wantArr int
	}{
		{"mds", seedMap(seedMDS), nil, Options{Title: "Classical MDS"}, 0},
		{"pca", seedMap(seedPCA), seedPCALoad, Options{Title: "PCA", XLabel: "PC1 (43.8%)", YLabel: "PC2 (22.0%)", TopK: 10}, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scatterFigure(tc.pts, tc.loads, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			checkTexts(t, f)
			var names []string
			for _, l := range tc.loads {
				names = append(names, l.Name)
			}
			label, point := labelled(f, append(names, seedFiles...))
			for _, id := range seedFiles {
				if _, ok := label[id]; !ok {
					t.Errorf("point %q has no label", id)
				}
			}
			arrows := 0
			for _, n := range names {
				if _, ok := label[n]; ok {
					arrows++
				}
			}
			if arrows != tc.wantArr {
				t.Errorf("%d arrow labels drawn, want %d", arrows, tc.wantArr)
			}
			checkNearest(t, label, point)
		})
	}
}

// TestFightinSeedLabels: the 20 most extreme words of the seeds'
// "trotskyist vs the rest" (keyness.csv; corpus counts, log-odds z),
// crowded below z = -1.96, among 150 faint words: at least 18 keep a
// label (four words share one spot: two may find no room) and the x axis
// has a tick every 0.5.
// (A label may be nearer another point when a leader line joins it to
// its own, so checkNearest does not apply.)
func TestFightinSeedLabels(t *testing.T) {
	top := []struct {
		term string
		n    float64
		z    float64
	}{
		{"lenin", 187, -4.728}, {"practices", 13, -3.073}, {"also", 51, -2.575}, {"legacy", 9, -2.557},
		{"worker-peasant", 11, -2.516}, {"alliance", 21, -2.508}, {"early", 18, -2.359}, {"workers", 246, 2.260},
		{"november", 9, -2.211}, {"tsarist", 15, -2.201}, {"book", 6, -2.087}, {"cheka", 6, -2.087},
		{"social", 44, -2.016}, {"bolshevik", 47, -1.999}, {"bolsheviks", 37, -1.943}, {"october", 40, -1.922},
		{"argument", 5, -1.906}, {"emancipation", 5, -1.906}, {"global", 5, -1.906}, {"principles", 5, -1.906},
	}
	var words []WordScore
	var names []string
	for _, w := range top {
		words = append(words, WordScore{Term: w.term, LogFreq: math.Log10(w.n), Z: w.z})
		names = append(names, w.term)
	}
	for i := range 150 { // made up: |z| < 1.9, log frequency 0.3 to 2.4
		words = append(words, WordScore{Term: fmt.Sprintf("w%03d", i), LogFreq: 0.3 + 2.1*float64(i%43)/42, Z: 1.85 * math.Sin(float64(i)*1.7)})
	}
	f, err := fightinFigure(words, Options{Title: "trotskyist vs the rest", XLabel: "log10 frequency in the corpus", YLabel: "log-odds z"})
	if err != nil {
		t.Fatal(err)
	}
	texts := checkTexts(t, f)
	label, _ := labelled(f, names)
	if len(label) < 18 {
		t.Errorf("%d of 20 words labelled, want at least 18: %v", len(label), label)
	}
	for _, tick := range []string{"0.0", "0.5", "1.0", "1.5", "2.0"} {
		if countPrefix(texts, tick) == 0 {
			t.Errorf("no x tick label %q", tick)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   string // the labelled ticks
	}{
		{-0.04, 2.9, "0.0 0.5 1.0 1.5 2.0 2.5"}, // a log10 frequency axis
		{-5.1, 5.1, "-4 -2 0 2 4"},
		{-0.67, 1.17, "-0.5 0.0 0.5 1.0"},
		{-7.6, 12.6, "-5 0 5 10"},
		{1, 350, "50 100 150 200 250 300 350"},
		{0.001, 0.0095, "0.002 0.004 0.006 0.008"},
		{3, 3, "3"}, // an empty range: one tick
	} {
		var got []string
		for _, tk := range (niceTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("niceTicks.Ticks(%v, %v) = %q, want %q", tc.lo, tc.hi, g, tc.want)
		}
	}
}
