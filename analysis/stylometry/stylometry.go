package stylometry

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
)

// Text is one row of the stylometric tables: a document or a sample of
// one (stylo's "<id>#k").
type Text struct {
	ID   string
	Name string // how warnings name it: the document's file
	Doc  int    // the document it comes from (samples of one document share it)
	// Counts and Totals hold, per feature name ("word:1", "char:3" ...),
	// the text's counts and the denominator of its relative frequencies.
	Counts map[string]analysis.TermCounts
	Totals map[string]float64
	Label  string // its value of the attribution label; "" is unlabelled
	Group  string // its value of the colouring column; "" is none
}

// Options configure Analyse. Every field must be set (see pipeline.Options
// for the defaults a run uses).
type Options struct {
	Features []string           // feature names, keys of Text.Counts
	MFW      []int              // most-frequent-feature counts, the first the default
	Culling  []float64          // percent of texts a feature must occur in
	Measures []analysis.Measure // the first drives the views
	Linkage  analysis.Linkage
	Label    bool // attribute texts by Text.Label
	Sampled  bool // texts are samples: report how often samples of one document cluster together
	// AllDistances computes every measure at every setting of the grid.
	// Without it every measure is computed at the default (first) setting
	// and only the view measure, which the consensus and the network need,
	// at the others: the grid then costs one measure, not twelve.
	AllDistances bool
	// MaxMatrix is the most texts for which n × n matrices are computed
	// (0: no limit). Above it every measure gives each text's Neighbours
	// at the default setting, computed without the matrix; attribution
	// and the network use them; the tree, the maps and the consensus are
	// computed for a seeded sample of MaxMatrix texts.
	MaxMatrix int
	// K is how many nearest neighbours each text keeps per measure; 0: 10.
	K int
	// Folds, when 2 or more, adds stratified k-fold cross-validation over
	// documents (analysis.StratifiedFolds) to the leave-one-out
	// evaluation, at the default setting, up to MaxMatrix texts.
	Folds int
	// KNN, when 2 or more, adds the vote of the KNN nearest texts
	// (analysis.AttributeKNN) to the classifiers evaluated at the default
	// setting, up to MaxMatrix texts.
	KNN int
	// Classifiers are the classifiers evaluated beside the nearest text
	// (always evaluated: attribution.csv is its): any of "knn", "centroid",
	// "nsc" and "svm" (Classifiers); nil evaluates them all, an empty
	// non-nil slice none.
	Classifiers []string
	// Imposters, when positive, verifies every text against every label
	// by the General Imposters method with this many rounds
	// (analysis.ImpostersScore), up to MaxMatrix texts.
	Imposters int
	// Run spreads the nearest-neighbour work over cores (see
	// analysis.Runner); nil computes it in order. Results never depend on it.
	Run analysis.Runner
	// Monitor is told of Analyse's steps and stops it when it says so
	// (analysis.Monitor; nil: never stops): "distances" counts the
	// matrices, or past MaxMatrix each measure's k-NN tiles; "attribution"
	// the evaluations (rows of Grid but the SVM's); "svm" the folds of each
	// validation; "imposters" the texts; "views" the trees. Stopped,
	// Analyse returns at once an incomplete Result, to be discarded.
	Monitor analysis.Monitor
}

// Setting is one point of the grid for one feature type.
type Setting struct {
	Feature string
	MFW     int // features actually used (at most the number asked)
	Culling float64
}

// DistanceSet is the distances at one setting: every measure at the
// default setting (and everywhere with Options.AllDistances), the view
// measure only at the others.
type DistanceSet struct {
	Setting
	ByMeasure map[analysis.Measure]*mat.SymDense
}

