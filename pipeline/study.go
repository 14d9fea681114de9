package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"gonum.org/v1/gonum/stat"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/analysis/stylometry"
	"github.com/stylometer/stylometer/seeds"
)

// Corpus is what a run reads: the documents and, optionally, their
// metadata.
type Corpus struct {
	Sources []Source
	Meta    *Meta // nil: no metadata
}

// OpenCorpus lists the documents named by paths (see FromPaths) with the
// metadata CSV meta (joined on id or path; "" for none); the metadata
// file itself, when a folder walk finds it, is not listed as skipped. With no paths it
// is the embedded seed corpus with the seeds' own metadata, unless meta
// names another file.
func OpenCorpus(paths []string, meta string) (Corpus, error) {
	var c Corpus
	var err error
	var r io.ReadCloser
	name := meta
	if len(paths) == 0 {
		fsys := seeds.FS()
		if c.Sources, err = FromFS(fsys); err != nil {
			return c, err
		}
		if meta == "" {
			name = "seeds/" + seeds.Metadata
			if r, err = fsys.Open(seeds.Metadata); err != nil {
				return c, err
			}
		}
	} else if c.Sources, err = FromPaths(paths); err != nil {
		return c, err
	} else if meta != "" {
		c.Sources = withoutFile(c.Sources, meta)
	}
	if r == nil && meta != "" {
		if r, err = os.Open(meta); err != nil {
			return c, fmt.Errorf("metadata: %w", err)
		}
	}
	if r == nil {
		return c, nil
	}
	defer r.Close()
	c.Meta, err = ReadMeta(r, name)
	return c, err
}

// withoutFile drops from src the entry a folder walk skipped for its
// extension that is the file name (the metadata table, often kept beside
// the texts): it is read, as metadata.
func withoutFile(src []Source, name string) []Source {
	info, err := os.Stat(name)
	if err != nil {
		return src
	}
	return slices.DeleteFunc(src, func(s Source) bool {
		if s.Skip != skipOtherExt {
			return false
		}
		i, err := os.Stat(filepath.FromSlash(s.Path))
		return err == nil && os.SameFile(i, info)
	})
}

// check refuses, before any document is read, a GroupBy or Label column
// that the metadata does not have, naming the columns it has.
func (c Corpus) check(o Options) error {
	var cols []string
	if c.Meta != nil {
		cols = c.Meta.Columns
	}
	for _, col := range o.GroupBy {
		if col == "document" {
			return optErr("group_by", col, "the name is taken by the per-document comparisons (keyness.csv's scope); rename the column")
		}
	}
	if o.Rolling > 0 && o.Label == "" {
		return optErr("stylometry.rolling", o.Rolling, "needs label: the metadata column the windows are attributed to")
	}
	for i, col := range append(slices.Clone(o.GroupBy), o.Label, o.Time) {
		key := "group_by"
		switch i - len(o.GroupBy) {
		case 0:
			key = "label"
		case 1:
			key = "time"
		}
		switch {
		case col == "":
		case c.Meta == nil:
			return optErr(key, col, "needs a metadata table (meta)")
		case !slices.Contains(cols, col):
			return optErr(key, col, "the metadata has no such column (it has: %s)", strings.Join(cols, ", "))
		}
	}
	return nil
}

// tagger is prose's models, loaded once per process on first use.
var tagger = sync.OnceValues(NewTagger)

// Profile is the map stage of a run: it checks o against the corpus
// (before any document is read), then reads, canonicalises, tags and
// profiles every source in a pool of o.Workers goroutines and joins the
// metadata. A shard calls it on its slice of the sources. Documents with no
// metadata row, rows with no document and empty GroupBy or Label values
// become Failures of stage "metadata"; only cancellation of ctx and a bad
// option stop it. For QuoteTerms it also keeps where the words of the
// documents it tags are, up to a budget (see wordIndex).
func Profile(ctx context.Context, c Corpus, o Options) (*Profiles, error) {
	return profile(ctx, c, o, true)
}

// profile is Profile; with index, it keeps the documents' word indexes for
// quoting (see wordIndex).
func profile(ctx context.Context, c Corpus, o Options, index bool) (*Profiles, error) {
	o = o.withDefaults()
	if err := c.check(o); err != nil {
		return nil, err
	}
	tg, po, err := profilePool(o, len(c.Sources))
	if err != nil {
		return nil, err
	}
	if index {
		po.index = newIndexBudget(profileFingerprint(o))
	}
	p, err := ProfileSources(ctx, tg, c.Sources, po)
	if err != nil {
		return nil, err
	}
	c.join(p, o)
	return p, nil
}

