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
}

// KV is a labelled value.
type KV struct{ Key, Value string }

// Section is one part of the page, with an anchor id.
type Section struct {
	ID, Title, Intro string
	Blocks           []Block
}

// Block is a figure, a table, or both, with a title and a caption.
type Block struct {
	Title, Caption string
	SVG            []byte     // inline chart, or nil
	Href           string     // link to the chart's file
	Table          *HTMLTable // or nil
	Wide           bool       // spans the page width
}

// HTMLTable is a table shown on the page. Numeric marks the columns sorted
// as numbers by the page's script.
type HTMLTable struct {
	Header  []string
	Rows    [][]string
	Numeric []bool
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
// small inline script that makes tables sortable (the page reads the same
// without it), no request to anywhere.
func WriteHTML(w io.Writer, r *Report) error {
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			if err := checkSVG(b.SVG); err != nil {
				return fmt.Errorf("report: chart %q: %w", b.Title, err)
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
	"num": func(t *HTMLTable, i int) bool { return i < len(t.Numeric) && t.Numeric[i] },
	// wbr lets a long column name such as sentence_length_mean wrap
	// after its underscores.
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
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>{{.Subtitle}}</p>
<div class="summary">{{range .Summary}}<div><b>{{.Value}}</b>{{.Key}}</div>{{end}}</div>
</header>
<nav>{{range .Sections}}<a href="#{{.ID}}">{{.Title}}</a>{{end}}<a href="#method">Method</a><a href="#files">Files</a></nav>
<main>
{{range .Sections}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{if .Intro}}<p class="intro">{{.Intro}}</p>{{end}}
<div class="grid">
{{range .Blocks}}<div class="block{{if .Wide}} wide{{end}}">
<h3>{{.Title}}</h3>
{{if .Caption}}<p class="caption">{{.Caption}}</p>{{end}}
{{if .SVG}}<div class="figure">{{svg .SVG}}</div>{{if .Href}}<p class="note"><a href="{{.Href}}">{{.Href}}</a></p>{{end}}{{end}}
{{with .Table}}{{$t := .}}<div class="scroll"><table class="sortable">
<thead><tr>{{range $i, $h := .Header}}<th{{if num $t $i}} class="n"{{end}} scope="col">{{wbr $h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $i, $c := .}}<td{{if num $t $i}} class="n"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody></table></div>{{if .Note}}<p class="note">{{.Note}}</p>{{end}}{{end}}
</div>
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
<script>
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
</script>
</body>
</html>
`
