package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokens feeds arbitrary bytes through decoding, canonicalisation,
// tokenising, tagging and profiling: nothing panics, every token is the
// original's bytes at its offset, and every KWIC keyword is too.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"Lenin’s party—fit—in “the soviets”.\nSign up now\n",
		"\xEF\xBB\xBFThe U.S. — and the worker-peasant alliance.\"[8] democracy…",
		"\xFF\xFEa\x00b\x00",
		"", "\n\n\n", "––––", "‘’“”", "a\u0301\u0301 b\r\nc",
		"revo\u00ADlution\u200B. \u00AD\u200B\u2060 \uFEFFedge\u200D—\u200Cin\n\u200B\n",
		"id,author\na,Ren\xE9\n", "L\x00e\x00n\x00i\x00n\x00",
	} {
		f.Add([]byte(s))
	}
	tg, err := NewTagger()
	if err != nil {
		f.Fatal(err)
	}
	c, _ := NewCanon([]string{`^Sign up`})
	c.DropRepeated = true
	f.Fuzz(func(t *testing.T, b []byte) {
		text, err := Decode(b)
		if err != nil {
			return
		}
		toks, sents, _ := tg.Tokens(c, text)
		for _, tk := range toks {
			if tk.Start < 0 || tk.Start+len(tk.Text) > len(text) || text[tk.Start:tk.Start+len(tk.Text)] != tk.Text {
				t.Fatalf("token %q at %d does not locate its text in %q", tk.Text, tk.Start, text)
			}
			if tk.Sentence < 0 || tk.Sentence >= len(sents) {
				t.Fatalf("token %q in sentence %d of %d", tk.Text, tk.Sentence, len(sents))
			}
		}
		p := Build(text, toks, sents, ProfileOptions{Canon: c, Targets: []Target{NewTarget("the"), NewTarget("x", "a b")}, SampleSize: 3, Features: []Feature{{"stylo", 1}, {"char", 3}}})
		for _, tp := range p.Targets {
			for _, k := range tp.KWIC {
				if text[k.Offset:k.Offset+len(k.Keyword)] != k.Keyword {
					t.Fatalf("KWIC %q at %d", k.Keyword, k.Offset)
				}
			}
		}
	})
}

// FuzzReadMeta: any CSV either reads or gives an error naming the file.
func FuzzReadMeta(f *testing.F) {
	for _, s := range []string{"id,author\na,Ann\n", "path,x\n./a.txt,1\n", "id\na\na\n", "\"unclosed\n", "author\nAnn\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ReadMeta(strings.NewReader(s), "meta.csv")
		if err != nil {
			if !strings.Contains(err.Error(), "meta.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		m.Join([]Source{{ID: "a", Path: "a.txt"}})
	})
}

// FuzzExtract: any text in markup either gives an error (XML only: HTML
// never fails) or plain text that is valid UTF-8, has no blank line and
// no white space at either end of a line outside <pre>-like content.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"<p>a&amp;b</p><br><script>x</script>", "<pre>\n a\n\n b</pre>", "<div><div><p>deep", teiDoc,
		"<doc>\n<p>text</div>", "<?xml version=\"1.0\" encoding=\"latin1\"?><a>&eacute;<b>x</b> y</a>",
		"<TEI><text><body><p>a<lb break=\"no\"/>b</p></body></text></TEI>", "", "&", "<",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Decode hands Extract valid UTF-8 only
		}
		for _, m := range []string{MarkupHTML, MarkupXML} {
			text, err := Extract(m, s)
			if err != nil {
				if m == MarkupHTML {
					t.Fatalf("Extract(html, %q): %v", s, err)
				}
				continue
			}
			if !utf8.ValidString(text) || strings.Contains(text, "\n\n") && !strings.Contains(s, "pre") && !strings.Contains(s, "textarea") && !strings.Contains(s, "listing") {
				t.Fatalf("Extract(%s, %q) = %q", m, s, text)
			}
			if m == MarkupXML && (text != strings.TrimSpace(text) || strings.Contains(text, " \n") || strings.Contains(text, "\n ")) {
				t.Fatalf("Extract(xml, %q) = %q: white space at a line's end", s, text)
			}
		}
	})
}
