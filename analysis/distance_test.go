package analysis

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// refDir holds the values stylo 0.7.7 and R 4.2.2 computed on the seed
// corpus (see testdata/reference/README.md for the calls and inputs).
const refDir = "testdata/reference/stylo-seeds-100mfw"

// readRef reads a reference CSV, header row included. A missing file fails
// the test: the reference values are part of the module.
func readRef(t *testing.T, name string) [][]string {
	t.Helper()
	path := filepath.Join(refDir, name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("reference values: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return recs
}

// readRefMatrix reads a reference CSV: a header row of column names, then
// rows of a name followed by numbers. A missing file fails the test.
func readRefMatrix(t *testing.T, name string) (rows, cols []string, x *mat.Dense) {
	t.Helper()
	path := filepath.Join(refDir, name)
	recs := readRef(t, name)
	cols = recs[0][1:]
	x = mat.NewDense(len(recs)-1, len(cols), nil)
	for i, rec := range recs[1:] {
		rows = append(rows, rec[0])
		for j, s := range rec[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("read %s: row %d: %v", path, i, err)
			}
			x.Set(i, j, v)
		}
	}
	return rows, cols, x
}

// relErr is |got − want| / |want|, or |got| when want is 0.
func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

// TestDistanceMatrixStylo compares every measure with the distances stylo
// 0.7.7 (dist.*) and R's stats::dist computed on freq_table_percent.csv.
func TestDistanceMatrixStylo(t *testing.T) {
	docs, _, freq := readRefMatrix(t, "freq_table_percent.csv")
	for _, m := range []Measure{Delta, Argamon, Eder, Simple, Wurzburg, Cosine, MinMax, Canberra, Manhattan, Euclidean} {
		t.Run(string(m), func(t *testing.T) {
			rows, cols, want := readRefMatrix(t, "dist_"+string(m)+".csv")
			for i := range docs {
				if rows[i] != docs[i] || cols[i] != docs[i] {
					t.Fatalf("dist_%s.csv: doc %d is %q/%q, want %q", m, i, rows[i], cols[i], docs[i])
				}
			}
			got, err := DistanceMatrix(nil, m, freq)
			if err != nil {
				t.Fatalf("DistanceMatrix(%s): %v", m, err)
			}
			var worst float64
			for i := range docs {
				for j := range docs {
					e := relErr(got.At(i, j), want.At(i, j))
					worst = math.Max(worst, e)
					if e > 1e-9 {
						t.Errorf("DistanceMatrix(%s)[%d,%d] = %.17g, want %.17g (rel err %.3g)", m, i, j, got.At(i, j), want.At(i, j), e)
					}
				}
			}
			t.Logf("%s: max relative error %.3g", m, worst)
		})
	}
}

func TestJSD(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []float64
		want float64
	}{
		// p = (½, ½, 0), q = (0, ½, ½), M = (¼, ½, ¼):
		// ½[½ log2(½/¼) + ½ log2 1] + ½[½ log2 1 + ½ log2(½/¼)] = ½.
		{"half overlap", []float64{1, 1, 0}, []float64{0, 1, 1}, 0.5},
		// Same as above: rows are normalised, so the scale is irrelevant.
		{"scaled", []float64{30, 30, 0}, []float64{0, 0.2, 0.2}, 0.5},
		// Disjoint supports: M = (½, ½), each KL = log2 2 = 1.
		{"disjoint", []float64{1, 0}, []float64{0, 1}, 1},
		{"identical", []float64{2, 3, 5}, []float64{4, 6, 10}, 0},
		// p = (¾, ¼), q = (¼, ¾), M = (½, ½):
		// KL(p‖M) = ¾ log2(3/2) + ¼ log2(1/2) = 0.75·0.5849625007211562 − 0.25
		// = 0.18872187554086717, and KL(q‖M) is the same by symmetry.
		{"skewed", []float64{3, 1}, []float64{1, 3}, 0.75*math.Log2(1.5) - 0.25},
	} {
		f := mat.NewDense(2, len(tc.a), append(append([]float64(nil), tc.a...), tc.b...))
		d, err := DistanceMatrix(nil, JSD, f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := d.At(0, 1); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: JSD(%v, %v) = %.17g, want %.17g", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
}

// TestTFIDF checks scikit-learn's smoothed idf and L2 row norm by hand.
func TestTFIDF(t *testing.T) {
	// Counts d0 = (2, 1, 0), d1 = (0, 1, 1); m = 2, df = (1, 2, 1).
	// idf = ln(3/2) + 1 = 1.4054651081081644 for df 1, ln(3/3) + 1 = 1 for df 2.
	tab := &Table{
		Docs:     []string{"d0", "d1"},
		Features: []string{"x", "y", "z"},
		Counts:   mat.NewDense(2, 3, []float64{2, 1, 0, 0, 1, 1}),
		Totals:   []float64{3, 2},
	}
	idf1 := math.Log(1.5) + 1
	if math.Abs(idf1-1.4054651081081644) > 1e-15 {
		t.Fatalf("idf(df=1) = %v", idf1)
	}
	// d0 = (2·idf1, 1, 0) / sqrt(4 idf1² + 1); d1 = (0, 1, idf1) / sqrt(1 + idf1²).
	n0 := math.Sqrt(4*idf1*idf1 + 1)
	n1 := math.Sqrt(1 + idf1*idf1)
	want := mat.NewDense(2, 3, []float64{2 * idf1 / n0, 1 / n0, 0, 0, 1 / n1, idf1 / n1})
	got := TFIDF(tab)
	if !mat.EqualApprox(got, want, 1e-15) {
		t.Errorf("TFIDF = %v, want %v", mat.Formatted(got), mat.Formatted(want))
	}
	// Cosine similarity = d0·d1 = 1/(n0 n1) = 1/(2.9835095…·1.7249156…)
	// ≈ 0.19431; the distance is 1 minus that.
	wantDist := 1 - 1/(n0*n1)
	for _, in := range []mat.Matrix{tab.Counts, RelFreq(nil, tab)} {
		d, err := DistanceMatrix(nil, TFIDFCosine, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.At(0, 1); math.Abs(got-wantDist) > 1e-15 {
			t.Errorf("tfidf_cosine = %.17g, want %.17g", got, wantDist)
		}
	}
	d, err := Distance(TFIDFCosine, tab, nil)
	if err != nil || math.Abs(d.At(1, 0)-wantDist) > 1e-15 {
		t.Errorf("Distance(tfidf_cosine) = %v, %v, want %v", d.At(1, 0), err, wantDist)
	}
}

// TestDistanceBruteForce compares every measure on a random table with a
// direct transcription of the README formulas.
func TestDistanceBruteForce(t *testing.T) {
	const m, n = 6, 9
	rnd := newRand(1)
	f := mat.NewDense(m, n, nil)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if rnd.Float64() < 0.2 {
				continue // some zeros, to exercise canberra's dropped terms
			}
			f.Set(i, j, 10*rnd.Float64())
		}
	}
	z := ZScores(nil, f)
	row := func(x mat.Matrix, i int) []float64 { return mat.Row(nil, i, x) }
	cos := func(a, b []float64) float64 {
		var ab, aa, bb float64
		for k := range a {
			ab += a[k] * b[k]
			aa += a[k] * a[k]
			bb += b[k] * b[k]
		}
		return ab / math.Sqrt(aa*bb)
	}
	brute := map[Measure]func(a, b, za, zb []float64) float64{
		Delta: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range za {
				s += math.Abs(za[k] - zb[k])
			}
			return s / n
		},
		Argamon: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range za {
				s += (za[k] - zb[k]) * (za[k] - zb[k])
			}
			return math.Sqrt(s) / n
		},
		Eder: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range za {
				i := float64(k + 1)
				s += math.Abs(za[k]-zb[k]) * (n - i + 2) / n
			}
			return s
		},
		Simple: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range a {
				s += math.Abs(math.Sqrt(a[k]) - math.Sqrt(b[k]))
			}
			return s
		},
		Wurzburg: func(a, b, za, zb []float64) float64 { return 1 - cos(za, zb) },
		Cosine:   func(a, b, za, zb []float64) float64 { return 1 - cos(a, b) },
		MinMax: func(a, b, za, zb []float64) float64 {
			var lo, hi float64
			for k := range a {
				lo += math.Min(a[k], b[k])
				hi += math.Max(a[k], b[k])
			}
			return 1 - lo/hi
		},
		Canberra: func(a, b, za, zb []float64) float64 {
			var s float64
			dropped := 0
			for k := range a {
				if a[k] == 0 && b[k] == 0 {
					dropped++
					continue
				}
				s += math.Abs(a[k]-b[k]) / (a[k] + b[k])
			}
			return s * n / float64(n-dropped)
		},
		Manhattan: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range a {
				s += math.Abs(a[k] - b[k])
			}
			return s
		},
		Euclidean: func(a, b, za, zb []float64) float64 {
			var s float64
			for k := range a {
				s += (a[k] - b[k]) * (a[k] - b[k])
			}
			return math.Sqrt(s)
		},
	}
	for _, ms := range Measures() {
		fn, ok := brute[ms]
		if !ok {
			continue
		}
		d, err := DistanceMatrix(nil, ms, f)
		if err != nil {
			t.Fatalf("DistanceMatrix(%s): %v", ms, err)
		}
		for i := 0; i < m; i++ {
			if d.At(i, i) != 0 {
				t.Errorf("%s: d[%d,%d] = %v, want 0", ms, i, i, d.At(i, i))
			}
			for j := i + 1; j < m; j++ {
				want := fn(row(f, i), row(f, j), row(z, i), row(z, j))
				if e := relErr(d.At(i, j), want); e > 1e-12 {
					t.Errorf("%s: d[%d,%d] = %v, want %v", ms, i, j, d.At(i, j), want)
				}
			}
		}
	}
}

