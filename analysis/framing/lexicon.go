package framing

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Lexicon is a user's category word lists: each category's patterns. A
// pattern is a lower-case word, or a glob ("revolution*" matches
// revolution, revolutionary, revolutions; ? matches one character).
type Lexicon struct {
	Categories []string            // in first-seen order
	Patterns   map[string][]string // category -> patterns
}

// NewLexicon builds a lexicon from (category, pattern) pairs, checking each
// pattern's syntax.
func NewLexicon(pairs [][2]string) (*Lexicon, error) {
	lx := &Lexicon{Patterns: map[string][]string{}}
	for i, p := range pairs {
		cat, pat := strings.TrimSpace(p[0]), strings.ToLower(strings.TrimSpace(p[1]))
		if cat == "" || pat == "" {
			return nil, fmt.Errorf("entry %d: empty category or term", i+1)
		}
		if _, err := path.Match(pat, ""); err != nil {
			return nil, fmt.Errorf("entry %d: pattern %q: %w", i+1, pat, err)
		}
		if _, ok := lx.Patterns[cat]; !ok {
			lx.Categories = append(lx.Categories, cat)
		}
		lx.Patterns[cat] = append(lx.Patterns[cat], pat)
	}
	return lx, nil
}

// matches reports whether term matches any of the patterns.
func matches(term string, patterns []string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, term); ok {
			return true
		}
	}
	return false
}

// LexiconRate is how often one unit uses one category.
type LexiconRate struct {
	Category string
	Unit     Unit
	Count    int
	Words    int
	Per10k   float64
	Terms    []string // the distinct terms that matched, code-point order
}

// LexiconRates counts each category's words (a word counts once per
// category, even when several patterns match it) in each unit, per 10,000
// words.
func LexiconRates(docs []Doc, lx *Lexicon, units []Unit) []LexiconRate {
	var out []LexiconRate
	for _, cat := range lx.Categories {
		pats := lx.Patterns[cat]
		for _, u := range units {
			r := LexiconRate{Category: cat, Unit: u}
			seen := map[string]bool{}
			for _, i := range u.in {
				r.Words += docs[i].Words
				for term, n := range docs[i].All.All() {
					if matches(term, pats) {
						r.Count += n
						seen[term] = true
					}
				}
			}
			for t := range seen {
				r.Terms = append(r.Terms, t)
			}
			slices.Sort(r.Terms)
			if r.Words > 0 {
				r.Per10k = float64(r.Count) / float64(r.Words) * 1e4
			}
			out = append(out, r)
		}
	}
	return out
}
