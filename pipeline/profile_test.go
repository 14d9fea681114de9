package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/analysis"
)

func TestBuildHandCounted(t *testing.T) {
	tg := newTestTagger(t)
	// Two sentences; hand count:
	//   sentence 1: The party led the workers .        -> 5 words
	//   sentence 2: The workers ’s party won .         -> "workers", "’s"? no:
	// "workers’" ends in an apostrophe, which prose splits as a suffix, so
	// sentence 2 is: The | workers | ’ | party | won | .  -> 4 words
	// ("’" has no letter: punctuation).
	text := "The party led the workers. The workers’ party won."
	toks, sents, _ := tg.Tokens(nil, text)
	p := Build(text, toks, sents, ProfileOptions{
		Targets: []Target{NewTarget("party")},
		Window:  2,
		Context: 1,
	})
	wantTerms := map[string]int{"the": 3, "party": 2, "led": 1, "workers": 2, "won": 1}
	if d := cmp.Diff(wantTerms, p.Terms.Map()); d != "" {
		t.Errorf("Terms (-want +got):\n%s", d)
	}
	if p.Words != 9 || p.Sentences != 2 || p.Punctuation != 3 {
		t.Errorf("Words, Sentences, Punctuation = %d, %d, %d, want 9, 2, 3", p.Words, p.Sentences, p.Punctuation)
	}
	if d := cmp.Diff([]int{5, 4}, p.SentenceLengths); d != "" {
		t.Errorf("SentenceLengths (-want +got):\n%s", d)
	}
	// Word lengths: the×3 (3), party×2 (5), led (3), workers×2 (7), won (3).
	if d := cmp.Diff(map[int]int{3: 5, 5: 2, 7: 2}, p.WordLengths); d != "" {
		t.Errorf("WordLengths (-want +got):\n%s", d)
	}
	// "party" twice. Window 2 words each side, inside the sentence:
	//   1st: [The] party [led the]      -> the, led, the
	//   2nd: [The workers] party [won]  -> the, workers, won
	tp := p.Targets[0]
	wantColl := map[string]int{"the": 3, "led": 1, "workers": 1, "won": 1}
	if tp.Count != 2 || tp.WindowTokens != 6 {
		t.Errorf("Count, WindowTokens = %d, %d, want 2, 6", tp.Count, tp.WindowTokens)
	}
	if d := cmp.Diff(wantColl, tp.Collocates.Map()); d != "" {
		t.Errorf("Collocates (-want +got):\n%s", d)
	}
	for _, k := range tp.KWIC {
		if got := text[k.Offset : k.Offset+len(k.Keyword)]; got != k.Keyword {
			t.Errorf("KWIC at %d: %q, text has %q", k.Offset, k.Keyword, got)
		}
	}
	if got := tp.KWIC[1].Left + " [" + tp.KWIC[1].Keyword + "] " + tp.KWIC[1].Right; got != "workers’ [party] won" {
		t.Errorf("KWIC[1] = %q", got)
	}
}

func TestBuildPhraseTargetAndSamples(t *testing.T) {
	tg := newTestTagger(t)
	text := "The working class rules. Class working is not the working class."
	toks, sents, _ := tg.Tokens(nil, text)
	p := Build(text, toks, sents, ProfileOptions{
		Targets:    []Target{NewTarget("working class", "working class", "proletariat")},
		SampleSize: 4,
		SliceSize:  6,
	})
	if got := p.Targets[0].Count; got != 2 {
		t.Errorf("working class count = %d, want 2", got)
	}
	// 11 words: samples of 4 -> 2 complete samples (8 words), 3 dropped.
	if len(p.Samples) != 2 || p.Samples[1].Terms.Get("class") != 1 || p.Samples[0].Terms.Get("the") != 1 {
		t.Errorf("samples = %+v", p.Samples)
	}
	// Slices of 6 words: 6 + 5 (kept: at least half) -> 2 slices; "working"
	// is in both, "rules" in the first only.
	if p.Slices != 2 || p.SlicePresence.Get("working") != 2 || p.SlicePresence.Get("rules") != 1 {
		t.Errorf("slices = %d, presence = %v", p.Slices, p.SlicePresence)
	}
}