// Result holds the who-writes-like-whom results.
type Result struct {
	IDs      []string
	Groups   []string // each text's Text.Group
	Measures []analysis.Measure
	View     analysis.Measure // the measure behind the tree and the maps
	Linkage  analysis.Linkage
	Sets     []DistanceSet // in grid order; Sets[0] is the default setting
	Table    *analysis.Table
	Freq     *mat.Dense // per cent, default setting
	Z        *mat.Dense
	// PCA of Z over every text.
	PCAScores, PCALoadings *mat.Dense
	PCAVariance            []float64
	// The views (tree, MDS, consensus, network) place the texts Placed,
	// indices into IDs, with ids PlacedIDs: those whose view-measure
	// distances are defined at every setting. ViewD is their distance
	// matrix at the default setting; Merges and Order index into it.
	Placed    []int
	PlacedIDs []string
	ViewD     mat.Symmetric
	Merges    []analysis.Merge
	Order     []int
	MDS       *mat.Dense
	MDSEigen  []float64
	K         int           // clusters each tree of the consensus is cut into
	Consensus *mat.SymDense // share of the grid's trees putting each pair together
	Network   []analysis.Edge
	// NetworkOver are the texts (indices into IDs) that Network's edges
	// index: the placed texts, or every text above MaxMatrix.
	NetworkOver []int
	// Neighbours holds, per measure at the default setting, each text's K
	// nearest other texts (indices into IDs), closest first.
	Neighbours map[analysis.Measure][][]analysis.Neighbour
	// Large is set above MaxMatrix: no n × n matrix exists; Sets hold
	// the view measure among the Sample texts (indices into IDs) only.
	Large  bool
	Sample []int
	// Attribution by measure, leave-one-out at the default setting; nil
	// without a label.
	Attribution map[analysis.Measure][]analysis.Attribution
	// Grid is the attribution at every setting and measure that has
	// distances (every measure at the default setting, the view measure at
	// the others, every one with AllDistances; past MaxMatrix the default
	// setting only), in grid order, by the nearest text and leave-one-out;
	// then, at the default setting, the other classifiers and validations
	// (see Options.Folds and Options.KNN; Burrows's Delta to class
	// centroids and nearest shrunken centroids always, the linear SVM up
	// to MaxMatrix texts, by leave-one-out up to SVMLeaveOneOut; the
	// attributions to centroids keep their first centroidCandidates
	// candidates); nil without a label.
	Grid []GridAttribution
	// Evidence explains each attributable text's Delta attribution at the
	// default setting (Attribution[analysis.Delta], when Delta is among
	// the measures): the features that pull it towards its nearest text's
	// label and away from the runner-up's, and those that pull the other
	// way (analysis.Explain, EvidenceTop of each).
	Evidence []Evidence
	// Verification holds the General Imposters scores (Options.Imposters)
	// and Calibration the verdicts' band calibrated on the labelled texts;
	// ImpostersRounds is the rounds each score took.
	Verification    []Verification
	Calibration     *analysis.Calibration
	ImpostersRounds int
	Labels          []string
	// SameDoc is the share of pairs of samples of one document that the
	// default tree, cut into as many clusters as there are documents,
	// puts together; NaN without samples.
	SameDoc float64
	// Quality scores each tree's cut against the known classes (the label,
	// or else the colouring column): the view measure at every setting and,
	// up to 500 placed texts, every other measure at the default setting;
	// nil without classes.
	Quality  []Quality
	Warnings []string
}

// GridAttribution is the attribution at one setting under one measure by
// one classifier and validation.
type GridAttribution struct {
	Setting
	Measure analysis.Measure
	// Classifier is "nearest" (the nearest text's label, analysis.Attribute),
	// "knn" (a vote of the Options.KNN nearest, analysis.AttributeKNN),
	// "centroid" (Delta to each label's mean z-scores,
	// analysis.AttributeCentroids; Measure is delta), "nsc" (nearest
	// shrunken centroids of the relative frequencies, analysis.AttributeNSC
	// at stylo's threshold 1) or "svm" (linear SVMs one against one on the
	// z-scores, analysis.AttributeSVM with stylo's cost 1). nsc and svm
	// measure no distance: their Measure is "".
	Classifier string
	// Validation is "leave-one-out" (a document and its samples held out
	// in turn) or "k-fold" with k = Folds (analysis.StratifiedFolds).
	Validation   string
	Folds        int
	Attributions []analysis.Attribution
}

// Evidence is why a text was attributed as it was: Pull (towards the
// predicted label, analysis.Explain) and Push (towards the runner-up),
// the features' contributions to the Delta distances from the text to
// the nearest text of each, Candidate and Runner (indices into IDs).
type Evidence struct {
	Item, Candidate, Runner int
	Predicted, RunnerUp     string
	Pull, Push              []analysis.Contribution
}

