package pipeline

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stylometer/stylometer/analysis"
)

// Target is a term whose surroundings are studied: a name and the forms
// that count as it. A form of several words matches them in sequence within
// a sentence.
type Target struct {
	Name  string
	Forms [][]string // lower-case words, e.g. {"working", "class"}
}

// NewTarget builds a target from a name and forms written as text
// ("working class"); with no forms, the name itself is the form. Forms are
// canonicalised like terms (lower case, ASCII quotes): for a corpus counted
// with Canon.KeepCase, use NewTargetCase.
func NewTarget(name string, forms ...string) Target {
	return NewTargetCase(nil, name, forms...)
}

// NewTargetCase is NewTarget with the forms canonicalised as c counts
// terms.
func NewTargetCase(c *Canon, name string, forms ...string) Target {
	if len(forms) == 0 {
		forms = []string{name}
	}
	t := Target{Name: name}
	for _, f := range forms {
		var words []string
		for _, w := range strings.Fields(f) {
			words = append(words, c.Term(w))
		}
		if len(words) > 0 {
			t.Forms = append(t.Forms, words)
		}
	}
	return t
}

// ProfileOptions says what a profile counts beyond words and tags. The zero
// value counts word unigrams only, with no targets and no samples.
type ProfileOptions struct {
	// Features are counted in addition to words (word:1 is always counted,
	// as Profile.Terms).
	Features []Feature
	// Targets are located, with collocates and keyword-in-context lines.
	Targets []Target
	// Window is the collocate window in words each side, within the
	// sentence. Default 5.
	Window int
	// Context is the number of words each side in a KWIC line. Default 8.
	Context int
	// SampleSize cuts the document into consecutive samples of this many
	// words (stylo's "normal sampling"); the incomplete last sample is
	// dropped. 0: no samples.
	SampleSize int
	// SampleOverlap is the number of words consecutive samples share.
	SampleOverlap int
	// Canon is the canonicalisation the text went through, for features
	// read from the text itself (stylo's words); nil: none.
	Canon *Canon
	// SliceSize is the slice length in words for Zeta's presence counts.
	// Default 500; the last partial slice is kept if it is at least half as
	// long.
	SliceSize int
}

// masked returns text with the boilerplate lines blanked, for the
// features read from the text rather than from prose's tokens and for the
// context of keyword-in-context lines.
func (o ProfileOptions) masked(text string, st *stopper) string {
	clean, _ := o.Canon.clean(text, st)
	return clean
}

func (o ProfileOptions) window() int  { return orDefault(o.Window, 5) }
func (o ProfileOptions) context() int { return orDefault(o.Context, 8) }
func (o ProfileOptions) slice() int   { return orDefault(o.SliceSize, 500) }

func orDefault(v, d int) int {
	if v <= 0 {
		return d
	}
	return v
}

// DocProfile is everything the analysis needs from one document: counts, not
// the token stream.
type DocProfile struct {
	Words       int // tokens that hold a letter or digit
	Punctuation int // other tokens
	Sentences   int
	Boilerplate int // boilerplate lines removed

	Terms    analysis.TermCounts // word tokens by term (lower case)
	Content  analysis.TermCounts // content words (see IsContent) by term
	POS      analysis.TermCounts // all tokens by tag
	Features map[string]analysis.TermCounts

	SentenceLengths []int       // words per sentence, in order
	WordLengths     map[int]int // words by length in letters and digits
	Letters         int         // letters and digits in words

	// Measures computed from the word sequence in the worker, which then
	// drops the sequence.
	Diversity   analysis.Diversity
	Readability analysis.ReadabilityScores
	// ReadabilityCounts are the counts behind Readability.
	ReadabilityCounts analysis.ReadabilityCounts
	// ContentWords is the number of content words (see IsContent): the
	// numerator of lexical density.
	ContentWords int

	Samples []Sample

	Slices        int                 // Zeta slices
	SlicePresence analysis.TermCounts // term -> slices that contain it

	Targets []TargetProfile // in the order of ProfileOptions.Targets
}

// Sample is a stretch of SampleSize consecutive words of a document.
type Sample struct {
	Words    int
	Terms    analysis.TermCounts
	Features map[string]analysis.TermCounts
}

