package pipeline

import (
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io/fs"
	"math"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/stylometer/stylometer/seeds"
)

// The reference for every tag below is prose v3's own tagger
// (tag.Tagger.TagTokens), run beside ours on the same sentences.

func newPerceptron(t testing.TB) *perceptron {
	t.Helper()
	p, err := englishPerceptron()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func newProseTagger(t testing.TB) *tag.Tagger {
	t.Helper()
	pt, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	return pt
}

// tagComparer tags each sentence with prose (whose tags it keeps) and with
// ours, and notes every token where the two differ.
type tagComparer struct {
	prose, ours       interface{ TagTokens([]tag.Token) }
	p                 *perceptron // to count the words unknown to the model, if set
	sentences, tokens int
	longest, unknown  int
	differ            int      // tokens tagged unlike prose
	diffs             []string // the first ten of them
}

func (c *tagComparer) TagTokens(forms []tag.Token) {
	ours := slices.Clone(forms)
	c.prose.TagTokens(forms)
	c.ours.TagTokens(ours)
	c.sentences++
	c.tokens += len(forms)
	c.longest = max(c.longest, len(forms))
	for i := range forms {
		if c.p != nil && c.p.lexicon[forms[i].Text] == 0 {
			c.unknown++
		}
		if ours[i].Tag == forms[i].Tag {
			continue
		}
		if c.differ++; len(c.diffs) < 10 {
			words := make([]string, len(forms))
			for j, f := range forms {
				words[j] = f.Text
			}
			c.diffs = append(c.diffs, fmt.Sprintf("token %d %q of %q: tag %q, prose %q", i, forms[i].Text, words, ours[i].Tag, forms[i].Tag))
		}
	}
}

// compareText tokenises text as TokensContext does and compares ours with
// prose on each of its sentences.
func compareText(t testing.TB, ours interface{ TagTokens([]tag.Token) }, prose *tag.Tagger, c *tagComparer, text string) {
	t.Helper()
	tg := *newTestTagger(t)
	c.prose, c.ours = prose, ours
	tg.tag = c
	tg.Tokens(nil, text)
}

func checkComparer(t *testing.T, c *tagComparer, minTokens int) {
	t.Helper()
	if c.tokens < minTokens {
		t.Fatalf("compared %d tokens, want at least %d", c.tokens, minTokens)
	}
	if c.differ > 0 {
		t.Errorf("%d of %d tokens tagged unlike prose; the first:", c.differ, c.tokens)
		for _, d := range c.diffs {
			t.Error(d)
		}
		return
	}
	t.Logf("%d sentences, %d tokens (%d unknown to the model), longest %d: all tags prose's", c.sentences, c.tokens, c.unknown, c.longest)
}

// TestPerceptronSeeds: on every seed text, tokenised as TokensContext
// does, every tag is prose's.
func TestPerceptronSeeds(t *testing.T) {
	p, prose := newPerceptron(t), newProseTagger(t)
	err := fs.WalkDir(seeds.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".txt") {
			return err
		}
		b, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			return err
		}
		t.Run(name, func(t *testing.T) {
			c := &tagComparer{p: p}
			compareText(t, p, prose, c, string(b))
			checkComparer(t, c, 500)
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPerceptronSynthesized: the same on a generated corpus (Synthesize,
// as in the benchmarks) and on sentences of words drawn at random from the
// seeds and from everything the model knows (every word of its features,
// of its tag map and its emoticons), as written, capitalised and in upper
// case, so that words meet neighbours and tags they never met in text.
func TestPerceptronSynthesized(t *testing.T) {
	p, prose := newPerceptron(t), newProseTagger(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("synthesize", func(t *testing.T) {
		c := &tagComparer{p: p}
		for _, doc := range Synthesize(texts, 4, 30_000, 7) {
			compareText(t, p, prose, c, doc)
		}
		checkComparer(t, c, 20_000)
	})
	t.Run("random words", func(t *testing.T) {
		c := &tagComparer{p: p, prose: prose, ours: p}
		for _, s := range randomSentences(t, p, texts, 11) {
			c.TagTokens(s)
		}
		checkComparer(t, c, 120_000)
	})
}

// randomSentences draws sentences of 1 to 40 words from the seeds' tokens
// and from the model's words, each model word three times, shuffled by a
// PCG seeded with seed.
func randomSentences(t testing.TB, p *perceptron, texts []string, seed uint64) [][]tag.Token {
	t.Helper()
	var seedWords []string
	for _, text := range texts {
		for _, tk := range tokenize.New().Tokenize(text) {
			seedWords = append(seedWords, TagForm(tk.Text))
		}
	}
	words := make([]string, 0, len(p.lexicon))
	for w := range p.lexicon {
		words = append(words, w)
	}
	slices.Sort(words) // map order is random
	r := rand.New(rand.NewPCG(seed, seed+1))
	var pool []string
	for _, w := range slices.Concat(words, words, words) {
		pool = append(pool, w, seedWords[r.IntN(len(seedWords))])
		switch r.IntN(4) {
		case 0:
			pool = append(pool, strings.ToUpper(w))
		case 1:
			if w != "" {
				pool = append(pool, strings.ToUpper(w[:1])+w[1:])
			}
		case 2:
			pool = append(pool, strconv.Itoa(r.IntN(3000)-500))
		}
	}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	var out [][]tag.Token
	for len(pool) > 0 {
		n := min(len(pool), 1+r.IntN(40))
		s := make([]tag.Token, n)
		for i, w := range pool[:n] {
			s[i].Text = w
		}
		out = append(out, s)
		pool = pool[n:]
	}
	return out
}

// perceptronCases are sentences at the edges of prose's rules, each
// compared with prose.
var perceptronCases = []struct {
	name  string
	words []string
}{
	{"empty", nil},
	{"one word", []string{"Revolution"}},
	{"one unknown word", []string{"Zqxvbrt"}},
	{"empty word", []string{""}},
	{"empty words", []string{"", "the", "", ""}},
	{"numbers", []string{"In", "1917", ",", "-123", "+456", "3.14", "1,000", "12-3", "0", "7th", "2024", "12345", "+", "-", "1e9", "."}},
	{"punctuation only", []string{".", ",", "...", "--", "-", "—", "(", ")", "``", "''", "!", "?", ";", ":", "[", "]", "{", "}", "%", "&"}},
	{"non-ASCII", []string{"Ärger", "über", "ΣΟΦΙΑ", "café", "İstanbul", "ǅemal", "naïve", "Straße", "СССР", "Ленин", "日本", "\u00A0", "ﬁne", "Ω"}},
	{"invalid UTF-8", []string{"The", "\xff", "Ab\xfecd", "\xc3", "works", "."}},
	{"capitals at sentence start", []string{"THE", "Working", "CLASS", "Is", "Revolutionary", "."}},
	{"title case start", []string{"The", "workers", "of", "Russia", "rose", "."}},
	{"unseen words", []string{"Flurbish", "the", "quixotical", "zorbles", "glimmeringly", "transmogrified", "xyzzy", "."}},
	{"hyphens", []string{"worker-peasant", "-", "--", "-ish", "anti-", "-LRB-", "-RRB-", "-ABC-", "-AB-", "-abc-", "-ABCD-"}},
	{"traces", []string{"*", "*-1", "*T*-2", "*?*", "*U*", "*-1234", "*EXP*-12", "*x*", "*ab*", "0", "00", "*-", "**"}},
	{"at names and emoticons", []string{"@lenin", "@", "@_@", ":-)", "xD", "XDD", "8D", ":P", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", ":)", "xd"}},
	{"prose's sentinels as words", []string{"-START-", "-START2-", "-END-", "-END2-", "!HYPHEN", "!YEAR", "!DIGITS", "bias", "i"}},
	{"words with spaces", []string{"New York", "NN house", "i word", " ", "a b c"}},
	{"tag names as words", []string{"NN", "VB", "DT", "-NONE-", "SYM", "NNP", "''", "``", "$", "#"}},
	{"tag map words", []string{"the", "The", "THE", "of", "and", "to", "a", "in", "is", "that"}},
	{"long sentence", longSentence(5000)},
}

func longSentence(n int) []string {
	base := strings.Fields("the workers of the world , having nothing to lose but their chains , rose in 1917 and again ; Lenin wrote that the peasant-worker alliance was decisive .")
	out := make([]string, n)
	for i := range out {
		out[i] = base[i%len(base)]
	}
	return out
}

func TestPerceptronCases(t *testing.T) {
	p, prose := newPerceptron(t), newProseTagger(t)
	for _, tc := range perceptronCases {
		want := prose.Tag(tc.words)
		got := make([]tag.Token, len(tc.words))
		for i, w := range tc.words {
			got[i].Text = w
		}
		p.TagTokens(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: TagTokens(%q) differs from prose (-prose +ours):\n%s", tc.name, tc.words, diff)
		}
	}
}

// TestPerceptronScores: every score is prose's to the bit. The reference
// is prose's predict (prose/v3 tag/tag.go) written out again: feature
// strings joined and looked up by string, in prose's order, over words
// normalised with strings.ToLower and strconv.Atoi. Equal tags could hide
// a score that differs in its last bits (a sum in another order, say) and
// that would flip a tag on some other text; equal scores cannot.
func TestPerceptronScores(t *testing.T) {
	p := newPerceptron(t)
	features := referenceFeatures(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	sents := randomSentences(t, p, texts, 5)
	for _, c := range perceptronCases {
		s := make([]tag.Token, len(c.words))
		for i, w := range c.words {
			s[i].Text = w
		}
		sents = append(sents, s)
	}
	scored, bad := 0, 0
	s := new(perceptronScratch)
	for _, toks := range sents {
		if len(toks) == 0 {
			continue
		}
		ctx := []string{"-START-", "-START2-"}
		for _, tk := range toks {
			ctx = append(ctx, referenceNormal(tk.Text))
		}
		ctx = append(ctx, "-END-", "-END2-")
		p.read(s, toks)
		p1, p2 := p.startTag, p.start2Tag
		tag1, tag2 := "-START-", "-START2-"
		for i, tk := range toks {
			tg, id := p.rule(tk.Text, s.raw[i])
			if id < 0 {
				id = p.predict(s, i+2, tk.Text, p1, p2)
				tg = p.classes[id]
				want := referenceScores(p, features, ctx, i+2, tk.Text, tag1, tag2)
				scored++
				for c := range want {
					if math.Float32bits(want[c]) != math.Float32bits(s.scores[c]) && bad < 10 {
						bad++
						t.Errorf("%q after %s %s: score of %s = %v, prose's %v", tk.Text, tag2, tag1, p.classes[c], s.scores[c], want[c])
					}
				}
			}
			p2, p1 = p1, id
			tag2, tag1 = tag1, tg
		}
	}
	if scored < 100_000 {
		t.Errorf("scored %d tokens, want at least 100000", scored)
	}
	t.Logf("%d tokens scored by the model: every score prose's", scored)
}

// referenceFeatures maps each feature string of prose's model to its
// weights, read from the model file as prose reads it (prose/v3
// internal/flat).
func referenceFeatures(t *testing.T) map[string][]weight {
	r := &modelReader{b: aptagmodel.English}
	r.bytes(8 + 4)
	for range r.u32() {
		r.str16()
	}
	nFeatures, nPairs := int(r.u32()), int(r.u32())
	blob := string(r.bytes(int(r.u32())))
	featOff, pairOff := r.u32s(nFeatures+1), r.u32s(nFeatures+1)
	classes, weights := r.bytes(nPairs), r.bytes(4*nPairs)
	if r.err != nil {
		t.Fatal(r.err)
	}
	m := make(map[string][]weight, nFeatures)
	for f := range nFeatures {
		var ws []weight
		for i := pairOff[f]; i < pairOff[f+1]; i++ {
			ws = append(ws, weight{math.Float32frombits(binary.LittleEndian.Uint32(weights[4*i:])), classes[i]})
		}
		m[blob[featOff[f]:featOff[f+1]]] = ws
	}
	return m
}

// referenceNormal is prose's normalize written the plain way its comment
// describes (strconv.Atoi, strings.ToLower).
func referenceNormal(w string) string {
	switch {
	case w == "":
		return w
	case strings.Contains(w, "-") && w[0] != '-':
		return "!HYPHEN"
	}
	if _, err := strconv.Atoi(w); err == nil && len(w) == 4 {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

// referenceScores is prose's predict: the scores of the word w at ctx[i]
// after the tags p1 and p2.
func referenceScores(p *perceptron, features map[string][]weight, ctx []string, i int, w, p1, p2 string) []float32 {
	scores := make([]float32, len(p.classes))
	feat := func(parts ...string) {
		for _, pw := range features[strings.Join(parts, "")] {
			scores[pw.class] += 1 * pw.w
		}
	}
	suffix := func(w string) string { return w[max(0, len(w)-3):] }
	feat("bias")
	feat("i suffix ", suffix(w))
	feat("i pref1 ", w[:min(1, len(w))])
	feat("i-1 tag ", p1)
	feat("i-2 tag ", p2)
	feat("i tag+i-2 tag ", p1, " ", p2)
	feat("i word ", ctx[i])
	feat("i-1 tag+i word ", p1, " ", ctx[i])
	feat("i-1 word ", ctx[i-1])
	feat("i-1 suffix ", suffix(ctx[i-1]))
	feat("i-2 word ", ctx[i-2])
	feat("i+1 word ", ctx[i+1])
	feat("i+1 suffix ", suffix(ctx[i+1]))
	feat("i+2 word ", ctx[i+2])
	return scores
}

// TestPerceptronDetectsChanges: the comparison above can fail. A model
// with one feature kind left out, or one feature's weights changed, tags
// some seed tokens unlike prose, and the comparer says so.
func TestPerceptronDetectsChanges(t *testing.T) {
	prose := newProseTagger(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	for _, change := range []struct {
		name string
		do   func(p *perceptron)
	}{
		{"without i+2 word", func(p *perceptron) {
			for i := range p.entries {
				p.entries[i].word[wordNext2] = span{}
			}
		}},
		{"i suffix ing halved", func(p *perceptron) {
			f := p.suffix[p.suffixes[packSuffix("ing")]][suffixI]
			if f == (span{}) {
				t.Fatal("the model has no feature i suffix ing")
			}
			for i := f.lo; i < f.hi; i++ {
				p.pairs[i].w /= 2
			}
		}},
		{"first byte ignored", func(p *perceptron) {
			for i := range p.pref1 {
				p.pref1[i] = span{}
			}
		}},
	} {
		p, err := parsePerceptron(aptagmodel.English) // a copy of our own to change
		if err != nil {
			t.Fatal(err)
		}
		change.do(p)
		c := &tagComparer{}
		for _, text := range texts {
			compareText(t, p, prose, c, text)
		}
		if c.differ == 0 {
			t.Errorf("%s: all %d tokens tagged as prose does; the comparison cannot see this change", change.name, c.tokens)
		} else {
			t.Logf("%s: %d of %d tokens differ from prose, e.g. %s", change.name, c.differ, c.tokens, c.diffs[0])
		}
	}
}

// TestPerceptronEmoticons: our copy of prose's emoticon list is prose's
// (read from the source of the prose version in go.mod), and prose tags
// each SYM.
func TestPerceptronEmoticons(t *testing.T) {
	prose := newProseTagger(t)
	for _, e := range perceptronEmoticons {
		if got := prose.Tag([]string{"I", e})[1].Tag; got != "SYM" {
			t.Errorf("prose tags %q %s, want SYM", e, got)
		}
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to find prose's source")
	}
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v3").Output()
	if err != nil {
		t.Skipf("go list prose: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "internal", "emoticon", "emoticon.go")
	f, err := parser.ParseFile(gotoken.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	ast.Inspect(f, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if lit, ok := kv.Key.(*ast.BasicLit); ok {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, s)
			}
		}
		return true
	})
	got := slices.Sorted(slices.Values(perceptronEmoticons))
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("perceptronEmoticons differ from %s (-prose +ours):\n%s", path, diff)
	}
}

func TestLowerIsToLower(t *testing.T) {
	for _, w := range []string{"", "abc", "ABC", "Abc-Def", "Ärger", "ΣΟΦΙΑ", "İstanbul", "ǅ", "\xff", "A\xfeB", "\xc3", "\uFFFD", "ﬁ", "a\u0301B", "日本"} {
		got := w
		if b := lower(nil, w); b != nil {
			got = string(b)
		}
		if want := strings.ToLower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestPerceptronAllocs: once its scratch space has grown, tagging
// allocates nothing, capitalised and non-ASCII words included (prose
// allocates for those). The scratch space is passed in, as TagTokens does
// with one from its pool (which the race detector empties at random).
func TestPerceptronAllocs(t *testing.T) {
	p := newPerceptron(t)
	words := strings.Fields("The Soviet ΣΟΦΙΑ café WORKERS of 1917 rose , and Zqxvbrt worker-peasant @x :-) -LRB- *T*-1 .")
	toks := make([]tag.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	s := new(perceptronScratch)
	if n := testing.AllocsPerRun(1000, func() { p.tagWith(s, toks) }); n != 0 {
		t.Errorf("tagWith: %v allocations per sentence, want 0", n)
	}
}

// TestPerceptronConcurrent: several goroutines tagging at once get the
// tags one gets alone (run with -race).
func TestPerceptronConcurrent(t *testing.T) {
	p := newPerceptron(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	sents := randomSentences(t, p, texts, 3)[:500]
	want := make([][]tag.Token, len(sents))
	for i, s := range sents {
		want[i] = slices.Clone(s)
		p.TagTokens(want[i])
	}
	var wg sync.WaitGroup
	got := make([][][]tag.Token, 4)
	for g := range got {
		wg.Go(func() {
			for _, s := range sents {
				s = slices.Clone(s)
				p.TagTokens(s)
				got[g] = append(got[g], s)
			}
		})
	}
	wg.Wait()
	for g := range got {
		if diff := cmp.Diff(want, got[g]); diff != "" {
			t.Errorf("goroutine %d tags unlike a lone caller (-alone +concurrent):\n%s", g, diff)
		}
	}
}

// TestTokensConcurrent: several goroutines tokenising with one Tagger (whose
// buffers come from a pool) get what one gets alone (run with -race).
func TestTokensConcurrent(t *testing.T) {
	tg := newTestTagger(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	docs := append(texts, Synthesize(texts, 6, 20_000, 9)...)
	type result struct {
		toks  []Token
		sents []Span
	}
	want := make([]result, len(docs))
	for i, d := range docs {
		want[i].toks, want[i].sents, _ = tg.Tokens(&Canon{KeepCase: i%2 == 0}, d)
	}
	var wg sync.WaitGroup
	got := make([][]result, 4)
	for g := range got {
		got[g] = make([]result, len(docs))
		wg.Go(func() {
			for k := range docs {
				i := (k + g) % len(docs) // each goroutine in its own order
				got[g][i].toks, got[g][i].sents, _ = tg.Tokens(&Canon{KeepCase: i%2 == 0}, docs[i])
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i := range docs {
			if !slices.Equal(want[i].toks, got[g][i].toks) || !slices.Equal(want[i].sents, got[g][i].sents) {
				t.Errorf("goroutine %d, document %d: tokens or sentences unlike a lone caller's", g, i)
			}
		}
	}
}
