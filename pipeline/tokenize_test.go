package pipeline

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// The reference for every token below is prose v3's own tokenizer
// (tokenize.New().Tokenize), run beside ours on the same text.

func newProseTokenizer() *tokenize.Tokenizer { return tokenize.New() }

func newTokenizerComparer(r tokenRules) *tokenComparer {
	return &tokenComparer{prose: newProseTokenizer(), ours: newTokenizer(r)}
}

// tokenComparer tokenises texts with prose and with ours and notes every
// text where the two differ.
type tokenComparer struct {
	prose          *tokenize.Tokenizer
	ours           *tokenizer
	buf            []token.Token
	texts, tokens  int
	differ         int      // texts tokenised unlike prose
	diffs          []string // the first five of them
	longest, bytes int
}

func (c *tokenComparer) compare(text string) {
	want := c.prose.Tokenize(text)
	c.buf = c.ours.appendTokens(c.buf[:0], text)
	c.texts++
	c.tokens += len(want)
	c.bytes += len(text)
	for _, t := range want {
		c.longest = max(c.longest, len(t.Text))
	}
	if slices.Equal(want, c.buf) {
		return
	}
	if c.differ++; len(c.diffs) < 5 {
		c.diffs = append(c.diffs, "tokenize("+strconv.Quote(clip(text, 300))+"):\n"+cmp.Diff(tokenTexts(want), tokenTexts(c.buf)))
	}
}

// tokenTexts is each token with its offset, for a readable diff.
func tokenTexts(toks []token.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = strconv.Itoa(t.Start) + " " + strconv.Quote(clip(t.Text, 80))
		if t.Tag != "" || t.Label != "" {
			out[i] += " " + t.Tag + " " + t.Label
		}
	}
	return out
}

func (c *tokenComparer) check(t *testing.T, minTokens int) {
	t.Helper()
	if c.tokens < minTokens {
		t.Fatalf("compared %d tokens, want at least %d", c.tokens, minTokens)
	}
	if c.differ > 0 {
		t.Errorf("%d of %d texts tokenised unlike prose (-prose +ours); the first:", c.differ, c.texts)
		for _, d := range c.diffs {
			t.Error(d)
		}
		return
	}
	t.Logf("%d texts (%d bytes), %d tokens, longest %d bytes: all tokens prose's", c.texts, c.bytes, c.tokens, c.longest)
}

// compareDocument compares the texts TokensContext gives the tokenizer
// for text (each sentence of each line, without its invisible
// characters, dashes masked; see tokenizerInputs), each raw line, and
// text whole.
func (c *tokenComparer) compareDocument(p *punkt, text string) {
	for _, s := range tokenizerInputs(p, text) {
		c.compare(s)
	}
	for start, end := range lines(text) {
		c.compare(text[start:end])
	}
	c.compare(text)
}

// tokenizerInputs are the texts TokensContext, with no Canon, hands the
// tokenizer for text: the sentences of each line, in the line with its
// dashes masked and its invisible characters removed.
func tokenizerInputs(p *punkt, text string) []string {
	work, _, _ := (*Canon)(nil).mask(text, nil)
	var out []string
	var s punktScratch
	var sents []Span
	for start, end := range lines(work) {
		line, _ := stripInvisible(work[start:end])
		if strings.TrimSpace(line) == "" {
			continue
		}
		sents = p.segment(&s, sents[:0], line)
		for _, sn := range sents {
			out = append(out, line[sn.Start:sn.End])
		}
	}
	return out
}

// TestTokenizeSeeds: on every sentence of every seed (as TokensContext
// tokenises them), on every line and on every seed whole, every token is
// prose's.
func TestTokenizeSeeds(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c, p := newTokenizerComparer(proseTokenRules()), newPunkt(t)
	for _, text := range texts {
		c.compareDocument(p, text)
	}
	c.check(t, 90_000)
}

