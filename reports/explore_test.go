package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stylometer/stylometer/pipeline"
)

// TestPageTerms: the terms of chart labels (data-term on a <text>, XML
// escapes undone, not the tooltip areas) and of term columns, in page
// order, choices included, each once; the blocks of one row per document
// last; at most maxQuoted.
func TestPageTerms(t *testing.T) {
	svg := func(labels ...string) []byte {
		var b strings.Builder
		b.WriteString(`<svg>`)
		for _, l := range labels {
			fmt.Fprintf(&b, `<text textLength="9" data-term="%s" x="1">%s</text>`, l, l)
		}
		b.WriteString(`<rect data-term="tooltip-only" x="0"><title>t</title></rect></svg>`)
		return []byte(b.String())
	}
	terms := func(ts ...string) *HTMLTable {
		tb := &HTMLTable{Header: []string{"who", "term"}, Terms: []bool{false, true}}
		for _, x := range ts {
			tb.Rows = append(tb.Rows, []string{"someone", x})
		}
		return tb
	}
	r := &Report{Sections: []Section{
		{Blocks: []Block{
			{SVG: svg("doc-only"), Detail: true},
			{SVG: svg("soviet", "war &amp; peace"), Table: terms("party", "soviet")},
		}},
		{Blocks: []Block{
			{Table: terms("doc-row"), Detail: true},
			{Choices: []Choice{{SVG: svg("pair-a")}, {Table: terms("pair-b", "party")}}},
		}},
	}}
	want := []string{"soviet", "war & peace", "party", "pair-a", "pair-b", "doc-only", "doc-row"}
	if diff := cmp.Diff(want, pageTerms(r)); diff != "" {
		t.Errorf("pageTerms (-want +got):\n%s", diff)
	}

	var many []string
	for i := range maxQuoted + 10 {
		many = append(many, fmt.Sprintf("t%04d", i))
	}
	r = &Report{Sections: []Section{{Blocks: []Block{{Table: terms(many...)}}}}}
	if got := pageTerms(r); len(got) != maxQuoted || got[maxQuoted-1] != many[maxQuoted-1] {
		t.Errorf("pageTerms of %d terms: %d, last %q; want the first %d", len(many), len(got), got[len(got)-1], maxQuoted)
	}
}

// TestExploreData: the first o.Groups groups with their lines, the others
// counted in "more" (2 groups, 1+2 occurrences, 1+1 documents here); the
// document left out of a line when each document is a group; text that
// would end the <script> element escaped.
func TestExploreData(t *testing.T) {
	q := &pipeline.Quotes{Terms: []pipeline.TermQuotes{{Term: "party", Groups: []pipeline.GroupQuotes{
		{Group: "a", Count: 5, Docs: 2, Lines: []pipeline.Quote{{Doc: "d1", KWIC: pipeline.KWIC{Left: "the </script>", Keyword: "Party", Right: "line"}}}},
		{Group: "b", Count: 1, Docs: 1},
		{Group: "c", Count: 2, Docs: 1},
	}}}, Unread: []string{"d9"}}
	o := pipeline.QuoteOptions{Per: 3, Groups: 1}
	for _, tt := range []struct {
		groupBy []string
		want    string
	}{
		{[]string{"stance"}, `{"by":"stance","per":3,"groups":1,"terms":{"party":{"gs":[{"g":"a","n":5,"d":2,"l":[["d1","the \u003c/script\u003e","Party","line"]]}],"more":[2,3,2]}},"unread":["d9"]}`},
		{nil, `{"by":"document","per":3,"groups":1,"terms":{"party":{"gs":[{"g":"a","n":5,"d":2,"l":[["","the \u003c/script\u003e","Party","line"]]}],"more":[2,3,2]}},"unread":["d9"]}`},
	} {
		st := &pipeline.Study{Options: pipeline.Options{GroupBy: tt.groupBy}}
		got, err := exploreData(st, q, o)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("groupBy %v: exploreData =\n%s\nwant\n%s", tt.groupBy, got, tt.want)
		}
		if !json.Valid(got) {
			t.Errorf("not JSON: %s", got)
		}
	}
}

// TestExplorePage: the page holds the data in a JSON script element, as
// given (no HTML escaping), and the search box and the panel, hidden until
// the script shows them; without data, no JSON element.
func TestExplorePage(t *testing.T) {
	for _, data := range [][]byte{[]byte(`{"by":"stance","terms":{"a\u003cb":{"gs":[]}}}`), nil} {
		var b bytes.Buffer
		if err := WriteHTML(&b, &Report{Title: "t", Explore: data}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		el := `<script type="application/json" id="kwic-data">` + string(data) + `</script>`
		if got := strings.Contains(page, el); got != (data != nil) {
			t.Errorf("data %s: element present %v", data, got)
		}
		for _, s := range []string{`<span class="find" role="search" hidden><input type="search" id="find"`, `<aside class="kwic" id="kwic" aria-labelledby="kwic-title" hidden>`} {
			if !strings.Contains(page, s) {
				t.Errorf("the page lacks %s", s)
			}
		}
	}
}
