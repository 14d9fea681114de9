package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
)

// genres are the fifteen genres of the Brown corpus (Francis and Kučera
// 1979): the case of issue 14 that ran the palette out of colours.
var genres = []string{"adventure", "belles_lettres", "editorial", "fiction", "government", "hobbies", "humor",
	"learned", "lore", "mystery", "news", "religion", "reviews", "romance", "science_fiction"}

// genreCorpus writes n documents generated from the seeds, with a
// metadata table of genre (the fifteen in turn) and year (1800 + 37i mod
// 221: n distinct years for n ≤ 221).
func genreCorpus(t *testing.T, n int) (corpus, meta string) {
	t.Helper()
	dir := t.TempDir()
	corpus, meta = filepath.Join(dir, "corpus"), filepath.Join(dir, "meta.csv")
	table := "id,genre,year\n"
	files := map[string]string{}
	for i, doc := range pipeline.Synthesize(seedTexts(t), n, 2000, 7) {
		id := fmt.Sprintf("doc%03d", i)
		files[id+".txt"] = doc
		table += fmt.Sprintf("%s,%s,%d\n", id, genres[i%len(genres)], 1800+(i*37)%221)
	}
	writeFiles(t, corpus, files)
	writeFiles(t, dir, map[string]string{"meta.csv": table})
	return corpus, meta
}

// readOut returns the file name of the output folder out as a string.
func readOut(t *testing.T, out, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// kelly15 are the first 15 of Kelly's colours as chart.Palette gives
// them past eight groups (reports/chart/palette.go, Kelly 1965).
var kelly15 = []string{"#222222", "#F3C300", "#875692", "#F38400", "#A1CAF1", "#BE0032", "#C2B280", "#008856",
	"#E68FAC", "#0067A5", "#F99379", "#604E97", "#F6A600", "#B3446C", "#DCD300"}

// TestManyGroups: 60 documents in 15 genres (issue 14, item 15). Each
// genre has a colour of its own on the map, none grey, and every genre is
// named in the legend; grouped by year (60 distinct years), the map has a
// colour bar and no legend of values. And (item 11) every chart that
// shows some of the documents or values says which and why.
func TestManyGroups(t *testing.T) {
	corpus, meta := genreCorpus(t, 60)
	byGenre := seedsRun(t, "run", "--meta", meta, "--group-by", "genre", "--targets", "lenin;revolution", corpus)
	mds := readOut(t, byGenre, "charts/mds.svg")
	for _, c := range kelly15 {
		if !strings.Contains(mds, "fill:"+c) {
			t.Errorf("mds.svg by genre: no mark in %s", c)
		}
	}
	for _, g := range genres {
		if !strings.Contains(mds, ">"+g+"</text>") {
			t.Errorf("mds.svg by genre: the legend does not name %s", g)
		}
	}
	if strings.Contains(mds, "fill:#999999") || strings.Contains(mds, " more</text>") {
		t.Errorf("mds.svg by genre: a grey mark or a '+N more' in the legend")
	}

	byYear := seedsRun(t, "run", "--meta", meta, "--group-by", "year", corpus)
	mds = readOut(t, byYear, "charts/mds.svg")
	if !strings.Contains(mds, ">year</text>") || strings.Contains(mds, " more</text>") {
		t.Errorf("mds.svg by year: want a colour bar labelled year and no '+N more'")
	}
	// viridis's first colour (#440154) marks the earliest year, 1800.
	if !strings.Contains(mds, "fill:#440154") {
		t.Errorf("mds.svg by year: no mark in viridis's first colour")
	}
	fightin, _ := filepath.Glob(filepath.Join(byYear, "charts", "fightin_year_*.svg"))
	if len(fightin) != 20 {
		t.Errorf("by year: %d fightin' words charts, want the 20 strongest of 60 values", len(fightin))
	}

	// Each subset, said on the page and, for the panels, in the chart.
	page := map[string]string{"genre": readOut(t, byGenre, "index.html"), "year": readOut(t, byYear, "index.html")}
	space := regexp.MustCompile(`\s+`)
	for _, tc := range []struct{ run, file, want string }{
		{"genre", "index.html", "24 of 60 documents: the 24 whose most distinctive word has the largest log-odds z, strongest first"},
		{"genre", "charts/keyness_document.svg", "by document: the 24 strongest of 60"},
		{"genre", "index.html", "In each panel, top: the 10 most distinctive words (z &gt; 0); bottom: the 5 most avoided"},
		{"genre", "index.html", "Arrows: the 10 of the 100 features with the longest loadings"},
		{"genre", "index.html", "The 8 strongest collocates of each by G²"},
		{"genre", "index.html", "labelled: the 20 words with the largest |z|"},
		{"year", "index.html", "Charts for 20 of the 60 values of year: the 20 whose most distinctive word has the largest log-odds z"},
		{"year", "index.html", "24 of 60 values of year: the 24 whose most distinctive word"},
		{"year", "charts/keyness_year.svg", "by year: the 24 strongest of 60"},
	} {
		out := map[string]string{"genre": byGenre, "year": byYear}[tc.run]
		got := page[tc.run]
		if tc.file != "index.html" {
			got = readOut(t, out, tc.file)
		}
		if !strings.Contains(space.ReplaceAllString(got, " "), tc.want) {
			t.Errorf("--group-by %s: %s does not say %q", tc.run, tc.file, tc.want)
		}
	}
}

// TestReportLayout: the report of a 15-genre corpus reads on a phone
// (390 CSS px, an iPhone 12 to 15: no sideways scroll, nothing past the
// right edge), on a desktop (1400 px) and printed on A4 (the page's
// printable width, 210 − 2 × 12 mm = 186 mm = 703 px at 96 px an inch;
// no figure taller than the printable height, 297 − 2 × 12 mm = 273 mm =
// 1031 px, so none is cut between pages). STYLOMETER_SCREENSHOTS=DIR
// keeps screenshots of each (layout-phone.png, layout-desktop.png,
// layout-print.png and their sections).
func TestReportLayout(t *testing.T) {
	b := startBrowser(t, findBrowser(t))
	corpus, meta := genreCorpus(t, 60)
	out := seedsRun(t, "run", "--meta", meta, "--group-by", "genre", "--targets", "lenin;revolution", corpus)
	sections := os.Getenv("STYLOMETER_SCREENSHOTS") != ""
	for _, tc := range []struct {
		name string
		vp   viewport
	}{
		{"phone", viewport{Width: 390}},
		{"desktop", viewport{Width: 1400}},
		{"print", viewport{Width: 703, Print: true, MaxFigure: 1031}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := b.inspectIn(t, filepath.Join(out, "index.html"), sections, tc.vp)
			saveShots(t, "layout-"+tc.name, p)
			if p.Layout.Viewport != float64(tc.vp.Width) {
				t.Errorf("viewport %v px wide, want %d", p.Layout.Viewport, tc.vp.Width)
			}
			if p.Figures < 10 {
				t.Errorf("the report shows %d figures", p.Figures)
			}
			for _, f := range p.failures() {
				t.Error(f)
			}
		})
	}
}