func TestParseMeasure(t *testing.T) {
	for _, m := range Measures() {
		got, err := ParseMeasure(string(m))
		if err != nil || got != m {
			t.Errorf("ParseMeasure(%q) = %q, %v", m, got, err)
		}
	}
	if len(Measures()) != 12 {
		t.Errorf("len(Measures()) = %d, want 12", len(Measures()))
	}
	if _, err := ParseMeasure("Delta"); err == nil {
		t.Errorf("ParseMeasure(%q) succeeded, want error", "Delta")
	}
}

func TestDistanceErrors(t *testing.T) {
	zeroRow := mat.NewDense(2, 2, []float64{1, 2, 0, 0})
	if _, err := DistanceMatrix(nil, "nope", zeroRow); err == nil {
		t.Errorf("DistanceMatrix(nope) succeeded, want error")
	}
	if _, err := Distance(Delta, &Table{}, nil); err == nil {
		t.Errorf("Distance on an empty table succeeded, want error")
	}
	// Canberra over two all-zero rows: every term dropped; R returns NA, we 0.
	d, err := DistanceMatrix(nil, Canberra, mat.NewDense(2, 2, nil))
	if err != nil || d.At(0, 1) != 0 {
		t.Errorf("canberra of zero rows = %v, %v, want 0", d.At(0, 1), err)
	}
}

