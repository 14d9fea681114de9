package main

import (
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
)

// TestTimeOutputs: with --time, trends.csv follows each target per time
// bin and party, its counts adding up to targets.csv's per party (every
// document is dated but one, whose undated row errors.csv names), the
// within-time contrast is written, and the page shows the trend charts.
// The corpus is generated from the seeds: 40 documents, years 1800–1995
// by fives, parties alternating.
func TestTimeOutputs(t *testing.T) {
	corpus, meta := datedCorpus(t)
	out := seedsRun(t, "run", "--meta", meta, "--group-by", "party", "--time", "year", "--targets", "lenin;party", corpus)

	want := map[string]int{} // target/party → count over the dated documents
	for _, r := range readCSV(t, filepath.Join(out, "targets.csv")) {
		if r["scope"] == "document" && r["unit"] != "doc39" {
			n, _ := strconv.Atoi(r["count"])
			i, _ := strconv.Atoi(strings.TrimPrefix(r["unit"], "doc"))
			want[r["target"]+"/"+[]string{"left", "right"}[i%2]] += n
			want[r["target"]+"/all"] += n
		}
	}
	got := map[string]int{}
	bins := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(out, "trends.csv")) {
		n, _ := strconv.Atoi(r["count"])
		got[r["item"]+"/"+r["group"]] += n
		bins[r["bin"]] = true
	}
	if len(want) != 6 {
		t.Fatalf("targets.csv gave %v", want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("trends.csv counts %s %d times, targets.csv %d", k, got[k], n)
		}
	}
	// 1800–1990: 10-year bins, the narrowest giving at most 20 (5-year
	// bins would give 39).
	if !bins["1800–1809"] || !bins["1990–1999"] || len(bins) != 20 {
		t.Errorf("bins %v, want twenty of 10 years from 1800–1809", bins)
	}
	if rows := readCSV(t, filepath.Join(out, "keyness_within_time.csv")); len(rows) == 0 || rows[0]["column"] != "party" {
		t.Errorf("keyness_within_time.csv: %d rows", len(rows))
	}
	errs, _ := os.ReadFile(filepath.Join(out, "errors.csv"))
	if !strings.Contains(string(errs), `\"unknown\" is not a year`) && !strings.Contains(string(errs), `"unknown"" is not a year`) {
		t.Errorf("errors.csv does not name the undated document:\n%s", errs)
	}
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, s := range []string{"Trend: lenin", "Trend: party", "charts/trend_target_lenin.svg", "Distinctive within time"} {
		if !strings.Contains(string(page), s) {
			t.Errorf("index.html lacks %q", s)
		}
	}
}

// TestMisspeltTimeColumn: --time naming no column is refused before any
// document is read, naming the columns there are.
func TestMisspeltTimeColumn(t *testing.T) {
	var stdout, stderr strings.Builder
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"--out", filepath.Join(t.TempDir(), "out"), "--progress", "none", "--time", "yaer"})
	err := cmd.Execute()
	if err == nil || !strings.Contains(err.Error()+stderr.String(), "no such column") {
		t.Errorf("--time yaer: %v %s, want a refusal naming the columns", err, stderr.String())
	}
}

// TestReferenceKeyness: --reference compares with a background corpus
// instead of the rest: a folder of texts (profiled as the corpus) or a
// frequency list. keyness.csv's rows then name the reference and include
// the corpus as a whole; a list with no count column is refused, naming
// the file and the columns it has.
func TestReferenceKeyness(t *testing.T) {
	dir := t.TempDir()
	texts := pipeline.Synthesize(seedTexts(t), 3, 4000, 9)
	writeFiles(t, filepath.Join(dir, "ref"), map[string]string{"r1.txt": texts[0], "r2.txt": texts[1], "r3.txt": texts[2]})
	writeFiles(t, dir, map[string]string{
		"freq.csv": "term,count\nthe,600\nparty,3\nLenin,2\nrevolution,1\n",
		"bad.csv":  "term,n_words\nthe,6\n",
	})
	for _, ref := range []string{filepath.Join(dir, "ref"), filepath.Join(dir, "freq.csv")} {
		out := seedsRun(t, "--reference", ref)
		scopes := map[string]bool{}
		for _, r := range readCSV(t, filepath.Join(out, "keyness.csv")) {
			if r["reference"] != "reference" {
				t.Fatalf("%s: a keyness row against %q", ref, r["reference"])
			}
			scopes[r["scope"]] = true
		}
		if !scopes["corpus"] || !scopes["document"] {
			t.Errorf("%s: scopes %v, want documents and the corpus", ref, scopes)
		}
		page, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if !strings.Contains(string(page), "The comparison is with the reference corpus "+filepath.Base(ref)) {
			t.Errorf("%s: the page does not say what keyness compares with", ref)
		}
	}
	var stdout, stderr strings.Builder
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"--out", filepath.Join(t.TempDir(), "out"), "--progress", "none", "--reference", filepath.Join(dir, "bad.csv")})
	err := cmd.Execute()
	if msg := fmt.Sprint(err) + stderr.String(); err == nil || !strings.Contains(msg, "bad.csv") || !strings.Contains(msg, "n_words") {
		t.Errorf("a list without a count column: %v %s", err, stderr.String())
	}
}

