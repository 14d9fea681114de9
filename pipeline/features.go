package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Feature names a kind of countable unit and its n: word n-grams, character
// n-grams, part-of-speech n-grams, function words (n-grams of the words
// of FunctionWords only, the others skipped), or stylo's words (n-grams of
// the runs of letters of the text, lower-cased, whatever prose makes of
// it: stylo's txt.to.words, for results comparable with stylo's). Written
// "word:1", "char:3", "pos:2", "fw:1", "stylo:1".
type Feature struct {
	Kind string // "word", "char", "pos", "fw" or "stylo"
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
	case "word", "char", "pos", "fw", "stylo":
	default:
		return Feature{}, fmt.Errorf("feature %q: kind must be word, char, pos, fw or stylo", spec)
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
// n-grams run over the tags of every token, punctuation included. Once st
// stops, it returns early with partial counts.
func countFeature(f Feature, toks []Token, counts map[string]int, st *stopper) {
	var seq []string
	flush := func() {
		switch f.Kind {
		case "word", "pos", "fw":
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
		if st.stopped() {
			return
		}
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
		case "fw":
			if t.Word && FunctionWords[t.Term] {
				seq = append(seq, t.Term)
			}
		}
	}
	flush()
}

// FunctionWords is the function-word set behind the "fw" feature: English
// articles, pronouns, prepositions, conjunctions, auxiliaries and common
// adverbs and determiners, the kind of list Mosteller & Wallace (1964) and
// Burrows (1987) built authorship studies on. Lower case, with the
// contraction parts prose splits off ('s, n't, 'll ...).
var FunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all almost along already also although always am
among an and another any anyone anything are around as at be because been before being below between both but by can
could did do does doing down during each either enough even ever every few for from further had has have having he
her here hers herself him himself his how however i if in indeed into is it its itself just least less many may me
might mine more most much must my myself neither never no nor not now of off often on once one only onto or other our
ours ourselves out over own perhaps quite rather same several shall she should since so some such than that the their
theirs them themselves then there therefore these they this those though through thus to too toward towards under
until up upon us very was we were what whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves 's 're 've 'd 'll 'm n't`) {
		m[w] = true
	}
	return m
}()

// styloWords returns the words stylo's tokenizer finds in text: maximal runs
// of letters (Unicode categories L and M), lower-cased. Digits, apostrophes
// and hyphens separate words ("Lenin's" is "lenin", "s"), as in stylo's
// txt.to.words with its default splitting rule. Once st stops, it returns
// early with an unusable result.
func styloWords(text string, st *stopper) []string {
	var out []string
	start := -1
	for i, r := range text {
		if st.stopped() {
			return out
		}
		letter := unicode.IsLetter(r) || unicode.IsMark(r) && start >= 0
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(text[start:]))
	}
	return out
}

// countStylo adds the n-grams of stylo's words in text to counts.
func countStylo(n int, words []string, counts map[string]int, st *stopper) {
	for i := 0; i+n <= len(words) && !st.stopped(); i++ {
		counts[strings.Join(words[i:i+n], " ")]++
	}
}
