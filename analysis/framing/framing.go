package framing

import (
	"iter"
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/keyness"
)

// Doc is what framing needs of one document.
type Doc struct {
	ID    string
	Meta  map[string]string // grouping column -> value
	Words int               // all word tokens: the denominator of rates
	// Terms are the counts keyness compares (content words, or all words).
	Terms analysis.TermCounts
	// TermWords is the number of tokens Terms counts: the keyness total
	// with Options.TermTotals.
	TermWords int
	// All are the counts of every word, for collocate frequencies.
	All analysis.TermCounts
	// Slices and SlicePresence feed Zeta: the document's slices and, per
	// term, how many of them contain it.
	Slices        int
	SlicePresence analysis.TermCounts
	// Targets, in the order of the target names given to Collocates.
	Targets []Target
	// NoKeyness leaves the document out of every keyness comparison: it
	// has no scope of its own and is in no group, rest or corpus compared
	// (its Terms are not comparable with the others', as the content
	// words of a text the tagger cannot tag). Its targets, collocates and
	// lexicon rates still count.
	NoKeyness bool
}

// Target is what one document says around one target term.
type Target struct {
	Count        int
	Collocates   analysis.TermCounts
	WindowTokens int
}

// Scope is one comparison: Target against Reference. Kind is "document" or
// the grouping column; Reference is "rest" or, for pairs, the other value.
type Scope struct {
	Kind      string
	Target    string
	Reference string
	in, out   []int // document indices; out only for a pair of values
	// all is in ∪ the reference when the reference is "the rest", which is
	// pooled as all − in, once per kind rather than once per scope (and
	// never listed: n document scopes would hold n² indices).
	all []int
}

// Scopes lists the comparisons: each document against the rest; each
// non-empty value of each column in groupBy against every document with
// another value; with pairs, every ordered pair of values of each column.
// Values are in code-point order. A column with fewer than two values gives
// no comparison (there is nothing to contrast). Documents with NoKeyness
// are in none.
func Scopes(docs []Doc, groupBy []string, pairs bool) []Scope {
	var out []Scope
	if all := keynessDocs(docs); len(all) > 1 {
		for _, i := range all {
			out = append(out, Scope{Kind: "document", Target: docs[i].ID, Reference: "rest", in: []int{i}, all: all})
		}
	}
	for _, col := range groupBy {
		values, members := keynessMembers(docs, col)
		if len(values) < 2 {
			continue
		}
		var all []int
		for _, v := range values {
			all = append(all, members[v]...)
		}
		slices.Sort(all)
		for _, v := range values {
			out = append(out, Scope{Kind: col, Target: v, Reference: "rest", in: members[v], all: all})
		}
		if pairs && len(values) > 2 {
			for _, v := range values {
				for _, w := range values {
					if v != w {
						out = append(out, Scope{Kind: col, Target: v, Reference: w, in: members[v], out: members[w]})
					}
				}
			}
		}
	}
	return out
}

// groupMembers returns the non-empty values of column col in code-point
// order and, for each, the indices of its documents in input order.
func groupMembers(docs []Doc, col string) ([]string, map[string][]int) {
	members := map[string][]int{}
	for i, d := range docs {
		if v := d.Meta[col]; v != "" {
			members[v] = append(members[v], i)
		}
	}
	values := make([]string, 0, len(members))
	for v := range members {
		values = append(values, v)
	}
	slices.Sort(values)
	return values, members
}

// keynessDocs are the indices of the documents keyness compares: those
// without NoKeyness.
func keynessDocs(docs []Doc) []int {
	all := make([]int, 0, len(docs))
	for i, d := range docs {
		if !d.NoKeyness {
			all = append(all, i)
		}
	}
	return all
}

// keynessMembers is groupMembers of the documents keyness compares.
func keynessMembers(docs []Doc, col string) ([]string, map[string][]int) {
	members := map[string][]int{}
	for i, d := range docs {
		if v := d.Meta[col]; v != "" && !d.NoKeyness {
			members[v] = append(members[v], i)
		}
	}
	return slices.Sorted(maps.Keys(members)), members
}

// Members returns the indices of the documents on the target side.
func (s Scope) Members() []int { return s.in }