func TestCountFeature(t *testing.T) {
	tg := newTestTagger(t)
	text := "Land and peace. Land and bread."
	toks, _, _ := tg.Tokens(nil, text)
	tests := []struct {
		f    Feature
		want map[string]int
	}{
		{Feature{"word", 2}, map[string]int{"land and": 2, "and peace": 1, "and bread": 1}},
		// "land and peace": lan and nd_ d_a _an and nd_ d_p _pe pea eac ace
		{Feature{"char", 3}, map[string]int{"lan": 2, "and": 4, "nd ": 4, "d a": 2, " an": 2, "d p": 1, " pe": 1, "pea": 1, "eac": 1, "ace": 1, "d b": 1, " br": 1, "bre": 1, "rea": 1, "ead": 1}},
		// Function words only: "and" twice; land, peace, bread are skipped.
		{Feature{"fw", 1}, map[string]int{"and": 2}},
		{Feature{"pos", 1}, nil}, // checked below: every token tagged
	}
	for _, tc := range tests {
		got := map[string]int{}
		countFeature(tc.f, toks, got, nil)
		if tc.want == nil {
			n := 0
			for _, c := range got {
				n += c
			}
			if n != len(toks) {
				t.Errorf("pos:1 counts %d tags, want %d", n, len(toks))
			}
			continue
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("countFeature(%v) (-want +got):\n%s", tc.f, d)
		}
	}
}

func TestParseFeature(t *testing.T) {
	for spec, want := range map[string]string{"word:1": "word:1", "word": "word:1", "char": "char:3", "POS:2": "pos:2", "fw": "fw:1"} {
		f, err := ParseFeature(spec)
		if err != nil || f.String() != want {
			t.Errorf("ParseFeature(%q) = %v, %v, want %s", spec, f, err, want)
		}
	}
	for _, bad := range []string{"letters:2", "word:0", "word:x"} {
		if _, err := ParseFeature(bad); err == nil {
			t.Errorf("ParseFeature(%q) succeeded, want an error", bad)
		}
	}
}

func memSource(id, text string) Source {
	return Source{ID: id, Path: id + ".txt", Read: func() ([]byte, error) { return []byte(text), nil }}
}

