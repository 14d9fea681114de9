package reports

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
)

// TestWriteKeyness: every cell is Float of its value, as a table of cells
// formatted one by one writes it, on rows drawn from a few values (so that
// most equal the value above them, as in a real keyness.csv), undefined,
// infinite and negative zero included.
func TestWriteKeyness(t *testing.T) {
	pool := []float64{0, math.Copysign(0, -1), 4, 96, 0.1, 2.5e-9, math.NaN(), math.Inf(1), math.Inf(-1), -3.25, 123456789.125, 1e6}
	rng := rand.New(rand.NewPCG(1, 2))
	var res []framing.KeynessResult
	want := &Table{Header: []string{"scope", "target", "reference", "term", "n_target", "n_reference",
		"rate_target", "rate_reference", "g2", "p", "p_adj", "chi2", "pmi", "log_ratio", "pct_diff",
		"bic", "ell", "log_odds", "log_odds_z", "zeta_craig", "zeta_eder"}}
	for _, sc := range []framing.Scope{{Kind: "document", Target: "d1", Reference: "rest"}, {Kind: "stance", Target: "=left", Reference: "right, centre"}} {
		r := framing.KeynessResult{Scope: sc}
		for i := range 40 {
			var k keyness.Row
			k.Term = string(rune('a' + i%26))
			fields := []*float64{&k.NTarget, &k.NReference, &k.RelTarget, &k.RelReference, &k.G2, &k.P, &k.PAdj, &k.Chi2,
				&k.PMI, &k.LogRatio, &k.PctDiff, &k.BIC, &k.ELL, &k.LogOddsDelta, &k.LogOddsZ, &k.ZetaCraig, &k.ZetaEder}
			row := []string{sc.Kind, sc.Target, sc.Reference, k.Term}
			for _, f := range fields {
				*f = pool[rng.IntN(3)+rng.IntN(len(pool)-2)*rng.IntN(2)]
				row = append(row, Float(*f))
			}
			r.Rows = append(r.Rows, k)
			want.Add(row...)
		}
		res = append(res, r)
	}
	var got, wantCSV bytes.Buffer
	rows, err := WriteKeyness(&got, res)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&wantCSV, want); err != nil {
		t.Fatal(err)
	}
	if rows != len(want.Rows) || got.String() != wantCSV.String() {
		t.Errorf("WriteKeyness = %d rows\n%s\nwant %d rows\n%s", rows, got.String(), len(want.Rows), wantCSV.String())
	}
}
