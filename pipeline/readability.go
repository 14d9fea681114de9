package pipeline

import (
	"unicode"

	"github.com/stylometer/stylometer/analysis"
)

// termReading is what the readability formulas count of one word term
// (see readability): a function of the term alone, so computed once a
// document for each of its terms.
type termReading struct {
	letters, alnum, syllables int32
	done                      bool
}

// readability adds to b.read what the readability formulas need from the
// words whose term ids are ids (Words and Sentences are left to finish):
// syllables (analysis.Syllables), letters, letters and digits, words of
// three or more syllables and words of more than six letters, each
// reckoned from the word's term.
func (b *builder) readability(ids []uint32, st *stopper) {
	if n := len(b.terms); len(b.reading) < n {
		b.reading = append(b.reading, make([]termReading, n-len(b.reading))...)
	}
	c := &b.read
	for _, id := range ids {
		if st.stopped() {
			break
		}
		r := &b.reading[id]
		if !r.done {
			*r = readTerm(b.terms[id])
		}
		c.Letters += int(r.letters)
		c.Characters += int(r.alnum)
		if r.letters > 6 {
			c.LongWords++
		}
		if r.letters > 0 {
			c.Syllables += int(r.syllables)
			if r.syllables >= 3 {
				c.Polysyllables++
			}
		}
	}
}

// readTerm is what readability counts of the term w.
func readTerm(w string) termReading {
	r := termReading{done: true}
	for _, c := range w {
		if unicode.IsLetter(c) {
			r.letters++
			r.alnum++
		} else if unicode.IsDigit(c) {
			r.alnum++
		}
	}
	if r.letters > 0 {
		r.syllables = int32(analysis.Syllables(w))
	}
	return r
}
