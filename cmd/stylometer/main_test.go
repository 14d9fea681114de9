package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
	"github.com/stylometer/stylometer/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from this run")

// seedsRun runs the CLI on the embedded seeds into a temporary folder and
// returns that folder.
func seedsRun(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs(append([]string{"--out", out, "--progress", "none"}, args...))
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("stylometer %v: %v\nstderr:\n%s", args, err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "report: ") || !strings.Contains(stdout.String(), "index.html") {
		t.Errorf("stdout = %q, want the report's path", stdout.String())
	}
	return out
}

// files returns every file of dir by relative name.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// withoutRuntime drops the manifest's runtime field (timings, workers).
func withoutRuntime(t *testing.T, b []byte) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "runtime")
	out, _ := json.MarshalIndent(m, "", "  ")
	return out
}

func TestSeedsGolden(t *testing.T) {
	got := files(t, seedsRun(t))
	golden := "testdata/golden"
	for _, name := range []string{"documents.csv", "terms.csv", "pos.csv", "errors.csv", "manifest.json"} {
		if _, ok := got[name]; !ok {
			t.Errorf("output %s is missing", name)
		}
	}
	if *update {
		_ = os.RemoveAll(golden)
	}
	for name, b := range got {
		if !strings.HasSuffix(name, ".csv") && name != "manifest.json" {
			continue
		}
		if name == "manifest.json" {
			b = withoutRuntime(t, b)
		}
		path := filepath.Join(golden, filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no golden file (run go test ./cmd/stylometer -update): %v", name, err)
			continue
		}
		if !bytes.Equal(want, b) {
			t.Errorf("%s differs from %s (rerun with -update after review)\n%s", name, path, firstDiff(want, b))
		}
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			return "line " + itoa(i+1) + ":\nwant: " + clip(wl[i]) + "\ngot:  " + clip(gl[i])
		}
	}
	return "lengths differ: want " + itoa(len(wl)) + " lines, got " + itoa(len(gl))
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// sameOutputs fails unless the output folders a and b hold the same files
// with the same bytes, the manifest's runtime field aside.
func sameOutputs(t *testing.T, a, b, what string) {
	t.Helper()
	x, y := files(t, a), files(t, b)
	if len(x) != len(y) {
		t.Fatalf("%s: %d files against %d", what, len(x), len(y))
	}
	for name, bx := range x {
		by := y[name]
		if name == "manifest.json" {
			bx, by = withoutRuntime(t, bx), withoutRuntime(t, by)
		}
		if !bytes.Equal(bx, by) {
			t.Errorf("%s differs between %s", name, what)
		}
	}
}

func TestWorkersByteIdentical(t *testing.T) {
	sameOutputs(t, seedsRun(t, "--workers", "1"), seedsRun(t, "--workers", "4"), "--workers 1 and 4")
}

func TestNoTermJoinsAcrossDashes(t *testing.T) {
	out := seedsRun(t)
	counts := map[string]int{}
	for _, r := range readCSV(t, filepath.Join(out, "terms.csv")) {
		term := r["term"]
		if strings.ContainsAny(term, "\u2014\u2013’‘“”") {
			t.Errorf("term %q holds a dash or a curly quote", term)
		}
		counts[term]++
	}
	// The seeds write both "Lenin’s" and "Lenin's"; both count as "lenin" + "'s".
	if counts["'s"] == 0 || counts["lenin"] == 0 || counts["lenin's"] != 0 {
		t.Errorf("possessive: docs with 's = %d, lenin = %d, lenin's = %d", counts["'s"], counts["lenin"], counts["lenin's"])
	}
}

