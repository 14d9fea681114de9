package pipeline

import (
	"math"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
)

// LargeCorpus is the number of documents past which the default run keeps
// its outputs linear in the corpus: the n² distance tables are not
// written (knn.csv is).
const LargeCorpus = 500

// KeynessCapDocs is the number of documents past which each document's
// keyness keeps KeynessDocRows rows (Options.KeynessAll keeps every row):
// a list of every term each of 233 long documents uses is 200 MB.
const KeynessCapDocs = 100

// KeynessDocRows is how many rows each document's keyness keeps past
// KeynessCapDocs documents: the 50 most distinctive and the 50 most
// avoided terms.
const KeynessDocRows = 100

// KeynessFewerDocs is the number of documents past which each document's
// keyness keeps KeynessDocRowsLarge rows, the 10 most distinctive and the
// 10 most avoided terms: 100 rows for each of 100,000 documents would be
// a keyness.csv of 3 GB.
const (
	KeynessFewerDocs    = 10_000
	KeynessDocRowsLarge = 20
)

// TermRowsDocs is the number of documents past which terms.csv keeps each
// document's TermRows most frequent terms (Options.AllTerms keeps every
// term): every term of 10,000 documents of 1,000 words is 280 MB, of the
// 233 State of the Union addresses 25 MB.
const (
	TermRowsDocs = KeynessCapDocs
	TermRows     = 100
)

// DefaultMaxMatrix is the most texts for which the default run computes
// text × text matrices: 2,000 texts make 12 matrices of 32 MB each.
const DefaultMaxMatrix = 2000

// DefaultFolds and DefaultKNN are the run's k-fold cross-validation (as
// stylo's classify(cv.folds = 10)) and k-nearest vote.
const (
	DefaultFolds = 10
	DefaultKNN   = 3
)

// DefaultRollingStep is the words between the starts of rolling windows
// of size words when no step is given: a tenth of the window, rounded (half
// away from zero), at least 1; stylo's rolling.classify() defaults to
// windows of 5,000 words overlapping by 4,500, a step of 500.
func DefaultRollingStep(size int) int {
	return max(1, int(math.Round(float64(size)/10)))
}

// The framing defaults, shared by Options and DefaultConfig.
const (
	defaultWindow   = 5
	defaultContext  = 8
	defaultMinCount = 3
	defaultSlice    = 500
)