// profilePool is the tagger and the worker pool's options for profiling n
// sources with o (its defaults filled in): Profile's and WritePart's.
func profilePool(o Options, n int) (*Tagger, PoolOptions, error) {
	canon, err := newCanon(o)
	if err != nil {
		return nil, PoolOptions{}, err
	}
	tg, err := tagger()
	if err != nil {
		return nil, PoolOptions{}, err
	}
	po := PoolOptions{Workers: o.Workers, Canon: canon, Profile: profileOptions(o, canon), Cache: o.Cache}
	if o.Progress != nil {
		po.Progress = func(done int) { o.Progress(done, n) }
	}
	return tg, po, nil
}

// newCanon is the canonicalisation o's text rules ask for.
func newCanon(o Options) (*Canon, error) {
	canon, err := NewCanon(o.Text.Boilerplate)
	if err != nil {
		return nil, optErr("text.boilerplate", o.Text.Boilerplate, "%v", err)
	}
	canon.DropRepeated, canon.KeepCase, canon.SplitHyphens = o.Text.DropRepeated, o.Text.KeepCase, o.Text.SplitHyphens
	return canon, nil
}

// join joins the metadata to p's documents and adds its problems, and the
// documents with an empty GroupBy or Label value, to p's failures.
func (c Corpus) join(p *Profiles, o Options) {
	if c.Meta != nil {
		p.Columns = c.Meta.Columns
		meta, problems := c.Meta.Join(c.Sources)
		byID := map[string]map[string]string{}
		for i, s := range c.Sources {
			byID[s.ID] = meta[i]
		}
		for i := range p.Docs {
			p.Docs[i].Meta = byID[p.Docs[i].ID]
		}
		p.Failures = append(p.Failures, problems...)
	}
	p.Failures = append(p.Failures, emptyValues(o, p.Docs)...)
}

// profileOptions is what each worker counts for o.
func profileOptions(o Options, canon *Canon) ProfileOptions {
	po := ProfileOptions{Window: o.Window, Context: o.Context, SampleSize: o.SampleSize, SampleOverlap: o.SampleOverlap, SliceSize: o.Slice,
		Rolling: o.Rolling, RollingStep: o.RollingStep, DetectLanguage: o.detects()}
	for _, f := range o.Features {
		if f.String() != "word:1" {
			po.Features = append(po.Features, f)
		}
	}
	for _, t := range o.Targets {
		po.Targets = append(po.Targets, NewTargetCase(canon, t.Name, t.Forms...))
	}
	return po
}

// emptyValues notes every document whose metadata row leaves a GroupBy or
// Label column empty: it takes part in neither side of that column's
// comparisons (it is not in "the rest" either) and is not attributed.
func emptyValues(o Options, docs []Doc) []Failure {
	var out []Failure
	for _, d := range docs {
		if d.Meta == nil {
			continue // reported as a document with no metadata row
		}
		for _, c := range o.GroupBy {
			if strings.TrimSpace(d.Meta[c]) == "" {
				out = append(out, Failure{Path: d.Path, Stage: "metadata",
					Err: fmt.Sprintf("empty %s: left out of the %s comparisons (neither a group nor the rest)", c, c)})
			}
		}
		if c := o.Label; c != "" && strings.TrimSpace(d.Meta[c]) == "" {
			out = append(out, Failure{Path: d.Path, Stage: "metadata",
				Err: fmt.Sprintf("empty %s: not attributed and no candidate for attribution", c)})
		}
		if c := o.Time; c != "" {
			if _, ok := framing.Year(strings.TrimSpace(d.Meta[c])); !ok {
				out = append(out, Failure{Path: d.Path, Stage: "metadata",
					Err: fmt.Sprintf("%s %q is not a year or a date (1861, 1861-03-04): left out of the time outputs", c, d.Meta[c])})
			}
		}
	}
	return out
}

