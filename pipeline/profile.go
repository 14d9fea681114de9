package pipeline

import (
	"context"
	"slices"
	"strings"
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
	// Rolling, when positive, cuts the document's words into windows of
	// this many words starting every RollingStep words (0: Rolling/10
	// rounded, at least 1), each with its word counts (Window), for
	// rolling attribution; the words after the last window are dropped.
	Rolling, RollingStep int
	// SliceSize is the slice length in words for Zeta's presence counts.
	// Default 500; the last partial slice is kept if it is at least half as
	// long.
	SliceSize int
	// DetectLanguage detects the document's language (DocProfile.Language)
	// from a sample of its words (of its first part, when it comes in
	// parts).
	DetectLanguage bool
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
	// Windows are the rolling windows (ProfileOptions.Rolling), in order.
	Windows []Window

	Slices        int                 // Zeta slices
	SlicePresence analysis.TermCounts // term -> slices that contain it

	Targets []TargetProfile // in the order of ProfileOptions.Targets

	// Language is the language detected (ProfileOptions.DetectLanguage)
	// in a sample of the document's words: an ISO 639-1 code ("en", "fr"),
	// or ISO 639-3 for a language without one; "" when not detected or
	// undecided. LanguageConfidence is the detector's confidence, 0 to 1,
	// in Language against the next best language (NaN for a document
	// English by its function words, which the detector does not read);
	// LanguageOverEnglish its confidence in Language against English alone
	// (0 for English). See documentLanguage, and Options.LanguageOf for
	// what is made of them.
	Language                                string
	LanguageConfidence, LanguageOverEnglish float64
}

// Sample is a stretch of SampleSize consecutive words of a document.
type Sample struct {
	Words    int
	Terms    analysis.TermCounts
	Features map[string]analysis.TermCounts
}

// Window is one rolling window: the document's words [Start, End),
// counted from 0, and their counts by term (word:1).
type Window struct {
	Start, End int
	Terms      analysis.TermCounts
}

// TargetProfile holds what a document says around one target.
type TargetProfile struct {
	Count        int                 // occurrences
	Collocates   analysis.TermCounts // words within the window, the target excluded
	WindowTokens int                 // words inside all windows
	KWIC         []KWIC
}

// KWIC is one occurrence of a target in context. Offset is a byte offset
// into the original text (the decoded file, or the text Extract takes out
// of its markup), and text[Offset:Offset+len(Keyword)] == Keyword.
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
	b := newBuilder(opt)
	b.add(text, 0, toks, sents, opt.Canon, st)
	return b.finish(st)
}

// buildIndexed is BuildContext that also returns where the document's
// words are (see wordIndex).
func buildIndexed(ctx context.Context, text string, toks []Token, sents []Span, opt ProfileOptions) (*DocProfile, *wordIndex, error) {
	st := newStopper(ctx)
	b := newBuilder(opt)
	b.add(text, 0, toks, sents, opt.Canon, st)
	p := b.finish(st)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return p, newWordIndex(toks, b.seq, b.set.IDs()), nil
}

// builder makes a profile from a document given in parts, each a run of
// whole lines with its tokens and sentences (offsets into the part): the
// whole text at once, or a huge file a few megabytes at a time (see
// StreamBytes). Everything it counts is the same either way, except that a
// keyword-in-context line does not reach across a part boundary. Between
// parts it holds the counts, one term id per word (for the diversity
// measures), the words of the sample and of the Zeta slice in progress,
// never the text.
type builder struct {
	opt             ProfileOptions
	p               *DocProfile
	pos             map[string]int
	features        map[string]map[string]int
	ids             map[string]uint32 // the document's terms, numbered from 0 in order of first occurrence
	terms           []string          // by id
	set             analysis.TermSet  // the terms interned (set by finish)
	termN, contentN []int             // word and content-word counts by id
	seq             []uint32          // each word's term id, in order
	read            analysis.ReadabilityCounts
	reading         []termReading // what readability counts of each term, by id, computed once
	styloTail       []string      // the last stylo words, for n-grams across parts
	pend            []Token       // the tokens from the next sample's first word on (global offsets and sentences)
	pendText        string        // the masked text from pendBase
	pendBase        int
	presence        []int    // Zeta: slices that contain each term, by id
	inSlice         []int32  // 1 + the slice each term was last seen in, by id
	sliceIDs        []uint32 // the terms of the slice in progress
	sliceWords      int
	collocates      []map[string]int // by target
	sentenceOffset  int
	language        string // the language sample, from the first part (DetectLanguage)
	sampled         bool
}

