package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stylometer/stylometer/pipeline"
)

// newProfileCmd is "stylometer profile": one shard's part file.
func newProfileCmd(stdout, stderr io.Writer) *cobra.Command {
	var v flagValues
	var shard, parts string
	var shards int
	cmd := &cobra.Command{
		Use:   "profile --shard i/N [flags] [PATH...]",
		Short: "Profile shard i (from 0) of N of the inputs into a part file in --parts, for merge",
		Long: `profile reads, tags and profiles the i-th of N consecutive slices of the
inputs' listing and writes them to PARTS/part-iiii-of-NNNN.gz, atomically. Run
N of them (a Slurm array, a Kubernetes Indexed Job, xargs -P), then merge with
the same inputs and options. --shard auto takes i and N from Slurm
(SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT) or from
Kubernetes (JOB_COMPLETION_INDEX, with --shards N).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := v.resolve(cmd.Flags(), len(args) == 0)
			if err != nil {
				return err
			}
			i, n, err := parseShard(shard, shards, os.Getenv)
			if err != nil {
				return &usageError{err}
			}
			return profileShard(cmd.Context(), cfg, args, i, n, parts, stdout, stderr)
		},
	}
	v.define(cmd.Flags())
	cmd.Flags().StringVar(&shard, "shard", "", `this shard, "i/N" with 0 ≤ i < N, or "auto" (Slurm array or Kubernetes Indexed Job)`)
	cmd.Flags().IntVar(&shards, "shards", 0, "N for --shard auto under Kubernetes (JOB_COMPLETION_INDEX gives i)")
	cmd.Flags().StringVar(&parts, "parts", "parts", "folder of the part files")
	return cmd
}

// newMergeCmd is "stylometer merge": run's analysis and outputs from the
// part files.
func newMergeCmd(stdout, stderr io.Writer) *cobra.Command {
	var v flagValues
	var parts string
	cmd := &cobra.Command{
		Use:   "merge --parts DIR [flags] [PATH...]",
		Short: "Analyse the part files in --parts as run would the inputs (same inputs and options as the shards)",
		Long: `merge reads the part files that profile wrote for every shard and writes the
output folder run would write with the same inputs and options, byte for byte
(the manifest's runtime aside). It refuses, naming the file, parts from other
inputs, settings, shard counts or versions, a shard given twice or missing, and
a truncated or corrupt part; the output folder is then left as it was.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := v.resolve(cmd.Flags(), len(args) == 0)
			if err != nil {
				return err
			}
			merge := func(_ context.Context, c pipeline.Corpus, o pipeline.Options) (*pipeline.Profiles, error) {
				files, err := pipeline.PartFiles(parts)
				if err != nil {
					return nil, fmt.Errorf("--parts: %w", err)
				}
				if len(files) == 0 {
					return nil, fmt.Errorf("--parts %s: no part files (part-*.gz)", parts)
				}
				return pipeline.Merge(c, files, version, o)
			}
			_, err = job(cmd.Context(), cfg, args, merge, stdout, stderr)
			return err
		},
	}
	v.define(cmd.Flags())
	cmd.Flags().StringVar(&parts, "parts", "parts", "folder of the part files")
	return cmd
}

// parseShard reads --shard: "i/N", or "auto" from the scheduler's
// environment.
func parseShard(s string, shards int, env func(string) string) (i, n int, err error) {
	switch {
	case s == "":
		return 0, 0, fmt.Errorf("--shard: missing (i/N, or auto)")
	case s == "auto" && env("SLURM_ARRAY_TASK_ID") != "":
		id, err1 := strconv.Atoi(env("SLURM_ARRAY_TASK_ID"))
		count, err2 := strconv.Atoi(env("SLURM_ARRAY_TASK_COUNT"))
		low, err3 := strconv.Atoi(env("SLURM_ARRAY_TASK_MIN"))
		if err1 != nil || err2 != nil || err3 != nil {
			return 0, 0, fmt.Errorf("--shard auto: SLURM_ARRAY_TASK_ID, _MIN and _COUNT must be whole numbers")
		}
		if high, err := strconv.Atoi(env("SLURM_ARRAY_TASK_MAX")); err == nil && high-low+1 != count {
			return 0, 0, fmt.Errorf("--shard auto: the array %d-%d has %d tasks, not a contiguous range: submit --array=0-%d (or give --shard i/N)", low, high, count, count-1)
		}
		i, n = id-low, count
	case s == "auto" && env("JOB_COMPLETION_INDEX") != "":
		id, err := strconv.Atoi(env("JOB_COMPLETION_INDEX"))
		if err != nil || shards < 1 {
			return 0, 0, fmt.Errorf("--shard auto under Kubernetes: JOB_COMPLETION_INDEX must be a whole number and --shards N given")
		}
		i, n = id, shards
	case s == "auto":
		return 0, 0, fmt.Errorf("--shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set")
	default:
		a, b, ok := strings.Cut(s, "/")
		var err1, err2 error
		i, err1 = strconv.Atoi(a)
		n, err2 = strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return 0, 0, fmt.Errorf("--shard %s: want i/N, e.g. 0/4", s)
		}
	}
	if n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("--shard %d/%d: want 0 ≤ i < N", i, n)
	}
	return i, n, nil
}

// profileShard writes the part file of shard i of n.
func profileShard(ctx context.Context, cfg pipeline.Config, paths []string, i, n int, parts string, stdout, stderr io.Writer) error {
	opt, err := cfg.Options()
	if err != nil {
		return optionError(err)
	}
	corpus, err := pipeline.OpenCorpus(paths, cfg.Meta)
	if err != nil {
		return err
	}
	lo, hi := pipeline.ShardRange(len(corpus.Sources), i, n)
	prog, err := newProgress(cfg.Progress, stderr, hi-lo)
	if err != nil {
		return err
	}
	opt.Progress = func(done, _ int) { prog.done(done) }
	if dir := cfg.CacheDir(); dir != "" {
		opt.Cache = pipeline.NewCache(dir, opt)
	}
	if err := os.MkdirAll(parts, 0o755); err != nil {
		return err
	}
	path := filepath.Join(parts, pipeline.PartName(i, n))
	err = pipeline.WritePart(ctx, corpus, opt, i, n, version, path)
	prog.finish()
	if err != nil {
		return interrupted(optionError(err))
	}
	fmt.Fprintf(stdout, "shard %d of %d: %d documents profiled into %s\n", i, n, hi-lo, path)
	return nil
}
