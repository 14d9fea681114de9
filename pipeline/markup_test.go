package pipeline

import (
	"context"
	"strings"
	"testing"
)

// The expected texts below are written by hand from the rules in
// Extract's doc comment.
func TestExtractHTML(t *testing.T) {
	for _, tc := range []struct {
		name, html, want string
	}{
		{"head, script, style, noscript and comments dropped; entities decoded; blocks break lines",
			`<!DOCTYPE html><html><head><title>Page title</title><style>p { color: red }</style>
<script>var party = "Lenin";</script></head>
<body><h1>The  Party</h1><p>Lenin&rsquo;s party &amp; the
  soviets.</p><noscript>Enable JavaScript</noscript><!-- a comment --><p>Second <em>paragraph</em>.<br>New line</p>
<ul><li>one</li><li>two</li></ul><template><p>Template</p></template><script>document.write("x")</script></body></html>`,
			"The Party\nLenin\u2019s party & the soviets.\nSecond paragraph.\nNew line\none\ntwo"},
		{"inline markup joins its text as written",
			`<p>The re<b>vol</b>ution <a href="x">began</a>.</p>`, "The revolution began."},
		{"table cells and divs each a line",
			`<table><tr><td>a</td><td>b</td></tr></table><div>c<div>d</div>e</div>`, "a\nb\nc\nd\ne"},
		{"no-break space is a space; svg and iframe dropped",
			`<p>a&nbsp;b<svg><text>chart label</text></svg></p><iframe>fallback</iframe><p>c</p>`, "a b\nc"},
		{"pre keeps its lines and spaces",
			"<p>before</p><pre>  keep\n  lines</pre><p>after</p>", "before\n  keep\n  lines\nafter"},
		{"a fragment without html or body", "Just text &lt;here&gt;", "Just text <here>"},
		{"nothing but markup", "<html><head><title>t</title></head><body></body></html>", ""},
	} {
		got, err := Extract(MarkupHTML, tc.html)
		if err != nil || got != tc.want {
			t.Errorf("%s: Extract(html) = %q, %v, want %q", tc.name, got, err, tc.want)
		}
	}
}

// teiDoc is a small TEI P5 document: a header, front and back matter, and
// a body with a note, a choice and line beginnings inside and between
// words.
const teiDoc = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc><titleStmt><title>Header title</title></titleStmt></fileDesc>
  </teiHeader>
  <text>
    <front><p>Preface text</p></front>
    <body>
      <head>Chapter One</head>
      <p>The revo<lb break="no"/>lution began<note place="foot">Editor: in 1917.</note> in
        Petrograd.<lb/>It <choice><sic>spred</sic><corr>spread</corr></choice> fast &amp; far.</p>
      <fw type="pageNum">12</fw>
      <lg><l>First line</l><l>Second <hi>line</hi></l></lg>
    </body>
    <back><div><p>Index</p></div></back>
  </text>
</TEI>`

func TestExtractXML(t *testing.T) {
	for _, tc := range []struct {
		name, xml, want string
	}{
		{"TEI: only the body of <text>", teiDoc,
			"Chapter One\nThe revolution began in Petrograd. It spread fast & far.\nFirst line\nSecond line"},
		{"TEI P4 root and a teiCorpus",
			`<teiCorpus><teiHeader><title>Corpus</title></teiHeader><TEI.2><teiHeader>h</teiHeader><text><body><p>One.</p></body></text></TEI.2><TEI><text><body><p>Two.</p></body></text></TEI></teiCorpus>`,
			"One.\nTwo."},
		{"other XML: all character data, a line per element outside mixed content; any declared encoding",
			`<?xml version="1.0" encoding="ISO-8859-1"?>
<records>
  <rec><name>Lenin</name><year>1917</year></rec>
  <remark>A <i>mixed</i>
     remark &mdash; with <![CDATA[<raw> text]]>.</remark>
  <!-- a comment -->
</records>`,
			"Lenin\n1917\nA mixed remark \u2014 with <raw> text."},
		{"word-annotated TEI: one line of running text, spaced between words, not before punctuation",
			`<TEI><text><body>
  <p><w>The</w> <w>cat</w> <w>sat</w><pc>.</pc> <w>It</w> <w>slept</w><pc>.</pc></p>
  <p><w>No</w><w>spaces</w><w>here</w><pc>.</pc></p>