// TestDistanceConstantFeature checks R's NaN handling of a constant column
// (scale() gives NaN, stats::dist drops the term and scales by n/k).
func TestDistanceConstantFeature(t *testing.T) {
	// Column 1 is constant. Column 0: 1, 2, 3 → z = −1, 0, 1; column 2:
	// 2, 2, 8 → mean 4, sd sqrt((4+4+16)/2) = sqrt(12) → z = −2/√12, −2/√12, 4/√12.
	f := mat.NewDense(3, 3, []float64{1, 5, 2, 2, 5, 2, 3, 5, 8})
	s := math.Sqrt(12)
	// Docs 0 and 2: |Δz| = 2 and 6/√12; n = 3, k = 2.
	d0, d2 := 2.0, 6/s
	for _, tc := range []struct {
		m    Measure
		want float64
	}{
		{Delta, (d0 + d2) / 2},                              // (1/k) Σ
		{Argamon, math.Sqrt(3.0/2*(d0*d0+d2*d2)) / 3},       // sqrt((n/k) Σ)/n
		{Eder, 3.0 / 2 * (d0*(3-1+2)/3.0 + d2*(3-3+2)/3.0)}, // weights (n − i + 2)/n of ranks 1 and 3
		// Cosine of (−1, 0, −2/√12) and (1, 0, 4/√12): dot −1 − 8/12,
		// norms sqrt(1 + 4/12), sqrt(1 + 16/12).
		{Wurzburg, 1 - (-1-8.0/12)/math.Sqrt((1+4.0/12)*(1+16.0/12))},
	} {
		d, err := DistanceMatrix(nil, tc.m, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.At(0, 2); math.Abs(got-tc.want) > 1e-14 {
			t.Errorf("%s with a constant feature = %.17g, want %.17g", tc.m, got, tc.want)
		}
	}
	// No feature varies: every term of every pair is 0/0.
	d, err := DistanceMatrix(nil, Delta, mat.NewDense(2, 2, []float64{1, 2, 1, 2}))
	if err != nil || !math.IsNaN(d.At(0, 1)) || d.At(0, 0) != 0 {
		t.Errorf("Delta with no varying feature = %v, %v, want NaN off the diagonal, 0 on it", mat.Formatted(d), err)
	}
}

// TestDistanceZeroRow: a document with none of the features makes the
// measures that divide by its length or sum undefined (NaN) for its pairs
// only; every other pair keeps the value it has without that document.
func TestDistanceZeroRow(t *testing.T) {
	// Rows 0, 1 and 3 are documents with features; row 2 has none.
	f := mat.NewDense(4, 3, []float64{1, 2, 3, 2, 2, 1, 0, 0, 0, 3, 1, 1})
	without := mat.NewDense(3, 3, []float64{1, 2, 3, 2, 2, 1, 3, 1, 1})
	keep := []int{0, 1, 3} // rows of f that are rows 0, 1, 2 of without
	for _, m := range []Measure{Cosine, JSD, MinMax, TFIDFCosine} {
		d, err := DistanceMatrix(nil, m, f)
		if err != nil {
			t.Fatalf("DistanceMatrix(%s) with a zero row: %v", m, err)
		}
		if d.At(2, 2) != 0 {
			t.Errorf("%s: d[2,2] = %v, want 0", m, d.At(2, 2))
		}
		for _, j := range []int{0, 1, 3} {
			if !math.IsNaN(d.At(2, j)) || !math.IsNaN(d.At(j, 2)) {
				t.Errorf("%s: d[2,%d] = %v, want NaN (row 2 is all zero)", m, j, d.At(2, j))
			}
		}
		if m == TFIDFCosine {
			continue // idf depends on the number of documents
		}
		// The brute-force reference: the same measure without the zero row.
		ref, err := DistanceMatrix(nil, m, without)
		if err != nil {
			t.Fatal(err)
		}
		for a := range keep {
			for b := range keep {
				if got, want := d.At(keep[a], keep[b]), ref.At(a, b); math.Abs(got-want) > 1e-15 {
					t.Errorf("%s: d[%d,%d] = %v, want %v as without the zero row", m, keep[a], keep[b], got, want)
				}
			}
		}
	}
	// Cosine Delta: a row whose z-scores are all zero. With two rows the
	// z-scores are ±1/√2, never all zero; with three, the middle row of an
	// evenly spaced column is at the mean (z = 0) in every column.
	z := mat.NewDense(3, 2, []float64{1, 4, 2, 5, 3, 6})
	d, err := DistanceMatrix(nil, Wurzburg, z)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(d.At(1, 0)) || !math.IsNaN(d.At(1, 2)) || math.Abs(d.At(0, 2)-2) > 1e-15 {
		t.Errorf("wurzburg with a zero z-score row = %v, want NaN for row 1 and 2 (opposite vectors) for 0–2", mat.Formatted(d))
	}
}

// TestDistanceNeverNegative: 1 − cos of two identical rows is 0, but the
// dot product of two unit vectors can round above 1 and give −2.2e-16.
func TestDistanceNeverNegative(t *testing.T) {
	// Found by search: three equal features; 1/√3 rounded, squared and
	// summed three times is 1.0000000000000002 in float64.
	row := []float64{1, 1, 1}
	u := 1 / math.Sqrt(3)
	if dot := u*u + u*u + u*u; dot <= 1 {
		t.Fatalf("test premise: the dot product %.17g of the unit rows does not round above 1", dot)
	}
	f := mat.NewDense(3, 3, append(append(append([]float64{}, row...), row...), 1, 2, 3))
	for _, m := range []Measure{Cosine, TFIDFCosine} {
		d, err := DistanceMatrix(nil, m, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.At(0, 1); got != 0 {
			t.Errorf("%s of two identical rows = %.17g, want 0", m, got)
		}
	}
}

// TestSixteenBitIdentical: the sixteen-row kernels (panel.go) give every
// measure's distances bit for bit as the one-pair ones (the sums run in
// the same order), a row of zeros (undefined under cosine, jsd and minmax),
// constant features and a last block of fewer than sixteen rows included.
func TestSixteenBitIdentical(t *testing.T) { checkSixteen(t) }

func checkSixteen(t *testing.T) {
	r := newRand(9)
	const rows, cols = 37, 23
	f := mat.NewDense(rows, cols, nil)
	for i := range rows {
		for j := range cols {
			if i != 4 && j != 5 && r.Float64() > 0.2 {
				f.Set(i, j, 10*r.Float64())
			}
		}
	}
	batched := 0
	for _, m := range Measures() {
		p, err := prepare(m, f)
		if err != nil {
			t.Fatal(err)
		}
		if p.sixteen == nil {
			continue
		}
		batched++
		var ds [panelRows]float64
		for i := range rows {
			for b := 0; b*panelRows < rows; b++ {
				p.block16(i, b, &ds)
				for j := b * panelRows; j < min(rows, (b+1)*panelRows); j++ {
					if i == j {
						continue
					}
					got, want := ds[j-b*panelRows], p.at(i, j)
					if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
						t.Errorf("%s (%d, %d): block16 %v, at %v", m, i, j, got, want)
					}
				}
			}
		}
	}
	if batched < 7 {
		t.Errorf("%d measures have a sixteen-row kernel, want 7 (delta, argamon, eder, simple, minmax, manhattan, euclidean)", batched)
	}
}
