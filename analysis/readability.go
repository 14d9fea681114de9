package analysis

import (
	"math"
	"strings"
)

// ReadabilityCounts are the counts the readability formulas need, made by
// the caller's tokeniser and sentence splitter.
type ReadabilityCounts struct {
	Words     int // W, word tokens
	Sentences int // S
	Syllables int // Sy, total syllables of the words (see Syllables)
	// Characters is C, the letters and digits of the words (ARI).
	Characters int
	// Letters is the letters of the words (Coleman–Liau).
	Letters int
	// Polysyllables is P, the words of three or more syllables (Fog, SMOG).
	Polysyllables int
	// LongWords is the words of more than six letters (LIX).
	LongWords int
}

// ReadabilityScores are the classic readability formulas. Higher means
// harder, except Flesch reading ease where higher means easier.
type ReadabilityScores struct {
	// Flesch is Flesch's (1948) reading ease:
	// 206.835 − 1.015 W/S − 84.6 Sy/W.
	Flesch float64
	// FleschKincaid is the Flesch–Kincaid grade level (Kincaid, Fishburne,
	// Rogers & Chissom 1975): 0.39 W/S + 11.8 Sy/W − 15.59.
	FleschKincaid float64
	// GunningFog is Gunning's (1952) fog index: 0.4 (W/S + 100 P/W).
	GunningFog float64
	// SMOG is McLaughlin's (1969) SMOG grade in its continuous form:
	// 1.043 √(30 P/S) + 3.1291.
	SMOG float64
	// ARI is the automated readability index (Senter & Smith 1967):
	// 4.71 C/W + 0.5 W/S − 21.43.
	ARI float64
	// ColemanLiau is the Coleman–Liau index (Coleman & Liau 1975):
	// 0.0588 L − 0.296 S' − 15.8, L letters and S' sentences per 100 words.
	ColemanLiau float64
	// LIX is Björnsson's (1968) läsbarhetsindex: W/S + 100 (words of more
	// than six letters)/W.
	LIX float64
}

// Readability returns the readability scores of the counts c, with the
// formulas of shared/reference/README.md given on each field of
// ReadabilityScores. Every score is NaN when c has no words or no sentences.
func Readability(c ReadabilityCounts) ReadabilityScores {
	if c.Words <= 0 || c.Sentences <= 0 {
		nan := math.NaN()
		return ReadabilityScores{nan, nan, nan, nan, nan, nan, nan}
	}
	w, s := float64(c.Words), float64(c.Sentences)
	wps := w / s                    // words per sentence
	spw := float64(c.Syllables) / w // syllables per word
	p := float64(c.Polysyllables)
	return ReadabilityScores{
		Flesch:        206.835 - 1.015*wps - 84.6*spw,
		FleschKincaid: 0.39*wps + 11.8*spw - 15.59,
		GunningFog:    0.4 * (wps + 100*p/w),
		SMOG:          1.043*math.Sqrt(30*p/s) + 3.1291,
		ARI:           4.71*float64(c.Characters)/w + 0.5*wps - 21.43,
		ColemanLiau:   0.0588*(100*float64(c.Letters)/w) - 0.296*(100*s/w) - 15.8,
		LIX:           wps + 100*float64(c.LongWords)/w,
	}
}

// Syllables estimates the number of syllables of an English word by
// counting vowel groups, the usual heuristic of readability software (no
// dictionary; it errs on words such as "being" or "created"):
//
//  1. only the letters a–z are kept (after lower-casing); no letters gives 0;
//  2. each maximal run of vowels counts one; a, e, i, o, u are vowels, y is a
//     vowel except at the start of the word or after a vowel ("yes", "play");
//  3. a final silent e is not counted when it follows a consonant ("make"),
//     except in consonant + "le" ("table", "syllable");
//  4. a final "ed" is not counted after a consonant other than t or d
//     ("jumped", but "wanted"); a final "es" is not counted after a consonant
//     other than s, x, z, c, g, "ch", "sh" or consonant + "l" ("makes", but
//     "boxes", "wishes", "tables");
//  5. every word with a letter has at least one syllable.
func Syllables(word string) int {
	var bb [64]byte
	var vb [64]bool // a word's letters and vowels, on the stack unless longer
	b := bb[:0]
	for _, r := range strings.ToLower(word) {
		if r >= 'a' && r <= 'z' {
			b = append(b, byte(r))
		}
	}
	n := len(b)
	if n == 0 {
		return 0
	}
	vowel := vb[:0]
	if n > len(vb) {
		vowel = make([]bool, 0, n)
	}
	vowel = vowel[:n]
	for i, c := range b {
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			vowel[i] = true
		case 'y':
			vowel[i] = i > 0 && !vowel[i-1]
		}
	}
	count := 0
	for i := range b {
		if vowel[i] && (i == 0 || !vowel[i-1]) {
			count++
		}
	}
	consonant := func(i int) bool { return i >= 0 && !vowel[i] }
	switch {
	case n > 2 && b[n-1] == 'e' && consonant(n-2):
		if !(b[n-2] == 'l' && consonant(n-3)) {
			count--
		}
	case n > 3 && b[n-2] == 'e' && b[n-1] == 'd' && consonant(n-3):
		if b[n-3] != 't' && b[n-3] != 'd' {
			count--
		}
	case n > 3 && b[n-2] == 'e' && b[n-1] == 's' && consonant(n-3):
		c := b[n-3]
		keep := strings.IndexByte("sxzcg", c) >= 0 ||
			(c == 'h' && n > 4 && (b[n-4] == 'c' || b[n-4] == 's')) ||
			(c == 'l' && consonant(n-4))
		if !keep {
			count--
		}
	}
	return max(count, 1)
}