</body></text></TEI>`,
			"The cat sat. It slept.\nNo spaces here."},
		{"other XML: elements on one line with a space between are running text",
			"<doc>\n  <p><hi>Lenin</hi> <hi>spoke</hi>.</p>\n  <p><b>Then</b> <i>silence</i></p>\n</doc>",
			"Lenin spoke.\nThen silence"},
	} {
		got, err := Extract(MarkupXML, tc.xml)
		if err != nil || got != tc.want {
			t.Errorf("%s: Extract(xml) = %q, %v, want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestExtractXMLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, xml, want string
	}{
		{"mismatched end tag", "<doc>\n<p>text</div>\n</doc>", "XML syntax error on line 2: element <p> closed by </div>"},
		{"unclosed element", "<doc>\n<p>text", "XML syntax error on line 2: unexpected EOF"},
		{"undeclared entity", "<doc>&foo;</doc>", "XML syntax error on line 1: invalid character entity &foo;"},
		{"TEI without a text element", "<TEI><teiHeader><title>t</title></teiHeader></TEI>", errNoTEIText.Error()},
	} {
		got, err := Extract(MarkupXML, tc.xml)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: Extract(xml) = %q, %v, want the error %q", tc.name, got, err, tc.want)
		}
	}
}

func TestMarkupOf(t *testing.T) {
	for name, want := range map[string]string{
		"a.html": MarkupHTML, "b.HTM": MarkupHTML, "dir/c.xhtml": MarkupHTML, `d\e.xml`: MarkupXML,
		"f.txt": "", "g.md": "", "h.pdf": "", "noext": "",
	} {
		if got := markupOf(name); got != want {
			t.Errorf("markupOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestMarkupDocuments: an HTML and a TEI file are profiled from their
// extracted text (a keyword-in-context offset points into it), the same
// bytes read as plain text count their tags as words, and malformed XML
// is a failure of stage markup naming the line.
func TestMarkupDocuments(t *testing.T) {
	dir := t.TempDir()
	page := "<html><head><title>Lenin title</title><script>lenin()</script></head><body><p>Lenin spoke.</p></body></html>"
	writeTree(t, dir, map[string]string{
		"page.html":  page,
		"plain.txt":  page,
		"book.xml":   teiDoc,
		"broken.xml": "<doc>\n<p>Lenin</div>\n</doc>",
	})
	src, err := FromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	res, err := ProfileSources(context.Background(), tg, src, PoolOptions{Profile: ProfileOptions{Targets: []Target{NewTarget("lenin")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failures) != 1 || res.Failures[0].Stage != "markup" || !strings.HasSuffix(res.Failures[0].Path, "broken.xml") ||
		res.Failures[0].Err != "XML syntax error on line 2: element <p> closed by </div>" {
		t.Fatalf("failures = %+v, want one markup failure for broken.xml", res.Failures)
	}
	words := map[string]int{}
	for _, d := range res.Docs {
		words[d.ID] = d.Profile.Words
	}
	// "Lenin spoke ." has 2 words; as plain text the tags are words too.
	// The TEI body: Chapter One / The revolution began in Petrograd. It
	// spread fast & far. / First line / Second line: 2 + 9 + 2 + 2 words
	// ("&" is punctuation).
	if words["page"] != 2 || words["book"] != 15 || words["plain"] <= 2 {
		t.Errorf("words by document = %v, want page 2, book 15, plain more than 2", words)
	}
	for _, d := range res.Docs {
		if d.ID != "page" {
			continue
		}
		text, _ := Extract(MarkupHTML, page)
		k := d.Profile.Targets[0].KWIC
		if len(k) != 1 || text[k[0].Offset:k[0].Offset+len(k[0].Keyword)] != "Lenin" || d.Profile.Targets[0].Count != 1 {
			t.Errorf("page.html: KWIC %+v in %q, want one occurrence at its offset in the extracted text", k, text)
		}
	}
}