// datedCorpus writes 40 documents generated from the seeds, with a
// metadata table of party (left, right alternating) and year (1800 to
// 1990 by fives; the last "unknown").
func datedCorpus(t *testing.T) (corpus, meta string) {
	t.Helper()
	dir := t.TempDir()
	corpus, meta = filepath.Join(dir, "corpus"), filepath.Join(dir, "meta.csv")
	table := "id,party,year\n"
	files := map[string]string{}
	for i, doc := range pipeline.Synthesize(seedTexts(t), 40, 3000, 5) {
		id := fmt.Sprintf("doc%02d", i)
		files[id+".txt"] = doc
		year := strconv.Itoa(1800 + 5*i)
		if i == 39 {
			year = "unknown"
		}
		table += fmt.Sprintf("%s,%s,%s\n", id, []string{"left", "right"}[i%2], year)
	}
	writeFiles(t, corpus, files)
	writeFiles(t, dir, map[string]string{"meta.csv": table})
	return corpus, meta
}

// TestMethodsReportInBrowser: the report of a run with every method on
// (attribution with its evidence and verification, differential
// collocates, time) renders in Chromium with no console error, no request
// and every figure drawn. STYLOMETER_SCREENSHOTS=DIR keeps screenshots of
// each section.
func TestMethodsReportInBrowser(t *testing.T) {
	b := startBrowser(t, findBrowser(t))
	corpus, meta := datedCorpus(t)
	out := seedsRun(t, "run", "--meta", meta, "--group-by", "party", "--label", "party", "--time", "year",
		"--targets", "lenin;party", "--imposters", "10", corpus)
	p := b.inspect(t, filepath.Join(out, "index.html"), os.Getenv("STYLOMETER_SCREENSHOTS") != "")
	saveShots(t, "methods", p)
	if p.Figures < 10 {
		t.Errorf("the report shows %d figures", p.Figures)
	}
	for _, f := range p.failures() {
		t.Error(f)
	}
}

// TestUnmatchedTargetWarned: a target no document names (a typo, a
// pattern) is warned about on stderr and listed on the page; the others
// are not.
func TestUnmatchedTargetWarned(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr strings.Builder
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"--out", out, "--progress", "none", "--targets", "Lenin;Lennin;peasant*"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, name := range []string{"Lennin", "peasant*"} {
		want := fmt.Sprintf("target %q matches nothing", name)
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr.String())
		}
		if !strings.Contains(string(page), fmt.Sprintf("target &#34;%s&#34; matches nothing", name)) && !strings.Contains(string(page), fmt.Sprintf("target &quot;%s&quot; matches nothing", name)) {
			t.Errorf("the page does not list %s", name)
		}
	}
	if strings.Contains(stderr.String(), `target "Lenin" matches`) {
		t.Error("Lenin, which the seeds name, is warned about")
	}
}

// TestKeynessTotals: by default a document's keyness rates divide by all
// its words (documents.csv's tokens); with --keyness-totals terms by its
// content words (tokens × lexical_density, lexical_density being content
// words / words); any other value is refused, naming the flag.
func TestKeynessTotals(t *testing.T) {
	for _, totals := range []string{"words", "terms"} {
		out := seedsRun(t, "--keyness-totals", totals)
		words := map[string]float64{}
		for _, d := range readCSV(t, filepath.Join(out, "documents.csv")) {
			n, _ := strconv.ParseFloat(d["tokens"], 64)
			if totals == "terms" {
				ld, _ := strconv.ParseFloat(d["lexical_density"], 64)
				n = math.Round(n * ld)
			}
			words[d["doc_id"]] = n
		}
		checked := 0
		for _, r := range readCSV(t, filepath.Join(out, "keyness.csv")) {
			if r["scope"] != "document" {
				continue
			}
			a, _ := strconv.ParseFloat(r["n_target"], 64)
			rate, _ := strconv.ParseFloat(r["rate_target"], 64)
			if want := a / words[r["target"]] * 1e4; math.Abs(rate-want) > 1e-9*want {
				t.Fatalf("--keyness-totals %s: %s's %s: rate %v, want %v / %v words × 10,000 = %v", totals, r["target"], r["term"], rate, a, words[r["target"]], want)
			}
			checked++
		}
		if checked == 0 {
			t.Fatalf("--keyness-totals %s: no document rows", totals)
		}
	}
	var stdout, stderr strings.Builder
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"--out", filepath.Join(t.TempDir(), "out"), "--progress", "none", "--keyness-totals", "content"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--keyness-totals") {
		t.Errorf("--keyness-totals content: %v, want a refusal naming the flag", err)
	}
}

// TestStyloComparabilitySaid: the report says whether the distances can be
// set beside stylo's: not with the default word:1 (prose's tokens: issue
// 14, item 7), yes with stylo:1 (stylo's own tokenizer).
func TestStyloComparabilitySaid(t *testing.T) {
	for _, tc := range []struct{ features, want string }{
		{"word:1", "the words are not stylo's tokens"},
		{"stylo:1", "the MFW and the distances are those stylo gives"},
	} {
		out := seedsRun(t, "--features", tc.features)
		page, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html.UnescapeString(string(page)), tc.want) {
			t.Errorf("--features %s: the page does not say %q", tc.features, tc.want)
		}
	}
}