// TestTokenizeSynthesized: the same on a generated corpus (Synthesize, as
// in the benchmarks).
func TestTokenizeSynthesized(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c, p := newTokenizerComparer(proseTokenRules()), newPunkt(t)
	for _, doc := range Synthesize(texts, 16, 40_000, 5) {
		c.compareDocument(p, doc)
	}
	c.check(t, 300_000)
}

// tokenizeCases are texts at the edges of prose's rules, each compared
// with prose.
var tokenizeCases = []string{
	// Empty and white space of every kind.
	"", " ", "  ", "\t", "\n", "\r\n", " \t\n\v\f\r ", "\u0085", "\u00A0", "\u1680", "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A",
	"\u2028\u2029\u202F\u205F\u3000", " a ", "a  b", "a\tb\nc\rd\ve\ff", "a\u00A0b\u2003c\u3000d\u0085e\u2028f\u205Fg\u1680h",
	// Not white space: zero-width and invisible characters, U+180E.
	"a\u200Bb", "a\uFEFFb \u00AD c\u2060d", "a\u180Eb", "\u200B", "a\u200C\u200Db",
	// Contractions, both apostrophes, either case.
	"don't", "Don't", "DON'T", "dOn'T", "don’t", "DON’T", "can't won't shan't ain't", "they'll we'll I'll", "they’ll We’LL", "it's It's IT'S he’s",
	"we're they’re", "I'm I’m", "I'd you've", "y'all ma'am o'clock rock'n'roll", "'s", "'S", "’s", "'ll", "’ll", "n't", "N'T", "n’t",
	"'s's", "'s'll", "x's's", "'sx's", "n'tn't", "don'tn't", "'twas ’twas", "'90s ’90s", "ol' boy'", "James' Jones’",
	"isn't.", "isn't,", "(isn't)", "\"don't\"", "“don’t”", "‘can’t’", "it's.", "It’s…", "dogs'", "'quote'", "can'tve", "cann't",
	"n'", "n’", "'", "’", "''", "’’", "'''", "'m", "'re", "’re", "’m", "a'm", "a'r", "a're", "a'mb", "a'LL", "a'Ll", "aN'T",
	"don\xe2\x80t", "don\xe2\x80\x99", "Tom's's", "Tom'sn't", "Tom'n't's",
	"A.B.C.D.xy'sa.", "A.B.C.D.xy'sa", "A.B.x'sA.B.", "x'sA.B.", "x'sA.B.)", "U.S.'s.", "U.S.n't.", "a.b.N'T.c.", "Mr.'ll.",
	// Abbreviations and prose's pattern for them.
	"U.S.", "U.S", "U.S.A.", "e.g.", "i.e.", "E.G.", "a.m. p.m.", "Ph.D.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Mrsx.", "MR.", "Mr", "M.",
	"mr.", "A.", "A.B", "A.B.", "A..B.", "AB.", "Aé.", "Ab.Cd.", "a.b.c.d.e.f.g.", "1.2.", "Mr.)", "(Mr.", "(U.S.)", "“U.S.”", "Mr.'s",
	"U.S.'s", "etc.", "vs.", "No.", "Co.", "Inc.", "Corp.", "Mr..", "U.S..", "e.g.,", "Sr.,", "a.", "I.",
	// URLs, emails, hashtags, mentions.
	"https://example.com/a?b=c&d=e#f", "http://x.org.", "(https://example.com/path/)", "www.example.com,", "example.com/path/.",
	"john.doe@example.com", "<a+b@c.co.uk>", "mailto:a@b.c.", "#hashtag #Tag2024 @user @user's", "ftp://a:b@c/d;e?f",
	// Emoticons, alone and glued.
	":)", ":-)", ":-))", ":-)))", ";)", ":(", ":((", ":-(", ":P", ":p", ":-p", "xD", "XD", "XDD", "xDD", "8D", "8-)", "=)", "=D", "^_^", "^___^",
	"o_O", "O_o", "O.o", "o.O", "-_-", "-__-", "<3", "(:", "(-:", "[-:", "(=", "(o:", ":-)\"", "\":-)", "(:-)", ":-).", ":-),", "(:)", "(-_-)",
	"(._.)", "(¬_¬)", "(ಠ_ಠ)", "(╯°□°）╯︵┻━┻", "¯\\(ツ)/¯", "¯\\_(ツ)_/¯", ":`(", ":`-(", ":o)", "@_@", "V_V", "v_v", ":3", ":0", ":]",
	"“:)”", "\"(:\"", "((:", "(:))", "$:)", ":):)", "8-D.", "8D!", "xD...", "(8-)", "[-:]",
	// Numbers with , . : / - and signs.
	"1,000", "1,000,000.", "3.14", "3.14.", ".5", "-5", "+3", "$4.50", "$", "$$", "$5", "($5)", "50%", "1st 2nd 3rd", "12:30", "12:30:45.", "1/2",
	"3/4/2024", "2024-01-01", "555-1234", "(555) 123-4567", "10.000,00", "1.", "4:3", "1:", "1,", "1;", "1)", "#1", "No.1", "v1.2.3", "1e10", "0x1F",
	// Quotes of every kind.
	`"`, `""`, `"a"`, `"a`, `a"`, "“a”", "“", "”", "“”", "‘a’", "‘", "‘‘a’’", "„a“", "«a»", "‹a›", "‟a‛", "`a'", "``a''", "″a″", "′",
	`"'a'"`, `'"a"'`, "“‘a’”", "\"“a”\"", "a”.", "a’.", "a.”", "a.’", "(“a”)", "[“a.”]", "“(a)”", "a?”", "a!’", "“a,”", "‘a;’",
	// Ellipses, dashes, brackets, other punctuation.
	"...", "a...", "...a", "a...b", "…", "a…", "…a", "....", ". . .", "a . . . b", "--", "a--b", "a -- b", "—", "a—b", "a–b", "a―b", "a−b", "a‐b",
	"(a)", "[a]", "{a}", "<a>", "((a))", "[[a]]", "(a", "a)", "[a", "a]", "(", ")", "[", "]", "()", "[]", "([", "])", "（a）", "【a】", "「a」",
	"a,", "a;", "a:", "a!", "a?", "a?!", "a!!", "a.", ",a", ";a", ":a", "!a", "?a", ".a", "¿a?", "¡a!", "a&b", "a*b", "a/b", "a\\b", "a|b", "a~b",
	"a_b", "a=b", "a+b", "a^b", "a%", "a@", "a#", ",,", ";;", "::", "!!", "??", ",.;:!?", ")\"]", "(\"[", ".,", "a.,", "a,.", "a.!?", "a'.",
	"$(", "($", "$\"", "“$", "$“a", "($“[‘a’]”)", ")]\"", "a)]\"”’.", "a.)]\"”’",
	// Non-ASCII letters, CJK, emoji.
	"café", "naïve", "Ärger", "Über", "straße", "ΣΟΦΙΑ", "Ένα", "İstanbul", "ǅemal", "ﬁne", "a\u0301", "Москва.", "שלום", "مرحبا،", "हिन्दी।",
	"日本語", "中文。", "日本語、中文", "「引用」", "『a』", "ｆｕｌｌ", "한국어", "😀", "😀.", "(😀)", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "✓", "a😀b",
	// Invalid UTF-8.
	"\xff", "\xc3", "\x80", "\xe2", "\xe2\x80", "\xe2\x80\x9c", "\xe2\x80\x9d", "a\xff", "\xffa", "a\xffb", "\xff.", "(\xff)", "\xe2\x80a", "a\xe2\x80",
	"\xe2\x80\x9ca", "a\xe2\x80\x9d", "\xe2\xe2\x80\x9c", "\xe2\x80\x9c\xff", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc2", "\xc2\xa0", "a\xc2\xa0b",
	"a\xc2", "\xc2a", "\xe3\x80", "\xe3\x80\x80", "\xe1\x9a\x80", "\xe1\x9a", "a\xe2\x80\xa8b", "a\xe2\x80\x8bb", "\xe2\xe2\x80\xa8", "\xc2\xc2\x85",
	"'\xff", "\xff's", "n\xe2\x80\x99\xff", "do\xffn't",
	// Sentences.
	"Mr. Smith went to Washington. He arrived.", "The U.S. Army's (and Navy's) budget was $4.5 billion, wasn't it?",
	"“I can’t,” she said. ‘Won’t you?’ he asked—“no.”", "He said \"stop.\" Then he left... (See below.) [Yes!]",
	"Lenin’s party—fit—in “the soviets”.", "The U.S. — and the worker-peasant alliance.\"[8] democracy…",
}

