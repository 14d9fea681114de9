package pipeline

import (
	"context"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stylometer/stylometer/seeds"
)

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/language/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDetectLanguage: the detector tells the French and German paragraphs
// from English with confidence, calls English a list-like English text
// with few function words (the kind the function-word test sends it), and
// leaves undecided what has no letters.
// The expected languages are the languages the texts were written in;
// the confidences are whatlanggo's, checked only against the threshold
// that matters (LanguageEvidence).
func TestDetectLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
		decided          bool // confidence and, for another language, preference over English ≥ LanguageEvidence
	}{
		{"French", readTestdata(t, "fr.txt"), "fr", true},
		{"German", readTestdata(t, "de.txt"), "de", true},
		// English, though not sure (0.29): an English detection is
		// English whatever its confidence.
		{"English, few function words", "Revolution, peasants, workers, soviets, bread, land, peace: slogans painted on banners across Petrograd during October, printed in newspapers, shouted by crowds.", "en", false},
		{"no letters", "1917 — 1924: 7, 8, 9.", "", false},
	} {
		code, conf, over := detectLanguage(tc.text)
		ok := conf >= LanguageEvidence && (tc.want == English || over >= LanguageEvidence)
		if code != tc.want || ok != tc.decided || tc.want == English && over != 0 {
			t.Errorf("%s: detectLanguage = %q (confidence %v, over English %v), want %q (decided: %v)", tc.name, code, conf, over, tc.want, tc.decided)
		}
	}
}

// TestDocumentLanguage: a profile made with DetectLanguage is English,
// without the detector (no confidence), when a quarter of its words or
// more are English function words, as every seed is; the French
// paragraph goes to the detector.
func TestDocumentLanguage(t *testing.T) {
	tg, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"fr.txt": readTestdata(t, "fr.txt")}
	names, err := fs.Glob(seeds.FS(), "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = string(b)
	}
	for name, text := range texts {
		toks, sents, _ := tg.Tokens(nil, text)
		p := Build(text, toks, sents, ProfileOptions{DetectLanguage: true})
		if name == "fr.txt" {
			if p.Language != "fr" || !(p.LanguageConfidence >= LanguageEvidence) {
				t.Errorf("%s: language %q (confidence %v), want fr by the detector", name, p.Language, p.LanguageConfidence)
			}
			continue
		}
		if p.Language != English || !math.IsNaN(p.LanguageConfidence) || p.LanguageOverEnglish != 0 {
			t.Errorf("%s: language %q (confidence %v, over English %v), want English by its function words", name, p.Language, p.LanguageConfidence, p.LanguageOverEnglish)
		}
	}
	if p := Build("", nil, nil, ProfileOptions{}); p.Language != "" {
		t.Errorf("without DetectLanguage: language %q, want none", p.Language)
	}
}

// TestLanguageSample: all the words of a short text; four runs of 16
// words spread evenly through a long one.
func TestLanguageSample(t *testing.T) {
	var toks []Token
	var words []int
	for i := range 400 {
		toks = append(toks, Token{Text: "w" + strconv.Itoa(i), Word: true}, Token{Text: ","})
		words = append(words, 2*i)
	}
	got := languageSample(toks, words)
	// Runs start at words 0, 100, 200 and 300 (r·400/4).
	for _, want := range []string{"w0 w1 ", "w15 \nw100 ", "w115 \nw200 ", "w315 \n"} {
		if !strings.Contains(got, want) {
			t.Errorf("languageSample of 400 words lacks %q:\n%s", want, got)
		}
	}
	if n := len(strings.Fields(got)); n != 64 || strings.Contains(got, ",") {
		t.Errorf("languageSample of 400 words has %d words (want 64) or punctuation:\n%s", n, got)
	}
	if got := languageSample(toks[:6], words[:3]); got != "w0 w1 w2 \n" {
		t.Errorf("languageSample of 3 words = %q, want them all", got)
	}
}

