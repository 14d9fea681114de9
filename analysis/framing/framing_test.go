package framing

import (
	"math"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/keyness"
)

func testDocs() []Doc {
	return []Doc{
		{ID: "a", Meta: map[string]string{"stance": "left"}, Words: 10,
			Terms: tc(map[string]int{"soviet": 3, "party": 1}), All: tc(map[string]int{"soviet": 3, "party": 1, "the": 6}),
			Slices: 1, SlicePresence: tc(map[string]int{"soviet": 1, "party": 1}),
			Targets: []Target{{Count: 1, Collocates: tc(map[string]int{"soviet": 2, "the": 1}), WindowTokens: 3}}},
		{ID: "b", Meta: map[string]string{"stance": "left"}, Words: 20,
			Terms: tc(map[string]int{"soviet": 1, "party": 4}), All: tc(map[string]int{"soviet": 1, "party": 4, "the": 15}),
			Slices: 2, SlicePresence: tc(map[string]int{"soviet": 1, "party": 2}),
			Targets: []Target{{Count: 4, Collocates: tc(map[string]int{"the": 5}), WindowTokens: 8}}},
		{ID: "c", Meta: map[string]string{"stance": "right"}, Words: 30,
			Terms: tc(map[string]int{"party": 6, "market": 5}), All: tc(map[string]int{"party": 6, "market": 5, "the": 19}),
			Slices: 3, SlicePresence: tc(map[string]int{"party": 3, "market": 2}),
			Targets: []Target{{Count: 6, Collocates: tc(map[string]int{"market": 2, "the": 6}), WindowTokens: 12}}},
		{ID: "d", Meta: map[string]string{}, Words: 5,
			Terms: tc(map[string]int{"party": 1}), All: tc(map[string]int{"party": 1, "the": 4}),
			Slices: 1, SlicePresence: tc(map[string]int{"party": 1}),
			Targets: []Target{{Count: 1, Collocates: tc(map[string]int{}), WindowTokens: 0}}},
	}
}

func TestScopes(t *testing.T) {
	got := []string{}
	for _, s := range Scopes(testDocs(), []string{"stance", "outlet"}, true) {
		got = append(got, s.Kind+":"+s.Target+"/"+s.Reference)
	}
	// Documents against the rest; "stance" values against each other (d has
	// none, so it is on neither side); "outlet" has no values: no scope.
	// With two values, pairs add nothing beyond value-vs-rest.
	want := []string{"document:a/rest", "document:b/rest", "document:c/rest", "document:d/rest",
		"stance:left/rest", "stance:right/rest"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Scopes (-want +got):\n%s", d)
	}
	left := Scopes(testDocs(), []string{"stance"}, false)[4]
	if d := cmp.Diff([]int{0, 1}, left.in); d != "" || !cmp.Equal([]int{0, 1, 2}, left.all) {
		t.Errorf("left scope = %v of %v, want [0 1] against the rest of [0 1 2]", left.in, left.all)
	}
}

// TestScopesLeaveOutNoKeyness: a document with NoKeyness has no scope,
// is in no group and in no rest, here or against a reference; the
// others' comparisons are those of the corpus without it.
func TestScopesLeaveOutNoKeyness(t *testing.T) {
	docs := testDocs()
	docs[1].NoKeyness = true // b, stance left
	var got []string
	for _, s := range Scopes(docs, []string{"stance"}, false) {
		got = append(got, s.Kind+":"+s.Target, fmtInts(s.in)+"/"+fmtInts(s.all))
	}
	want := []string{"document:a", "[0]/[0 2 3]", "document:c", "[2]/[0 2 3]", "document:d", "[3]/[0 2 3]",
		"stance:left", "[0]/[0 2]", "stance:right", "[2]/[0 2]"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Scopes (-want +got):\n%s", d)
	}
	without := append(testDocs()[:1], testDocs()[2:]...)
	res, ref := Keyness(docs, Scopes(docs, []string{"stance"}, false), Options{}), Keyness(without, Scopes(without, []string{"stance"}, false), Options{})
	if d := cmp.Diff(ref[3].Rows, res[3].Rows, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("stance:left with b left out differs from the corpus without b (-without +with):\n%s", d)
	}
	got = got[:0]
	for _, s := range ReferenceScopes(docs, []string{"stance"}) {
		got = append(got, s.Kind+":"+s.Target, fmtInts(s.in))
	}
	want = []string{"document:a", "[0]", "document:c", "[2]", "document:d", "[3]", "stance:left", "[0]", "stance:right", "[2]", "corpus:corpus", "[0 2 3]"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReferenceScopes (-want +got):\n%s", d)
	}
}