// EvidenceTop is the most features Evidence keeps each way.
const EvidenceTop = 5

// foldSeed seeds the stratified folds.
const foldSeed = 1

// svmCost is the SVM's C: stylo's perform.svm cost = 1.
const svmCost = 1

// SVMLeaveOneOut is the most texts for which the linear SVM is evaluated
// by leave-one-out: it trains K − 1 machines per document, each an SMO
// whose steps grow faster than the texts where labels overlap (300 texts
// in 5 labels, two of them alike, take about a second, 500 take tens).
// k-fold trains every pair of labels k times, and runs up to MaxMatrix.
const SVMLeaveOneOut = 300

// centroidCandidates is how many candidates each attribution to centroids
// in Grid keeps (Delta to centroids, nearest shrunken centroids): the
// prediction and the runner-up (its Margin). These attributions are only
// scored, and every text's list of every label would be among the largest
// parts of the result at scale (at 100,000 texts and 50 labels, 160 MB
// each).
const centroidCandidates = 2

// Quality is how well one tree, cut into as many clusters as there are
// classes, recovers them: the adjusted Rand index (1: exactly, 0: chance)
// and purity.
type Quality struct {
	Setting
	Measure     analysis.Measure
	Texts, K    int // the placed texts with a class, and the clusters
	ARI, Purity float64
}

// qualityTexts is the most placed texts for which Quality scores every
// measure's tree, not only the view measure's.
const qualityTexts = 500

// sampleSeed seeds the sample of texts the views use above MaxMatrix.
const sampleSeed = 1

// maxNotes is the most texts named one by one in a kind of warning.
const maxNotes = 10

