package chart_test

import (
	"bytes"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/reports/chart"
)

// The examples write to a buffer and print the error: the SVG itself is
// checked by the golden files in testdata/.

func ExampleHeatmap() {
	ids := []string{"cpim", "wsws", "swp"}
	d := mat.NewSymDense(3, []float64{
		0, 1.1, 1.2,
		1.1, 0, 0.9,
		1.2, 0.9, 0,
	})
	order := []int{0, 2, 1} // e.g. from chart.LeafOrder
	var svg bytes.Buffer
	err := chart.Heatmap(&svg, ids, d, order, chart.Options{Title: "Burrows's Delta"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleDendrogram() {
	ids := []string{"cpim", "wsws", "swp"}
	groups := []string{"CPI(M)", "Trotskyist", "SWP"}
	merges := []chart.Merge{
		{A: 1, B: 2, Height: 0.9, Size: 2}, // cluster 3
		{A: 0, B: 3, Height: 1.15, Size: 3},
	}
	var svg bytes.Buffer
	err := chart.Dendrogram(&svg, ids, groups, merges, chart.Options{Title: "Average linkage"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleLeafOrder() {
	merges := []chart.Merge{
		{A: 1, B: 2, Height: 0.9, Size: 2},
		{A: 0, B: 3, Height: 1.15, Size: 3},
	}
	order, err := chart.LeafOrder(merges, 3)
	fmt.Println(order, err)
	// Output: [0 1 2] <nil>
}

func ExamplePalette() {
	groups := []string{"Trotskyist", "CPI(M)", "Trotskyist", "SWP"}
	pal := chart.Palette(groups) // pass as Options.Colors to every chart
	fmt.Println(len(pal), pal["CPI(M)"])
	// Output: 3 {0 114 178 255}
}

func ExampleScatter() {
	pts := []chart.Point{
		{ID: "cpim", Group: "CPI(M)", X: -0.2, Y: 0.4},
		{ID: "wsws", Group: "Trotskyist", X: 0.3, Y: 0.1},
		{ID: "swp", Group: "SWP", X: 0.1, Y: -0.2},
	}
	var svg bytes.Buffer
	err := chart.Scatter(&svg, pts, chart.Options{Title: "MDS"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleBiplot() {
	pts := []chart.Point{
		{ID: "cpim", Group: "CPI(M)", X: -0.2, Y: 0.4},
		{ID: "wsws", Group: "Trotskyist", X: 0.3, Y: 0.1},
	}
	loadings := []chart.Loading{{Name: "the", X: 0.4, Y: 0.1}, {Name: "of", X: -0.2, Y: 0.3}}
	var svg bytes.Buffer
	err := chart.Biplot(&svg, pts, loadings, chart.Options{Title: "PCA", XLabel: "PC1", YLabel: "PC2", TopK: 2})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleKeyness() {
	terms := []chart.Term{{Term: "soviets", Score: 14.2}, {Term: "kronstadt", Score: -12.5}}
	var svg bytes.Buffer
	err := chart.Keyness(&svg, terms, chart.Options{Title: "wsws vs rest", XLabel: "log-likelihood"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleKeynessPanels() {
	panels := []chart.Panel{
		{Title: "cpim", Terms: []chart.Term{{Term: "party", Score: 9}, {Term: "freedom", Score: -4}}},
		{Title: "wsws", Terms: []chart.Term{{Term: "trotsky", Score: 12}}},
	}
	var svg bytes.Buffer
	err := chart.KeynessPanels(&svg, panels, chart.Options{Title: "Keyness by document"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleFightinWords() {
	words := []chart.WordScore{
		{Term: "soviets", LogFreq: 5.1, Z: 6.3},
		{Term: "kronstadt", LogFreq: 3.2, Z: -5.8},
		{Term: "the", LogFreq: 9.0, Z: 0.2},
	}
	var svg bytes.Buffer
	err := chart.FightinWords(&svg, words, chart.Options{Title: "Trotskyist vs rest", TopK: 2})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleZipf() {
	docs := []chart.Series{
		{Name: "cpim", Group: "CPI(M)", Values: []float64{120, 80, 40, 12, 5, 1}},
		{Name: "wsws", Group: "Trotskyist", Values: []float64{150, 60, 30, 9, 2, 1}},
	}
	var svg bytes.Buffer
	err := chart.Zipf(&svg, docs, chart.Options{Title: "Zipf"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleSentenceLengths() {
	docs := []chart.Series{
		{Name: "cpim", Group: "CPI(M)", Values: []float64{31, 12, 22, 18, 40}},
		{Name: "wsws", Group: "Trotskyist", Values: []float64{24, 19, 33, 28}},
	}
	var svg bytes.Buffer
	err := chart.SentenceLengths(&svg, docs, chart.Options{Title: "Sentence lengths"})
	fmt.Println(err)
	// Output: <nil>
}

func ExampleRates() {
	docs := []string{"cpim", "wsws", "swp"}
	targets := []string{"lenin", "party"}
	rates := [][]float64{
		{2.1, 3.4, 1.2}, // lenin
		{0.3, 0.9, 0.6}, // party
	}
	var svg bytes.Buffer
	err := chart.Rates(&svg, docs, targets, rates, chart.Options{Title: "Target rates"})
	fmt.Println(err)
	// Output: <nil>
}