func fmtInts(v []int) string {
	s := "["
	for i, x := range v {
		if i > 0 {
			s += " "
		}
		s += strconv.Itoa(x)
	}
	return s + "]"
}

func TestKeynessPoolsGroups(t *testing.T) {
	docs := testDocs()
	scopes := Scopes(docs, []string{"stance"}, false)
	res := Keyness(docs, scopes, Options{MinCount: 2})
	got := res[4] // stance: left vs right
	// Pooled by hand: left = a+b: words 30, soviet 3+1 = 4, party 1+4 = 5,
	// slices 3 (soviet in 2, party in 3); right = c: words 30, party 6,
	// market 5, slices 3 (party 3, market 2).
	want := keyness.Compare(keyness.Counts{
		Terms:       []string{"market", "party", "soviet"},
		Target:      []float64{0, 5, 4},
		Reference:   []float64{5, 6, 0},
		TargetTotal: 30, ReferenceTotal: 30,
		TargetSlices: []float64{0, 3, 2}, ReferenceSlices: []float64{2, 3, 0},
		NTargetSlices: 3, NReferenceSlices: 3,
	}, keyness.Options{})
	if d := cmp.Diff(want, got.Rows, cmp.Comparer(func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	})); d != "" {
		t.Errorf("left vs right (-want +got):\n%s", d)
	}
	// MinCount 2 drops nothing here; MinCount 6 keeps party (11) only.
	if rows := Keyness(docs, scopes[4:5], Options{MinCount: 6})[0].Rows; len(rows) != 1 || rows[0].Term != "party" {
		t.Errorf("MinCount 6 rows = %v, want party only", rows)
	}
}

func TestCollocatesAndRates(t *testing.T) {
	docs := testDocs()
	units := Units(docs, []string{"stance"})
	var names []string
	for _, u := range units {
		names = append(names, u.Kind+":"+u.Name)
	}
	if d := cmp.Diff([]string{"document:a", "document:b", "document:c", "document:d", "stance:left", "stance:right", "corpus:corpus"}, names); d != "" {
		t.Errorf("Units (-want +got):\n%s", d)
	}
	rows := Collocates(docs, []string{"party"}, units[4:5], 2) // stance:left
	// left = a+b: "the" co-occurs 1+5 = 6 times, "soviet" 2: both kept.
	// f_x = 1+4 = 5, W = 3+8 = 11, N = 30; f_y(the) = 6+15 = 21, f_y(soviet) = 4.
	got := map[string][5]float64{}
	for _, r := range rows {
		got[r.Collocate] = [5]float64{r.Freq.XY, r.Freq.X, r.Freq.Y, r.Freq.N, r.Freq.W}
	}
	want := map[string][5]float64{"the": {6, 5, 21, 30, 11}, "soviet": {2, 5, 4, 30, 11}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Collocates (-want +got):\n%s", d)
	}
	rates := Rates(docs, []string{"party"}, units)
	// corpus: 1+4+6+1 = 12 occurrences in 65 words = 1846.15... per 10,000.
	last := rates[len(rates)-1]
	if last.Count != 12 || last.Words != 65 || math.Abs(last.Per10k-12.0/65*1e4) > 1e-9 {
		t.Errorf("corpus rate = %+v, want 12 in 65 words", last)
	}
}

