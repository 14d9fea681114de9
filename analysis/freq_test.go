package analysis

import (
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"
)

// seedTable builds the full table of the five seed texts from tidy_counts.csv
// (every type) and doc_tokens.csv (all tokens per document).
func seedTable(t *testing.T) *Table {
	t.Helper()
	read := func(name string) [][]string { return readRef(t, name)[1:] }
	var docs []string
	var totals []float64
	index := map[string]int{}
	for _, rec := range read("doc_tokens.csv") {
		n, err := strconv.ParseFloat(rec[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		index[rec[0]] = len(docs)
		docs = append(docs, rec[0])
		totals = append(totals, n)
	}
	counts := make([]map[string]int, len(docs))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	for _, rec := range read("tidy_counts.csv") {
		n, err := strconv.Atoi(rec[2])
		if err != nil {
			t.Fatal(err)
		}
		counts[index[rec[0]]][rec[1]] = n
	}
	return NewTable(docs, counts, totals)
}

// TestSeedTable checks NewTable, Top and RelFreq end to end against stylo:
// the 100 MFW and their per-cent frequencies in freq_table_percent.csv.
func TestSeedTable(t *testing.T) {
	docs, features, want := readRefMatrix(t, "freq_table_percent.csv")
	tab := seedTable(t).Top(100)
	if diff := cmp.Diff(docs, tab.Docs); diff != "" {
		t.Errorf("Docs mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(features, tab.Features); diff != "" {
		t.Fatalf("Top(100).Features mismatch (-want +got):\n%s", diff)
	}
	got := RelFreq(nil, tab)
	for i := range docs {
		for j := range features {
			if e := relErr(got.At(i, j), want.At(i, j)); e > 1e-12 {
				t.Errorf("RelFreq[%s,%s] = %v, want %v", docs[i], features[j], got.At(i, j), want.At(i, j))
			}
		}
	}
	// The counts of the cut table are count_table.csv.
	_, _, wantCounts := readRefMatrix(t, "count_table.csv")
	if !mat.Equal(tab.Counts, wantCounts) {
		t.Errorf("Top(100).Counts differ from count_table.csv")
	}
	// Distance computes its own input: the same numbers as the reference.
	for _, m := range []Measure{Delta, Eder, Simple, Wurzburg, Manhattan} {
		_, _, ref := readRefMatrix(t, "dist_"+string(m)+".csv")
		d, err := Distance(m, tab, nil)
		if err != nil {
			t.Fatalf("Distance(%s): %v", m, err)
		}
		for i := range docs {
			for j := range docs {
				if e := relErr(d.At(i, j), ref.At(i, j)); e > 1e-9 {
					t.Errorf("Distance(%s)[%d,%d] = %v, want %v", m, i, j, d.At(i, j), ref.At(i, j))
				}
			}
		}
	}
}

func TestNewTableOrder(t *testing.T) {
	// Corpus counts: b 3, a 3, é 3, c 1; "a" < "b" < "é" by code point
	// (U+0061 < U+0062 < U+00E9); zero counts are not features.
	tab := NewTable(
		[]string{"d0", "d1"},
		[]map[string]int{{"b": 2, "é": 1, "c": 1, "z": 0}, {"a": 3, "b": 1, "é": 2}},
		[]float64{10, 20},
	)
	if diff := cmp.Diff([]string{"a", "b", "é", "c"}, tab.Features); diff != "" {
		t.Errorf("Features (-want +got):\n%s", diff)
	}
	want := mat.NewDense(2, 4, []float64{0, 2, 1, 1, 3, 1, 2, 0})
	if !mat.Equal(tab.Counts, want) {
		t.Errorf("Counts = %v, want %v", mat.Formatted(tab.Counts), mat.Formatted(want))
	}
	// Percent: d0 "b" 2/10·100 = 20, d1 "a" 3/20·100 = 15.
	f := RelFreq(nil, tab)
	if f.At(0, 1) != 20 || f.At(1, 0) != 15 {
		t.Errorf("RelFreq = %v, want [0,1]=20 [1,0]=15", mat.Formatted(f))
	}
}

func TestCullTop(t *testing.T) {
	// Document frequencies: a 4, b 3, c 2, d 1 of 4 documents.
	tab := NewTable(
		[]string{"d0", "d1", "d2", "d3"},
		[]map[string]int{
			{"a": 5, "b": 1, "c": 1, "d": 9},
			{"a": 5, "b": 1, "c": 1},
			{"a": 5, "b": 1},
			{"a": 5},
		},
		[]float64{100, 100, 100, 100},
	)
	// Ranked by corpus count: a 20, d 9, b 3, c 2.
	if diff := cmp.Diff([]string{"a", "d", "b", "c"}, tab.Features); diff != "" {
		t.Fatalf("Features (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		pct  float64
		want []string
	}{
		{0, []string{"a", "d", "b", "c"}},
		{25, []string{"a", "d", "b", "c"}},
		{50, []string{"a", "b", "c"}}, // df/m ≥ 0.5
		{75, []string{"a", "b"}},      // 3/4 = 0.75 counts
		{100, []string{"a"}},          // stylo's culling at 100%
		{101, []string{}},
	} {
		got := tab.Cull(tc.pct)
		if diff := cmp.Diff(tc.want, got.Features); diff != "" {
			t.Errorf("Cull(%v).Features (-want +got):\n%s", tc.pct, diff)
		}
		if len(tc.want) > 0 {
			if _, c := got.Counts.Dims(); c != len(tc.want) {
				t.Errorf("Cull(%v).Counts has %d columns, want %d", tc.pct, c, len(tc.want))
			}
		}
	}
	top := tab.Top(2)
	if diff := cmp.Diff([]string{"a", "d"}, top.Features); diff != "" {
		t.Errorf("Top(2).Features (-want +got):\n%s", diff)
	}
	if top.Counts.At(0, 1) != 9 || top.Totals[0] != 100 {
		t.Errorf("Top(2) lost counts or totals: %v %v", mat.Formatted(top.Counts), top.Totals)
	}
	if got := tab.Top(10); len(got.Features) != 4 {
		t.Errorf("Top(10) kept %d features, want 4", len(got.Features))
	}
}

func TestZScores(t *testing.T) {
	// Column 0: 1, 2, 3 → mean 2, sd sqrt(((−1)²+0+1²)/2) = 1 → −1, 0, 1.
	// Column 1: constant → sd 0 → zeros.
	// Column 2: 0, 0, 6 → mean 2, sd sqrt((4+4+16)/2) = sqrt(12).
	f := mat.NewDense(3, 3, []float64{1, 5, 0, 2, 5, 0, 3, 5, 6})
	got := ZScores(nil, f)
	s := math.Sqrt(12)
	want := mat.NewDense(3, 3, []float64{-1, 0, -2 / s, 0, 0, -2 / s, 1, 0, 4 / s})
	if !mat.EqualApprox(got, want, 1e-15) {
		t.Errorf("ZScores = %v, want %v", mat.Formatted(got), mat.Formatted(want))
	}
}