// Options configure a run: what each document's profile counts and what
// the analysis computes. The zero value is the documented default run;
// Config.Options builds Options from a configuration file and flags.
type Options struct {
	// Workers is the number of documents processed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Text holds the canonicalisation rules; the zero value removes
	// nothing and folds case.
	Text TextConfig
	// Features are the feature types of the distances; nil means word:1.
	Features []Feature
	// MFW are the most-frequent-feature counts of the grid, the first the
	// default setting; nil means {100}.
	MFW []int
	// Culling are the culling levels of the grid (per cent of texts a
	// feature must occur in); nil means {0}.
	Culling []float64
	// Measures are the distance measures, the first driving the tree and
	// the maps; nil means analysis.Measures() with Delta driving them, and
	// Delta alone past MaxMatrix texts, where each measure costs a pass
	// over every pair of texts for the nearest neighbours.
	Measures []analysis.Measure
	// Linkage is the clustering method; "" means ward.D2.
	Linkage analysis.Linkage
	// AllDistances computes every measure at every setting of the grid;
	// by default every measure at the default setting and the view
	// measure over the grid (for the consensus and the network).
	AllDistances bool
	// MaxMatrix is the most texts for which text × text matrices are
	// computed; above it each text's nearest neighbours are computed
	// without them, and the tree and the maps show a sample (see
	// stylometry.Options.MaxMatrix); 0 means 2,000.
	MaxMatrix int
	// Folds is k for the stratified k-fold cross-validation of the
	// attribution, beside leave-one-out, up to MaxMatrix texts (0 or 1:
	// leave-one-out only); the CLI's default is DefaultFolds.
	Folds int
	// KNN is k for the vote of the k nearest texts among the classifiers
	// evaluated (0 or 1: none); the CLI's default is DefaultKNN.
	KNN int
	// Classifiers are the classifiers evaluated beside the nearest text
	// (stylometry.Classifiers); nil: all of them.
	Classifiers []string
	// SampleSize cuts documents into samples of this many words for the
	// stylometry (0: whole documents); SampleOverlap words are shared by
	// consecutive samples.
	SampleSize, SampleOverlap int
	// Rolling, when positive, slides windows of this many words through
	// every labelled document, RollingStep words apart (0: Rolling/10
	// rounded, at least 1), and attributes each window against the other
	// labelled documents (stylometry.Roll, as stylo's rolling.classify());
	// it needs Label. 0: off.
	Rolling, RollingStep int
	// GroupBy are the metadata columns whose values are compared with the
	// rest; the first colours the charts.
	GroupBy []string
	// Label is the metadata column texts are attributed to; "": none.
	Label string
	// Imposters is the rounds of the General Imposters verification of
	// every text against every label (0: not run; see
	// stylometry.Options.Imposters).
	Imposters int
	// Time is the metadata column with each document's year or date (see
	// framing.Year); "": no time outputs. TimeBin is the bin width in
	// years, 0 chosen (framing.TimeBin).
	Time    string
	TimeBin int
	// Targets are the framing targets.
	Targets []TargetSpec
	// Reference is the background corpus keyness compares with instead of
	// the rest of the corpus (LoadReference reads one); nil: none.
	Reference *framing.Reference
	// Lexicon holds category word lists; nil: none.
	Lexicon *framing.Lexicon
	// Stopwords names the list left out of keyness: "" or "none", or
	// "english".
	Stopwords string
	// Prior is the log-odds prior; the zero value is the informative
	// (corpus) prior.
	Prior keyness.Prior
	// Window is the collocate window in words each side (0: 5); Context
	// the keyword-in-context width (0: 8); MinCount a term's least count
	// for keyness (0: 3); Slice Zeta's slice length in words (0: 500).
	Window, Context, MinCount, Slice int
	// Pairs also compares every ordered pair of values of each column;
	// AllWords runs keyness over all words, not content words only;
	// KeynessAll keeps every term of every scope in the keyness rows.
	Pairs, AllWords, KeynessAll bool
	// TermTotals makes keyness divide by the content words (the tokens of
	// the terms compared: a sub-corpus) instead of all words; the same with
	// AllWords. See framing.Options.TermTotals.
	TermTotals bool
	// AllTerms keeps every term of every document in terms.csv, however
	// large the corpus (see TermRowsDocs).
	AllTerms bool
	// Language is the language of every document, an ISO 639 code ("en"
	// analyses them all as English), or "" or LanguageAuto: detect each
	// document's (see LanguageOf). A document not in English keeps its
	// counts and every measure that does not depend on the language, but
	// has no part-of-speech tags (pos.csv), lexical density, readability
	// (but LIX), content words for keyness (unless AllWords) nor place in
	// a stylometry over pos or fw features. Detecting takes a document's
	// profile; a code skips it.
	Language string
	// Progress, when set, is called after each document with the number
	// done and the total, from the workers: it must be safe for
	// concurrent use.
	Progress func(done, total int)
	// AnalysisProgress, when set, is told how far Analyse has got (see
	// AnalysisStep): as each step begins, as the units of the long ones
	// finish, and between them. It is called from the analysis's workers
	// and often (every row of a matrix, every fold): it must be safe for
	// concurrent use, and quick.
	AnalysisProgress func(AnalysisStep)
	// Cache, when set, keeps each document's profile on disk (see Cache):
	// a run that changes only analysis settings does not tag again.
	Cache *Cache
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if len(o.Features) == 0 {
		o.Features = []Feature{{Kind: "word", N: 1}}
	}
	if len(o.MFW) == 0 {
		o.MFW = []int{100}
	}
	if len(o.Culling) == 0 {
		o.Culling = []float64{0}
	}
	if o.Linkage == "" {
		o.Linkage = analysis.WardD2
	}
	if o.MaxMatrix <= 0 {
		o.MaxMatrix = DefaultMaxMatrix
	}
	switch {
	case o.Rolling <= 0:
		o.Rolling, o.RollingStep = 0, 0
	case o.RollingStep <= 0:
		o.RollingStep = DefaultRollingStep(o.Rolling)
	}
	for _, d := range []struct {
		v   *int
		def int
	}{{&o.Window, defaultWindow}, {&o.Context, defaultContext}, {&o.MinCount, defaultMinCount}, {&o.Slice, defaultSlice}} {
		if *d.v <= 0 {
			*d.v = d.def
		}
	}
	return o
}