func TestStopwords(t *testing.T) {
	m, err := Stopwords("english")
	if err != nil || !m["the"] || !m["'s"] || m["soviet"] {
		t.Errorf("Stopwords(english) = %d words, %v", len(m), err)
	}
	if _, err := Stopwords("klingon"); err == nil {
		t.Error("Stopwords(klingon) succeeded")
	}
}

func TestLexiconRates(t *testing.T) {
	lx, err := NewLexicon([][2]string{{"politics", "party"}, {"politics", "sov*"}, {"economy", "market"}, {"politics", "part?"}})
	if err != nil {
		t.Fatal(err)
	}
	docs := testDocs()
	units := Units(docs, nil)
	rates := LexiconRates(docs, lx, units)
	// politics in doc a: party 1 + soviet 3 = 4 of 10 words -> 4,000 per
	// 10k; "party" matches two patterns but counts once.
	got := rates[0]
	if got.Category != "politics" || got.Count != 4 || got.Per10k != 4000 || !cmp.Equal(got.Terms, []string{"party", "soviet"}) {
		t.Errorf("politics in a = %+v", got)
	}
	// corpus economy: market 5 in 65 words.
	last := rates[len(rates)-1]
	if last.Category != "economy" || last.Count != 5 || last.Words != 65 {
		t.Errorf("economy in corpus = %+v", last)
	}
	if _, err := NewLexicon([][2]string{{"x", "[a"}}); err == nil {
		t.Error("bad pattern accepted")
	}
}

// TestDocRowsCap: with DocRows a document's comparison keeps its highest
// and lowest log-odds z rows, the uncapped rows' first and last; group
// comparisons keep every row.
func TestDocRowsCap(t *testing.T) {
	var docs []Doc
	for i := range 6 {
		terms := map[string]int{}
		for j := range 40 {
			terms["w"+strconv.Itoa(j)] = 1 + (i*7+j*3)%5
		}
		docs = append(docs, Doc{ID: "d" + strconv.Itoa(i), Meta: map[string]string{"g": []string{"a", "b"}[i%2]}, Words: 200, Terms: tc(terms), All: tc(terms)})
	}
	scopes := Scopes(docs, []string{"g"}, false)
	all := Keyness(docs, scopes, Options{Present: true})
	capped := Keyness(docs, scopes, Options{Present: true, DocRows: 10})
	for k, r := range capped {
		full := all[k].Rows
		if r.Scope.Kind != "document" {
			if len(r.Rows) != len(full) {
				t.Errorf("%s %s: %d rows, want all %d", r.Scope.Kind, r.Scope.Target, len(r.Rows), len(full))
			}
			continue
		}
		if len(full) <= 10 {
			t.Fatalf("test corpus: %s has only %d rows to cap", r.Scope.Target, len(full))
		}
		want := append(append([]keyness.Row(nil), full[:5]...), full[len(full)-5:]...)
		if len(r.Rows) != 10 {
			t.Fatalf("%s: %d rows, want 10", r.Scope.Target, len(r.Rows))
		}
		for i := range want {
			if r.Rows[i].Term != want[i].Term || r.Rows[i].LogOddsZ != want[i].LogOddsZ {
				t.Errorf("%s row %d = %s, want %s", r.Scope.Target, i, r.Rows[i].Term, want[i].Term)
			}
		}
	}
}

// tc is m as term counts.
func tc(m map[string]int) analysis.TermCounts { return analysis.NewTermCounts(m) }

