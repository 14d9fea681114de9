package stylometry

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/analysis"
)

// rollingText is a text of the given words with its windows of size words
// every step words.
func rollingText(id, label string, words []string, size, step int) RollingText {
	count := func(ws []string) analysis.TermCounts {
		m := map[string]int{}
		for _, w := range ws {
			m[w]++
		}
		return analysis.NewTermCounts(m)
	}
	t := RollingText{ID: id, Label: label, Words: len(words), Counts: count(words)}
	for _, w := range analysis.Windows(len(words), size, step) {
		t.Windows = append(t.Windows, Window{Start: w[0], End: w[1], Counts: count(words[w[0]:w[1]])})
	}
	return t
}

// author draws n words from an author's habits: 40 words, each author
// favouring its own dozen.
func author(r *rand.Rand, a, n int) []string {
	out := make([]string, n)
	for i := range out {
		k := r.IntN(40)
		if r.IntN(2) == 0 {
			k = (a*12 + r.IntN(12)) % 40
		}
		out[i] = fmt.Sprintf("w%02d", k)
	}
	return out
}

// TestRollChangeOfHand: a text whose first half is A's and second half
// B's, rolled through against two texts by each of A, B and C, is given A
// in its first windows and B in its last, as stylo's rolling.classify()
// shows a change of hand; its own text is never a reference; the result
// does not depend on the runner; a short text is not rolled through; an
// unlabelled text by C (a disputed one) is rolled through against every
// labelled text and given C.
func TestRollChangeOfHand(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 0))
	const size, step = 400, 100
	var texts []RollingText
	for a, l := range []string{"A", "B", "C"} {
		for k := range 2 {
			texts = append(texts, rollingText(fmt.Sprintf("%s%d", l, k+1), l, author(r, a, 3000), size, step))
		}
	}
	mixed := append(author(r, 0, 2000), author(r, 1, 2000)...)
	texts = append(texts,
		rollingText("mixed", "A", mixed, size, step),
		rollingText("short", "C", author(r, 2, 300), size, step),
		rollingText("unlabelled", "", author(r, 2, 3000), size, step))
	opt := RollingOptions{MFW: 30, Size: size, Step: step}
	got := Roll(texts, opt)
	if got.Setting.MFW != 30 || len(got.Features) != 30 || got.Size != size || got.Step != step {
		t.Errorf("setting %+v, %d features, size %d, step %d", got.Setting, len(got.Features), got.Size, got.Step)
	}
	// The six texts, mixed and unlabelled; not short (a warning).
	if len(got.Docs) != 8 || got.Docs[6].Text != 6 || got.Docs[7].Text != 8 {
		t.Fatalf("%d documents rolled through, want 8 (mixed, then unlabelled)", len(got.Docs))
	}
	for k, w := range got.Docs[7].Windows {
		if p := w.Predicted(); p.Label != "C" || len(w.Candidates) != 3 {
			t.Errorf("unlabelled window %d: predicted %s of %d candidates, want C of 3", k+1, p.Label, len(w.Candidates))
		}
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "short: 300 words, shorter than one window of 400") {
		t.Errorf("warnings = %q, want the short text named", got.Warnings)
	}
	m := got.Docs[6]
	// (4000 − 400)/100 + 1 = 37 windows.
	if len(m.Windows) != 37 || m.Windows[36].Start != 3600 || m.Windows[36].End != 4000 {
		t.Fatalf("mixed: %d windows, the last %+v", len(m.Windows), m.Windows[len(m.Windows)-1])
	}
	for k, w := range m.Windows {
		want := ""
		switch {
		case w.End <= 2000:
			want = "A"
		case w.Start >= 2000:
			want = "B"
		}
		if p := w.Predicted(); want != "" && p.Label != want {
			t.Errorf("mixed window %d (words %d-%d) predicted %s (%v), want %s", k+1, w.Start+1, w.End, p.Label, p.Distance, want)
		}
		if len(w.Candidates) != 3 || !(w.Margin() >= 0) {
			t.Errorf("window %d: candidates %+v, margin %v", k+1, w.Candidates, w.Margin())
		}
	}
	for _, d := range got.Docs {
		for _, w := range d.Windows {
			for _, c := range w.Candidates {
				if c.Item == d.Text || texts[c.Item].Label == "" || texts[c.Item].Label != c.Label {
					t.Fatalf("%s: candidate %+v is its own text or not a labelled reference", texts[d.Text].ID, c)
				}
			}
		}
		if d.Unattributable {
			t.Errorf("%s is unattributable, but its label has other texts", texts[d.Text].ID)
		}
	}
	// The others' windows go to their own author.
	for _, d := range got.Docs[:6] {
		for _, w := range d.Windows {
			if p := w.Predicted(); p.Label != texts[d.Text].Label {
				t.Errorf("%s, words %d-%d: predicted %s", texts[d.Text].ID, w.Start+1, w.End, p.Label)
			}
		}
	}
	opt.Run = func(n int, task func(int)) {
		for i := n - 1; i >= 0; i-- {
			task(i)
		}
	}
	if d := cmp.Diff(got, Roll(texts, opt), cmpopts.EquateNaNs()); d != "" {
		t.Errorf("Roll with a runner differs (-in order +runner):\n%s", d)
	}
}

