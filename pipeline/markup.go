package pipeline

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The markup formats a Source may be in (Source.Markup): its text is
// extracted before it is tagged (see Extract). Plain text is "".
const (
	MarkupHTML = "html"
	MarkupXML  = "xml"
)

// markupExt maps the extensions a folder walk reads to their markup: ""
// for plain text.
var markupExt = map[string]string{
	".txt": "", ".md": "",
	".html": MarkupHTML, ".htm": MarkupHTML, ".xhtml": MarkupHTML,
	".xml": MarkupXML,
}

// markupOf is the markup of a file by its extension: MarkupHTML for .html,
// .htm and .xhtml, MarkupXML for .xml, "" (plain text) for any other.
func markupOf(name string) string {
	return markupExt[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
}

// Extract returns the text of a document in markup (MarkupHTML or
// MarkupXML; "" returns text as it is), as lines of plain text: the
// markup's own white space is folded (a run of spaces, tabs and line
// breaks is one space, U+00A0 included), entities are decoded, and the
// boundaries of block elements (paragraphs, headings, list items, table
// cells, verse lines ...) become line breaks, so sentences never run
// together across them nor break where the markup's source wrapped a
// line. Offsets into a document in markup are offsets into this text.
//
// HTML is parsed as a browser parses it (golang.org/x/net/html, the
// HTML5 algorithm), which never fails: the head (title included) and what
// a reader never sees as the page's text are dropped (script, style,
// noscript, template, svg, iframe, object, canvas, audio, video), the
// block elements of HTML break lines, <br> too, and <pre> keeps its
// lines.
//
// XML is parsed strictly (encoding/xml; HTML's named entities such as
// &mdash; are accepted, other undeclared entities are errors), and
// malformed markup is an error naming the line. An element breaks lines
// unless it sits inside mixed content (its parent, or an ancestor, holds
// text of its own beside it, as <p> holds <hi>, or a space on the line
// between its children, or in TEI a phrase-level child such as <w>: see
// teiPhrase): so paragraphs, verse
// lines and the fields of a record each make a line, and inline markup
// joins its text as written. The text must be UTF-8 or UTF-16 (Decode), whatever the XML
// declaration says. A TEI document (root element TEI, TEI.2 or
// teiCorpus) keeps only the text of each <text> element of a TEI: the
// teiHeader, facsimiles and stand-off markup are left out, and so are,
// inside <text>, the <front> and <back> matter (title pages, prefaces,
// appendices: usually not the author's running text), notes (<note>:
// editorial, or set apart from the sentence they hang on), forme work
// (<fw>: running heads, page numbers), figure descriptions (<figDesc>),
// and within a <choice> the original readings (<sic>, <orig>, <abbr>)
// whose regularised forms (<corr>, <reg>, <expan>) are kept. In TEI's
// mixed content <lb/>, <pb/> and <cb/> are a space, unless
// break="no" (a word across a line or page end). Any other XML keeps all
// of its character data.
func Extract(markup, text string) (string, error) {
	switch markup {
	case "":
		return text, nil
	case MarkupHTML:
		return extractHTML(text)
	case MarkupXML:
		return extractXML(text)
	}
	panic("pipeline: unknown markup " + markup)
}

// plain writes extracted text: runs of white space folded to one space,
// line breaks only between lines with text.
type plain struct {
	b     strings.Builder
	space bool // a space is due before the next character
	line  bool // a line break is due before the next character
}

// text writes s with its white space folded.
func (p *plain) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			p.space = true
			continue
		}
		p.put(r)
	}
}

// pre writes s keeping its line breaks and its spaces (each white space
// character other than a line break is a space).
func (p *plain) pre(s string) {
	for _, r := range s {
		switch {
		case r == '\n':
			p.space = false
			p.line = true
			if p.b.Len() > 0 {
				p.b.WriteByte('\n')
				p.line = false
			}
		case r == '\r':
		case unicode.IsSpace(r):
			p.flush()
			p.b.WriteByte(' ')
		default:
			p.put(r)
		}
	}
}

// put writes r after the space or line break due.
func (p *plain) put(r rune) {
	p.flush()
	p.b.WriteRune(r)
}

func (p *plain) flush() {
	switch {
	case p.b.Len() == 0:
	case p.line:
		p.b.WriteByte('\n')
	case p.space:
		p.b.WriteByte(' ')
	}
	p.space, p.line = false, false
}

// breakLine makes the next text start a new line.
func (p *plain) breakLine() { p.line = true }

// htmlDrop are the HTML elements whose content is not the page's text.
var htmlDrop = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true,
}

// htmlBlock are the HTML elements that start and end a line.
var htmlBlock = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true, atom.Frameset: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true,
	atom.Li: true, atom.Listing: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.Optgroup: true, atom.Option: true, atom.P: true, atom.Plaintext: true,
	atom.Pre: true, atom.Section: true, atom.Select: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Textarea: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Xmp: true,
}

