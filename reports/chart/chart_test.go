package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The five seed essays, one per stance.
var (
	seedIDs    = []string{"cpim-lenin-centenary", "wsws-lenin-and-october", "imt-lenin-legacy-today", "swp-lenin-revolution-1917", "libcom-lenin-critique-from-the-left"}
	seedGroups = []string{"CPI(M)", "Trotskyist", "Trotskyist", "SWP", "libertarian left"}
	// seedDist is a symmetric matrix made up for the test.
	seedDist = mat.NewSymDense(5, []float64{
		0, 1.10, 1.05, 1.20, 1.42,
		1.10, 0, 0.62, 0.95, 1.38,
		1.05, 0.62, 0, 0.88, 1.35,
		1.20, 0.95, 0.88, 0, 1.30,
		1.42, 1.38, 1.35, 1.30, 0,
	})
	// seedMerges is average linkage of seedDist, by hand: {1,2} at 0.62,
	// {3,{1,2}} at (0.95+0.88)/2 = 0.915, {0,{1,2,3}} at (1.10+1.05+1.20)/3
	// = 1.1167, {4,rest} at (1.42+1.38+1.35+1.30)/4 = 1.3625.
	seedMerges = []Merge{
		{A: 1, B: 2, Height: 0.62, Size: 2},
		{A: 3, B: 5, Height: 0.915, Size: 3},
		{A: 0, B: 6, Height: 1.1167, Size: 4},
		{A: 4, B: 7, Height: 1.3625, Size: 5},
	}
	seedPoints = []Point{
		{ID: seedIDs[0], Group: seedGroups[0], X: -0.21, Y: 0.44},
		{ID: seedIDs[1], Group: seedGroups[1], X: 0.31, Y: 0.05},
		{ID: seedIDs[2], Group: seedGroups[2], X: 0.27, Y: -0.08},
		{ID: seedIDs[3], Group: seedGroups[3], X: 0.12, Y: -0.22},
		{ID: seedIDs[4], Group: seedGroups[4], X: -0.49, Y: -0.19},
	}
	seedLoadings = []Loading{
		{Name: "the", X: 0.41, Y: 0.12}, {Name: "of", X: -0.22, Y: 0.35}, {Name: "party", X: 0.18, Y: -0.40},
		{Name: "revolution", X: -0.38, Y: -0.05}, {Name: "workers", X: 0.05, Y: 0.02},
	}
	seedTerms = []Term{
		{"soviets", 14.2}, {"bolshevik", 11.8}, {"proletariat", 9.1}, {"comrade", 6.4},
		{"freedom", -5.2}, {"anarchist", -7.9}, {"kronstadt", -12.5},
	}
)

// big returns n made-up documents in 4 groups.
func big(n int) (ids, groups []string, d *mat.SymDense, merges []Merge, pts []Point) {
	ids = make([]string, n)
	groups = make([]string, n)
	pts = make([]Point, n)
	d = mat.NewSymDense(n, nil)
	for i := range n {
		ids[i] = fmt.Sprintf("doc-%03d-with-a-rather-long-identifier", i)
		groups[i] = fmt.Sprintf("group %d", i%4)
		pts[i] = Point{ID: ids[i], Group: groups[i], X: math.Cos(float64(i)), Y: math.Sin(float64(i) * 1.3)}
		for j := range i {
			d.SetSym(i, j, math.Abs(float64(i-j))/float64(n)+0.01*float64((i+j)%5))
		}
	}
	// A chain: leaf 0 with 1, then each next leaf with the last cluster.
	merges = append(merges, Merge{A: 0, B: 1, Height: 0.01, Size: 2})
	for k := 2; k < n; k++ {
		merges = append(merges, Merge{A: k, B: n + k - 2, Height: 0.01 * float64(k), Size: k + 1})
	}
	return ids, groups, d, merges, pts
}

type chartCase struct {
	name     string
	fig      func() (figure, error)
	wantTips int
}

