package pipeline

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/abadojack/whatlanggo"
)

// English is the code of the one language whose part-of-speech tags,
// content words and readability formulas stylometer has (prose's models
// and the formulas are English).
const English = "en"

// LanguageAuto is Options.Language's default: detect each document's
// language.
const LanguageAuto = "auto"

// MinLanguageWords is the fewest words a document needs to be analysed as
// not English: a shorter text (a title, a caption, a list of names) gives
// a trigram detector too little to go on, and is taken to be English.
const MinLanguageWords = 20

// LanguageEvidence is the least confidence, from 0 to 1, with which the
// detector must prefer a document's language to English for the document
// to be analysed as not English: whatlanggo's threshold of a reliable
// detection (ReliableConfidenceThreshold).
const LanguageEvidence = whatlanggo.ReliableConfidenceThreshold

// The language sample: languageRuns runs of languageRun consecutive words
// spread evenly through the document (its first part, for a file read in
// parts), or all its words when it has no more. 64 words are enough for a
// trigram detector (whatlanggo tells its own test sentences of about 20
// words apart, and 40-word stretches of the seeds are all English but
// one, which quotes French titles), and the detector's time grows with its
// input: 64 words of the seeds take 0.6 ms, 128 words 1.2 ms.
// whatlanggo's confidence also goes wrong past a few kilobytes
// (github.com/abadojack/whatlanggo/issues/18).
const (
	languageRun  = 16
	languageRuns = 4
)

// englishShare is the share of a document's words from FunctionWords (the,
// of, and, to ...) at or above which it is English without asking the
// detector: English prose has 0.45 to 0.49 (the five seeds), the French
// and German test paragraphs 0.01 and 0; any 64 words of the seeds but a
// bibliography have at least 0.19. The detector costs about 0.6 ms a
// document, as much as the rest of a 1,000-word document's profile; this
// costs one look-up per distinct word. A text below it goes to the
// detector, which may well find English too.
const englishShare = 0.25

// languageSample is the text the detector reads: the sample's words (toks
// at the indices words), separated by spaces, the runs by line breaks.
func languageSample(toks []Token, words []int) string {
	var b strings.Builder
	n := len(words)
	runs, run := languageRuns, languageRun
	if n <= runs*run {
		runs, run = 1, n
	}
	for r := range runs {
		start := r * n / runs
		for _, wi := range words[start:min(n, start+run)] {
			b.WriteString(toks[wi].Text)
			b.WriteByte(' ')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// documentLanguage is the language of a document whose words are terms,
// counted n times each (words in all), and whose language sample is
// sample: English with an undefined (NaN) confidence when englishShare of
// its words or more are English function words, else detectLanguage's.
func documentLanguage(terms []string, n []int, words int, sample string) (code string, confidence, overEnglish float64) {
	fw := 0
	for i, t := range terms {
		if FunctionWords[t] {
			fw += n[i]
		}
	}
	if words > 0 && float64(fw) >= englishShare*float64(words) {
		return English, math.NaN(), 0
	}
	return detectLanguage(sample)
}

// detectLanguage returns the language of sample by whatlanggo's trigram
// detector (Cavnar & Trenkle 1994, the profiles of the Rust whatlang
// crate, 84 languages): its ISO 639-1 code (ISO 639-3 for a language
// without one), the detector's confidence, from 0 to 1, that sample is in
// that language rather than in the next best one, and, for a language
// other than English, its confidence that sample is in that language
// rather than in English (both compared alone), 0 when English wins that
// comparison. When the detector cannot decide (no letters, or two
// languages fit equally well) it returns "", 0, 0: whatlanggo breaks that
// tie by a map's order, which is random.
func detectLanguage(sample string) (code string, confidence, overEnglish float64) {
	info := whatlanggo.Detect(sample)
	confidence = min(1, info.Confidence)
	if info.Lang < 0 || !(confidence > 0) {
		return "", 0, 0
	}
	code = info.Lang.Iso6391()
	if code == "" {
		code = info.Lang.Iso6393()
	}
	if info.Lang == whatlanggo.Eng {
		return code, confidence, 0
	}
	pair := whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Eng: true, info.Lang: true}})
	if pair.Lang == info.Lang {
		overEnglish = max(0, min(1, pair.Confidence))
	}
	return code, confidence, overEnglish
}

// languageCode is what Options.Language accepts besides "auto": an ISO
// 639-1 or 639-3 code.
var languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// parseLanguage checks a language setting: "auto" (or empty), or a code,
// "eng" written "en".
func parseLanguage(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "" || s == LanguageAuto:
		return LanguageAuto, nil
	case s == "eng":
		return English, nil
	case languageCode.MatchString(s):
		return s, nil
	}
	return "", fmt.Errorf("bad language %q", s)
}

// detects reports whether o has each document's language detected.
func (o Options) detects() bool {
	return o.Language == "" || o.Language == LanguageAuto
}

// LanguageOf is the language a document with profile p is analysed as
// under o: o.Language when it names one; else the detected language when
// the detector found one other than English, preferred it to English
// with confidence LanguageEvidence or more, and the document has at least
// MinLanguageWords words; else English.
//
// A document a quarter of whose words or more are English function words
// is English without the detector (see englishShare).
func (o Options) LanguageOf(p *DocProfile) string {
	switch {
	case !o.detects():
		return o.Language
	case p.Language != "" && p.Language != English && p.Words >= MinLanguageWords && p.LanguageOverEnglish >= LanguageEvidence:
		return p.Language
	}
	return English
}

// languageNote is the warning about the documents not analysed as
// English (langs: each document's language, "" for none), or "".
func languageNote(langs []string, o Options) string {
	n := 0
	by := map[string]int{}
	for _, l := range langs {
		if l != English {
			n++
			by[l]++
		}
	}
	if n == 0 {
		return ""
	}
	var parts []string
	for _, l := range slices.Sorted(maps.Keys(by)) {
		parts = append(parts, fmt.Sprintf("%s %d", l, by[l]))
	}
	docs := "documents are"
	if n == 1 {
		docs = "document is"
	}
	why := "detected"
	override := " (--language en analyses every document as English)"
	if !o.detects() {
		why, override = "set by --language", ""
	}
	left := []string{"part-of-speech tags (pos.csv)", "lexical density", "readability but LIX"}
	if !o.AllWords {
		left = append(left, "content-word keyness")
	}
	if hasEnglishFeature(o.Features) {
		left = append(left, "the stylometry over pos and fw features")
	}
	them := "they are"
	if n == 1 {
		them = "it is"
	}
	return fmt.Sprintf("%d %s not in English (%s, %s): %s left out of %s and %s, and kept in every other measure; documents.csv gives each document's language%s",
		n, docs, strings.Join(parts, ", "), why, them, strings.Join(left[:len(left)-1], ", "), left[len(left)-1], override)
}

// hasEnglishFeature reports features counted by English models: part-of-
// speech n-grams (prose's English tagger) and function words (an English
// list).
func hasEnglishFeature(fs []Feature) bool {
	for _, f := range fs {
		if f.Kind == "pos" || f.Kind == "fw" {
			return true
		}
	}
	return false
}
