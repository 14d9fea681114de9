package reports

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stylometer/stylometer/analysis"
)

// TestTopCounts: topCounts is the full sort cut to the limit, on tables
// with many tied counts and on tables with a few large counts (which
// largest sorts instead of counting), at every limit.
func TestTopCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 2, 7, 60, 400} {
		for _, maxCount := range []int{1, 3, 50, 100_000} {
			m := map[string]int{}
			for i := range size {
				m[fmt.Sprintf("t%03d", rng.IntN(1000)+i*1000)] = 1 + rng.IntN(maxCount)
			}
			c := analysis.NewTermCounts(m)
			full := sortedCounts(c)
			for limit := range size + 2 {
				want := full
				if limit > 0 && limit < len(full) {
					want = full[:limit]
				}
				if got := topCounts(c, limit); !slices.Equal(got, want) {
					t.Errorf("topCounts(%d terms, counts up to %d, %d) = %v, want %v", size, maxCount, limit, got, want)
				}
			}
		}
	}
}
