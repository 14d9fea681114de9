package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// seedTexts returns the five seed essays in file order.
func seedTexts(t *testing.T) []string {
	t.Helper()
	texts, err := pipeline.SeedTexts()
	if err != nil || len(texts) != 5 {
		t.Fatalf("seed texts: %d, %v", len(texts), err)
	}
	return texts
}

func metaCSV(rows [][]string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows)
	return b.String()
}

// TestZeroVectorDocument: a document with none of the most frequent words
// (digits only) among good ones is reported by name, gets empty distance
// cells where the measure is undefined, is left out of the views built on
// such a measure, and every other result is written.
func TestZeroVectorDocument(t *testing.T) {
	dir := t.TempDir()
	texts := seedTexts(t)
	files := map[string]string{"digits.txt": "1917 1918 1919 1920 1921"}
	for i, s := range texts {
		files[string(rune('a'+i))+".txt"] = s
	}
	writeFiles(t, dir, files)
	for _, tc := range []struct {
		measures string
		placed   bool // digits is in the tree
	}{
		{"delta,cosine", true},  // Delta is defined for a zero row (z-scores exist)
		{"cosine,delta", false}, // the views use cosine, undefined for it
	} {
		out := filepath.Join(t.TempDir(), "out")
		_, stderr, err := cli(t, "run", "--progress", "none", "--out", out, "--mfw", "20", "--measures", tc.measures, dir)
		if err != nil {
			t.Fatalf("--measures %s: %v\n%s", tc.measures, err, stderr)
		}
		digits := filepath.ToSlash(filepath.Join(dir, "digits.txt"))
		if !strings.Contains(stderr, digits+": cosine distances undefined") {
			t.Errorf("--measures %s: stderr does not name %s with its undefined measure:\n%s", tc.measures, digits, stderr)
		}
		for _, row := range readCSV(t, filepath.Join(out, "distances.csv")) {
			if row["doc_a"] != "digits" && row["doc_b"] != "digits" || row["doc_a"] == row["doc_b"] {
				continue
			}
			if empty := row["value"] == ""; empty != (row["measure"] == "cosine") {
				t.Errorf("--measures %s: %s %s–%s = %q, want empty for cosine only", tc.measures, row["measure"], row["doc_a"], row["doc_b"], row["value"])
			}
		}
		var leaves []string
		for _, row := range readCSV(t, filepath.Join(out, "mds.csv")) {
			leaves = append(leaves, row["doc_id"])
		}
		if got := slices.Contains(leaves, "digits"); got != tc.placed || len(leaves) < 5 {
			t.Errorf("--measures %s: mds.csv rows %v: digits placed = %v, want %v", tc.measures, leaves, got, tc.placed)
		}
		if left := strings.Contains(stderr, digits+": left out of the tree"); left == tc.placed {
			t.Errorf("--measures %s: the note that digits is left out of the tree: %v, want %v", tc.measures, left, !tc.placed)
		}
		for _, f := range []string{"clusters.csv", "consensus.csv", "network_edges.csv", "keyness.csv", "index.html", "charts/dendrogram.svg"} {
			if !fileExists(filepath.Join(out, f)) {
				t.Errorf("--measures %s: %s not written", tc.measures, f)
			}
		}
	}
	// Samples of 5 words: many have none of the MFW; the run still ends.
	// (The first 400 words of three essays: ~240 samples. On the whole
	// seeds, 5,747 samples, the run also ends, in minutes: MDS's full
	// eigendecomposition is O(n³), the scale issue's to make cheaper.)
	small := t.TempDir()
	for i, s := range texts[:3] {
		w := strings.Fields(s)
		writeFiles(t, small, map[string]string{string(rune('a'+i)) + ".txt": strings.Join(w[:400], " ")})
	}
	_, stderr, err := cli(t, "run", "--progress", "none", "--out", filepath.Join(t.TempDir(), "out"), "--sample-size", "5", small)
	if err != nil {
		t.Errorf("--sample-size 5: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "distances undefined") {
		t.Errorf("--sample-size 5: no sample reported with undefined distances; the test no longer exercises them:\n%s", stderr)
	}
	// Named one by one up to maxNotes, then counted.
	if n := strings.Count(stderr, "distances undefined ("); n != 10 || !regexp.MustCompile(`… and \d+ more texts with undefined distances`).MatchString(stderr) {
		t.Errorf("--sample-size 5: %d texts named with undefined distances, want 10 (stylometry names ten texts of a kind) and a count of the rest:\n%s", n, stderr)
	}
}

// TestHarmlessNamesAndChartFiles: names that look like markup or script to
// a pattern ("Part One = Intro", "go online=now", "javascript:") are data,
// and names that slug alike (non-Latin, "Left!"/"left?") each get a chart
// file of their own, linked from the report. An empty group value is
// reported, not silently left out of "the rest".
func TestHarmlessNamesAndChartFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "corpus")
	texts := seedTexts(t)
	ids := []string{"Part One = Intro", "go online=now", "javascript:", "左派", "Ленин", "sixth"}
	stances := []string{"左派", "Ленин", "Left!", "left?", "javascript:", ""}
	files := map[string]string{}
	rows := [][]string{{"id", "stance"}}
	for i, id := range ids {
		files[id+".txt"] = texts[i%len(texts)]
		rows = append(rows, []string{id, stances[i]})
	}
	writeFiles(t, dir, files)
	meta := filepath.Join(root, "meta.csv")
	writeFiles(t, root, map[string]string{"meta.csv": metaCSV(rows)})
	out := filepath.Join(root, "out")
	targets := "Ленин=lenin;列宁=lenin|lenin's;Revolution!=revolution;revolution?=revolution|revolutions"
	_, stderr, err := cli(t, "run", "--progress", "none", "--out", out, "--meta", meta, "--group-by", "stance", "--targets", targets, dir)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		glob string
		want int
	}{{"fightin_stance_*.svg", 5}, {"collocates_*.svg", 4}} {
		got, _ := filepath.Glob(filepath.Join(out, "charts", c.glob))
		if len(got) != c.want {
			t.Errorf("charts/%s: %d files %v, want %d (one per name)", c.glob, len(got), got, c.want)
		}
		for _, f := range got {
			if href := `href="charts/` + filepath.Base(f) + `"`; !strings.Contains(string(html), href) {
				t.Errorf("index.html does not link %s", href)
			}
		}
	}
	errs, _ := os.ReadFile(filepath.Join(out, "errors.csv"))
	if want := "sixth.txt,metadata,empty stance"; !strings.Contains(string(errs), want) {
		t.Errorf("errors.csv lacks %q:\n%s", want, errs)
	}
}

