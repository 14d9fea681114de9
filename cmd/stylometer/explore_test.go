package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPairsOnPage: with --pairs the report shows the pairwise contrasts of
// the seeds' four stances: a <select> of the 6 pairs in code-point order
// and, for each pair, its chart and its table, all in the page (the
// script shows one). Each side's first row is keyness.csv's highest
// log-odds z of that ordered pair.
func TestPairsOnPage(t *testing.T) {
	out := seedsRun(t, "--pairs")
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	sel := regexp.MustCompile(`(?s)<p class="chooser"><label>Pair <select>(.*?)</select>`).FindStringSubmatch(page)
	if sel == nil {
		t.Fatal("no pair chooser on the page")
	}
	var pairs []string
	for _, m := range regexp.MustCompile(`<option value="(\d+)">([^<]*)</option>`).FindAllStringSubmatch(sel[1], -1) {
		if m[1] != strconv.Itoa(len(pairs)) {
			t.Errorf("option %q has value %s", m[2], m[1])
		}
		pairs = append(pairs, html.UnescapeString(m[2]))
	}
	stances := []string{"cpi-m", "libertarian-left", "swp", "trotskyist"} // seeds/metadata.csv, code-point order
	var want []string
	for i, a := range stances {
		for _, b := range stances[i+1:] {
			want = append(want, a+" · "+b)
		}
	}
	if strings.Join(pairs, "|") != strings.Join(want, "|") {
		t.Fatalf("pairs %q, want %q", pairs, want)
	}

	// The highest z of each ordered pair in keyness.csv (its rows are in
	// descending z within a comparison).
	top := map[[2]string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "keyness.csv")) {
		k := [2]string{r["target"], r["reference"]}
		if r["scope"] != "stance" || r["reference"] == "rest" || top[k] != "" {
			continue
		}
		if z, _ := strconv.ParseFloat(r["log_odds_z"], 64); z > 0 {
			top[k] = r["term"]
		}
	}
	choices := regexp.MustCompile(`(?s)<div class="choice" data-choice="(\d+)"><h4>([^<]*)</h4>(.*?)</tbody></table>`).FindAllStringSubmatch(page, -1)
	if len(choices) != len(want) {
		t.Fatalf("%d pair blocks, want %d", len(choices), len(want))
	}
	row := regexp.MustCompile(`<tr><td>([^<]*)</td><td class="term"[^>]*>([^<]*)</td>`)
	for i, c := range choices {
		if c[1] != strconv.Itoa(i) || html.UnescapeString(c[2]) != want[i] {
			t.Errorf("block %d is %s %q, want %d %q", i, c[1], c[2], i, want[i])
		}
		if !strings.Contains(c[3], "<svg") || !strings.Contains(c[3], `data-term="`) {
			t.Errorf("%s: no chart of terms", want[i])
		}
		first := map[string]string{} // side -> its first term
		for _, m := range row.FindAllStringSubmatch(c[3], -1) {
			if _, ok := first[m[1]]; !ok {
				first[m[1]] = html.UnescapeString(m[2])
			}
		}
		ab := strings.Split(want[i], " · ")
		for _, k := range [][2]string{{ab[0], ab[1]}, {ab[1], ab[0]}} {
			if first[k[0]] == "" || first[k[0]] != top[k] {
				t.Errorf("%s: first term more in %s is %q, keyness.csv's top is %q", want[i], k[0], first[k[0]], top[k])
			}
		}
	}
}
