package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBuildWindows: the windows of a sentence of 11 words, counted by
// hand, and the default step.
func TestBuildWindows(t *testing.T) {
	tg := newTestTagger(t)
	// Words 1-11: the working class rules class working is not the working class.
	text := "The working class rules. Class working is not the working class."
	toks, sents, _ := tg.Tokens(nil, text)
	p := Build(text, toks, sents, ProfileOptions{Rolling: 4, RollingStep: 3})
	// Windows of 4 every 3 words: words 1-4, 4-7, 7-10; the 11th in none.
	want := []struct {
		start, end int
		terms      map[string]int
	}{
		{0, 4, map[string]int{"the": 1, "working": 1, "class": 1, "rules": 1}},
		{3, 7, map[string]int{"rules": 1, "class": 1, "working": 1, "is": 1}},
		{6, 10, map[string]int{"is": 1, "not": 1, "the": 1, "working": 1}},
	}
	if len(p.Windows) != len(want) {
		t.Fatalf("%d windows, want %d: %+v", len(p.Windows), len(want), p.Windows)
	}
	for k, w := range want {
		got := p.Windows[k]
		if got.Start != w.start || got.End != w.end || !cmp.Equal(got.Terms.Map(), w.terms) {
			t.Errorf("window %d = [%d, %d) %v, want [%d, %d) %v", k+1, got.Start, got.End, got.Terms.Map(), w.start, w.end, w.terms)
		}
	}
	// Step 0: a tenth of 4 words rounded is 0, at least 1: every word
	// starts a window, 11 − 4 + 1 = 8 of them.
	if p := Build(text, toks, sents, ProfileOptions{Rolling: 4}); len(p.Windows) != 8 || p.Windows[7].Start != 7 {
		t.Errorf("default step: %d windows, want 8, the last from word 8", len(p.Windows))
	}
	if p := Build(text, toks, sents, ProfileOptions{Rolling: 12}); len(p.Windows) != 0 {
		t.Errorf("a window longer than the text: %d windows, want none", len(p.Windows))
	}
	if p := Build(text, toks, sents, ProfileOptions{}); p.Windows != nil {
		t.Errorf("windows without Rolling: %+v", p.Windows)
	}
}

func TestDefaultRollingStep(t *testing.T) {
	// A tenth, rounded half away from zero, at least 1.
	for size, want := range map[int]int{1: 1, 4: 1, 5: 1, 14: 1, 15: 2, 100: 10, 1000: 100, 5000: 500, 1234: 123, 1235: 124} {
		if got := DefaultRollingStep(size); got != want {
			t.Errorf("DefaultRollingStep(%d) = %d, want %d", size, got, want)
		}
	}
}

// cutLines splits text after the line that brings its words (as
// strings.Fields counts them) to n or more.
func cutLines(text string, n int) (head, tail string) {
	words := 0
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if words += len(strings.Fields(l)); words >= n {
			return strings.Join(lines[:i+1], ""), strings.Join(lines[i+1:], "")
		}
	}
	return text, ""
}

// TestRollingFindsTheChangeOfHand reproduces what stylo's
// rolling.classify() is for, on the seeds: a text made of the first half
// of one essay (obstacles-to-a-return-to-lenin, label x) followed by the
// start of the second half of another (kinder-land-question-permanent-
// revolution, label y), rolled through in windows of 1,000 words every 100
// (the default step, a tenth) against the other halves of the two essays
// and two more seed essays, is attributed to x in its first windows and to
// y in its last, and the attribution changes in the windows that straddle
// the seam between the two parts.
func TestRollingFindsTheChangeOfHand(t *testing.T) {
	seeds, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	// SeedTexts is in file-name order: dhawale, kinder, obstacles,
	// russian-revolution, socialist-worker.
	x, y := seeds[2], seeds[1]
	xa, xb := cutLines(x, len(strings.Fields(x))/2)
	ya, yb := cutLines(y, len(strings.Fields(y))/2)
	yb, _ = cutLines(yb, len(strings.Fields(xa)))
	dir := t.TempDir()
	docs := []struct{ id, label, text string }{
		{"mixed", "x", xa + "\n" + yb}, {"x-rest", "x", xb}, {"y-rest", "y", ya},
		{"dhawale", "cpi-m", seeds[0]}, {"socialist", "swp", seeds[4]},
	}
	meta := "id,author\n"
	var paths []string
	for _, d := range docs {
		path := filepath.Join(dir, d.id+".txt")
		if err := os.WriteFile(path, []byte(d.text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		meta += d.id + "," + d.label + "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.csv"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCorpus(paths, filepath.Join(dir, "meta.csv"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := Run(context.Background(), c, Options{Label: "author", Rolling: 1000, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	r := st.Rolling
	// socialist (701 words) is shorter than one window.
	if r == nil || len(r.Docs) != 4 || st.Docs[r.Docs[0].Text].ID != "mixed" || r.Step != 100 {
		t.Fatalf("rolling: want four documents rolled through, mixed first, every 100 words; got %v", r != nil && len(r.Docs) > 0)
	}
	// Where the two parts meet, in the pipeline's words.
	toks, sents, _ := newTestTagger(t).Tokens(nil, xa)
	seam := Build(xa, toks, sents, ProfileOptions{}).Words
	ws := r.Docs[0].Windows
	labels := make([]string, len(ws))
	for k, w := range ws {
		labels[k] = w.Predicted().Label
	}
	if n := st.Docs[0].Profile.Words; len(ws) != (n-1000)/100+1 || len(ws) < 20 {
		t.Fatalf("%d windows in %d words", len(ws), n)
	}
	for k := range 5 {
		if labels[k] != "x" || labels[len(ws)-1-k] != "y" {
			t.Fatalf("windows by label %v: want x in the first five, y in the last five", labels)
		}
	}
	// The attribution changes only where a window holds words of both
	// parts: from or to a window that straddles the seam.
	for k := 1; k < len(ws); k++ {
		if w := ws[k]; labels[k] != labels[k-1] && !(ws[k-1].Start < seam && seam < w.End) {
			t.Errorf("window %d (words %d-%d) is %s after %s, away from the seam at word %d: %v", k+1, w.Start+1, w.End, labels[k], labels[k-1], seam, labels)
		}
	}
}
