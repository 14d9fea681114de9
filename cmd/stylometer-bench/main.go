// Command stylometer-bench measures the stylometer command end to end on
// corpora it generates from the seeds (deterministically): make bench runs
// its throughput mode, make bench-scale its scale mode. Each run is a fresh
// process of the stylometer binary, so that its peak memory is its own.
//
//	stylometer-bench -exe ./stylometer throughput -size 10000000 -workers 1,2
//	stylometer-bench -exe ./stylometer scale -docs 1000,10000,100000
//	stylometer-bench -exe ./stylometer rerun -docs 233 -doc-bytes 46000
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stylometer/stylometer/pipeline"
)

func main() {
	exe := flag.String("exe", "./stylometer", "the stylometer binary to measure")
	dir := flag.String("dir", "", "working folder (default: a temporary one, removed after)")
	flag.Parse()
	if err := run(*exe, *dir, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "stylometer-bench:", err)
		os.Exit(1)
	}
}

func run(exe, dir string, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("want a mode: throughput, scale, rerun or peers")
	}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "stylometer-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	fl := flag.NewFlagSet(args[0], flag.ExitOnError)
	switch args[0] {
	case "peers":
		return peers(dir, args[1:])
	case "throughput":
		size := fl.Int("size", 10_000_000, "corpus size in bytes")
		docBytes := fl.Int("doc-bytes", 40_000, "bytes per generated document")
		workers := fl.String("workers", "1,2", "worker counts to run")
		fl.Parse(args[1:])
		n := max(1, *size / *docBytes)
		corpus, err := generate(filepath.Join(dir, "throughput"), n, *docBytes)
		if err != nil {
			return err
		}
		fmt.Printf("corpus: %d documents, %.1f MB generated from the seeds (seed 1)\n", n, float64(n**docBytes)/1e6)
		for _, w := range strings.Split(*workers, ",") {
			m, err := measure(exe, corpus, filepath.Join(dir, "out-"+w), "--workers", w)
			if err != nil {
				return err
			}
			fmt.Printf("workers=%s  %.2fs  %.0f tokens/s  %.1f documents/s  (documents stage: %.0f tokens/s)  peak RSS %.0f MB\n",
				w, m.wall, m.tokens/m.wall, float64(m.docs)/m.wall, m.tokens/m.stage["documents"], m.rssMB)
		}
	case "scale":
		docs := fl.String("docs", "1000,10000,100000", "corpus sizes in documents")
		docBytes := fl.Int("doc-bytes", 6_000, "bytes per generated document (about 1,000 words)")
		fl.Parse(args[1:])
		fmt.Printf("%8s %9s %8s %11s %9s %9s  %s\n", "docs", "tokens", "wall s", "tokens/s", "RSS MB", "out MB", "stage / documents stage (s)")
		for _, s := range strings.Split(*docs, ",") {
			n, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("-docs %s: %w", s, err)
			}
			corpus, err := generate(filepath.Join(dir, "scale-"+s), n, *docBytes)
			if err != nil {
				return err
			}
			out := filepath.Join(dir, "scale-"+s, "out")
			m, err := measure(exe, corpus, out, "--meta", filepath.Join(filepath.Dir(corpus), "meta.csv"), "--group-by", "stance", "--label", "author")
			if err != nil {
				return err
			}
			doc := m.stage["documents"]
			var ratios []string
			for _, st := range []string{"analysis", "write"} {
				ratios = append(ratios, fmt.Sprintf("%s %.2f (%.1f)", st, m.stage[st]/doc, m.stage[st]))
			}
			fmt.Printf("%8d %9.0f %8.1f %11.0f %9.0f %9.1f  documents %.1f; %s\n", m.docs, m.tokens, m.wall, m.tokens/m.wall, m.rssMB, m.outMB, doc, strings.Join(ratios, ", "))
			_ = os.RemoveAll(out)
		}
	case "rerun":
		docs := fl.Int("docs", 233, "documents (the State of the Union corpus has 233)")
		docBytes := fl.Int("doc-bytes", 46_000, "bytes per generated document (State of the Union: 10.8 MB over 233)")
		rounds := fl.Int("rounds", 3, "rounds of first run and re-run, interleaved")
		fl.Parse(args[1:])
		return rerun(exe, dir, *docs, *docBytes, *rounds)
	default:
		return fmt.Errorf("unknown mode %q: want throughput, scale, rerun or peers", args[0])
	}
	return nil
}