func newBuilder(opt ProfileOptions) *builder {
	b := &builder{opt: opt, p: &DocProfile{WordLengths: map[int]int{}},
		pos: map[string]int{}, ids: map[string]uint32{}}
	if len(opt.Features) > 0 {
		b.features = map[string]map[string]int{}
		for _, f := range opt.Features {
			b.features[f.String()] = map[string]int{}
		}
	}
	for range opt.Targets {
		b.collocates = append(b.collocates, map[string]int{})
		b.p.Targets = append(b.p.Targets, TargetProfile{})
	}
	return b
}

// add counts one part: text starts at byte base of the document, toks and
// sents are its tokens and sentences, canon the canonicalisation its
// masked text (stylo's words, samples, keyword contexts) goes through.
func (b *builder) add(text string, base int, toks []Token, sents []Span, canon *Canon, st *stopper) {
	p := b.p
	p.Sentences += len(sents)
	p.SentenceLengths = slices.Grow(p.SentenceLengths, len(sents))
	first := len(p.SentenceLengths)
	p.SentenceLengths = p.SentenceLengths[:first+len(sents)]
	words := make([]int, 0, len(toks)) // indices of word tokens
	for i, t := range toks {
		if st.stopped() {
			return
		}
		b.pos[t.Tag]++
		if !t.Word {
			p.Punctuation++
			continue
		}
		words = append(words, i)
		id, ok := b.ids[t.Term]
		if !ok {
			id = uint32(len(b.terms))
			b.ids[t.Term] = id
			b.terms = append(b.terms, t.Term)
			b.termN, b.contentN = append(b.termN, 0), append(b.contentN, 0)
			b.presence, b.inSlice = append(b.presence, 0), append(b.inSlice, 0)
		}
		b.seq = append(b.seq, id)
		b.termN[id]++
		if IsContent(t.Tag, t.Term) {
			b.contentN[id]++
			p.ContentWords++
		}
		p.SentenceLengths[first+t.Sentence]++
		n := alnum(t.Text)
		p.WordLengths[n]++
		p.Letters += n
	}
	if b.opt.DetectLanguage && !b.sampled {
		b.language, b.sampled = languageSample(toks, words), true
	}
	b.readability(b.seq[len(b.seq)-len(words):], st)
	masked := ProfileOptions{Canon: canon}.masked(text, st)
	var stylo []string
	for _, f := range b.opt.Features {
		m := b.features[f.String()]
		if f.Kind == "stylo" {
			if stylo == nil {
				stylo = append(slices.Clone(b.styloTail), styloWords(masked, st)...)
			}
			// The n-grams that end in this part: the previous part's
			// last n − 1 words start some of them.
			countStylo(f.N, stylo[max(0, len(b.styloTail)-(f.N-1)):], m, st)
		} else {
			countFeature(f, toks, m, st)
		}
	}
	if stylo != nil {
		// The words a later part's n-grams may start with (n is at
		// most 10).
		b.styloTail = slices.Clone(stylo[max(0, len(stylo)-9):])
	}
	b.samples(text, masked, base, toks, st)
	b.slices(b.seq[len(b.seq)-len(words):], st)
	for k, tg := range b.opt.Targets {
		tp := &p.Targets[k]
		for _, kw := range locate(masked, toks, words, tg, b.opt, b.collocates[k], tp, st) {
			kw.Offset += base
			tp.KWIC = append(tp.KWIC, kw)
		}
	}
	b.sentenceOffset += len(sents)
}