// longTokenCases are long tokens and long runs of affixes, built once.
var longTokenCases = sync.OnceValue(func() []string {
	return []string{
		strings.Repeat("a", 100_000), strings.Repeat("é", 30_000), strings.Repeat("日", 30_000), strings.Repeat("\xff", 10_000),
		strings.Repeat("'s", 5_000), "x" + strings.Repeat("'s", 5_000), strings.Repeat("don't", 2_000), strings.Repeat("n’t", 2_000),
		strings.Repeat(".", 2_000), "x" + strings.Repeat(".", 2_000), strings.Repeat("(", 2_000) + "x" + strings.Repeat(")", 1_000),
		strings.Repeat(`"`, 50) + "x" + strings.Repeat("”", 50), strings.Repeat("“", 2_000), "x" + strings.Repeat("’", 1_000),
		strings.Repeat("$([“‘", 200) + "x" + strings.Repeat(",)\"]!;.?:'”’", 100), strings.Repeat(":)", 1_000),
		strings.Repeat("U.", 5_000), strings.Repeat("U.", 1_000) + strings.Repeat(".)", 500), strings.Repeat("U.", 1_000) + strings.Repeat("”.", 500),
		"x" + strings.Repeat("'s.", 500), "x'" + strings.Repeat("s.", 500), "don't" + strings.Repeat("’.", 500),
		strings.Repeat("a ", 20_000), strings.Repeat(" ", 10_000), strings.Repeat("\u3000", 5_000), strings.Repeat("a.b,c ", 5_000),
		strings.Repeat("https://example.com/", 1_000),
	}
})

