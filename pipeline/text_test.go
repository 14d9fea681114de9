package pipeline

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestDecode(t *testing.T) {
	le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("Lenin’s")) {
		le = append(le, byte(u), byte(u>>8))
	}
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{"plain", []byte("Lenin"), "Lenin", ""},
		{"utf8 bom", []byte("\xEF\xBB\xBFLenin"), "Lenin", ""},
		{"utf16le bom", le, "Lenin’s", ""},
		{"binary", []byte("ab\x00cd"), "", "binary file: NUL byte at offset 2"},
		{"latin1", []byte("caf\xE9"), "", "not UTF-8: invalid byte at offset 3"},
	}
	for _, tc := range tests {
		got, err := Decode(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("Decode(%s) error = %v, want prefix %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Decode(%s) = %q, %v, want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestTermFolding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lenin’s", "lenin's"},
		{"’s", "'s"},
		{"“Soviets”", `"soviets"`},
		{"—", "--"},
		{"Cafe\u0301", "café"}, // NFC: e + combining acute = é
	}
	for _, tc := range tests {
		if got := Term(tc.in); got != tc.want {
			t.Errorf("Term(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func newTestTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// terms returns the word terms of text in order.
func terms(tg *Tagger, c *Canon, text string) []string {
	toks, _, _ := tg.Tokens(c, text)
	var out []string
	for _, tk := range toks {
		if tk.Word {
			out = append(out, tk.Term)
		}
	}
	return out
}

func TestTokensDashesAndQuotes(t *testing.T) {
	tg := newTestTagger(t)
	tests := []struct {
		in   string
		want string // word terms joined by |
	}{
		// Em and en dashes separate words (prose alone keeps "fit—in" whole).
		{"They had to fit—in a hurry–the plan.", "they|had|to|fit|in|a|hurry|the|plan"},
		// Curly and straight apostrophes give the same terms.
		{"Lenin’s party.", "lenin|'s|party"},
		{"Lenin's party.", "lenin|'s|party"},
		// Hyphens stay inside words.
		{"The worker-peasant alliance.", "the|worker-peasant|alliance"},
	}
	for _, tc := range tests {
		if got := strings.Join(terms(tg, nil, tc.in), "|"); got != tc.want {
			t.Errorf("terms(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestTokensOffsetsAndTags(t *testing.T) {
	tg := newTestTagger(t)
	c, err := NewCanon([]string{`^Sign up`})
	if err != nil {
		t.Fatal(err)
	}
	text := "He said “the soviets”—all power.\nSign up for our newsletter\nLenin’s “party” won.\n"
	toks, sents, boiler := tg.Tokens(c, text)
	if boiler != 1 {
		t.Errorf("boilerplate lines = %d, want 1", boiler)
	}
	if len(sents) != 2 {
		t.Errorf("sentences = %d, want 2", len(sents))
	}
	for _, tk := range toks {
		if got := text[tk.Start : tk.Start+len(tk.Text)]; got != tk.Text {
			t.Errorf("token %q at %d: text there is %q", tk.Text, tk.Start, got)
		}
		if strings.Contains(tk.Term, "sign") || strings.Contains(tk.Term, "newsletter") {
			t.Errorf("boilerplate token %q was kept", tk.Text)
		}
	}
	// Curly quotes reach the tagger as the Penn Treebank's `` and ''.
	tags := map[string]string{}
	for _, tk := range toks {
		tags[tk.Text] = tk.Tag
	}
	for tok, want := range map[string]string{"“": "``", "”": "''", "—": ":", "’s": "POS", "soviets": "NNS"} {
		if tags[tok] != want {
			t.Errorf("tag of %q = %q, want %q", tok, tags[tok], want)
		}
	}
}

func TestMaskKeepsLength(t *testing.T) {
	c, _ := NewCanon([]string{`^Issue \d+$`})
	text := "Issue 2548\r\nworkers—soviets\n"
	work, dashes, removed := c.mask(text)
	if len(work) != len(text) || removed != 1 || len(dashes) != 1 || dashes[0] != len("Issue 2548\r\nworkers") {
		t.Errorf("mask(%q) = %q, %v, %d", text, work, dashes, removed)
	}
}

func TestTokensSplitGluedPunctuation(t *testing.T) {
	tg := newTestTagger(t)
	tests := []struct{ in, want string }{
		{`the bourgeoisie."[8] And democracy… now.`, "the|bourgeoisie|8|and|democracy|now"},
		{"The U.S. and the worker-peasant alliance.", "the|u.s.|and|the|worker-peasant|alliance"},
	}
	for _, tc := range tests {
		if got := strings.Join(terms(tg, nil, tc.in), "|"); got != tc.want {
			t.Errorf("terms(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestMaskDropRepeated(t *testing.T) {
	c := &Canon{DropRepeated: true}
	text := "Caption\nCaption\n\nCaption\nBody\nCaption\n"
	work, _, removed := c.mask(text)
	// The 2nd and 3rd "Caption" repeat the previous non-blank line; the
	// last one follows "Body" and stays.
	if want := "Caption\n       \n\n       \nBody\nCaption\n"; work != want || removed != 2 {
		t.Errorf("mask = %q, %d, want %q, 2", work, removed, want)
	}
}

func TestStyloWords(t *testing.T) {
	// stylo splits on every non-letter: apostrophes, hyphens and digits
	// separate words; case is folded; combining marks stay in the word.
	got := strings.Join(styloWords("Lenin’s worker-peasant alliance, 1917: Cafe\u0301 ÉTAT"), "|")
	if want := "lenin|s|worker|peasant|alliance|cafe\u0301|état"; got != want {
		t.Errorf("styloWords = %s, want %s", got, want)
	}
}

func TestKeepCase(t *testing.T) {
	tg := newTestTagger(t)
	text := "The Party and the party."
	if got := strings.Join(terms(tg, &Canon{KeepCase: true}, text), "|"); got != "The|Party|and|the|party" {
		t.Errorf("KeepCase terms = %s", got)
	}
	if got := strings.Join(terms(tg, nil, text), "|"); got != "the|party|and|the|party" {
		t.Errorf("folded terms = %s", got)
	}
	if tgt := NewTargetCase(&Canon{KeepCase: true}, "Party"); tgt.Forms[0][0] != "Party" {
		t.Errorf("NewTargetCase kept %q", tgt.Forms[0][0])
	}
}
