package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// Token is one token of a document. Start is a byte offset into the
// document's original text and Text is exactly the bytes found there:
// text[Start:Start+len(Text)] == Text.
type Token struct {
	Text     string // verbatim from the source
	Term     string // counted form: NFC, ASCII quotes, lower case, no soft hyphen or zero-width character
	Tag      string // Penn Treebank part-of-speech tag
	Start    int    // byte offset into the original text
	Sentence int    // index of the sentence that holds the token
	Word     bool   // holds a letter or digit
}

// Span is a stretch of the original text: a sentence.
type Span struct {
	Start, End int
}

// Tagger splits text into sentences and tokens and tags them as prose v3
// does: prose's tokenizer rules, applied by our own tokenizer (see
// tokenize.go); prose's Punkt sentence model, read by our own segmenter
// (see punkt.go); prose's part-of-speech model, scored by our own
// perceptron (see perceptron.go). The tokens, sentences and tags are
// prose's, at several times its speed. Its models are loaded once and it
// is safe for concurrent use.
type Tagger struct {
	tok *tokenizer
	seg *punkt
	// tag tags one sentence: our perceptron (the tests put one that
	// compares it with prose's tag.Tagger here).
	tag interface{ TagTokens([]token.Token) }
	// scratch holds *tokensScratch: a worker's buffers, reused from one
	// document to the next (a pointer, so that a copied Tagger shares it).
	scratch *sync.Pool
	// buffers holds *[]Token: the token arrays of documents profiled,
	// for the next (see tokenBuffer).
	buffers *sync.Pool
}

// maxPooledTokens bounds the token arrays kept for the next document: 18 MB,
// a document of about 1.3 MB of text. A longer one's is left to the
// collector.
const maxPooledTokens = 1 << 18

// tokenBuffer is an empty array for a document's tokens: one a profiled
// document gave back (putTokens), or nil.
func (t *Tagger) tokenBuffer() []Token {
	if b, ok := t.buffers.Get().(*[]Token); ok {
		return (*b)[:0]
	}
	return nil
}

// putTokens keeps toks's array for tokenBuffer, its tokens cleared so that
// it holds no document's text alive; toks must not be used after.
func (t *Tagger) putTokens(toks []Token) {
	if cap(toks) == 0 || cap(toks) > maxPooledTokens {
		return
	}
	toks = toks[:cap(toks)]
	clear(toks)
	t.buffers.Put(&toks)
}

// tokensScratch is the working space of one TokensContext call.
type tokensScratch struct {
	punkt  punktScratch
	sents  []Span        // a line's sentences, offsets into the line
	buf    []token.Token // a sentence's tokens
	merged []token.Token // the same with its dashes
	forms  []token.Token // what the tagger sees of them
	// terms maps a token's text to its Term, for the texts whose Term is
	// a new string (capitals, non-ASCII): each is made once a document.
	terms map[string]string
}

// NewTagger loads prose's sentence and tagger models (once per process).
func NewTagger() (*Tagger, error) {
	seg, err := englishPunkt()
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	tg, err := englishPerceptron()
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	pool := &sync.Pool{New: func() any { return &tokensScratch{terms: map[string]string{}} }}
	return &Tagger{tok: newTokenizer(proseTokenRules()), seg: seg, tag: tg, scratch: pool, buffers: &sync.Pool{}}, nil
}

// Tokens canonicalises text with c and returns its tagged tokens and its
// sentences, in text order.
//
// Boilerplate lines are skipped. Each line is a paragraph, segmented into
// sentences on its own, so a heading never runs into the next paragraph.
// Dashes (em, en, ...) separate words: "fit—in" is "fit", "—", "in". The
// tagger sees curly quotes as their ASCII forms; offsets stay those of the
// original text. Soft hyphens and zero-width characters (U+00AD, U+200B,
// U+200C, U+200D, U+2060, U+FEFF) are invisible to the segmenter, the
// tokenizer and the tagger: "revo\u00ADlution" is one word, whose Text
// keeps the soft hyphen and whose Term is "revolution"; at a token's edge
// or alone they belong to no token.
//
// A token's Text is a substring of text, never a copy; its Term is the same
// string as its Text when the two are equal, and one string for all the
// tokens of the document that share a Text otherwise.
func (t *Tagger) Tokens(c *Canon, text string) (toks []Token, sents []Span, boilerplate int) {
	toks, sents, boilerplate, _ = t.TokensContext(context.Background(), c, text)
	return toks, sents, boilerplate
}

// TokensContext is Tokens stopped by ctx: it looks at ctx before each line
// and each sentence (and every few thousand characters while cleaning), and
// once ctx is done it returns ctx's error and no tokens.
func (t *Tagger) TokensContext(ctx context.Context, c *Canon, text string) (toks []Token, sents []Span, boilerplate int, err error) {
	return t.tokens(ctx, c, text, true, nil, nil)
}