// TestRollRefuses: too few labelled texts, too many texts, too few
// features give warnings and nothing rolled; a label no other text has
// makes its text unattributable, with no window given its label.
func TestRollRefuses(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 0))
	var texts []RollingText
	for a, l := range []string{"A", "B", "C", "C"} {
		texts = append(texts, rollingText(l+fmt.Sprint(a), l, author(r, a, 1000), 200, 50))
	}
	for _, tc := range []struct {
		texts []RollingText
		opt   RollingOptions
		want  string
	}{
		{texts[:1], RollingOptions{MFW: 30, Size: 200, Step: 50}, "1 labelled documents: rolling attribution needs at least 2"},
		{texts[:2], RollingOptions{MFW: 30, Size: 200, Step: 50}, "2 labelled documents: the labelled ones are not rolled through"},
		{texts, RollingOptions{MFW: 30, Size: 200, Step: 50, MaxMatrix: 3}, "4 texts, more than 3 (--max-matrix)"},
		{texts, RollingOptions{MFW: 1, Size: 200, Step: 50}, "1 features at 1 MFW"},
	} {
		got := Roll(tc.texts, tc.opt)
		if len(got.Docs) != 0 || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], tc.want) {
			t.Errorf("Roll(%d texts, %+v): %d documents, warnings %q, want none and %q", len(tc.texts), tc.opt, len(got.Docs), got.Warnings, tc.want)
		}
	}
	got := Roll(texts, RollingOptions{MFW: 30, Size: 200, Step: 50})
	for _, d := range got.Docs {
		own := texts[d.Text].Label
		if d.Unattributable != (own != "C") {
			t.Errorf("%s: unattributable %v", texts[d.Text].ID, d.Unattributable)
		}
		for _, w := range d.Windows {
			if d.Unattributable && w.Predicted().Label == own {
				t.Errorf("%s: a window given its own label, which no other text has", texts[d.Text].ID)
			}
		}
	}
	// A disputed text between two authors of one text each: rolled
	// through against both; the labelled texts are not (one other each).
	disputed := rollingText("disputed", "", author(r, 1, 1000), 200, 50)
	two := Roll([]RollingText{texts[0], texts[1], disputed}, RollingOptions{MFW: 30, Size: 200, Step: 50})
	if len(two.Docs) != 1 || two.Docs[0].Text != 2 || len(two.Docs[0].Windows) == 0 {
		t.Fatalf("two authors and a disputed text: %d documents rolled through (%+v), want the disputed one", len(two.Docs), two.Docs)
	}
	for k, w := range two.Docs[0].Windows {
		if p := w.Predicted(); p.Label != "B" || len(w.Candidates) != 2 {
			t.Errorf("disputed window %d: %+v, want B first of 2 candidates", k+1, w.Candidates)
		}
	}
	// One label only among the others: no runner-up.
	w := RollingWindow{Candidates: []analysis.Candidate{{Label: "A", Distance: 1}}}
	if ru := w.RunnerUp(); ru.Label != "" || !math.IsNaN(ru.Distance) || !math.IsNaN(w.Margin()) {
		t.Errorf("runner-up of one candidate = %+v, margin %v; want none and NaN", ru, w.Margin())
	}
}
