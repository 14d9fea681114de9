package pipeline

import (
	"fmt"
	"strconv"
	"strings"
)

// Feature names a kind of countable unit and its n: word n-grams, character
// n-grams or part-of-speech n-grams. Written "word:1", "char:3", "pos:2".
type Feature struct {
	Kind string // "word", "char" or "pos"
	N    int    // n-gram length, from 1
}

// String returns the feature's spec, e.g. "word:1".
func (f Feature) String() string { return f.Kind + ":" + strconv.Itoa(f.N) }

// ParseFeature reads a spec such as "word:1", "char:3" or "pos:2". A bare
// kind means n = 1 ("word"), except char, which means 3.
func ParseFeature(spec string) (Feature, error) {
	kind, n, hasN := strings.Cut(strings.TrimSpace(spec), ":")
	f := Feature{Kind: strings.ToLower(kind), N: 1}
	if f.Kind == "char" {
		f.N = 3
	}
	switch f.Kind {
	case "word", "char", "pos":
	default:
		return Feature{}, fmt.Errorf("feature %q: kind must be word, char or pos", spec)
	}
	if hasN {
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 || v > 10 {
			return Feature{}, fmt.Errorf("feature %q: n must be a whole number from 1 to 10", spec)
		}
		f.N = v
	}
	return f, nil
}

// countFeature adds the feature's units in toks[lo:hi] to counts. Units never
// cross a sentence boundary. Word n-grams join lower-cased words with a
// space and skip punctuation; character n-grams run over each sentence's
// words joined by single spaces (as stylo does, spaces included); POS
// n-grams run over the tags of every token, punctuation included.
func countFeature(f Feature, toks []Token, counts map[string]int) {
	var seq []string
	flush := func() {
		switch f.Kind {
		case "word", "pos":
			for i := 0; i+f.N <= len(seq); i++ {
				counts[strings.Join(seq[i:i+f.N], " ")]++
			}
		case "char":
			r := []rune(strings.Join(seq, " "))
			for i := 0; i+f.N <= len(r); i++ {
				counts[string(r[i:i+f.N])]++
			}
		}
		seq = seq[:0]
	}
	for i, t := range toks {
		if i > 0 && t.Sentence != toks[i-1].Sentence {
			flush()
		}
		switch f.Kind {
		case "word", "char":
			if t.Word {
				seq = append(seq, t.Term)
			}
		case "pos":
			seq = append(seq, t.Tag)
		}
	}
	flush()
}