// extractHTML is Extract for HTML. The tree is walked without recursion,
// so no nesting depth can exhaust the stack.
func extractHTML(text string) (string, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return "", err // only a reader's error: never from a string
	}
	var p plain
	pre := 0 // <pre> elements open
	dropped := func(n *html.Node) bool {
		return n.Type == html.ElementNode && htmlDrop[n.DataAtom] || n.Type == html.CommentNode || n.Type == html.DoctypeNode
	}
	enter := func(n *html.Node) bool {
		switch {
		case dropped(n):
			return false
		case n.Type == html.TextNode:
			if pre > 0 {
				p.pre(n.Data)
			} else {
				p.text(n.Data)
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			p.breakLine()
		case n.Type == html.ElementNode:
			if htmlBlock[n.DataAtom] {
				p.breakLine()
			}
			if n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea || n.DataAtom == atom.Listing {
				pre++
			}
		}
		return true
	}
	leave := func(n *html.Node) {
		if n.Type != html.ElementNode || dropped(n) {
			return
		}
		if htmlBlock[n.DataAtom] {
			p.breakLine()
		}
		if n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea || n.DataAtom == atom.Listing {
			pre--
		}
	}
	for n := doc; ; {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			leave(n)
			if n == doc {
				return p.b.String(), nil
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// xmlDecoder is the strict decoder of Extract: HTML's named entities
// accepted, any declared encoding read as the UTF-8 the text already is.
func xmlDecoder(text string) *xml.Decoder {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

// isTEIRoot reports the root elements of TEI documents: TEI (P5), TEI.2
// (P4) and teiCorpus.
func isTEIRoot(name string) bool {
	return name == "TEI" || name == "TEI.2" || name == "teiCorpus" || name == "teiCorpus.2"
}

// isTEI reports the elements whose <text> children a TEI document keeps.
func isTEI(name string) bool { return name == "TEI" || name == "TEI.2" }

// teiDrop are the elements left out inside a TEI <text>; teiChoiceDrop
// those left out inside a <choice>.
var (
	teiDrop       = map[string]bool{"front": true, "back": true, "note": true, "fw": true, "figDesc": true}
	teiChoiceDrop = map[string]bool{"sic": true, "orig": true, "abbr": true}
)

// teiPhrase are TEI's phrase-level elements that hold running text: a
// parent with one of them is mixed content (its children are inline),
// even with no text of its own between them, as in word-annotated TEI
// (<p><w>The</w><w>cat</w><pc>.</pc></p>). Milestones (lb, pb, cb) and
// elements that can also stand between blocks (quote, q, said, gap) are
// not among them.
var teiPhrase = map[string]bool{
	"w": true, "pc": true, "c": true, "hi": true, "seg": true, "name": true, "persName": true,
	"placeName": true, "orgName": true, "rs": true, "foreign": true, "emph": true, "term": true,
	"num": true, "date": true, "choice": true, "abbr": true, "expan": true, "unclear": true,
	"supplied": true, "add": true, "del": true,
}

// errNoTEIText is a TEI document with no <text> element.
var errNoTEIText = errors.New("TEI document without a <text> element: nothing to read (the teiHeader is not the text)")

// extractXML is Extract for XML: a first pass checks the markup and finds
// the elements with text of their own (mixed content), a second writes
// the text.
func extractXML(text string) (string, error) {
	var mixed []bool // by element, in document order: holds running text (see Extract)
	var open []int   // elements open, as indices into mixed
	var names []string
	root, teiText := "", false
	d := xmlDecoder(text)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err // *xml.SyntaxError: "XML syntax error on line N: ..."
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
			}
			if t.Name.Local == "text" && len(names) > 0 && isTEI(names[len(names)-1]) {
				teiText = true
			}
			if len(open) > 0 && teiPhrase[t.Name.Local] && isTEIRoot(root) {
				mixed[open[len(open)-1]] = true // words in <w>, <hi>...: the parent is running text
			}
			open = append(open, len(mixed))
			mixed = append(mixed, false)
			names = append(names, t.Name.Local)
		case xml.EndElement:
			open, names = open[:len(open)-1], names[:len(names)-1]
		case xml.CharData:
			// Text of its own, or a space between two elements on one
			// line (<hi>Lenin</hi> <hi>spoke</hi>): running text. White
			// space with a line break is indentation between blocks.
			if s := string(t); len(open) > 0 && (strings.TrimSpace(s) != "" || !strings.ContainsAny(s, "\n\r")) {
				mixed[open[len(open)-1]] = true
			}
		}
	}
	tei := isTEIRoot(root)
	if tei && !teiText {
		return "", errNoTEIText
	}

	type frame struct {
		name        string
		mixed, keep bool
		inline      bool // inside mixed content: its parent's or an ancestor's
	}
	var p plain
	var stack []frame
	k := 0 // the next element's index into mixed
	d = xmlDecoder(text)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err // not reached: the first pass read it all
		}
		switch t := tok.(type) {
		case xml.StartElement:
			f := frame{name: t.Name.Local, mixed: mixed[k], keep: !tei}
			k++
			if n := len(stack); n > 0 {
				parent := stack[n-1]
				f.inline = parent.mixed || parent.inline
				f.keep = parent.keep
				switch {
				case !tei:
				case f.name == "text" && isTEI(parent.name):
					f.keep = true
				case teiDrop[f.name], teiChoiceDrop[f.name] && parent.name == "choice":
					f.keep = false
				}
			}
			stack = append(stack, f)
			switch {
			case !f.keep:
			case !f.inline:
				p.breakLine()
			case tei && (f.name == "lb" || f.name == "pb" || f.name == "cb") && !breakNo(t):
				p.space = true
			case tei && f.name == "w":
				p.space = true // a word: apart from the one before, spaces or not between them
			}
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if f.keep && !f.inline {
				p.breakLine()
			}
		case xml.CharData:
			if n := len(stack); n > 0 && stack[n-1].keep && stack[n-1].mixed {
				p.text(string(t))
			}
		}
	}
	return p.b.String(), nil
}

// breakNo reports a TEI milestone inside a word: break="no".
func breakNo(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "break" && (a.Value == "no" || a.Value == "n") {
			return true
		}
	}
	return false
}