// Analyse computes the distances over the grid and the views at the
// default setting. Fewer than 3 texts, or no setting with 2 features or
// more, give a Result with a warning and no distances.
func Analyse(texts []Text, opt Options) *Result {
	r := &Result{SameDoc: math.NaN(), Measures: opt.Measures, View: opt.Measures[0], Linkage: opt.Linkage}
	for _, t := range texts {
		r.IDs = append(r.IDs, t.ID)
		r.Groups = append(r.Groups, t.Group)
	}
	if len(texts) < 3 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts: distances need at least 3 for z-scores and maps; stylometry skipped", len(texts)))
		return r
	}
	k := opt.K
	if k == 0 {
		k = 10
	}
	r.Neighbours = map[analysis.Measure][][]analysis.Neighbour{}
	// Attribution leaves a sample's siblings out: past MaxMatrix it reads
	// enough neighbours that k remain when every sibling is among them.
	kAttr := k
	if opt.Label && opt.Sampled {
		per := map[int]int{}
		for _, t := range texts {
			per[t.Doc]++
		}
		for _, n := range per {
			kAttr = max(kAttr, k+n-1)
		}
	}
	attrNb := map[analysis.Measure][][]analysis.Neighbour{}
	if opt.MaxMatrix > 0 && len(texts) > opt.MaxMatrix {
		r.Large = true
		r.Sample = rand.New(rand.NewPCG(sampleSeed, 0)).Perm(len(texts))[:opt.MaxMatrix]
		slices.Sort(r.Sample)
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts, more than %d (--max-matrix): no text × text matrix; every text's %d nearest neighbours under each measure are in knn.csv, attribution and the network use them, and the tree, the maps and the consensus show a seeded sample of %d texts", len(texts), opt.MaxMatrix, k, opt.MaxMatrix))
	}
	// The matrices the grid will take: every measure at the first setting,
	// the view measure (every one with AllDistances) at each other; a
	// setting found to repeat another or too small takes none.
	tr := opt.Monitor.Begin("distances")
	grid := len(opt.Features) * len(opt.Culling) * len(opt.MFW)
	perOther := 1
	if opt.AllDistances {
		perOther = len(opt.Measures)
	}
	if !r.Large {
		tr.Count("", "matrices", len(opt.Measures)+(grid-1)*perOther)
	}
	point := 0 // settings of the grid passed
	seen := map[Setting]bool{}
	for _, f := range opt.Features {
		counts := make([]analysis.TermCounts, len(texts))
		totals := make([]float64, len(texts))
		for i, t := range texts {
			counts[i], totals[i] = t.Counts[f], t.Totals[f]
		}
		// Tables are cut from the ranked vocabulary: no documents × whole
		// vocabulary table is ever built.
		vocab := analysis.NewVocabulary(counts)
		for _, c := range opt.Culling {
			culled := vocab.Culled(c)
			for _, m := range opt.MFW {
				t := vocab.Table(r.IDs, counts, totals, culled[:min(m, len(culled))])
				set := Setting{Feature: f, MFW: len(t.Features), Culling: c}
				if set.MFW < m {
					r.Warnings = append(r.Warnings, fmt.Sprintf("%s, culling %g%%: %d features asked, %d exist", f, c, m, set.MFW))
				}
				point++
				if seen[set] || set.MFW < 2 {
					continue
				}
				seen[set] = true
				if !r.Large {
					// The first setting computed takes every measure.
					now := perOther
					if len(r.Sets) == 0 {
						now = len(opt.Measures)
					}
					if !tr.Total(tr.Done() + now + (grid-point)*perOther) {
						return r
					}
				}
				ds := DistanceSet{Setting: set, ByMeasure: map[analysis.Measure]*mat.SymDense{}}
				// The table has documents and features: the only errors
				// left are programmer errors.
				for _, ms := range opt.Measures {
					if r.Large {
						if len(r.Sets) == 0 {
							tr.Count(string(ms), "k-NN tiles", 0)
							nb, err := analysis.KNearestTable(ms, t, kAttr, opt.Run, tr.Progress())
							if err != nil {
								panic(err)
							}
							if tr.Stopped() {
								return r
							}
							attrNb[ms] = nb
							r.Neighbours[ms] = make([][]analysis.Neighbour, len(nb))
							for i, l := range nb {
								r.Neighbours[ms][i] = l[:min(k, len(l))]
							}
						}
						if ms == r.View {
							d, err := analysis.DistanceAmong(ms, t, r.Sample, tr.Check())
							if err != nil {
								panic(err)
							}
							if tr.Stopped() {
								return r
							}
							ds.ByMeasure[ms] = d
						}
						continue
					}
					if len(r.Sets) > 0 && !opt.AllDistances && ms != r.View {
						continue
					}
					d, err := analysis.Distance(ms, t, tr.Check())
					if err != nil {
						panic(err)
					}
					if !tr.Add(1) {
						return r
					}
					ds.ByMeasure[ms] = d
					if len(r.Sets) == 0 {
						r.Neighbours[ms] = analysis.NeighboursOf(d, k)
					}
				}
				if len(r.Sets) == 0 {
					r.Table = t
				}
				r.Sets = append(r.Sets, ds)
			}
		}
	}
	if len(r.Sets) == 0 {
		r.Warnings = append(r.Warnings, "no MFW setting has two features or more: stylometry skipped")
		return r
	}
	r.Freq = analysis.RelFreq(nil, r.Table)
	r.Z = analysis.ZScores(nil, r.Freq)
	var err error
	if r.PCAScores, r.PCALoadings, r.PCAVariance, err = analysis.PCA(r.Z, 2); err != nil {
		r.Warnings = append(r.Warnings, "PCA: "+err.Error())
		r.PCAScores = nil
	}
	if opt.Label {
		r.Labels = make([]string, len(texts))
		docs := make([]int, len(texts)) // samples of one document leave together
		for i, t := range texts {
			r.Labels[i], docs[i] = t.Label, t.Doc
		}
		if !r.attribute(opt, docs, attrNb) {
			return r
		}
		switch {
		case opt.Imposters > 0 && r.Large:
			r.Warnings = append(r.Warnings, fmt.Sprintf("--imposters: %d texts, more than %d (--max-matrix): General Imposters not run (each text × label costs its rounds over every other text)", len(texts), opt.MaxMatrix))
		case opt.Imposters > 0:
			r.ImpostersRounds = opt.Imposters
			if !r.verify(texts, opt, docs) {
				return r
			}
		}
	}
	tr = opt.Monitor.Begin("views")
	if !r.noteUndefined(texts, tr) {
		return r
	}
	r.views(texts, opt, tr)
	return r
}

// evaluation is one attribution to add to Grid: at setting set, by
// measure, classifier and validation (folds > 0: k-fold).
type evaluation struct {
	set        Setting
	measure    analysis.Measure
	classifier string
	folds      int
	run        func(p analysis.Progress) []analysis.Attribution
}

