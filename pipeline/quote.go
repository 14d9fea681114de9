package pipeline

import (
	"context"
	"maps"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/stylometer/stylometer/analysis"
)

// QuoteOptions configure QuoteTerms. The zero value quotes up to 3 occurrences
// of a term in each of the first 12 groups that use it.
type QuoteOptions struct {
	// Per is the most occurrences quoted per term and group. Default 3.
	Per int
	// Groups is the most groups per term whose occurrences are quoted:
	// the first that use the term, in the order of their first document;
	// the others are counted only. Default 12.
	Groups int
}

// Quotes are the keyword-in-context lines of the terms QuoteTerms was given.
type Quotes struct {
	Terms []TermQuotes // in the order given, each term once
	// Unread are the documents that held a wanted occurrence but could
	// not be quoted: no longer readable, changed since they were
	// profiled, or plain text longer than StreamBytes (profiled in parts
	// and never read whole). Their occurrences are counted, not quoted.
	Unread []string
}

// TermQuotes are one term's occurrences, group by group.
type TermQuotes struct {
	Term   string
	Groups []GroupQuotes // the groups that use the term, in the order of their first document
}

// GroupQuotes are a term's occurrences in one group: the documents with one
// value of the colouring column (Study.ColourBy; "" for the documents
// without one), or one document when the study has no such column.
type GroupQuotes struct {
	Group string // the value, or the document id
	Count int    // occurrences in the group (the profiles' counts)
	Docs  int    // documents of the group that use the term
	// Lines are the group's first Per occurrences, in input order then
	// text order (none past the first Groups groups).
	Lines []Quote
}

// Quote is one occurrence of a term in a document.
type Quote struct {
	Doc string
	KWIC
}

// QuoteTerms quotes each of terms (counted forms, as keyness lists them) in
// context: for each group of s's documents that uses it (see GroupQuotes)
// its occurrences are counted from the profiles, and the first o.Per of
// each of the first o.Groups groups are quoted, o.Options.Context words
// each side, like kwic.csv's lines of the targets.
//
// Profiles keep counts, not text, so QuoteTerms reads again the documents
// that hold a wanted occurrence, and only those, from c's sources
// (matched by id; a document whose bytes no longer hash to its profile's
// SHA-256 is not quoted), in a pool of s.Options.Workers: it finds the
// occurrences in the word index Profile kept of the document (see
// wordIndex), or, without one, decodes, canonicalises and tokenises the
// document as profiling did, without tagging it; the lines are the same.
// A term counts where a word token's Term is it. The result depends on
// neither the workers nor their timing. Only ctx's cancellation, or a
// bad text rule, is an error.
func QuoteTerms(ctx context.Context, c Corpus, s *Study, terms []string, o QuoteOptions) (*Quotes, error) {
	per, maxGroups := orDefault(o.Per, 3), orDefault(o.Groups, 12)
	canon, err := newCanon(s.Options)
	if err != nil {
		return nil, err
	}
	group := func(d Doc) string { return d.ID }
	if col := s.ColourBy(); col != "" {
		group = func(d Doc) string { return d.Meta[col] }
	}
	// The plan: each term's groups, counted, and the lines wanted of each
	// document.
	out := &Quotes{}
	want := make([]map[string]int, len(s.Docs)) // by document: term -> lines
	index := map[string]int{}                   // term -> its place in out.Terms
	byID := map[analysis.TermID]int{}           // the same by id, for the terms some document counts
	for _, term := range terms {
		if _, dup := index[term]; !dup {
			index[term] = len(out.Terms)
			if id, ok := analysis.LookupTerm(term); ok {
				byID[id] = len(out.Terms)
			}
			out.Terms = append(out.Terms, TermQuotes{Term: term})
		}
	}
	at := make([]map[string]int, len(out.Terms))      // by term: group -> index in Groups
	planned := make([]map[string]int, len(out.Terms)) // by term: group -> lines planned
	for k := range out.Terms {
		at[k], planned[k] = map[string]int{}, map[string]int{}
	}
	// Each document's counts are read once, whatever the number of terms
	// (a term's count, Get, reads the document's table from its start).
	for i, d := range s.Docs {
		g := group(d)
		for id, n := range d.Profile.Terms.IDs() {
			t, ok := byID[id]
			if !ok {
				continue
			}
			tq := &out.Terms[t]
			term := tq.Term
			k, ok := at[t][g]
			if !ok {
				k = len(tq.Groups)
				at[t][g] = k
				tq.Groups = append(tq.Groups, GroupQuotes{Group: g})
			}
			tq.Groups[k].Count += n
			tq.Groups[k].Docs++
			if k < maxGroups && planned[t][g] < per {
				m := min(n, per-planned[t][g])
				planned[t][g] += m
				if want[i] == nil {
					want[i] = map[string]int{}
				}
				want[i][term] = m
			}
		}
	}
	// The documents, read again.
	lines, unread, err := quoteDocs(ctx, c, s, want, canon)
	if err != nil {
		return nil, err
	}
	out.Unread = unread
	for i, d := range s.Docs {
		for term, kws := range lines[i] {
			t := index[term]
			g := &out.Terms[t].Groups[at[t][group(d)]]
			for _, kw := range kws {
				g.Lines = append(g.Lines, Quote{Doc: d.ID, KWIC: kw})
			}
		}
	}
	return out, nil
}