// Options configure Keyness. The zero value keeps every term and uses
// keyness's defaults (informative prior, no correction).
type Options struct {
	Keyness  keyness.Options
	MinCount int             // minimum count of a term over the two sides
	Stop     map[string]bool // terms left out
	// Present keeps only the rows of terms that occur in the target or
	// whose adjusted p is below 0.05 (significantly avoided): a long
	// corpus's thousands of absent, unremarkable terms per document are left
	// out. Measures and adjusted p are computed over all terms first.
	Present bool
	// DocRows caps the rows of each document's comparison with the rest:
	// the DocRows/2 highest and DocRows/2 lowest log-odds z (0: no cap).
	// Group comparisons are never capped.
	DocRows int
	// Run, if set, runs the scopes' comparisons (see analysis.Runner).
	Run analysis.Runner
	// Progress, if set, is told of the scopes compared, and stops the
	// comparisons when it says so: the results are then incomplete, to be
	// discarded (analysis.Progress).
	Progress analysis.Progress
	// TermTotals makes keyness divide by the tokens the compared terms
	// count (Doc.TermWords: the sub-corpus of content words, as quanteda's
	// textstat_keyness on a dfm with the other words removed) instead of
	// by all words (Doc.Words: corpus sizes, as in Rayson and Garside's
	// log-likelihood). The two are the same when Terms are all words.
	TermTotals bool
}

// total is d's keyness total under o.
func (o Options) total(d Doc) int {
	if o.TermTotals {
		return d.TermWords
	}
	return d.Words
}

// KeynessResult is one scope's rows, in keyness.Compare's order.
type KeynessResult struct {
	Scope Scope
	Rows  []keyness.Row
}

// Keyness compares every scope, returning rows for every term that occurs
// at least opt.MinCount times over the scope's two sides. With opt.Run the
// scopes are compared at once; the result is the same.
func Keyness(docs []Doc, scopes []Scope, opt Options) []KeynessResult {
	// Each "rest" pools its documents once (per grouping column, not
	// per scope), before the scopes run.
	var rests []*rest
	restOf := make([]*rest, len(scopes))
	for k, s := range scopes {
		if s.all == nil {
			continue
		}
		if n := len(rests); n == 0 || !sameSlice(rests[n-1].key, s.all) {
			rests = append(rests, newRest(pool(docs, s.all, opt), s.all, opt))
		}
		restOf[k] = rests[len(rests)-1]
	}
	out := make([]KeynessResult, len(scopes))
	batches := batchScopes(docs, scopes, restOf, opt)
	c := newCounter(opt.Progress, len(scopes))
	task := func(b int) {
		ks := batches[b]
		if c.stopped() {
			return
		}
		defer c.add(len(ks))
		if len(ks) == 1 {
			k := ks[0]
			s := scopes[k]
			out[k] = KeynessResult{Scope: s, Rows: capRows(s, compare(docs, s, restOf[k], opt), opt.DocRows)}
			return
		}
		// Documents against one rest, all of one size.
		parts := make([]keyness.Part, len(ks))
		r := restOf[ks[0]]
		for j, k := range ks {
			parts[j] = r.docPart(docs[scopes[k].in[0]], opt)
		}
		rows := r.corpus.CompareRestTops(parts, opt.Keyness, 0.05, opt.DocRows)
		for j, k := range ks {
			out[k] = KeynessResult{Scope: scopes[k], Rows: capRows(scopes[k], rows[j], opt.DocRows)}
		}
	}
	if opt.Run == nil {
		for b := range batches {
			task(b)
		}
	} else {
		opt.Run(len(batches), task)
	}
	return out
}

// counter counts the scopes compared for a Progress, from the tasks of a
// Runner at once; once p has said stop it is not asked again.
type counter struct {
	p     analysis.Progress
	total int
	done  atomic.Int64
	halt  atomic.Bool
}

func newCounter(p analysis.Progress, total int) *counter {
	return &counter{p: p, total: total}
}

// tell tells p that done scopes are compared and reports whether to stop.
func (c *counter) tell(done int64) bool {
	if !c.halt.Load() && c.p != nil && !c.p(int(done), c.total) {
		c.halt.Store(true)
	}
	return c.halt.Load()
}

// stopped asks p whether to stop, with the scopes done so far.
func (c *counter) stopped() bool { return c.tell(c.done.Load()) }

