package keyness

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The acceptance tests compare against values the anchor tools computed on
// the seed corpus (../testdata/reference/README.md): target = doc
// 000_9ac1d8aff788669d, reference = the other four seed documents pooled,
// counts from stylo-seeds-100mfw/tidy_counts.csv.
const (
	refDir    = "../testdata/reference"
	targetDoc = "000_9ac1d8aff788669d"
)

// readCSV returns the records of a reference file keyed by header name. A
// missing file fails the test: the reference values are part of the module.
func readCSV(t *testing.T, rel string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(refDir, rel))
	if err != nil {
		t.Fatalf("reference values: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", rel, err)
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		m := make(map[string]string, len(r))
		for j, h := range recs[0] {
			m[h] = r[j]
		}
		out = append(out, m)
	}
	return out
}

func parse(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// seedCounts builds the target/reference counts of the seed comparison from
// tidy_counts.csv, terms in file order of first appearance.
func seedCounts(t *testing.T) Counts {
	t.Helper()
	var c Counts
	index := map[string]int{}
	for _, r := range readCSV(t, "stylo-seeds-100mfw/tidy_counts.csv") {
		i, ok := index[r["term"]]
		if !ok {
			i = len(c.Terms)
			index[r["term"]] = i
			c.Terms = append(c.Terms, r["term"])
			c.Target = append(c.Target, 0)
			c.Reference = append(c.Reference, 0)
		}
		n := parse(t, r["count"])
		if r["doc_id"] == targetDoc {
			c.Target[i] += n
		} else {
			c.Reference[i] += n
		}
	}
	return c
}

// relErr is |got − want| / |want|, or |got| when want is 0.
func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

func TestCompareReference(t *testing.T) {
	c := seedCounts(t)
	tests := []struct {
		name         string
		file, column string
		opt          Options
		get          func(Row) float64
		tol          float64
	}{
		// scipy and NLTK report unsigned G²: compare |G2|.
		{"scipy G2", "keyness-seed000/scipy_nltk_fightingwords.csv", "G2_scipy", Options{},
			func(r Row) float64 { return math.Abs(r.G2) }, 1e-9},
		{"NLTK G2", "keyness-seed000/scipy_nltk_fightingwords.csv", "G2_nltk", Options{},
			func(r Row) float64 { return math.Abs(r.G2) }, 1e-9},
		// FightingWords, informative prior (α_w = corpus count).
		{"FightingWords informative", "keyness-seed000/scipy_nltk_fightingwords.csv", "z_monroe_counts", Options{},
			func(r Row) float64 { return r.LogOddsZ }, 1e-6},
		// FightingWords' uniform prior: α_w = 0.01, α_0 = 0.01·V
		// (0.1, 0.5 and 1 miss by orders of magnitude).
		{"FightingWords uniform 0.01", "keyness-seed000/scipy_nltk_fightingwords.csv", "z_monroe_uniform", Options{Prior: Prior{Uniform: 0.01}},
			func(r Row) float64 { return r.LogOddsZ }, 1e-6},
		// quanteda's G2 column is signed and carries the 1e-9 inside the
		// log (correction = "none"); without the ε rows with G² near 0
		// differ by up to 78 %.
		{"quanteda G2 none", "keyness-seed000/quanteda_tidylo.csv", "G2", Options{Correction: CorrectionQuantedaNone},
			func(r Row) float64 { return r.G2 }, 1e-9},
		{"quanteda G2 default", "keyness-seed000/quanteda_tidylo.csv", "G2_quanteda_default", Options{Correction: CorrectionQuantedaDefault},
			func(r Row) float64 { return r.G2 }, 1e-9},
		// quanteda's chi2 column is the uncorrected χ² (correction =
		// "none"), not its Yates default: e.g. "accentuated" (1, 0) is
		// 15.5456, the Yates value would be 3.40.
		{"quanteda chi2 CorrectionNone", "keyness-seed000/quanteda_tidylo.csv", "chi2", Options{},
			func(r Row) float64 { return r.Chi2 }, 1e-9},
		{"quanteda chi2 CorrectionQuantedaNone", "keyness-seed000/quanteda_tidylo.csv", "chi2", Options{Correction: CorrectionQuantedaNone},
			func(r Row) float64 { return r.Chi2 }, 1e-9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := map[string]Row{}
			for _, r := range Compare(c, tt.opt) {
				rows[r.Term] = r
			}
			ref := readCSV(t, tt.file)
			if len(ref) != len(rows) {
				t.Fatalf("Compare returned %d rows, %s has %d", len(rows), tt.file, len(ref))
			}
			worst, worstTerm := 0.0, ""
			for _, rec := range ref {
				r, ok := rows[rec["term"]]
				if !ok {
					t.Fatalf("term %q missing from Compare", rec["term"])
				}
				if r.NTarget != parse(t, rec["n_target"]) || r.NReference != parse(t, rec["n_reference"]) {
					t.Fatalf("%q counts = %v, %v, want %s, %s", r.Term, r.NTarget, r.NReference, rec["n_target"], rec["n_reference"])
				}
				got, want := tt.get(r), parse(t, rec[tt.column])
				if e := relErr(got, want); e > worst || math.IsNaN(e) {
					worst, worstTerm = e, r.Term
				}
				if e := relErr(got, want); !(e <= tt.tol) {
					t.Errorf("%s(%q) = %.17g, want %.17g (relative error %.3g)", tt.column, r.Term, got, want, e)
				}
			}
			t.Logf("%s: max relative error %.3g (%q) over %d terms", tt.column, worst, worstTerm, len(ref))
		})
	}
}

