package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
			fmt.Fprintf(stderr, "stylometer: warning: %s: %s\n", p.Path, p.Err)
		}
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
		return nil, fmt.Errorf("interrupted, previous output kept: %w", err)
	}
	for _, f := range res.Failures {
		fmt.Fprintf(stderr, "stylometer: skipped %s (%s): %s\n", f.Path, f.Stage, f.Err)
	}
	for i := range res.Docs {
		res.Docs[i].Meta = byID[res.Docs[i].ID]
	}
	failures := append(res.Failures, problems...)
	if len(res.Docs) == 0 {
		return nil, fmt.Errorf("no document could be analysed (%d failed)", len(res.Failures))
	}
	tm.lap("documents")

	prog.stage("analysis")
	st, err := analyse(cfg, res.Docs, metaCols)
	if err != nil {
		return nil, err
	}
	tm.lap("analysis")

	prog.stage("writing " + cfg.Out)
	out, err := newOutDir(cfg.Out)
	if err != nil {
		return nil, err
	}
	if err := writeAll(out, cfg, st, failures); err != nil {
		out.abort()
		return nil, err
	}
	tm.lap("write")
	if err := writeManifest(out, cfg, src, res, len(failures), started, tm); err != nil {
		out.abort()
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		out.abort()
		return nil, fmt.Errorf("interrupted, previous output kept: %w", err)
	}
	if err := out.commit(); err != nil {
		out.abort()
		return nil, err
	}
	abs, _ := filepath.Abs(filepath.Join(cfg.Out, "index.html"))
	fmt.Fprintf(stdout, "%d documents analysed, %d skipped; report: %s\n", len(res.Docs), len(res.Failures), abs)
	sum := &summary{docs: len(res.Docs), timings: tm.stages}
	for _, d := range res.Docs {
		sum.tokens += d.Profile.Words
	}
	if cfg.Strict && len(failures) > 0 {
		return sum, errStrict
	}
	return sum, nil
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
