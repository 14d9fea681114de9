package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
	"github.com/stylometer/stylometer/seeds"
)

// timer records per-stage wall-clock times for the manifest.
type timer struct {
	last   time.Time
	stages []reports.StageTiming
}

func (t *timer) lap(stage string) {
	now := time.Now()
	t.stages = append(t.stages, reports.StageTiming{Stage: stage, Seconds: now.Sub(t.last).Seconds()})
	t.last = now
}

// run is the whole job: read the corpus, analyse it, write every output
// into cfg.Out (atomically) and say where the report is on stdout.
func run(ctx context.Context, cfg Config, paths []string, stdout, stderr io.Writer) error {
	_, err := job(ctx, cfg, paths, stdout, stderr)
	return err
}

// summary is what a finished job reports to the benchmark.
type summary struct {
	docs, tokens int
	timings      []reports.StageTiming
}

func job(ctx context.Context, cfg Config, paths []string, stdout, stderr io.Writer) (*summary, error) {
	started := time.Now()
	tm := &timer{last: started}
	note := func(msg string) { fmt.Fprintf(stderr, "stylometer: %s\n", msg) }

	if err := recoverOut(cfg.Out, note); err != nil {
		return nil, err
	}
	if err := checkOut(cfg.Out, cfg.inputs(paths)); err != nil {
		return nil, err
	}
	src, meta, err := sources(cfg, paths)
	if err != nil {
		return nil, err
	}
	var metaCols []string
	var problems []pipeline.Failure
	docMeta := make([]map[string]string, len(src))
	if meta != nil {
		metaCols = meta.Columns
		docMeta, problems = meta.Join(src)
		for _, p := range problems {
			note(fmt.Sprintf("warning: %s: %s", p.Path, p.Err))
		}
	}
	if err := checkColumns(cfg, metaCols, meta != nil); err != nil {
		return nil, err
	}
	byID := map[string]map[string]string{}
	for i, s := range src {
		byID[s.ID] = docMeta[i]
	}

	canon, err := pipeline.NewCanon(cfg.Text.Boilerplate)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	canon.DropRepeated = cfg.Text.DropRepeated
	canon.KeepCase = cfg.Text.KeepCase
	opt, err := profileOptions(cfg, canon)
	if err != nil {
		return nil, err
	}
	tagger, err := pipeline.NewTagger()
	if err != nil {
		return nil, err
	}
	tm.lap("setup")

	prog, err := newProgress(cfg.Progress, stderr, len(src))
	if err != nil {
		return nil, err
	}
	res, err := pipeline.Run(ctx, tagger, src, pipeline.Options{
		Workers:  cfg.Workers,
		Canon:    canon,
		Profile:  opt,
		Progress: prog.done,
	})
	prog.finish()
	if err != nil {
		return nil, interrupted(err)
	}
	for _, f := range res.Failures {
		if f.Stage == "skipped" {
			note(fmt.Sprintf("not read: %s: %s", f.Path, f.Err))
		} else {
			note(fmt.Sprintf("skipped %s (%s): %s", f.Path, f.Stage, f.Err))
		}
	}
	for i := range res.Docs {
		res.Docs[i].Meta = byID[res.Docs[i].ID]
	}
	problems = append(problems, emptyValues(cfg, res.Docs)...)
	failures := append(res.Failures, problems...)
	tm.lap("documents")

	if len(res.Docs) == 0 {
		prog.stage("writing " + cfg.Out)
		err := writeOut(ctx, cfg, func(out *outDir) error {
			return writeFailedRun(out, cfg, src, res, failures, started, tm)
		})
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("no document could be analysed (%d failed): see %s", len(res.Failures), filepath.Join(cfg.Out, "errors.csv"))
	}

	// The analysis and the writing run beside the signal: interrupted, the
	// run returns at once and the process ends, keeping the previous
	// output (the temporary folder is removed, or by the next run).
	prog.stage("analysis")
	done := make(chan error, 1)
	var st *study
	go func() {
		var err error
		if st, err = analyse(cfg, res.Docs, metaCols); err != nil {
			done <- err
			return
		}
		for _, w := range st.stylometry.warnings {
			note("warning: " + w)
		}
		tm.lap("analysis")
		prog.stage("writing " + cfg.Out)
		done <- writeOut(ctx, cfg, func(out *outDir) error {
			if err := writeAll(out, cfg, st, failures); err != nil {
				return err
			}
			tm.lap("write")
			return writeManifest(out, cfg, src, res, len(failures), started, tm)
		})
	}()
	select {
	case <-ctx.Done():
		return nil, interrupted(ctx.Err())
	case err := <-done:
		if err != nil {
			return nil, interrupted(err)
		}
	}
	abs, _ := filepath.Abs(filepath.Join(cfg.Out, "index.html"))
	fmt.Fprintf(stdout, "%d documents analysed, %d skipped; report: %s\n", len(res.Docs), len(res.Failures), abs)
	sum := &summary{docs: len(res.Docs), timings: tm.stages}
	for _, d := range res.Docs {
		sum.tokens += d.Profile.Words
	}
	if cfg.Strict && counted(failures) > 0 {
		return sum, errStrict
	}
	return sum, nil
}

