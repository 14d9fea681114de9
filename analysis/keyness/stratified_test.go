package keyness

import (
	"math"
	"testing"
)

// TestStratifiedCompare: four strata (a, b, c, d) = (3, 1, 97, 199),
// (5, 10, 195, 290), (0, 2, 50, 148), (7, 3, 143, 97). Expected values
// from statsmodels 0.13.5 (Debian's python3-statsmodels):
// StratifiedTable(tables).logodds_pooled, .logodds_pooled_se,
// .logodds_pooled_confint() and .test_null_odds(correction=False); the
// sign is that of Σa − ΣE = +0.459 (computed from the same tables).
func TestStratifiedCompare(t *testing.T) {
	got := StratifiedCompare([]Stratum{
		{A: 3, B: 1, TargetTotal: 100, ReferenceTotal: 200},
		{A: 5, B: 10, TargetTotal: 200, ReferenceTotal: 300},
		{A: 0, B: 2, TargetTotal: 50, ReferenceTotal: 150},
		{A: 7, B: 3, TargetTotal: 150, ReferenceTotal: 100},
		{A: 1, B: 0, TargetTotal: 10, ReferenceTotal: 0}, // one side empty: no information
	})
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"log odds", got.LogOdds, 0.16651239441707336},
		{"SE", got.SE, 0.37694239869458096},
		{"low", got.Low, -0.5722811312704434},
		{"high", got.High, 0.9053059201045901},
		{"CMH", got.CMH, 0.1926463151892384},
		{"p", got.P, 0.660723178678063},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
	if got.Strata != 4 {
		t.Errorf("strata = %d, want 4", got.Strata)
	}
	// A term only the target uses: the odds ratio is infinite, the test
	// still defined.
	only := StratifiedCompare([]Stratum{{A: 4, B: 0, TargetTotal: 100, ReferenceTotal: 100}, {A: 2, B: 0, TargetTotal: 50, ReferenceTotal: 80}})
	if !math.IsInf(only.LogOdds, 1) || !math.IsNaN(only.SE) || !(only.CMH > 0) {
		t.Errorf("target-only term = %+v, want +Inf log odds, NaN SE, positive CMH", only)
	}
}