// attribute attributes the texts (Attribution, Grid, Evidence): the
// nearest text by leave-one-out under every measure at every setting with
// distances, then at the default setting the other classifiers and
// validations, the SVM last, and explains the Delta attributions. It
// reports whether to go on (opt.Monitor).
func (r *Result) attribute(opt Options, docs []int, attrNb map[analysis.Measure][][]analysis.Neighbour) bool {
	r.Attribution = map[analysis.Measure][]analysis.Attribution{}
	evals, svm := r.evaluations(opt, docs, attrNb)
	tr := opt.Monitor.Begin("attribution")
	tr.Count("", "evaluations", len(evals))
	for _, e := range evals {
		a := e.run(tr.Check())
		if tr.Stopped() {
			return false
		}
		if e.classifier == "nearest" && e.folds == 0 && e.set == r.Sets[0].Setting {
			r.Attribution[e.measure] = a
		}
		r.Grid = append(r.Grid, GridAttribution{Setting: e.set, Measure: e.measure, Classifier: e.classifier, Validation: validation(e.folds), Folds: e.folds, Attributions: a})
		if !tr.Add(1) {
			return false
		}
	}
	if len(svm) > 0 {
		tr = opt.Monitor.Begin("svm")
		for _, e := range svm {
			tr.Count(validationName(e.folds), "folds", 0)
			a := e.run(tr.Progress())
			if tr.Stopped() {
				return false
			}
			r.Grid = append(r.Grid, GridAttribution{Setting: e.set, Measure: e.measure, Classifier: e.classifier, Validation: validation(e.folds), Folds: e.folds, Attributions: a})
		}
	}
	for _, a := range r.Attribution[analysis.Delta] {
		if a.Unattributable || len(a.Candidates) < 2 {
			continue
		}
		c, ru := a.Candidates[0], a.Candidates[1]
		pull, push := analysis.Explain(r.Z.RawRowView(a.Item), r.Z.RawRowView(c.Item), r.Z.RawRowView(ru.Item), EvidenceTop)
		r.Evidence = append(r.Evidence, Evidence{Item: a.Item, Candidate: c.Item, Runner: ru.Item, Predicted: c.Label, RunnerUp: ru.Label, Pull: pull, Push: push})
	}
	return !tr.Stopped()
}

// validation is GridAttribution.Validation for folds (0: leave-one-out).
func validation(folds int) string {
	if folds > 0 {
		return "k-fold"
	}
	return "leave-one-out"
}

// validationName names a validation as attribution_accuracy.csv does:
// "leave-one-out" or "10-fold".
func validationName(folds int) string {
	if folds > 0 {
		return fmt.Sprintf("%d-fold", folds)
	}
	return "leave-one-out"
}

// Classifiers are the classifiers Options.Classifiers may name, beside the
// nearest text, in Grid's order.
var Classifiers = []string{"knn", "centroid", "nsc", "svm"}