func seedCases() []chartCase {
	series := []Series{
		{Name: seedIDs[0], Group: seedGroups[0], Values: []float64{31, 12, 22, 18, 40, 25, 9, 27}},
		{Name: seedIDs[1], Group: seedGroups[1], Values: []float64{24, 19, 33, 28, 21, 30}},
		{Name: seedIDs[2], Group: seedGroups[2], Values: []float64{15, 18, 17, 65, 20}},
		{Name: seedIDs[3], Group: seedGroups[3], Values: []float64{22, 26, 19, 24, 23, 21, 28}},
		{Name: seedIDs[4], Group: seedGroups[4], Values: nil},
	}
	zipf := make([]Series, 5)
	for i := range zipf {
		v := make([]float64, 300+100*i)
		for r := range v {
			v[r] = math.Floor(1000 / math.Pow(float64(r+1), 0.9+0.05*float64(i)))
		}
		zipf[i] = Series{Name: seedIDs[i], Group: seedGroups[i], Values: v}
	}
	var words []WordScore
	for i := range 120 {
		words = append(words, WordScore{Term: fmt.Sprintf("w%03d", i), LogFreq: 1 + float64(i%37)/5, Z: 4 * math.Sin(float64(i)*0.77)})
	}
	words = append(words, WordScore{"soviets", 5.1, 6.3}, WordScore{"kronstadt", 3.2, -5.8}, WordScore{"bureaucracy", 4.0, -4.1})
	rates := [][]float64{{2.1, 3.4, 2.9, 1.2, 0.4}, {0.3, 0.9, 1.1, 0.6, 2.7}}
	return []chartCase{
		// 25 cells + 5 row + 5 column labels.
		{"heatmap", func() (figure, error) {
			return heatmapFigure(seedIDs, seedDist, []int{4, 0, 3, 1, 2}, Options{Title: "Burrows's Delta, 500 MFW"})
		}, 35},
		// 4 merges + 5 leaves + 4 legend entries.
		{"dendrogram", func() (figure, error) {
			return dendrogramFigure(seedIDs, seedGroups, seedMerges, Options{Title: "Average linkage"})
		}, 13},
		// 5 points + 4 legend entries.
		{"scatter", func() (figure, error) { return scatterFigure(seedPoints, nil, Options{Title: "MDS"}) }, 9},
		// 5 points + 3 arrows + 4 legend entries.
		{"biplot", func() (figure, error) {
			return scatterFigure(seedPoints, seedLoadings, Options{Title: "PCA", TopK: 3, XLabel: "PC1", YLabel: "PC2"})
		}, 12},
		{"keyness", func() (figure, error) {
			return keynessFigure(seedTerms, Options{Title: "wsws vs rest: log-likelihood"})
		}, 7},
		{"keyness_panels", func() (figure, error) {
			return keynessPanelsFigure([]Panel{
				{Title: seedIDs[0], Terms: seedTerms[:5]}, {Title: seedIDs[1], Terms: seedTerms[2:]},
				{Title: seedIDs[2], Terms: seedTerms}, {Title: seedIDs[3], Terms: seedTerms[1:4]},
			}, Options{Title: "Keyness by document"})
		}, 5 + 5 + 7 + 3},
		// Every word: 120 made up + 3.
		{"fightin_words", func() (figure, error) {
			return fightinFigure(words, Options{Title: "Trotskyist vs rest", TopK: 10})
		}, 123},
		// 5 line ends + 4 legend entries.
		{"zipf", func() (figure, error) { return zipfFigure(zipf, Options{Title: "Zipf"}) }, 9},
		// 5 rows + 4 legend entries.
		{"sentence_lengths", func() (figure, error) { return sentenceFigure(series, Options{Title: "Sentence lengths"}) }, 9},
		// 10 bars + 2 legend entries.
		{"rates", func() (figure, error) {
			return ratesFigure(seedIDs, []string{"lenin", "party"}, rates, Options{Title: "Target rates"})
		}, 12},
		// A confusion matrix of 3 labels: 9 tiles.
		{"confusion", func() (figure, error) {
			labels := []string{"CPI(M)", "SWP", "Trotskyist"}
			// values[predicted][true]
			return tilesFigure(labels, labels, [][]float64{{4, 1, 0}, {0, 3, 1}, {1, 0, 6}}, Options{Title: "delta: true (rows) × predicted (columns)", XLabel: "texts"})
		}, 9},
		// Two groups over four bins: 8 points + 2 legend entries.
		{"trend", func() (figure, error) {
			pt := func(x, y float64) LinePoint {
				return LinePoint{X: x, Y: y, Low: y * 0.7, High: y * 1.3, Tip: fmt.Sprintf("%g: %g", x, y)}
			}
			return linesFigure([]Line{
				{Group: "Democratic", Points: []LinePoint{pt(1900, 2.1), pt(1920, 3.4), pt(1940, 2.9), pt(1960, 1.2)}},
				{Group: "Republican", Points: []LinePoint{pt(1900, 0.9), pt(1920, 1.1), pt(1940, 2.2), pt(1960, 2.7)}},
			}, Options{Title: "lenin per 10,000 words"})
		}, 10},
		// Rolling attribution: two labels' distances along a text, the y
		// axis fitted to them: 10 points + 2 legend entries.
		{"rolling", func() (figure, error) {
			var a, b []LinePoint
			for k := range 5 {
				x := float64(500 + 250*k)
				a = append(a, LinePoint{X: x, Y: 0.8 + 0.1*float64(k), Low: math.NaN(), High: math.NaN(), Tip: fmt.Sprintf("A at %g", x)})
				b = append(b, LinePoint{X: x, Y: 1.2 - 0.1*float64(k), Low: math.NaN(), High: math.NaN(), Tip: fmt.Sprintf("B at %g", x)})
			}
			return linesFigure([]Line{{Group: "A", Points: a}, {Group: "B", Points: b}},
				Options{Title: "mixed: Delta to each label along the text", XLabel: "word", YLabel: "Delta", Fit: true})
		}, 12},
		// 12 targets are more than the palette's 8 colours: 5×12 tiles.
		{"rate_tiles", func() (figure, error) {
			targets, r := manyRates(5, 12)
			return ratesFigure(seedIDs, targets, r, Options{Title: "Target rates", XLabel: "per 10,000 words"})
		}, 60},
	}
}

