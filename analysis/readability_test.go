package analysis

import (
	"math"
	"strings"
	"testing"
)

func TestReadability(t *testing.T) {
	// W = 100, S = 5, Sy = 150, C = 500, L = 480, P = 10, long words 20:
	// W/S = 20, Sy/W = 1.5.
	c := ReadabilityCounts{Words: 100, Sentences: 5, Syllables: 150, Characters: 500,
		Letters: 480, Polysyllables: 10, LongWords: 20}
	want := ReadabilityScores{
		Flesch:        206.835 - 1.015*20 - 84.6*1.5,       // 206.835 − 20.3 − 126.9 = 59.635
		FleschKincaid: 0.39*20 + 11.8*1.5 - 15.59,          // 7.8 + 17.7 − 15.59 = 9.91
		GunningFog:    0.4 * (20 + 100*10/100.0),           // 0.4 · 30 = 12
		SMOG:          1.043*math.Sqrt(30*10/5.0) + 3.1291, // 1.043 · 7.7459667 + 3.1291 = 11.2081433
		ARI:           4.71*5 + 0.5*20 - 21.43,             // 23.55 + 10 − 21.43 = 12.12
		ColemanLiau:   0.0588*480 - 0.296*5 - 15.8,         // L = 480, S' = 5: 10.944
		LIX:           20 + 100*20/100.0,                   // 40
	}
	// The same values written out, as a check on the expressions above.
	literal := []float64{59.635, 9.91, 12, 11.2081433, 12.12, 10.944, 40}
	got := Readability(c)
	gotV := []float64{got.Flesch, got.FleschKincaid, got.GunningFog, got.SMOG, got.ARI, got.ColemanLiau, got.LIX}
	wantV := []float64{want.Flesch, want.FleschKincaid, want.GunningFog, want.SMOG, want.ARI, want.ColemanLiau, want.LIX}
	names := []string{"Flesch", "FleschKincaid", "GunningFog", "SMOG", "ARI", "ColemanLiau", "LIX"}
	for i := range names {
		if math.Abs(gotV[i]-wantV[i]) > 1e-12 || math.Abs(gotV[i]-literal[i]) > 1e-6 {
			t.Errorf("Readability(%+v).%s = %v, want %v", c, names[i], gotV[i], literal[i])
		}
	}
	empty := Readability(ReadabilityCounts{Words: 3})
	if !math.IsNaN(empty.Flesch) || !math.IsNaN(empty.LIX) {
		t.Errorf("Readability without sentences = %+v, want NaN", empty)
	}
}

func TestSyllables(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"", 0}, {"123", 0}, {"a", 1}, {"I", 1}, {"the", 1}, {"cat", 1},
		{"happy", 2},       // y after a consonant is a vowel
		{"yes", 1},         // initial y is a consonant
		{"play", 1},        // y after a vowel is a consonant
		{"beyond", 2},      // e, o
		{"rhythm", 1},      // y is the only vowel
		{"make", 1},        // silent e
		{"table", 2},       // consonant + le
		{"syllable", 3},    // y, a, le
		{"whale", 1},       // vowel + le: silent e
		{"people", 2},      // eo, le
		{"queue", 1},       // one vowel run
		{"jumped", 1},      // silent ed
		{"wanted", 2},      // -ted
		{"makes", 1},       // silent es
		{"boxes", 2},       // -xes
		{"wishes", 2},      // -shes
		{"tables", 2},      // consonant + les
		{"readability", 5}, // ea, a, i, i, y
		{"Don't", 1},       // apostrophe dropped
		// The stack buffers hold 64 letters: 35 "ba" (70 letters) are 35
		// vowel runs; 29 "ba" and "tables" fill them exactly, with the
		// consonant + les rule at their end.
		{strings.Repeat("ba", 35), 35},
		{strings.Repeat("ba", 29) + "tables", 29 + 2},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestReadabilityText(t *testing.T) {
	// "The cat sat on the mat. It was happy." — 9 words, 2 sentences,
	// syllables 1·8 + 2 (happy) = 10, no polysyllables, no long words.
	words := strings.Fields("The cat sat on the mat It was happy")
	c := ReadabilityCounts{Words: len(words), Sentences: 2}
	for _, w := range words {
		c.Syllables += Syllables(w)
	}
	if c.Syllables != 10 {
		t.Fatalf("syllables = %d, want 10", c.Syllables)
	}
	// Flesch = 206.835 − 1.015 · 4.5 − 84.6 · 10/9 = 206.835 − 4.5675 − 94 = 108.2675.
	if got := Readability(c).Flesch; math.Abs(got-108.2675) > 1e-9 {
		t.Errorf("Flesch = %v, want 108.2675", got)
	}
}

// FuzzSyllables checks that any input gives a count between 0 and the
// number of letters, and 0 only without letters.
func FuzzSyllables(f *testing.F) {
	for _, s := range []string{"", "the", "syllable", "Ünïcödé", "rhythm's", "eeeee", "y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		letters := 0
		for _, r := range strings.ToLower(w) {
			if r >= 'a' && r <= 'z' {
				letters++
			}
		}
		n := Syllables(w)
		if n < 0 || n > letters || (letters > 0) != (n > 0) {
			t.Errorf("Syllables(%q) = %d with %d letters", w, n, letters)
		}
	})
}