// tokens is TokensContext; without tag, the tokens' Tag is empty and the
// tagger (most of the time a document takes) never runs. With enough, the
// text is tokenised a line at a time until enough, given the tokens so
// far, says they are enough: the tokens of the lines before are returned.
// The tokens go into dst's array when it is large enough for the text
// (dst's tokens are overwritten), else into a new one.
func (t *Tagger) tokens(ctx context.Context, c *Canon, text string, tag bool, enough func([]Token) bool, dst []Token) (toks []Token, sents []Span, boilerplate int, err error) {
	s := t.scratch.Get().(*tokensScratch)
	defer func() {
		// Keep no string of text alive in the pool.
		clear(s.terms)
		clear(s.buf[:cap(s.buf)])
		clear(s.merged[:cap(s.merged)])
		clear(s.forms[:cap(s.forms)])
		t.scratch.Put(s)
	}()
	work, dashes, boilerplate := c.mask(text, newStopper(ctx))
	if n := len(text)/5 + 8; cap(dst) >= n {
		toks = dst[:0]
	} else {
		toks = make([]Token, 0, n)
	}
	for lineStart, lineEnd := range lines(work) {
		if err := ctx.Err(); err != nil {
			return nil, nil, 0, err
		}
		line, shifts := stripInvisible(work[lineStart:lineEnd])
		if strings.TrimSpace(line) == "" {
			continue
		}
		// at maps an offset into line to one into text.
		at := func(i int) int { return lineStart + unshift(shifts, i) }
		s.sents = t.seg.segment(&s.punkt, s.sents[:0], line)
		for _, sn := range s.sents {
			if err := ctx.Err(); err != nil {
				return nil, nil, 0, err
			}
			span := Span{Start: at(sn.Start), End: at(sn.End-1) + 1}
			s.buf = s.buf[:0]
			for pt := range t.tok.tokens(line[sn.Start:sn.End]) {
				s.buf = splitMixed(s.buf, pt.Text, sn.Start+pt.Start, c != nil && c.SplitHyphens)
			}
			s.buf = splitFinalPeriod(s.buf, line[sn.End:], t.seg.abbrev)
			for i, bt := range s.buf {
				start, end := at(bt.Start), at(bt.Start+len(bt.Text)-1)+1
				s.buf[i] = token.Token{Text: text[start:end], Start: start}
			}
			sent := s.buf
			if lo, hi := sort.SearchInts(dashes, span.Start), sort.SearchInts(dashes, span.End); lo < hi {
				s.merged = insertDashes(s.merged[:0], s.buf, text, dashes[lo:hi])
				sent = s.merged
			}
			if len(sent) == 0 {
				continue
			}
			s.forms = s.forms[:0]
			if tag {
				for _, bt := range sent {
					s.forms = append(s.forms, token.Token{Text: tagForm(text, bt)})
				}
				t.tag.TagTokens(s.forms)
			} else {
				s.forms = slices.Grow(s.forms, len(sent))[:len(sent)]
				clear(s.forms)
			}
			si := len(sents)
			sents = append(sents, span)
			for i, bt := range sent {
				toks = append(toks, Token{
					Text:     bt.Text,
					Term:     s.term(c, bt.Text),
					Tag:      s.forms[i].Tag,
					Start:    bt.Start,
					Sentence: si,
					Word:     IsWord(bt.Text),
				})
			}
		}
		if enough != nil && enough(toks) {
			break
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, 0, err
	}
	return toks, sents, boilerplate, nil
}

// term is c.Term(tok), made once a document for the tokens whose term is
// a new string.
func (s *tokensScratch) term(c *Canon, tok string) string {
	if ascii(tok) && (c != nil && c.KeepCase || !asciiUpper(tok)) {
		return tok // c.Term(tok) is tok itself
	}
	if t, ok := s.terms[tok]; ok {
		return t
	}
	t := c.Term(tok)
	s.terms[tok] = t
	return t
}

// asciiUpper reports whether s holds an ASCII capital.
func asciiUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// shift says that from offset at on, a line with its invisible characters
// removed is removed bytes shorter than the original line.
type shift struct{ at, removed int }

// invisibleChars are the characters invisible reports, for a quick test.
const invisibleChars = "\u00AD\u200B\u200C\u200D\u2060\uFEFF"

// stripInvisible returns line without its invisible characters (see
// invisible) and the shifts that map an offset into the result back to
// one into line (see unshift): none when line has no such character.
func stripInvisible(line string) (string, []shift) {
	if !hasInvisible(line) {
		return line, nil
	}
	var b strings.Builder
	b.Grow(len(line))
	var shifts []shift
	removed := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if invisible(r) {
			removed += n
		} else {
			if len(shifts) == 0 || shifts[len(shifts)-1].removed != removed {
				shifts = append(shifts, shift{b.Len(), removed})
			}
			b.WriteString(line[i : i+n])
		}
		i += n
	}
	return b.String(), shifts
}