// quoteDocs reads the documents with a want and quotes the first want[i][term]
// occurrences of each term in document i; it returns them by document and
// the ids of the documents it could not quote, in input order.
func quoteDocs(ctx context.Context, c Corpus, s *Study, want []map[string]int, canon *Canon) ([]map[string][]KWIC, []string, error) {
	src := map[string]Source{}
	for _, x := range c.Sources {
		src[x.ID] = x
	}
	lines := make([]map[string][]KWIC, len(s.Docs))
	failed := make([]bool, len(s.Docs))
	workers := s.Options.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var tg *Tagger
	fingerprint := profileFingerprint(s.Options)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, d := range s.Docs {
		if want[i] == nil {
			continue
		}
		if tg == nil {
			var err error
			if tg, err = tagger(); err != nil {
				return nil, nil, err
			}
		}
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			x, ok := src[d.ID]
			var b []byte
			if ok && quotable(d.Bytes, x.Markup) {
				b, ok = readSource(x)
			}
			if !ok || d.SHA256 != sha256Hex(b) {
				failed[i] = true
				return nil
			}
			text, err := Decode(b)
			if err == nil {
				text, err = Extract(x.Markup, text) // the text profiled: HTML and XML without their markup
			}
			if err != nil {
				failed[i] = true
				return nil
			}
			if ix := d.words; ix != nil && ix.fingerprint == fingerprint {
				lines[i], err = quoteIndexed(gctx, canon, text, ix, want[i], s.Options.Context)
			} else {
				lines[i], err = quoteText(gctx, tg, canon, text, want[i], s.Options.Context)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var unread []string
	for i, f := range failed {
		if f {
			unread = append(unread, s.Docs[i].ID)
		}
	}
	return lines, unread, nil
}

// quotable reports whether a document of size bytes with the given markup
// is read whole to be quoted: plain text up to StreamBytes (a longer one
// was profiled in parts, as processFile reads it), and every HTML and XML
// file.
func quotable(size int, markup string) bool { return size <= StreamBytes || markup != "" }

// readSource reads a source whole (a file's Read opens it as a regular
// file and reads it, as profiling does), or reports that it cannot.
func readSource(s Source) ([]byte, bool) {
	if s.Skip != "" || s.Read == nil {
		return nil, false
	}
	b, err := s.Read()
	return b, err == nil
}

// quoteText quotes the first want[term] occurrences of each term in text,
// words of context each side (0: ProfileOptions' default), from the text with
// its boilerplate blanked as kwic.csv quotes the targets.
func quoteText(ctx context.Context, tg *Tagger, canon *Canon, text string, want map[string]int, words int) (map[string][]KWIC, error) {
	// Tokenise no further than the line that gives the last wanted
	// occurrence its words of context on the right: the lines are the same
	// as if the whole text had been tokenised.
	around := ProfileOptions{Context: words}.context()
	left := 0
	for _, n := range want {
		left += n
	}
	// need is what is still to find of each term: one map lookup a word
	// that is not wanted, which most are.
	need := maps.Clone(want)
	scanned, after := 0, -1 // tokens looked at; words since the last wanted occurrence (-1: not all found)
	enough := func(toks []Token) bool {
		for ; scanned < len(toks); scanned++ {
			t := toks[scanned]
			if !t.Word {
				continue
			}
			if after >= 0 {
				after++
				continue
			}
			if k := need[t.Term]; k > 0 {
				need[t.Term] = k - 1
				if left--; left == 0 {
					after = 0
				}
			}
		}
		return after >= around
	}
	toks, _, _, err := tg.tokens(ctx, canon, text, false, enough, nil)
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, len(toks)) // the word tokens
	for i, t := range toks {
		if t.Word {
			idx = append(idx, i)
		}
	}
	span := func(k int) (int, int) { t := toks[idx[k]]; return t.Start, t.Start + len(t.Text) }
	term := func(k int) string { return toks[idx[k]].Term }
	return firstLines(ctx, canon, text, len(idx), span, term, maps.Clone(want), func(t string) string { return t }, words)
}

// firstLines quotes, of text's nw words (word k is text[span(k)] and counts
// as key(k)), the first need[key] occurrences of each key, named
// name(key), words of context each side (0: ProfileOptions' default), from
// the text with its boilerplate blanked as kwic.csv quotes the targets:
// the quoting of quoteText and of quoteIndexed. It uses up need.
func firstLines[K comparable](ctx context.Context, canon *Canon, text string, nw int, span func(k int) (int, int), key func(k int) K,
	need map[K]int, name func(K) string, words int) (map[string][]KWIC, error) {
	around := ProfileOptions{Context: words}.context()
	st := newStopper(ctx)
	masked := ProfileOptions{Canon: canon}.masked(text, st)
	left := 0
	for _, n := range need {
		left += n
	}
	out := map[string][]KWIC{}
	for wi := 0; wi < nw && left > 0 && !st.stopped(); wi++ {
		k := key(wi)
		if n := need[k]; n > 0 {
			need[k] = n - 1
			t := name(k)
			out[t] = append(out[t], kwic(masked, nw, span, wi, 1, around))
			left--
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