func TestTokenizeCases(t *testing.T) {
	c := newTokenizerComparer(proseTokenRules())
	for _, text := range tokenizeCases {
		c.compare(text)
	}
	for _, text := range longTokenCases() {
		c.compare(text)
	}
	for _, e := range perceptronEmoticons {
		for _, text := range []string{e, e + ".", "(" + e + ")", "“" + e + "”", "x" + e, e + "x", e + "'s", e + " " + e} {
			c.compare(text)
		}
	}
	c.check(t, 20_000)
}

// tokenizePieces are the pieces TestTokenizeRandom and FuzzTokenize glue
// together: words, affixes and the characters around prose's rules.
var tokenizePieces = []string{
	"word", "Word", "WORD", "a", "I", "x", "don't", "It’s", "they'll", "you’ll", "I’m", "won’t", "we're", "I'm", "N'T", "n't", "’s", "'s", "'ll", "’re", "'m", "rock'n'roll",
	"'", "’", "‘", "“", "”", `"`, "«", "»", "„", "`", "″", "$", "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", ":", ".", "!", "?", "...", "…",
	"-", "--", "—", "–", "/", "\\", "@", "#", "%", "&", "*", "_", "=", "+", "^", "~", "|",
	"U.S.", "e.g.", "Mr.", "Mrs.", "Dr", "St", "A.", "B", "b.", "Ph.D.", "etc.", "No.",
	"https://example.com/a?b=c", "www.x.org", "john.doe@example.com", "#tag", "@user",
	"1", "1,000", "3.14", "12:30", "1/2", "2024-01-01", "-5", "$4.50", "50%", "1st",
	"café", "Ärger", "ΣΟΦΙΑ", "İ", "ǅ", "a\u0301", "日本語", "。", "、", "😀", "👍🏽", "👨‍👩‍👧",
	"\xff", "\xc3", "\xe2\x80", "\xe2", "\x80", "\x99", "\x9c", "\x9d", "\xc2", "\xe3\x80",
	"\u00AD", "\u200B", "\uFEFF", "\u2060",
	" ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00A0", "\u1680", "\u2003", "\u200A", "\u2028", "\u202F", "\u205F", "\u3000",
}

