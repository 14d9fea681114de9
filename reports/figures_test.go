package reports

import (
	"math"
	"slices"
	"testing"
)

// TestStrongest: the n largest scores, largest first with ties in input
// order; all of them, in input order, when there are no more than n.
func TestStrongest(t *testing.T) {
	for _, tc := range []struct {
		scores []float64
		n      int
		want   []int
	}{
		{[]float64{1, 3, 2}, 3, []int{0, 1, 2}},
		{[]float64{1, 3, 2}, 5, []int{0, 1, 2}},
		{[]float64{1, 3, 2, 3}, 2, []int{1, 3}},    // tie: input order
		{[]float64{1, 3, 2, 5}, 3, []int{3, 1, 2}}, // largest first
		{[]float64{math.Inf(-1), 0, -1}, 2, []int{1, 2}},
		{nil, 2, []int{}},
	} {
		if got := strongest(tc.scores, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("strongest(%v, %d) = %v, want %v", tc.scores, tc.n, got, tc.want)
		}
	}
}