func TestBadInputsAreReported(t *testing.T) {
	dir := t.TempDir()
	good := "The soviets took power. The workers and the peasants followed the party."
	for name, data := range map[string]string{"good1.txt": good, "good2.txt": good + " Lenin wrote.", "binary.txt": "PK\x03\x04\x00\x00binary", "empty.txt": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Unreadable: a dangling link (root can read a mode-000 file).
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "unreadable.txt")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"run", "--out", out, "--progress", "none", dir})
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "errors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"binary.txt,decode,binary file: NUL byte at offset 4", "empty.txt,read,empty file", "unreadable.txt,read,"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("errors.csv lacks %q:\n%s", want, b)
		}
	}
	docs, _ := os.ReadFile(filepath.Join(out, "documents.csv"))
	if n := strings.Count(string(docs), "\n"); n != 3 {
		t.Errorf("documents.csv has %d lines, want header + 2 good texts:\n%s", n, docs)
	}
	// --strict turns those rows into a non-zero exit, and keeps the output.
	cmd = newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"run", "--out", out, "--progress", "none", "--strict", dir})
	if err := cmd.ExecuteContext(context.Background()); exitCode(err) != 3 {
		t.Errorf("--strict: err = %v (exit %d), want exit 3", err, exitCode(err))
	}
}

func TestFailedRunKeepsPreviousOutput(t *testing.T) {
	out := seedsRun(t)
	before := files(t, out)
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"run", "--out", out, "--progress", "none", "--boilerplate", "([", "missing-dir"})
	if err := cmd.ExecuteContext(context.Background()); err == nil {
		t.Fatal("run with a bad input succeeded")
	}
	after := files(t, out)
	if len(after) != len(before) || !bytes.Equal(after["terms.csv"], before["terms.csv"]) {
		t.Error("a failed run changed the previous output")
	}
}

func TestUnknownConfigKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(p, []byte("group_by = [\"stance\"]\n[stylometry]\nmfv = \"100\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"--config", p, "--progress", "none", "--out", t.TempDir()})
	err := cmd.ExecuteContext(context.Background())
	if err == nil || !strings.Contains(err.Error(), "stylometry.mfv") {
		t.Errorf("unknown key: err = %v, want it named", err)
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func TestKWICQuotesTheOriginal(t *testing.T) {
	out := seedsRun(t)
	rows := readCSV(t, filepath.Join(out, "kwic.csv"))
	if len(rows) < 100 {
		t.Fatalf("kwic.csv has %d rows; the seeds name their targets hundreds of times", len(rows))
	}
	texts := map[string]string{}
	for _, r := range rows {
		id := r["doc_id"]
		if _, ok := texts[id]; !ok {
			b, err := fs.ReadFile(seeds.FS(), id+".txt")
			if err != nil {
				t.Fatal(err)
			}
			texts[id] = string(b)
		}
		text := texts[id]
		pos, err := strconv.Atoi(r["position"])
		if err != nil || pos < 0 || pos+len(r["keyword"]) > len(text) {
			t.Fatalf("row %v: bad position", r)
		}
		if got := text[pos : pos+len(r["keyword"])]; got != r["keyword"] {
			t.Errorf("%s@%d: keyword %q, original has %q", id, pos, r["keyword"], got)
		}
	}
}

// TestEveryColumnIsDocumented fails when a CSV the seeds run writes (with
// attribution and samples on) has a file or a column that the data
// dictionary does not describe.
func TestEveryColumnIsDocumented(t *testing.T) {
	for _, args := range [][]string{nil, {"--label", "stance", "--sample-size", "1000"},
		{"--label", "stance", "--group-by", "stance", "--imposters", "20", "--time", "date"},
		{"--label", "stance", "--rolling", "1000"}} {
		out := seedsRun(t, args...)
		for name, b := range files(t, out) {
			if !strings.HasSuffix(name, ".csv") {
				continue
			}
			d := reports.Lookup(name)
			if d == nil {
				t.Errorf("%s is not in the data dictionary", name)
				continue
			}
			head, err := csv.NewReader(bytes.NewReader(b)).Read()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, c := range head {
				if !d.Documents(c) {
					t.Errorf("%s: column %q is not in the data dictionary", name, c)
				}
			}
		}
		dict := files(t, out)["DATA.md"]
		for _, m := range pipeline.DocMeasures {
			if !bytes.Contains(dict, []byte("| "+m.Name+" |")) {
				t.Errorf("DATA.md lacks measure %s", m.Name)
			}
		}
	}
}

// TestRollingOutputs: with --rolling, rolling.csv has a row per window of
// each labelled document long enough (the counts follow from the words in
// documents.csv), its words and labels are consistent, a chart is drawn
// per document and the page says how to read them; without it, none of
// this is written.
func TestRollingOutputs(t *testing.T) {
	out := seedsRun(t, "--label", "stance", "--rolling", "1000", "--rolling-step", "250")
	docs := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		docs[r["doc_id"]] = r
	}
	rows := readCSV(t, filepath.Join(out, "rolling.csv"))
	perDoc := map[string]int{}
	for _, r := range rows {
		id := r["doc_id"]
		perDoc[id]++
		start, _ := strconv.Atoi(r["start_word"])
		end, _ := strconv.Atoi(r["end_word"])
		window, _ := strconv.Atoi(r["window"])
		words, _ := strconv.Atoi(docs[id]["tokens"])
		d, _ := strconv.ParseFloat(r["distance"], 64)
		d2, _ := strconv.ParseFloat(r["runner_up_distance"], 64)
		margin, _ := strconv.ParseFloat(r["margin"], 64)
		switch {
		case window != perDoc[id] || start != 1+250*(window-1) || end != start+999 || end > words:
			t.Errorf("%s window %s: words %d-%d of %d", id, r["window"], start, end, words)
		case r["label"] != docs[id]["stance"]:
			t.Errorf("%s: label %q, its stance is %q", id, r["label"], docs[id]["stance"])
		case r["predicted"] == "" || r["runner_up"] == "" || r["predicted"] == r["runner_up"]:
			t.Errorf("%s window %d: predicted %q, runner-up %q", id, window, r["predicted"], r["runner_up"])
		case !(d > 0 && d <= d2 && math.Abs(margin-(d2-d)) < 1e-12):
			t.Errorf("%s window %d: distance %v, runner-up %v, margin %v", id, window, d, d2, margin)
		}
		// obstacles and dhawale are the only essays of their stance:
		// their windows can never be given it.
		if r["predicted"] == r["label"] && (r["label"] == "libertarian-left" || r["label"] == "cpi-m") {
			t.Errorf("%s window %d given its own label, which no other document has", id, window)
		}
	}
	// ⌊(words − 1000)/250⌋ + 1 windows for each essay of 1,000 words or
	// more; socialist-worker is shorter and not rolled through.
	for id, d := range docs {
		words, _ := strconv.Atoi(d["tokens"])
		want := 0
		if words >= 1000 {
			want = (words-1000)/250 + 1
		}
		if perDoc[id] != want {
			t.Errorf("%s (%d words): %d windows, want %d", id, words, perDoc[id], want)
		}
	}
	all := files(t, out)
	page := string(all["index.html"])
	for _, want := range []string{"Rolling attribution: who wrote which part", "As stylo&#39;s rolling.classify()", "windows of 1000 words, starting every 250 words", "shorter than one window of 1000"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	charts := 0
	for name := range all {
		if strings.HasPrefix(name, "charts/rolling_") {
			charts++
		}
	}
	if charts != 4 {
		t.Errorf("%d rolling charts, want one per document rolled through (4)", charts)
	}
	plain := files(t, seedsRun(t, "--label", "stance"))
	for name := range plain {
		if strings.Contains(name, "rolling") {
			t.Errorf("%s written without --rolling", name)
		}
	}
	if strings.Contains(string(plain["index.html"]), "Rolling attribution") {
		t.Error("the page shows rolling attribution without --rolling")
	}
}

func TestSamplingViews(t *testing.T) {
	out := seedsRun(t, "--sample-size", "1000")
	mds := readCSV(t, filepath.Join(out, "mds.csv"))
	// Samples of 1,000 words: the seeds have 1,674 + 8,008 + 4,595 + 13,843
	// + 645 words (documents.csv), so 1 + 8 + 4 + 13 + 0 = 26 samples.
	if len(mds) != 26 {
		t.Errorf("mds.csv has %d rows, want 26 samples", len(mds))
	}
	for _, r := range mds {
		if !strings.Contains(r["doc_id"], "#") {
			t.Errorf("row %q is not a sample id", r["doc_id"])
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("of the pairs of samples from the same document land in the same cluster")) {
		t.Error("the report does not say how often samples of one essay cluster together")
	}
	if !bytes.Contains(page, []byte("shorter than one sample of 1000")) {
		t.Error("the report does not say which essay was too short to sample")
	}
}

// TestStyloReferenceEndToEnd runs the whole pipeline on the seed files as
// stylo read them (no boilerplate rules, stylo's tokenizer: --features
// stylo:1) and compares mfw.csv and the distance matrices with the values
// stylo 0.7.7 computed (analysis/testdata/reference/stylo-seeds-100mfw,
// copied from the project's shared reference set; its README says how), to 1e-9
// relative.
func TestStyloReferenceEndToEnd(t *testing.T) {
	ref := "../../analysis/testdata/reference/stylo-seeds-100mfw"
	if _, err := os.Stat(ref); err != nil {
		t.Fatalf("reference values: %v", err)
	}
	// stylo read the seed files under their original names, which
	// seeds/metadata.csv keeps in source_file; the embedded files are the
	// same bytes.
	seedDir := t.TempDir()
	for _, row := range readCSV(t, "../../seeds/metadata.csv") {
		b, err := fs.ReadFile(seeds.FS(), row["id"]+".txt")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(seedDir, row["source_file"]), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"run", "--out", out, "--progress", "none", "--features", "stylo:1", "--mfw", "100", seedDir})
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// Wide tables keyed by their first column.
	wide := func(path string) (head []string, rows map[string][]string) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows = map[string][]string{}
		for _, r := range recs[1:] {
			rows[r[0]] = r[1:]
		}
		return recs[0][1:], rows
	}
	compared := 0
	close := func(what string, got, want string) {
		compared++
		g, err1 := strconv.ParseFloat(got, 64)
		w, err2 := strconv.ParseFloat(want, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %q vs %q", what, got, want)
		}
		if d := math.Abs(g - w); d > 1e-9*math.Abs(w) && d > 1e-15 {
			t.Errorf("%s = %v, stylo %v", what, g, w)
		}
	}
	gotHead, got := wide(filepath.Join(out, "mfw.csv"))
	wantHead, want := wide(filepath.Join(ref, "freq_table_percent.csv"))
	if !slices.Equal(gotHead, wantHead) {
		t.Fatalf("MFW list differs from stylo's:\n got %v\nwant %v", gotHead[:10], wantHead[:10])
	}
	for doc, w := range want {
		for j := range w {
			close("mfw "+doc+" "+wantHead[j], got[doc][j], w[j])
		}
	}
	for _, m := range []string{"delta", "argamon", "eder", "simple", "wurzburg", "cosine", "minmax", "canberra", "manhattan", "euclidean"} {
		gh, g := wide(filepath.Join(out, "distance_"+m+".csv"))
		wh, w := wide(filepath.Join(ref, "dist_"+m+".csv"))
		if !slices.Equal(gh, wh) {
			t.Fatalf("%s: documents %v, stylo %v", m, gh, wh)
		}
		for doc, row := range w {
			for j := range row {
				close(m+" "+doc+"/"+wh[j], g[doc][j], row[j])
			}
		}
	}
	// 5 documents × 100 MFW, then 10 matrices of 5 × 5.
	if compared != 5*100+10*25 {
		t.Errorf("compared %d values, want %d", compared, 5*100+10*25)
	}
}

// TestPastMaxMatrixSaysSample: past --max-matrix texts the page and the
// charts say that the tree and maps show a sample, and knn.csv holds every
// text's neighbours.
func TestPastMaxMatrixSaysSample(t *testing.T) {
	out := seedsRun(t, "--max-matrix", "3")
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "show a seeded sample of 3 of the 5 texts") {
		t.Error("index.html does not say the views show a sample of 3 of the 5 texts")
	}
	for _, chart := range []string{"dendrogram.svg", "pca.svg"} {
		b, err := os.ReadFile(filepath.Join(out, "charts", chart))
		if err != nil || !strings.Contains(string(b), "a sample of 3 of 5 texts") {
			t.Errorf("%s: no sample in the title (%v)", chart, err)
		}
	}
	docs := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(out, "knn.csv")) {
		docs[r["doc_id"]] = true
	}
	if len(docs) != 5 {
		t.Errorf("knn.csv has neighbours for %d texts, want all 5", len(docs))
	}
}

