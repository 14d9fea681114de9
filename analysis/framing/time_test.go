package framing

import (
	"math"
	"testing"

	"github.com/stylometer/stylometer/analysis"
)

// TestTime: an era confound, hand-built. Party A speaks mostly in the
// 1800s and party B mostly in the 1900s; "mexico" is a word of the 1800s
// that both parties use there at about the same rate (A 10 in 1,000 words,
// B 2 in 200), so the naive contrast calls it A's and the contrast within
// time does not.
//
//	naive log odds: ln(10/1190) − ln(3/1197) = 1.209837923778334
//	Mantel–Haenszel over the bins (statsmodels 0.13.5 StratifiedTable of
//	[[10, 2], [990, 198]] and [[0, 1], [200, 999]]): log odds
//	−0.09622803209455377, SE 0.7495182527077928, CMH 0.015516014234875444
//	(sign of Σa − ΣE: 10 − (12·1000/1200 + 1·200/1200) < 0), p
//	0.9008692890788841.
//
// The target's 3 uses in A's 1,000 words of the 1800s are 30 per 10,000
// with Wilson's interval (statsmodels proportion_confint(3, 1000,
// method="wilson") × 10⁴) 10.207838811386194 to 87.83014053503176.
func TestTime(t *testing.T) {
	doc := func(party string, words int, terms map[string]int, target int) Doc {
		return Doc{Meta: map[string]string{"party": party}, Words: words, Terms: analysis.NewTermCounts(terms),
			Targets: []Target{{Count: target}}}
	}
	docs := []Doc{
		doc("A", 1000, map[string]int{"mexico": 10, "liberty": 5}, 3),
		doc("A", 200, map[string]int{"liberty": 1}, 0),
		doc("B", 200, map[string]int{"mexico": 2}, 0),
		doc("B", 1000, map[string]int{"mexico": 1}, 1),
		doc("B", 500, map[string]int{"mexico": 7}, 0), // no year: left out
	}
	res := Time(docs, TimeOptions{Years: []int{1805, 1905, 1810, 1910, NoYear}, Bin: 100, Column: "party", Targets: []string{"lenin"}, MinCount: 1})
	if len(res.Bins) != 2 || res.Bins[0] != 1800 || res.Bins[1] != 1900 {
		t.Fatalf("bins = %v, want 1800, 1900", res.Bins)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	var mexico *Stratified
	for i, r := range res.Within {
		if r.Group == "A" && r.Term == "mexico" {
			mexico = &res.Within[i]
		}
	}
	if mexico == nil {
		t.Fatalf("no A/mexico row in %+v", res.Within)
	}
	if !near(mexico.Naive, 1.209837923778334) || !near(mexico.LogOdds, -0.09622803209455377) || !near(mexico.SE, 0.7495182527077928) ||
		!near(mexico.CMH, -0.015516014234875444) || !near(mexico.P, 0.9008692890788841) || mexico.Target != 10 || mexico.Reference != 3 {
		t.Errorf("A/mexico = %+v", *mexico)
	}
	var found bool
	for _, tr := range res.Trends {
		if tr.Kind == "target" && tr.Group == "A" && tr.Bin == 1800 {
			found = true
			if tr.Count != 3 || tr.Words != 1000 || !near(tr.Per10k, 30) || !near(tr.Low, 10.207838811386194) || !near(tr.High, 87.83014053503176) {
				t.Errorf("trend A 1800 = %+v", tr)
			}
		}
	}
	if !found {
		t.Errorf("no trend for A in the 1800s: %+v", res.Trends)
	}
}

// TestTimeBinAndYear: the bin width that keeps 20 bins or fewer, and the
// years read from metadata values.
func TestTimeBinAndYear(t *testing.T) {
	if w := TimeBin([]int{1790, 2018, NoYear}); w != 20 {
		t.Errorf("1790–2018: bin %d years, want 20 (bins 89 to 100 of 20 years: 12; of 10 years, 179 to 201: 23)", w)
	}
	if w := TimeBin([]int{2001, 2005}); w != 1 {
		t.Errorf("2001–2005: bin %d, want 1", w)
	}
	for v, want := range map[string]int{"1861": 1861, "1861-03-04": 1861, "1861/3": 1861, "-44": -44} {
		if y, ok := Year(v); !ok || y != want {
			t.Errorf("Year(%q) = %d, %v; want %d", v, y, ok, want)
		}
	}
	for _, v := range []string{"", "March 1861", "86-03"} {
		if y, ok := Year(v); ok {
			t.Errorf("Year(%q) = %d, want none", v, y)
		}
	}
	if BinLabel(1790, 10) != "1790–1799" || BinLabel(1861, 1) != "1861" {
		t.Errorf("labels %q %q", BinLabel(1790, 10), BinLabel(1861, 1))
	}
}