// Study is everything a run computes from the profiles, ready to write:
// the documents, their failures, the word table and tf-idf, the
// per-document measures, the stylometry and the framing.
type Study struct {
	Options  Options // with every default filled in
	Docs     []Doc
	Failures []Failure
	Columns  []string // metadata columns, in file order
	// Words ranks every word term of the corpus; TFIDF weighs each
	// document's terms (see TFIDFOf). Neither holds a documents ×
	// vocabulary table.
	Words *analysis.Vocabulary
	TFIDF *analysis.TFIDFWeights
	// Measures holds each DocMeasures column, one value per document.
	Measures   [][]float64
	Stylometry *stylometry.Result
	Framing    *framing.Result
	// Differentials are the collocates each target has more with one
	// value of a grouping column than with another (framing.Differentials).
	Differentials []framing.Differential
	// Time holds the trends and the contrasts within time; nil without
	// Options.Time.
	Time *framing.TimeResult
	// Rolling is the rolling attribution of each document's windows
	// (stylometry.Roll); nil without Options.Rolling.
	Rolling *stylometry.Rolling
	// FramingWarnings are what the framing could not do as asked: a
	// target no document names (a typo, a form the tokenizer never
	// produces).
	FramingWarnings []string
	// Languages is the language each document is analysed as
	// (Options.LanguageOf), in Docs order: English, or another language,
	// whose document has no part-of-speech measures (see Options.Language).
	Languages []string
	// LanguageWarning says how many documents are not analysed as English
	// and what they are left out of; "" when none.
	LanguageWarning string
}

// NotEnglish lists the documents (indices into Docs) analysed as not
// English, in order.
func (s *Study) NotEnglish() []int {
	var out []int
	for i, l := range s.Languages {
		if l != English {
			out = append(out, i)
		}
	}
	return out
}

// TFIDFOf is document i's tf-idf weight of term (0 for a term it lacks;
// it looks the count up, so a writer that has it calls TFIDF.At):
// scikit-learn's TfidfVectorizer with its defaults over the whole
// vocabulary (analysis.TFIDF).
func (s *Study) TFIDFOf(i int, term string) float64 {
	return s.TFIDF.At(i, term, s.Docs[i].Profile.Terms.Get(term))
}

// TermRows is how many terms.csv rows each document keeps, its most
// frequent terms: 0 (all) unless the corpus has more than TermRowsDocs
// documents and Options.AllTerms is off.
func (s *Study) TermRows() int {
	if len(s.Docs) > TermRowsDocs && !s.Options.AllTerms {
		return TermRows
	}
	return 0
}

// ColourBy is the metadata column that colours the charts: the first
// GroupBy column, or "".
func (s *Study) ColourBy() string {
	if len(s.Options.GroupBy) == 0 {
		return ""
	}
	return s.Options.GroupBy[0]
}

// AnalysisStep is how far Analyse has got (Options.AnalysisProgress): the
// step under way (Step.Name, one of Options.AnalysisSteps), its number
// Index from 1 among the Of steps the run takes, and inside it, when the
// step counts them, Done of Total units (Step.Unit: matrices, k-NN tiles,
// evaluations, folds, texts, trees, documents, comparisons) of the part
// Step.Part ("delta" for a measure's k-NN tiles, "10-fold" for the SVM's
// folds).
type AnalysisStep struct {
	analysis.Step
	Index, Of int
}

// AnalysisSteps are the steps Analyse takes with o, in order:
// "vocabulary" (the word table, tf-idf and the per-document measures),
// "distances" (every matrix of the grid, or past MaxMatrix each measure's
// k nearest neighbours), with a Label "attribution" (every classifier but
// the SVM) and "svm", with Imposters "imposters", then "views" (the trees,
// maps, consensus and network), with Rolling "rolling", "keyness",
// "collocates" (with the lexicon rates and the differential collocates)
// and with Time "time". A step the data turn out not to need (fewer than
// three texts, an SVM past MaxMatrix) is skipped with its number.
func (o Options) AnalysisSteps() []string {
	steps := []string{"vocabulary", "distances"}
	if o.Label != "" {
		steps = append(steps, "attribution", "svm")
		if o.Imposters > 0 {
			steps = append(steps, "imposters")
		}
	}
	steps = append(steps, "views")
	if o.Rolling > 0 {
		steps = append(steps, "rolling")
	}
	steps = append(steps, "keyness", "collocates")
	if o.Time != "" {
		steps = append(steps, "time")
	}
	return steps
}

