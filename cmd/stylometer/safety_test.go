package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/reports"
)

// cli runs stylometer with args and returns its stdout, stderr and error.
func cli(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// writeFiles writes name -> content under dir, making folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mustExist fails unless every path exists with the content it had.
func mustExist(t *testing.T, files map[string]string) {
	t.Helper()
	for p, want := range files {
		b, err := os.ReadFile(p)
		if err != nil || string(b) != want {
			t.Errorf("%s was lost or changed: %q, %v", p, b, err)
		}
	}
}

const essay = "The soviets took power in October. The workers and the peasants followed the party. " +
	"Lenin wrote about the state and the revolution. The land went to the peasants."

// TestOutRefusals: --out naming anything a user could lose is refused with
// exit 2, before any document is read, and every file survives.
func TestOutRefusals(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	keep := map[string]string{
		filepath.Join(proj, "thesis.tex"):       `\documentclass{article}`,
		filepath.Join(proj, "corpus", "a.txt"):  essay,
		filepath.Join(proj, "corpus", "b.txt"):  essay + " Trotsky spoke.",
		filepath.Join(proj, "notes", "n.txt"):   "my notes",
		filepath.Join(proj, "report.pdf"):       "%PDF",
		filepath.Join(root, "home", ".profile"): "export X=1",
	}
	for p, data := range keep {
		writeFiles(t, filepath.Dir(p), map[string]string{filepath.Base(p): data})
	}
	t.Setenv("HOME", filepath.Join(root, "home"))
	work := filepath.Join(root, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	corpus := filepath.Join(proj, "corpus")
	for _, tc := range []struct {
		name, out string
		inputs    []string
		why       string
	}{
		{"the input itself", corpus, []string{corpus}, "is the input"},
		{"a parent of the input", proj, []string{corpus}, "holds the input"},
		{"inside the input folder", filepath.Join(corpus, "out"), []string{corpus}, "inside the input folder"},
		{"an input file", filepath.Join(corpus, "a.txt"), []string{filepath.Join(corpus, "a.txt")}, "is the input"},
		{"an existing file", filepath.Join(proj, "report.pdf"), []string{corpus}, "existing file"},
		{"a folder stylometer did not write", filepath.Join(proj, "notes"), []string{corpus}, "did not write"},
		{"the root folder", "/", nil, "root folder"},
		{"the working folder", ".", []string{corpus}, "working folder"},
		{"a parent of the working folder", "..", []string{corpus}, "holds the input"},
		{"a parent of the working folder", "..", nil, "working folder"},
		{"the home folder", filepath.Join(root, "home"), []string{corpus}, "home folder"},
	} {
		args := append([]string{"run", "--progress", "none", "--out", tc.out}, tc.inputs...)
		_, _, err := cli(t, args...)
		if code := exitCode(err); code != 2 || err == nil || !strings.Contains(err.Error(), tc.why) || !strings.Contains(err.Error(), "choose") {
			t.Errorf("%s: --out %s: err = %v (exit %d), want exit 2 saying %q and how to proceed", tc.name, tc.out, err, code, tc.why)
		}
		mustExist(t, keep)
	}
	// The metadata file is an input too: an output folder holding it is refused.
	meta := filepath.Join(proj, "notes", "meta.csv")
	writeFiles(t, filepath.Dir(meta), map[string]string{"meta.csv": "id,stance\na,x\nb,y\n"})
	_, _, err := cli(t, "run", "--progress", "none", "--out", filepath.Join(proj, "notes"), "--meta", meta, corpus)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "meta.csv") {
		t.Errorf("--out holding --meta: err = %v, want exit 2 naming the metadata file", err)
	}
	mustExist(t, keep)

	// What may be replaced: a new folder, an empty folder, stylometer's own.
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(root, "new", "out"), empty, empty} {
		if _, stderr, err := cli(t, "run", "--progress", "none", "--out", out, corpus); err != nil {
			t.Errorf("--out %s: %v\n%s", out, err, stderr)
		}
	}
	if !reports.Ours(empty) {
		t.Errorf("%s holds no stylometer manifest after the run", empty)
	}
}

// TestRunRecoversStoppedSwap: a run stopped between the swap's two
// renames leaves the previous output as .<out>.stylometer-old and no <out>;
// the next run restores it first and says so on stderr (the folder's own
// cases are tested in reports).
func TestRunRecoversStoppedSwap(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	old := filepath.Join(parent, ".out.stylometer-old")
	writeFiles(t, old, map[string]string{"manifest.json": `{"tool": "stylometer"}`, "terms.csv": "doc_id,term\n"})
	_, stderr, err := cli(t, "--progress", "none", "--out", out)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "restored the previous output") {
		t.Errorf("stderr does not say the previous output was restored:\n%s", stderr)
	}
	if !reports.Ours(out) || fileExists(old) {
		t.Errorf("after the run: %s ours = %v, %s exists = %v", out, reports.Ours(out), old, fileExists(old))
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