// add counts n more scopes done and tells p.
func (c *counter) add(n int) { c.tell(c.done.Add(int64(n))) }

// batchDocs is the most document scopes one batch of batchScopes holds:
// enough to share most of the work, few enough to spread it over workers.
const batchDocs = 32

// batchScopes lists the scopes (indices) in batches, in the order of their
// first scope: each document against the rest in a batch of at most
// batchDocs documents with as many words against the same rest, which
// share the p-values of the terms they lack (see
// keyness.Corpus.CompareRestTops); every other scope alone.
func batchScopes(docs []Doc, scopes []Scope, restOf []*rest, opt Options) [][]int {
	type size struct {
		r     *rest
		words int
	}
	batchOf := make([]int, len(scopes))
	var n []int            // scopes per batch
	open := map[size]int{} // the batch being filled for each size
	for k, s := range scopes {
		if opt.Present && restOf[k] != nil && s.Kind == "document" && len(s.in) == 1 {
			key := size{restOf[k], opt.total(docs[s.in[0]])}
			if b, ok := open[key]; ok && n[b] < batchDocs {
				batchOf[k] = b
				n[b]++
				continue
			}
			open[key] = len(n)
		}
		batchOf[k] = len(n)
		n = append(n, 1)
	}
	all := make([]int, len(scopes))
	batches := make([][]int, len(n))
	at := 0
	for b, m := range n {
		batches[b] = all[at : at : at+m]
		at += m
	}
	for k, b := range batchOf {
		batches[b] = append(batches[b], k)
	}
	return batches
}

// rest is the documents of one "rest" reference (key), pooled, and its
// terms for keyness.Corpus.CompareRest, with the index there of each term
// by id (1 + the index; 0 for a term it lacks).
type rest struct {
	key    []int
	pool   pooled
	corpus *keyness.Corpus
	at     []int32
}

// newRest is the rest of the documents key, pooled as p: p's terms that a
// comparison reports (count at least opt.MinCount, not a stopword).
func newRest(p pooled, key []int, opt Options) *rest {
	names := analysis.TermNames()
	size := 0
	for id := range p.terms {
		size = max(size, int(id)+1)
	}
	r := &rest{key: key, pool: p, at: make([]int32, size)}
	var terms []string
	var count, presence []float64
	for id, n := range p.terms {
		if n < opt.MinCount || opt.Stop[names[id]] {
			continue
		}
		terms = append(terms, names[id])
		count = append(count, float64(n))
		presence = append(presence, float64(p.presence[id]))
		r.at[id] = int32(len(terms))
	}
	r.corpus = keyness.NewCorpus(terms, count, presence, float64(p.words), p.slices)
	return r
}

// indices yields the terms of counts that r's corpus holds, by their index
// there.
func (r *rest) indices(counts iter.Seq2[analysis.TermID, int]) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for id, n := range counts {
			if int(id) < len(r.at) {
				if k := r.at[id]; k > 0 && !yield(int(k-1), n) {
					return
				}
			}
		}
	}
}

// docPart is a document as a part of r's corpus, read from its own
// counts.
func (r *rest) docPart(d Doc, opt Options) keyness.Part {
	return keyness.Part{Indices: r.indices(d.Terms.IDs()), PresenceIndices: r.indices(d.SlicePresence.IDs()),
		Words: float64(opt.total(d)), Slices: d.Slices}
}

// compare is one scope's rows; r is its rest (nil for a pair of values).
func compare(docs []Doc, s Scope, r *rest, opt Options) []keyness.Row {
	if r != nil && opt.Present {
		// Against the rest of the corpus, keeping only the terms the
		// target uses and the ones it significantly avoids: the cost
		// follows the target's vocabulary, not the corpus's. A document
		// is read from its own counts, unpooled.
		limit := 0
		if s.Kind == "document" {
			limit = opt.DocRows
		}
		if len(s.in) == 1 {
			return r.corpus.CompareRestTop(r.docPart(docs[s.in[0]], opt), opt.Keyness, 0.05, limit)
		}
		t := pool(docs, s.in, opt)
		part := keyness.Part{Indices: r.indices(maps.All(t.terms)), PresenceIndices: r.indices(maps.All(t.presence)),
			Words: float64(t.words), Slices: t.slices}
		return r.corpus.CompareRestTop(part, opt.Keyness, 0.05, limit)
	}
	t := pool(docs, s.in, opt)
	var ref pooled
	if r != nil {
		ref = r.pool.minus(t)
	} else {
		ref = pool(docs, s.out, opt)
	}
	return comparePooled(t, ref, true, opt)
}