// manyRates returns k made-up targets and their rates in n documents.
func manyRates(n, k int) (targets []string, rates [][]float64) {
	rates = make([][]float64, k)
	for ti := range k {
		targets = append(targets, fmt.Sprintf("target %02d", ti))
		rates[ti] = make([]float64, n)
		for d := range n {
			rates[ti][d] = float64((d*7+ti*13)%50) * float64(ti+1) / 4
		}
	}
	return targets, rates
}

func svgOf(t *testing.T, f figure) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.writeSVG(&b); err != nil {
		t.Fatalf("writeSVG: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range seedCases() {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.fig()
			if err != nil {
				t.Fatal(err)
			}
			got := svgOf(t, f)
			if again := svgOf(t, f); !bytes.Equal(got, again) {
				t.Errorf("%s: two renders differ", tc.name)
			}
			path := filepath.Join("testdata", tc.name+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; review with go test -update and git diff", tc.name, path)
			}
		})
	}
}

// checkSVG decodes doc as XML and returns its number of <title> elements.
func checkSVG(t *testing.T, doc []byte) int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	titles := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("invalid XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
			titles++
		}
	}
	if bytes.Contains(doc, []byte("@font-face")) || bytes.Contains(doc, []byte("font/ttf")) {
		t.Errorf("fonts are embedded")
	}
	return titles
}

func TestStructure(t *testing.T) {
	for _, tc := range seedCases() {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.fig()
			if err != nil {
				t.Fatal(err)
			}
			if got := checkSVG(t, svgOf(t, f)); got != tc.wantTips {
				t.Errorf("%s: %d <title> tooltips, want %d", tc.name, got, tc.wantTips)
			}
			checkTexts(t, f)
		})
	}
}

// textBox is a string drawn on the canvas and its bounds.
type textBox struct {
	s string
	r vg.Rectangle
}

// affine maps (x, y) to (a*x + c*y + e, b*x + d*y + f), as SVG's matrix.
type affine struct{ a, b, c, d, e, f float64 }

