package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/cheggaaa/pb/v3"
	"golang.org/x/term"

	"github.com/stylometer/stylometer/pipeline"
)

// progress reports documents done and the analysis's steps on stderr: a
// bar on a terminal, log lines otherwise (the documents and a counted
// step's units every few seconds), or nothing. Never on stdout.
type progress struct {
	mu    sync.Mutex
	bar   *pb.ProgressBar
	log   io.Writer
	total int
	last  time.Time
	every time.Duration
	start time.Time

	// The analysis: its bar over the steps (bar mode), the step under way
	// and when it began.
	out       io.Writer // stderr, for the analysis's bar
	stepBar   *pb.ProgressBar
	step      string
	stepStart time.Time
}

// barRefresh is the most often the analysis bar's text changes.
const barRefresh = 100 * time.Millisecond

func newProgress(mode string, stderr io.Writer, total int) (*progress, error) {
	p := &progress{total: total, every: 3 * time.Second, start: time.Now(), out: stderr}
	if mode == "auto" {
		mode = "log"
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		p.bar = pb.New(total)
		p.bar.SetWriter(stderr)
		p.bar.SetTemplateString(`{{string . "prefix"}}{{counters . }} {{bar . }} {{percent . }} {{etime . }}`)
		p.bar.Set("prefix", "documents ")
		p.bar.Start()
	case "log":
		p.log = stderr
	case "none":
	default:
		return nil, fmt.Errorf("--progress %q: want auto, bar, log or none", mode)
	}
	return p, nil
}

// done is called by the workers with the number of documents finished.
func (p *progress) done(n int) {
	if p.bar != nil {
		p.bar.SetCurrent(int64(n))
		return
	}
	if p.log == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= p.every || n == p.total {
		p.last = now
		fmt.Fprintf(p.log, "stylometer: %d/%d documents (%.1fs)\n", n, p.total, now.Sub(p.start).Seconds())
	}
}

// stage logs the start of a later stage in log mode.
func (p *progress) stage(name string) {
	if p.log != nil {
		fmt.Fprintf(p.log, "stylometer: %s\n", name)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// analysis returns the function that shows how far the analysis has got
// (pipeline.Options.AnalysisProgress), or nil with --progress none.
func (p *progress) analysis() func(pipeline.AnalysisStep) {
	if p.bar == nil && p.log == nil {
		return nil
	}
	return p.analysisStep
}

// analysisStep shows s: in log mode a line as each step begins,
// "stylometer: analysis: distances (2/9)", and inside a counted step a
// line every few seconds, "stylometer: analysis: distances (2/9): 5/12
// matrices (6.1s)"; in bar mode a bar over the steps with the step and its
// count beside it, "distances (2/9): 5/12 matrices".
func (p *progress) analysisStep(s pipeline.AnalysisStep) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	begins := s.Name != p.step
	if begins {
		p.step, p.stepStart = s.Name, now
	}
	if p.bar != nil {
		if p.stepBar == nil {
			p.stepBar = pb.New(s.Of)
			p.stepBar.SetWriter(p.out)
			p.stepBar.SetTemplateString(`{{string . "prefix"}}{{bar . }} {{etime . }} {{string . "step"}}`)
			p.stepBar.Set("prefix", "analysis ")
			p.stepBar.Start()
		}
		if begins || now.Sub(p.last) >= barRefresh {
			p.last = now
			p.stepBar.SetCurrent(int64(max(s.Index-1, 0)))
			p.stepBar.Set("step", stepText(s, true))
		}
		return
	}
	switch {
	case begins:
		p.last = now
		fmt.Fprintf(p.log, "stylometer: analysis: %s\n", stepText(s, false))
	case s.Unit != "" && now.Sub(p.last) >= p.every:
		p.last = now
		fmt.Fprintf(p.log, "stylometer: analysis: %s (%.1fs)\n", stepText(s, true), now.Sub(p.stepStart).Seconds())
	}
}

// stepText is "distances (2/9)", with count "distances (2/9): delta 40/136
// k-NN tiles" (a total not known yet is left out).
func stepText(s pipeline.AnalysisStep, count bool) string {
	t := s.Name
	if s.Index > 0 {
		t += fmt.Sprintf(" (%d/%d)", s.Index, s.Of)
	}
	if !count || s.Unit == "" {
		return t
	}
	t += ":"
	if s.Part != "" {
		t += " " + s.Part
	}
	if s.Total > 0 {
		return t + fmt.Sprintf(" %d/%d %s", s.Done, s.Total, s.Unit)
	}
	return t + fmt.Sprintf(" %d %s", s.Done, s.Unit)
}

// finishAnalysis ends the analysis's bar.
func (p *progress) finishAnalysis() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stepBar != nil {
		p.stepBar.SetCurrent(p.stepBar.Total())
		p.stepBar.Set("step", "")
		p.stepBar.Finish()
	}
}
