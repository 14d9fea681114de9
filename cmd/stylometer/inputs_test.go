package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/seeds"
)

// TestMarkupInputs: a folder's HTML and TEI files are analysed from their
// text, malformed XML and every file of another extension are rows of
// errors.csv (the metadata table beside the texts excepted), and only the
// malformed file counts for --strict.
func TestMarkupInputs(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	page := `<!DOCTYPE html><html><head><title>Title words</title><script>var lenin = 1;</script></head>
<body><h1>On Lenin</h1><p>` + essay + `</p><p>Lenin &amp; the soviets.</p></body></html>`
	tei := `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><title>Header words</title></fileDesc></teiHeader>
<text><body><p>` + essay + ` Trotsky spoke.</p></body></text></TEI>`
	writeFiles(t, corpus, map[string]string{
		"essay.txt":  essay + " Bukharin wrote.",
		"page.html":  page,
		"book.xml":   tei,
		"broken.xml": "<doc>\n<p>" + essay + "</div>\n</doc>",
		"photo.jpg":  "\xff\xd8\xff",
		"notes.pdf":  "%PDF-1.4",
		"meta.csv":   "id,stance\nessay,a\npage,b\nbook,a\nbroken,b\n",
	})
	out := filepath.Join(dir, "out")
	args := []string{"run", "--out", out, "--progress", "none", "--meta", filepath.Join(corpus, "meta.csv"), "--targets", "Lenin", corpus}
	_, stderr, err := cli(t, args...)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	rows := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "errors.csv")) {
		rows[filepath.Base(r["path"])] = r["stage"] + ": " + r["error"]
	}
	want := map[string]string{
		"broken.xml": "markup: XML syntax error on line 2: element <p> closed by </div>",
		"photo.jpg":  "skipped: not a .txt, .md, .html, .htm, .xhtml or .xml file, not read (give it as an input to read it as plain text)",
		"notes.pdf":  "skipped: not a .txt, .md, .html, .htm, .xhtml or .xml file, not read (give it as an input to read it as plain text)",
	}
	for name, w := range want {
		if rows[name] != w {
			t.Errorf("errors.csv row of %s = %q, want %q", name, rows[name], w)
		}
	}
	if _, ok := rows["meta.csv"]; ok || len(rows) != len(want) {
		t.Errorf("errors.csv rows = %v, want only %v (the metadata file is read, as metadata)", rows, want)
	}
	if !strings.Contains(stderr, "not read: "+filepath.ToSlash(filepath.Join(corpus, "photo.jpg"))) {
		t.Errorf("stderr does not name photo.jpg:\n%s", stderr)
	}
	docs := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		docs[r["doc_id"]] = r
	}
	// essay has 28 words (6 + 8 + 8 + 6, by hand), +2 here; the page
	// adds its heading (2) and "Lenin & the soviets." (3: & is
	// punctuation), not its title or script; the TEI file +2, not its
	// header.
	for id, n := range map[string]string{"essay": "30", "page": "33", "book": "30"} {
		if docs[id]["tokens"] != n {
			t.Errorf("documents.csv: %s has %s tokens, want %s", id, docs[id]["tokens"], n)
		}
	}
	// The page's keyword-in-context offsets point into its extracted text.
	text, err := pipeline.Extract(pipeline.MarkupHTML, page)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range readCSV(t, filepath.Join(out, "kwic.csv")) {
		if r["doc_id"] != "page" {
			continue
		}
		n++
		pos, _ := strconv.Atoi(r["position"])
		if pos+len(r["keyword"]) > len(text) || text[pos:pos+len(r["keyword"])] != r["keyword"] {
			t.Errorf("kwic.csv: page@%d %q is not at that offset of the extracted text %q", pos, r["keyword"], text)
		}
	}
	if n != 3 { // "On Lenin", the essay's "Lenin wrote", "Lenin & the soviets"; not the script's "lenin"
		t.Errorf("kwic.csv has %d rows for page, want 3", n)
	}
	// --strict counts the malformed file, not the files of other types.
	if _, _, err := cli(t, append([]string{"--strict"}, args...)...); exitCode(err) != 3 {
		t.Errorf("--strict: err = %v (exit %d), want exit 3", err, exitCode(err))
	}
	if err := os.Remove(filepath.Join(corpus, "broken.xml")); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, corpus, map[string]string{"meta.csv": "id,stance\nessay,a\npage,b\nbook,a\n"})
	if _, stderr, err := cli(t, append([]string{"--strict"}, args...)...); err != nil {
		t.Errorf("--strict with only files of other types skipped: %v\n%s", err, stderr)
	}
}