// interrupted says that a cancelled run kept the previous output.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("interrupted, previous output kept: %w", err)
	}
	return err
}

// writeOut writes the output folder with fill, atomically: on any error or
// cancellation the temporary folder is removed and the previous output
// stays as it was.
func writeOut(ctx context.Context, cfg Config, fill func(*outDir) error) error {
	out, err := newOutDir(ctx, cfg.Out)
	if err != nil {
		return err
	}
	if err := fill(out); err != nil {
		out.abort()
		return err
	}
	if err := ctx.Err(); err != nil {
		out.abort()
		return err
	}
	if err := out.commit(); err != nil {
		out.abort()
		return err
	}
	return nil
}

// counted is the number of failures --strict counts: every row of
// errors.csv but those of stage "skipped", which are what stylometer does
// not read by rule (hidden files and folders, links to folders, files that
// are not regular files).
func counted(failures []pipeline.Failure) int {
	n := 0
	for _, f := range failures {
		if f.Stage != "skipped" {
			n++
		}
	}
	return n
}

// checkColumns refuses, before any document is read, a --group-by or
// --label column that the metadata does not have.
func checkColumns(cfg Config, cols []string, haveMeta bool) error {
	want := append(append([]string(nil), cfg.GroupBy...), cfg.Label)
	for i, c := range want {
		if c == "" {
			continue
		}
		flag := "--group-by"
		if i == len(want)-1 {
			flag = "--label"
		} else if c == "document" {
			return fmt.Errorf("--group-by document: the name is taken by the per-document comparisons (keyness.csv's scope); rename the column")
		}
		if !haveMeta {
			return fmt.Errorf("%s %s: needs a metadata table (--meta FILE)", flag, c)
		}
		if !slices.Contains(cols, c) {
			return fmt.Errorf("%s %s: the metadata has no such column (it has: %s)", flag, c, strings.Join(cols, ", "))
		}
	}
	return nil
}

// emptyValues notes every document whose metadata row leaves a --group-by
// or --label column empty: it takes part in neither side of that column's
// comparisons (it is not in "the rest" either) and is not attributed.
func emptyValues(cfg Config, docs []pipeline.Doc) []pipeline.Failure {
	var out []pipeline.Failure
	for _, d := range docs {
		if d.Meta == nil {
			continue // reported as a document with no metadata row
		}
		for _, c := range cfg.GroupBy {
			if strings.TrimSpace(d.Meta[c]) == "" {
				out = append(out, pipeline.Failure{Path: d.Path, Stage: "metadata",
					Err: fmt.Sprintf("empty %s: left out of the %s comparisons (neither a group nor the rest)", c, c)})
			}
		}
		if c := cfg.Label; c != "" && strings.TrimSpace(d.Meta[c]) == "" {
			out = append(out, pipeline.Failure{Path: d.Path, Stage: "metadata",
				Err: fmt.Sprintf("empty %s: not attributed and no candidate for attribution", c)})
		}
	}
	return out
}