// randomTokenizeTexts draws n texts of 1 to 24 pieces (tokenizePieces,
// the emoticons and words of the seeds), glued or separated by white
// space, with a PCG seeded by seed.
func randomTokenizeTexts(texts []string, seed uint64, n int) []string {
	pieces := slices.Concat(tokenizePieces, tokenizePieces, perceptronEmoticons)
	for i, text := range texts {
		for j, w := range strings.Fields(text) {
			if (i+j)%50 == 0 {
				pieces = append(pieces, w)
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, seed+1))
	spaces := []string{" ", " ", " ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "  "}
	out := make([]string, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		for k := range 1 + r.IntN(24) {
			if k > 0 && r.IntN(3) == 0 {
				b.WriteString(spaces[r.IntN(len(spaces))])
			}
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// TestTokenizeRandom: texts glued at random from the pieces of prose's
// rules, the emoticons and the seeds' words.
func TestTokenizeRandom(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c := newTokenizerComparer(proseTokenRules())
	for _, text := range randomTokenizeTexts(texts, 1, 50_000) {
		c.compare(text)
	}
	c.check(t, 250_000)
}

// TestTokenizeDetectsChanges: the comparisons above can fail. Tokenizers
// whose rules lack one of prose's prefixes, suffixes or contractions, its
// emoticons or its pattern for abbreviations, or have one too many, tokenise
// some of the texts above unlike prose, and the comparer says so.
func TestTokenizeDetectsChanges(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	p := newPunkt(t)
	without := func(list []string, drop string) []string {
		return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return s == drop })
	}
	var changes []struct {
		name string
		r    tokenRules
	}
	change := func(name string, edit func(r *tokenRules)) {
		r := proseTokenRules()
		edit(&r)
		changes = append(changes, struct {
			name string
			r    tokenRules
		}{name, r})
	}
	for _, s := range proseTokenPrefixes {
		change("no prefix "+s, func(r *tokenRules) { r.prefixes = without(r.prefixes, s) })
	}
	for _, s := range proseTokenSuffixes {
		change("no suffix "+s, func(r *tokenRules) { r.suffixes = without(r.suffixes, s) })
	}
	for _, s := range proseTokenContractions {
		change("no contraction "+s, func(r *tokenRules) { r.contractions = without(r.contractions, s) })
	}
	change("no emoticons", func(r *tokenRules) { r.emoticons = nil })
	change("no emoticon :)))", func(r *tokenRules) { r.emoticons = without(r.emoticons, ":)))") })
	change("emoticon ;)", func(r *tokenRules) { r.emoticons = append(slices.Clone(r.emoticons), ";)") })
	change("no abbreviation pattern", func(r *tokenRules) { r.dotted = false })
	change("prefix {", func(r *tokenRules) { r.prefixes = append(slices.Clone(r.prefixes), "{") })
	change("suffix }", func(r *tokenRules) { r.suffixes = append(slices.Clone(r.suffixes), "}") })
	change("contraction 'd", func(r *tokenRules) { r.contractions = append(slices.Clone(r.contractions), "'d") })
	random := randomTokenizeTexts(texts, 2, 5_000)
	for _, ch := range changes {
		c := newTokenizerComparer(ch.r)
		for _, text := range texts {
			c.compareDocument(p, text)
		}
		for _, text := range slices.Concat(tokenizeCases, random) {
			c.compare(text)
		}
		if c.differ == 0 {
			t.Errorf("%s: all %d texts tokenised as prose does; the comparison cannot see this change", ch.name, c.texts)
		} else {
			t.Logf("%s: %d of %d texts differ from prose, e.g. %s", ch.name, c.differ, c.texts, c.diffs[0])
		}
	}
}

// proseSource parses a file of the prose version in go.mod.
func proseSource(t *testing.T, file string) *ast.File {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to find prose's source")
	}
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v3").Output()
	if err != nil {
		t.Skipf("go list prose: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), filepath.FromSlash(file))
	f, err := parser.ParseFile(gotoken.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// stringLiterals are the string literals of the value of the variable
// named name in f, in source order.
func stringLiterals(t *testing.T, f *ast.File, name string) []string {
	t.Helper()
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != name {
			return true
		}
		ast.Inspect(vs, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, s)
			}
			return true
		})
		return false
	})
	if len(out) == 0 {
		t.Fatalf("no %s in prose's tokenize.go", name)
	}
	return out
}

// TestTokenizeRules: our copies of prose's affixes, contractions and
// abbreviation pattern are prose's (read from the source of the prose
// version in go.mod), in prose's order. (TestPerceptronEmoticons checks
// the emoticons.)
func TestTokenizeRules(t *testing.T) {
	f := proseSource(t, "tokenize/tokenize.go")
	for _, c := range []struct {
		name string
		ours []string
	}{
		{"defaultPrefixes", proseTokenPrefixes},
		{"defaultSuffixes", proseTokenSuffixes},
		{"defaultContractions", proseTokenContractions},
		{"internalRE", []string{proseDottedPattern}},
	} {
		if diff := cmp.Diff(stringLiterals(t, f, c.name), c.ours); diff != "" {
			t.Errorf("%s differs from prose's (-prose +ours):\n%s", c.name, diff)
		}
	}
}

// TestTokenizeDotted: dotted is proseDottedPattern, on every string of up
// to six characters drawn from the characters that matter to it (and a
// few that do not), and on the tokenizeCases.
func TestTokenizeDotted(t *testing.T) {
	re := regexp.MustCompile(proseDottedPattern)
	alphabet := []string{"A", "Z", "a", "z", ".", "@", "[", "`", "{", "é", "\xff", "1"}
	checked, matched := 0, 0
	check := func(s string) {
		want := re.MatchString(s)
		if got := dotted(s); got != want {
			t.Errorf("dotted(%q) = %v, want %v (prose's pattern)", s, got, want)
		}
		checked++
		if want {
			matched++
		}
	}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		check(s)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(s+c, n-1)
		}
	}
	grow("", 6)
	for _, s := range slices.Concat(tokenizeCases, []string{"A.B.C.D.E.F.G.H.", "A.B.C.D.E.F.G.H", "Abc.", "ABc.", "aBc."}) {
		check(s)
	}
	t.Logf("%d strings, %d matched by the pattern: dotted agrees on all", checked, matched)
}

