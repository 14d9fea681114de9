package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// study is everything computed from the profiles, ready to write.
type study struct {
	docs     []pipeline.Doc
	metaCols []string
	ids      []string
	words    *analysis.Table // all word terms, for terms.csv
	tfidf    *mat.Dense      // documents × st.words.Features
	feature  map[string]int  // column of each term in st.words and st.tfidf
	docCols  []reports.Column

	targets    []string
	keyness    []framing.KeynessResult
	collocates []framing.Collocate
	rates      []framing.Rate
	lexicon    []framing.LexiconRate

	groupBy  []string
	colourBy string // the grouping column that colours charts

	skippedCharts []string // charts that could not be drawn, with the reason

	stylometry *stylometry
}

// tfidfOf is document i's tf-idf weight of term.
func (st *study) tfidfOf(i int, term string) float64 {
	j, ok := st.feature[term]
	if !ok || st.tfidf == nil {
		return 0
	}
	return st.tfidf.At(i, j)
}

// profileOptions turns the configuration into what each worker counts.
func profileOptions(cfg Config, canon *pipeline.Canon) (pipeline.ProfileOptions, error) {
	opt := pipeline.ProfileOptions{
		Window:        cfg.Framing.Window,
		Context:       cfg.Framing.Context,
		SampleSize:    cfg.Stylometry.SampleSize,
		SampleOverlap: cfg.Stylometry.SampleOverlap,
		SliceSize:     cfg.Framing.Slice,
	}
	for _, spec := range cfg.Stylometry.Features {
		f, err := pipeline.ParseFeature(spec)
		if err != nil {
			return opt, fmt.Errorf("--features: %w", err)
		}
		if f.String() != "word:1" {
			opt.Features = append(opt.Features, f)
		}
	}
	for _, t := range cfg.Framing.Targets {
		if t.Name == "" {
			return opt, fmt.Errorf("framing target with no name")
		}
		opt.Targets = append(opt.Targets, pipeline.NewTargetCase(canon, t.Name, t.Forms...))
	}
	return opt, nil
}

// analyse computes the corpus-level tables.
func analyse(cfg Config, docs []pipeline.Doc, metaCols []string) (*study, error) {
	st := &study{docs: docs, metaCols: metaCols, groupBy: cfg.GroupBy}
	if len(cfg.GroupBy) > 0 {
		st.colourBy = cfg.GroupBy[0]
	}
	counts := make([]map[string]int, len(docs))
	totals := make([]float64, len(docs))
	for i, d := range docs {
		st.ids = append(st.ids, d.ID)
		counts[i] = d.Profile.Terms
		totals[i] = float64(d.Profile.Words)
	}
	st.docCols = measureColumns(docs)
	st.words = analysis.NewTable(st.ids, counts, totals)
	st.tfidf = analysis.TFIDF(st.words)
	st.feature = make(map[string]int, len(st.words.Features))
	for j, f := range st.words.Features {
		st.feature[f] = j
	}
	if err := st.stylo(cfg); err != nil {
		return nil, err
	}
	if err := st.frame(cfg); err != nil {
		return nil, err
	}
	return st, nil
}

// frame runs the framing comparisons: keyness per scope, collocates and
// rates per target and unit.
func (st *study) frame(cfg Config) error {
	fc := cfg.Framing
	prior, err := parsePrior(fc.Prior)
	if err != nil {
		return err
	}
	stop, err := framing.Stopwords(fc.Stopwords)
	if err != nil {
		return fmt.Errorf("--stopwords: %w", err)
	}
	fdocs := make([]framing.Doc, len(st.docs))
	for i, d := range st.docs {
		p := d.Profile
		fd := framing.Doc{ID: d.ID, Meta: d.Meta, Words: p.Words, Terms: p.Content, All: p.Terms,
			Slices: p.Slices, SlicePresence: p.SlicePresence}
		if fc.AllWords {
			fd.Terms = p.Terms
		}
		for _, t := range p.Targets {
			fd.Targets = append(fd.Targets, framing.Target{Count: t.Count, Collocates: t.Collocates, WindowTokens: t.WindowTokens})
		}
		fdocs[i] = fd
	}
	scopes := framing.Scopes(fdocs, cfg.GroupBy, fc.Pairs)
	st.keyness = framing.Keyness(fdocs, scopes, framing.Options{
		Keyness:  keyness.Options{Prior: prior},
		MinCount: fc.MinCount,
		Stop:     stop,
		Present:  !fc.KeynessAll,
	})
	for _, t := range fc.Targets {
		st.targets = append(st.targets, t.Name)
	}
	units := framing.Units(fdocs, cfg.GroupBy)
	st.collocates = framing.Collocates(fdocs, st.targets, units, 2)
	st.rates = framing.Rates(fdocs, st.targets, units)
	lx, err := readLexicon(cfg)
	if err != nil {
		return err
	}
	if lx != nil {
		st.lexicon = framing.LexiconRates(fdocs, lx, units)
	}
	return nil
}

