package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"math"
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

// page is one tab of a browser, open on a report, for tests that act on
// it: evaluate script, take screenshots, read what the page reported.
type page struct {
	t   *testing.T
	b   *browser
	ctx context.Context
}

// openPage opens the HTML file at path in a new tab of b whose viewport
// is width × height CSS pixels (mobile layout under 600), and waits until
// it has loaded and rendered. The tab closes at the end of the test.
func (b *browser) openPage(t *testing.T, path string, width, height int) *page {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), b.deadline)
	t.Cleanup(cancel)
	p := &page{t: t, b: b, ctx: ctx}
	var target struct{ TargetID string }
	p.must(b.call(ctx, "Target.createTarget", map[string]any{"url": "about:blank"}, &target))
	var att struct{ SessionID string }
	p.must(b.call(ctx, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att))
	b.session = att.SessionID
	t.Cleanup(func() {
		b.session = ""
		_ = b.call(ctx, "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	})
	for _, d := range []string{"Runtime.enable", "Log.enable", "Network.enable", "Page.enable"} {
		p.must(b.call(ctx, d, nil, nil))
	}
	p.must(b.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, nil))
	p.must(b.call(ctx, "Page.addScriptToEvaluateOnNewDocument", map[string]any{"source": reportCSP}, nil))
	b.events = nil
	var nav struct{ ErrorText string }
	p.must(b.call(ctx, "Page.navigate", map[string]any{"url": "file://" + filepath.ToSlash(abs)}, &nav))
	if nav.ErrorText != "" {
		t.Fatalf("navigate %s: %s", abs, nav.ErrorText)
	}
	p.must(b.waitEvent(ctx, "Page.loadEventFired"))
	p.settle()
	return p
}

func (p *page) must(err error) {
	p.t.Helper()
	if err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// settle waits two frames and a pause, for script and layout.
func (p *page) settle() {
	p.t.Helper()
	p.eval(`new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(function () { r(""); }, 100); }); }); })`)
}

// eval runs expr in the page (a promise is awaited) and returns its value
// as a string; an exception fails the test.
func (p *page) eval(expr string) string {
	p.t.Helper()
	var ev struct {
		Result           struct{ Value any }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	p.must(p.b.call(p.ctx, "Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &ev))
	if ev.ExceptionDetails != nil {
		p.t.Fatalf("script threw: %s %s\n%s", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception.Description, expr)
	}
	if s, ok := ev.Result.Value.(string); ok {
		return s
	}
	return fmt.Sprint(ev.Result.Value)
}

// evalJSON runs expr, which returns JSON.stringify(...), into v.
func (p *page) evalJSON(expr string, v any) {
	p.t.Helper()
	s := p.eval(expr)
	if err := json.Unmarshal([]byte(s), v); err != nil {
		p.t.Fatalf("%v: %s", err, s)
	}
}

// shot saves a screenshot of the viewport as name.png in the test's
// folder and in STYLOMETER_SCREENSHOTS, if set.
func (p *page) shot(name string) {
	p.t.Helper()
	var shot struct{ Data string }
	p.must(p.b.call(p.ctx, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot))
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		p.t.Fatal(err)
	}
	saveShots(p.t, name, &pageCheck{PNG: png})
}

// problems lists the console errors, exceptions and requests so far.
func (p *page) problems() []string {
	p.eval("0") // collect the events so far
	var out []string
	for _, e := range p.b.events {
		if e.SessionID != p.b.session {
			continue
		}
		if msg := eventProblem(e); msg != "" {
			out = append(out, msg)
		}
		if e.Method == "Network.requestWillBeSent" {
			var r struct{ Request struct{ URL string } }
			if json.Unmarshal(e.Params, &r) == nil && !strings.HasPrefix(r.Request.URL, "file:") && !strings.HasPrefix(r.Request.URL, "data:") {
				out = append(out, "request: "+r.Request.URL)
			}
		}
	}
	return out
}

// chartsWith counts the charts of an index.html that show term: a bar,
// point or label naming it (data-term, or a line of data-terms) or a
// <text> that reads it (a target's name, say). It reads the HTML, not the
// page.
func chartsWith(html, term string) int {
	n := 0
	for _, svg := range regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(html, -1) {
		// A turned tick label ends with an en space (chart.padRotated).
		if strings.Contains(svg, `data-term="`+term+`"`) || strings.Contains(svg, ">"+term+"</text>") || strings.Contains(svg, ">"+term+"\u2002</text>") ||
			regexp.MustCompile(`data-terms="(?:[^"]*&#xA;)?`+regexp.QuoteMeta(term)+`(?:&#xA;[^"]*)?"`).MatchString(svg) {
			n++
		}
	}
	return n
}

// TestExploreInBrowser: the report of the seeds with --pairs, in Chromium
// at 1400 and 390 CSS pixels wide. Hover: every fightin' word of every
// stance (keyness.csv's rows of that stance against the rest) has a
// tooltip, every heatmap cell has one, and every term label of the keyness
// chart has a bar tooltip naming the same term. Search: typing a term
// marks it in as many charts as carry it in the HTML and in the table rows
// that list it, and says so; Enter goes to the marks. The pair chooser
// shows one pair at a time, its chart drawn. A click on a term opens its
// keyword-in-context lines grouped by stance, each line's document of that
// stance (seeds/metadata.csv), its keyword the term. No console error and
// no request at any step. STYLOMETER_SCREENSHOTS=DIR keeps the
// screenshots (explore-1400-*.png, explore-390-*.png).
func TestExploreInBrowser(t *testing.T) {
	b := startBrowser(t, findBrowser(t))
	out := seedsRun(t, "--pairs")
	path := filepath.Join(out, "index.html")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stance := map[string]string{} // document -> stance
	for _, r := range readCSV(t, filepath.Join(out, "documents.csv")) {
		stance[r["doc_id"]] = r["stance"]
	}
	words := map[string]map[string]bool{} // stance -> terms of its fightin' chart
	for _, r := range readCSV(t, filepath.Join(out, "keyness.csv")) {
		if r["scope"] != "stance" || r["reference"] != "rest" {
			continue
		}
		if words[r["target"]] == nil {
			words[r["target"]] = map[string]bool{}
		}
		z, _ := strconv.ParseFloat(r["log_odds_z"], 64)
		nt, _ := strconv.ParseFloat(r["n_target"], 64)
		nr, _ := strconv.ParseFloat(r["n_reference"], 64)
		if nt+nr > 0 && !math.IsNaN(z) {
			words[r["target"]][r["term"]] = true
		}
	}
	const term = "peasantry" // distinctive of cpi-m and in the pair tables

	// The whole page as TestReportInBrowser checks it.
	check := b.inspect(t, path, false)
	if check.Figures == 0 {
		t.Error("the report shows no figure")
	}
	for _, f := range check.failures() {
		t.Error(f)
	}

	for _, width := range []int{1400, 390} {
		name := fmt.Sprintf("explore-%d", width)
		p := b.openPage(t, path, width, 900)

		// Hover.
		var hover struct {
			Fightin  map[string][]string // chart file -> terms with a tooltip
			Heatmap  int                 // heatmap cells with a tooltip
			Unbarred []string            // keyness labels with no bar tooltip of their term
		}
		p.evalJSON(`(function () {
  var out = {Fightin: {}, Heatmap: 0, Unbarred: []};
  document.querySelectorAll(".figure").forEach(function (f) {
    var a = f.parentNode.querySelector("p.note a"), file = a ? a.textContent : "";
    var svg = f.querySelector("svg");
    if (file.indexOf("charts/fightin_") === 0) {
      var ts = [];
      svg.querySelectorAll("rect[data-term], rect[data-terms]").forEach(function (r) {
        if (!r.querySelector("title")) return;
        ts = ts.concat(r.hasAttribute("data-terms") ? r.getAttribute("data-terms").split("\n") : [r.getAttribute("data-term")]);
      });
      out.Fightin[file] = ts;
    }
    if (file.indexOf("charts/heatmap_") === 0) {
      svg.querySelectorAll("rect > title").forEach(function (t) { if (t.textContent.indexOf(" × ") > 0) out.Heatmap++; });
    }
    if (file === "charts/keyness_stance.svg") {
      svg.querySelectorAll("text[data-term]").forEach(function (l) {
        if (!svg.querySelector('rect[data-term="' + CSS.escape(l.getAttribute("data-term")) + '"] > title')) out.Unbarred.push(l.getAttribute("data-term"));
      });
    }
  });
  return JSON.stringify(out);
})()`, &hover)
		if len(hover.Fightin) != len(words) {
			t.Errorf("%d: %d fightin' charts, want one per stance (%d)", width, len(hover.Fightin), len(words))
		}
		for file, ts := range hover.Fightin {
			st := strings.TrimSuffix(strings.TrimPrefix(file, "charts/fightin_stance_"), ".svg")
			got := map[string]bool{}
			for _, x := range ts {
				if got[x] {
					t.Errorf("%s: %q has two tooltips", file, x)
				}
				got[x] = true
			}
			if len(got) != len(words[st]) {
				t.Errorf("%d: %s: %d words with a tooltip, keyness.csv has %d", width, file, len(got), len(words[st]))
			}
			for w := range words[st] {
				if !got[w] {
					t.Errorf("%s: %q has no tooltip", file, w)
					break
				}
			}
		}
		if hover.Heatmap != 25 { // 5 × 5 documents
			t.Errorf("%d: %d heatmap cells with a tooltip, want 25", width, hover.Heatmap)
		}
		if len(hover.Unbarred) > 0 {
			t.Errorf("keyness labels without a bar tooltip: %q", hover.Unbarred)
		}

		// Search.
		var found struct {
			Count    string
			Charts   int // charts with a mark
			Rows     int // table rows marked
			Wrong    []string
			Opacity  string // of a marked bar
			Context  bool   // the "In context" button shows
			Scrolled bool   // Enter moved the page
		}
		p.evalJSON(`(function () {
  var input = document.getElementById("find");
  input.value = "`+term+`";
  input.dispatchEvent(new Event("input"));
  var out = {Count: document.getElementById("find-count").textContent, Charts: 0, Rows: 0, Wrong: []};
  document.querySelectorAll(".figure svg").forEach(function (s) { if (s.querySelector(".hit")) out.Charts++; });
  document.querySelectorAll("tr.hit").forEach(function (tr) {
    out.Rows++;
    if (!Array.prototype.some.call(tr.cells, function (c) { return c.textContent.trim() === "`+term+`"; })) out.Wrong.push(tr.textContent);
  });
  document.querySelectorAll("svg .hit").forEach(function (e) {
    var t = e.getAttribute("data-term") || (e.getAttribute("data-terms") || "").split("\n").filter(function (x) { return x === "`+term+`"; })[0] || e.textContent.trim();
    if (t !== "`+term+`") out.Wrong.push(t);
  });
  var bar = document.querySelector("svg rect.hit");
  out.Opacity = bar ? getComputedStyle(bar).fillOpacity : "";
  out.Context = !document.getElementById("find-kwic").hidden;
  var y = scrollY;
  input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
  out.Scrolled = scrollY !== y;
  return JSON.stringify(out);
})()`, &found)
		wantCharts := chartsWith(string(raw), term)
		if found.Charts != wantCharts || found.Charts == 0 {
			t.Errorf("%d: search marks %d charts, the HTML has %q in %d", width, found.Charts, term, wantCharts)
		}
		if found.Rows == 0 || len(found.Wrong) > 0 {
			t.Errorf("%d: search marks %d rows; marks of other things: %q", width, found.Rows, found.Wrong)
		}
		if want := fmt.Sprintf("%d charts, %d rows", found.Charts, found.Rows); found.Count != want {
			t.Errorf("%d: the count says %q, want %q", width, found.Count, want)
		}
		if found.Opacity != "0.6" || !found.Context || !found.Scrolled {
			t.Errorf("%d: marked bar opacity %q (want 0.6), In context button %v, Enter scrolled %v", width, found.Opacity, found.Context, found.Scrolled)
		}
		p.settle()
		p.shot(name + "-search")
		p.eval("scrollTo(0, 0)")
		p.settle()
		p.shot(name + "-top")

		// The pair chooser.
		var chosen struct {
			Visible []string
			Width   float64
		}
		p.evalJSON(`(function () {
  var sel = document.querySelector("p.chooser select");
  sel.value = "3";
  sel.dispatchEvent(new Event("change"));
  var out = {Visible: [], Width: 0};
  sel.closest(".block").querySelectorAll(".choice").forEach(function (c) {
    if (!c.hidden) { out.Visible.push(c.querySelector("h4").textContent); out.Width = c.querySelector("svg").getBoundingClientRect().width; c.scrollIntoView(); }
  });
  return JSON.stringify(out);
})()`, &chosen)
		if len(chosen.Visible) != 1 || chosen.Visible[0] != "libertarian-left · swp" || chosen.Width <= 0 || chosen.Width > float64(width) {
			t.Errorf("%d: after choosing pair 3, visible %q, chart %g px wide", width, chosen.Visible, chosen.Width)
		}
		p.settle()
		p.shot(name + "-pair")

		// A click on the term in the keyness chart.
		var kwic struct {
			Title  string
			Groups []string
			Lines  [][3]string // group, document, keyword
			Left   float64     // the panel's edges
			Right  float64
			Screen float64 // the visible width
		}
		p.evalJSON(`(function () {
  var bar = document.querySelector('.figure rect[data-term="`+term+`"]');
  bar.scrollIntoView({block: "center"});
  bar.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  var panel = document.getElementById("kwic"), box = panel.getBoundingClientRect();
  var out = {Title: panel.hidden ? "" : panel.querySelector("h2").textContent, Groups: [], Lines: [], Left: box.left, Right: box.right, Screen: visualViewport.width};
  var group = "";
  Array.prototype.forEach.call(document.getElementById("kwic-body").children, function (e) {
    if (e.tagName === "H3") { group = e.firstChild.textContent; out.Groups.push(group); }
    if (e.tagName === "OL") e.querySelectorAll("li").forEach(function (li) {
      out.Lines.push([group, li.querySelector(".doc").textContent, li.querySelector("b").textContent]);
    });
  });
  return JSON.stringify(out);
})()`, &kwic)
		if kwic.Title != "“"+term+"” in context" {
			t.Errorf("%d: panel title %q", width, kwic.Title)
		}
		if len(kwic.Groups) < 2 || len(kwic.Lines) < len(kwic.Groups) {
			t.Errorf("%d: %d groups, %d lines: want lines in each stance that uses %q", width, len(kwic.Groups), len(kwic.Lines), term)
		}
		if kwic.Left < 0 || kwic.Right > kwic.Screen {
			t.Errorf("%d: the panel spans %g to %g px of a screen %g px wide", width, kwic.Left, kwic.Right, kwic.Screen)
		}
		per := map[string]int{}
		for _, l := range kwic.Lines {
			per[l[0]]++
			if stance[l[1]] != l[0] || strings.ToLower(l[2]) != term {
				t.Errorf("%d: line of %s (stance %q) under %q, keyword %q", width, l[1], stance[l[1]], l[0], l[2])
			}
		}
		for g, n := range per {
			if n > 3 {
				t.Errorf("%d: %d lines for %s, want at most 3", width, n, g)
			}
		}
		p.settle()
		p.shot(name + "-kwic")
		for _, f := range p.problems() {
			t.Errorf("%d: %s", width, f)
		}
	}
}