// twelveDocs are 12 documents of 30 terms in 3 groups (g = a, b, c).
func twelveDocs() []Doc {
	var docs []Doc
	for i := range 12 {
		terms := map[string]int{}
		for j := range 30 {
			terms["w"+strconv.Itoa(j)] = (i*5 + j*7) % 6
		}
		docs = append(docs, Doc{ID: "d" + strconv.Itoa(i), Meta: map[string]string{"g": []string{"a", "b", "c"}[i%3]}, Words: 150,
			Terms: tc(terms), All: tc(terms), Slices: 1, SlicePresence: tc(terms)})
	}
	return docs
}

// TestKeynessRunSame: with a Runner that runs every scope at once the
// rows are those of the serial run (checked under -race by make test).
func TestKeynessRunSame(t *testing.T) {
	docs := twelveDocs()
	all := func(n int, task func(int)) {
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { task(i) })
		}
		wg.Wait()
	}
	for _, present := range []bool{false, true} {
		scopes := Scopes(docs, []string{"g"}, true)
		serial := Keyness(docs, scopes, Options{Present: present, MinCount: 2})
		parallel := Keyness(docs, scopes, Options{Present: present, MinCount: 2, Run: all})
		if d := cmp.Diff(serial, parallel, cmp.AllowUnexported(Scope{}), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("present %v (-serial +parallel):\n%s", present, d)
		}
		if len(serial) != 12+3+6 {
			t.Errorf("%d scopes, want 12 documents, 3 groups, 6 pairs", len(serial))
		}
	}
}

// TestBatchScopes: every scope is in exactly one batch; a batch of more
// than one holds documents against one rest with as many words, at most
// batchDocs of them; the batches come in the order of their first scope.
func TestBatchScopes(t *testing.T) {
	var docs []Doc
	for i := range 150 {
		docs = append(docs, Doc{ID: "d" + strconv.Itoa(i), Meta: map[string]string{"g": []string{"a", "b"}[i%2]}, Words: 10 + i%3})
	}
	scopes := Scopes(docs, []string{"g"}, false)
	restOf := make([]*rest, len(scopes))
	docRest, groupRest := &rest{}, &rest{}
	for k, s := range scopes {
		restOf[k] = groupRest
		if s.Kind == "document" {
			restOf[k] = docRest
		}
	}
	for _, present := range []bool{false, true} {
		batches := batchScopes(docs, scopes, restOf, Options{Present: present})
		seen := make([]int, len(scopes))
		prev := -1
		for _, b := range batches {
			if b[0] <= prev {
				t.Errorf("present %v: batch starting at %d after one starting at %d", present, b[0], prev)
			}
			prev = b[0]
			if len(b) > batchDocs || len(b) > 1 && !present {
				t.Errorf("present %v: batch of %d scopes", present, len(b))
			}
			for _, k := range b {
				seen[k]++
				s := scopes[k]
				if len(b) > 1 && (s.Kind != "document" || restOf[k] != restOf[b[0]] || docs[s.in[0]].Words != docs[scopes[b[0]].in[0]].Words) {
					t.Errorf("present %v: scope %d (%s %s) batched with scope %d", present, k, s.Kind, s.Target, b[0])
				}
			}
		}
		for k, n := range seen {
			if n != 1 {
				t.Errorf("present %v: scope %d in %d batches", present, k, n)
			}
		}
		if present && len(batches) != 2*3+2 { // 150 documents of 3 sizes: 50 each, 2 batches each; 2 groups
			t.Errorf("%d batches, want 8", len(batches))
		}
	}
}

