package pipeline

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{"plain", []byte("Lenin"), "Lenin", ""},
		{"utf8 bom", []byte("\xEF\xBB\xBFLenin"), "Lenin", ""},
		{"utf16le bom", utf16Bytes("Lenin’s", false, true), "Lenin’s", ""},
		{"utf16be bom", utf16Bytes("Lenin’s", true, true), "Lenin’s", ""},
		{"binary", []byte("ab\x00cd"), "", "binary file: NUL byte at offset 2"},
		// A zip header: NULs at both parities (4 and 5), so no UTF-16 hint.
		{"zip", []byte("PK\x03\x04\x00\x00binary"), "", "binary file: NUL byte at offset 4"},
		{"all nul", make([]byte, 8), "", "binary file: NUL byte at offset 0"},
		// Too short to tell: "A" in UTF-16BE, but 2 bytes (under utf16Least).
		{"short", []byte("\x00A"), "", "binary file: NUL byte at offset 0"},
		// UTF-16 without a BOM: "L" then its zero high byte (offset 1) in
		// little-endian, the zero high byte first (offset 0) in big-endian.
		// "’" (U+2019) has no zero byte: 13 of the 14 odd bytes are NUL,
		// over three quarters.
		{"utf16le no bom", utf16Bytes("Lenin’s party.", false, false), "",
			"binary file: NUL byte at offset 1 (UTF-16 without a byte-order mark? convert it, e.g. iconv -f utf-16le -t utf-8)"},
		{"utf16be no bom", utf16Bytes("Lenin’s party.", true, false), "",
			"binary file: NUL byte at offset 0 (UTF-16 without a byte-order mark? convert it, e.g. iconv -f utf-16be -t utf-8)"},
		{"utf16 nul", utf16Bytes("ab\x00", false, true), "", "binary file: NUL character in UTF-16 text at offset 6"}, // BOM, a, b: 2+2+2
		{"latin1", []byte("caf\xE9"), "", "not UTF-8: invalid byte at offset 3 (convert it, e.g. iconv -f latin1 -t utf-8)"},
		// Offsets are in the file: the 3-byte BOM counts.
		{"utf8 bom latin1", []byte("\xEF\xBB\xBFcaf\xE9"), "", "not UTF-8: invalid byte at offset 6 (convert it, e.g. iconv -f latin1 -t utf-8)"},
	}
	for _, tc := range tests {
		got, err := Decode(tc.in)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("Decode(%s) error = %v, want %s", tc.name, err, tc.wantErr)
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
		// Soft hyphen and zero-width characters are dropped.
		{"Revo\u00ADlution", "revolution"},
		{"\u200Bzero\u200Cwidth\u200Djoin\u2060ed\uFEFF", "zerowidthjoined"},
		{"\u00AD\u200B", ""},
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
	work, dashes, removed := c.mask(text, nil)
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

// TestTokensNumbersHyphensDebris: every token, words and punctuation, of
// crafted sentences (issue 14, items 1 to 3). Numbers stay whole, as prose
// and quanteda keep them; a double hyphen is a dash, a leading hyphen is
// not part of the word; the period that ends a sentence is not part of
// "War." (prose takes a capital and one or two letters before a period for
// an abbreviation); hyphenated compounds are one word unless
// Canon.SplitHyphens asks for stylo's convention.
func TestTokensNumbersHyphensDebris(t *testing.T) {
	tg := newTestTagger(t)
	tests := []struct {
		in           string
		splitHyphens bool
		want         string // every token's text joined by |
	}{
		{"He paid $1,000,000 at 4:05 on 12.5.1917, and 3.14.", false,
			"He|paid|$|1,000,000|at|4:05|on|12.5.1917|,|and|3.14|."},
		{"Lists 1,2 and a:b, then 7, 8: done", false, "Lists|1,2|and|a|:|b|,|then|7|,|8|:|done"},
		{"freedom--and -the worker-peasant alliance -- won", false,
			"freedom|--|and|-|the|worker-peasant|alliance|--|won"},
		{"the worker-peasant alliance of petty-bourgeois co-operators", true,
			"the|worker|-|peasant|alliance|of|petty|-|bourgeois|co|-|operators"},
		{"It was the First World War. But the Act. passed.", false,
			"It|was|the|First|World|War|.|But|the|Act.|passed|."},
		{"They signed the Act. “It passed,” said Mr. Smith to Dr. Jones. A vote.", false,
			"They|signed|the|Act|.|“|It|passed|,|”|said|Mr.|Smith|to|Dr.|Jones|.|A|vote|."},
		// Abbreviations keep their period where the segmenter ends a
		// sentence after them; "Prof." is split by prose's own rules (its
		// abbreviation pattern takes one or two lower-case letters).
		{"He read Vol. 25 by Stalin & Co. Then Prof. Pokrovsky wrote Vol. II with Dr. Who and Mr. Lenin.", false,
			"He|read|Vol.|25|by|Stalin|&|Co.|Then|Prof|.|Pokrovsky|wrote|Vol.|II|with|Dr.|Who|and|Mr.|Lenin|."},
		{"“The U.S. and i.e. the war.” Then War.”", false, "“|The|U.S.|and|i.e.|the|war|.|”|Then|War|.|”"},
	}
	for _, tc := range tests {
		toks, _, _ := tg.Tokens(&Canon{SplitHyphens: tc.splitHyphens}, tc.in)
		var got []string
		for _, tk := range toks {
			if tc.in[tk.Start:tk.Start+len(tk.Text)] != tk.Text {
				t.Errorf("%q: token %q at %d is not the text there", tc.in, tk.Text, tk.Start)
			}
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Tokens(%q, split hyphens %v) =\n%s\nwant\n%s", tc.in, tc.splitHyphens, g, tc.want)
		}
	}
}

func TestMaskDropRepeated(t *testing.T) {
	c := &Canon{DropRepeated: true}
	text := "Caption\nCaption\n\nCaption\nBody\nCaption\n"
	work, _, removed := c.mask(text, nil)
	// The 2nd and 3rd "Caption" repeat the previous non-blank line; the
	// last one follows "Body" and stays.
	if want := "Caption\n       \n\n       \nBody\nCaption\n"; work != want || removed != 2 {
		t.Errorf("mask = %q, %d, want %q, 2", work, removed, want)
	}
}

func TestStyloWords(t *testing.T) {
	// stylo splits on every non-letter: apostrophes, hyphens and digits
	// separate words; case is folded; combining marks stay in the word.
	got := strings.Join(styloWords("Lenin’s worker-peasant alliance, 1917: Cafe\u0301 ÉTAT", nil), "|")
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

// TestTokensInvisibleCharacters: soft hyphens and zero-width characters
// never split a word and never make a token. Each text must give the same
// terms, tags and word flags as the text with those characters removed,
// and every token's Text must still be the original's bytes at its offset.
func TestTokensInvisibleCharacters(t *testing.T) {
	tg := newTestTagger(t)
	strip := strings.NewReplacer("\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\u2060", "", "\uFEFF", "")
	tests := []struct {
		in    string
		terms string // word terms joined by |
		texts string // word texts joined by |
	}{
		// Inside a word: kept in the text, dropped from the term.
		{"The revo\u00ADlution began.", "the|revolution|began", "The|revo\u00ADlution|began"},
		{"A zero\u200Bwidth space.", "a|zerowidth|space", "A|zero\u200Bwidth|space"},
		{"Non\u200Cjoiner, jo\u200Diner and in\uFEFFside, wo\u2060rd.", "nonjoiner|joiner|and|inside|word", "Non\u200Cjoiner|jo\u200Diner|and|in\uFEFFside|wo\u2060rd"},
		// At a word's edge or alone: in no token.
		{"At the \u00ADedge and the edge\u200B.", "at|the|edge|and|the|edge", "At|the|edge|and|the|edge"},
		{"Alone \u200B here \u00AD and \u2060\uFEFF there.", "alone|here|and|there", "Alone|here|and|there"},
		// Next to a straight quote: it still opens and closes (the tags
		// are compared with the text without them below).
		{"He said \u200B\"revo\u00ADlution\u200B\" twice.", "he|said|revolution|twice", "He|said|revo\u00ADlution|twice"},
		// Between a word and its full stop: prose still splits the stop off.
		{"Revo\u00ADlution\u200B.\u200B\u200B", "revolution", "Revo\u00ADlution"},
	}
	type tok struct {
		Term, Tag string
		Word      bool
	}
	forms := func(toks []Token) []tok {
		var out []tok
		for _, tk := range toks {
			out = append(out, tok{tk.Term, tk.Tag, tk.Word})
		}
		return out
	}
	for _, tc := range tests {
		toks, _, _ := tg.Tokens(nil, tc.in)
		var terms, texts []string
		for _, tk := range toks {
			if tk.Word {
				terms = append(terms, tk.Term)
				texts = append(texts, tk.Text)
			}
			if got := tc.in[tk.Start : tk.Start+len(tk.Text)]; got != tk.Text {
				t.Errorf("%q: token %q at %d: text there is %q", tc.in, tk.Text, tk.Start, got)
			}
		}
		if got := strings.Join(terms, "|"); got != tc.terms {
			t.Errorf("terms(%q) = %s, want %s", tc.in, got, tc.terms)
		}
		if got := strings.Join(texts, "|"); got != tc.texts {
			t.Errorf("texts(%q) = %q, want %q", tc.in, got, tc.texts)
		}
		plain, _, _ := tg.Tokens(nil, strip.Replace(tc.in))
		if d := cmp.Diff(forms(plain), forms(toks)); d != "" {
			t.Errorf("%q against the text without them (-plain +got):\n%s", tc.in, d)
		}
	}
}
