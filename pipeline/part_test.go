package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// partCorpus writes a generated corpus of 52 documents, one of them empty
// and one binary, with a metadata table, and lists it.
func partCorpus(t *testing.T) (Corpus, string) {
	t.Helper()
	texts, err := SeedTexts()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	meta := "id,group\n"
	for i, text := range Synthesize(texts, 50, 1500, 7) {
		id := fmt.Sprintf("d%02d", i)
		if err := os.WriteFile(filepath.Join(docs, id+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		meta += fmt.Sprintf("%s,%s\n", id, []string{"a", "b", "c"}[i%3])
	}
	if err := os.WriteFile(filepath.Join(docs, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "binary.txt"), []byte("MZ\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	metaPath := filepath.Join(dir, "meta.csv")
	if err := os.WriteFile(metaPath, []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := OpenCorpus([]string{docs}, metaPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 52 {
		t.Fatalf("%d sources, want 52", len(c.Sources))
	}
	return c, dir
}

// TestPartsMergeAsProfile: for 1, 2, 3 and 7 shards the merged parts are
// the profiles Profile gives, failures and metadata problems included and
// in the same order; the part files are the same bytes at 1 and 2 workers.
func TestPartsMergeAsProfile(t *testing.T) {
	c, dir := partCorpus(t)
	o := Options{GroupBy: []string{"group"}, Label: "group", Rolling: 100, Workers: 2}
	want, err := Profile(context.Background(), c, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Failures) < 3 { // empty, binary, and their missing metadata rows
		t.Fatalf("failures %v: the corpus does not exercise them", want.Failures)
	}
	if len(want.Docs[0].Profile.Windows) < 2 {
		t.Fatalf("%d windows: the corpus does not exercise them", len(want.Docs[0].Profile.Windows))
	}
	for _, n := range []int{1, 2, 3, 7} {
		parts := filepath.Join(dir, fmt.Sprintf("parts%d", n))
		if err := os.Mkdir(parts, 0o755); err != nil {
			t.Fatal(err)
		}
		var files []string
		for i := n - 1; i >= 0; i-- { // any order
			path := filepath.Join(parts, PartName(i, n))
			if err := WritePart(context.Background(), c, Options{GroupBy: o.GroupBy, Rolling: o.Rolling, Workers: 1 + i%2}, i, n, "test", path); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
		got, err := Merge(c, files, "test", o)
		if err != nil {
			t.Fatal(err)
		}
		// A Doc's word index is Profile's alone (never in a part).
		if d := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.IgnoreUnexported(Doc{})); d != "" {
			t.Errorf("%d shards (-Profile +Merge):\n%s", n, d)
		}
	}
	// The same shard at 1 and 2 workers: the same bytes.
	sum := func(workers int) [32]byte {
		path := filepath.Join(dir, fmt.Sprintf("w%d.gz", workers))
		if err := WritePart(context.Background(), c, Options{Workers: workers}, 1, 2, "test", path); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		return sha256.Sum256(b)
	}
	if sum(1) != sum(2) {
		t.Error("part files differ between 1 and 2 workers")
	}
}

// TestMergeRefuses: every part that cannot be merged is refused with a
// message that names the file (or the missing documents).
func TestMergeRefuses(t *testing.T) {
	c, dir := partCorpus(t)
	write := func(name string, o Options, i, n int, tool string) string {
		path := filepath.Join(dir, name)
		if err := WritePart(context.Background(), c, o, i, n, tool, path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	p0, p1 := write("p0.gz", Options{}, 0, 2, "1"), write("p1.gz", Options{}, 1, 2, "1")
	of3 := write("of3.gz", Options{}, 1, 3, "1")
	other := write("other.gz", Options{}, 1, 2, "2")
	window := write("window.gz", Options{Window: 3}, 1, 2, "1")
	b, _ := os.ReadFile(p1)
	truncated := filepath.Join(dir, "truncated.gz")
	_ = os.WriteFile(truncated, b[:len(b)/2], 0o644)
	corrupt := filepath.Join(dir, "corrupt.gz")
	_ = os.WriteFile(corrupt, []byte("not a part at all"), 0o644)
	fewer := c
	fewer.Sources = c.Sources[1:]
	for _, tc := range []struct {
		name  string
		c     Corpus
		files []string
		want  string
	}{
		{"missing", c, []string{p1}, "shard 0 of 2 is missing (26 documents from " + c.Sources[0].Path + " are in no part)"},
		{"duplicate", c, []string{p0, p1, p1}, "p1.gz: shard 1 of 2 again: " + p1},
		{"other N", c, []string{p0, of3}, "of3.gz: shard 1 of 3, but " + p0 + " is a shard of 2"},
		{"other tool", c, []string{p0, other}, "other.gz: made by stylometer 2; this is 1"},
		{"other setting", c, []string{p0, window}, "window.gz: profiled with other settings"},
		{"other listing", fewer, []string{p0, p1}, "p0.gz: made from another listing of the inputs (52 documents; these inputs list 51"},
		{"truncated", c, []string{p0, truncated}, "truncated.gz: "},
		{"corrupt", c, []string{p0, corrupt}, "corrupt.gz: not a stylometer part file"},
	} {
		_, err := Merge(tc.c, tc.files, "1", Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
		var pe *PartError
		if tc.name != "missing" && !errors.As(err, &pe) {
			t.Errorf("%s: %T, want a *PartError", tc.name, err)
		}
	}
	// Parts profiled without rolling windows cannot serve a run that needs
	// them.
	if _, err := Merge(c, []string{p0, p1}, "1", Options{Rolling: 500, Label: "group"}); err == nil || !strings.Contains(err.Error(), "profiled with other settings") {
		t.Errorf("parts without windows merged for --rolling: %v, want them refused", err)
	}
}