// finish completes the profile once every part is added.
func (b *builder) finish(st *stopper) *DocProfile {
	p := b.p
	p.Words = len(b.seq)
	b.set = analysis.NewTermSet(b.terms) // interned and sorted once for the three tables
	p.Terms, p.Content = b.set.Counts(b.termN), b.set.Counts(b.contentN)
	p.POS = analysis.NewTermCounts(b.pos)
	p.Diversity = analysis.ComputeDiversity(b.seq)
	b.read.Words, b.read.Sentences = p.Words, p.Sentences
	p.ReadabilityCounts = b.read
	p.Readability = analysis.Readability(p.ReadabilityCounts)
	if b.features != nil {
		p.Features = map[string]analysis.TermCounts{}
		for f, m := range b.features {
			p.Features[f] = analysis.NewTermCounts(m)
		}
	}
	// The last partial Zeta slice counts if it is at least half a slice
	// long, or if it is the only one.
	if b.sliceWords > 0 && (b.sliceWords >= b.opt.slice()/2 || p.Slices == 0) && !st.stopped() {
		b.closeSlice()
	}
	p.SlicePresence = b.set.Counts(b.presence)
	b.windows(st)
	for k := range p.Targets {
		p.Targets[k].Collocates = analysis.NewTermCounts(b.collocates[k])
	}
	if b.opt.DetectLanguage && !st.stopped() {
		p.Language, p.LanguageConfidence, p.LanguageOverEnglish = documentLanguage(b.terms, b.termN, len(b.seq), b.language)
	}
	return p
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

// samples cuts the words into samples, carrying the words of the sample
// in progress (and their masked text, for stylo's words) to the next part;
// the incomplete last sample is dropped. toks are the part's, at byte
// base of the document.
func (b *builder) samples(text, masked string, base int, toks []Token, st *stopper) {
	size := b.opt.SampleSize
	if size <= 0 {
		return
	}
	step := max(1, size-b.opt.SampleOverlap)
	if len(b.pend) == 0 {
		b.pendText, b.pendBase = "", base
	}
	b.pendText += masked
	for _, t := range toks {
		t.Start += base
		t.Sentence += b.sentenceOffset
		b.pend = append(b.pend, t)
	}
	var words []int
	for i, t := range b.pend {
		if t.Word {
			words = append(words, i)
		}
	}
	lo := 0
	for ; lo+size <= len(words) && !st.stopped(); lo += step {
		smp := Sample{Words: size}
		terms := map[string]int{}
		for _, wi := range words[lo : lo+size] {
			if st.stopped() {
				return
			}
			terms[b.pend[wi].Term]++
		}
		smp.Terms = analysis.NewTermCounts(terms)
		if len(b.opt.Features) > 0 {
			smp.Features = map[string]analysis.TermCounts{}
			span := b.pend[words[lo] : words[lo+size-1]+1]
			for _, f := range b.opt.Features {
				m := map[string]int{}
				if f.Kind == "stylo" {
					last := span[len(span)-1]
					countStylo(f.N, styloWords(b.pendText[span[0].Start-b.pendBase:last.Start+len(last.Text)-b.pendBase], st), m, st)
				} else {
					countFeature(f, span, m, st)
				}
				smp.Features[f.String()] = analysis.NewTermCounts(m)
			}
		}
		b.p.Samples = append(b.p.Samples, smp)
	}
	// Keep the tokens from the next sample's first word on.
	if lo >= len(words) {
		b.pend, b.pendText = b.pend[:0], ""
		return
	}
	from := b.pend[words[lo]].Start
	b.pendText = b.pendText[from-b.pendBase:]
	b.pendBase = from
	b.pend = slices.Clone(b.pend[words[lo]:])
}

// windows cuts the document's words, every part added, into the rolling
// windows (analysis.Windows) and counts each window's terms.
func (b *builder) windows(st *stopper) {
	size := b.opt.Rolling
	if size <= 0 {
		return
	}
	step := b.opt.RollingStep
	if step <= 0 {
		step = DefaultRollingStep(size)
	}
	n := make([]int, len(b.terms)) // by id, zero between windows
	var ids []uint32
	var terms []string
	var counts []int
	for _, w := range analysis.Windows(len(b.seq), size, step) {
		if st.stopped() {
			return
		}
		ids = ids[:0]
		for _, id := range b.seq[w[0]:w[1]] {
			if n[id] == 0 {
				ids = append(ids, id)
			}
			n[id]++
		}
		terms, counts = terms[:0], counts[:0]
		for _, id := range ids {
			terms, counts = append(terms, b.terms[id]), append(counts, n[id])
			n[id] = 0
		}
		b.p.Windows = append(b.p.Windows, Window{Start: w[0], End: w[1], Terms: analysis.NewTermCountsOf(terms, counts)})
	}
}

// slices counts the part's words (their term ids) into Zeta slices of
// opt.slice() words, carrying the slice in progress to the next part.
func (b *builder) slices(ids []uint32, st *stopper) {
	size := b.opt.slice()
	for _, id := range ids {
		if st.stopped() {
			return
		}
		if stamp := int32(b.p.Slices + 1); b.inSlice[id] != stamp {
			b.inSlice[id] = stamp
			b.sliceIDs = append(b.sliceIDs, id)
		}
		if b.sliceWords++; b.sliceWords == size {
			b.closeSlice()
		}
	}
}

func (b *builder) closeSlice() {
	for _, id := range b.sliceIDs {
		b.presence[id]++
	}
	b.sliceIDs = b.sliceIDs[:0]
	b.sliceWords = 0
	b.p.Slices++
}

// locate finds a target's occurrences among the words, counting them in
// tp and their collocates in collocates: words within the window inside the
// sentence (each occurrence's window counted separately; the occurrence
// itself excluded). It returns a line quoting each occurrence from text,
// the original with its boilerplate blanked (the keyword itself is never
// boilerplate, so it is the original's bytes).
func locate(text string, toks []Token, words []int, tg Target, opt ProfileOptions, collocates map[string]int, tp *TargetProfile, st *stopper) []KWIC {
	var kwic []KWIC
	k, ctx := opt.window(), opt.context()
	for wi := 0; wi < len(words) && !st.stopped(); wi++ {
		n := matchAt(toks, words, wi, tg.Forms)
		if n == 0 {
			continue
		}
		first := toks[words[wi]]
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
		kwic = append(kwic, quote(text, toks, words, wi, n, ctx))
		wi += n - 1
	}
	return kwic
}

// quote is the keyword-in-context line of the n words from word wi (an
// index into words, the indices of toks's word tokens), with ctx words
// each side quoted from text, whitespace folded; the keyword is text's
// own bytes.
func quote(text string, toks []Token, words []int, wi, n, ctx int) KWIC {
	return kwic(text, len(words), func(k int) (int, int) {
		t := toks[words[k]]
		return t.Start, t.Start + len(t.Text)
	}, wi, n, ctx)
}

// kwic is the line of the words wi to wi+n−1 of text, ctx words each side,
// where text has nw words and word k is text[span(k)].
func kwic(text string, nw int, span func(k int) (start, end int), wi, n, ctx int) KWIC {
	start, _ := span(wi)
	_, end := span(wi + n - 1)
	l, _ := span(max(0, wi-ctx))
	r := end
	if j := min(nw-1, wi+n-1+ctx); j >= wi+n {
		_, r = span(j)
	}
	return KWIC{
		Offset:  start,
		Left:    strings.Join(strings.Fields(text[l:start]), " "),
		Keyword: strings.Clone(text[start:end]), // not a slice that keeps the whole text alive
		Right:   strings.Join(strings.Fields(text[end:r]), " "),
	}
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