// evaluations lists, in Grid's order, the attributions to make: the
// nearest text by leave-one-out under every measure at every setting with
// distances (past MaxMatrix the default setting only, from the
// neighbours); then, at the default setting, the classifiers and
// validations beside it (see Options.Folds and Options.KNN; Delta to class
// centroids and nearest shrunken centroids always; the attributions to
// centroids keep their first centroidCandidates candidates); and apart the
// linear SVM's, up to MaxMatrix texts and by leave-one-out up to
// SVMLeaveOneOut, which warns of those it leaves out.
func (r *Result) evaluations(opt Options, docs []int, attrNb map[analysis.Measure][][]analysis.Neighbour) (evals, svm []evaluation) {
	set := r.Sets[0]
	use := func(c string) bool { return opt.Classifiers == nil || slices.Contains(opt.Classifiers, c) }
	for k, s := range r.Sets {
		if k > 0 && r.Large {
			break // the other settings hold a sample's matrices only
		}
		for _, ms := range opt.Measures {
			switch d := s.ByMeasure[ms]; {
			case r.Large:
				nb := attrNb[ms]
				evals = append(evals, evaluation{s.Setting, ms, "nearest", 0, func(analysis.Progress) []analysis.Attribution {
					return analysis.AttributeNeighbours(nb, r.Labels, docs)
				}})
			case d != nil:
				evals = append(evals, evaluation{s.Setting, ms, "nearest", 0, func(p analysis.Progress) []analysis.Attribution {
					return analysis.Attribute(d, r.Labels, docs, p)
				}})
			}
		}
	}
	var folds []int
	if opt.Folds >= 2 && !r.Large {
		folds = analysis.StratifiedFolds(r.Labels, docs, opt.Folds, foldSeed)
	}
	add := func(ms analysis.Measure, classifier string, k int, run func(p analysis.Progress) []analysis.Attribution) {
		evals = append(evals, evaluation{set.Setting, ms, classifier, k, run})
	}
	for _, ms := range opt.Measures {
		d := set.ByMeasure[ms]
		if d == nil || r.Large {
			continue // past MaxMatrix the matrices hold a sample only
		}
		if folds != nil {
			add(ms, "nearest", opt.Folds, func(p analysis.Progress) []analysis.Attribution { return analysis.Attribute(d, r.Labels, folds, p) })
		}
		if opt.KNN >= 2 && use("knn") {
			add(ms, "knn", 0, func(analysis.Progress) []analysis.Attribution {
				return analysis.AttributeKNN(d, r.Labels, docs, opt.KNN)
			})
			if folds != nil {
				add(ms, "knn", opt.Folds, func(analysis.Progress) []analysis.Attribution {
					return analysis.AttributeKNN(d, r.Labels, folds, opt.KNN)
				})
			}
		}
	}
	if use("centroid") {
		add(analysis.Delta, "centroid", 0, func(analysis.Progress) []analysis.Attribution {
			return analysis.AttributeCentroids(r.Z, r.Labels, docs, centroidCandidates)
		})
		if folds != nil {
			add(analysis.Delta, "centroid", opt.Folds, func(analysis.Progress) []analysis.Attribution {
				return analysis.AttributeCentroids(r.Z, r.Labels, folds, centroidCandidates)
			})
		}
	}
	// Nearest shrunken centroids read the relative frequencies, as stylo
	// passes them to pamr; a fold costs O(labels × features), so it runs at
	// any size.
	if use("nsc") {
		add("", "nsc", 0, func(analysis.Progress) []analysis.Attribution {
			return analysis.AttributeNSC(r.Freq, r.Labels, docs, analysis.NSCThreshold, centroidCandidates)
		})
		if folds != nil {
			add("", "nsc", opt.Folds, func(analysis.Progress) []analysis.Attribution {
				return analysis.AttributeNSC(r.Freq, r.Labels, folds, analysis.NSCThreshold, centroidCandidates)
			})
		}
	}
	if !use("svm") {
		return evals, nil
	}
	// The SVM needs the texts' Gram matrix, n × n.
	svmEval := func(k int, groups []int) evaluation {
		return evaluation{set.Setting, "", "svm", k, func(p analysis.Progress) []analysis.Attribution {
			return analysis.AttributeSVM(r.Z, r.Labels, groups, svmCost, p)
		}}
	}
	switch n := len(r.IDs); {
	case r.Large:
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts, more than %d (--max-matrix): the linear SVM is not evaluated (its Gram matrix is text × text)", n, opt.MaxMatrix))
	case n > SVMLeaveOneOut && folds == nil:
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts, more than %d: the linear SVM is not evaluated by leave-one-out (K − 1 trainings per document); --folds evaluates it by k-fold", n, SVMLeaveOneOut))
	case n > SVMLeaveOneOut:
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts, more than %d: the linear SVM is evaluated by %d-fold only, not by leave-one-out (K − 1 trainings per document)", n, SVMLeaveOneOut, opt.Folds))
	default:
		svm = append(svm, svmEval(0, docs))
	}
	if folds != nil {
		svm = append(svm, svmEval(opt.Folds, folds))
	}
	return evals, svm
}

// warn adds notes to the warnings (appendNotes).
func (r *Result) warn(notes []string, rest string) { r.Warnings = appendNotes(r.Warnings, notes, rest) }