// TestAllInputsFail: when no document can be read the run exits 1 and
// still writes errors.csv, saying why for each file.
func TestAllInputsFail(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "PK\x03\x04\x00\x00", "b.txt": ""})
	out := filepath.Join(t.TempDir(), "out")
	_, _, err := cli(t, "run", "--progress", "none", "--out", out, dir)
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "errors.csv") {
		t.Errorf("err = %v, want exit 1 pointing at errors.csv", err)
	}
	rows := readCSV(t, filepath.Join(out, "errors.csv"))
	if len(rows) != 2 || !strings.HasSuffix(rows[0]["path"], "a.txt") || !strings.HasSuffix(rows[1]["path"], "b.txt") {
		t.Errorf("errors.csv = %v, want a row for a.txt and b.txt", rows)
	}
	if !reports.Ours(out) || !fileExists(filepath.Join(out, "index.html")) {
		t.Error("no manifest.json or index.html beside errors.csv")
	}
}

// TestOptionsCheckedFirst: every bad setting is refused before any
// document is read (the corpus named does not even exist), naming the flag.
func TestOptionsCheckedFirst(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.toml")
	writeFiles(t, filepath.Dir(cfg), map[string]string{"c.toml": "[framing]\nwindow = 0\n"})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--window", "0"}, `--window (framing.window) 0: want 1 or more`},
		{[]string{"--window", "-3"}, `--window (framing.window) -3: want 1 or more`},
		{[]string{"--context", "-3"}, `--context (framing.context) -3: want 1 or more`},
		{[]string{"--slice", "0"}, `--slice (framing.slice) 0: want 1 or more`},
		{[]string{"--min-count", "0"}, `--min-count (framing.min_count) 0: want 1 or more`},
		{[]string{"--culling", "NaN"}, `--culling (stylometry.culling) NaN: want a percentage from 0 to 100`},
		{[]string{"--culling", "101"}, `--culling (stylometry.culling) 101: want a percentage`},
		{[]string{"--mfw", "1-100000000:1"}, `--mfw (stylometry.mfw) "1-100000000:1": 100000000 settings, at most 200`},
		{[]string{"--mfw", "100-abc"}, `--mfw (stylometry.mfw) "100-abc": range "100-abc" wants from-to:step`},
		{[]string{"--linkage", "bogus"}, `--linkage (stylometry.linkage) "bogus": want ward.D2, ward.D, average, complete or single`},
		{[]string{"--measures", "bogus"}, `--measures (stylometry.measures) "bogus": want delta, argamon`},
		{[]string{"--classifiers", "knn,svn"}, `--classifiers (stylometry.classifiers) "svn": want some of knn, centroid, nsc, svm`},
		{[]string{"--classifiers", "none,svm"}, `--classifiers (stylometry.classifiers) "none": want some of`},
		{[]string{"--keyness-totals", "content"}, `--keyness-totals (framing.keyness_totals) "content": want words or terms`},
		{[]string{"--prior", "bogus"}, `--prior (framing.prior) "bogus": want corpus or uniform:A`},
		{[]string{"--stopwords", "klingon"}, `--stopwords (framing.stopwords) "klingon": want none or english`},
		{[]string{"--lexicon", "missing.csv"}, `--lexicon (framing.lexicon) "missing.csv": cannot be read`},
		{[]string{"--sample-size", "-1"}, `--sample-size (stylometry.sample_size) -1: want 0`},
		{[]string{"--rolling", "1000"}, `--rolling (stylometry.rolling) 1000: needs label`},
		{[]string{"--label", "stance", "--rolling", "-5"}, `--rolling (stylometry.rolling) -5: want 0 (off) or a window length in words`},
		{[]string{"--label", "stance", "--rolling", "100", "--rolling-step", "101"}, `--rolling-step (stylometry.rolling_step) 101: want 0 (a tenth of the window) or 1 to the window's length (100)`},
		{[]string{"--label", "stance", "--rolling", "100", "--rolling-step", "-1"}, `--rolling-step (stylometry.rolling_step) -1: want 0`},
		{[]string{"--features", "word:x"}, `--features (stylometry.features) "word:x": want word:N`},
		{[]string{"--config", cfg}, `--window (framing.window) 0: want 1 or more`},
		{[]string{"--wndow", "5"}, "unknown flag: --wndow"},
	} {
		args := append(append([]string{"run", "--progress", "none", "--out", filepath.Join(t.TempDir(), "out")}, tc.args...), "no-such-corpus")
		_, _, err := cli(t, args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "no-such-corpus") || exitCode(err) != 2 {
			t.Errorf("%v: err = %v (exit %d), want exit 2 and %q, before the corpus is looked at", tc.args, err, exitCode(err), tc.want)
		}
	}
	// A misspelt metadata column is refused before the documents are read.
	for _, args := range [][]string{{"--group-by", "stanse"}, {"--label", "autor"}} {
		_, _, err := cli(t, append([]string{"--progress", "none", "--out", filepath.Join(t.TempDir(), "out")}, args...)...)
		if err == nil || exitCode(err) != 2 || !regexp.MustCompile(`"`+args[1]+`": the metadata has no such column \(it has: .*stance`).MatchString(err.Error()) {
			t.Errorf("%v: err = %v, want exit 2, the column refused with the columns there are", args, err)
		}
	}
}

