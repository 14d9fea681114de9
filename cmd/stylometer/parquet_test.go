package main

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestParquetEqualsCSV: with --format parquet the long tables are Parquet
// files holding, row for row, the values of the CSV a --format csv run
// writes (the CSV is the reference; its floats read back exactly).
func TestParquetEqualsCSV(t *testing.T) {
	csvOut := seedsRun(t, "--label", "stance")
	pqOut := seedsRun(t, "--label", "stance", "--format", "parquet")
	got := files(t, pqOut)
	for _, name := range []string{"terms", "keyness", "distances", "knn", "attribution"} {
		if _, ok := got[name+".csv"]; ok {
			t.Errorf("%s.csv written beside %s.parquet", name, name)
		}
		f, err := parquet.OpenFile(bytes.NewReader(got[name+".parquet"]), int64(len(got[name+".parquet"])))
		if err != nil {
			t.Fatalf("%s.parquet: %v", name, err)
		}
		want := readCSV(t, filepath.Join(csvOut, name+".csv"))
		cols := f.Schema().Columns()
		rows := make([]parquet.Row, f.NumRows())
		n := 0
		for _, rg := range f.RowGroups() {
			r := rg.Rows()
			for n < len(rows) {
				k, err := r.ReadRows(rows[n:])
				n += k
				if err != nil || k == 0 {
					break
				}
			}
			r.Close()
		}
		if n != len(want) {
			t.Fatalf("%s.parquet: %d rows, the CSV %d", name, n, len(want))
		}
		for i, row := range rows {
			for j, v := range row {
				col := cols[j][0]
				var s string
				switch v.Kind() {
				case parquet.ByteArray:
					s = string(v.ByteArray())
				case parquet.Int64:
					s = strconv.FormatInt(v.Int64(), 10)
				case parquet.Boolean:
					s = strconv.FormatBool(v.Boolean())
				case parquet.Double:
					if x := v.Double(); math.IsNaN(x) {
						s = ""
					} else {
						s = fmt.Sprint(x)
						if w, err := strconv.ParseFloat(want[i][col], 64); err == nil && w == x {
							s = want[i][col]
						}
					}
				}
				if s != want[i][col] {
					t.Fatalf("%s row %d column %s: parquet %q, csv %q", name, i, col, s, want[i][col])
				}
			}
		}
	}
}
