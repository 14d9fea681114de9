package pipeline

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v3/segment"
)

// The reference for every sentence below is prose v3's own segmenter
// (segment.Segmenter.Segment), run beside ours on the same text.

func newPunkt(t testing.TB) *punkt {
	t.Helper()
	p, err := englishPunkt()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func newProseSegmenter(t testing.TB) *segment.Segmenter {
	t.Helper()
	s, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// proseSpans is prose's sentences of text as spans.
func proseSpans(seg *segment.Segmenter, text string) []Span {
	var out []Span
	for _, s := range seg.Segment(text) {
		out = append(out, Span{s.Start, s.End()})
	}
	return out
}

// segmentComparer segments texts with prose and with ours and notes every
// text where the two differ.
type segmentComparer struct {
	prose            *segment.Segmenter
	ours             *punkt
	s                punktScratch
	texts, sentences int
	differ           int      // texts segmented unlike prose
	diffs            []string // the first five of them
}

func (c *segmentComparer) compare(text string) {
	want := proseSpans(c.prose, text)
	got := c.ours.segment(&c.s, nil, text)
	c.texts++
	c.sentences += len(want)
	if slices.Equal(want, got) {
		return
	}
	if c.differ++; len(c.diffs) < 5 {
		c.diffs = append(c.diffs, "segment("+strconv.Quote(clip(text, 300))+"):\n"+cmp.Diff(spanTexts(text, want), spanTexts(text, got)))
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// spanTexts is each span with its text, for a readable diff.
func spanTexts(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = strconv.Itoa(s.Start) + " " + strconv.Quote(clip(text[s.Start:s.End], 80))
	}
	return out
}

func (c *segmentComparer) check(t *testing.T, minSentences int) {
	t.Helper()
	if c.sentences < minSentences {
		t.Fatalf("compared %d sentences, want at least %d", c.sentences, minSentences)
	}
	if c.differ > 0 {
		t.Errorf("%d of %d texts segmented unlike prose (-prose +ours); the first:", c.differ, c.texts)
		for _, d := range c.diffs {
			t.Error(d)
		}
		return
	}
	t.Logf("%d texts, %d sentences: all boundaries prose's", c.texts, c.sentences)
}

// compareLines compares each line of text, as TokensContext segments
// them, and text whole (which holds line breaks).
func (c *segmentComparer) compareLines(text string) {
	for start, end := range lines(text) {
		c.compare(text[start:end])
	}
	c.compare(text)
}

// TestPunktSeeds: on every seed, line by line and whole, every sentence
// is prose's.
func TestPunktSeeds(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c := &segmentComparer{prose: newProseSegmenter(t), ours: newPunkt(t)}
	for _, text := range texts {
		c.compareLines(text)
	}
	c.check(t, 2_000)
}

// TestPunktSynthesized: the same on a generated corpus (Synthesize, as in
// the benchmarks).
func TestPunktSynthesized(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c := &segmentComparer{prose: newProseSegmenter(t), ours: newPunkt(t)}
	for _, doc := range Synthesize(texts, 16, 40_000, 5) {
		c.compareLines(doc)
	}
	c.check(t, 6_000)
}

// punktCases are texts at the edges of Punkt's rules and prose's
// customisations, each compared with prose.
var punktCases = []string{
	"", " ", "\n", " \t \n ", ".", "..", "...", "?", "!", ". . .", ".\n.", "a", "a.",
	"Hello world", "Hello world.", "Hello world. ", " Hello world. Goodbye. ",
	"One. Two. Three.", "One.Two. Three", "one. two. three.",
	// Abbreviations (the model's, prose's supervised ones, after a hyphen).
	"Mr. Smith went to Washington. He arrived.", "Dr. No. Sgt. Pepper. Gov. Brown. Mt. Everest.",
	"It weighs 3 lbs. and more. It is at No. 5 Downing St. in London.",
	"The ex-gov. Brown spoke. The vice-pres. spoke.", "See fig. 3. Then see p. 4.", "etc. And so on. e.g. this. i.e. that.",
	// Initials and ordinals, numbers.
	"J. S. Bach was born in 1685. He died in 1750.", "J. Bach. A. Lincoln. Washington D. C. is here.",
	"On the 3. of May 1917. Then the 25. October. 1,000. 3.14. -5. 12-3.",
	"In 1917. The year 2024. Section 4.2. Item 3.b. It costs $4.50. Then 4,5. x1. x.",
	// Collocations of the model: a period between the two is no end.
	"Rule 7. Credit was scarce. Item 7. Genentech rose. Rule 3. Wedgestone fell. Page 9. Zimmer said. J. Walter said.",
	// Several periods: F.B.I., U.S., ellipses, spaced ellipses.
	"The F.B.I. said so. The U.S. Army too. The U.S.S.R. fell. He said e.g. no.",
	"Wait... What? Wait... what? Wait…. Really. And then . . . nothing. And. . . More.",
	"So . . . It was. The end .. Next. The end ... next. A.. B.",
	// Quotes and brackets around the end.
	`He said "stop." Then he left. She said "go." and left.`, "He said “stop.” Then he left. (See below.) It was.",
	"He said ‘stop.’ Then ‘go!’ And ’twas. (Really?) [Yes!] Is it? “Yes?” ‘No!’",
	"Really?! Yes!! No?? Stop!) Go!] It is (see p. 4.) done.", `The end." "Next.' The end.' And then.) and then.] and.`,
	"Footnote.[8] Next sentence.(1) And more.[citation needed] End.",
	// prose's Yahoo! exception.
	"I work at Yahoo! Inc. now. Yahoo!\" said he. Yahoo!) and Yahoo!? no.",
	// A last character that is not ASCII: the last word is never looked at.
	"He left. She said “Stop.”", "Stop. “Go.”", "It is café.", "Fin. Über.", "Sie sagte „Nein.“",
	// Case and orthography.
	"THE END. THE BEGINNING.", "the end. the beginning.", "Ärger. Über alles. ΣΟΦΙΑ. Ένα. İstanbul. ǅemal.",
	"word. The word. A word. I went. It went. And went. But then. However, no.",
	// White space: several spaces, tabs, no-break spaces, line breaks.
	"One.  Two.\tThree.\u00A0Four.\u2003Five.\u3000Six.\vSeven.\fEight.\u0085Nine.\u2028Ten.", "One.\nTwo.\n\nThree.\r\nFour.", "a\nb. c d", "Errant\nline break. Here",
	// Invalid UTF-8 and odd bytes.
	"Bad \xff. Next.", "\xff.", "Caf\xc3. Next.", "Ab\xfe.cd. Ef.", "x\xe2\x80. Y.", "\xc3",
	// Punctuation alone and glued.
	"; : , . ! ?", "A ; B . C ! D ? E", "end.The start. end.the start.", "a.b.c. d.e.f. G.h.",
	"Hello!World. Hello?World. Hello.World.", "(Hello.) (World.)", "-- . -- . --",
}

func TestPunktCases(t *testing.T) {
	c := &segmentComparer{prose: newProseSegmenter(t), ours: newPunkt(t)}
	for _, text := range punktCases {
		c.compare(text)
	}
	c.check(t, 150)
}

// TestPunktRandom: texts of words drawn from what the model knows (its
// abbreviations, collocations, sentence starters and the types of its
// orthographic contexts), from the seeds and from punctuation, glued to
// periods, quotes and brackets, capitalised at random and separated by
// assorted white space: words meet neighbours and contexts they never met
// in text.
func TestPunktRandom(t *testing.T) {
	p := newPunkt(t)
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	c := &segmentComparer{prose: newProseSegmenter(t), ours: p}
	for _, text := range randomPunktTexts(p, texts, 3, 6_000) {
		c.compare(text)
	}
	c.check(t, 20_000)
}

// randomPunktTexts draws n texts of 1 to 30 words with a PCG seeded by
// seed.
func randomPunktTexts(p *punkt, texts []string, seed uint64, n int) []string {
	var words []string
	for _, m := range []map[string]int{p.abbrev, p.starters, p.ortho} {
		for w := range m {
			words = append(words, w)
		}
	}
	for k := range p.colloc {
		words = append(words, strings.Split(k, ",")...)
	}
	slices.Sort(words) // map order is random
	for _, text := range texts {
		words = append(words, strings.Fields(text)...)
	}
	words = append(words, "", ".", "..", "...", "?", "!", ",", ";", ":", "-", "1917", "3.14", "1,000", "A", "I", "J", "x", "No", "Yahoo", "e.g", "U.S")
	r := rand.New(rand.NewPCG(seed, seed+1))
	after := []string{"", "", "", ".", ".", ".", "..", "...", "?", "!", `."`, ".)", ".’", ".”", "?”", "!)", ".[1]", ".(", "'", "’", ",", "”", "\""}
	before := []string{"", "", "", "", "(", "“", "\"", "‘", "["}
	spaces := []string{" ", " ", " ", " ", "  ", "\t", "\v", "\u00A0", "\u2003", "\n", " . ", " . . . ", "\r\n"}
	out := make([]string, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		for k := range 1 + r.IntN(30) {
			if k > 0 {
				b.WriteString(spaces[r.IntN(len(spaces))])
			}
			w := words[r.IntN(len(words))]
			switch r.IntN(5) {
			case 0:
				w = strings.ToUpper(w[:min(1, len(w))]) + w[min(1, len(w)):]
			case 1:
				w = strings.ToUpper(w)
			}
			b.WriteString(before[r.IntN(len(before))] + w + after[r.IntN(len(after))])
		}
		out[i] = b.String()
	}
	return out
}

// TestPunktDetectsChanges: the comparisons above can fail. A model without
// its abbreviations, its collocations, its orthographic contexts or prose's
// supervised abbreviations splits some of the texts above unlike prose,
// and the comparer says so.
func TestPunktDetectsChanges(t *testing.T) {
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, punktCases...)
	p := newPunkt(t)
	for _, change := range []struct {
		name string
		p    *punkt
	}{
		{"no abbreviations", &punkt{abbrev: map[string]int{}, colloc: p.colloc, starters: p.starters, ortho: p.ortho}},
		{"no collocations", &punkt{abbrev: p.abbrev, colloc: map[string]int{}, starters: p.starters, ortho: p.ortho}},
		{"no orthographic contexts", &punkt{abbrev: p.abbrev, colloc: p.colloc, starters: p.starters, ortho: map[string]int{}}},
		{"no supervised abbreviations", withoutAbbrevs(p, punktSupervisedAbbrevs)},
	} {
		c := &segmentComparer{prose: newProseSegmenter(t), ours: change.p}
		for _, text := range texts {
			c.compareLines(text)
		}
		for _, text := range randomPunktTexts(p, texts, 3, 2_000) {
			c.compare(text)
		}
		if c.differ == 0 {
			t.Errorf("%s: all %d texts segmented as prose does; the comparison cannot see this change", change.name, c.texts)
		} else {
			t.Logf("%s: %d of %d texts differ from prose, e.g. %s", change.name, c.differ, c.texts, c.diffs[0])
		}
	}
}

func withoutAbbrevs(p *punkt, drop []string) *punkt {
	q := *p
	q.abbrev = map[string]int{}
	for k, v := range p.abbrev {
		if !slices.Contains(drop, k) {
			q.abbrev[k] = v
		}
	}
	return &q
}

// TestPunktSupervisedAbbrevs: our copy of the abbreviations prose adds to
// the model is prose's (read from the source of the prose version in
// go.mod).
func TestPunktSupervisedAbbrevs(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to find prose's source")
	}
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v3").Output()
	if err != nil {
		t.Skipf("go list prose: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "segment", "segment.go")
	f, err := parser.ParseFile(gotoken.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "supervisedAbbrevs" {
			return true
		}
		ast.Inspect(vs, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, s)
			}
			return true
		})
		return false
	})
	if len(want) == 0 {
		t.Fatalf("no supervisedAbbrevs in %s", path)
	}
	if diff := cmp.Diff(want, punktSupervisedAbbrevs); diff != "" {
		t.Errorf("punktSupervisedAbbrevs differ from %s (-prose +ours):\n%s", path, diff)
	}
}