// TestTokenizeSpaceBytes: the byte flags find every white-space rune: an
// ASCII one is flagged a space, every other begins with a byte flagged
// maybe a space (which scan then decodes), and no other ASCII byte is a
// space.
func TestTokenizeSpaceBytes(t *testing.T) {
	z := newTokenizer(proseTokenRules())
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < utf8.RuneSelf {
			if got, want := z.byteFlags[r]&flagSpace != 0, unicode.IsSpace(r); got != want {
				t.Errorf("byte %#x flagged a space: %v, want %v", r, got, want)
			}
			continue
		}
		if unicode.IsSpace(r) {
			utf8.EncodeRune(b[:], r)
			if z.byteFlags[b[0]]&flagMaybeSpace == 0 {
				t.Errorf("%U is white space, but its first byte %#x is not flagged", r, b[0])
			}
		}
	}
}

// TestTokenizeAllocs: once the caller's buffer has grown, tokenising
// allocates nothing, whether into the buffer or in a range loop.
func TestTokenizeAllocs(t *testing.T) {
	z := newTokenizer(proseTokenRules())
	text := "Mr. Smith paid $4.50 on 3. May; the U.S. Army's (and Navy’s) “budget” wasn't... Über alles! :-) ΣΟΦΙΑ—日本語 \xff 😀"
	buf := z.appendTokens(nil, text)
	if len(buf) < 20 {
		t.Fatalf("%d tokens in %q, want at least 20", len(buf), text)
	}
	if n := testing.AllocsPerRun(1000, func() { buf = z.appendTokens(buf[:0], text) }); n != 0 {
		t.Errorf("appendTokens: %v allocations per text, want 0", n)
	}
	count := 0
	if n := testing.AllocsPerRun(1000, func() {
		for range z.tokens(text) {
			count++
		}
	}); n != 0 {
		t.Errorf("range over tokens: %v allocations per text, want 0", n)
	}
}

