package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/stylometer/stylometer/pipeline"
)

// newBenchCmd is "stylometer bench": the end-to-end throughput run behind
// make bench. It generates a corpus from the seeds (deterministically),
// then runs the whole job on it once per worker count, each in a fresh
// process so that peak memory is that run's own.
func newBenchCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		size, docBytes int
		workers        string
		child          int
		dir            string
		keep           bool
	)
	cmd := &cobra.Command{
		Use:    "bench",
		Short:  "End-to-end throughput on a corpus generated from the seeds",
		Hidden: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if child > 0 {
				return benchChild(cmd.Context(), dir, child, stdout, stderr)
			}
			if dir == "" {
				tmp, err := os.MkdirTemp("", "stylometer-bench-")
				if err != nil {
					return err
				}
				if !keep {
					defer os.RemoveAll(tmp)
				}
				dir = tmp
			}
			n, err := writeSynthetic(filepath.Join(dir, "corpus"), size, docBytes)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "corpus: %d documents, %.1f MB generated from the seeds (seed 1)\n", n, float64(n*docBytes)/1e6)
			exe, err := os.Executable()
			if err != nil {
				return err
			}
			for _, w := range splitList(workers, ",") {
				c := exec.CommandContext(cmd.Context(), exe, "bench", "--child", w, "--dir", dir)
				c.Stdout, c.Stderr = stdout, stderr
				if err := c.Run(); err != nil {
					return fmt.Errorf("bench at %s workers: %w", w, err)
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&size, "size", 10_000_000, "corpus size in bytes")
	cmd.Flags().IntVar(&docBytes, "doc-bytes", 40_000, "bytes per generated document")
	cmd.Flags().StringVar(&workers, "workers", "1,2", "worker counts to run")
	cmd.Flags().IntVar(&child, "child", 0, "internal: run once with this many workers")
	cmd.Flags().StringVar(&dir, "dir", "", "working folder (default: a temporary one)")
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the generated corpus and outputs")
	return cmd
}

// writeSynthetic writes size/docBytes documents generated from the seeds.
func writeSynthetic(dir string, size, docBytes int) (int, error) {
	texts, err := pipeline.SeedTexts()
	if err != nil {
		return 0, err
	}
	n := max(1, size/docBytes)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	for i, doc := range pipeline.Synthesize(texts, n, docBytes, 1) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%04d.txt", i)), []byte(doc), 0o644); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func benchChild(ctx context.Context, dir string, workers int, stdout, stderr io.Writer) error {
	cfg := pipeline.DefaultConfig()
	cfg.Workers, cfg.Progress, cfg.Out = workers, "none", filepath.Join(dir, "out-"+strconv.Itoa(workers))
	start := time.Now()
	var out strings.Builder
	m, err := job(ctx, cfg, []string{filepath.Join(dir, "corpus")}, &out, stderr)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	docStage := secs
	for _, t := range m.timings {
		if t.Stage == "documents" {
			docStage = t.Seconds
		}
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(stdout, "workers=%d  %.2fs  %.0f tokens/s  %.1f documents/s  (documents stage: %.0f tokens/s)  peak RSS %.0f MB\n",
		workers, secs, float64(m.tokens)/secs, float64(m.docs)/secs, float64(m.tokens)/docStage, float64(ru.Maxrss)/1024)
	return nil
}
