package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/keyness"
)

// madeUp is n documents' profiles made up without reading or tagging a
// text (so that a test can afford thousands): each of about words words
// drawn from a vocabulary of 400, half of them from its author's own
// favourite 40 (labels authors, in turn), with a year, a stance (4 in turn)
// and rolling windows of 200 words. Seeded: the same every time.
func madeUp(n, words, labels int) *Profiles {
	r := rand.New(rand.NewPCG(14, 10))
	p := &Profiles{Columns: []string{"id", "author", "stance", "year"}}
	const vocab = 400
	for i := range n {
		a := i % labels
		seq := make([]string, words)
		for k := range seq {
			w := r.IntN(vocab)
			if r.IntN(2) == 0 {
				w = (a*40 + r.IntN(40)) % vocab
			}
			seq[k] = fmt.Sprintf("w%03d", w)
		}
		count := func(ws []string) analysis.TermCounts {
			m := map[string]int{}
			for _, w := range ws {
				m[w]++
			}
			return analysis.NewTermCounts(m)
		}
		terms := count(seq)
		presence := map[string]int{}
		for t := range terms.All() {
			presence[t] = 1
		}
		d := &DocProfile{Words: words, Sentences: words / 20, Terms: terms, Content: terms,
			SentenceLengths: []int{words / 2, words - words/2}, Letters: 5 * words,
			Slices: 1, SlicePresence: analysis.NewTermCounts(presence)}
		for s := 0; s+200 <= words; s += 100 {
			d.Windows = append(d.Windows, Window{Start: s, End: s + 200, Terms: count(seq[s : s+200])})
		}
		id := fmt.Sprintf("doc%05d", i)
		p.Docs = append(p.Docs, Doc{ID: id, Path: id + ".txt", Profile: d,
			Meta: map[string]string{"id": id, "author": fmt.Sprintf("a%02d", a), "stance": []string{"left", "right", "centre", "green"}[i%4],
				"year": fmt.Sprint(1900 + i%7)}})
	}
	return p
}

// steps records what Analyse tells Options.AnalysisProgress, from its
// workers.
type steps struct {
	mu   sync.Mutex
	seen []AnalysisStep
}

func (s *steps) add(st AnalysisStep) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = append(s.seen, st)
}

// names are the steps told, in order, each once, as "name i/of".
func (s *steps) names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, st := range s.seen {
		n := fmt.Sprintf("%s %d/%d", st.Name, st.Index, st.Of)
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return out
}