// TestPunktAllocs: once its scratch space has grown, segmenting allocates
// nothing, abbreviations, numbers and non-ASCII words included.
func TestPunktAllocs(t *testing.T) {
	p := newPunkt(t)
	text := "Mr. Smith paid $4.50 on 3. May. The U.S. Army... Über alles! J. S. Bach said “stop.” (Really?) ΣΟΦΙΑ. Dr. No. End"
	var s punktScratch
	var dst []Span
	dst = p.segment(&s, dst[:0], text)
	if len(dst) < 5 {
		t.Fatalf("%d sentences in %q, want at least 5", len(dst), text)
	}
	if n := testing.AllocsPerRun(1000, func() { dst = p.segment(&s, dst[:0], text) }); n != 0 {
		t.Errorf("segment: %v allocations per text, want 0", n)
	}
}

// FuzzPunkt: on any text, our sentences are prose's.
func FuzzPunkt(f *testing.F) {
	for _, s := range punktCases {
		f.Add(s)
	}
	prose, err := segment.New()
	if err != nil {
		f.Fatal(err)
	}
	p, err := englishPunkt()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := proseSpans(prose, text)
		var s punktScratch
		if got := p.segment(&s, nil, text); !slices.Equal(want, got) {
			t.Errorf("segment(%q) (-prose +ours):\n%s", text, cmp.Diff(spanTexts(text, want), spanTexts(text, got)))
		}
	})
}