// generate writes n documents of about docBytes bytes drawn from the seeds
// (seed 1) into dir/corpus, with dir/meta.csv giving each a stance (4
// values) and an author (50 values), and returns the corpus folder.
func generate(dir string, n, docBytes int) (string, error) {
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		return "", err
	}
	texts, err := pipeline.SeedTexts()
	if err != nil {
		return "", err
	}
	var meta strings.Builder
	meta.WriteString("id,stance,author\n")
	stances := []string{"left", "right", "centre", "green"}
	for i, doc := range pipeline.Synthesize(texts, n, docBytes, 1) {
		id := fmt.Sprintf("doc%06d", i)
		if err := os.WriteFile(filepath.Join(corpus, id+".txt"), []byte(doc), 0o644); err != nil {
			return "", err
		}
		fmt.Fprintf(&meta, "%s,%s,a%02d\n", id, stances[i%len(stances)], i%50)
	}
	return corpus, os.WriteFile(filepath.Join(dir, "meta.csv"), []byte(meta.String()), 0o644)
}

// result is one measured run.
type result struct {
	docs         int
	tokens, wall float64
	rssMB, outMB float64
	stage        map[string]float64 // seconds per stage, from the manifest
}

// rerun measures what the profile cache is for: a first run that reads and
// tags every document into an empty cache, then a re-run of the same corpus
// with only --mfw changed, which reads every profile from the cache. Both
// run with --group-by (State of the Union's party), rounds times
// interleaved, each first run into a cache of its own.
func rerun(exe, dir string, docs, docBytes, rounds int) error {
	corpus, err := generate(filepath.Join(dir, "rerun"), docs, docBytes)
	if err != nil {
		return err
	}
	meta := filepath.Join(filepath.Dir(corpus), "meta.csv")
	fmt.Printf("corpus: %d documents, %.1f MB generated from the seeds (seed 1); --group-by stance\n", docs, float64(docs*docBytes)/1e6)
	fmt.Printf("%5s %8s %8s %7s %9s %9s %9s %9s\n", "round", "first s", "rerun s", "ratio", "RSS1 MB", "RSS2 MB", "analysis", "write")
	for r := 1; r <= rounds; r++ {
		cache := filepath.Join(dir, "rerun", fmt.Sprintf("cache-%d", r))
		out := filepath.Join(dir, "rerun", "out")
		common := []string{"--cache", cache, "--meta", meta, "--group-by", "stance"}
		first, err := measure(exe, corpus, out, append(common, "--mfw", "100")...)
		if err != nil {
			return err
		}
		second, err := measure(exe, corpus, out, append(common, "--mfw", "200")...)
		if err != nil {
			return err
		}
		fmt.Printf("%5d %8.2f %8.2f %7.2f %9.0f %9.0f %9.2f %9.2f\n", r, first.wall, second.wall, first.wall/second.wall,
			first.rssMB, second.rssMB, second.stage["analysis"], second.stage["write"])
		_ = os.RemoveAll(cache)
	}
	return nil
}

// measure runs exe on corpus into out and reads back what it did. Unless
// args name a --cache, the run has none: every run tags every document, as
// a first run does.
func measure(exe, corpus, out string, args ...string) (*result, error) {
	flags := []string{"run", "--progress", "none", "--out", out}
	if !slices.Contains(args, "--cache") {
		flags = append(flags, "--no-cache")
	}
	cmd := exec.Command(exe, append(append(flags, args...), corpus)...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w", strings.Join(cmd.Args, " "), err)
	}
	r := &result{wall: time.Since(start).Seconds(), stage: map[string]float64{}}
	r.rssMB = peakRSSMB(cmd.ProcessState)
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m struct {
		Inputs  []struct{} `json:"inputs"`
		Runtime struct {
			Timings []struct {
				Stage   string  `json:"stage"`
				Seconds float64 `json:"seconds"`
			} `json:"timings"`
		} `json:"runtime"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	r.docs = len(m.Inputs)
	for _, t := range m.Runtime.Timings {
		r.stage[t.Stage] = t.Seconds
	}
	docs, err := os.ReadFile(filepath.Join(out, "documents.csv"))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(docs)), "\n")
	col := -1
	for i, h := range strings.Split(lines[0], ",") {
		if h == "tokens" {
			col = i
		}
	}
	for _, l := range lines[1:] {
		// Generated ids and metadata hold no commas or quotes.
		if f := strings.Split(l, ","); col >= 0 && col < len(f) {
			v, _ := strconv.ParseFloat(f[col], 64)
			r.tokens += v
		}
	}
	err = filepath.WalkDir(out, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			r.outMB += float64(info.Size()) / 1e6
		}
		return err
	})
	return r, err
}
