package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/reports"
)

// Hostile input: markup in a title, a file name and a group value, and
// spreadsheet formulas in metadata. Every output must carry them as text.
const (
	scriptTitle = `<script>alert(1)</script>`
	formula     = `=HYPERLINK("http://x")`
	markupID    = `a<b>&c`         // a file name, so a document id
	markupGroup = `<i>left</i>&co` // a stance, so a legend and panel title
	markupCol   = `<u>col_x</u>`   // a metadata column, so a table header
)

// hostileCorpus writes three short texts and their metadata, and returns
// the corpus folder and the metadata file.
func hostileCorpus(t *testing.T) (dir, meta string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "corpus")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		markupID: "The workers met in the hall. The party spoke of the land and the peace. " +
			"They voted =HYPERLINK(\"http://x\") and left. The soviets took power in the city. " +
			"Lenin wrote about the state. The peasants took the land.",
		"plain": "The revolution came in October. The workers and the soldiers formed soviets. " +
			"The party argued about the war. Trotsky spoke at the congress. The land went to the peasants.",
		"other": "Stalin built the bureaucracy. The party became the state. The workers lost the soviets. " +
			"The opposition was crushed. The revolution was betrayed, wrote Trotsky.",
	}
	for id, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range [][]string{
		{"id", "title", "author", "outlet", "stance", markupCol},
		{markupID, scriptTitle, "+plus author", "-cmd|' /C calc'!A0", markupGroup, "1"},
		{"plain", formula, "@SUM(1+1)", "\tTab outlet", markupGroup, "2"},
		{"other", "A plain title", "An Author", "An outlet", "=other", "3"},
	} {
		_ = w.Write(r)
	}
	w.Flush()
	meta = filepath.Join(root, "meta.csv")
	if err := os.WriteFile(meta, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, meta
}

// hostileRun runs the CLI on the hostile corpus, grouped by stance.
func hostileRun(t *testing.T) string {
	t.Helper()
	dir, meta := hostileCorpus(t)
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	cmd := newRootCmd(&stdout, &stderr)
	cmd.SetArgs([]string{"run", "--out", out, "--progress", "none", "--meta", meta, "--group-by", "stance", dir})
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, stderr.String())
	}
	return out
}

// svgText returns the text content of every element of an SVG document,
// or an error if it is not well-formed XML.
func svgText(doc []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if c, ok := tok.(xml.CharData); ok {
			if s := strings.TrimSpace(string(c)); s != "" {
				out = append(out, s)
			}
		}
	}
}

var inlineSVG = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// rawMarkup matches the hostile strings as markup: any of them unescaped.
var rawMarkup = regexp.MustCompile(`(?i)<script>alert|a<b>|<i>left</i>|<u>col`)

func TestHostileInputIsEscaped(t *testing.T) {
	out := hostileRun(t)
	got := files(t, out)

	page := string(got["index.html"])
	if page == "" {
		t.Fatal("no index.html")
	}
	if m := rawMarkup.FindAllString(page, -1); m != nil {
		t.Errorf("index.html holds input as markup: %q", m)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", // the title in the corpus table
		"a&lt;b&gt;&amp;c",                      // the id, in tables and charts
		"&lt;i&gt;left&lt;/i&gt;&amp;co",        // the stance
		"&lt;u&gt;col_<wbr>x&lt;/u&gt;",         // the column, in a table header
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks the escaped %q", want)
		}
	}

	// Every chart, as a file and inlined in the page, is well-formed XML
	// whose text is the input itself.
	charts := map[string][]byte{}
	for name, b := range got {
		if strings.HasSuffix(name, ".svg") {
			charts[name] = b
		}
	}
	if len(charts) == 0 {
		t.Fatal("no charts written")
	}
	for i, s := range inlineSVG.FindAllString(page, -1) {
		charts["index.html svg "+itoa(i+1)] = []byte(s)
	}
	seen := map[string]bool{}
	for name, b := range charts {
		if m := rawMarkup.FindAll(b, -1); m != nil {
			t.Errorf("%s holds input as markup: %q", name, m)
		}
		texts, err := svgText(b)
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			continue
		}
		for _, s := range texts {
			for _, in := range []string{markupID, markupGroup} {
				if strings.Contains(s, in) {
					seen[in] = true
				}
			}
		}
	}
	for _, in := range []string{markupID, markupGroup} {
		if !seen[in] {
			t.Errorf("no chart shows %q as text", in)
		}
	}

	// No CSV cell is a formula; the formulas in the input come out with a
	// leading apostrophe.
	var titles []string
	for name := range got {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(got[name])).ReadAll()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for i, r := range rows {
			for j, c := range r {
				if reports.Formula(c) {
					t.Errorf("%s row %d column %d = %q, a formula", name, i+1, j+1, c)
				}
			}
		}
		if name == "documents.csv" {
			for _, r := range readCSV(t, filepath.Join(out, name)) {
				titles = append(titles, r["title"], r["author"], r["outlet"], r["stance"])
			}
		}
	}
	for _, want := range []string{"'" + formula, "'+plus author", "'-cmd|' /C calc'!A0", "'@SUM(1+1)", "'\tTab outlet", "'=other", scriptTitle, markupGroup} {
		if !contains(titles, want) {
			t.Errorf("documents.csv lacks the cell %q; its metadata cells are %q", want, titles)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestHostileReportInBrowser opens the hostile corpus's report: the title
// <script>alert(1)</script> must stay text (an alert is reported as a
// console error by the browser check).
func TestHostileReportInBrowser(t *testing.T) {
	findBrowser(t)
	out := hostileRun(t)
	p := inspect(t, filepath.Join(out, "index.html"), os.Getenv("STYLOMETER_SCREENSHOTS") != "")
	saveShots(t, "hostile", p)
	for _, f := range p.failures() {
		t.Error(f)
	}
}
