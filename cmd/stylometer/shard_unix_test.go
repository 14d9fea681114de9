//go:build unix

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
)

// stylometer runs the command as its own process (see TestMain) and
// returns its stderr and error.
func stylometer(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "STYLOMETER_TEST_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	return stderr.String(), err
}

// shardCorpus writes 50 generated documents, an empty and a binary file
// and a metadata table.
func shardCorpus(t *testing.T) (docs, meta string) {
	t.Helper()
	texts, err := pipeline.SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	docs = filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	table := "id,camp\n"
	for i, text := range pipeline.Synthesize(texts, 50, 1500, 3) {
		id := fmt.Sprintf("d%02d", i)
		if err := os.WriteFile(filepath.Join(docs, id+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		table += fmt.Sprintf("%s,%s\n", id, []string{"left", "right"}[i%2])
	}
	for name, b := range map[string]string{"empty.txt": "", "binary.txt": "\x00\x01"} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	meta = filepath.Join(dir, "meta.csv")
	if err := os.WriteFile(meta, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	return docs, meta
}

// TestShardsMergeAsRun: profile shards run as separate processes, in
// reverse order and at different worker counts, then merge, give run's
// output folder byte for byte (the manifest's runtime aside), over the
// seeds and over a generated corpus with an empty and a binary file, for
// 1, 2, 3 and 7 shards.
func TestShardsMergeAsRun(t *testing.T) {
	docs, meta := shardCorpus(t)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"seeds", nil},
		{"generated", []string{"--meta", meta, "--group-by", "camp", "--label", "camp", docs}},
	} {
		dir := t.TempDir()
		run := filepath.Join(dir, "run")
		if stderr, err := stylometer(t, append([]string{"run", "--progress", "none", "--no-cache", "--out", run}, c.args...)...); err != nil {
			t.Fatalf("%s: run: %v\n%s", c.name, err, stderr)
		}
		for _, n := range []int{1, 2, 3, 7} {
			parts := filepath.Join(dir, fmt.Sprintf("parts-%d", n))
			for i := n - 1; i >= 0; i-- {
				args := append([]string{"profile", "--progress", "none", "--no-cache", "--workers", fmt.Sprint(1 + i%2),
					"--shard", fmt.Sprintf("%d/%d", i, n), "--parts", parts}, c.args...)
				if stderr, err := stylometer(t, args...); err != nil {
					t.Fatalf("%s: profile %d/%d: %v\n%s", c.name, i, n, err, stderr)
				}
			}
			out := filepath.Join(dir, fmt.Sprintf("merge-%d", n))
			if stderr, err := stylometer(t, append([]string{"merge", "--progress", "none", "--parts", parts, "--out", out}, c.args...)...); err != nil {
				t.Fatalf("%s: merge of %d: %v\n%s", c.name, n, err, stderr)
			}
			sameOutputs(t, run, out, fmt.Sprintf("%s: run and %d shards merged", c.name, n))
		}
	}
}

// TestMergeRefusalKeepsOutput: a merge that refuses its parts exits
// non-zero, names the file and leaves the previous output as it was.
func TestMergeRefusalKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	parts, out := filepath.Join(dir, "parts"), filepath.Join(dir, "out")
	for i := range 2 {
		if stderr, err := stylometer(t, "profile", "--progress", "none", "--no-cache", "--shard", fmt.Sprintf("%d/2", i), "--parts", parts); err != nil {
			t.Fatalf("profile: %v\n%s", err, stderr)
		}
	}
	if stderr, err := stylometer(t, "merge", "--progress", "none", "--parts", parts, "--out", out); err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	before := files(t, out)
	second := filepath.Join(parts, pipeline.PartName(1, 2))
	b, _ := os.ReadFile(second)
	extra := filepath.Join(parts, "part-extra.gz")
	seeds, err := pipeline.OpenCorpus(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	// A part written as another version of stylometer would write it.
	writeAs := func(tool string, i, n int) func() {
		return func() {
			if err := pipeline.WritePart(context.Background(), seeds, pipeline.Options{}, i, n, tool, extra); err != nil {
				t.Fatal(err)
			}
		}
	}
	restore := func() {
		_ = os.Remove(extra)
		_ = os.WriteFile(second, b, 0o644)
	}
	for _, tc := range []struct {
		name    string
		prepare func()
		args    []string
		want    string
	}{
		{"truncated", func() { _ = os.WriteFile(second, b[:len(b)*2/3], 0o644) }, nil, second + ": truncated"},
		{"corrupt", func() { restore(); _ = os.WriteFile(extra, []byte("not a part"), 0o644) }, nil, extra + ": not a stylometer part file"},
		{"duplicate", func() { restore(); _ = os.WriteFile(extra, b, 0o644) }, nil, "shard 1 of 2 again"},
		{"other N", func() {
			restore()
			_ = os.Remove(second)
			if stderr, err := stylometer(t, "profile", "--progress", "none", "--no-cache", "--shard", "1/3", "--parts", dir); err != nil {
				t.Fatalf("profile 1/3: %v\n%s", err, stderr)
			}
			_ = os.Rename(filepath.Join(dir, pipeline.PartName(1, 3)), extra)
		}, nil, "is a shard of"},
		{"other version", func() { restore(); _ = os.Remove(second); writeAs("0.0.1", 1, 2)() }, nil, extra + ": made by stylometer 0.0.1"},
		{"missing", func() { restore(); _ = os.Remove(second) }, nil, "shard 1 of 2 is missing"},
		{"other setting", restore, []string{"--window", "3"}, "profiled with other settings"},
		// The seeds' settings and files, listed from the repository's
		// folder rather than the embedded one: other paths.
		{"other listing", restore, []string{"--config", "../../seeds/stylometer.toml", "--meta", "../../seeds/metadata.csv", "../../seeds"}, "made from another listing"},
	} {
		tc.prepare()
		stderr, err := stylometer(t, append([]string{"merge", "--progress", "none", "--parts", parts, "--out", out}, tc.args...)...)
		if err == nil || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: %v, stderr %q; want an error with %q", tc.name, err, stderr, tc.want)
		}
		sameOutputs(t, out, writeBack(t, before), tc.name+": the output before and after a refused merge")
	}
}

// writeBack writes the files of m into a new folder, for sameOutputs.
func writeBack(t *testing.T, m map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range m {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
