package analysis

import (
	"math"
	"testing"
)

// TestPanelAssemblyAsGo: the AVX2 kernels give the Go kernels' sums bit
// for bit (each lane one pair, its terms added in feature order), at
// lengths around the loop's and on values whose sums round: tiny and huge
// magnitudes, negative zero, infinities and NaN.
func TestPanelAssemblyAsGo(t *testing.T) {
	if !useAVX2 {
		t.Skip("no AVX2 on this processor")
	}
	r := newRand(3)
	special := []float64{0, math.Copysign(0, -1), 1e-310, -1e300, 1e300, math.Inf(1), math.NaN(), 1.0 / 3}
	for _, n := range []int{1, 2, 3, 5, 8, 17, 100, 257} {
		a := make([]float64, n)
		blk := make([]float64, panelRows*n)
		for round := range 20 {
			for i := range a {
				a[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(30)-15))
			}
			for i := range blk {
				blk[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(30)-15))
				if round%4 == 3 && r.IntN(10) == 0 {
					blk[i] = special[r.IntN(len(special))]
				}
			}
			for _, k := range []struct {
				name      string
				asm, gofn func(a, blk []float64, out *[panelRows]float64)
			}{
				{"manhattan", func(a, blk []float64, out *[panelRows]float64) { manhattan16AVX2(&a[0], len(a), &blk[0], out) }, manhattan16Go},
				{"sqEuclidean", func(a, blk []float64, out *[panelRows]float64) { sqEuclidean16AVX2(&a[0], len(a), &blk[0], out) }, sqEuclidean16Go},
			} {
				var got, want [panelRows]float64
				k.asm(a, blk, &got)
				k.gofn(a, blk, &want)
				for q := range got {
					if math.Float64bits(got[q]) != math.Float64bits(want[q]) && !(math.IsNaN(got[q]) && math.IsNaN(want[q])) {
						t.Fatalf("%s n=%d round %d lane %d: assembly %v, Go %v", k.name, n, round, q, got[q], want[q])
					}
				}
			}
		}
	}
}

// TestSixteenWithoutAssembly is TestSixteenBitIdentical with the Go
// kernels, as on a processor without AVX2.
func TestSixteenWithoutAssembly(t *testing.T) {
	defer func(v bool) { useAVX2 = v }(useAVX2)
	useAVX2 = false
	checkSixteen(t)
}
