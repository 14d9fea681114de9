package pipeline

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// This file is ours, not prose's. It finds the sentences prose v3's
// segmenter (github.com/jdkato/prose/v3/segment, v3.2.3) finds: the Punkt
// algorithm of Kiss and Strunk, "Unsupervised Multilingual Sentence
// Boundary Detection" (Computational Linguistics 32(4), 2006), as
// gopkg.in/neurosnap/sentences.v1 (v1.0.6) implements it, with prose's
// English customisations (its sentence-end characters and its
// multi-punctuation annotation). The model is the same: the sentences
// package's English parameters (its english.json, read with its own loader)
// and prose's four supervised abbreviations. The decisions are the same,
// in the same order, quirks included (see punktWords and typeAnnotate);
// punkt_test.go compares every boundary with prose's own segmenter.
//
// What differs is the cost. prose's segmenter allocates a token (with four
// regular expressions attached) for every word next to a sentence
// punctuation, groups them into a new slice of pairs three times, and runs
// regular expressions for the type of a word (lower case, numbers as
// "##number##"); it made some 40 % of the per-document stage's
// allocations. Here a word is a pair of offsets in a reused slice, the
// patterns are written out as loops over bytes, and a word's type is built
// in a reused buffer and looked up in the model's maps without a copy:
// nothing is allocated once a worker's buffers have grown.

// punktSupervisedAbbrevs are the abbreviations prose adds to the model
// (prose/v3 segment/segment.go, supervisedAbbrevs), which prose does not
// export. TestPunktSupervisedAbbrevs compares them with prose's source.
var punktSupervisedAbbrevs = []string{"sgt", "gov", "no", "mt"}

// The orthographic contexts of a type in the model's OrthoContext
// (sentences.v1 ortho.go): upper or lower case at the beginning, in the
// middle or at an unknown place of a sentence.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc | orthoMidUc | orthoUnkUc
	orthoLc    = orthoBegLc | orthoMidLc | orthoUnkLc
)

// punkt is the English Punkt model prose uses, read-only once loaded and
// safe for concurrent use; each call brings its own punktScratch.
type punkt struct {
	abbrev   map[string]int // abbreviation types (lower case, no final period)
	colloc   map[string]int // "type,type" pairs whose period is no sentence end
	starters map[string]int // frequent sentence starters
	ortho    map[string]int // type -> ortho* flags
}

// englishPunkt is the model, loaded once per process.
var englishPunkt = sync.OnceValues(func() (*punkt, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, fmt.Errorf("read the Punkt model: %w", err)
	}
	for _, a := range punktSupervisedAbbrevs {
		st.AbbrevTypes.Add(a)
	}
	return &punkt{abbrev: st.AbbrevTypes, colloc: st.Collocations, starters: st.SentStarters, ortho: st.OrthoContext}, nil
})

// punktWord is a word of Punkt's: text[start:end], with pos the offset just
// past it (the white space after it, or the end of the text), where a
// sentence it ends would end.
type punktWord struct {
	start, end, pos int
	punct           bool // holds a . ! or ?
	sentBreak, abbr bool
}

// punktScratch is one call's working space.
type punktScratch struct {
	words            []punktWord
	typ, next, key   []byte
	heuristic, lower []byte
}

// segment appends to dst the sentences of text that prose's
// segment.Segmenter.Segment returns, as spans of text: white space trimmed
// (unicode.IsSpace), none empty, in order. An empty or blank text has none.
func (p *punkt) segment(s *punktScratch, dst []Span, text string) []Span {
	s.words = punktWords(s.words[:0], text)
	w := s.words
	for i := range w {
		p.typeAnnotate(s, text, &w[i])
	}
	for i := 0; i+1 < len(w); i++ {
		p.tokenAnnotate(s, text, &w[i], &w[i+1])
	}
	// prose's third pass ends by clearing the break of a last word that
	// holds a line break and a space ("an errant newline"): only the
	// one-word fallback of punktWords holds white space, and that text is
	// one sentence whether its word ends one or not, so it is left out.
	for i := 0; i+1 < len(w); i++ {
		p.multiPunct(s, text, &w[i], &w[i+1])
	}
	last := 0
	for _, t := range w {
		if t.sentBreak {
			dst = appendTrimmed(dst, text, last, t.pos)
			last = t.pos
		}
	}
	if last != len(text) {
		dst = appendTrimmed(dst, text, last, len(text))
	}
	return dst
}

