package reports

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckSVG: text that merely looks like script (names found in real
// file names and metadata) is data and passes; markup that would run is
// refused.
func TestCheckSVG(t *testing.T) {
	wrap := func(body string) []byte {
		return []byte(`<?xml version="1.0"?>` + "\n" + `<!-- gonum/plot -->` + "\n" +
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + body + `</svg>`)
	}
	for _, text := range []string{"Part One = Intro", "go online=now", "javascript:", "&lt;script&gt;alert(1)&lt;/script&gt;", " onload=x"} {
		if err := checkSVG(wrap(`<text x="1" y="2">` + text + `</text><title>` + text + `</title>`)); err != nil {
			t.Errorf("checkSVG(text %q) = %v, want nil", text, err)
		}
	}
	for _, body := range []string{
		`<script>alert(1)</script>`,
		`<SCRIPT>alert(1)</SCRIPT>`,
		`<g onload="alert(1)"></g>`,
		`<g OnClick="alert(1)"></g>`,
		`<a href="javascript:alert(1)"><text>x</text></a>`,
		`<a xlink:href=" JaVa&#x09;Script:alert(1)"><text>x</text></a>`,
		`<foreignObject><div>x</div></foreignObject>`,
		`<text>unclosed`,
	} {
		if err := checkSVG(wrap(body)); err == nil {
			t.Errorf("checkSVG(%s) = nil, want an error", body)
		}
	}
}

// TestWriteHTMLNamesTheChart: a refused chart is named in the error.
func TestWriteHTMLNamesTheChart(t *testing.T) {
	r := &Report{Sections: []Section{{ID: "s", Blocks: []Block{{Title: "MDS map", SVG: []byte(`<svg><script>x</script></svg>`)}}}}}
	err := WriteHTML(&bytes.Buffer{}, r)
	if err == nil || !strings.Contains(err.Error(), "MDS map") || !strings.Contains(err.Error(), "script") {
		t.Errorf("WriteHTML = %v, want an error naming the chart and the script", err)
	}
}
