package collocate

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchCorpus returns n sentences of 20 tokens drawn from a seeded
// Zipf-like vocabulary of 5,000 forms.
func benchCorpus(n int) [][]string {
	rng := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(rng, 1.1, 1, 4999)
	s := make([][]string, n)
	for i := range s {
		s[i] = make([]string, 20)
		for j := range s[i] {
			s[i][j] = "w" + strconv.FormatUint(z.Uint64(), 10)
		}
	}
	return s
}

func BenchmarkCount(b *testing.B) {
	for _, n := range []int{1000, 50000} {
		s := benchCorpus(n)
		node := Forms(s, "w3")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Count(s, node, 5).Rows(1)
			}
		})
	}
}

func BenchmarkScore(b *testing.B) {
	b.ReportAllocs()
	f := Freq{XY: 20, X: 50, Y: 30, N: 300, W: 100}
	for b.Loop() {
		Score(f)
	}
}