// TargetProfile holds what a document says around one target.
type TargetProfile struct {
	Count        int                 // occurrences
	Collocates   analysis.TermCounts // words within the window, the target excluded
	WindowTokens int                 // words inside all windows
	KWIC         []KWIC
}

// KWIC is one occurrence of a target in context. Offset is a byte offset
// into the original text, and text[Offset:Offset+len(Keyword)] == Keyword.
type KWIC struct {
	Offset  int
	Left    string // whitespace folded
	Keyword string // verbatim
	Right   string // whitespace folded
}

// Build computes a document's profile from its tokens.
func Build(text string, toks []Token, sents []Span, opt ProfileOptions) *DocProfile {
	p, _ := BuildContext(context.Background(), text, toks, sents, opt)
	return p
}

// BuildContext is Build stopped by ctx: its loops over tokens, words and
// n-grams look at ctx every few thousand steps, and once ctx is done it
// returns ctx's error and no profile.
func BuildContext(ctx context.Context, text string, toks []Token, sents []Span, opt ProfileOptions) (*DocProfile, error) {
	st := newStopper(ctx)
	p := build(text, toks, sents, opt, st)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// build is Build; once st stops, it returns early with an unusable
// profile.
func build(text string, toks []Token, sents []Span, opt ProfileOptions, st *stopper) *DocProfile {
	p := &DocProfile{Sentences: len(sents), WordLengths: map[int]int{}}
	terms, content, pos := map[string]int{}, map[string]int{}, map[string]int{}
	words := make([]int, 0, len(toks)) // indices of word tokens
	seq := make([]string, 0, len(toks))
	p.SentenceLengths = make([]int, len(sents))
	for i, t := range toks {
		if st.stopped() {
			return p
		}
		pos[t.Tag]++
		if !t.Word {
			p.Punctuation++
			continue
		}
		words = append(words, i)
		terms[t.Term]++
		if IsContent(t.Tag, t.Term) {
			content[t.Term]++
			p.ContentWords++
		}
		p.SentenceLengths[t.Sentence]++
		n := alnum(t.Text)
		p.WordLengths[n]++
		p.Letters += n
		seq = append(seq, t.Term)
	}
	p.Words = len(words)
	p.Terms, p.Content, p.POS = analysis.NewTermCounts(terms), analysis.NewTermCounts(content), analysis.NewTermCounts(pos)
	p.Diversity = analysis.ComputeDiversity(seq)
	p.ReadabilityCounts = readabilityCounts(seq, len(sents), st)
	p.Readability = analysis.Readability(p.ReadabilityCounts)
	masked := opt.masked(text, st)
	if len(opt.Features) > 0 {
		p.Features = map[string]analysis.TermCounts{}
		var stylo []string
		for _, f := range opt.Features {
			m := map[string]int{}
			if f.Kind == "stylo" {
				if stylo == nil {
					stylo = styloWords(masked, st)
				}
				countStylo(f.N, stylo, m, st)
			} else {
				countFeature(f, toks, m, st)
			}
			p.Features[f.String()] = analysis.NewTermCounts(m)
		}
	}
	p.samples(masked, toks, words, opt, st)
	p.slices(toks, words, opt.slice(), st)
	for _, tg := range opt.Targets {
		p.Targets = append(p.Targets, locate(masked, toks, words, tg, opt, st))
	}
	return p
}

// readabilityCounts counts what the readability formulas need from the
// word terms: syllables (analysis.Syllables), letters, letters and digits,
// words of three or more syllables and words of more than six letters.
func readabilityCounts(seq []string, sentences int, st *stopper) analysis.ReadabilityCounts {
	c := analysis.ReadabilityCounts{Words: len(seq), Sentences: sentences}
	for _, w := range seq {
		if st.stopped() {
			break
		}
		letters, alnum := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				alnum++
			} else if unicode.IsDigit(r) {
				alnum++
			}
		}
		c.Letters += letters
		c.Characters += alnum
		if letters > 6 {
			c.LongWords++
		}
		if letters > 0 {
			sy := analysis.Syllables(w)
			c.Syllables += sy
			if sy >= 3 {
				c.Polysyllables++
			}
		}
	}
	return c
}

func alnum(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' {
				n++
			}
			continue
		}
		if IsWord(string(r)) {
			n++
		}
	}
	return n
}

