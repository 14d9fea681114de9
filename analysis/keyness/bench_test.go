package keyness

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchCounts returns n terms with Zipf-like counts, seeded.
func benchCounts(n int) Counts {
	rng := rand.New(rand.NewPCG(1, 2))
	c := Counts{Terms: make([]string, n), Target: make([]float64, n), Reference: make([]float64, n)}
	for i := range n {
		c.Terms[i] = "w" + strconv.Itoa(i)
		base := 1e5 / float64(i+1)
		c.Target[i] = float64(rng.IntN(int(base/10) + 2))
		c.Reference[i] = float64(rng.IntN(int(base) + 2))
	}
	return c
}

func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{1000, 50000} {
		c := benchCounts(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compare(c, Options{})
			}
		})
	}
}
