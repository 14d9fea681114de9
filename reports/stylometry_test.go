package reports

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
)

// TestWriteMatrix: every cell, the mirrored ones below the diagonal
// included, is Float of the matrix's value, as a table of cells formatted
// one by one writes it.
func TestWriteMatrix(t *testing.T) {
	values := []float64{0.1, 2.5e-9, math.NaN(), 1, math.Inf(1), 0.30000000000000004, -3, 123456789.125}
	for _, n := range []int{0, 1, 2, 3, 9} {
		ids := make([]string, n)
		d := &mat.SymDense{}
		if n > 0 {
			d = mat.NewSymDense(n, nil)
		}
		for i := range n {
			ids[i] = strings.Repeat("x", i+1)
			for j := i; j < n; j++ {
				d.SetSym(i, j, values[(i*n+j)%len(values)]*float64(i+1))
			}
		}
		want := &Table{Header: append([]string{"doc_id"}, ids...)}
		for i := range n {
			row := []string{ids[i]}
			for j := range n {
				row = append(row, Float(d.At(i, j)))
			}
			want.Add(row...)
		}
		var got, wantCSV bytes.Buffer
		rows, err := WriteMatrix(&got, ids, d)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteCSV(&wantCSV, want); err != nil {
			t.Fatal(err)
		}
		if rows != n || got.String() != wantCSV.String() {
			t.Errorf("WriteMatrix(%d texts) = %d rows\n%s\nwant %d rows\n%s", n, rows, got.String(), n, wantCSV.String())
		}
	}
}

// TestWriteDistances: one row per measure and pair, each value Float of
// the matrix's (an undefined one an empty cell), as a table of cells
// formatted one by one writes it.
func TestWriteDistances(t *testing.T) {
	values := []float64{0.1, math.NaN(), 2.5e-9, 1, math.Inf(1), 0.30000000000000004, -3, 123456789.125}
	for _, n := range []int{0, 1, 2, 3, 9} {
		ids := make([]string, n)
		var sets []DistanceRow
		for k, m := range []string{"delta", "=cosine"} {
			d := &mat.SymDense{}
			if n > 0 {
				d = mat.NewSymDense(n, nil)
			}
			for i := range n {
				ids[i] = fmt.Sprint("d", i)
				for j := i; j < n; j++ {
					d.SetSym(i, j, values[(i*n+j+k)%len(values)]*float64(i+1))
				}
			}
			sets = append(sets, DistanceRow{Measure: m, Features: "word:1", MFW: 100 * (k + 1), Culling: float64(k) / 2, D: d})
		}
		want := &Table{Header: []string{"measure", "features", "mfw", "culling", "doc_a", "doc_b", "value"}}
		for _, s := range sets {
			for i := range n {
				for j := i + 1; j < n; j++ {
					want.Add(s.Measure, s.Features, Int(s.MFW), Float(s.Culling), ids[i], ids[j], Float(s.D.At(i, j)))
				}
			}
		}
		var got, wantCSV bytes.Buffer
		rows, err := WriteDistances(&got, ids, sets)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteCSV(&wantCSV, want); err != nil {
			t.Fatal(err)
		}
		if rows != len(want.Rows) || got.String() != wantCSV.String() {
			t.Errorf("WriteDistances(%d texts) = %d rows\n%s\nwant %d rows\n%s", n, rows, got.String(), len(want.Rows), wantCSV.String())
		}
	}
}

// TestWriteAttribution: attribution.csv in long format, one row per text
// and candidate. The expected rows are written out by hand from the
// attributions: a text keeps its first AttributionCandidates candidates
// and its true label's row past them, repeats its verdict on every row
// (margin = the second distance − the first), and a text with no
// candidate keeps one row with candidate_rank 0.
func TestWriteAttribution(t *testing.T) {
	ids := []string{"d0", "d1", "d2", "=d3"}
	// d0 has 14 candidates l01 … l14 at distances 1.0 … 1.13, nearest text
	// d1, its own label l14 last; d2 has two, its own label first, the
	// second measured to a centroid (no nearest text); =d3 has none.
	var many []analysis.Candidate
	for k := range 14 {
		many = append(many, analysis.Candidate{Label: fmt.Sprintf("l%02d", k+1), Distance: 1 + float64(k)/100, Item: 1})
	}
	res := map[string][]analysis.Attribution{
		"delta": {
			{Item: 0, Label: "l14", Predicted: "l01", Rank: 14, Candidates: many},
			{Item: 2, Label: "a", Predicted: "a", Rank: 1, Candidates: []analysis.Candidate{{Label: "a", Distance: 0.5, Item: 0}, {Label: "b", Distance: 0.75, Item: -1}}},
			{Item: 3, Label: "solo", Unattributable: true},
		},
		"cosine": {
			{Item: 2, Label: "a", Predicted: "b", Rank: 2, Unattributable: true, Candidates: []analysis.Candidate{{Label: "b", Distance: 0.25, Item: 1}, {Label: "a", Distance: 0.5, Item: 0}}},
		},
	}
	want := "measure,doc_id,label,predicted,correct,label_rank,margin,attributable,candidate_rank,candidate,distance,nearest\n"
	for k := range AttributionCandidates {
		want += fmt.Sprintf("delta,d0,l14,l01,false,14,0.010000000000000009,true,%d,l%02d,%s,d1\n", k+1, k+1, Float(1+float64(k)/100))
	}
	want += "delta,d0,l14,l01,false,14,0.010000000000000009,true,14,l14,1.13,d1\n" +
		"delta,d2,a,a,true,1,0.25,true,1,a,0.5,d0\n" +
		"delta,d2,a,a,true,1,0.25,true,2,b,0.75,\n" +
		"delta,'=d3,solo,,,0,,false,0,,,\n" +
		"cosine,d2,a,b,,2,0.25,false,1,b,0.25,d1\n" +
		"cosine,d2,a,b,,2,0.25,false,2,a,0.5,d0\n"
	var got bytes.Buffer
	rows, err := WriteAttribution(&got, ids, []string{"delta", "cosine"}, res)
	if err != nil {
		t.Fatal(err)
	}
	if wantRows := strings.Count(want, "\n") - 1; rows != wantRows || got.String() != want {
		t.Errorf("WriteAttribution = %d rows\n%s\nwant %d rows\n%s", rows, got.String(), wantRows, want)
	}
}

// TestClusterLeaves: a truncated tree's leaves are named by their size and
// most common group with its share (ties to the first group by name), a
// cluster of one by its text, and without groups by their size alone.
func TestClusterLeaves(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f"}
	groups := []string{"left", "right", "left", "right", "", "left"}
	members := [][]int{{0, 2, 5, 1}, {3}, {1, 3, 0, 2}, {4, 4}}
	got, _ := clusterLeaves(ids, groups, members)
	want := []string{"4 texts: left 75%", "d", "4 texts: left 50%", "2 texts: (none) 100%"}
	if !slices.Equal(got, want) {
		t.Errorf("clusterLeaves = %q, want %q", got, want)
	}
	if got, _ := clusterLeaves(ids, nil, members[:2]); !slices.Equal(got, []string{"4 texts", "d"}) {
		t.Errorf("clusterLeaves without groups = %q", got)
	}
}
