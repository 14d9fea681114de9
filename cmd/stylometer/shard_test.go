package main

import (
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		shard  string
		shards int
		env    func(string) string
		i, n   int
		err    string
	}{
		{"0/4", 0, env(), 0, 4, ""},
		{"3/4", 0, env(), 3, 4, ""},
		{"4/4", 0, env(), 0, 0, "want 0 ≤ i < N"},
		{"1-4", 0, env(), 0, 0, "want i/N"},
		{"", 0, env(), 0, 0, "missing"},
		// sbatch --array=1-8: ids 1..8, min 1, count 8.
		{"auto", 0, env("SLURM_ARRAY_TASK_ID", "8", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "8"), 7, 8, ""},
		{"auto", 0, env("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX", "14", "SLURM_ARRAY_TASK_COUNT", "8"), 0, 0, "not a contiguous range"},
		{"auto", 5, env("JOB_COMPLETION_INDEX", "2"), 2, 5, ""},
		{"auto", 0, env("JOB_COMPLETION_INDEX", "2"), 0, 0, "--shards N"},
		{"auto", 0, env(), 0, 0, "neither"},
	} {
		i, n, err := parseShard(tc.shard, tc.shards, tc.env)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error with %q", tc.shard, err, tc.err)
			}
			continue
		}
		if err != nil || i != tc.i || n != tc.n {
			t.Errorf("%q: %d/%d, %v; want %d/%d", tc.shard, i, n, err, tc.i, tc.n)
		}
	}
}
