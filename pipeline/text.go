package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrEmpty reports a document with no words once boilerplate is removed.
var ErrEmpty = errors.New("no words (empty, or only boilerplate and punctuation)")

// Decode turns a file's bytes into text. It strips a UTF-8 byte-order mark,
// decodes UTF-16 that starts with a byte-order mark, and rejects binary data
// (a NUL byte) and invalid UTF-8, naming the byte offset in the file of the
// first bad byte; when the NUL bytes look like UTF-16 without a byte-order
// mark (see utf16Hint), the error says so. Offsets reported by the pipeline
// are byte offsets into the returned text, which for UTF-8 input without a
// BOM is the file itself.
func Decode(b []byte) (string, error) {
	bom := 0
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		bom = 3
	case isUTF16(b):
		return decodeUTF16(b)
	}
	body := b[bom:]
	if i := bytes.IndexByte(body, 0); i >= 0 {
		msg := fmt.Sprintf("binary file: NUL byte at offset %d", bom+i)
		if enc := utf16Hint(body); enc != "" {
			msg += fmt.Sprintf(" (UTF-16 without a byte-order mark? convert it, e.g. iconv -f %s -t utf-8)", enc)
		}
		return "", &decodeError{Offset: bom + i, msg: msg}
	}
	if !utf8.Valid(body) {
		i := bom + invalidAt(body)
		return "", &decodeError{Offset: i, msg: fmt.Sprintf("not UTF-8: invalid byte at offset %d (convert it, e.g. iconv -f latin1 -t utf-8)", i)}
	}
	return string(body), nil
}

// isUTF16 reports whether b starts with a UTF-16 byte-order mark.
func isUTF16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// decodeError is a decoding problem at a byte offset of the file, so that
// a reader of a line-based format can also name the line.
type decodeError struct {
	Offset int
	msg    string
}

func (e *decodeError) Error() string { return e.msg }

// utf16Sample is how many leading bytes utf16Hint looks at, and
// utf16Least the fewest it decides on.
const (
	utf16Sample = 512
	utf16Least  = 8
)

// utf16Hint returns "utf-16le" or "utf-16be" when b looks like UTF-16
// without a byte-order mark, "" otherwise. In UTF-16 text of a Latin
// script, every other byte is the zero high byte of a character below
// U+0100: in its first utf16Sample bytes (whole pairs only, at least
// utf16Least bytes), at least three quarters of the bytes at one parity
// must be NUL and none at the other. Odd offsets hold the NULs in
// little-endian, even ones in big-endian.
func utf16Hint(b []byte) string {
	n := min(len(b), utf16Sample) &^ 1
	if n < utf16Least {
		return ""
	}
	var nul [2]int // by parity of the offset
	for i, c := range b[:n] {
		if c == 0 {
			nul[i%2]++
		}
	}
	pairs := n / 2
	switch {
	case nul[0] == 0 && 4*nul[1] >= 3*pairs:
		return "utf-16le"
	case nul[1] == 0 && 4*nul[0] >= 3*pairs:
		return "utf-16be"
	}
	return ""
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func decodeUTF16(b []byte) (string, error) {
	if len(b)%2 != 0 {
		return "", errors.New("UTF-16 file with an odd number of bytes")
	}
	big := b[0] == 0xFE
	u := make([]uint16, 0, len(b)/2-1)
	for i := 2; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	for k, c := range u {
		if c == 0 {
			at := 2 + 2*k // the BOM, then two bytes a code unit
			return "", &decodeError{Offset: at, msg: fmt.Sprintf("binary file: NUL character in UTF-16 text at offset %d", at)}
		}
	}
	return string(utf16.Decode(u)), nil
}

// Canon holds the canonicalisation rules: whole-line boilerplate patterns
// and, optionally, the removal of a line that repeats the previous
// non-blank line (scraped pages repeat photo captions). Its zero value
// removes nothing.
type Canon struct {
	boilerplate []*regexp.Regexp
	// DropRepeated blanks a line identical to the previous non-blank line.
	DropRepeated bool
	// KeepCase counts "Party" and "party" as different terms (TagForm
	// without lower-casing); the default folds case.
	KeepCase bool
	// SplitHyphens splits hyphenated compounds ("worker-peasant" is
	// "worker", "-", "peasant"), as stylo's tokenizer does; the default
	// keeps them whole, as prose and quanteda do.
	SplitHyphens bool
	// prev is the last non-blank line before the text, for DropRepeated
	// when a document comes in parts.
	prev string
}

// Term is the form under which c counts a token: Term, or TagForm with
// KeepCase.
func (c *Canon) Term(tok string) string {
	if c != nil && c.KeepCase {
		return TagForm(tok)
	}
	return Term(tok)
}

// NewCanon compiles boilerplate rules: RE2 regular expressions matched
// against each line of a document (without its line break).
func NewCanon(rules []string) (*Canon, error) {
	c := &Canon{}
	for _, r := range rules {
		re, err := regexp.Compile(r)
		if err != nil {
			return nil, fmt.Errorf("boilerplate rule %q: %w", r, err)
		}
		c.boilerplate = append(c.boilerplate, re)
	}
	return c, nil
}

// isDash reports the dashes that separate words: em dash, en dash, figure
// dash, horizontal bar, two-em and three-em dashes.
func isDash(r rune) bool {
	switch r {
	case '\u2012', '\u2013', '\u2014', '\u2015', '\u2E3A', '\u2E3B':
		return true
	}
	return false
}

// lines yields the start and end byte offsets of each line of text, the
// line break excluded.
func lines(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if !yield(start, end) {
				return
			}
			start = end + 1
		}
	}
}