// TestAnalyseNamesEachStep: with every step switched on (a label,
// imposters, rolling, time), Analyse tells AnalysisProgress of each of
// AnalysisSteps in turn, numbered 1 to 10 of 10, and its Study is the one
// computed without progress.
func TestAnalyseNamesEachStep(t *testing.T) {
	o := Options{Label: "author", GroupBy: []string{"stance"}, Imposters: 5, Rolling: 200, RollingStep: 100, Time: "year",
		Folds: 3, KNN: 3, MFW: []int{50, 100}, Measures: []analysis.Measure{analysis.Delta, analysis.Cosine}}
	p := madeUp(40, 600, 4)
	want := []string{"vocabulary", "distances", "attribution", "svm", "imposters", "views", "rolling", "keyness", "collocates", "time"}
	if got := o.AnalysisSteps(); !slices.Equal(got, want) {
		t.Fatalf("AnalysisSteps() = %v, want %v", got, want)
	}
	var s steps
	o.AnalysisProgress = s.add
	st, err := Analyse(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	var numbered []string
	for i, n := range want {
		numbered = append(numbered, fmt.Sprintf("%s %d/%d", n, i+1, len(want)))
	}
	if got := s.names(); !slices.Equal(got, numbered) {
		t.Errorf("steps told:\n%v\nwant\n%v", got, numbered)
	}
	o.AnalysisProgress = nil
	plain, err := Analyse(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Rolling == nil || len(st.Stylometry.Verification) == 0 || st.Time == nil {
		t.Fatalf("the run skipped a step: rolling %v, %d verifications, time %v", st.Rolling != nil, len(st.Stylometry.Verification), st.Time != nil)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"attribution", st.Stylometry.Grid, plain.Stylometry.Grid},
		{"imposters", st.Stylometry.Verification, plain.Stylometry.Verification},
		{"rolling", st.Rolling.Docs, plain.Rolling.Docs},
		{"keyness", keynessRows(st), keynessRows(plain)},
		{"trends", st.Time.Trends, plain.Time.Trends},
	} {
		if d := cmp.Diff(c.want, c.got, cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s differs with progress told (-without +with):\n%s", c.what, d)
		}
	}
}

// keynessRows are every scope's keyness rows.
func keynessRows(s *Study) [][]keyness.Row {
	var out [][]keyness.Row
	for _, k := range s.Framing.Keyness {
		out = append(out, k.Rows)
	}
	return out
}

// TestAnalyseCancelled: cancelled inside a long step, Analyse returns
// context.Canceled and no Study, and no later step begins. Cancelled from
// the progress callback as a step's units are counted (distances'
// matrices, the SVM's folds), the stop is seen at that very call;
// cancelled from another goroutine 200 ms into the imposters, it is seen
// at the next look, and Analyse returns well within 10 s (on a busy
// machine too: it takes tens of milliseconds) where finishing would take
// half an hour: the 800 texts are each verified against 30 labels by 100
// imposter rounds over some 400 other texts, and two workers took about
// 4 s a text when this was written.
func TestAnalyseCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("seconds of analysis before each cancellation")
	}
	p := madeUp(800, 400, 30)
	o := Options{Label: "author", Imposters: 100, Folds: 5, KNN: 3, Workers: 2, Measures: []analysis.Measure{analysis.Delta, analysis.JSD}}
	all := o.AnalysisSteps()
	for _, c := range []struct {
		step  string
		done  int           // the units done when it is cancelled
		after time.Duration // from another goroutine this long after; 0: in the callback
	}{{"distances", 2, 0}, {"svm", 1, 0}, {"imposters", 0, 200 * time.Millisecond}} {
		ctx, cancel := context.WithCancel(context.Background())
		var once sync.Once
		var mu sync.Mutex
		var at time.Time
		stop := func() {
			mu.Lock()
			defer mu.Unlock()
			at = time.Now()
			cancel()
		}
		var s steps
		o.AnalysisProgress = func(st AnalysisStep) {
			s.add(st)
			if st.Name == c.step && st.Done >= c.done {
				once.Do(func() {
					if c.after == 0 {
						stop()
					} else {
						time.AfterFunc(c.after, stop)
					}
				})
			}
		}
		st, err := Analyse(ctx, p, o)
		returned := time.Now()
		mu.Lock()
		cancelled := at
		mu.Unlock()
		cancel()
		what := fmt.Sprintf("cancelled in %s at %d units, %v later", c.step, c.done, c.after)
		if cancelled.IsZero() {
			t.Fatalf("%s: never cancelled (steps told: %v)", what, s.names())
		}
		if !errors.Is(err, context.Canceled) || st != nil {
			t.Errorf("%s: Analyse = %v, %v; want no Study and context.Canceled", what, st != nil, err)
		}
		if took := returned.Sub(cancelled); took > 10*time.Second {
			t.Errorf("%s: Analyse returned %v after the cancellation, want within 10 s", what, took)
		} else {
			t.Logf("%s: returned %v after the cancellation", what, took)
		}
		later := all[slices.Index(all, c.step)+1:]
		for _, n := range s.names() {
			for _, l := range later {
				if n == fmt.Sprintf("%s %d/%d", l, slices.Index(all, l)+1, len(all)) {
					t.Errorf("%s: step %s began after", what, n)
				}
			}
		}
	}
}
