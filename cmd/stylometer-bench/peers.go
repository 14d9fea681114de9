package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
	"unicode"

	"github.com/jdkato/prose/v3"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// The peers mode measures, in this one process and on one corpus
// generated from the seeds, the tokens a second of
//
//	(a) a tokenise-only Go loop (runs of letters and digits, and every
//	    other non-space character): the floor of reading the text once;
//	(b) prose v3 as a library: prose.NewDocument with tokenising,
//	    segmentation and tagging, as prose does them (no entities);
//	(c) stylometer's per-document stage: pipeline.Profile (read, decode,
//	    canonicalise, segment, tokenise, tag, count) with the default
//	    settings;
//	(d) stylometer's whole default run: pipeline.Run, then reports.Write
//	    into a folder with the page's context lines (pipeline.QuoteTerms),
//	    as the command runs it,
//
// with one worker, GOMAXPROCS 1 (one core, the collector included), no
// profile cache. Each is run -rounds times, the four interleaved, and the
// fastest run of each counts, so that a burst of load on a shared machine
// costs one round, not one peer. Every rate divides the same number of
// tokens, stylometer's (words and punctuation), by the seconds, so the
// rates compare as the times do.
//
//	stylometer-bench peers -size 10000000 -rounds 3

// peerResult is one peer's fastest run.
type peerResult struct {
	name   string
	secs   float64
	tokens int // its own count of the corpus's tokens
}

func peers(dir string, args []string) error {
	fl := flag.NewFlagSet("peers", flag.ExitOnError)
	size := fl.Int("size", 10_000_000, "corpus size in bytes")
	docBytes := fl.Int("doc-bytes", 40_000, "bytes per generated document")
	rounds := fl.Int("rounds", 3, "runs of each peer, interleaved; the fastest counts")
	procs := fl.Int("procs", 1, "GOMAXPROCS while measuring")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the whole-run peer (d) to this file")
	wink := fl.String("wink", "", "a node_modules folder holding wink-nlp and wink-eng-lite-web-model: adds winkNLP (e) as a peer, run by node")
	fl.Parse(args)
	if *rounds < 1 || *procs < 1 {
		return fmt.Errorf("peers: -rounds and -procs must be at least 1")
	}
	n := max(1, *size / *docBytes)
	corpusDir, err := generate(filepath.Join(dir, "peers"), n, *docBytes)
	if err != nil {
		return err
	}
	docs := make([]string, n)
	bytes := 0
	for i := range docs {
		b, err := os.ReadFile(filepath.Join(corpusDir, fmt.Sprintf("doc%06d.txt", i)))
		if err != nil {
			return err
		}
		docs[i], bytes = string(b), bytes+len(b)
	}
	corpus, err := pipeline.OpenCorpus([]string{corpusDir}, "")
	if err != nil {
		return err
	}
	cfg := pipeline.DefaultConfig()
	cfg.Workers, cfg.Cache, cfg.Progress = 1, "off", "none"
	cfg.Out = filepath.Join(dir, "peers", "out")
	opt, err := cfg.Options()
	if err != nil {
		return err
	}
	ctx := context.Background()

	// run returns the tokens the peer found and, if it timed itself, its
	// own seconds (0: the wall clock around run counts).
	type peer struct {
		name string
		run  func() (tokens int, own float64, err error)
	}
	peers := []peer{
		{"(a) tokenise-only Go loop", func() (int, float64, error) {
			t := 0
			for _, d := range docs {
				t += tokenLoop(d)
			}
			return t, 0, nil
		}},
		{"(b) prose v3 library: tokenise + segment + tag", func() (int, float64, error) {
			t := 0
			for _, d := range docs {
				doc, err := prose.NewDocument(d, prose.WithExtraction(false))
				if err != nil {
					return 0, 0, err
				}
				t += len(doc.Tokens())
			}
			return t, 0, nil
		}},
		{"(c) stylometer per-document stage", func() (int, float64, error) {
			p, err := pipeline.Profile(ctx, corpus, opt)
			if err != nil {
				return 0, 0, err
			}
			t := 0
			for _, d := range p.Docs {
				t += d.Profile.Words + d.Profile.Punctuation
			}
			return t, 0, nil
		}},
		{"(d) stylometer whole default run", func() (int, float64, error) {
			if err := os.RemoveAll(cfg.Out); err != nil {
				return 0, 0, err
			}
			if *cpuProfile != "" {
				f, err := os.Create(*cpuProfile)
				if err != nil {
					return 0, 0, err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return 0, 0, err
				}
				defer pprof.StopCPUProfile()
			}
			st, err := pipeline.Run(ctx, corpus, opt)
			if err != nil {
				return 0, 0, err
			}
			t := 0
			for _, d := range st.Docs {
				t += d.Profile.Words + d.Profile.Punctuation
			}
			// As the command does: the page's context lines read the
			// documents that hold its terms again.
			quote := func(terms []string, o pipeline.QuoteOptions) (*pipeline.Quotes, error) {
				return pipeline.QuoteTerms(ctx, corpus, st, terms, o)
			}
			return t, 0, reports.WriteFolder(ctx, cfg.Out, func(out *reports.Folder) error {
				return reports.Write(st, out, reports.Run{Parameters: cfg, Format: cfg.Format, Quote: quote})
			})
		}},
	}

	if *wink != "" {
		script := filepath.Join(dir, "peers", "wink.js")
		if err := os.WriteFile(script, winkScript, 0o644); err != nil {
			return err
		}
		peers = append(peers, peer{"(e) winkNLP (node): tokenise + sentences + tag", func() (int, float64, error) {
			return runWink(script, *wink, corpusDir)
		}})
	}
	loadBefore := loadAverage()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*procs))
	// Load the models (prose's and ours) before any clock runs.
	if _, err := prose.NewDocument(docs[0], prose.WithExtraction(false)); err != nil {
		return err
	}
	if _, err := pipeline.NewTagger(); err != nil {
		return err
	}
	best := make([]peerResult, len(peers))
	for i := range best {
		best[i] = peerResult{name: peers[i].name, secs: math.Inf(1)}
	}
	for range *rounds {
		for i, p := range peers {
			runtime.GC() // the previous peer's garbage is not this one's
			start := time.Now()
			tokens, own, err := p.run()
			secs := time.Since(start).Seconds()
			if own > 0 {
				secs = own // the peer's own clock: node's start and model load left out, as ours are
			}
			if err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
			if secs < best[i].secs {
				best[i].secs, best[i].tokens = secs, tokens
			}
		}
	}
	writePeers(os.Stdout, best, n, bytes, *rounds, *procs, loadBefore, loadAverage())
	return nil
}