func (m affine) then(n affine) affine { // m applied after n: m∘n
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// tracker is a vg.Canvas that records where text lands, following the
// transforms, and forwards everything to an SVG canvas.
type tracker struct {
	vg.Canvas
	stack []affine
	texts []textBox
}

func newTracker(w, h vg.Length) *tracker {
	return &tracker{Canvas: vgsvg.New(w, h), stack: []affine{{a: 1, d: 1}}}
}

func (t *tracker) top() *affine { return &t.stack[len(t.stack)-1] }
func (t *tracker) Push()        { t.stack = append(t.stack, *t.top()); t.Canvas.Push() }
func (t *tracker) Pop()         { t.stack = t.stack[:len(t.stack)-1]; t.Canvas.Pop() }
func (t *tracker) Rotate(r float64) {
	s, c := math.Sincos(r)
	*t.top() = t.top().then(affine{a: c, b: s, c: -s, d: c})
	t.Canvas.Rotate(r)
}
func (t *tracker) Translate(p vg.Point) {
	*t.top() = t.top().then(affine{a: 1, d: 1, e: p.X.Points(), f: p.Y.Points()})
	t.Canvas.Translate(p)
}
func (t *tracker) Scale(x, y float64) {
	*t.top() = t.top().then(affine{a: x, d: y})
	t.Canvas.Scale(x, y)
}
func (t *tracker) FillString(f font.Face, pt vg.Point, s string) {
	e := f.Extents()
	x0, x1 := pt.X.Points(), (pt.X + f.Width(s)).Points()
	y0, y1 := (pt.Y - e.Descent).Points(), (pt.Y + e.Ascent).Points()
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, c := range [][2]float64{{x0, y0}, {x0, y1}, {x1, y0}, {x1, y1}} {
		x, y := t.top().apply(c[0], c[1])
		r.Min.X, r.Min.Y = min(r.Min.X, vg.Length(x)), min(r.Min.Y, vg.Length(y))
		r.Max.X, r.Max.Y = max(r.Max.X, vg.Length(x)), max(r.Max.Y, vg.Length(y))
	}
	t.texts = append(t.texts, textBox{s: s, r: r})
	t.Canvas.FillString(f, pt, s)
}

// drawTexts renders f and returns the texts drawn.
func drawTexts(f figure) []textBox {
	tr := newTracker(f.w, f.h)
	f.render(tr)
	return tr.texts
}

// checkTexts fails if a text leaves the canvas or two texts overlap.
func checkTexts(t *testing.T, f figure) []textBox {
	t.Helper()
	texts := drawTexts(f)
	canvas := vg.Rectangle{Max: vg.Point{X: f.w, Y: f.h}}
	const tol = 0.5 // points: glyph boxes include side bearings
	for i, a := range texts {
		if a.r.Min.X < -tol || a.r.Min.Y < -tol || a.r.Max.X > canvas.Max.X+tol || a.r.Max.Y > canvas.Max.Y+tol {
			t.Errorf("text %q at %v leaves the %v canvas", a.s, a.r, canvas.Max)
		}
		for _, b := range texts[i+1:] {
			if a.r.Min.X+tol < b.r.Max.X && b.r.Min.X+tol < a.r.Max.X && a.r.Min.Y+tol < b.r.Max.Y && b.r.Min.Y+tol < a.r.Max.Y {
				t.Errorf("texts %q %v and %q %v overlap", a.s, a.r, b.s, b.r)
			}
		}
	}
	return texts
}

func countPrefix(texts []textBox, prefix string) int {
	n := 0
	for _, tb := range texts {
		if strings.HasPrefix(tb.s, prefix) {
			n++
		}
	}
	return n
}

// TestManyDocuments renders 200 documents: labels must be thinned (or,
// for point labels, dropped), stay on the canvas and not overlap.
func TestManyDocuments(t *testing.T) {
	const n = 200
	ids, groups, d, merges, pts := big(n)
	terms := make([]Term, n)
	series := make([]Series, n)
	rates := [][]float64{make([]float64, n), make([]float64, n)}
	for i := range n {
		terms[i] = Term{Term: ids[i], Score: float64(n/2 - i)}
		series[i] = Series{Name: ids[i], Group: groups[i], Values: []float64{float64(i % 30), 20, 25, float64(i%7) * 5}}
		rates[0][i], rates[1][i] = float64(i%9), float64(i%4)
	}
	for _, tc := range []struct {
		name          string
		fig           func() (figure, error)
		minIDs, maxID int // bounds on the number of id labels drawn
	}{
		{"heatmap", func() (figure, error) { return heatmapFigure(ids, d, nil, Options{}) }, 20, n},
		{"consensus", func() (figure, error) { return heatmapFigure(ids, d, nil, Options{Title: "Consensus"}) }, 20, n},
		{"dendrogram", func() (figure, error) { return dendrogramFigure(ids, groups, merges, Options{}) }, 20, n - 1},
		{"scatter", func() (figure, error) { return scatterFigure(pts, nil, Options{}) }, 0, 0},
		{"keyness", func() (figure, error) { return keynessFigure(terms, Options{}) }, 20, n - 1},
		{"sentence_lengths", func() (figure, error) { return sentenceFigure(series, Options{}) }, 20, n - 1},
		{"rates", func() (figure, error) { return ratesFigure(ids, []string{"a", "b"}, rates, Options{}) }, 20, n - 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.fig()
			if err != nil {
				t.Fatal(err)
			}
			if f.w > MaxSize+(legend{items: []legendItem{{name: "group 0"}}}).width(f.h) || f.h > MaxSize+20 {
				t.Errorf("canvas %v×%v exceeds the cap %v", f.w, f.h, MaxSize)
			}
			// A report shows a heatmap at most heatmapMax wide; wider, it
			// would be scaled down with its labels.
			if strings.HasPrefix(tc.name, "heatmap") || tc.name == "consensus" {
				if f.w > heatmapMax || f.h > heatmapMax+20 {
					t.Errorf("heatmap canvas %v×%v exceeds %v", f.w, f.h, heatmapMax)
				}
			}
			texts := checkTexts(t, f)
			if got := countPrefix(texts, "doc-"); got < tc.minIDs || got > tc.maxID {
				t.Errorf("%d id labels drawn, want between %d and %d", got, tc.minIDs, tc.maxID)
			}
			doc := svgOf(t, f)
			checkSVG(t, doc)
			if dir := os.Getenv("CHART_DUMP"); dir != "" { // to look at them
				if err := os.WriteFile(filepath.Join(dir, tc.name+"_200.svg"), doc, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestLeafOrder(t *testing.T) {
	for _, tc := range []struct {
		merges []Merge
		n      int
		want   []int
	}{
		// scipy.cluster.hierarchy.leaves_list of seedMerges, by hand:
		// 8 -> (4, 7) -> 4, (0, 6) -> 0, (3, 5) -> 3, (1, 2).
		{seedMerges, 5, []int{4, 0, 3, 1, 2}},
		{nil, 1, []int{0}},
		{[]Merge{{A: 1, B: 0, Height: 1, Size: 2}}, 2, []int{1, 0}},
	} {
		got, err := LeafOrder(tc.merges, tc.n)
		if err != nil {
			t.Fatalf("LeafOrder(%v, %d): %v", tc.merges, tc.n, err)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("LeafOrder(%v, %d) mismatch (-want +got):\n%s", tc.merges, tc.n, diff)
		}
	}
	for _, bad := range [][]Merge{
		{{A: 0, B: 0, Height: 1, Size: 2}, {A: 2, B: 3, Height: 2, Size: 3}}, // a leaf twice
		{{A: 0, B: 4, Height: 1, Size: 2}, {A: 2, B: 1, Height: 2, Size: 3}}, // a cluster before it exists
		{{A: 0, B: 1, Height: 1, Size: 2}},                                   // too few merges
	} {
		if _, err := LeafOrder(bad, 3); err == nil {
			t.Errorf("LeafOrder(%v, 3) = nil error, want an error", bad)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"heatmap no docs", Heatmap(io.Discard, nil, seedDist, nil, Options{})},
		{"heatmap size", Heatmap(io.Discard, seedIDs[:3], seedDist, nil, Options{})},
		{"heatmap order", Heatmap(io.Discard, seedIDs, seedDist, []int{0, 0, 1, 2, 3}, Options{})},
		{"dendrogram merges", Dendrogram(io.Discard, seedIDs, nil, seedMerges[:2], Options{})},
		{"dendrogram groups", Dendrogram(io.Discard, seedIDs, seedGroups[:2], seedMerges, Options{})},
		{"scatter empty", Scatter(io.Discard, nil, Options{})},
		{"scatter nan", Scatter(io.Discard, []Point{{ID: "a", X: math.NaN()}}, Options{})},
		{"keyness empty", Keyness(io.Discard, nil, Options{})},
		{"keyness inf", Keyness(io.Discard, []Term{{"a", math.Inf(1)}}, Options{})},
		{"panels empty", KeynessPanels(io.Discard, nil, Options{})},
		{"fightin empty", FightinWords(io.Discard, nil, Options{})},
		{"zipf empty", Zipf(io.Discard, []Series{{Name: "a"}}, Options{})},
		{"sentences empty", SentenceLengths(io.Discard, nil, Options{})},
		{"rates shape", Rates(io.Discard, seedIDs, []string{"a"}, [][]float64{{1}}, Options{})},
		{"tiles shape", Tiles(io.Discard, []string{"a", "b"}, []string{"a"}, [][]float64{{1}}, Options{})},
		{"tiles nan", Tiles(io.Discard, []string{"a"}, []string{"a"}, [][]float64{{math.NaN()}}, Options{})},
		{"lines empty", Lines(io.Discard, []Line{{Group: "a"}}, Options{})},
		{"lines inf", Lines(io.Discard, []Line{{Group: "a", Points: []LinePoint{{X: 1, Y: math.Inf(1)}}}}, Options{})},
	} {
		if tc.err == nil {
			t.Errorf("%s: nil error, want an error", tc.name)
		}
	}
}

// tipsOf renders f and returns its tooltips.
func tipsOf(f figure) []tip {
	return f.render(vgsvg.New(f.w, f.h)).list
}

// TestRatesLegible: at any size every bar or tile is at least minBar
// tall, and grouped bars never give two targets the same colour.
func TestRatesLegible(t *testing.T) {
	for _, n := range []int{5, 40, 200} {
		for _, k := range []int{2, 5, 12} {
			docs := make([]string, n)
			for i := range docs {
				docs[i] = fmt.Sprintf("doc%04d", i)
			}
			targets, rates := manyRates(n, k)
			f, err := ratesFigure(docs, targets, rates, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, tp := range tipsOf(f) {
				if h := tp.r.Max.Y - tp.r.Min.Y; h < minBar {
					t.Errorf("rates %d×%d: %q is %.2fpt tall, want at least %v", n, k, tp.text, h, minBar)
					break
				}
			}
			texts := checkTexts(t, f)
			legend := countPrefix(texts, "target ")
			if tiles := barsTooThin(n, k) || k > len(okabeIto); tiles && legend != k {
				t.Errorf("rates %d×%d as tiles: %d target labels, want %d", n, k, legend, k)
			}
		}
	}
}

// TestKeynessPanelsAligned: a panel with a long term keeps room for its
// bars, tick labels do not collide, and the data areas line up so that
// bar lengths compare across panels.
func TestKeynessPanelsAligned(t *testing.T) {
	long := []Term{{"feudal-bureaucratic-absolutism-of-the-tsars", 0.4}, {"residue", 0.3}, {"war", -0.2}}
	short := []Term{{"hitler", 0.6}, {"looked", 0.5}, {"marx", -0.25}}
	// Titles: the seed essays' file names, longer than a panel is wide.
	f, err := keynessPanelsFigure([]Panel{
		{"dhawale-2024-worker-peasant-alliance", long},
		{"kinder-land-question-permanent-revolution", short},
		{"socialist-worker-2548-how-lenin-won-the-party", short},
	}, Options{XLabel: "z"})
	if err != nil {
		t.Fatal(err)
	}
	texts := checkTexts(t, f)
	var ticks []vg.Length // the x tick label "0.2" of each panel (x range -0.25 to 0.6)
	for _, tb := range texts {
		if tb.s == "0.2" {
			ticks = append(ticks, (tb.r.Min.X+tb.r.Max.X)/2)
		}
	}
	if len(ticks) != 3 {
		t.Fatalf("%d tick labels 0.2, want 3", len(ticks))
	}
	if d1, d2 := ticks[1]-ticks[0], ticks[2]-ticks[1]; math.Abs(float64(d1-d2)) > 0.5 {
		t.Errorf("panels' 0.2 ticks %v apart, then %v: data areas do not line up", d1, d2)
	}
	for _, tb := range texts {
		if strings.HasPrefix(tb.s, "feudal") && tb.r.Max.X-tb.r.Min.X > 0.4*f.w/3 {
			t.Errorf("label %q is %v wide, want at most 40%% of a panel", tb.s, tb.r.Max.X-tb.r.Min.X)
		}
	}
}

// TestZipfManyUngrouped: 200 documents without groups get no legend of
// 200 grey swatches.
func TestZipfManyUngrouped(t *testing.T) {
	docs := make([]Series, 200)
	for i := range docs {
		docs[i] = Series{Name: fmt.Sprintf("doc%04d", i), Values: []float64{50, 20, 10, 5, float64(i%4 + 1)}}
	}
	// Also with the corpus palette of a run without groups, as the report passes.
	for _, opt := range []Options{{}, {Colors: Palette([]string{""})}} {
		f, err := zipfFigure(docs, opt)
		if err != nil {
			t.Fatal(err)
		}
		texts := checkTexts(t, f)
		if got := countPrefix(texts, "doc") + countPrefix(texts, "+"); got != 0 {
			t.Errorf("Colors %v: %d legend texts, want none", opt.Colors, got)
		}
	}
}

// TestZipfUngroupedColors: a few documents without groups are coloured
// by name, even when the report passes its (group) palette.
func TestZipfUngroupedColors(t *testing.T) {
	docs := make([]Series, 3)
	for i := range docs {
		docs[i] = Series{Name: fmt.Sprintf("doc%d", i), Values: []float64{50, 20, 10}}
	}
	f, err := zipfFigure(docs, Options{Colors: Palette([]string{""})})
	if err != nil {
		t.Fatal(err)
	}
	doc := string(svgOf(t, f))
	for _, c := range okabeIto[:3] {
		if hex := fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B); !strings.Contains(doc, hex) {
			t.Errorf("colour %s of a document is not drawn", hex)
		}
	}
}

// TestBiplotManyPoints: among 200 points every arrow keeps its label.
func TestBiplotManyPoints(t *testing.T) {
	_, _, _, _, pts := big(200)
	var loads []Loading
	for i := range 10 {
		a := float64(i) * 2 * math.Pi / 10
		loads = append(loads, Loading{Name: fmt.Sprintf("feature%d", i), X: math.Cos(a) * (1 + float64(i)/10), Y: math.Sin(a)})
	}
	f, err := scatterFigure(pts, loads, Options{TopK: 10})
	if err != nil {
		t.Fatal(err)
	}
	texts := checkTexts(t, f)
	if got := countPrefix(texts, "feature"); got != 10 {
		t.Errorf("%d arrow labels drawn, want 10", got)
	}
}

// TestSentenceLengthsOneDotPerOutlier: an outlying length repeated
// thousands of times is one dot, not thousands on top of one another. A
// document with one outlier of 100 and one with a hundred draw the same
// marks: their SVGs differ only in the tooltip's count and mean.
func TestSentenceLengthsOneDotPerOutlier(t *testing.T) {
	svg := func(repeats int) string {
		v := make([]float64, 0, 3000+repeats)
		for i := range 3000 {
			v = append(v, float64(10+i%5))
		}
		for range repeats {
			v = append(v, 100)
		}
		var b bytes.Buffer
		if err := SentenceLengths(&b, []Series{{Name: "a", Values: v}}, Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	one, many := svg(1), svg(100)
	if d := len(many) - len(one); d < -200 || d > 200 {
		t.Errorf("100 outliers of one value add %d bytes to the SVG of one, want only the tooltip's few", d)
	}
}

// termMarks returns, from an SVG, the data-term of every tooltip <rect>
// and of every <text>, each with the text's content.
func termMarks(t *testing.T, doc []byte) (rects []string, texts map[string]string) {
	t.Helper()
	texts = map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var inText string // data-term of the open <text>, if any
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return rects, texts
		}
		if err != nil {
			t.Fatalf("invalid XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			for _, a := range el.Attr {
				if a.Name.Local != "data-term" {
					continue
				}
				switch el.Name.Local {
				case "rect":
					rects = append(rects, a.Value)
				case "text":
					inText = a.Value
				default:
					t.Errorf("data-term on a <%s>", el.Name.Local)
				}
			}
		case xml.CharData:
			if inText != "" {
				texts[strings.TrimSpace(string(el))] = inText
				inText = ""
			}
		}
	}
}

// TestTermsMarked: in the charts of terms, every bar, point or arrow that
// stands for a term has a tooltip area naming it (data-term), and so does
// every label drawn for a term, shortened or not; the report's search and
// keyword-in-context panel rely on it. Charts of documents mark nothing.
func TestTermsMarked(t *testing.T) {
	long := []Term{{"counter-revolutionaries-of-every-stripe", 3}, {"counter-revolutionaries-of-every-kind", 2}, {"soviets", 1}}
	var words []WordScore
	for i := range 30 {
		words = append(words, WordScore{Term: fmt.Sprintf("w%02d", i), LogFreq: 1 + float64(i%7)/3, Z: 3 * math.Sin(float64(i))})
	}
	tests := []struct {
		name      string
		fig       func() (figure, error)
		rects     int      // tooltip areas naming a term
		labelled  []string // terms whose label must name them
		anonymous []string // labels that must name no term
	}{
		// 7 bars; every term labelled.
		{"keyness", func() (figure, error) { return keynessFigure(seedTerms, Options{}) }, 7,
			[]string{"soviets", "bolshevik", "kronstadt"}, nil},
		// The two long terms shorten alike in a narrow panel: their common
		// label names neither, their bars still do.
		{"panels", func() (figure, error) {
			return keynessPanelsFigure([]Panel{{Title: "a", Terms: long}, {Title: "b", Terms: seedTerms[:2]}}, Options{Width: 12 * vg.Centimeter})
		}, 5, []string{"soviets", "bolshevik"}, []string{"a", "b"}},
		// All 30 points; the 5 largest |z| labelled.
		{"fightin", func() (figure, error) { return fightinFigure(words, Options{TopK: 5}) }, 30, nil, []string{"z-score"}},
		// 3 arrows (the longest loadings: party 0.44, the 0.43, of 0.41),
		// each labelled; points are documents, not terms.
		{"biplot", func() (figure, error) { return scatterFigure(seedPoints, seedLoadings, Options{TopK: 3}) }, 3,
			[]string{"the", "of", "party"}, []string{seedIDs[0]}},
		{"scatter", func() (figure, error) { return scatterFigure(seedPoints, nil, Options{}) }, 0, nil, []string{seedIDs[0]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.fig()
			if err != nil {
				t.Fatal(err)
			}
			rects, texts := termMarks(t, svgOf(t, f))
			if len(rects) != tt.rects {
				t.Errorf("%d tooltip areas name a term (%q), want %d", len(rects), rects, tt.rects)
			}
			named := map[string]bool{}
			for _, term := range texts {
				named[term] = true
			}
			for _, term := range tt.labelled {
				if !named[term] {
					t.Errorf("no label names %q (labels: %v)", term, texts)
				}
			}
			for _, s := range tt.anonymous {
				if term, ok := texts[s]; ok {
					t.Errorf("label %q names term %q", s, term)
				}
			}
			for shown, term := range texts {
				if strings.HasSuffix(shown, "…") {
					if !strings.HasPrefix(term, strings.TrimSuffix(shown, "…")) {
						t.Errorf("label %q names %q", shown, term)
					}
				} else if shown != term {
					t.Errorf("label %q names %q", shown, term)
				}
			}
			if tt.name == "panels" {
				for shown, term := range texts {
					if strings.HasPrefix(term, "counter-") {
						t.Errorf("the shared label %q names %q", shown, term)
					}
				}
				if !regexp.MustCompile(`>counter-[a-z-]*…</text>`).Match(svgOf(t, f)) {
					t.Error("the long terms are not shortened: the case tests nothing")
				}
			}
		})
	}
}

// TestFightinSpots: faint words with the same counts fall on one spot and
// share one tooltip, which names them all in data-terms (one a line) and
// the first spotMax in its title; a word alone on its spot keeps
// data-term.
func TestFightinSpots(t *testing.T) {
	words := []WordScore{{"x", 2, 3}, {"y", 2.5, -3}, {"z", 1.5, 1}}
	var spot []string
	for c := 'a'; c <= 't'; c++ { // 20 words used once: one spot
		words = append(words, WordScore{string(c), 1, 0.5})
		spot = append(spot, string(c))
	}
	f, err := fightinFigure(words, Options{TopK: 2})
	if err != nil {
		t.Fatal(err)
	}
	doc := svgOf(t, f)
	type rect struct {
		Term  string `xml:"data-term,attr"`
		Terms string `xml:"data-terms,attr"`
		Title string `xml:"title"`
	}
	var got []rect
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			var r rect
			if err := dec.DecodeElement(&r, &se); err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
	}
	// The 20 on their spot, then z (least extreme first), then the two
	// labelled words (largest |z| first, ties by term).
	want := []rect{
		{Terms: strings.Join(spot, "\n"), Title: "20 words at z = 0.5, log frequency 1: a, b, c, d, e, f, g, h, i, j, k, l, and 8 more"},
		{Term: "z", Title: "z: z = 1, log frequency 1.5"},
		{Term: "x", Title: "x: z = 3, log frequency 2"},
		{Term: "y", Title: "y: z = -3, log frequency 2.5"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tooltips (-want +got):\n%s", diff)
	}
}

// TestTruncate: a tree of six leaves, worked by hand, cut to its top three
// clusters (scipy's truncate_mode="lastp", p=3): after the first three
// merges the clusters are {2,3} (node 7), {5} and {0,1,4} (node 8), named in
// the order the two top merges first use them; p ≥ n keeps the tree whole,
// and p = 1 gives one cluster of every leaf.
func TestTruncate(t *testing.T) {
	merges := []Merge{{0, 1, 1, 2}, {2, 3, 2, 2}, {6, 4, 3, 3}, {7, 5, 4, 3}, {8, 9, 5, 6}}
	members, top, err := Truncate(merges, 6, 3)
	if err != nil {
		t.Fatal(err)
	}
	wantMembers := [][]int{{2, 3}, {5}, {0, 1, 4}}
	wantTop := []Merge{{0, 1, 4, 3}, {2, 3, 5, 6}}
	if !reflect.DeepEqual(members, wantMembers) || !reflect.DeepEqual(top, wantTop) {
		t.Errorf("Truncate(p=3) = %v, %v; want %v, %v", members, top, wantMembers, wantTop)
	}
	if _, err := LeafOrder(top, len(members)); err != nil {
		t.Errorf("the truncated tree is not a tree: %v", err)
	}
	members, top, err = Truncate(merges, 6, 10)
	if err != nil || len(members) != 6 || !reflect.DeepEqual(top, merges) {
		t.Errorf("Truncate(p=10) = %v, %v, %v; want the tree whole", members, top, err)
	}
	members, top, err = Truncate(merges, 6, 1)
	if err != nil || !reflect.DeepEqual(members, [][]int{{0, 1, 2, 3, 4, 5}}) || len(top) != 0 {
		t.Errorf("Truncate(p=1) = %v, %v, %v; want one cluster", members, top, err)
	}
	if _, _, err := Truncate(merges[:4], 6, 3); err == nil {
		t.Error("a broken tree was truncated")
	}
}