// TestTermTotals: with Options.TermTotals keyness divides by the tokens
// the compared terms count (TermWords), so the rows are those of the same
// documents whose Words are their TermWords (the content words of
// testDocs: 4, 5, 11 and 1); without it they are not. Both through the
// "rest" comparisons of documents (Present: CompareRestTop) and of groups
// (Compare), and through the pairs.
func TestTermTotals(t *testing.T) {
	docs, sub := testDocs(), testDocs()
	for i := range docs {
		docs[i].TermWords = docs[i].Terms.Total()
		sub[i].Words = docs[i].TermWords
	}
	for _, present := range []bool{false, true} {
		scopes := Scopes(docs, []string{"stance"}, true)
		opt := Options{MinCount: 1, Present: present}
		want := Keyness(sub, scopes, opt)
		plain := Keyness(docs, scopes, opt)
		opt.TermTotals = true
		got := Keyness(docs, scopes, opt)
		if !cmp.Equal(got, want, cmpopts.EquateNaNs(), cmp.AllowUnexported(Scope{})) {
			t.Errorf("present %v: TermTotals rows differ from those over the content words:\n%s", present,
				cmp.Diff(want, got, cmpopts.EquateNaNs(), cmp.AllowUnexported(Scope{})))
		}
		if cmp.Equal(plain, want, cmpopts.EquateNaNs(), cmp.AllowUnexported(Scope{})) {
			t.Errorf("present %v: the totals make no difference: the test cannot fail", present)
		}
	}
}

// TestStudySteps: Study tells its Monitor of the step keyness, counting
// every scope compared (12 documents, 3 groups, 6 pairs), then of
// collocates; told to stop inside keyness, it compares no scope more and
// begins no later step.
func TestStudySteps(t *testing.T) {
	docs := twelveDocs()
	for _, stop := range []bool{false, true} {
		var steps []string
		last := analysis.Step{}
		o := StudyOptions{GroupBy: []string{"g"}, Pairs: true, Keyness: Options{MinCount: 2},
			Monitor: func(s analysis.Step) bool {
				if len(steps) == 0 || steps[len(steps)-1] != s.Name {
					steps = append(steps, s.Name)
				}
				last = s
				return !stop || s.Name != "keyness" || s.Done < 5
			}}
		r := Study(docs, o)
		compared := 0
		for _, k := range r.Keyness {
			if k.Scope.Target != "" {
				compared++
			}
		}
		if !stop {
			if !slices.Equal(steps, []string{"keyness", "collocates"}) || compared != 21 {
				t.Errorf("steps %v, %d scopes compared; want keyness and collocates, 21 scopes", steps, compared)
			}
			continue
		}
		if !slices.Equal(steps, []string{"keyness"}) || compared != 5 || last.Done != 5 || last.Total != 21 {
			t.Errorf("stopped at 5 of 21 comparisons: steps %v, %d scopes compared, last told %+v", steps, compared, last)
		}
	}
}

// TestPresentMatchesPooled: the "rest" comparisons with Present, whose
// documents and groups reach keyness.Corpus by corpus index (through the
// rest's table of term ids), give the rows of the full comparison of the
// pooled counts by term (Compare, the brute-force reference) that Present
// keeps, bit for bit, with stopwords and a minimum count filtering the
// corpus.
func TestPresentMatchesPooled(t *testing.T) {
	docs := benchDocs(60, 2)
	for i := range docs {
		docs[i].Meta = map[string]string{"stance": string(rune('a' + i%3))}
	}
	scopes := Scopes(docs, []string{"stance"}, false)
	opt := Options{MinCount: 3, Stop: map[string]bool{"w2": true, "w40": true}}
	full := Keyness(docs, scopes, opt)
	opt.Present = true
	got := Keyness(docs, scopes, opt)
	kept := 0
	for k := range scopes {
		want := present(full[k].Rows)
		kept += len(want)
		if !cmp.Equal(got[k].Rows, want, cmpopts.EquateNaNs()) {
			t.Fatalf("%s %s: rows differ from the pooled comparison's:\n%s", scopes[k].Kind, scopes[k].Target,
				cmp.Diff(want, got[k].Rows, cmpopts.EquateNaNs()))
		}
	}
	if kept == 0 || kept == len(full[0].Rows)*len(scopes) {
		t.Errorf("%d rows kept of %d: Present keeps all or none, the test cannot fail", kept, len(full[0].Rows)*len(scopes))
	}
}
