package keyness_test

import (
	"fmt"

	"github.com/stylometer/stylometer/analysis/keyness"
)

func ExampleCompare() {
	c := keyness.Counts{
		Terms:     []string{"the", "war", "peace"},
		Target:    []float64{60, 30, 10},  // 100 target tokens
		Reference: []float64{110, 10, 80}, // 200 reference tokens
	}
	rows := keyness.Compare(c, keyness.Options{})
	for _, r := range rows {
		fmt.Printf("%-5s G2 %+7.3f  p %.2g  LogRatio %+.3f  z %+.3f\n", r.Term, r.G2, r.P, r.LogRatio, r.LogOddsZ)
	}
	// Reorder by G² (descending, ties by term).
	keyness.SortBy(rows, func(r keyness.Row) float64 { return r.G2 })
	fmt.Println(rows[0].Term)
	// Output:
	// war   G2 +34.026  p 5.4e-09  LogRatio +2.585  z +3.492
	// the   G2  +0.681  p 0.41  LogRatio +0.126  z +0.687
	// peace G2 -32.297  p 1.3e-08  LogRatio -2.000  z -3.454
	// war
}

func ExampleBenjaminiHochberg() {
	fmt.Println(keyness.BenjaminiHochberg([]float64{0.01, 0.04, 0.03, 0.005}))
	// Output: [0.02 0.04 0.04 0.02]
}
