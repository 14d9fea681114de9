package chart

import "testing"

// TestRatesLegendOrder: the legend lists the targets top-down in the
// order of the bars in each row (the order given), not sorted.
func TestRatesLegendOrder(t *testing.T) {
	targets := []string{"party", "lenin", "class"}
	rates := [][]float64{{1, 2}, {3, 4}, {5, 6}}
	f, err := ratesFigure([]string{"doc1", "doc2"}, targets, rates, Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := checkTexts(t, f)
	var tops []float64 // legend entries' tops, in the order of targets
	for _, tg := range targets {
		for _, tb := range texts {
			if tb.s == tg {
				tops = append(tops, float64(tb.r.Max.Y))
			}
		}
	}
	if len(tops) != len(targets) {
		t.Fatalf("%d legend entries, want %d", len(tops), len(targets))
	}
	for i := 1; i < len(tops); i++ {
		if tops[i] >= tops[i-1] {
			t.Errorf("legend entry %q is not below %q", targets[i], targets[i-1])
		}
	}
}
