package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
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
		{999999, "999999"}, {1e6, "1e+06"}, {-1e6, "-1e+06"}, {1234567, "1.234567e+06"}, {999999.5, "999999.5"},
	}
	for _, tc := range tests {
		if got := Float(tc.in); got != tc.want {
			t.Errorf("Float(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Whole numbers, which Float writes as integers under a million, as
	// strconv's 'g' writes them, on either side of the million.
	for v := -1_000_010.0; v <= 1_000_010; v++ {
		if v == 0 {
			continue
		}
		if got, want := Float(v), strconv.FormatFloat(v, 'g', -1, 64); got != want {
			t.Fatalf("Float(%v) = %q, want %q", v, got, want)
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

// csvBytes is rows written by encoding/csv, the reference implementation
// a Stream's quoting follows.
func csvBytes(t *testing.T, rows [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestStreamMatchesEncodingCSV: text cells are quoted byte for byte as
// encoding/csv quotes them (after neutralising), and number cells are
// written as Float and Int format them.
func TestStreamMatchesEncodingCSV(t *testing.T) {
	text := []string{"", `\.`, `\..`, " lead", "\u00a0nbsp", "trail ", "a,b", `q"uote`, "line\nbreak", "cr\rx", "crlf\r\n",
		"ü", "\xff", "\tx", "=1+2", "-1.5", "-ism", "plain"}
	nums := []float64{0, math.Copysign(0, -1), 1.5, -2, 1e-7, 1e300, math.NaN(), math.Inf(1), math.Inf(-1)}
	var got bytes.Buffer
	s := NewStream(&got, "text", "float", "int")
	want := [][]string{{"text", "float", "int"}}
	for i, c := range text {
		v, n := nums[i%len(nums)], i-5
		s.Text(c)
		s.Float(v)
		s.Int(n)
		s.End()
		if Formula(c) {
			c = "'" + c
		}
		want = append(want, []string{c, Float(v), Int(n)})
	}
	rows, err := s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if rows != len(text) {
		t.Errorf("Close() = %d rows, want %d", rows, len(text))
	}
	if w := csvBytes(t, want); got.String() != w {
		t.Errorf("Stream wrote\n%q\nwant (encoding/csv)\n%q", got.String(), w)
	}
}

// TestStreamLarge: a table longer than the Stream's buffer arrives whole.
func TestStreamLarge(t *testing.T) {
	var got bytes.Buffer
	s := NewStream(&got, "i", "x")
	want := [][]string{{"i", "x"}}
	for i := range 20000 {
		s.Int(i)
		s.Float(float64(i) / 7)
		s.End()
		want = append(want, []string{Int(i), Float(float64(i) / 7)})
	}
	if _, err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if w := csvBytes(t, want); got.String() != w {
		t.Errorf("Stream wrote %d bytes, want %d (encoding/csv)", got.Len(), len(w))
	}
}

// FuzzAppendField: any field is written as encoding/csv writes it.
func FuzzAppendField(f *testing.F) {
	for _, s := range []string{"", `\.`, " x", "a,b", `"`, "\r\n", "\u2028", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, field string) {
		got := string(appendField(nil, field)) + "\n"
		if want := csvBytes(t, [][]string{{field}}); got != want {
			t.Errorf("appendField(%q) = %q, want %q (encoding/csv)", field, got, want)
		}
	})
}

// TestEncoded: cells encoded once write as Text writes them, wherever they
// fall in a row.
func TestEncoded(t *testing.T) {
	cells := []string{"=x", "a,b", "", " lead", "-2", `q"`}
	var got, want bytes.Buffer
	g := NewStream(&got, "a", "b", "c", "d", "e", "f", "g")
	w := NewStream(&want, "a", "b", "c", "d", "e", "f", "g")
	g.encoded(encode(cells[:3]...))
	g.encoded(encode())
	g.Text(cells[3])
	g.encoded(encode(cells[4:]...))
	g.Float(1.5)
	g.End()
	w.Text(cells...)
	w.Float(1.5)
	w.End()
	if _, err := g.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("encoded cells wrote %q, want %q", got.String(), want.String())
	}
}
