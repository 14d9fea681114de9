package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Report is the content of index.html: a summary, sections of figures and
// tables, the method and the files. Everything in it taken from the input
// (ids, titles, terms) is escaped by html/template; SVG figures (escaped by
// their encoder) are parsed and checked to hold no script element, event
// handler or script link before they are inlined.
type Report struct {
	Title      string
	Subtitle   string
	Summary    []KV
	Sections   []Section
	Methods    []Method
	Parameters string // the run's parameters as JSON
	Files      []FileLink
	// Explore is the JSON of keyword-in-context lines behind the page's
	// term panel (see exploreData), or nil: the panel then says that the
	// page holds no lines.
	Explore []byte
}

// KV is a labelled value.
type KV struct{ Key, Value string }

// Section is one part of the page, with an anchor id.
type Section struct {
	ID, Title, Intro string
	Blocks           []Block
}

// Block is a figure, a table, or both, with a title and a caption; or,
// with Choices, alternatives of which the page shows one at a time.
type Block struct {
	Title, Caption string
	SVG            []byte     // inline chart, or nil
	Href           string     // link to the chart's file
	Table          *HTMLTable // or nil
	Wide           bool       // spans the page width
	// Choices are alternatives (the pairs of values of a column, say),
	// each with its own chart and table, all written into the page: the
	// page's script shows the one chosen in a <select> labelled Chooser
	// (the first at first); without the script every one shows.
	Choices []Choice
	Chooser string
	// Detail marks a block of one row per document (as opposed to per
	// group): its terms come last among those whose lines the page holds.
	Detail bool
}

// Choice is one alternative of a Block.
type Choice struct {
	Label string // in the <select> and above the chart
	SVG   []byte
	Href  string
	Table *HTMLTable
}

// HTMLTable is a table shown on the page. Numeric marks the columns sorted
// as numbers by the page's script; Terms marks the columns whose cells are
// terms, which a click opens in the keyword-in-context panel.
type HTMLTable struct {
	Header  []string
	Rows    [][]string
	Numeric []bool
	Terms   []bool
	Note    string // e.g. "top 10 of 1,234 rows; all in keyness.csv"
}

// Method names and defines one measure, with its source.
type Method struct{ Name, Definition, Source string }

// FileLink is one output file listed on the page, with its columns.
type FileLink struct {
	Name, RowPer string
	Rows         int
	Columns      []ColumnDoc
}

// WriteHTML writes the self-contained report page: CSS and SVG inline, a
// small inline script (the page reads the same without it) that makes
// tables sortable, shows one choice of a block at a time, finds a term in
// every chart and table, and shows a clicked term's keyword-in-context
// lines by group from r.Explore; no request to anywhere.
func WriteHTML(w io.Writer, r *Report) error {
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			if err := checkSVG(b.SVG); err != nil {
				return fmt.Errorf("report: chart %q: %w", b.Title, err)
			}
			for _, c := range b.Choices {
				if err := checkSVG(c.SVG); err != nil {
					return fmt.Errorf("report: chart %q, %s: %w", b.Title, c.Label, err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, r); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// checkSVG parses an SVG as the browser will and refuses what could run:
// a script or foreignObject element, an event-handler attribute (on...), or
// a link whose scheme is javascript:. Text is data, whatever it says: a
// title such as "Part One = Intro" or "javascript:" is escaped character
// data, not markup, and passes.
func checkSVG(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("not well-formed SVG: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "foreignobject", "iframe", "embed", "object":
			return fmt.Errorf("holds a %s element", el.Name.Local)
		}
		for _, a := range el.Attr {
			name := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(name, "on") {
				return fmt.Errorf("holds an event handler (%s)", a.Name.Local)
			}
			if name == "href" || name == "src" {
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1 // browsers ignore controls and spaces in a scheme
					}
					return r
				}, a.Value))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
					return fmt.Errorf("holds a script link (%s)", a.Name.Local)
				}
			}
		}
	}
}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	// svg inlines a chart checked by WriteHTML, from its <svg> tag on: the
	// XML declaration and comment before it mean nothing in HTML.
	"svg": func(b []byte) template.HTML {
		if i := bytes.Index(b, []byte("<svg")); i > 0 {
			b = b[i:]
		}
		return template.HTML(b)
	},
	"num":  func(t *HTMLTable, i int) bool { return i < len(t.Numeric) && t.Numeric[i] },
	"term": func(t *HTMLTable, i int) bool { return i < len(t.Terms) && t.Terms[i] },
	// wbr lets a long column name such as sentence_length_mean wrap
	// after its underscores.
	// json inlines exploreData's JSON, whose <, > and & encoding/json
	// escapes, in a <script type="application/json">.
	"json": func(b []byte) template.JS { return template.JS(b) },
	"wbr": func(s string) template.HTML {
		return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), "_", "_<wbr>"))
	},
}).Parse(pageHTML))

const pageHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{.Title}}</title>
<style>
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #fbfbfd; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.45; font-size: 15px; }
header { padding: 1.5rem 2rem 1rem; border-bottom: 1px solid var(--line); background: #fff; }
header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
header p { margin: 0; color: var(--muted); }
nav { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: .4rem 2rem; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
nav a { color: var(--accent); text-decoration: none; font-weight: 600; font-size: .92rem; }
main { padding: 0 2rem 3rem; max-width: 1400px; }
section { margin-top: 2rem; scroll-margin-top: 3rem; }
section > h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
.intro { color: var(--muted); max-width: 60rem; }
.summary { display: flex; flex-wrap: wrap; gap: .6rem; margin-top: 1rem; }
.summary div { background: #eef2f8; border-radius: 6px; padding: .4rem .8rem; }
.summary b { display: block; font-size: 1.15rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 1.2rem; align-items: start; }
.block { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; min-width: 0; }
.block.wide { grid-column: 1 / -1; }
.block h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
.caption { color: var(--muted); font-size: .9rem; margin: .2rem 0 .6rem; }
.figure svg { max-width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; max-height: 36rem; overflow-y: auto; }
table { border-collapse: separate; border-spacing: 0; font-size: .86rem; width: 100%; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f1f3f7; position: sticky; top: 0; cursor: pointer; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
td:not(.n) { min-width: 5rem; }
.scroll tbody td:first-child { position: sticky; left: 0; background: #fff; box-shadow: inset -1px 0 var(--line); }
.scroll th:first-child { left: 0; z-index: 1; box-shadow: inset -1px 0 var(--line); }
th[aria-sort="ascending"]::after { content: " \25B2"; }
th[aria-sort="descending"]::after { content: " \25BC"; }
.note { color: var(--muted); font-size: .82rem; margin-top: .3rem; }
dl.methods dt { font-weight: 700; margin-top: .6rem; }
dl.methods dd { margin: 0 0 0 1rem; }
.src { color: var(--muted); font-size: .85rem; }
pre { background: #f1f3f7; padding: .8rem; overflow-x: auto; font-size: .8rem; }
a { color: var(--accent); }
/* A phone (up to 600 px): narrower margins, the menu scrolls away. */
@media (max-width: 600px) {
  header { padding: 1rem 1rem .8rem; }
  nav { position: static; padding: .4rem 1rem; }
  main { padding: 0 .6rem 2rem; }
  .block { padding: .6rem .6rem; }
  .caption, .note { overflow-wrap: anywhere; }
}
/* Print (A4 or Letter): one column, every table in full and wrapped to
   the page, every chart scaled to fit one page, no menu. */
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff; font-size: 10pt; }
  nav { display: none; }
  header { padding: 0 0 4mm; border: 0; }
  main { padding: 0; max-width: none; }
  section { margin-top: 6mm; }
  h2, h3 { break-after: avoid; }
  .grid { display: block; }
  .block { border: 0; border-radius: 0; padding: 0; margin: 0 0 6mm; }
  .figure { break-inside: avoid; }
  .figure svg { max-height: 230mm; width: auto; margin: 0 auto; }
  .scroll { max-height: none; overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: .1rem .25rem; }
  th, .scroll tbody td:first-child, .scroll th:first-child { position: static; box-shadow: none; }
  td:not(.n) { min-width: 0; overflow-wrap: break-word; }
  tr { break-inside: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
}
</style>
<style>
/* Exploration (issue 14, items 17-18): pair chooser, term search,
   keyword-in-context panel. */
.chooser { margin: .2rem 0 .4rem; }
.chooser select { font: inherit; padding: .15rem .3rem; max-width: 100%; }
.choice h4 { margin: .5rem 0 .2rem; font-size: .95rem; }
.choice, .figure, tr { scroll-margin-top: 3.5rem; }
.find { display: inline-flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
.find input { font: inherit; font-size: .9rem; padding: .15rem .4rem; width: 12rem; max-width: 60vw; border: 1px solid var(--line); border-radius: 4px; }
.find output { color: var(--muted); font-size: .85rem; }
.find button, .kwic button { font: inherit; font-size: .85rem; cursor: pointer; border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: .1rem .4rem; color: var(--accent); }
.figure [data-term], .figure [data-terms], td.term { cursor: pointer; }
.figure rect.hit { fill: #ffcc00; fill-opacity: .6; stroke: #8a5a00; stroke-width: 1px; }
.figure text.hit { fill: #a3005c !important; font-weight: 700; }
tr.hit td, .scroll tbody tr.hit td:first-child { background: #fff1a8; }
.kwic { position: fixed; right: 0; top: 2.6rem; bottom: 0; z-index: 3; width: min(30rem, 100%); overflow-y: auto; background: #fff; border-left: 1px solid var(--line); box-shadow: -4px 0 12px rgba(0,0,0,.12); padding: .6rem 1rem 1rem; font-size: .88rem; }
.kwic header { display: flex; justify-content: space-between; align-items: baseline; gap: .5rem; padding: 0; border: 0; }
.kwic h2 { font-size: 1.1rem; margin: 0; }
.kwic h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
.kwic h3 span, .kwic .note { color: var(--muted); font-weight: 400; font-size: .82rem; }
.kwic ol { margin: 0; padding-left: 1.2rem; }
.kwic li { margin: .15rem 0; }
.kwic li b { color: var(--accent); }
.kwic li .doc { display: block; color: var(--muted); font-size: .78rem; }
@media (max-width: 600px) { .find { display: flex; flex-wrap: nowrap; margin-top: .2rem; } .find input { flex: 1 1 5rem; min-width: 0; width: auto; } }
@media (max-width: 600px) { .kwic { top: auto; left: 0; right: auto; height: 65vh; width: 100vw; border-left: 0; border-top: 1px solid var(--line); } }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>{{.Subtitle}}</p>
<div class="summary">{{range .Summary}}<div><b>{{.Value}}</b>{{.Key}}</div>{{end}}</div>
</header>
<nav>{{range .Sections}}<a href="#{{.ID}}">{{.Title}}</a>{{end}}<a href="#method">Method</a><a href="#files">Files</a>
<span class="find" role="search" hidden><input type="search" id="find" placeholder="Find a term" aria-label="Find a term in every chart and table" autocomplete="off" spellcheck="false"><output id="find-count" for="find" aria-live="polite"></output><button type="button" id="find-kwic" hidden>In context</button></span></nav>
<main>
{{range .Sections}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{if .Intro}}<p class="intro">{{.Intro}}</p>{{end}}
<div class="grid">
{{range .Blocks}}<div class="block{{if .Wide}} wide{{end}}">
<h3>{{.Title}}</h3>
{{if .Caption}}<p class="caption">{{.Caption}}</p>{{end}}
{{template "content" .}}
{{if .Choices}}<p class="chooser"><label>{{.Chooser}} <select>{{range $i, $c := .Choices}}<option value="{{$i}}">{{$c.Label}}</option>{{end}}</select></label></p>
{{range $i, $c := .Choices}}<div class="choice" data-choice="{{$i}}"><h4>{{.Label}}</h4>
{{template "content" .}}</div>
{{end}}{{end}}</div>
{{end}}</div>
</section>
{{end}}
<section id="method">
<h2>Method</h2>
<p class="intro">Every measure in this report and in the CSV files, defined as computed, with its source. Definitions follow the field's reference tools (stylo, quanteda, scipy, FightingWords); a variant that differs carries a different name.</p>
<dl class="methods">{{range .Methods}}<dt>{{.Name}}</dt><dd>{{.Definition}} <span class="src">{{.Source}}</span></dd>{{end}}</dl>
<h3>Parameters of this run</h3>
<pre>{{.Parameters}}</pre>
</section>
<section id="files">
<h2>Files</h2>
<p class="intro">Every table is tidy CSV (UTF-8, header row) that a notebook reads in one line; DATA.md documents every column. <a href="DATA.md">DATA.md</a> · <a href="manifest.json">manifest.json</a></p>
{{range .Files}}<div class="block" style="margin-bottom:.8rem">
<h3><a href="{{.Name}}">{{.Name}}</a> <span class="src">{{.Rows}} rows, one per {{.RowPer}}</span></h3>
<div class="scroll"><table><thead><tr><th>column</th><th>type</th><th>unit</th><th>meaning</th></tr></thead><tbody>
{{range .Columns}}<tr><td>{{.Name}}</td><td>{{.Type}}</td><td>{{.Unit}}</td><td>{{.Meaning}}</td></tr>{{end}}
</tbody></table></div></div>
{{end}}
</section>
</main>
<aside class="kwic" id="kwic" aria-labelledby="kwic-title" hidden><header><h2 id="kwic-title"></h2><button type="button" id="kwic-close" aria-label="Close">Close</button></header><div id="kwic-body"></div></aside>
{{with .Explore}}<script type="application/json" id="kwic-data">{{json .}}</script>
{{end}}<script>
// Choosers: a block's <select> shows one of its alternatives (every one
// shows without this script).
document.querySelectorAll("p.chooser select").forEach(function (sel) {
  var choices = sel.closest(".block").querySelectorAll(".choice");
  function show() {
    choices.forEach(function (c) { c.hidden = c.getAttribute("data-choice") !== sel.value; });
  }
  sel.addEventListener("change", show);
  show();
});
// Sortable tables: click a header. The page reads the same without this.
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.classList.contains("n");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
});
// Find: a term typed (a trailing * finds words that begin so) is marked in
// every chart (its bars, points and labels: data-term, data-terms, or a
// label's text) and every table row with a cell that is it; Enter goes to
// the next mark, opening the pair that holds it.
(function () {
  var box = document.querySelector(".find"), input = document.getElementById("find");
  var count = document.getElementById("find-count"), more = document.getElementById("find-kwic");
  var el = document.getElementById("kwic-data"), data = el ? JSON.parse(el.textContent) : null;
  var marks = [], at = -1;
  box.hidden = false;
  function norm(s) { return s.replace(/[\s\u2002]+/g, " ").trim().toLowerCase(); }
  function matcher(q) {
    var prefix = q.length > 1 && q.charAt(q.length - 1) === "*";
    if (prefix) q = q.slice(0, -1);
    return function (s) { s = norm(s); return prefix ? s.indexOf(q) === 0 : s === q; };
  }
  function find() {
    marks.forEach(function (m) { m.classList.remove("hit"); });
    marks = []; at = -1;
    var q = norm(input.value);
    more.hidden = !(data && data.terms[q]);
    if (!q) { count.textContent = ""; return; }
    var match = matcher(q), charts = 0, rows = 0;
    document.querySelectorAll(".figure svg").forEach(function (svg) {
      var n = 0;
      svg.querySelectorAll("[data-term], [data-terms], text").forEach(function (e) {
        var ts = e.hasAttribute("data-terms") ? e.getAttribute("data-terms").split("\n") : [e.getAttribute("data-term") || e.textContent];
        if (ts.some(match)) { e.classList.add("hit"); marks.push(e); n++; }
      });
      if (n) charts++;
    });
    document.querySelectorAll("table.sortable tbody tr").forEach(function (tr) {
      if (Array.prototype.some.call(tr.cells, function (td) { return match(td.textContent); })) {
        tr.classList.add("hit"); marks.push(tr); rows++;
      }
    });
    marks.sort(function (a, b) { return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1; });
    count.textContent = charts || rows ? charts + (charts === 1 ? " chart, " : " charts, ") + rows + (rows === 1 ? " row" : " rows") : "not on this page";
  }
  function reveal(e) {
    var c = e.closest(".choice");
    if (c && c.hidden) {
      var sel = c.closest(".block").querySelector("p.chooser select");
      sel.value = c.getAttribute("data-choice");
      sel.dispatchEvent(new Event("change"));
    }
    e.scrollIntoView({block: "center"});
  }
  input.addEventListener("input", find);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && marks.length) { ev.preventDefault(); at = (at + 1) % marks.length; reveal(marks[at]); }
  });
  more.addEventListener("click", function () { show(norm(input.value)); });

  // The keyword-in-context panel: a click on a term (a bar, point or label
  // of a chart, a term cell of a table) shows its lines by group.
  var panel = document.getElementById("kwic"), title = document.getElementById("kwic-title");
  var body = document.getElementById("kwic-body");
  document.getElementById("kwic-close").addEventListener("click", function () { panel.hidden = true; });
  function add(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function show(term, terms) {
    body.textContent = "";
    panel.hidden = false;
    if (terms) {
      title.textContent = terms.length + " words on one spot";
      var p = add(body, "p");
      terms.forEach(function (t) {
        var b = add(p, "button", t);
        b.type = "button";
        b.addEventListener("click", function () { show(t); });
        p.appendChild(document.createTextNode(" "));
      });
      return;
    }
    title.textContent = "\u201c" + term + "\u201d in context";
    var entry = data && data.terms[term], gs = entry && entry.gs;
    if (!gs) {
      add(body, "p", data ? "The page holds lines for the terms its charts label and its tables list; this one is not among them. kwic.csv quotes the targets (--targets)." : "This page holds no keyword-in-context lines.", "note");
      return;
    }
    var n = 0, d = 0, more = entry.more;
    gs.forEach(function (g) { n += g.n; d += g.d; });
    if (more) { n += more[1]; d += more[2]; }
    add(body, "p", plural(n, "occurrence", "occurrences") + " in " + plural(d, "document", "documents") + (data.by === "document" ? "" : ", by " + data.by) + "; up to " + data.per + " lines for each of the first " + data.groups + (data.by === "document" ? " documents" : " groups") + " that use it.", "note");
    gs.forEach(function (g) {
      var h = add(body, "h3", g.g || "(no " + data.by + ")");
      add(h, "span", " " + plural(g.n, "occurrence", "occurrences") + (data.by === "document" ? "" : " in " + plural(g.d, "document", "documents")));
      if (!g.l) { add(body, "p", "Not quoted.", "note"); return; }
      var ol = add(body, "ol");
      g.l.forEach(function (l) {
        // The lines fold whitespace and drop it at the keyword's edges:
        // no space is put back before closing punctuation or after an
        // opening quote or bracket.
        var li = add(ol, "li");
        li.appendChild(document.createTextNode(l[1] + (/[(\[\u201c\u2018"]$/.test(l[1]) ? "" : " ")));
        add(li, "b", l[2]);
        li.appendChild(document.createTextNode((/^[,.;:!?)\]\u201d\u2019'"\u2026]/.test(l[3]) ? "" : " ") + l[3]));
        if (l[0]) add(li, "span", l[0], "doc");
      });
    });
    if (more) add(body, "p", "And " + plural(more[0], data.by === "document" ? "more document" : "more group", data.by === "document" ? "more documents" : "more groups") + ": " + plural(more[1], "occurrence", "occurrences") + ", not quoted.", "note");
    if (data.unread && data.unread.length) add(body, "p", "Not quoted (changed since profiled, unreadable, or too long): " + data.unread.join(", "), "note");
  }
  document.addEventListener("click", function (ev) {
    var e = ev.target.closest && ev.target.closest(".figure [data-term], .figure [data-terms], td.term");
    if (!e) return;
    if (e.hasAttribute("data-terms")) show(null, e.getAttribute("data-terms").split("\n"));
    else show(e.getAttribute("data-term") || e.textContent.trim());
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden) panel.hidden = true;
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("td.term")) show(ev.target.textContent.trim());
  });
})();
</script>
</body>
</html>
{{define "content"}}{{if .SVG}}<div class="figure">{{svg .SVG}}</div>{{if .Href}}<p class="note"><a href="{{.Href}}">{{.Href}}</a></p>{{end}}{{end}}
{{with .Table}}{{$t := .}}<div class="scroll"><table class="sortable">
<thead><tr>{{range $i, $h := .Header}}<th{{if num $t $i}} class="n"{{end}} scope="col">{{wbr $h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $i, $c := .}}<td{{if num $t $i}} class="n"{{else if term $t $i}} class="term" tabindex="0"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody></table></div>{{if .Note}}<p class="note">{{.Note}}</p>{{end}}{{end}}{{end}}`
