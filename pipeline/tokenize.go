package pipeline

import (
	"iter"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// This file is ours, not prose's. It splits text into the tokens prose
// v3's tokenizer (github.com/jdkato/prose/v3/tokenize, v3.2.3,
// tokenize.New().Tokenize) gives, with the same texts at the same offsets,
// quirks included; tokenize_test.go compares every token with prose's own
// tokenizer. The rules are prose's, in prose's order:
//
//  1. The text is cut at white space (unicode.IsSpace) into runs of other
//     characters; each run (a span) is split on its own, and white space
//     is never part of a token. Invalid UTF-8 is not white space.
//  2. While the span is not empty:
//     a. a span prose keeps whole is a token (an emoticon, or a span its
//     internalRE matches: "U.S.", "e.g.", "Mr.", "Mrs.", see dotted);
//     b. else a prefix ($ ( " [ “ ‘) with more after it is a token;
//     c. else the span is cut before the earliest contraction ('ll 's 're
//     'm n't, with either apostrophe, ASCII case folded) found at an
//     offset above 0, counting only each contraction's first occurrence
//     in the span: "don't" is "do" + "n't", but in "'s's" the second 's
//     is not a cut, since the first is at offset 0. The part before the
//     cut is a token as it stands, punctuation and all;
//     d. else a suffix (, ) " ] ! ; . ? : ' ” ’) with more before it is
//     set aside, to follow the span's other tokens in text order;
//     e. else the span is a token.
//
// What differs is the cost. prose runs a regular expression on the span at
// every step, looks it up in a map of emoticons and searches it ten times,
// once per contraction; it allocates the result slice of each call. Here
// the regular expression is a loop over bytes (dotted), the emoticon map
// is consulted only for a span whose first and last bytes begin and end
// some emoticon, and the contractions are found in one pass that looks
// further only where two bytes can begin one. The tokens are yielded one
// by one (tokens), so nothing is allocated per token or per call; the
// suffixes set aside need no stack, since they are exactly the bytes after
// the last token of the span, and each begins with its own byte (” and ’
// with 0xE2, the others are one ASCII byte). On sentences synthesized
// from the seeds it gives about ten times as many tokens a second as prose
// (BenchmarkTokenizeProse, BenchmarkTokenizeFast). And it takes time
// linear in the length of the text (see split), where prose's time grows
// with the square of a run of suffixes: prose takes over a second on ")"
// repeated 10,000 times after a letter.

// proseTokenPrefixes, proseTokenSuffixes and proseTokenContractions are
// prose's defaultPrefixes, defaultSuffixes and defaultContractions
// (prose/v3 tokenize/tokenize.go, v3.2.3, MIT licence), which prose does
// not export, in prose's order. TestTokenizeRules compares them with
// prose's source.
var (
	proseTokenPrefixes     = []string{"$", "(", `"`, "[", "“", "‘"}
	proseTokenSuffixes     = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'", "”", "’"}
	proseTokenContractions = []string{"'ll", "'s", "'re", "'m", "n't", "’ll", "’s", "’re", "’m", "n’t"}
)

// proseDottedPattern is prose's internalRE (prose/v3 tokenize/tokenize.go),
// the spans it never splits, which dotted matches without a regular
// expression. TestTokenizeRules compares it with prose's source, and
// TestTokenizeDotted compares dotted with it.
const proseDottedPattern = `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`

// tokenRules are the rules a tokenizer applies: prose's (proseTokenRules),
// or, in the tests, a change of them.
type tokenRules struct {
	prefixes, suffixes, contractions []string
	emoticons                        []string // spans kept whole
	dotted                           bool     // keep the spans proseDottedPattern matches whole
}

// proseTokenRules are the rules of prose's default tokenizer.
func proseTokenRules() tokenRules {
	return tokenRules{
		prefixes:     proseTokenPrefixes,
		suffixes:     proseTokenSuffixes,
		contractions: proseTokenContractions,
		emoticons:    perceptronEmoticons, // prose's internal/emoticon set
		dotted:       true,
	}
}

// Flags of a byte in tokenizer.byteFlags.
const (
	flagSpace      = 1 << iota // an ASCII white-space character
	flagMaybeSpace             // the first byte of a non-ASCII white-space character
	flagPrefix                 // the first byte of a prefix
	flagSuffix                 // the last byte of a suffix
	flagCase                   // the first byte of a contraction, either case
	flagEmoFirst               // the first byte of an emoticon
	flagEmoLast                // the last byte of an emoticon
)

// tokenizer splits text into tokens as prose v3's tokenizer does (see the
// top of this file). It is read-only once made and safe for concurrent
// use.
type tokenizer struct {
	rules     tokenRules
	byteFlags [256]uint8
	// caseAt[b] and caseNext[b] are the sets of contractions (bit i for
	// rules.contractions[i]) whose first and second bytes are b, either
	// ASCII case.
	caseAt, caseNext [256]uint64
	emoticons        map[string]bool
	emoMin, emoMax   int // the shortest and longest emoticon, in bytes
}

// newTokenizer returns a tokenizer applying r. It panics if r has more
// than 64 contractions, one shorter than 2 bytes, or an empty affix or
// emoticon.
func newTokenizer(r tokenRules) *tokenizer {
	if len(r.contractions) > 64 {
		panic("pipeline: more than 64 contractions")
	}
	for _, list := range [][]string{r.prefixes, r.suffixes, r.contractions, r.emoticons} {
		if slices.Contains(list, "") {
			panic("pipeline: empty affix or emoticon")
		}
	}
	z := &tokenizer{rules: r, emoticons: make(map[string]bool, len(r.emoticons)), emoMin: 1 << 30}
	for _, c := range []byte{'\t', '\n', '\v', '\f', '\r', ' '} {
		z.byteFlags[c] |= flagSpace
	}
	// The non-ASCII white space (U+0085, U+00A0, U+1680, U+2000-U+200A,
	// U+2028, U+2029, U+202F, U+205F, U+3000) begins with these bytes;
	// TestTokenizeSpaceBytes checks every rune.
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		z.byteFlags[c] |= flagMaybeSpace
	}
	for _, p := range r.prefixes {
		z.byteFlags[p[0]] |= flagPrefix
	}
	for _, s := range r.suffixes {
		z.byteFlags[s[len(s)-1]] |= flagSuffix
	}
	for i, c := range r.contractions {
		if len(c) < 2 {
			panic("pipeline: contraction shorter than 2 bytes")
		}
		for _, b := range []byte{lowerASCII(c[0]), upperASCII(c[0])} {
			z.byteFlags[b] |= flagCase
			z.caseAt[b] |= 1 << i
		}
		for _, b := range []byte{lowerASCII(c[1]), upperASCII(c[1])} {
			z.caseNext[b] |= 1 << i
		}
	}
	for _, e := range r.emoticons {
		z.emoticons[e] = true
		z.byteFlags[e[0]] |= flagEmoFirst
		z.byteFlags[e[len(e)-1]] |= flagEmoLast
		z.emoMin, z.emoMax = min(z.emoMin, len(e)), max(z.emoMax, len(e))
	}
	return z
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// tokens yields the tokens of text in text order, each a substring of
// text with its byte offset: text[t.Start:t.Start+len(t.Text)] == t.Text.
// Empty or all-white text has none. It allocates nothing.
func (z *tokenizer) tokens(text string) iter.Seq[token.Token] {
	return func(yield func(token.Token) bool) { z.scan(text, yield) }
}

// appendTokens appends the tokens of text to dst (see tokens).
func (z *tokenizer) appendTokens(dst []token.Token, text string) []token.Token {
	for t := range z.tokens(text) {
		dst = append(dst, t)
	}
	return dst
}

// scan yields the tokens of text; it returns false if yield did.
func (z *tokenizer) scan(text string, yield func(token.Token) bool) bool {
	for i := 0; ; {
		for i < len(text) {
			n := z.spaceAt(text, i)
			if n == 0 {
				break
			}
			i += n
		}
		if i == len(text) {
			return true
		}
		// A span, stepped over byte by byte: a byte that may begin white
		// space is never inside another character.
		start := i
		for i < len(text) && (z.byteFlags[text[i]]&(flagSpace|flagMaybeSpace) == 0 || z.spaceAt(text, i) == 0) {
			i++
		}
		if !z.split(text[start:i], start, yield) {
			return false
		}
	}
}

// spaceAt returns the length of the white-space character at text[i], or
// 0 if there is none.
func (z *tokenizer) spaceAt(text string, i int) int {
	f := z.byteFlags[text[i]]
	if f&flagSpace != 0 {
		return 1
	}
	if f&flagMaybeSpace != 0 {
		if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// split yields the tokens of span, a non-empty run of characters other
// than white space found at offset base; it returns false if yield did.
//
// It takes time linear in the length of span: what it learns of span's
// contractions and abbreviation pattern holds while suffixes are set
// aside (see contraction and dottedPairs), so it is looked for again only
// when span loses a prefix or a contraction's head.
func (z *tokenizer) split(span string, base int, yield func(token.Token) bool) bool {
	whole, wholeBase := span, base
	pairs := -1    // letterPeriods(span), once needed
	noCut := false // span has no contraction to cut at
	for !z.special(span, &pairs) {
		if p := z.prefix(span); p > 0 {
			if !yield(token.Token{Text: span[:p], Start: base}) {
				return false
			}
			span, base, pairs, noCut = span[p:], base+p, -1, false
			continue
		}
		if !noCut {
			if i := z.contraction(span); i > 0 {
				if !yield(token.Token{Text: span[:i], Start: base}) {
					return false
				}
				span, base, pairs = span[i:], base+i, -1
				continue
			}
			noCut = true
		}
		if s := z.suffix(span); s > 0 {
			span = span[:len(span)-s]
			continue
		}
		break
	}
	if !yield(token.Token{Text: span, Start: base}) {
		return false
	}
	// The suffixes set aside, in text order: every byte after span, each
	// suffix beginning at a byte that begins no longer one.
	for i := base + len(span) - wholeBase; i < len(whole); {
		n := z.suffixAt(whole[i:])
		if !yield(token.Token{Text: whole[i : i+n], Start: wholeBase + i}) {
			return false
		}
		i += n
	}
	return true
}

// special reports whether prose keeps span whole; pairs is as dottedPairs
// takes it.
func (z *tokenizer) special(span string, pairs *int) bool {
	if z.rules.dotted && dottedPairs(span, pairs) {
		return true
	}
	n := len(span)
	return z.byteFlags[span[0]]&flagEmoFirst != 0 && z.byteFlags[span[n-1]]&flagEmoLast != 0 &&
		z.emoMin <= n && n <= z.emoMax && z.emoticons[span]
}

// dotted reports whether proseDottedPattern matches s: two or more ASCII
// letters each followed by a period ("U.S.", "e.g."), or an ASCII capital,
// one or two ASCII lower-case letters and a period ("Mr.", "Mrs.").
func dotted(s string) bool {
	pairs := -1
	return dottedPairs(s, &pairs)
}

// dottedPairs is dotted(s), given *pairs, letterPeriods(s) or -1 if not
// yet known, which it sets if it needs it. The value stays right for
// s[:n] for every n, so the calls for one span losing its suffixes scan it
// once.
func dottedPairs(s string, pairs *int) bool {
	n := len(s)
	if n < 3 || s[n-1] != '.' {
		return false
	}
	if n <= 4 && 'A' <= s[0] && s[0] <= 'Z' {
		lower := true
		for i := 1; i < n-1; i++ {
			lower = lower && 'a' <= s[i] && s[i] <= 'z'
		}
		if lower {
			return true
		}
	}
	if n%2 != 0 {
		return false
	}
	if *pairs < 0 {
		*pairs = letterPeriods(s)
	}
	return n <= *pairs
}

// letterPeriods is the length of the longest prefix of s made of ASCII
// letters each followed by a period.
func letterPeriods(s string) int {
	i := 0
	for i+1 < len(s) {
		if c := s[i] | 0x20; c < 'a' || c > 'z' || s[i+1] != '.' {
			break
		}
		i += 2
	}
	return i
}

// prefix returns the length of the first of the prefixes that span
// begins with and is longer than, or 0.
func (z *tokenizer) prefix(span string) int {
	if z.byteFlags[span[0]]&flagPrefix == 0 {
		return 0
	}
	for _, p := range z.rules.prefixes {
		if len(span) > len(p) && span[:len(p)] == p {
			return len(p)
		}
	}
	return 0
}

// suffix returns the length of the first of the suffixes that span ends
// with and is longer than, or 0.
func (z *tokenizer) suffix(span string) int {
	if z.byteFlags[span[len(span)-1]]&flagSuffix == 0 {
		return 0
	}
	for _, s := range z.rules.suffixes {
		if len(span) > len(s) && span[len(span)-len(s):] == s {
			return len(s)
		}
	}
	return 0
}

// suffixAt returns the length of the longest suffix s begins with, or 1:
// the length of the first suffix in a run of them.
func (z *tokenizer) suffixAt(s string) int {
	n := 1
	for _, suf := range z.rules.suffixes {
		if len(suf) > n && len(s) >= len(suf) && s[:len(suf)] == suf {
			n = len(suf)
		}
	}
	return n
}

// contraction returns the offset in span of the earliest first occurrence
// of a contraction that is not at offset 0, or -1: since a contraction's
// first occurrence is its only one that counts, an offset counts if a
// contraction found there is not also found at offset 0.
//
// When it is -1 for span, it is -1 for span[:n] for every n: a
// contraction found at an offset above 0 of span[:n] is found there in
// span, so it is also found at offset 0 of span, and, being no longer than
// span[:n], at offset 0 of span[:n].
func (z *tokenizer) contraction(span string) int {
	atStart := z.contractionsAt(span, 0)
	for i := 1; i+1 < len(span); i++ {
		if z.byteFlags[span[i]]&flagCase != 0 && z.caseAt[span[i]]&z.caseNext[span[i+1]] != 0 &&
			z.contractionsAt(span, i)&^atStart != 0 {
			return i
		}
	}
	return -1
}

// contractionsAt is the set of contractions found at offset i of s,
// ASCII case folded.
func (z *tokenizer) contractionsAt(s string, i int) uint64 {
	var found uint64
	s = s[i:]
	if len(s) < 2 {
		return 0
	}
	for set := z.caseAt[s[0]] & z.caseNext[s[1]]; set != 0; set &= set - 1 {
		k := bits.TrailingZeros64(set)
		if c := z.rules.contractions[k]; len(s) >= len(c) && equalFoldASCII(s[:len(c)], c) {
			found |= 1 << k
		}
	}
	return found
}

// equalFoldASCII reports whether a and b, of equal length, are equal with
// ASCII letters folded to lower case.
func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}