// sources lists the documents: the paths given, or the embedded seeds with
// their metadata. --meta replaces the seeds' metadata.
func sources(cfg Config, paths []string) ([]pipeline.Source, *pipeline.Meta, error) {
	var src []pipeline.Source
	var err error
	var metaFile io.ReadCloser
	metaName := cfg.Meta
	if len(paths) == 0 {
		fsys := seeds.FS()
		if src, err = pipeline.FromFS(fsys); err != nil {
			return nil, nil, err
		}
		if metaName == "" {
			metaName = "seeds/" + seeds.Metadata
			if metaFile, err = fsys.Open(seeds.Metadata); err != nil {
				return nil, nil, err
			}
		}
	} else if src, err = pipeline.FromPaths(paths); err != nil {
		return nil, nil, err
	}
	if metaFile == nil && cfg.Meta != "" {
		if metaFile, err = os.Open(cfg.Meta); err != nil {
			return nil, nil, fmt.Errorf("--meta: %w", err)
		}
	}
	if metaFile == nil {
		return src, nil, nil
	}
	defer metaFile.Close()
	meta, err := pipeline.ReadMeta(metaFile, metaName)
	return src, meta, err
}

// writeFailedRun writes the output of a run in which no document could be
// analysed: errors.csv says why for each input, index.html shows it and
// manifest.json records the run.
func writeFailedRun(out *outDir, cfg Config, src []pipeline.Source, res *pipeline.Result, failures []pipeline.Failure, started time.Time, tm *timer) error {
	t := reports.ErrorsTable(failures)
	if err := out.write("errors.csv", func(w io.Writer) error { return reports.WriteCSV(w, t) }); err != nil {
		return err
	}
	page := &reports.HTMLTable{Header: t.Header, Rows: t.Rows}
	r := &reports.Report{
		Title:    "stylometer report",
		Subtitle: fmt.Sprintf("No document could be analysed: %d inputs, every one failed. errors.csv says why for each.", len(src)),
		Summary:  []reports.KV{{Key: "documents", Value: "0"}, {Key: "skipped inputs", Value: strconv.Itoa(len(res.Failures))}},
		Sections: []reports.Section{{ID: "errors", Title: "Inputs that failed", Blocks: []reports.Block{{Title: "errors.csv", Table: page, Wide: true}}}},
	}
	params, _ := json.MarshalIndent(manifestParams(cfg), "", "  ")
	r.Parameters = string(params)
	for _, n := range []string{"errors.csv", "manifest.json"} {
		fl := reports.FileLink{Name: n}
		if d := reports.Lookup(n); d != nil {
			fl.RowPer, fl.Columns = d.RowPer, d.Columns
		}
		r.Files = append(r.Files, fl)
	}
	r.Files[0].Rows = len(t.Rows)
	if err := out.write("index.html", func(w io.Writer) error { return reports.WriteHTML(w, r) }); err != nil {
		return err
	}
	return writeManifest(out, cfg, src, res, len(failures), started, tm)
}

func writeManifest(out *outDir, cfg Config, src []pipeline.Source, res *pipeline.Result, nfail int, started time.Time, tm *timer) error {
	m := &reports.Manifest{
		Tool:       "stylometer",
		Version:    version,
		GoVersion:  runtime.Version(),
		Parameters: manifestParams(cfg),
		Failures:   nfail,
	}
	for _, d := range res.Docs {
		m.Inputs = append(m.Inputs, reports.Input{ID: d.ID, Path: d.Path, Bytes: d.Bytes, SHA256: d.SHA256})
	}
	for _, n := range out.names() {
		m.Outputs = append(m.Outputs, reports.Output{File: n, SHA256: out.files[n]})
	}
	workers := cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	tm.lap("manifest")
	m.Runtime = reports.RuntimeInfo{Workers: workers, Started: started.UTC().Format(time.RFC3339), Timings: tm.stages}
	return out.write("manifest.json", func(w io.Writer) error { return reports.WriteManifest(w, m) })
}

// manifestParams is the configuration minus what does not change results.
func manifestParams(cfg Config) Config {
	cfg.Workers = 0
	cfg.Progress = ""
	return cfg
}