// appendTrimmed appends text[start:end] without its surrounding white
// space, unless nothing is left (prose's trimRange).
func appendTrimmed(dst []Span, text string, start, end int) []Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		dst = append(dst, Span{start, end})
	}
	return dst
}

// punktWords appends the words of text that Punkt looks at
// (sentences.v1 DefaultWordTokenizer.Tokenize with onlyPeriodContext): the
// white-space separated words that hold a . ! or ?, and the word after
// each. Two quirks are kept: a word ends at a white space, or at the last
// byte of the text (so a text whose last character is not ASCII, such as
// a closing ”, never has its last word looked at); and a text with none of
// these words is one word, white space and all.
func punktWords(dst []punktWord, text string) []punktWord {
	n := len(text)
	if n == 0 {
		return dst
	}
	from := len(dst)
	// The word in progress, text[start:end], is what the original takes
	// as the text since the last word, white space trimmed: as a white
	// space after a non-space ends a word, it holds none inside. start <
	// 0: none yet. next: the word before held a . ! or ?, so this one is
	// looked at whatever it holds.
	start, end, punct, next := -1, 0, false, false
	for i := 0; i < n; {
		c, size := rune(text[i]), 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			punct = punct || c == '.' || c == '!' || c == '?'
		} else {
			c, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(c)
		}
		if !space {
			if start < 0 {
				start = i
			}
			end = i + size
		}
		if space || i == n-1 {
			cursor := i
			if i == n-1 {
				cursor = n
			}
			if start >= 0 {
				if punct || next {
					dst = append(dst, punktWord{start: start, end: end, pos: cursor, punct: punct})
				}
				next = punct
				start, punct = -1, false
			}
		}
		i += size
	}
	if len(dst) == from {
		dst = append(dst, punktWord{start: 0, end: n, pos: n, punct: strings.ContainsAny(text, ".!?")})
	}
	return dst
}

// asciiSpace are the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// punktEnders and punktParens are prose's sentence-end characters
// (segment/punkt.go, HasSentEndChars): a word that ends with an ender or
// holds a paren pair ends a sentence.
var (
	punktEnders = [...]string{`."`, `.)`, `.’`, `.”`, `?`, `?"`, `?'`, `?)`, `?’`, `?”`, `!`, `!"`, `!'`, `!)`, `!’`, `!”`}
	punktParens = [...]string{`.[`, `.(`, `."`, `?[`, `?(`, `![`, `!(`}
)

