package analysis_test

import (
	"fmt"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
)

func ExampleDistance() {
	t := analysis.NewTable(
		[]string{"austen", "bronte", "dickens"},
		[]map[string]int{
			{"the": 50, "of": 30, "and": 20},
			{"the": 45, "of": 20, "and": 35},
			{"the": 60, "of": 35, "and": 10},
		},
		[]float64{1000, 1000, 1000},
	)
	d, err := analysis.Distance(analysis.Delta, t.Top(3), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range t.Docs {
		for j := i + 1; j < len(t.Docs); j++ {
			fmt.Printf("%s–%s %.4f\n", a, t.Docs[j], d.At(i, j))
		}
	}
	// By hand: z("the") = (−0.2182, −0.8729, 1.0911), z("of") = (0.2182,
	// −1.0911, 0.8729), z("and") = (−0.1325, 1.0596, −0.9272); austen–bronte
	// = (0.6547 + 1.3093 + 1.1921)/3 = 1.0520.

	// Output:
	// austen–bronte 1.0520
	// austen–dickens 0.9196
	// bronte–dickens 1.9716
}

func ExampleCluster() {
	d, _ := analysis.Distance(analysis.Manhattan, analysis.NewTable(
		[]string{"a", "b", "c", "d"},
		[]map[string]int{{"x": 1}, {"x": 2}, {"x": 6}, {"x": 8}},
		[]float64{100, 100, 100, 100},
	), nil)
	merges, _ := analysis.Cluster(d, analysis.Average)
	for _, m := range merges {
		fmt.Printf("%d+%d at %.1f (%d leaves)\n", m.A, m.B, m.Height, m.Size)
	}
	fmt.Println(analysis.LeafOrder(merges, 4), analysis.CutTree(merges, 4, 2))
	// Output:
	// 0+1 at 1.0 (2 leaves)
	// 2+3 at 2.0 (2 leaves)
	// 4+5 at 5.5 (4 leaves)
	// [0 1 2 3] [0 0 1 1]
}

func ExampleComputeDiversity() {
	// As TestDiversityHand: K = 10⁴ (1 + 4 + 9 − 6)/36; MTLD 6/1 both ways.
	d := analysis.ComputeDiversity(strings.Fields("a b a c b a"))
	fmt.Printf("N=%d V=%d TTR=%.2f K=%.1f MTLD=%.1f\n", d.Tokens, d.Types, d.TTR, d.YuleK, d.MTLD)
	// Output:
	// N=6 V=3 TTR=0.50 K=2222.2 MTLD=6.0
}

func ExampleMDS() {
	// Three documents on a line at 0, 1 and 3: centred at 4/3 they are
	// −4/3, −1/3, 5/3 (5/3 the largest, so positive); λ1 = (16 + 1 + 25)/9.
	d := mat.NewSymDense(3, []float64{0, 1, 3, 1, 0, 2, 3, 2, 0})
	coords, eig, err := analysis.MDS(d, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f λ1=%.4f\n", mat.Col(nil, 0, coords), eig[0])
	// Output:
	// [-1.3333 -0.3333 1.6667] λ1=4.6667
}