// TestProfileCache: a second run that changes only an analysis setting
// (--mfw) takes every profile from the cache and writes exactly what a
// run without the cache writes; a run with other text rules does not use
// those profiles.
func TestProfileCache(t *testing.T) {
	cache := t.TempDir()
	run := func(args ...string) (string, string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out")
		_, stderr, err := cli(t, append([]string{"--progress", "none", "--out", out}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		return out, stderr
	}
	if _, stderr := run("--cache", cache); strings.Contains(stderr, "from the profile cache") {
		t.Fatalf("first run used a cache that was empty:\n%s", stderr)
	}
	cached, stderr := run("--cache", cache, "--mfw", "200")
	if !strings.Contains(stderr, "5 of 5 documents from the profile cache") {
		t.Errorf("second run did not take the 5 profiles from the cache:\n%s", stderr)
	}
	fresh, _ := run("--no-cache", "--mfw", "200")
	sameOutputs(t, cached, fresh, "the cached and the uncached run")
	if _, stderr := run("--cache", cache, "--keep-case"); strings.Contains(stderr, "from the profile cache") {
		t.Errorf("a run with other text rules used the cached profiles:\n%s", stderr)
	}
}

// TestFirstDocumentWithoutKeyness: a corpus whose first document has no
// keyness row (its only word is under --min-count) draws one chart of the
// documents' distinctive words, not two of the same name (a panic).
func TestFirstDocumentWithoutKeyness(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Zinoviev.", "b.txt": essay, "c.txt": essay + " Trotsky spoke. The party spoke."})
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, err := cli(t, "run", "--out", out, "--progress", "none", dir); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "charts", "keyness_document.svg")); err != nil {
		t.Error(err)
	}
}