func TestRunOrderAndErrorIsolation(t *testing.T) {
	tg := newTestTagger(t)
	var src []Source
	for i := range 20 {
		src = append(src, memSource(fmt.Sprintf("d%02d", i), strings.Repeat(fmt.Sprintf("word%d ", i), i+1)))
	}
	src[3] = Source{ID: "unreadable", Path: "unreadable.txt", Read: func() ([]byte, error) { return nil, errors.New("permission denied") }}
	src[7] = memSource("binary", "\x00\x01\x02")
	src[11] = memSource("empty", "")
	src[15] = memSource("punct", "... !!! ---")
	src[17] = Source{ID: "pipe", Path: "pipe.txt", Skip: "not a regular file (named pipe)"} // no Read: never called
	for _, workers := range []int{1, 4} {
		res, err := ProfileSources(context.Background(), tg, src, PoolOptions{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Docs) != 15 {
			t.Fatalf("workers=%d: %d docs, want 15", workers, len(res.Docs))
		}
		prev := ""
		for _, d := range res.Docs {
			if d.ID <= prev {
				t.Errorf("workers=%d: %s after %s: not input order", workers, d.ID, prev)
			}
			prev = d.ID
		}
		var got []string
		for _, f := range res.Failures {
			got = append(got, f.Path+" "+f.Stage+": "+f.Err)
		}
		want := []string{
			"unreadable.txt read: permission denied",
			"binary.txt decode: binary file: NUL byte at offset 0",
			"empty.txt read: empty file",
			"punct.txt text: " + ErrEmpty.Error(),
			"pipe.txt skipped: not a regular file (named pipe)",
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("workers=%d failures (-want +got):\n%s", workers, d)
		}
	}
}

func TestRunCancel(t *testing.T) {
	tg := newTestTagger(t)
	ctx, cancel := context.WithCancel(context.Background())
	var src []Source
	for i := range 200 {
		src = append(src, memSource(fmt.Sprint(i), "Some words to tag here."))
	}
	var done atomic.Int64
	_, err := ProfileSources(ctx, tg, src, PoolOptions{Workers: 2, Progress: func(n int) {
		if n == 5 {
			cancel()
		}
		done.Store(int64(n))
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: err = %v, want context.Canceled", err)
	}
	if n := done.Load(); n >= 200 {
		t.Errorf("all %d documents were processed after cancellation", n)
	}
}

func TestKWICSkipsBoilerplate(t *testing.T) {
	tg := newTestTagger(t)
	c, _ := NewCanon([]string{`^Sign up`})
	text := "Workers united.\nSign up for our newsletter today\nLenin spoke."
	toks, sents, _ := tg.Tokens(c, text)
	p := Build(text, toks, sents, ProfileOptions{Canon: c, Targets: []Target{NewTarget("lenin")}, Context: 4})
	k := p.Targets[0].KWIC[0]
	// The four words before "Lenin" are "Workers united ." and the blanked
	// line: its words must not be quoted.
	if k.Left != "Workers united." || k.Keyword != "Lenin" || k.Right != "spoke" {
		t.Errorf("KWIC = %q [%q] %q", k.Left, k.Keyword, k.Right)
	}
	if text[k.Offset:k.Offset+len(k.Keyword)] != k.Keyword {
		t.Errorf("offset %d does not locate %q", k.Offset, k.Keyword)
	}
}

// TestRowCaps: the documented thresholds (options.go, README's Outputs
// table) of keyness.csv's and terms.csv's per-document rows.
func TestRowCaps(t *testing.T) {
	for _, tc := range []struct {
		n    int
		all  bool
		want int
	}{{100, false, 0}, {101, false, 100}, {10_000, false, 100}, {10_001, false, 20}, {100_000, true, 0}} {
		if got := keynessDocRows(tc.n, tc.all); got != tc.want {
			t.Errorf("keynessDocRows(%d, %v) = %d, want %d", tc.n, tc.all, got, tc.want)
		}
	}
	for _, tc := range []struct {
		n    int
		all  bool
		want int
	}{{100, false, 0}, {101, false, 100}, {101, true, 0}} {
		s := &Study{Docs: make([]Doc, tc.n), Options: Options{AllTerms: tc.all}}
		if got := s.TermRows(); got != tc.want {
			t.Errorf("%d documents, AllTerms %v: TermRows = %d, want %d", tc.n, tc.all, got, tc.want)
		}
	}
}

// TestReadabilityPerTerm: the readability counts, reckoned once for each
// term of a document, are what reckoning every word of it gives (each
// word's term: its letters, letters and digits, analysis.Syllables), on
// the seeds whole and given to the builder in parts (a term first met in
// a later part). A hand-counted line first: "Revolutionary" has 13
// letters and 6 syllables (re-vo-lu-tion-ar-y, by the rule's vowel
// groups: e, o, u, io, a, y), "war" 3 letters and 1, "1917" 4 digits.
func TestReadabilityPerTerm(t *testing.T) {
	tg := newTestTagger(t)
	perWord := func(toks []Token) analysis.ReadabilityCounts {
		var c analysis.ReadabilityCounts
		for _, tk := range toks {
			if !tk.Word {
				continue
			}
			letters, alnum := 0, 0
			for _, r := range tk.Term {
				if unicode.IsLetter(r) {
					letters++
					alnum++
				} else if unicode.IsDigit(r) {
					alnum++
				}
			}
			c.Letters += letters
			c.Characters += alnum
			if letters > 6 {
				c.LongWords++
			}
			if letters > 0 {
				sy := analysis.Syllables(tk.Term)
				c.Syllables += sy
				if sy >= 3 {
					c.Polysyllables++
				}
			}
		}
		return c
	}
	text := "Revolutionary war, war in 1917."
	toks, sents, _ := tg.Tokens(nil, text)
	got := Build(text, toks, sents, ProfileOptions{}).ReadabilityCounts
	hand := analysis.ReadabilityCounts{Words: 5, Sentences: 1, Letters: 13 + 3 + 3 + 2, Characters: 13 + 3 + 3 + 2 + 4, Syllables: 6 + 1 + 1 + 1, Polysyllables: 1, LongWords: 1}
	if got != hand {
		t.Errorf("hand-counted line: %+v, want %+v", got, hand)
	}
	for k, text := range seedTexts(t) {
		toks, sents, _ := tg.Tokens(nil, text)
		want := perWord(toks)
		want.Words, want.Sentences = Build(text, toks, sents, ProfileOptions{}).Words, len(sents)
		if got := Build(text, toks, sents, ProfileOptions{}).ReadabilityCounts; got != want {
			t.Errorf("seed %d whole: %+v, want %+v", k, got, want)
		}
		// In two parts, cut at a sentence.
		cut := sents[len(sents)/2].Start
		b := newBuilder(ProfileOptions{})
		st := newStopper(context.Background())
		t1, s1, _ := tg.Tokens(nil, text[:cut])
		t2, s2, _ := tg.Tokens(nil, text[cut:])
		b.add(text[:cut], 0, t1, s1, nil, st)
		b.add(text[cut:], cut, t2, s2, nil, st)
		w2 := perWord(append(t1, t2...))
		w2.Words, w2.Sentences = len(b.seq), len(s1)+len(s2)
		if got := b.finish(st).ReadabilityCounts; got != w2 {
			t.Errorf("seed %d in parts: %+v, want %+v", k, got, w2)
		}
	}
}

// TestTokenBuffers: each seed's tokens go into the array of the seed
// profiled before it (tokenBuffer, putTokens), longest first so that every
// array is reused, and its tokens and profile are those a new array gives;
// putTokens clears the array it keeps (no token, so no text, stays alive)
// and leaves one past maxPooledTokens alone.
func TestTokenBuffers(t *testing.T) {
	tg := newTestTagger(t)
	texts := seedTexts(t)
	slices.SortFunc(texts, func(a, b string) int { return len(b) - len(a) })
	var buf []Token
	for k, text := range texts {
		want, wantSents, _ := tg.Tokens(nil, text)
		got, sents, _, err := tg.tokens(context.Background(), nil, text, true, nil, buf)
		if err != nil {
			t.Fatal(err)
		}
		if k > 0 && &got[:1][0] != &buf[:1][0] {
			t.Errorf("seed %d: a new array, not the one before", k)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("seed %d: tokens (-new array +reused):\n%s", k, d)
		}
		if !cmp.Equal(Build(text, want, wantSents, ProfileOptions{}), Build(text, got, sents, ProfileOptions{}), cmpopts.EquateEmpty(), cmpopts.EquateNaNs()) {
			t.Errorf("seed %d: profiles differ", k)
		}
		all := got[:cap(got)]
		tg.putTokens(got)
		for i, tk := range all {
			if tk != (Token{}) {
				t.Fatalf("seed %d: token %d kept after putTokens: %+v", k, i, tk)
			}
		}
		buf = all[:0]
	}
	big := make([]Token, 1, maxPooledTokens+1)
	big[0].Text = "kept"
	tg.putTokens(big)
	if big[0].Text != "kept" {
		t.Error("an array past maxPooledTokens was cleared to be kept")
	}
}