// appendNotes appends notes to warnings, the first maxNotes one by one and
// the rest counted in one line, so that 5,000 short samples do not bury
// the log: "… and 4,990 more <rest>".
func appendNotes(warnings, notes []string, rest string) []string {
	if len(notes) <= maxNotes {
		return append(warnings, notes...)
	}
	warnings = append(warnings, notes[:maxNotes]...)
	return append(warnings, fmt.Sprintf("… and %d %s", len(notes)-maxNotes, rest))
}

// noteUndefined warns, naming the file, about every text with undefined
// distances: one that has none of the MFW (cosine, jsd, minmax and
// tfidf_cosine divide by its length) or, for Cosine Delta, whose z-scores
// are all zero. Its cells in distances.csv are empty.
// It reports whether to go on (tr).
func (r *Result) noteUndefined(texts []Text, tr *analysis.Tracker) bool {
	var notes []string
	for i, t := range texts {
		if i%64 == 0 && tr.Stopped() {
			return false
		}
		var undefined []string
		for _, m := range r.Measures {
			if r.Large {
				// Neighbours are the defined distances: none, none defined.
				if len(r.Neighbours[m][i]) == 0 {
					undefined = append(undefined, string(m))
				}
				continue
			}
			for _, ds := range r.Sets {
				if d, ok := ds.ByMeasure[m]; ok && hasNaN(d, i) {
					undefined = append(undefined, string(m))
					break
				}
			}
		}
		if len(undefined) > 0 {
			notes = append(notes, fmt.Sprintf("%s: %s distances undefined (none of the most frequent features occurs in %s, or it sits at the mean of every one): empty cells in distances.csv",
				t.Name, strings.Join(undefined, ", "), t.ID))
		}
	}
	r.warn(notes, "more texts with undefined distances: their cells in distances.csv are empty")
	return true
}

func hasNaN(d mat.Symmetric, i int) bool {
	for j := range d.SymmetricDim() {
		if math.IsNaN(d.At(i, j)) {
			return true
		}
	}
	return false
}

// views computes the tree, the maps, the consensus and the network from
// the view measure over the texts that every setting can place (those
// with no undefined distance); the others are named in a warning. tr
// counts the trees; stopped, views returns at once.
func (r *Result) views(texts []Text, opt Options, tr *analysis.Tracker) {
	// rowsOf is the text of each row of the view matrices: every text, or
	// the sample above MaxMatrix.
	rowsOf := r.Sample
	if !r.Large {
		rowsOf = make([]int, len(texts))
		for i := range rowsOf {
			rowsOf[i] = i
		}
	}
	mats := make([]mat.Symmetric, len(r.Sets))
	for i, ds := range r.Sets {
		mats[i] = ds.ByMeasure[r.View]
	}
	pos := analysis.Defined(len(rowsOf), mats...) // rows of mats placed
	if tr.Stopped() {
		return
	}
	for _, p := range pos {
		r.Placed = append(r.Placed, rowsOf[p])
	}
	if len(pos) < len(rowsOf) {
		in := make([]bool, len(rowsOf))
		for _, p := range pos {
			in[p] = true
		}
		var notes []string
		for p, i := range rowsOf {
			t := texts[i]
			if !in[p] {
				notes = append(notes, fmt.Sprintf("%s: left out of the tree, the maps, the consensus and the network (%s distance of %s undefined)", t.Name, r.View, t.ID))
			}
		}
		r.warn(notes, "more texts left out of the tree, the maps, the consensus and the network")
	}
	for _, i := range r.Placed {
		r.PlacedIDs = append(r.PlacedIDs, r.IDs[i])
	}
	if r.Large {
		// The network needs only the neighbours: every text is in it.
		r.Network = analysis.NeighbourNetwork(r.Neighbours[r.View], 3)
		r.NetworkOver = make([]int, len(texts))
		for i := range texts {
			r.NetworkOver[i] = i
		}
	}
	m := len(r.Placed)
	if m < 3 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d texts with defined %s distances: the tree and the maps need at least 3", m, r.View))
		return
	}
	var trees [][]analysis.Merge
	var views []mat.Symmetric
	tr.Count("", "trees", len(mats))
	for _, d := range mats {
		sub := analysis.Subset(d, pos)
		// Subset holds no NaN and distances are never negative: the only
		// error left is a programmer error.
		tree, err := analysis.Cluster(sub, r.Linkage)
		if err != nil {
			panic(err)
		}
		trees = append(trees, tree)
		views = append(views, sub)
		if !tr.Add(1) {
			return
		}
	}
	r.ViewD = views[0]
	r.Merges = trees[0]
	r.Order = analysis.LeafOrder(r.Merges, m)
	var err error
	if r.MDS, r.MDSEigen, err = analysis.MDS(r.ViewD, 2); err != nil {
		r.Warnings = append(r.Warnings, "MDS: "+err.Error())
		r.MDS = nil
	}
	if tr.Stopped() {
		return
	}
	// Co-clustering over the grid, cut into as many clusters as the
	// colouring column has values (2 without groups).
	groups := map[string]bool{}
	for _, t := range texts {
		if t.Group != "" {
			groups[t.Group] = true
		}
	}
	r.K = 2
	if len(groups) >= 2 {
		r.K = len(groups)
	}
	r.K = min(r.K, m-1)
	r.Consensus = analysis.CoClustering(trees, m, r.K)
	if !r.Large {
		r.Network = analysis.NearestNeighbourNetwork(views, 3, tr.Check())
		r.NetworkOver = r.Placed
	}
	if !r.quality(texts, opt, pos, trees, tr) {
		return
	}
	if opt.Sampled {
		// Cut the default tree into as many clusters as there are sampled
		// documents: how often do two samples of one essay share a cluster?
		docOf := make([]int, m)
		sampled := map[int]bool{}
		for a, i := range r.Placed {
			docOf[a] = texts[i].Doc
			sampled[docOf[a]] = true
		}
		lab := analysis.CutTree(r.Merges, m, min(len(sampled), m))
		same, pairs := 0, 0
		for i := range m {
			for j := i + 1; j < m; j++ {
				if docOf[i] == docOf[j] {
					pairs++
					if lab[i] == lab[j] {
						same++
					}
				}
			}
		}
		if pairs > 0 {
			r.SameDoc = float64(same) / float64(pairs)
		}
	}
}