// TestSampledAttributionLeavesDocumentsOut: with samples, each sample is
// attributed to the label of its nearest sample from another document,
// recomputed here from distance_delta.csv and the seeds' metadata (so no
// sample is attributed by a sibling), and a stance with one essay is
// unattributable and not counted.
func TestSampledAttributionLeavesDocumentsOut(t *testing.T) {
	out := seedsRun(t, "--sample-size", "1000", "--label", "stance")
	stance := map[string]string{}
	for _, r := range readCSV(t, "../../seeds/metadata.csv") {
		stance[r["id"]] = r["stance"]
	}
	essays := map[string]int{}
	for _, s := range stance {
		essays[s]++
	}
	doc := func(id string) string { d, _, _ := strings.Cut(id, "#"); return d }
	f, err := os.Open(filepath.Join(out, "distance_delta.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ids := m[0][1:]
	want := map[string]string{} // sample -> label of its nearest sample of another essay
	for _, row := range m[1:] {
		best, label := math.Inf(1), ""
		for j, v := range row[1:] {
			d, _ := strconv.ParseFloat(v, 64)
			if doc(ids[j]) != doc(row[0]) && d < best {
				best, label = d, stance[doc(ids[j])]
			}
		}
		want[row[0]] = label
	}
	unattributable, attributable := 0, 0
	attribution := readCSV(t, filepath.Join(out, "attribution.csv"))
	checkAttributionLong(t, attribution)
	for _, r := range attribution {
		if r["measure"] != "delta" || r["candidate_rank"] != "1" {
			continue // one row per text: its prediction
		}
		if r["predicted"] != want[r["doc_id"]] {
			t.Errorf("%s: predicted %s, the nearest other essay's stance is %s", r["doc_id"], r["predicted"], want[r["doc_id"]])
		}
		single := essays[stance[doc(r["doc_id"])]] == 1
		if single != (r["attributable"] == "false") || single && r["correct"] != "" {
			t.Errorf("%s (stance of %d essays): attributable %s, correct %q", r["doc_id"], essays[stance[doc(r["doc_id"])]], r["attributable"], r["correct"])
		}
		if single {
			unattributable++
		} else {
			attributable++
		}
	}
	settings := 0
	classifiers := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(out, "attribution_accuracy.csv")) {
		if r["measure"] == "" { // nsc and svm measure no distance
			classifiers[r["classifier"]+" "+r["validation"]] = true
		}
		if r["measure"] != "delta" {
			continue
		}
		classifiers[r["classifier"]+" "+r["validation"]] = true
		if r["classifier"] != "nearest" || r["validation"] != "leave-one-out" {
			continue
		}
		settings++ // the view measure is scored at every setting of the grid
		if r["unattributable"] != strconv.Itoa(unattributable) || r["documents"] != strconv.Itoa(attributable) {
			t.Errorf("accuracy row %v, want %d attributable and %d unattributable", r, attributable, unattributable)
		}
	}
	// Every setting of the grid (seeds/stylometer.toml's, settings with the
	// same features counted once), as cluster_quality.csv scores its trees.
	grid := map[string]bool{}
	for _, r := range readCSV(t, filepath.Join(out, "cluster_quality.csv")) {
		if r["measure"] == "delta" {
			grid[r["mfw"]+"/"+r["culling"]] = true
		}
	}
	if settings != len(grid) || settings < 2 {
		t.Errorf("delta is scored at %d settings, the grid has %d", settings, len(grid))
	}
	// Beside the nearest text by leave-one-out: 10-fold, the 3 nearest's
	// vote, Delta to centroids, nearest shrunken centroids and the linear
	// SVM, each by both validations.
	for _, c := range []string{"nearest 10-fold", "knn leave-one-out", "knn 10-fold", "centroid leave-one-out", "centroid 10-fold", "nsc leave-one-out", "nsc 10-fold", "svm leave-one-out", "svm 10-fold"} {
		if !classifiers[c] {
			t.Errorf("attribution_accuracy.csv has no row for %s (has %v)", c, classifiers)
		}
	}
	if unattributable == 0 || attributable == 0 {
		t.Fatalf("%d unattributable, %d attributable samples: the test exercises nothing", unattributable, attributable)
	}
}

// checkAttributionLong checks attribution.csv's long format: each text's
// rows of a measure are together and ranked 1, 2, … by distance (its own
// label's row may come after a gap, at label_rank), they repeat one
// verdict, the first is the prediction, the margin is the first two
// distances' difference and the true label is at label_rank.
func checkAttributionLong(t *testing.T, rows []map[string]string) {
	t.Helper()
	type key struct{ measure, doc string }
	var order []key
	byText := map[key][]map[string]string{}
	for _, r := range rows {
		k := key{r["measure"], r["doc_id"]}
		if n := len(order); n == 0 || order[n-1] != k {
			if byText[k] != nil {
				t.Errorf("%v: rows not together", k)
			}
			order = append(order, k)
		}
		byText[k] = append(byText[k], r)
	}
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for _, k := range order {
		rs := byText[k]
		if len(rs) > reports.AttributionCandidates+1 {
			t.Errorf("%v: %d rows, more than %d candidates and the label's", k, len(rs), reports.AttributionCandidates)
		}
		for i, r := range rs {
			for _, c := range []string{"label", "predicted", "correct", "label_rank", "margin", "attributable"} {
				if r[c] != rs[0][c] {
					t.Errorf("%v: %s %q on row %d, %q on the first", k, c, r[c], i+1, rs[0][c])
				}
			}
			rank := strconv.Itoa(i + 1)
			if i == reports.AttributionCandidates {
				rank = r["label_rank"] // the true label's, past the first ones
			}
			if r["candidate_rank"] != rank {
				t.Errorf("%v: row %d has candidate_rank %s, want %s", k, i+1, r["candidate_rank"], rank)
			}
			if i > 0 && num(r["distance"]) < num(rs[i-1]["distance"]) {
				t.Errorf("%v: candidates not closest first: %s after %s", k, r["distance"], rs[i-1]["distance"])
			}
			if (r["candidate_rank"] == r["label_rank"]) != (r["candidate"] == r["label"]) {
				t.Errorf("%v: candidate %s at %s, label %s at label_rank %s", k, r["candidate"], r["candidate_rank"], r["label"], r["label_rank"])
			}
		}
		if rs[0]["candidate"] != rs[0]["predicted"] {
			t.Errorf("%v: first candidate %s, predicted %s", k, rs[0]["candidate"], rs[0]["predicted"])
		}
		if len(rs) > 1 {
			if m := num(rs[1]["distance"]) - num(rs[0]["distance"]); math.Abs(m-num(rs[0]["margin"])) > 1e-12 {
				t.Errorf("%v: margin %s, the first two distances differ by %g", k, rs[0]["margin"], m)
			}
		}
	}
	if len(order) == 0 {
		t.Error("attribution.csv has no row")
	}
}
