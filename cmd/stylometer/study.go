package main

import (
	"fmt"
	"io"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// study is everything computed from the profiles, ready to write.
type study struct {
	docs     []pipeline.Doc
	metaCols []string
	ids      []string
	words    *analysis.Table // all word terms, for terms.csv
	tfidf    []map[string]float64
	docCols  []reports.Column
}

// profileOptions turns the configuration into what each worker counts.
func profileOptions(cfg Config) (pipeline.ProfileOptions, error) {
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
		opt.Targets = append(opt.Targets, pipeline.NewTarget(t.Name, t.Forms...))
	}
	return opt, nil
}

// measureDocument runs in the worker, while the word sequence is there.
func measureDocument(p *pipeline.Profile) {}

// analyse computes the corpus-level tables.
func analyse(cfg Config, docs []pipeline.Doc, metaCols []string) (*study, error) {
	st := &study{docs: docs, metaCols: metaCols}
	counts := make([]map[string]int, len(docs))
	totals := make([]float64, len(docs))
	for i, d := range docs {
		st.ids = append(st.ids, d.ID)
		counts[i] = d.Profile.Terms
		totals[i] = float64(d.Profile.Words)
	}
	st.words = analysis.NewTable(st.ids, counts, totals)
	x := analysis.TFIDF(st.words)
	st.tfidf = make([]map[string]float64, len(docs))
	for i := range docs {
		st.tfidf[i] = map[string]float64{}
		if x == nil {
			continue
		}
		row := x.RawRowView(i)
		for j, f := range st.words.Features {
			if row[j] != 0 {
				st.tfidf[i][f] = row[j]
			}
		}
	}
	return st, nil
}

// writeAll writes every output file into out.
func writeAll(out *outDir, cfg Config, st *study, failures []pipeline.Failure) error {
	csvFile := func(name string, t *reports.Table) error {
		return out.write(name, func(w io.Writer) error { return reports.WriteCSV(w, t) })
	}
	if err := csvFile("documents.csv", reports.DocumentsTable(st.docs, st.metaCols, st.docCols)); err != nil {
		return err
	}
	if err := csvFile("terms.csv", reports.TermsTable(st.docs, st.tfidf)); err != nil {
		return err
	}
	if err := csvFile("pos.csv", reports.POSTable(st.docs)); err != nil {
		return err
	}
	if err := csvFile("errors.csv", reports.ErrorsTable(failures)); err != nil {
		return err
	}
	return out.write("index.html", func(w io.Writer) error {
		_, err := io.WriteString(w, "<!doctype html><title>stylometer</title>")
		return err
	})
}
