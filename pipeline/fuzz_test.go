package pipeline

import (
	"strings"
	"testing"
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
