package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
)

func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	tab := &Table{Header: []string{"term", "value"}}
	tab.Add(`=HYPERLINK("http://x")`, "-1.5")
	tab.Add("+cmd", "@SUM(A1)")
	tab.Add("\tx", "-ism")
	tab.Add("plain, \"quoted\"", "3")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Error("CSV starts with a byte-order mark")
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"term", "value"},
		{`'=HYPERLINK("http://x")`, "-1.5"}, // a negative number stays a number
		{"'+cmd", "'@SUM(A1)"},
		{"'\tx", "'-ism"},
		{"plain, \"quoted\"", "3"},
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1.5, "1.5"}, {math.Nextafter(0.3, 1), "0.30000000000000004"},
		{1e-7, "1e-07"}, {math.NaN(), ""}, {math.Inf(1), "Inf"}, {math.Inf(-1), "-Inf"}, {-2, "-2"},
	}
	for _, tc := range tests {
		if got := Float(tc.in); got != tc.want {
			t.Errorf("Float(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteDictionary(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDictionary(&buf, []ColumnDoc{{"ttr", "float", "", "V/N"}}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Dictionary {
		if !strings.Contains(buf.String(), "## "+f.Name) {
			t.Errorf("DATA.md lacks %s", f.Name)
		}
	}
	if !strings.Contains(buf.String(), "| ttr | float |") {
		t.Error("DATA.md lacks the measures")
	}
}
