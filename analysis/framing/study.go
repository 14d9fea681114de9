package framing

import "github.com/stylometer/stylometer/analysis"

// StudyOptions configure Study. The zero value compares each document
// with the rest, with no targets and no lexicon.
type StudyOptions struct {
	GroupBy []string // metadata columns whose values are compared with the rest
	Pairs   bool     // also every ordered pair of values of each column
	Targets []string // target names, in the order of Doc.Targets
	Lexicon *Lexicon // nil: no lexicon rates
	Keyness Options
	// MinCooc is the least co-occurrence count a collocate needs; 0 means 2.
	MinCooc int
	// Reference, when set, is what keyness compares with instead of the
	// rest of the corpus (ReferenceScopes, KeynessAgainst); Pairs still
	// compares values with each other.
	Reference *Reference
	// Monitor is told of the steps "keyness" (counting the scopes
	// compared) and "collocates", and stops Study when it says so: the
	// Result is then incomplete, to be discarded (analysis.Monitor; nil:
	// never stops).
	Monitor analysis.Monitor
}

// Result is the framing of a corpus: keyness per scope, collocates and
// rates per target and unit, lexicon rates per category and unit.
type Result struct {
	Targets    []string
	Keyness    []KeynessResult
	Collocates []Collocate
	Rates      []Rate
	Lexicon    []LexiconRate // nil without a lexicon
}

// Study runs every framing comparison of docs: Keyness over Scopes,
// Collocates and Rates over Units, and LexiconRates.
func Study(docs []Doc, o StudyOptions) *Result {
	r := &Result{Targets: o.Targets}
	tr := o.Monitor.Begin("keyness")
	tr.Count("", "comparisons", 0)
	o.Keyness.Progress = tr.Progress()
	if o.Reference != nil {
		r.Keyness = KeynessAgainst(docs, ReferenceScopes(docs, o.GroupBy), o.Reference, o.Keyness)
		if o.Pairs {
			var pairs []Scope
			for _, s := range Scopes(docs, o.GroupBy, true) {
				if !s.Against() {
					pairs = append(pairs, s)
				}
			}
			r.Keyness = append(r.Keyness, Keyness(docs, pairs, o.Keyness)...)
		}
	} else {
		r.Keyness = Keyness(docs, Scopes(docs, o.GroupBy, o.Pairs), o.Keyness)
	}
	if tr.Stopped() {
		return r
	}
	tr = o.Monitor.Begin("collocates")
	units := Units(docs, o.GroupBy)
	minCooc := o.MinCooc
	if minCooc == 0 {
		minCooc = 2
	}
	r.Collocates = Collocates(docs, o.Targets, units, minCooc)
	if tr.Stopped() {
		return r
	}
	r.Rates = Rates(docs, o.Targets, units)
	if o.Lexicon != nil && !tr.Stopped() {
		r.Lexicon = LexiconRates(docs, o.Lexicon, units)
	}
	return r
}