// TestNotReadCounted: stderr names the first ten entries not read and
// counts the others; errors.csv lists them all.
func TestNotReadCounted(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": essay}
	for i := range 12 {
		files[fmt.Sprintf("img%02d.png", i)] = "\x89PNG"
	}
	writeFiles(t, dir, files)
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, err := cli(t, "run", "--out", out, "--progress", "none", dir)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if n := strings.Count(stderr, "not read: "+filepath.ToSlash(dir)); n != 10 || !strings.Contains(stderr, "not read: 2 more entries (errors.csv lists every one)") {
		t.Errorf("stderr names %d entries, want 10 and a count of 2 more:\n%s", n, stderr)
	}
	if n := len(readCSV(t, filepath.Join(out, "errors.csv"))); n != 12 {
		t.Errorf("errors.csv has %d rows, want 12", n)
	}
}

// languageCorpus is a folder of two English seeds, the French and German
// paragraphs of pipeline's tests and a French sentence of 8 words.
func languageCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	files := map[string]string{}
	for _, name := range []string{"fr.txt", "de.txt", "fr-short.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "pipeline", "testdata", "language", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	for _, name := range []string{"obstacles-to-a-return-to-lenin.txt", "socialist-worker-2548-how-lenin-won-the-party.txt"} {
		b, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	writeFiles(t, dir, files)
	return dir
}

// TestLanguageDetected: the French and German documents are detected,
// warned about once on stderr and listed in the report; they have no
// English-only measures, no pos.csv rows and no keyness scope, and keep
// the rest; the run exits 0, --strict too. --language en analyses every
// document as English; a bad --language is exit 2.
func TestLanguageDetected(t *testing.T) {
	corpus := languageCorpus(t)
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, err := cli(t, "run", "--out", out, "--progress", "none", "--strict", corpus)
	if err != nil {
		t.Fatalf("run --strict: %v (exit %d)\n%s", err, exitCode(err), stderr)
	}
	warn := "stylometer: warning: 2 documents are not in English (de 1, fr 1, detected): they are left out of part-of-speech tags (pos.csv), lexical density, readability but LIX and content-word keyness, and kept in every other measure; documents.csv gives each document's language (--language en analyses every document as English)\n"
	if strings.Count(stderr, "not in English") != 1 || !strings.Contains(stderr, warn) {
		t.Errorf("stderr:\n%s\nwant once:\n%s", stderr, warn)
	}
	docs := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		docs[r["doc_id"]] = r
	}
	for id, want := range map[string][2]string{
		"fr": {"fr", "fr"}, "de": {"de", "de"}, "fr-short": {"en", "fr"}, // 8 words: English by rule
		"obstacles-to-a-return-to-lenin": {"en", "en"}, "socialist-worker-2548-how-lenin-won-the-party": {"en", "en"},
	} {
		r := docs[id]
		// The seeds are English by their function words: no confidence.
		detector := !strings.Contains(id, "lenin")
		if r["language"] != want[0] || r["language_detected"] != want[1] || (r["language_confidence"] != "") != detector {
			t.Errorf("%s: language %q, detected %q (confidence %q), want %q, %q", id, r["language"], r["language_detected"], r["language_confidence"], want[0], want[1])
		}
		foreign := want[0] != "en"
		for _, col := range []string{"lexical_density", "flesch", "flesch_kincaid", "gunning_fog", "smog", "ari", "coleman_liau"} {
			if (r[col] == "") != foreign {
				t.Errorf("%s: %s = %q, want it empty only when not English", id, col, r[col])
			}
		}
		for _, col := range []string{"lix", "mattr", "ttr", "sentence_length_mean", "word_length_mean"} {
			if r[col] == "" {
				t.Errorf("%s: %s is empty, want it kept", id, col)
			}
		}
	}
	for _, r := range readCSV(t, filepath.Join(out, "pos.csv")) {
		if r["doc_id"] == "fr" || r["doc_id"] == "de" {
			t.Fatalf("pos.csv has a row for %s", r["doc_id"])
		}
	}
	for _, r := range readCSV(t, filepath.Join(out, "keyness.csv")) {
		if r["target"] == "fr" || r["target"] == "de" {
			t.Fatalf("keyness.csv compares %s", r["target"])
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Not in English") || !strings.Contains(string(page), "<td>de</td>") {
		t.Error("index.html does not list the documents not in English")
	}

	_, stderr, err = cli(t, "run", "--out", out, "--progress", "none", "--language", "en", corpus)
	if err != nil || strings.Contains(stderr, "not in English") {
		t.Fatalf("--language en: %v\n%s", err, stderr)
	}
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		if r["language"] != "en" || r["language_detected"] != "" || r["flesch"] == "" {
			t.Errorf("--language en: %s has language %q, detected %q, flesch %q", r["doc_id"], r["language"], r["language_detected"], r["flesch"])
		}
	}
	if _, _, err := cli(t, "run", "--out", out, "--progress", "none", "--language", "english", corpus); exitCode(err) != 2 || !strings.Contains(err.Error(), "--language (language)") {
		t.Errorf("--language english: err = %v (exit %d), want exit 2 naming the flag", err, exitCode(err))
	}
}
