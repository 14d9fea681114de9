package collocate_test

import (
	"fmt"
	"strings"

	"github.com/stylometer/stylometer/analysis/collocate"
)

func ExampleScore() {
	s := collocate.Score(collocate.Freq{XY: 20, X: 50, Y: 30, N: 300, W: 100})
	fmt.Printf("PMI %.3f  logDice %.3f  G2 %+.3f  p %.2g\n", s.PMI, s.LogDice, s.G2, s.P)
	// Output: PMI 2.000  logDice 13.000  G2 +15.563  p 8e-05
}

func ExampleCount() {
	var sentences [][]string
	for _, s := range []string{"the cat sat on the mat", "a cat and a dog", "the dog saw the cat"} {
		sentences = append(sentences, strings.Fields(s))
	}
	c := collocate.Count(sentences, collocate.Forms(sentences, "cat"), 2)
	fmt.Println("node", c.Nodes, "window", c.Window, "tokens", c.Tokens)
	for _, r := range c.Rows(2) {
		fmt.Printf("%-3s f_xy %v f_y %v  PMI %.3f  logDice %.3f  G2 %+.3f\n",
			r.Collocate, r.Freq.XY, r.Freq.Y, r.Stats.PMI, r.Stats.LogDice, r.Stats.G2)
	}
	// Output:
	// node 3 window 8 tokens 16
	// a   f_xy 2 f_y 2  PMI 2.415  logDice 13.678  G2 +3.059
	// the f_xy 2 f_y 4  PMI 1.415  logDice 13.193  G2 +0.000
}
