package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/cheggaaa/pb/v3"
	"golang.org/x/term"
)

// progress reports documents done on stderr: a bar on a terminal, a log
// line every few seconds otherwise, or nothing. Never on stdout.
type progress struct {
	mu    sync.Mutex
	bar   *pb.ProgressBar
	log   io.Writer
	total int
	last  time.Time
	every time.Duration
	start time.Time
}

func newProgress(mode string, stderr io.Writer, total int) (*progress, error) {
	p := &progress{total: total, every: 3 * time.Second, start: time.Now()}
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
