package reports

import (
	"encoding/json"
	"html"
	"regexp"

	"github.com/stylometer/stylometer/pipeline"
)

// The data behind the page's exploration (issue 14, item 18): the
// keyword-in-context lines a click on a term shows. The search and the
// hover need no data beyond the charts' data-term attributes and <title>
// tooltips.

// maxQuoted is the most terms whose lines the page holds: the first the
// page shows (see pageTerms).
const maxQuoted = 300

// labelTerm matches the start tag of a chart label that names a term.
var labelTerm = regexp.MustCompile(`<text [^>]*data-term="([^"]*)"`)

// pageTerms lists the terms the page shows as words, each once, at most
// maxQuoted: the chart labels that name a term (data-term on a <text>:
// keyness bars, labelled fightin' words, collocates, biplot arrows, pairs)
// and the cells of tables' term columns; in page order, but the blocks of
// one row per document (Detail) after the others, so that a corpus of
// hundreds of documents does not spend the budget on them. Points drawn
// without a label (the faint fightin' words) are not among them.
func pageTerms(r *Report) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] && len(out) < maxQuoted {
			seen[t] = true
			out = append(out, t)
		}
	}
	content := func(svg []byte, t *HTMLTable) {
		for _, m := range labelTerm.FindAllSubmatch(svg, -1) {
			add(html.UnescapeString(string(m[1])))
		}
		if t == nil {
			return
		}
		for _, row := range t.Rows {
			for i, c := range row {
				if i < len(t.Terms) && t.Terms[i] {
					add(c)
				}
			}
		}
	}
	for _, detail := range []bool{false, true} {
		for _, s := range r.Sections {
			for _, b := range s.Blocks {
				if b.Detail != detail {
					continue
				}
				content(b.SVG, b.Table)
				for _, c := range b.Choices {
					content(c.SVG, c.Table)
				}
			}
		}
	}
	return out
}

// exploreData is the JSON the page's keyword-in-context panel reads:
//
//	{"by": column, "per": lines per group, "groups": groups quoted per term,
//	 "terms": {term: {"gs": [{"g": group, "n": occurrences, "d": documents,
//	                          "l": [[doc, left, keyword, right], ...]}, ...],
//	                  "more": [groups, occurrences, documents]}},
//	 "unread": [doc, ...]}
//
// gs are the first o.Groups groups that use the term, with their lines;
// more, when there are others, counts them. by is the colouring column,
// or "document" when each document is a group (lines then leave doc
// empty: it is the group). Keys are sorted (encoding/json), so the bytes
// are deterministic; <, > and & are escaped, so it is safe inside a
// <script> element.
func exploreData(st *pipeline.Study, q *pipeline.Quotes, o pipeline.QuoteOptions) ([]byte, error) {
	type group struct {
		G string      `json:"g"`
		N int         `json:"n"`
		D int         `json:"d"`
		L [][4]string `json:"l,omitempty"`
	}
	type term struct {
		Groups []group `json:"gs"`
		More   []int   `json:"more,omitempty"`
	}
	data := struct {
		By     string          `json:"by"`
		Per    int             `json:"per"`
		Groups int             `json:"groups"`
		Terms  map[string]term `json:"terms"`
		Unread []string        `json:"unread,omitempty"`
	}{By: st.ColourBy(), Per: o.Per, Groups: o.Groups, Terms: map[string]term{}, Unread: q.Unread}
	if data.By == "" {
		data.By = "document"
	}
	for _, t := range q.Terms {
		var x term
		for k, g := range t.Groups {
			if k >= o.Groups {
				if x.More == nil {
					x.More = make([]int, 3)
				}
				x.More[0]++
				x.More[1] += g.Count
				x.More[2] += g.Docs
				continue
			}
			y := group{G: g.Group, N: g.Count, D: g.Docs}
			for _, l := range g.Lines {
				doc := l.Doc
				if st.ColourBy() == "" {
					doc = ""
				}
				y.L = append(y.L, [4]string{doc, l.Left, l.Keyword, l.Right})
			}
			x.Groups = append(x.Groups, y)
		}
		data.Terms[t.Term] = x
	}
	return json.Marshal(data)
}