// quality scores the trees' cuts against the texts' classes: their label,
// or else their group. trees are the view measure's over the grid, over
// the placed rows pos; every other measure's tree at the default setting
// is built here when its distances are defined among the placed texts.
// It reports whether to go on (tr).
func (r *Result) quality(texts []Text, opt Options, pos []int, trees [][]analysis.Merge, tr *analysis.Tracker) bool {
	class := func(t Text) string {
		if opt.Label {
			return t.Label
		}
		return t.Group
	}
	var keep []int // indices into the placed rows with a class
	var classes []string
	distinct := map[string]bool{}
	for a, i := range r.Placed {
		if c := class(texts[i]); c != "" {
			keep = append(keep, a)
			classes = append(classes, c)
			distinct[c] = true
		}
	}
	k := len(distinct)
	if k < 2 || k >= len(r.Placed) {
		return true
	}
	score := func(set Setting, m analysis.Measure, tree []analysis.Merge) {
		cut := analysis.CutTree(tree, len(r.Placed), k)
		clusters := make([]int, len(keep))
		for x, a := range keep {
			clusters[x] = cut[a]
		}
		r.Quality = append(r.Quality, Quality{Setting: set, Measure: m, Texts: len(keep), K: k,
			ARI: analysis.AdjustedRand(clusters, classes), Purity: analysis.Purity(clusters, classes)})
	}
	for i, tree := range trees {
		score(r.Sets[i].Setting, r.View, tree)
	}
	if len(pos) > qualityTexts {
		return true // the other measures' trees cost a clustering each
	}
	for _, m := range r.Measures {
		if tr.Stopped() {
			return false
		}
		d := r.Sets[0].ByMeasure[m]
		if m == r.View || d == nil || !allDefined(d, pos) {
			continue
		}
		tree, err := analysis.Cluster(analysis.Subset(d, pos), r.Linkage)
		if err != nil {
			continue // cannot happen: no NaN, no negative distance
		}
		score(r.Sets[0].Setting, m, tree)
	}
	return true
}

// allDefined reports whether d holds no NaN among the rows pos.
func allDefined(d mat.Symmetric, pos []int) bool {
	for x, i := range pos {
		for _, j := range pos[x+1:] {
			if math.IsNaN(d.At(i, j)) {
				return false
			}
		}
	}
	return true
}