// monitor is the analysis's Monitor for a run with ctx: it tells report
// (when set) each step with its number among steps, and says stop once ctx
// is done.
func monitor(ctx context.Context, report func(AnalysisStep), steps []string) analysis.Monitor {
	done := ctx.Done()
	return func(st analysis.Step) bool {
		if report != nil {
			report(AnalysisStep{Step: st, Index: slices.Index(steps, st.Name) + 1, Of: len(steps)})
		}
		select {
		case <-done:
			return false
		default:
			return true
		}
	}
}

// Analyse is the reduce stage: from the profiles, in their order, it
// computes the word table and tf-idf, the per-document measures, the
// stylometry over o's grid and the framing comparisons. It is pure and
// deterministic: the same profiles and options give the same Study (the
// nearest neighbours of large corpora run on o.Workers cores; the result
// does not depend on it). It tells o.AnalysisProgress of its steps
// (AnalysisSteps). Once ctx is cancelled its long loops stop within a
// fraction of a second and it returns ctx's error and no Study.
func Analyse(ctx context.Context, p *Profiles, o Options) (*Study, error) {
	o = o.withDefaults()
	mon := monitor(ctx, o.AnalysisProgress, o.AnalysisSteps())
	s := &Study{Options: o, Docs: p.Docs, Failures: p.Failures, Columns: p.Columns}
	mon.Begin("vocabulary")
	counts := make([]analysis.TermCounts, len(p.Docs))
	for i, d := range p.Docs {
		counts[i] = d.Profile.Terms
	}
	s.Words = analysis.NewVocabulary(counts)
	s.TFIDF = analysis.NewTFIDFWeights(s.Words, counts)
	s.Languages = make([]string, len(p.Docs))
	for i, d := range p.Docs {
		s.Languages[i] = o.LanguageOf(d.Profile)
	}
	s.LanguageWarning = languageNote(s.Languages, o)
	for _, m := range DocMeasures {
		col := make([]float64, len(p.Docs))
		for i, d := range p.Docs {
			if m.EnglishOnly() && s.Languages[i] != English {
				col[i] = math.NaN()
				continue
			}
			col[i] = m.Get(d.Profile)
		}
		s.Measures = append(s.Measures, col)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	texts, notes := s.texts()
	measures := o.Measures
	if len(measures) == 0 {
		measures = analysis.Measures()
		if len(texts) > o.MaxMatrix {
			measures = measures[:1]
			notes = append(notes, fmt.Sprintf("%d texts, more than %d (--max-matrix): only %s by default, each measure costs a pass over every pair of texts (--measures names more)", len(texts), o.MaxMatrix, measures[0]))
		}
	}
	s.Stylometry = stylometry.Analyse(texts, stylometry.Options{
		Features: featureNames(o.Features),
		MFW:      o.MFW,
		Culling:  o.Culling,
		Measures: measures,
		Linkage:  o.Linkage,
		Label:    o.Label != "",
		Sampled:  o.SampleSize > 0,

		AllDistances: o.AllDistances,
		MaxMatrix:    o.MaxMatrix,
		Folds:        o.Folds,
		KNN:          o.KNN,
		Classifiers:  o.Classifiers,
		Imposters:    o.Imposters,
		Run:          runner(o.Workers),
		Monitor:      mon,
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.Stylometry.Warnings = append(notes, s.Stylometry.Warnings...)
	if o.Rolling > 0 {
		s.Rolling = s.roll(mon)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := s.frame(ctx, mon); err != nil {
		return nil, err
	}
	s.FramingWarnings = unmatchedTargets(o.Targets, s.Docs)
	return s, nil
}

// roll runs the rolling attribution: each document's windows against the
// labelled documents but its own, over the word:1 MFW at the default MFW
// and culling.
func (s *Study) roll(mon analysis.Monitor) *stylometry.Rolling {
	o := s.Options
	texts := make([]stylometry.RollingText, len(s.Docs))
	for i, d := range s.Docs {
		p := d.Profile
		t := stylometry.RollingText{ID: d.ID, Words: p.Words, Counts: p.Terms, Windows: make([]stylometry.Window, len(p.Windows))}
		if v := d.Meta[o.Label]; o.Label != "" && strings.TrimSpace(v) != "" {
			t.Label = v // as attribution.csv has it; blank is unlabelled (see emptyValues)
		}
		for k, w := range p.Windows {
			t.Windows[k] = stylometry.Window{Start: w.Start, End: w.End, Counts: w.Terms}
		}
		texts[i] = t
	}
	return stylometry.Roll(texts, stylometry.RollingOptions{MFW: o.MFW[0], Culling: o.Culling[0], Size: o.Rolling, Step: o.RollingStep,
		MaxMatrix: o.MaxMatrix, Run: runner(o.Workers), Monitor: mon})
}

// runner runs tasks on workers goroutines (0: GOMAXPROCS), for the
// analysis's parallel kernels: the one worker pool of the package.
func runner(workers int) analysis.Runner {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(n int, task func(i int)) {
		var g errgroup.Group
		g.SetLimit(workers)
		for i := range n {
			g.Go(func() error { task(i); return nil })
		}
		_ = g.Wait()
	}
}

// Run is a whole run in one process: Profile then Analyse. Bad options
// are an error before any document is read; a document that fails is a
// Failure of the Study, never a failed run.
func Run(ctx context.Context, c Corpus, o Options) (*Study, error) {
	p, err := Profile(ctx, c, o)
	if err != nil {
		return nil, err
	}
	return Analyse(ctx, p, o)
}

func featureNames(fs []Feature) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

// texts are the rows of the stylometry: whole documents, or their samples
// (<id>#k) with the document's metadata; short names the documents too
// short for one sample, and those left out because they are not in
// English and a feature is counted by English models (pos, fw).
func (s *Study) texts() (texts []stylometry.Text, short []string) {
	o := s.Options
	features := featureNames(o.Features)
	colour := s.ColourBy()
	english := hasEnglishFeature(o.Features)
	var foreign []string
	var out []stylometry.Text
	add := func(id string, i int, words int, counts func(f string) analysis.TermCounts) {
		d := s.Docs[i]
		t := stylometry.Text{ID: id, Name: d.Path, Doc: i, Counts: map[string]analysis.TermCounts{}, Totals: map[string]float64{}}
		if o.Label != "" {
			t.Label = d.Meta[o.Label]
		}
		if colour != "" {
			t.Group = d.Meta[colour]
		}
		for _, f := range features {
			t.Counts[f] = counts(f)
			t.Totals[f] = denominator(f, t.Counts[f], words)
		}
		out = append(out, t)
	}
	for i, d := range s.Docs {
		p := d.Profile
		if english && s.Languages[i] != English {
			foreign = append(foreign, d.Path)
			continue
		}
		if o.SampleSize <= 0 {
			add(d.ID, i, p.Words, func(f string) analysis.TermCounts {
				if f == "word:1" {
					return p.Terms
				}
				return p.Features[f]
			})
			continue
		}
		for k, smp := range p.Samples {
			add(d.ID+"#"+strconv.Itoa(k+1), i, smp.Words, func(f string) analysis.TermCounts {
				if f == "word:1" {
					return smp.Terms
				}
				return smp.Features[f]
			})
		}
		if len(p.Samples) == 0 {
			short = append(short, fmt.Sprintf("%s: %d words, shorter than one sample of %d: left out of the stylometry", d.Path, p.Words, o.SampleSize))
		}
	}
	if len(foreign) > 0 {
		short = append(short, fmt.Sprintf("%d documents not in English left out of the stylometry, whose pos and fw features are counted by English models (the part-of-speech tagger, the function-word list): %s",
			len(foreign), listSome(foreign, 10)))
	}
	return out, short
}

// listSome joins the first n of names, and counts the others.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// denominator is what a feature's relative frequencies divide by: all the
// text's words for words and function words, all its units for n-grams
// and for stylo's words (stylo's convention: the text's own tokens).
func denominator(f string, counts analysis.TermCounts, words int) float64 {
	if f == "word:1" || f == "fw:1" {
		return float64(words)
	}
	return float64(counts.Total())
}

// frame runs the framing comparisons: keyness and collocates
// (framing.Study), the differential collocates and the time outputs. It
// returns ctx's error once it is cancelled.
func (s *Study) frame(ctx context.Context, mon analysis.Monitor) error {
	o := s.Options
	stop, _ := framing.Stopwords(o.Stopwords) // checked by Config.Options
	docs := make([]framing.Doc, len(s.Docs))
	for i, d := range s.Docs {
		p := d.Profile
		fd := framing.Doc{ID: d.ID, Meta: d.Meta, Words: p.Words, Terms: p.Content, TermWords: p.ContentWords, All: p.Terms,
			Slices: p.Slices, SlicePresence: p.SlicePresence}
		if o.AllWords {
			fd.Terms, fd.TermWords = p.Terms, p.Words
		} else if s.Languages[i] != English {
			fd.NoKeyness = true // its content words are guesses of an English tagger
		}
		for _, t := range p.Targets {
			fd.Targets = append(fd.Targets, framing.Target{Count: t.Count, Collocates: t.Collocates, WindowTokens: t.WindowTokens})
		}
		docs[i] = fd
	}
	docRows := keynessDocRows(len(s.Docs), o.KeynessAll)
	var targets []string
	for _, t := range o.Targets {
		targets = append(targets, t.Name)
	}
	s.Framing = framing.Study(docs, framing.StudyOptions{
		Reference: o.Reference,
		GroupBy:   o.GroupBy,
		Pairs:     o.Pairs,
		Targets:   targets,
		Lexicon:   o.Lexicon,
		Keyness: framing.Options{Keyness: keyness.Options{Prior: o.Prior}, MinCount: o.MinCount, Stop: stop, Present: !o.KeynessAll, DocRows: docRows,
			Run: runner(o.Workers), TermTotals: o.TermTotals},
		Monitor: mon,
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(targets) > 0 {
		s.Differentials = framing.Differentials(docs, targets, o.GroupBy, 2) // framing.Study's collocates keep f_xy ≥ 2 too
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if o.Time != "" {
		mon.Begin("time")
		years := make([]int, len(docs))
		for i, d := range s.Docs {
			years[i] = framing.NoYear
			if y, ok := framing.Year(strings.TrimSpace(d.Meta[o.Time])); ok {
				years[i] = y
			}
		}
		s.Time = framing.Time(docs, framing.TimeOptions{Years: years, Bin: o.TimeBin, Column: s.ColourBy(),
			Targets: targets, Lexicon: o.Lexicon, MinCount: o.MinCount, Stop: stop, TermTotals: o.TermTotals})
	}
	return ctx.Err()
}

// keynessDocRows is the cap on each document's keyness rows in a corpus of
// n documents (0: none).
func keynessDocRows(n int, all bool) int {
	switch {
	case all:
		return 0
	case n > KeynessFewerDocs:
		return KeynessDocRowsLarge
	case n > KeynessCapDocs:
		return KeynessDocRows
	}
	return 0
}

// DocMeasure is one per-document measure of documents.csv: its column,
// type, unit and meaning (with its source) and how it is computed from a
// profile. The data dictionary is generated from these.
type DocMeasure struct {
	Name, Type, Unit, Meaning string
	Get                       func(p *DocProfile) float64
}

// EnglishOnly reports a measure that holds for English text only, NaN
// for a document analysed as another language (Options.LanguageOf):
// lexical density counts content words by their part-of-speech tags
// (prose's English tagger), and the readability formulas but LIX count
// English syllables or are calibrated to US school grades on English
// text. LIX (word and sentence lengths, no syllables, no grades) was
// made to compare texts across languages (Björnsson 1968).
func (m DocMeasure) EnglishOnly() bool { return englishMeasures[m.Name] }

var englishMeasures = map[string]bool{
	"lexical_density": true, "flesch": true, "flesch_kincaid": true, "gunning_fog": true, "smog": true, "ari": true, "coleman_liau": true,
}

// DocMeasures are the descriptive columns of documents.csv, in order.
var DocMeasures = []DocMeasure{
	{"sentence_length_mean", "float", "words", "mean words per sentence",
		func(p *DocProfile) float64 { m, _ := meanSD(p.SentenceLengths); return m }},
	{"sentence_length_sd", "float", "words", "standard deviation of words per sentence (denominator n − 1)",
		func(p *DocProfile) float64 { _, sd := meanSD(p.SentenceLengths); return sd }},
	{"word_length_mean", "float", "characters", "mean letters and digits per word",
		func(p *DocProfile) float64 { return float64(p.Letters) / float64(p.Words) }},
	{"ttr", "float", "", "type-token ratio V/N", func(p *DocProfile) float64 { return p.Diversity.TTR }},
	{"herdan_c", "float", "", "Herdan's C = log V / log N", func(p *DocProfile) float64 { return p.Diversity.HerdanC }},
	{"guiraud_r", "float", "", "Guiraud's R = V / √N", func(p *DocProfile) float64 { return p.Diversity.GuiraudR }},
	{"cttr", "float", "", "Carroll's corrected TTR = V / √(2N)", func(p *DocProfile) float64 { return p.Diversity.CTTR }},
	{"yule_k", "float", "", "Yule's K = 10⁴ (Σ i² V_i − N) / N²", func(p *DocProfile) float64 { return p.Diversity.YuleK }},
	{"maas", "float", "", "Maas a = √((log N − log V) / (log N)²)", func(p *DocProfile) float64 { return p.Diversity.Maas }},
	{"mattr", "float", "", "moving-average TTR over windows of 100 words (Covington & McFall 2010)", func(p *DocProfile) float64 { return p.Diversity.MATTR }},
	{"msttr", "float", "", "mean TTR of consecutive 100-word segments", func(p *DocProfile) float64 { return p.Diversity.MSTTR }},
	{"mtld", "float", "words", "measure of textual lexical diversity, threshold 0.72 (McCarthy & Jarvis 2010)", func(p *DocProfile) float64 { return p.Diversity.MTLD }},
	{"hdd", "float", "", "HD-D, sample of 42 (McCarthy & Jarvis 2007)", func(p *DocProfile) float64 { return p.Diversity.HDD }},
	{"lexical_density", "float", "proportion", "content words (nouns, lexical verbs, adjectives, adverbs by POS tag) / words",
		func(p *DocProfile) float64 { return float64(p.ContentWords) / float64(p.Words) }},
	{"flesch", "float", "", "Flesch reading ease 206.835 − 1.015 W/S − 84.6 Sy/W (Flesch 1948); higher is easier", func(p *DocProfile) float64 { return p.Readability.Flesch }},
	{"flesch_kincaid", "float", "US grade", "0.39 W/S + 11.8 Sy/W − 15.59 (Kincaid et al. 1975)", func(p *DocProfile) float64 { return p.Readability.FleschKincaid }},
	{"gunning_fog", "float", "US grade", "0.4 (W/S + 100 P/W) (Gunning 1952)", func(p *DocProfile) float64 { return p.Readability.GunningFog }},
	{"smog", "float", "US grade", "1.043 √(30 P/S) + 3.1291 (McLaughlin 1969)", func(p *DocProfile) float64 { return p.Readability.SMOG }},
	{"ari", "float", "US grade", "4.71 C/W + 0.5 W/S − 21.43 (Senter & Smith 1967)", func(p *DocProfile) float64 { return p.Readability.ARI }},
	{"coleman_liau", "float", "US grade", "0.0588 L − 0.296 S′ − 15.8, per 100 words (Coleman & Liau 1975)", func(p *DocProfile) float64 { return p.Readability.ColemanLiau }},
	{"lix", "float", "", "W/S + 100 (words over 6 letters)/W (Björnsson 1968)", func(p *DocProfile) float64 { return p.Readability.LIX }},
}

func meanSD(v []int) (float64, float64) {
	if len(v) == 0 {
		return math.NaN(), math.NaN()
	}
	f := make([]float64, len(v))
	for i, x := range v {
		f[i] = float64(x)
	}
	if len(f) == 1 {
		return f[0], math.NaN()
	}
	return stat.MeanStdDev(f, nil)
}

// unmatchedTargets warns of each target that no document names, with the
// forms it was looked for under.
func unmatchedTargets(targets []TargetSpec, docs []Doc) []string {
	var out []string
	for ti, t := range targets {
		n := 0
		for _, d := range docs {
			if ti < len(d.Profile.Targets) {
				n += d.Profile.Targets[ti].Count
			}
		}
		if n > 0 {
			continue
		}
		forms := t.Forms
		if len(forms) == 0 {
			forms = []string{t.Name}
		}
		out = append(out, fmt.Sprintf("target %q matches nothing in the %d documents (looked for: %s): a misspelling, or a form the tokenizer splits; patterns such as peasant* are not targets: list the forms (peasantry=peasant|peasants)", t.Name, len(docs), strings.Join(forms, ", ")))
	}
	return out
}