// Clean returns text with its boilerplate lines (and, with DropRepeated,
// repeated lines) replaced by spaces: the same byte length, so every offset
// into it is an offset into text. It also returns the number of lines
// blanked.
func (c *Canon) Clean(text string) (string, int) {
	return c.clean(text, nil)
}

// clean is Clean, cut short (its result then unusable) once st stops.
func (c *Canon) clean(text string, st *stopper) (string, int) {
	if c == nil || len(c.boilerplate) == 0 && !c.DropRepeated {
		return text, 0
	}
	b := []byte(text)
	removed := 0
	prev := c.prev
	for start, end := range lines(text) {
		if st.stopped() {
			break
		}
		line := strings.TrimSuffix(text[start:end], "\r")
		drop := c.DropRepeated && line == prev && strings.TrimSpace(line) != ""
		for _, re := range c.boilerplate {
			if drop {
				break
			}
			drop = re.MatchString(line)
		}
		if drop {
			for i := start; i < start+len(line); i++ {
				b[i] = ' '
			}
			removed++
		}
		if strings.TrimSpace(line) != "" {
			prev = line
		}
	}
	return string(b), removed
}

// mask returns the working copy the tokenizer reads: Clean's, with the
// dashes also replaced by spaces (same byte length), the offsets of those
// dashes and the number of lines blanked. Once st stops, it returns early
// with an unusable result.
func (c *Canon) mask(text string, st *stopper) (work string, dashes []int, removed int) {
	clean, removed := c.clean(text, st)
	b := []byte(clean)
	for i := 0; i < len(b) && !st.stopped(); {
		r, n := utf8.DecodeRune(b[i:])
		if isDash(r) {
			dashes = append(dashes, i)
			for j := i; j < i+n; j++ {
				b[j] = ' '
			}
		}
		i += n
	}
	return string(b), dashes, removed
}

// invisible reports the characters that never separate or make a word:
// the soft hyphen (U+00AD), the zero-width space, non-joiner and joiner
// (U+200B, U+200C, U+200D), the word joiner (U+2060) and the zero-width
// no-break space (U+FEFF, a byte-order mark inside the text). Documents
// exported from PDF or HTML carry them inside words ("revo\u00ADlution").
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// formFold maps typographic quotes and apostrophes to their ASCII forms,
// the forms prose's tagger was trained on, and drops the invisible
// characters (see invisible).
var formFold = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u201B", "'", "\u2032", "'", "\u02BC", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u2033", `"`,
	"\u00AB", `"`, "\u00BB", `"`,
	"\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\u2060", "", "\uFEFF", "",
)

// TagForm is the form of a token the tagger sees: Unicode NFC, curly
// quotes and apostrophes folded to ASCII, dashes as "--", and soft hyphens
// and zero-width characters (U+00AD, U+200B, U+200C, U+200D, U+2060,
// U+FEFF) dropped, so "revo\u00ADlution" is "revolution". A token made
// only of those is "".
func TagForm(tok string) string {
	if ascii(tok) {
		// Every folded character, every dash and every non-NFC sequence is
		// outside ASCII: most tokens are their own form, and the
		// replacer, which always copies, is skipped.
		return tok
	}
	tok = formFold.Replace(tok)
	if r, _ := utf8.DecodeRuneInString(tok); isDash(r) {
		return "--"
	}
	return norm.NFC.String(tok)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Term is the form under which a token is counted: its TagForm lower-cased
// (Unicode simple case folding, not locale-specific).
func Term(tok string) string {
	return strings.ToLower(TagForm(tok))
}

// IsWord reports whether a token counts as a word: it holds at least one
// letter or digit. Punctuation tokens are tagged but not counted as words.
func IsWord(tok string) bool {
	for i := 0; i < len(tok); i++ {
		b := tok[i]
		if b >= utf8.RuneSelf {
			for _, r := range tok[i:] {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return true
				}
			}
			return false
		}
		if '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z' {
			return true
		}
	}
	return false
}