func TestLanguageOf(t *testing.T) {
	fr := &DocProfile{Words: 104, Language: "fr", LanguageConfidence: 1, LanguageOverEnglish: 1}
	short := &DocProfile{Words: 8, Language: "fr", LanguageConfidence: 1, LanguageOverEnglish: 1}
	weak := &DocProfile{Words: 300, Language: "nl", LanguageConfidence: 0.36, LanguageOverEnglish: 0.5}
	en := &DocProfile{Words: 300, Language: "en", LanguageConfidence: 1}
	none := &DocProfile{Words: 300}
	for _, tc := range []struct {
		name, option string
		p            *DocProfile
		want         string
	}{
		{"French", "", fr, "fr"},
		{"French, auto", LanguageAuto, fr, "fr"},
		{"under MinLanguageWords", "", short, "en"},
		{"preferred to English below LanguageEvidence", "", weak, "en"},
		{"English", "", en, "en"},
		{"undecided", "", none, "en"},
		{"--language en", "en", fr, "en"},
		{"--language fr", "fr", en, "fr"},
	} {
		if got := (Options{Language: tc.option}).LanguageOf(tc.p); got != tc.want {
			t.Errorf("%s: LanguageOf = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]string{"": "auto", "auto": "auto", "AUTO": "auto", "en": "en", "eng": "en", " FR ": "fr", "deu": "deu"} {
		if got, err := parseLanguage(in); got != want || err != nil {
			t.Errorf("parseLanguage(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"english", "e", "fr-FR", "12"} {
		if got, err := parseLanguage(in); err == nil {
			t.Errorf("parseLanguage(%q) = %q, want an error", in, got)
		}
	}
}

// TestLanguageLeavesOutEnglishMeasures: in a corpus of two English seeds,
// a French and a German paragraph and a short French sentence, the
// French and German documents lose the English-only measures, their
// content-word keyness and their place in a stylometry over pos features,
// and keep everything else; the short sentence is analysed as English;
// --language en analyses all as English, with all-words keyness they are
// compared.
func TestLanguageLeavesOutEnglishMeasures(t *testing.T) {
	fsys := fstest.MapFS{
		"fr.txt":       {Data: []byte(readTestdata(t, "fr.txt"))},
		"de.txt":       {Data: []byte(readTestdata(t, "de.txt"))},
		"fr-short.txt": {Data: []byte(readTestdata(t, "fr-short.txt"))},
	}
	for _, name := range []string{"obstacles-to-a-return-to-lenin.txt", "socialist-worker-2548-how-lenin-won-the-party.txt"} {
		b, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	src, err := FromFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	c := Corpus{Sources: src}
	o := Options{Features: []Feature{{"word", 1}, {"pos", 1}}}
	p, err := Profile(context.Background(), c, o)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Analyse(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range st.Docs {
		ids = append(ids, d.ID)
	}
	// FromFS lists in lexical order: de, fr-short, fr, obstacles,
	// socialist ("-" < ".").
	if want := []string{"de", "en", "fr", "en", "en"}; !slices.Equal(st.Languages, want) {
		t.Fatalf("Languages of %v = %v, want %v", ids, st.Languages, want)
	}
	for j, m := range DocMeasures {
		for i, d := range st.Docs {
			got, full := st.Measures[j][i], m.Get(d.Profile)
			switch {
			case m.EnglishOnly() && (i == 0 || i == 2):
				if !math.IsNaN(got) {
					t.Errorf("%s of %s = %v, want NaN (not English)", m.Name, d.ID, got)
				}
			case got != full && !(math.IsNaN(got) && math.IsNaN(full)):
				t.Errorf("%s of %s = %v, want %v, the profile's", m.Name, d.ID, got, full)
			}
		}
	}
	for _, name := range []string{"lix", "mattr", "sentence_length_mean"} {
		if j := slices.IndexFunc(DocMeasures, func(m DocMeasure) bool { return m.Name == name }); math.IsNaN(st.Measures[j][2]) {
			t.Errorf("%s of fr is NaN, want it kept", name)
		}
	}
	scopes := func(st *Study) []string {
		var out []string
		for _, k := range st.Framing.Keyness {
			out = append(out, k.Scope.Target)
		}
		return out
	}
	if got, want := scopes(st), []string{"fr-short", "obstacles-to-a-return-to-lenin", "socialist-worker-2548-how-lenin-won-the-party"}; !slices.Equal(got, want) {
		t.Errorf("keyness scopes = %v, want %v (de and fr left out)", got, want)
	}
	if got := st.Stylometry.IDs; len(got) != 3 || slices.Contains(got, "fr") || slices.Contains(got, "de") {
		t.Errorf("stylometry over pos:1 has texts %v, want the 3 English ones", got)
	}
	wantWarn := "2 documents are not in English (de 1, fr 1, detected): they are left out of part-of-speech tags (pos.csv), lexical density, readability but LIX, content-word keyness and the stylometry over pos and fw features, and kept in every other measure; documents.csv gives each document's language (--language en analyses every document as English)"
	if st.LanguageWarning != wantWarn {
		t.Errorf("LanguageWarning =\n%s\nwant\n%s", st.LanguageWarning, wantWarn)
	}
	if !slices.ContainsFunc(st.Stylometry.Warnings, func(w string) bool {
		return strings.HasPrefix(w, "2 documents not in English left out of the stylometry") && strings.HasSuffix(w, ": de.txt, fr.txt")
	}) {
		t.Errorf("stylometry warnings %q do not name de.txt and fr.txt", st.Stylometry.Warnings)
	}

	// With all words, keyness compares every document; word:1 alone keeps
	// them all in the stylometry.
	o = Options{AllWords: true}
	if st, err = Analyse(context.Background(), p, o); err != nil {
		t.Fatal(err)
	}
	if got := scopes(st); len(got) != 5 || len(st.Stylometry.IDs) != 5 {
		t.Errorf("with AllWords and word:1: keyness scopes %v, stylometry texts %v, want all 5", got, st.Stylometry.IDs)
	}
	if !strings.Contains(st.LanguageWarning, "left out of part-of-speech tags (pos.csv), lexical density and readability but LIX, and kept") {
		t.Errorf("LanguageWarning with AllWords and word:1 = %q", st.LanguageWarning)
	}
	// --language en: every document English, no warning.
	if st, err = Analyse(context.Background(), p, Options{Language: English}); err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(st.Languages, func(l string) bool { return l != English }) || st.LanguageWarning != "" || len(scopes(st)) != 5 {
		t.Errorf("Language en: languages %v, warning %q, keyness scopes %v", st.Languages, st.LanguageWarning, scopes(st))
	}
}
