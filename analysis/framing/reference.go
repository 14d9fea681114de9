package framing

import "github.com/stylometer/stylometer/analysis"

// Reference is a background corpus that keyness compares with instead of
// the rest of the corpus: a folder of texts profiled as the corpus is, or
// a frequency list. Terms are its counts, Words its total word tokens
// (the denominator, as a document's Words).
type Reference struct {
	Name  string // how the report names it: the folder or the list
	Terms map[string]int
	Words int
}

// AgainstReference is the Reference of a scope compared with a background
// corpus.
const AgainstReference = "reference"

// MaxReferenceDocs is the most documents compared one by one with a
// reference: each comparison reads the whole reference vocabulary, so past
// it only the groups and the corpus are.
const MaxReferenceDocs = 100

// ReferenceScopes lists what is compared with a reference: each document
// (up to MaxReferenceDocs documents), each value of each grouping column
// (code-point order) and the corpus as a whole. Documents with NoKeyness
// are in none.
func ReferenceScopes(docs []Doc, groupBy []string) []Scope {
	var out []Scope
	all := keynessDocs(docs)
	if len(docs) <= MaxReferenceDocs {
		for _, i := range all {
			out = append(out, Scope{Kind: "document", Target: docs[i].ID, Reference: AgainstReference, in: []int{i}})
		}
	}
	for _, col := range groupBy {
		values, members := keynessMembers(docs, col)
		for _, v := range values {
			out = append(out, Scope{Kind: col, Target: v, Reference: AgainstReference, in: members[v]})
		}
	}
	if len(all) == 0 {
		return out
	}
	return append(out, Scope{Kind: "corpus", Target: "corpus", Reference: AgainstReference, in: all})
}

// KeynessAgainst compares each scope's documents with ref: the same
// statistics as Keyness (Zeta is NaN: a reference has no slices), over
// every term of the scope and the reference counted at least
// opt.MinCount times on the two sides together, with opt.Present and
// opt.DocRows as in Keyness.
func KeynessAgainst(docs []Doc, scopes []Scope, ref *Reference, opt Options) []KeynessResult {
	out := make([]KeynessResult, len(scopes))
	// The reference's terms by id: interned, if the documents lack them.
	refPool := pooled{words: ref.Words, terms: map[analysis.TermID]int{}}
	for id, n := range analysis.NewTermCounts(ref.Terms).IDs() {
		refPool.terms[id] = n
	}
	c := newCounter(opt.Progress, len(scopes))
	task := func(k int) {
		if c.stopped() {
			return
		}
		defer c.add(1)
		s := scopes[k]
		rows := comparePooled(pool(docs, s.in, opt), refPool, false, opt)
		out[k] = KeynessResult{Scope: s, Rows: capRows(s, rows, opt.DocRows)}
	}
	if opt.Run == nil {
		for k := range scopes {
			task(k)
		}
	} else {
		opt.Run(len(scopes), task)
	}
	return out
}

// Against reports whether s compares its documents with everything else:
// the rest of the corpus, or a reference.
func (s Scope) Against() bool { return s.Reference == "rest" || s.Reference == AgainstReference }