// unshift maps offset i into a stripped line back to an offset into the
// original line. The offset of a character maps to that character, so a
// token's first and last bytes map to its bounds in the original and the
// invisible characters inside it come along.
func unshift(shifts []shift, i int) int {
	if len(shifts) == 0 {
		return i
	}
	k, _ := slices.BinarySearchFunc(shifts, i, func(s shift, i int) int { return cmp.Compare(s.at, i+1) })
	if k == 0 {
		return i
	}
	return i + shifts[k-1].removed
}

// hasInvisible reports whether s holds an invisible character (see
// invisible). Each is U+00AD or above, so its UTF-8 form starts with a
// byte of 0xC2 or above.
func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xC2 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); invisible(r) {
				return true
			}
		}
	}
	return false
}

// insertDashes appends to dst the tokens of toks (sorted by offset) with
// the dashes at the given offsets merged in as tokens of their own, read
// from the original text.
func insertDashes(dst, toks []token.Token, text string, dashes []int) []token.Token {
	i := 0
	for _, d := range dashes {
		for i < len(toks) && toks[i].Start < d {
			dst = append(dst, toks[i])
			i++
		}
		dst = append(dst, token.Token{Text: dashAt(text, d), Start: d})
	}
	return append(dst, toks[i:]...)
}

func dashAt(text string, at int) string {
	for n := 1; n <= 4 && at+n <= len(text); n++ {
		if r := []rune(text[at : at+n]); len(r) == 1 && isDash(r[0]) {
			return text[at : at+n]
		}
	}
	return text[at : at+1]
}

// tagForm is the form the tagger sees for a token: its TagForm, with double
// quotes as the Penn Treebank's “ (opening) and ” (closing), which is what
// the tagger was trained on. A straight " opens when it is followed by a
// non-space and preceded by a space, a bracket or the start of the text
// (invisible characters aside).
func tagForm(text string, t token.Token) string {
	switch t.Text {
	case "\u201C", "\u201E", "\u00AB":
		return "``"
	case "\u201D", "\u201F", "\u00BB":
		return "''"
	case "\u2018", "\u201B":
		return "`"
	case `"`:
		// The neighbours, invisible characters stepped over.
		start := len(strings.TrimRightFunc(text[:t.Start], invisible))
		end := len(text) - len(strings.TrimLeftFunc(text[t.Start+1:], invisible))
		before := start == 0 || strings.ContainsAny(text[start-1:start], " \t\n\r([{")
		after := end < len(text) && !strings.ContainsAny(text[end:end+1], " \t\n\r")
		if before && after {
			return "``"
		}
		return "''"
	}
	return TagForm(t.Text)
}

// splitMixed appends tok to buf, first splitting it when prose left
// punctuation glued to a word, as in a footnote mark (`bourgeoisie."[8`),
// an ellipsis (`democracy…`) or a double hyphen used as a dash
// (`freedom--and`). Split, a word is a run of letters, digits and marks
// with connectors between them: - ' ’ . between word characters, and , :
// between digits (so "U.S.", "worker-peasant", "Lenin’s", "1,000,000" and
// "4:05" are one word each); a run of hyphens is one token (a dash); every
// other character is a token of its own. A token is split only when it
// needs to be: when it holds another character, a run of two hyphens, or
// a hyphen at its start or end ("-the" is "-" and "the"; "-" alone stays).
// With splitHyphens (Canon.SplitHyphens, stylo's convention) a hyphen
// never joins: "worker-peasant" is "worker", "-", "peasant".
func splitMixed(buf []token.Token, tok string, start int, splitHyphens bool) []token.Token {
	if tok == "" {
		return buf
	}
	if !needsSplit(tok, splitHyphens) || !IsWord(tok) {
		return append(buf, token.Token{Text: tok, Start: start})
	}
	for i := 0; i < len(tok); {
		r, n := utf8.DecodeRuneInString(tok[i:])
		if !wordRune(r) {
			j := i + n
			for r == '-' && j < len(tok) && tok[j] == '-' {
				j++
			}
			buf = append(buf, token.Token{Text: tok[i:j], Start: start + i})
			i = j
			continue
		}
		j := i + n
		for j < len(tok) {
			r, n := utf8.DecodeRuneInString(tok[j:])
			if wordRune(r) || joins(tok, j, r, n, splitHyphens) {
				j += n
				continue
			}
			break
		}
		buf = append(buf, token.Token{Text: tok[i:j], Start: start + i})
		i = j
	}
	return buf
}

