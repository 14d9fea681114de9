package reports

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// benchDistances is an n×n symmetric matrix of distances with full
// precision, as a measure gives them, and its ids.
func benchDistances(n int) ([]string, *mat.SymDense) {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	ids := make([]string, n)
	d := mat.NewSymDense(n, nil)
	for i := range n {
		ids[i] = fmt.Sprintf("doc%06d", i)
		for j := i + 1; j < n; j++ {
			d.SetSym(i, j, 0.5+rng.Float64())
		}
	}
	return ids, d
}

func BenchmarkWriteMatrix(b *testing.B) {
	for _, n := range []int{100, 250, 500} {
		ids, d := benchDistances(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteMatrix(io.Discard, ids, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWriteDistances(b *testing.B) {
	for _, n := range []int{100, 250, 500} {
		ids, d := benchDistances(n)
		sets := []DistanceRow{{Measure: "delta", Features: "word:1", MFW: 100, D: d}, {Measure: "cosine", Features: "word:1", MFW: 100, D: d}}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteDistances(io.Discard, ids, sets); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
