package pipeline

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stylometer/stylometer/analysis"
)

// TestQuoteTermsAsTargets compares QuoteTerms with another implementation:
// a target of one form is located, counted and quoted while profiling
// (locate), so with no bound on lines or groups QuoteTerms must give, for
// each document, exactly that target's kwic.csv lines, and count each
// stance's occurrences as the profiles' target counts add up.
func TestQuoteTermsAsTargets(t *testing.T) {
	c, err := OpenCorpus(nil, "") // the seeds, with their metadata
	if err != nil {
		t.Fatal(err)
	}
	terms := []string{"stalin", "soviets", "stalinism", "lenin"}
	o := Options{GroupBy: []string{"stance"}, Workers: 2, Context: 5}
	for _, term := range terms {
		o.Targets = append(o.Targets, TargetSpec{Name: term})
	}
	s, err := Run(context.Background(), c, o)
	if err != nil {
		t.Fatal(err)
	}
	q, err := QuoteTerms(context.Background(), c, s, append(terms, "stalin"), QuoteOptions{Per: 1 << 20, Groups: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Terms) != len(terms) || len(q.Unread) != 0 {
		t.Fatalf("%d terms (want %d, a repeated term once), unread %v", len(q.Terms), len(terms), q.Unread)
	}
	for ti, tq := range q.Terms {
		if tq.Term != terms[ti] {
			t.Fatalf("term %d is %q, want %q", ti, tq.Term, terms[ti])
		}
		got := map[string][]KWIC{}
		for _, g := range tq.Groups {
			for _, l := range g.Lines {
				got[l.Doc] = append(got[l.Doc], l.KWIC)
			}
		}
		count, docs := map[string]int{}, map[string]int{}
		for _, d := range s.Docs {
			tp := d.Profile.Targets[ti]
			if diff := cmp.Diff(tp.KWIC, got[d.ID]); diff != "" {
				t.Errorf("%s in %s: lines differ from the target's (-target +QuoteTerms):\n%s", tq.Term, d.ID, diff)
			}
			if tp.Count > 0 {
				count[d.Meta["stance"]] += tp.Count
				docs[d.Meta["stance"]]++
			}
		}
		for _, g := range tq.Groups {
			if g.Count != count[g.Group] || g.Docs != docs[g.Group] {
				t.Errorf("%s in %s: %d occurrences in %d documents, the targets count %d in %d", tq.Term, g.Group, g.Count, g.Docs, count[g.Group], docs[g.Group])
			}
			delete(count, g.Group)
		}
		if len(count) > 0 {
			t.Errorf("%s: groups %v missing", tq.Term, count)
		}
	}
	if n := len(q.Terms[2].Groups); n == 0 || n == len(slices.Compact(groupValues(s))) {
		t.Errorf("stalinism in %d groups: the case should have a term some groups never use", n)
	}
}

func groupValues(s *Study) []string {
	var v []string
	for _, d := range s.Docs {
		v = append(v, d.Meta["stance"])
	}
	slices.Sort(v)
	return v
}

// TestQuoteTermsBounds: at most Per lines per group, for the first Groups
// groups only (the rest counted), taken from the first documents of each
// group that hold the term, in input order; the same at 1 and 3 workers;
// without a colouring column each document is a group; a document changed
// since it was profiled is unread, not misquoted.
func TestQuoteTermsBounds(t *testing.T) {
	c, dir := partCorpus(t)
	terms := []string{"the", "party", "revolution"}
	for _, groupBy := range [][]string{{"group"}, nil} {
		var runs []*Quotes
		for _, workers := range []int{1, 3} {
			s, err := Run(context.Background(), c, Options{GroupBy: groupBy, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			q, err := QuoteTerms(context.Background(), c, s, terms, QuoteOptions{Per: 2, Groups: 2})
			if err != nil {
				t.Fatal(err)
			}
			runs = append(runs, q)
			group := func(d Doc) string { return d.ID }
			if groupBy != nil {
				group = func(d Doc) string { return d.Meta["group"] }
			}
			for _, tq := range q.Terms {
				if len(tq.Groups) < 3 {
					t.Fatalf("%s in %d groups: the case tests no unquoted group", tq.Term, len(tq.Groups))
				}
				for k, g := range tq.Groups {
					// The documents that should be quoted: the group's first
					// ones holding the term, one line per occurrence, up to 2.
					var want []string
					for _, d := range s.Docs {
						if group(d) == g.Group && len(want) < 2 {
							for range min(d.Profile.Terms.Get(tq.Term), 2-len(want)) {
								want = append(want, d.ID)
							}
						}
					}
					if k >= 2 {
						want = nil
					}
					var got []string
					for _, l := range g.Lines {
						got = append(got, l.Doc)
						if Term(l.Keyword) != tq.Term {
							t.Errorf("%s: line %q %q %q quotes another word", tq.Term, l.Left, l.Keyword, l.Right)
						}
					}
					if !slices.Equal(got, want) {
						t.Errorf("groupBy %v, %s, group %d (%s): lines from %v, want %v", groupBy, tq.Term, k, g.Group, got, want)
					}
				}
			}
		}
		if diff := cmp.Diff(runs[0], runs[1]); diff != "" {
			t.Errorf("groupBy %v: 1 and 3 workers differ:\n%s", groupBy, diff)
		}
	}

	s, err := Run(context.Background(), c, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	first := s.Docs[0]
	if err := os.WriteFile(filepath.Join(dir, "docs", first.ID+".txt"), []byte("The party changed."), 0o644); err != nil {
		t.Fatal(err)
	}
	if first.Profile.Terms.Get("the") == 0 {
		t.Fatalf("%s has no \"the\": the case tests nothing", first.ID)
	}
	q, err := QuoteTerms(context.Background(), c, s, []string{"the"}, QuoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.Unread, []string{first.ID}) {
		t.Errorf("unread %v, want the changed %s", q.Unread, first.ID)
	}
	for _, g := range q.Terms[0].Groups {
		for _, l := range g.Lines {
			if l.Doc == first.ID {
				t.Errorf("the changed %s is quoted: %v", first.ID, l)
			}
		}
	}
}

// TestQuoteTextStopsEarly: quoteText tokenises a text only as far as the
// last wanted occurrence and its words of context, and its lines are those
// of the whole text tokenised (brute force: every token, the first
// occurrences quoted), for wants near the start, in the middle and at the
// very end of each seed, at two context widths.
func TestQuoteTextStopsEarly(t *testing.T) {
	tg := newTestTagger(t)
	canon := &Canon{}
	// One word a line, so that the tokens stop at the word, not at the end
	// of a long paragraph: an occurrence quoted short of context shows.
	var oneWordLines strings.Builder
	for i := range 60 {
		w := fmt.Sprintf("w%d", i)
		if i == 5 || i == 30 {
			w = "the"
		}
		fmt.Fprintf(&oneWordLines, "%s\n", w)
	}
	// Terms whose text in the line is not their term: a curly apostrophe
	// ("Lenin’s" gives 's), capitals, a soft hyphen inside a word, dashes.
	folded := "Short line.\nLENIN spoke—briefly.\n\nThe revo\u00ADlution came; Lenin’s party\nwon.\n" +
		"Nothing here.\nAnd Lenin’s words, at last: revolution.\nEnd."
	for _, text := range append(seedTexts(t), oneWordLines.String(), folded) {
		all, _, _, err := tg.tokens(context.Background(), canon, text, false, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var idx []int
		for i, tk := range all {
			if tk.Word {
				idx = append(idx, i)
			}
		}
		last := all[idx[len(idx)-1]].Term
		for _, words := range []int{0, 3} {
			for _, want := range []map[string]int{
				{"the": 2},
				{"'s": 2, "lenin": 3, "revolution": 2},
				{"the": 1, last: 1},
				{all[idx[len(idx)/2]].Term: 3, "of": 1},
			} {
				got, err := quoteText(context.Background(), tg, canon, text, want, words)
				if err != nil {
					t.Fatal(err)
				}
				around := ProfileOptions{Context: words}.context()
				wantLines := map[string][]KWIC{}
				for wi, ti := range idx {
					if term := all[ti].Term; len(wantLines[term]) < want[term] {
						wantLines[term] = append(wantLines[term], quote(text, all, idx, wi, 1, around))
					}
				}
				if d := cmp.Diff(wantLines, got); d != "" {
					t.Errorf("want %v, context %d (-whole text +stopped early):\n%s", want, words, d)
				}
			}
		}
	}
}

// TestQuoteTermsHTML: an HTML document is quoted from its text, as it was
// profiled, never from its markup: the lines of QuoteTerms equal the
// targets' lines of the same terms (found while profiling the extracted
// text), and none holds a tag.
func TestQuoteTermsHTML(t *testing.T) {
	dir := t.TempDir()
	for i, text := range seedTexts(t) {
		var b strings.Builder
		b.WriteString(`<html><head><title>lenin lenin</title><style>p { color: red }</style></head><body>`)
		for _, line := range strings.Split(text, "\n") {
			fmt.Fprintf(&b, `<p class="para">%s</p>`+"\n", html.EscapeString(line))
		}
		b.WriteString("</body></html>")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d.html", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := OpenCorpus([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	terms := []string{"lenin", "para", "class"}
	o := Options{Workers: 2, Context: 5}
	for _, term := range terms {
		o.Targets = append(o.Targets, TargetSpec{Name: term})
	}
	s, err := Run(context.Background(), c, o)
	if err != nil {
		t.Fatal(err)
	}
	q, err := QuoteTerms(context.Background(), c, s, terms, QuoteOptions{Per: 1 << 20, Groups: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Unread) != 0 {
		t.Fatalf("unread %v", q.Unread)
	}
	lines := 0
	for ti, tq := range q.Terms {
		got := map[string][]KWIC{}
		for _, g := range tq.Groups {
			for _, l := range g.Lines {
				got[l.Doc] = append(got[l.Doc], l.KWIC)
				if strings.ContainsAny(l.Left+l.Keyword+l.Right, "<>") {
					t.Errorf("%s: a line holds markup: %+v", tq.Term, l.KWIC)
				}
				lines++
			}
		}
		for _, d := range s.Docs {
			if diff := cmp.Diff(d.Profile.Targets[ti].KWIC, got[d.ID]); diff != "" {
				t.Errorf("%s in %s: lines differ from the target's (-target +QuoteTerms):\n%s", tq.Term, d.ID, diff)
			}
		}
	}
	if lines == 0 {
		t.Fatal("no line quoted: the test compares nothing")
	}
}

// TestQuoteIndexed: QuoteTerms quotes a document from the word index
// Profile kept of it (wordIndex) and gives the lines it gives by tokenising
// the document again: on the seeds, on a generated corpus, on HTML, with
// boilerplate rules, repeated lines dropped and case kept, for the corpus's
// 300 most frequent words and a word split off by the tokenizer. An index
// made with other text rules is not used: one whose terms are all wrong
// changes nothing once its fingerprint differs.
func TestQuoteIndexed(t *testing.T) {
	seeds, err := OpenCorpus(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	generated, _ := partCorpus(t)
	dir := t.TempDir()
	for i, text := range seedTexts(t) {
		page := "<html><body><p>" + strings.ReplaceAll(html.EscapeString(text), "\n", "</p>\n<p>") + "</p></body></html>"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := OpenCorpus([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	text := TextConfig{Boilerplate: []string{`(?i)^.*lenin.*$`}, DropRepeated: true, KeepCase: true}
	for _, tc := range []struct {
		name string
		c    Corpus
		o    Options
	}{
		{"seeds", seeds, Options{GroupBy: []string{"stance"}}},
		{"generated", generated, Options{}},
		{"html", pages, Options{}},
		{"text rules", seeds, Options{Text: text}},
	} {
		tc.o.Workers = 2
		s, err := Run(context.Background(), tc.c, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		terms := append(slices.Clone(s.Words.Features[:min(300, len(s.Words.Features))]), "'s", "n't")
		indexed := 0
		for _, d := range s.Docs {
			if d.words != nil {
				indexed++
			}
		}
		if indexed != len(s.Docs) {
			t.Fatalf("%s: %d of %d documents indexed", tc.name, indexed, len(s.Docs))
		}
		quotes := func(s *Study) *Quotes {
			q, err := QuoteTerms(context.Background(), tc.c, s, terms, QuoteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return q
		}
		fromIndex := quotes(s)
		lines := 0
		for _, tq := range fromIndex.Terms {
			for _, g := range tq.Groups {
				lines += len(g.Lines)
			}
		}
		if lines < 100 {
			t.Fatalf("%s: %d lines quoted: the test compares little", tc.name, lines)
		}
		plain, wrong := *s, *s
		plain.Docs, wrong.Docs = slices.Clone(s.Docs), slices.Clone(s.Docs)
		for i := range plain.Docs {
			plain.Docs[i].words = nil
			ix := *s.Docs[i].words
			ix.fingerprint, ix.term = "other settings", make([]analysis.TermID, len(ix.term))
			wrong.Docs[i].words = &ix
		}
		retokenised := quotes(&plain)
		if d := cmp.Diff(retokenised, fromIndex); d != "" {
			t.Errorf("%s: (-tokenised again +from the index):\n%s", tc.name, d)
		}
		if d := cmp.Diff(retokenised, quotes(&wrong)); d != "" {
			t.Errorf("%s: an index of other settings was used:\n%s", tc.name, d)
		}
	}
}
