package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/pipeline"
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

// TestWriteTermsLimit: with a limit each document keeps its most frequent
// terms (count descending, then term), the rows a full listing starts with.
func TestWriteTermsLimit(t *testing.T) {
	docs := []pipeline.Doc{
		{ID: "a", Profile: &pipeline.DocProfile{Words: 10, Terms: analysis.NewTermCounts(map[string]int{"the": 5, "war": 2, "peace": 2, "land": 1})}},
		{ID: "b", Profile: &pipeline.DocProfile{Words: 4, Terms: analysis.NewTermCounts(map[string]int{"bread": 4})}},
	}
	tfidf := func(int, string, int) float64 { return 0 }
	var full, cut strings.Builder
	if _, err := WriteTerms(&full, docs, tfidf, 0); err != nil {
		t.Fatal(err)
	}
	n, err := WriteTerms(&cut, docs, tfidf, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := "doc_id,term,count,rel_freq,tfidf\na,the,5,0.5,0\na,peace,2,0.2,0\nb,bread,4,1,0\n"
	if cut.String() != want || n != 3 {
		t.Errorf("limit 2: %d rows\n%s\nwant 3 rows\n%s", n, cut.String(), want)
	}
	if !strings.HasPrefix(full.String(), "doc_id,term,count,rel_freq,tfidf\na,the,5,0.5,0\na,peace,2,0.2,0\na,war,2,0.2,0\na,land,1,0.1,0\n") {
		t.Errorf("no limit:\n%s", full.String())
	}
}