// TestCompareReferenceSigns checks the sign convention against the counts:
// G2 > 0 exactly when the term is relatively more frequent in the target,
// which is quanteda's sign of its G2 column.
func TestCompareReferenceSigns(t *testing.T) {
	c := seedCounts(t)
	q := map[string]float64{}
	for _, rec := range readCSV(t, "keyness-seed000/quanteda_tidylo.csv") {
		q[rec["term"]] = parse(t, rec["G2"])
	}
	for _, r := range Compare(c, Options{}) {
		over := r.RelTarget > r.RelReference
		if (r.G2 > 0) != over || (r.Chi2 > 0) != over {
			t.Errorf("%q: G2 = %v, Chi2 = %v, but RelTarget %v vs RelReference %v", r.Term, r.G2, r.Chi2, r.RelTarget, r.RelReference)
		}
		if math.Signbit(r.G2) != math.Signbit(q[r.Term]) {
			t.Errorf("%q: G2 = %v, quanteda %v", r.Term, r.G2, q[r.Term])
		}
	}
}

// TestComparePReference compares P with quanteda's G2_p, which R computes as
// 1 − pchisq(|G2|, 1): that loses digits for small p, so the tolerance is
// absolute.
func TestComparePReference(t *testing.T) {
	c := seedCounts(t)
	rows := map[string]Row{}
	for _, r := range Compare(c, Options{Correction: CorrectionQuantedaNone}) {
		rows[r.Term] = r
	}
	worst := 0.0
	for _, rec := range readCSV(t, "keyness-seed000/quanteda_tidylo.csv") {
		got, want := rows[rec["term"]].P, parse(t, rec["G2_p"])
		e := math.Abs(got - want)
		worst = max(worst, e)
		if e > 1e-14 {
			t.Errorf("P(%q) = %.17g, want %.17g", rec["term"], got, want)
		}
	}
	t.Logf("G2_p: max absolute error %.3g", worst)
}

func TestTidyloLogOddsReference(t *testing.T) {
	c := seedCounts(t)
	lo, w := TidyloLogOdds(c, false)
	_, wu := TidyloLogOdds(c, true)
	index := map[string]int{}
	for i, term := range c.Terms {
		index[term] = i
	}
	tests := []struct {
		column string
		got    []float64
	}{
		{"lo_weighted", w},
		{"lo_unweighted", lo},
		{"lo_weighted_uninformative", wu},
	}
	ref := readCSV(t, "keyness-seed000/quanteda_tidylo.csv")
	for _, tt := range tests {
		worst := 0.0
		for _, rec := range ref {
			got, want := tt.got[index[rec["term"]]], parse(t, rec[tt.column])
			e := relErr(got, want)
			worst = max(worst, e)
			if !(e <= 1e-9) {
				t.Errorf("%s(%q) = %.17g, want %.17g", tt.column, rec["term"], got, want)
			}
		}
		t.Logf("%s: max relative error %.3g", tt.column, worst)
	}
}