// sentEndChars is prose's HasSentEndChars: an ender at the end (unless
// the word holds "Yahoo!"), or a paren pair anywhere.
func sentEndChars(w string) bool {
	if !strings.Contains(w, "Yahoo!") {
		for _, e := range punktEnders {
			if strings.HasSuffix(w, e) {
				return true
			}
		}
	}
	for _, p := range punktParens {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// typeAnnotate is the first pass (sentences.v1 TypeBasedAnnotation): a
// word with sentence-end characters ends a sentence; a word with a final
// period (not "..") is an abbreviation if the model knows it, lower-cased
// without its period, or its part after the last hyphen, else it ends a
// sentence. The period is cut as the original does, at the word's length
// in runes less one taken as a byte offset, which cuts more than the
// period from a word with multi-byte characters.
func (p *punkt) typeAnnotate(s *punktScratch, text string, t *punktWord) {
	if !t.punct {
		return // every ender and paren pair holds one, and so does a final period
	}
	w := text[t.start:t.end]
	if sentEndChars(w) {
		t.sentBreak = true
		return
	}
	if !strings.HasSuffix(w, ".") || strings.HasSuffix(w, "..") {
		return
	}
	s.lower = lowerInto(s.lower, w[:utf8.RuneCountInString(w)-1])
	last := s.lower
	if i := bytes.LastIndexByte(last, '-'); i >= 0 {
		last = last[i+1:]
	}
	if p.abbrev[string(s.lower)] != 0 || p.abbrev[string(last)] != 0 {
		t.abbr = true
	} else {
		t.sentBreak = true
	}
}

// tokenAnnotate is the second pass (sentences.v1 TokenBasedAnnotation) on
// a word with a final period and the word after it: the collocation,
// orthographic, frequent-starter and initial or ordinal heuristics of Kiss
// and Strunk (2006), sections 4.1 to 4.3.
func (p *punkt) tokenAnnotate(s *punktScratch, text string, one, two *punktWord) {
	w1, w2 := text[one.start:one.end], text[two.start:two.end]
	if !strings.HasSuffix(w1, ".") {
		return
	}
	s.typ = p.typeOf(s.typ, w1, true)
	s.next = p.typeOf(s.next, w2, two.sentBreak)
	initial := isInitial(w1)
	s.key = append(append(append(s.key[:0], s.typ...), ','), s.next...)
	if p.colloc[string(s.key)] != 0 {
		one.sentBreak, one.abbr = false, true
		return
	}
	if (one.abbr || strings.HasSuffix(w1, "..")) && !initial {
		if p.heuristic(s, text, two) == 1 {
			one.sentBreak = true
			return
		}
		if firstUpper(w2) && p.starters[string(s.next)] != 0 {
			one.sentBreak = true
			return
		}
	}
	if w1 == "." && w2 == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	if initial || string(s.typ) == "##number##" {
		h := p.heuristic(s, text, two)
		if h == 0 {
			one.sentBreak, one.abbr = false, true
			return
		}
		if h == -1 && initial && firstUpper(w2) && p.ortho[string(s.next)]&orthoLc == 0 {
			one.sentBreak, one.abbr = false, true
		}
	}
}

// multiPunct is prose's third pass (segment/punkt.go,
// multiPunctWordAnnotation): ellipses, periods inside quotes or brackets,
// and abbreviations of several periods such as "F.B.I.".
func (p *punkt) multiPunct(s *punktScratch, text string, one, two *punktWord) {
	w1, w2 := text[one.start:one.end], text[two.start:two.end]
	if strings.HasSuffix(w1, ".") && w2 == "." {
		one.sentBreak, two.sentBreak = false, false
		return
	}
	nonBreak := strings.HasSuffix(w1, ".") && !one.sentBreak
	ellipsis := looksLikeEllipsis(w1)
	internal := one.sentBreak && looksInternal(w1)
	if nonBreak || ellipsis || internal {
		s.next = p.typeOf(s.next, w2, two.sentBreak)
		starter := p.starters[string(s.next)] != 0
		if ellipsis && (firstUpper(w2) || starter) {
			one.sentBreak = true
			return
		}
		if internal && firstLower(w2) && !starter {
			one.sentBreak = false
			return
		}
		if nonBreak && firstUpper(w2) && p.ortho[string(s.next)]&orthoLc != 0 {
			one.sentBreak = true
		}
	}
	if !hasAbbrevPattern(w1) || isInitial(w1) {
		return
	}
	one.abbr, one.sentBreak = true, false
	if p.heuristic(s, text, two) == 1 {
		one.sentBreak = true
		return
	}
	s.next = p.typeOf(s.next, w2, two.sentBreak)
	if firstUpper(w2) && p.starters[string(s.next)] != 0 {
		one.sentBreak = true
	}
}

// heuristic is Punkt's orthographic heuristic (sentences.v1
// OrthoContext.Heuristic) for the word after a period: 1 if it starts a
// sentence, 0 if it does not, -1 if the model cannot tell.
func (p *punkt) heuristic(s *punktScratch, text string, t *punktWord) int {
	w := text[t.start:t.end]
	if len(w) == 1 && strings.IndexByte(";:,.!?", w[0]) >= 0 {
		return 0
	}
	s.heuristic = p.typeOf(s.heuristic, w, t.sentBreak)
	ctx := p.ortho[string(s.heuristic)]
	if firstUpper(w) && ctx&orthoLc != 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(w) && (ctx&orthoUc != 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

// typeOf writes into b the type of the word w (sentences.v1 Type): lower
// case (strings.ToLower), the longest tail that the pattern
// -?[.,]?\d[\d,.-]*\.?$ matches replaced by "##number##", then, unless one
// byte long, without commas. With noPeriod (TypeNoSentPeriod of a word
// that ends a sentence), a final period of a type longer than one byte is
// dropped.
func (p *punkt) typeOf(b []byte, w string, noPeriod bool) []byte {
	b = lowerInto(b, w)
	// A match holds only bytes of [0-9.,-] and ends the type, so it
	// starts within the tail of such bytes, at the first place where
	// -?[.,]?\d matches (the rest of the tail then matches [\d,.-]*).
	q := len(b)
	for q > 0 && numericByte(b[q-1]) {
		q--
	}
	for i := q; i < len(b); i++ {
		j := i
		if b[j] == '-' {
			j++
		}
		if j < len(b) && (b[j] == '.' || b[j] == ',') {
			j++
		}
		if j < len(b) && '0' <= b[j] && b[j] <= '9' {
			b = append(b[:i], "##number##"...)
			break
		}
	}
	if len(b) != 1 {
		k := 0
		for _, c := range b {
			if c != ',' {
				b[k] = c
				k++
			}
		}
		b = b[:k]
	}
	if noPeriod && len(b) > 1 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

func numericByte(c byte) bool { return '0' <= c && c <= '9' || c == '.' || c == ',' || c == '-' }

// lowerInto writes strings.ToLower(w) into b.
func lowerInto(b []byte, w string) []byte {
	if l := lower(b[:0], w); l != nil {
		return l
	}
	return append(b[:0], w...)
}

// isInitial is ^[A-Za-z]\.$.
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && 'a' <= w[0]|0x20 && w[0]|0x20 <= 'z'
}

// looksInternal reports punctuation that may end a word inside a sentence
// (prose's looksInternal): a closing bracket or quote.
func looksInternal(w string) bool {
	for _, s := range [...]string{")", "’", "”", `"`, "'"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// looksLikeEllipsis is prose's (?:\.\s?){2,}\. found anywhere in w: three
// periods, each two at most one white space apart (\s is [\t\n\f\r ]).
func looksLikeEllipsis(w string) bool {
	dots := 0
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '.':
			if dots++; dots == 3 {
				return true
			}
		case dots > 0 && strings.IndexByte("\t\n\f\r ", w[i]) >= 0 && i+1 < len(w) && w[i+1] == '.':
		default:
			dots = 0
		}
	}
	return false
}

// hasAbbrevPattern is prose's ((?:[\w]\.)+[\w]*\.) found anywhere in w (\w
// is [0-9A-Za-z_]): a word byte and a period, then word bytes and a
// period, as in "U.S." or "e.g.".
func hasAbbrevPattern(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if wordByte(w[i]) && w[i+1] == '.' {
			j := i + 2
			for j < len(w) && wordByte(w[j]) {
				j++
			}
			if j < len(w) && w[j] == '.' {
				return true
			}
		}
	}
	return false
}

func wordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

// firstUpper and firstLower test the first rune of w (U+FFFD for a bad
// byte), as sentences.v1's FirstUpper and FirstLower do.
func firstUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(r)
}

func firstLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsLower(r)
}
