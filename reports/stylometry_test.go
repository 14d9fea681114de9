package reports

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
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