// readLexicon reads the category,term CSV named by the configuration: from
// the config file's folder (or the seeds) when the config named it, else
// from the path as given.
func readLexicon(cfg Config) (*framing.Lexicon, error) {
	name := cfg.Framing.Lexicon
	if name == "" {
		return nil, nil
	}
	var r io.ReadCloser
	var err error
	if cfg.lexiconFS != nil && !filepath.IsAbs(name) {
		r, err = cfg.lexiconFS.Open(filepath.ToSlash(name))
	} else {
		r, err = os.Open(name)
	}
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer r.Close()
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	if len(rows) == 0 || len(rows[0]) < 2 || !strings.EqualFold(rows[0][0], "category") || !strings.EqualFold(rows[0][1], "term") {
		return nil, fmt.Errorf("lexicon %s: want a header row category,term", name)
	}
	var pairs [][2]string
	for _, r := range rows[1:] {
		pairs = append(pairs, [2]string{r[0], r[1]})
	}
	lx, err := framing.NewLexicon(pairs)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return lx, nil
}

// parsePrior reads --prior: "corpus" (informative: each term's corpus
// count) or "uniform:A".
func parsePrior(s string) (keyness.Prior, error) {
	if s == "" || s == "corpus" {
		return keyness.Prior{}, nil
	}
	if v, ok := strings.CutPrefix(s, "uniform:"); ok {
		a, err := strconv.ParseFloat(v, 64)
		if err == nil && a > 0 {
			return keyness.Prior{Uniform: a}, nil
		}
	}
	return keyness.Prior{}, fmt.Errorf("--prior %q: want corpus or uniform:A with A > 0", s)
}

// writeAll writes every output file into out.
func writeAll(out *outDir, cfg Config, st *study, failures []pipeline.Failure) error {
	rows := map[string]int{}
	csvFile := func(name string, t *reports.Table) error {
		rows[name] = len(t.Rows)
		return out.write(name, func(w io.Writer) error { return reports.WriteCSV(w, t) })
	}
	if err := csvFile("documents.csv", reports.DocumentsTable(st.docs, st.metaCols, st.docCols)); err != nil {
		return err
	}
	stream := func(name string, fn func(io.Writer) (int, error)) error {
		return out.write(name, func(w io.Writer) error {
			n, err := fn(w)
			rows[name] = n
			return err
		})
	}
	if err := stream("terms.csv", func(w io.Writer) (int, error) { return reports.WriteTerms(w, st.docs, st.tfidfOf) }); err != nil {
		return err
	}
	if err := csvFile("pos.csv", reports.POSTable(st.docs)); err != nil {
		return err
	}
	if err := csvFile("errors.csv", reports.ErrorsTable(failures)); err != nil {
		return err
	}
	if err := stream("keyness.csv", func(w io.Writer) (int, error) { return reports.WriteKeyness(w, st.keyness) }); err != nil {
		return err
	}
	if err := csvFile("collocates.csv", reports.CollocatesTable(st.collocates, cfg.Framing.Window)); err != nil {
		return err
	}
	if err := csvFile("targets.csv", reports.TargetsTable(st.rates)); err != nil {
		return err
	}
	if err := csvFile("kwic.csv", reports.KWICTable(st.docs, st.targets)); err != nil {
		return err
	}
	if err := st.writeStylometry(csvFile); err != nil {
		return err
	}
	if err := out.write("DATA.md", func(w io.Writer) error { return reports.WriteDictionary(w, measureDocs()) }); err != nil {
		return err
	}
	if st.lexicon != nil {
		if err := csvFile("lexicon.csv", reports.LexiconTable(st.lexicon)); err != nil {
			return err
		}
	}
	figs := &figures{}
	st.drawStylometry(figs)
	st.drawFraming(figs)
	st.drawDescriptives(figs)
	for _, fg := range figs.list {
		if err := out.write(fg.file, func(w io.Writer) error { _, err := w.Write(fg.svg); return err }); err != nil {
			return err
		}
	}
	st.skippedCharts = figs.skipped
	rep := buildReport(cfg, st, figs, rows, len(failures))
	return out.write("index.html", func(w io.Writer) error { return reports.WriteHTML(w, rep) })
}