// needsSplit reports whether splitMixed must split tok: a character that
// is neither a word character nor a connector where it stands, or a
// hyphen that does not join two word characters.
func needsSplit(tok string, splitHyphens bool) bool {
	// Most tokens are ASCII letters and digits alone: no rune to decode.
	plain := true
	for i := 0; i < len(tok) && plain; i++ {
		c := tok[i] | 0x20
		plain = 'a' <= c && c <= 'z' || '0' <= tok[i] && tok[i] <= '9'
	}
	if plain {
		return false
	}
	for i := 0; i < len(tok); {
		r, n := utf8.DecodeRuneInString(tok[i:])
		switch {
		case wordRune(r):
		case r == '-':
			if splitHyphens || !joins(tok, i, r, n, false) {
				return true
			}
		case r == ',' || r == ':':
			if !joins(tok, i, r, n, splitHyphens) {
				return true
			}
		case !connector(r):
			return true
		}
		i += n
	}
	return false
}

// joins reports whether r, the connector at tok[i:i+n], joins the word
// characters on either side of it: - ' ’ . between word characters, , and
// : between digits.
func joins(tok string, i int, r rune, n int, splitHyphens bool) bool {
	if i == 0 || i+n >= len(tok) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(tok[:i])
	after, _ := utf8.DecodeRuneInString(tok[i+n:])
	switch {
	case r == ',' || r == ':':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	case r == '-' && splitHyphens:
		return false
	case connector(r):
		return wordRune(before) && wordRune(after)
	}
	return false
}

// splitFinalPeriod splits the period off the last word of a sentence
// (before any closing quotes and brackets) when prose kept it as part of
// the word and what follows (after, the rest of the line) begins a new
// sentence: the line ends, or the next word begins with a capital. prose
// never splits a capital and one or two lower-case letters before a period,
// taking them for an abbreviation ("Mr.", "Vol."), so "the First World
// War. But" gave "War.". A word the sentence model knows as an
// abbreviation (abbrev, Punkt's abbreviation types) or among shortAbbrevs keeps its period even where the segmenter
// cut after it ("Vol. II", "Dr. Who"); so does a word whose next sentence begins
// otherwise ("Vol. 25", "the Act. passed"), and a word with another period
// ("U.S.", "i.e."), whose periods are its own.
func splitFinalPeriod(sent []token.Token, after string, abbrev map[string]int) []token.Token {
	i := len(sent) - 1
	for i >= 0 && closing(sent[i].Text) {
		i--
	}
	if i < 0 {
		return sent
	}
	t := sent[i].Text
	if len(t) < 2 || t[len(t)-1] != '.' || strings.Count(t, ".") != 1 || !IsWord(t[:len(t)-1]) {
		return sent
	}
	if w := strings.ToLower(t[:len(t)-1]); abbrev[w] != 0 || shortAbbrevs[w] {
		return sent
	}
	next := strings.TrimLeftFunc(after, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘([«", r) })
	if r, _ := utf8.DecodeRuneInString(next); next != "" && !unicode.IsUpper(r) {
		return sent
	}
	dot := token.Token{Text: t[len(t)-1:], Start: sent[i].Start + len(t) - 1}
	sent[i].Text = t[:len(t)-1]
	return slices.Insert(sent, i+1, dot)
}

// shortAbbrevs are the English abbreviations of a capital and one or two
// lower-case letters that prose's tokenizer keeps whole ("Vol.", "Mr.") and
// that splitFinalPeriod leaves whole where the segmenter ends a sentence
// after them ("wrote Vol. II"), beside the sentence model's abbreviation
// types: titles and ranks, references, company words and months.
var shortAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "mt": true, "jr": true, "sr": true,
	"rev": true, "gen": true, "col": true, "lt": true, "sgt": true, "cpl": true, "pvt": true, "adm": true,
	"sen": true, "rep": true, "gov": true, "hon": true, "esq": true, "mme": true,
	"vol": true, "no": true, "nos": true, "ch": true, "art": true, "sec": true, "fig": true, "ed": true,
	"eds": true, "pp": true, "op": true, "cf": true, "vs": true,
	"co": true, "inc": true, "ltd": true, "ave": true, "rd": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "oct": true, "nov": true, "dec": true,
}

// closing reports the tokens that may follow a sentence's final period.
func closing(t string) bool {
	switch t {
	case `"`, "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func connector(r rune) bool { return r == '-' || r == '\'' || r == '\u2019' || r == '.' }
