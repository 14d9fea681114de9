package reports

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/pipeline"
)

// benchDistances is an n×n symmetric matrix of distances with full
// precision, as a measure gives them, and its ids.
func benchDistances(n int) ([]string, *mat.SymDense) {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	ids := make([]string, n)
	d := mat.NewSymDense(n, nil)
	for i := range n {
		ids[i] = fmt.Sprintf("doc%06d", i)
		for j := i + 1; j < n; j++ {
			d.SetSym(i, j, 0.5+rng.Float64())
		}
	}
	return ids, d
}

func BenchmarkWriteMatrix(b *testing.B) {
	for _, n := range []int{100, 250, 500} {
		ids, d := benchDistances(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteMatrix(io.Discard, ids, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWriteDistances(b *testing.B) {
	for _, n := range []int{100, 250, 500} {
		ids, d := benchDistances(n)
		sets := []DistanceRow{{Measure: "delta", Features: "word:1", MFW: 100, D: d}, {Measure: "cosine", Features: "word:1", MFW: 100, D: d}}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteDistances(io.Discard, ids, sets); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchStudy is the study of a corpus of n documents of about 40 kB drawn
// from the seed essays (pipeline.Synthesize, seed 1), as the command's
// default run builds it without metadata: each document is its own group.
// It returns the corpus with the study, for the page's quotes.
func benchStudy(b *testing.B, n int) (pipeline.Corpus, *pipeline.Study, pipeline.Config) {
	b.Helper()
	texts, err := pipeline.SeedTexts()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i, doc := range pipeline.Synthesize(texts, n, 40_000, 1) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%06d.txt", i)), []byte(doc), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	corpus, err := pipeline.OpenCorpus([]string{dir}, "")
	if err != nil {
		b.Fatal(err)
	}
	cfg := pipeline.DefaultConfig()
	cfg.Cache, cfg.Progress = "off", "none"
	cfg.Out = filepath.Join(b.TempDir(), "out")
	opt, err := cfg.Options()
	if err != nil {
		b.Fatal(err)
	}
	st, err := pipeline.Run(context.Background(), corpus, opt)
	if err != nil {
		b.Fatal(err)
	}
	return corpus, st, cfg
}

// BenchmarkWrite is the whole of Write as the command runs it (the page's
// quotes included) into an output folder, which each round then removes.
// It also reports the process's CPU time per run (cpu-ns/op), the
// collector's included, which a busy machine disturbs less than the wall
// clock.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{50, 250} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			corpus, st, cfg := benchStudy(b, n)
			ctx := context.Background()
			run := Run{Parameters: cfg, Format: cfg.Format, Quote: func(terms []string, o pipeline.QuoteOptions) (*pipeline.Quotes, error) {
				return pipeline.QuoteTerms(ctx, corpus, st, terms, o)
			}}
			b.ReportAllocs()
			var cpu time.Duration
			for b.Loop() {
				start := cpuTime()
				out, err := OpenFolder(ctx, cfg.Out)
				if err != nil {
					b.Fatal(err)
				}
				if err := Write(st, out, run); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - start
				b.StopTimer()
				out.Abort()
				b.StartTimer()
			}
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