// writePeers prints the table: seconds, tokens a second (stylometer's
// count of tokens over each peer's seconds) and the rate against prose's,
// then the two targets.
func writePeers(w io.Writer, res []peerResult, docs, bytes, rounds, procs int, loadBefore, loadAfter string) {
	a, b, c, d := res[0], res[1], res[2], res[3]
	tokens := c.tokens
	fmt.Fprintf(w, "peers: %d documents, %.1f MB generated from the seeds (seed 1); %d tokens as stylometer counts them (prose: %d, the loop: %d)\n",
		docs, float64(bytes)/1e6, tokens, b.tokens, a.tokens)
	fmt.Fprintf(w, "one worker, GOMAXPROCS %d of %d CPUs, fastest of %d interleaved rounds; load average before: %s, after: %s\n",
		procs, runtime.NumCPU(), rounds, loadBefore, loadAfter)
	fmt.Fprintf(w, "%-50s %8s %12s %9s\n", "", "seconds", "tokens/s", "x prose")
	for _, r := range res {
		fmt.Fprintf(w, "%-50s %8.2f %12.0f %9.2f\n", r.name, r.secs, float64(tokens)/r.secs, b.secs/r.secs)
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "not met"
	}
	fmt.Fprintf(w, "target: stage (c) at least 2x prose (b): %.2fx, %s\n", b.secs/c.secs, verdict(b.secs/c.secs >= 2))
	fmt.Fprintf(w, "target: whole run (d) at most 1.5x the stage (c): %.2fx, %s\n", d.secs/c.secs, verdict(d.secs/c.secs <= 1.5))
	if len(res) > 4 {
		e := res[4]
		fmt.Fprintf(w, "winkNLP (e) counts %d tokens; against it: stage (c) %.2fx its time, whole run (d) %.2fx\n", e.tokens, c.secs/e.secs, d.secs/e.secs)
	}
}

//go:embed wink.js
var winkScript []byte

// runWink runs the winkNLP peer in node on corpus and returns its tokens
// and its seconds, measured by node around the work alone.
func runWink(script, modules, corpus string) (int, float64, error) {
	cmd := exec.Command("node", script, corpus)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, fmt.Errorf("node %s: %w", script, err)
	}
	var r struct {
		Secs   float64 `json:"secs"`
		Tokens int     `json:"tokens"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return 0, 0, fmt.Errorf("node %s printed %q: %w", script, out, err)
	}
	return r.Tokens, r.Secs, nil
}

// tokenLoop counts the tokens of text as the plainest tokenizer would:
// each run of letters and digits, and each other character that is not
// white space.
func tokenLoop(text string) int {
	n, word := 0, false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !word {
				n++
			}
			word = true
		case unicode.IsSpace(r):
			word = false
		default:
			n++
			word = false
		}
	}
	return n
}

// loadAverage is the system's load averages (1, 5 and 15 minutes) where
// /proc/loadavg has them, else "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}
