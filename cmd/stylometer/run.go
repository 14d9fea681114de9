package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
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
func run(ctx context.Context, cfg pipeline.Config, paths []string, stdout, stderr io.Writer) error {
	_, err := job(ctx, cfg, paths, pipeline.Profile, stdout, stderr)
	return err
}

// profiler is the map stage of a job: pipeline.Profile, or the merge of
// part files.
type profiler func(ctx context.Context, c pipeline.Corpus, o pipeline.Options) (*pipeline.Profiles, error)

// summary is what a finished job reports to the benchmark.
type summary struct {
	docs, tokens int
	timings      []reports.StageTiming
}

func job(ctx context.Context, cfg pipeline.Config, paths []string, profile profiler, stdout, stderr io.Writer) (*summary, error) {
	started := time.Now()
	tm := &timer{last: started}
	note := func(msg string) { fmt.Fprintf(stderr, "stylometer: %s\n", msg) }

	opt, err := cfg.Options()
	if err != nil {
		return nil, optionError(err)
	}
	if err := reports.RecoverFolder(cfg.Out, note); err != nil {
		return nil, err
	}
	if err := reports.CheckFolder(cfg.Out, cfg.Inputs(paths)); err != nil {
		return nil, err
	}
	corpus, err := pipeline.OpenCorpus(paths, cfg.Meta)
	if err != nil {
		return nil, err
	}
	prog, err := newProgress(cfg.Progress, stderr, len(corpus.Sources))
	if err != nil {
		return nil, err
	}
	opt.Progress = func(done, _ int) { prog.done(done) }
	if dir := cfg.CacheDir(); dir != "" {
		opt.Cache = pipeline.NewCache(dir, opt)
	}
	tm.lap("setup")
	profiles, err := profile(ctx, corpus, opt)
	prog.finish()
	if err != nil {
		return nil, interrupted(optionError(err))
	}
	skipped, notRead := 0, 0
	for _, f := range profiles.Failures {
		switch f.Stage {
		case "skipped":
			// A folder of images and PDFs beside the texts is listed
			// in errors.csv, not line by line here.
			if notRead++; notRead <= maxNotRead {
				note(fmt.Sprintf("not read: %s: %s", f.Path, f.Err))
			}
		case "metadata":
			note(fmt.Sprintf("warning: %s: %s", f.Path, f.Err))
			continue
		default:
			note(fmt.Sprintf("skipped %s (%s): %s", f.Path, f.Stage, f.Err))
		}
		skipped++
	}
	if notRead > maxNotRead {
		note(fmt.Sprintf("not read: %d more entries (errors.csv lists every one)", notRead-maxNotRead))
	}
	if opt.Cache != nil && opt.Cache.Hits() > 0 {
		note(fmt.Sprintf("%d of %d documents from the profile cache in %s (--no-cache to tag them again)", opt.Cache.Hits(), len(corpus.Sources), cfg.CacheDir()))
	}
	tm.lap("documents")
	if path := cfg.Framing.Reference; path != "" {
		prog.stage("reference " + path)
		ref, failures, err := pipeline.LoadReference(ctx, path, opt)
		if err != nil {
			return nil, interrupted(optionError(err))
		}
		for _, f := range failures {
			note(fmt.Sprintf("reference: skipped %s (%s): %s", f.Path, f.Stage, f.Err))
		}
		profiles.Failures = append(profiles.Failures, failures...)
		opt.Reference = ref
		tm.lap("reference")
	}
	manifest := func(out *reports.Folder) error { return writeManifest(out, cfg, paths, profiles, started, tm) }
	if len(profiles.Docs) == 0 {
		prog.stage("writing " + cfg.Out)
		err := reports.WriteFolder(ctx, cfg.Out, func(out *reports.Folder) error {
			if err := reports.WriteFailed(profiles.Failures, len(corpus.Sources), out, reports.Run{Parameters: shareable(cfg)}); err != nil {
				return err
			}
			return manifest(out)
		})
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("no document could be analysed (%d failed): see %s", skipped, filepath.Join(cfg.Out, "errors.csv"))
	}

	// The analysis and the writing run beside the signal: interrupted, the
	// run returns at once and the process ends, keeping the previous
	// output (the temporary folder is removed, or by the next run). The
	// analysis itself stops within a fraction of a second (its long loops
	// look at ctx), so a caller that goes on (a test, the benchmark) is
	// not left with it running.
	opt.AnalysisProgress = prog.analysis()
	done := make(chan error, 1)
	go func() {
		st, err := pipeline.Analyse(ctx, profiles, opt)
		prog.finishAnalysis()
		if err != nil {
			done <- err
			return
		}
		if st.LanguageWarning != "" {
			note("warning: " + st.LanguageWarning)
		}
		for _, w := range st.FramingWarnings {
			note("warning: " + w)
		}
		for _, w := range st.Stylometry.Warnings {
			note("warning: " + w)
		}
		tm.lap("analysis")
		prog.stage("writing " + cfg.Out)
		done <- reports.WriteFolder(ctx, cfg.Out, func(out *reports.Folder) error {
			quote := func(terms []string, o pipeline.QuoteOptions) (*pipeline.Quotes, error) {
				prog.stage("quoting the page's terms")
				t0 := time.Now()
				q, err := pipeline.QuoteTerms(ctx, corpus, st, terms, o)
				// A part of the write stage, timed on its own.
				tm.stages = append(tm.stages, reports.StageTiming{Stage: "write: quotes", Seconds: time.Since(t0).Seconds()})
				return q, err
			}
			if err := reports.Write(st, out, reports.Run{Parameters: shareable(cfg), Format: cfg.Format, Quote: quote}); err != nil {
				return err
			}
			tm.lap("write")
			return manifest(out)
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
	fmt.Fprintf(stdout, "%d documents analysed, %d skipped; report: %s\n", len(profiles.Docs), skipped, abs)
	sum := &summary{docs: len(profiles.Docs), timings: tm.stages}
	for _, d := range profiles.Docs {
		sum.tokens += d.Profile.Words
	}
	if cfg.Strict && counted(profiles.Failures) > 0 {
		return sum, errStrict
	}
	return sum, nil
}

// maxNotRead is how many entries not read (stage "skipped") stderr names
// one by one; it counts the rest.
const maxNotRead = 10

// interrupted says that a cancelled run kept the previous output.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("interrupted, previous output kept: %w", err)
	}
	return err
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

func writeManifest(out *reports.Folder, cfg pipeline.Config, paths []string, p *pipeline.Profiles, started time.Time, tm *timer) error {
	m := &reports.Manifest{
		Tool:       "stylometer",
		Version:    version,
		GoVersion:  runtime.Version(),
		Parameters: shareable(cfg),
		Failures:   len(p.Failures),
		Modules:    modules(),
		Settings:   settingsFiles(cfg),
	}
	for _, d := range p.Docs {
		m.Inputs = append(m.Inputs, reports.Input{ID: d.ID, Path: relInput(d.Path, paths), Bytes: d.Bytes, SHA256: d.SHA256})
	}
	m.Outputs = out.Outputs()
	workers := cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	tm.lap("manifest")
	m.Runtime = reports.RuntimeInfo{Commit: commit(), OS: runtime.GOOS, Arch: runtime.GOARCH, Workers: workers, Started: started.UTC().Format(time.RFC3339), Timings: tm.stages}
	return out.Write("manifest.json", func(w io.Writer) error { return reports.WriteManifest(w, m) })
}