// samples cuts the words into samples; a sample's stylo words are those
// of its stretch of the masked text.
func (p *DocProfile) samples(masked string, toks []Token, words []int, opt ProfileOptions, st *stopper) {
	size := opt.SampleSize
	if size <= 0 {
		return
	}
	step := size - opt.SampleOverlap
	if step < 1 {
		step = 1
	}
	for lo := 0; lo+size <= len(words) && !st.stopped(); lo += step {
		s := Sample{Words: size}
		terms := map[string]int{}
		for _, wi := range words[lo : lo+size] {
			if st.stopped() {
				return
			}
			terms[toks[wi].Term]++
		}
		s.Terms = analysis.NewTermCounts(terms)
		if len(opt.Features) > 0 {
			s.Features = map[string]analysis.TermCounts{}
			span := toks[words[lo] : words[lo+size-1]+1]
			for _, f := range opt.Features {
				m := map[string]int{}
				if f.Kind == "stylo" {
					last := span[len(span)-1]
					countStylo(f.N, styloWords(masked[span[0].Start:last.Start+len(last.Text)], st), m, st)
				} else {
					countFeature(f, span, m, st)
				}
				s.Features[f.String()] = analysis.NewTermCounts(m)
			}
		}
		p.Samples = append(p.Samples, s)
	}
}

func (p *DocProfile) slices(toks []Token, words []int, size int, st *stopper) {
	presence := map[string]int{}
	defer func() { p.SlicePresence = analysis.NewTermCounts(presence) }()
	for lo := 0; lo < len(words); lo += size {
		hi := min(lo+size, len(words))
		if hi-lo < size/2 && lo > 0 {
			break
		}
		seen := map[string]bool{}
		for _, wi := range words[lo:hi] {
			if st.stopped() {
				return
			}
			seen[toks[wi].Term] = true
		}
		for t := range seen {
			presence[t]++
		}
		p.Slices++
	}
}

// locate finds a target's occurrences among the words, counts collocates
// within the window inside the sentence (each occurrence's window counted
// separately; the occurrence itself excluded) and quotes each occurrence
// from text, the original with its boilerplate blanked (the keyword itself
// is never boilerplate, so it is the original's bytes).
func locate(text string, toks []Token, words []int, tg Target, opt ProfileOptions, st *stopper) TargetProfile {
	tp := TargetProfile{}
	collocates := map[string]int{}
	k, ctx := opt.window(), opt.context()
	for wi := 0; wi < len(words) && !st.stopped(); wi++ {
		n := matchAt(toks, words, wi, tg.Forms)
		if n == 0 {
			continue
		}
		first, last := toks[words[wi]], toks[words[wi+n-1]]
		tp.Count++
		for j := max(0, wi-k); j < min(len(words), wi+n+k); j++ {
			if j >= wi && j < wi+n {
				continue
			}
			if t := toks[words[j]]; t.Sentence == first.Sentence {
				collocates[t.Term]++
				tp.WindowTokens++
			}
		}
		end := last.Start + len(last.Text)
		l := toks[words[max(0, wi-ctx)]].Start
		r := end
		if j := min(len(words)-1, wi+n-1+ctx); j >= wi+n {
			t := toks[words[j]]
			r = t.Start + len(t.Text)
		}
		tp.KWIC = append(tp.KWIC, KWIC{
			Offset:  first.Start,
			Left:    strings.Join(strings.Fields(text[l:first.Start]), " "),
			Keyword: strings.Clone(text[first.Start:end]), // not a slice that keeps the whole text alive
			Right:   strings.Join(strings.Fields(text[end:r]), " "),
		})
		wi += n - 1
	}
	tp.Collocates = analysis.NewTermCounts(collocates)
	return tp
}

// matchAt returns the length in words of the longest form that matches at
// word wi within one sentence, or 0.
func matchAt(toks []Token, words []int, wi int, forms [][]string) int {
	best := 0
	for _, f := range forms {
		if len(f) <= best || wi+len(f) > len(words) {
			continue
		}
		s := toks[words[wi]].Sentence
		ok := true
		for j, w := range f {
			t := toks[words[wi+j]]
			if t.Term != w || t.Sentence != s {
				ok = false
				break
			}
		}
		if ok {
			best = len(f)
		}
	}
	return best
}