// comparePooled compares t with ref over every term of the two counted at
// least opt.MinCount times on the two sides together and not in opt.Stop,
// with their slices for Zeta (else Zeta is NaN), keeping with opt.Present
// only the rows present returns.
func comparePooled(t, ref pooled, slices bool, opt Options) []keyness.Row {
	var c keyness.Counts
	c.TargetTotal, c.ReferenceTotal = float64(t.words), float64(ref.words)
	if slices {
		c.NTargetSlices, c.NReferenceSlices = t.slices, ref.slices
	}
	names := analysis.TermNames()
	for _, id := range unionKeys(t.terms, ref.terms, names) {
		a, b := t.terms[id], ref.terms[id]
		if a+b < opt.MinCount || opt.Stop[names[id]] {
			continue
		}
		c.Terms = append(c.Terms, names[id])
		c.Target = append(c.Target, float64(a))
		c.Reference = append(c.Reference, float64(b))
		if slices {
			c.TargetSlices = append(c.TargetSlices, float64(t.presence[id]))
			c.ReferenceSlices = append(c.ReferenceSlices, float64(ref.presence[id]))
		}
	}
	rows := keyness.Compare(c, opt.Keyness)
	if opt.Present {
		rows = present(rows)
	}
	return rows
}

// present keeps the rows of terms the target uses or significantly avoids
// (Options.Present), in a new slice so that the full one can be freed.
func present(rows []keyness.Row) []keyness.Row {
	var kept []keyness.Row
	for _, r := range rows {
		if r.NTarget > 0 || r.PAdj < 0.05 {
			kept = append(kept, r)
		}
	}
	return kept
}

// capRows keeps, for a document scope with more than limit rows, the
// limit/2 first (highest log-odds z) and limit/2 last (lowest) rows, in a new slice
// so that the rest can be freed.
func capRows(s Scope, rows []keyness.Row, limit int) []keyness.Row {
	if s.Kind != "document" {
		return rows
	}
	return keyness.Cap(rows, limit)
}

// sameSlice reports whether a and b hold the same indices: at once when
// they are one slice (the document scopes share theirs), else by content.
func sameSlice(a, b []int) bool {
	if len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] {
		return true
	}
	return slices.Equal(a, b)
}

// pooled is documents' counts summed, by term id.
type pooled struct {
	words, slices int
	terms         map[analysis.TermID]int
	presence      map[analysis.TermID]int
}

// pool sums the documents idx of docs, their keyness totals under opt.
func pool(docs []Doc, idx []int, opt Options) pooled {
	p := pooled{terms: map[analysis.TermID]int{}, presence: map[analysis.TermID]int{}}
	for _, i := range idx {
		d := docs[i]
		p.words += opt.total(d)
		p.slices += d.Slices
		for id, n := range d.Terms.IDs() {
			p.terms[id] += n
		}
		for id, n := range d.SlicePresence.IDs() {
			p.presence[id] += n
		}
	}
	return p
}

// minus returns p with q's counts taken away (q pooled from a subset of
// p's documents); terms left at zero are dropped.
func (p pooled) minus(q pooled) pooled {
	r := pooled{words: p.words - q.words, slices: p.slices - q.slices,
		terms: make(map[analysis.TermID]int, len(p.terms)), presence: make(map[analysis.TermID]int, len(p.presence))}
	for id, n := range p.terms {
		if n -= q.terms[id]; n > 0 {
			r.terms[id] = n
		}
	}
	for id, n := range p.presence {
		if n -= q.presence[id]; n > 0 {
			r.presence[id] = n
		}
	}
	return r
}

// unionKeys is the ids of a and b, in the byte order of their terms
// (names, by id).
func unionKeys(a, b map[analysis.TermID]int, names []string) []analysis.TermID {
	keys := make([]analysis.TermID, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y analysis.TermID) int { return strings.Compare(names[x], names[y]) })
	return keys
}