// TestTokenizeBreak: a loop over tokens may stop early, and sees the
// first tokens until it does.
func TestTokenizeBreak(t *testing.T) {
	z := newTokenizer(proseTokenRules())
	text := "“Don't,” he said (twice): “stop.”"
	all := z.appendTokens(nil, text)
	for k := range len(all) + 1 {
		var got []token.Token
		for tk := range z.tokens(text) {
			if len(got) == k {
				break
			}
			got = append(got, tk)
		}
		if want := all[:min(k, len(all))]; !slices.Equal(got, want) {
			t.Errorf("first %d tokens of %q = %v, want %v", k, text, tokenTexts(got), tokenTexts(want))
		}
	}
}

// TestTokenizeConcurrent: one tokenizer used by several goroutines at
// once (run with -race) gives each the tokens it gives alone.
func TestTokenizeConcurrent(t *testing.T) {
	z := newTokenizer(proseTokenRules())
	texts := slices.Concat(tokenizeCases, randomTokenizeTexts(nil, 3, 2_000))
	want := make([][]token.Token, len(texts))
	for i, text := range texts {
		want[i] = z.appendTokens(nil, text)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var buf []token.Token
			for i := g; i < len(texts); i++ {
				if buf = z.appendTokens(buf[:0], texts[i]); !slices.Equal(buf, want[i]) {
					t.Errorf("goroutine %d: tokens of %q = %v, want %v", g, texts[i], tokenTexts(buf), tokenTexts(want[i]))
					return
				}
			}
		})
	}
	wg.Wait()
}

// FuzzTokenize: on any text, our tokens are prose's.
func FuzzTokenize(f *testing.F) {
	for _, s := range slices.Concat(tokenizeCases, tokenizePieces, randomTokenizeTexts(nil, 4, 200)) {
		f.Add(s)
	}
	prose, ours := tokenize.New(), newTokenizer(proseTokenRules())
	f.Fuzz(func(t *testing.T, text string) {
		want := prose.Tokenize(text)
		if got := ours.appendTokens(nil, text); !slices.Equal(want, got) {
			t.Errorf("tokenize(%q) (-prose +ours):\n%s", text, cmp.Diff(tokenTexts(want), tokenTexts(got)))
		}
	})
}

// tokenizeBenchTexts are texts for the tokenizer benchmarks, with their
// number of tokens (prose's count, which is ours).
type tokenizeBenchTexts struct {
	name   string
	texts  []string
	tokens int
}

// benchTokenizeTexts are 1 MB of synthesized documents as TokensContext
// hands them to the tokenizer (sentences: see tokenizerInputs) and whole.
func benchTokenizeTexts(b *testing.B) []tokenizeBenchTexts {
	texts, err := SeedTexts()
	if err != nil {
		b.Fatal(err)
	}
	docs := Synthesize(texts, 25, 40_000, 1)
	var sents []string
	p := newPunkt(b)
	for _, d := range docs {
		sents = append(sents, tokenizerInputs(p, d)...)
	}
	out := []tokenizeBenchTexts{{name: "sentences", texts: sents}, {name: "documents", texts: docs}}
	prose := newProseTokenizer()
	for i := range out {
		for _, t := range out[i].texts {
			out[i].tokens += len(prose.Tokenize(t))
		}
	}
	return out
}
