//go:build unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stylometer/stylometer/pipeline"
)

// Tests that need unix: named pipes and signals.

// TestMain lets the tests run this test binary as the stylometer command
// (STYLOMETER_TEST_MAIN=1), to send it real signals, and points the
// default profile cache at a temporary folder.
func TestMain(m *testing.M) {
	if os.Getenv("STYLOMETER_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	// The default profile cache is the user's: tests use their own.
	cache, err := os.MkdirTemp("", "stylometer-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// interruptBound is how long an interrupted run may take to end in these
// tests. The target is 2 s (measured here: 0.01 s); the bound is wider
// because the test binary may be race-instrumented and the machine is
// shared. Uninterrupted, the runs below go on for 10 s (tagging) and 50 s
// (analysis) on a 2-core machine without the race detector, 5 to 10 times
// longer with it, so the bound still fails a run that ignores the signal.
const interruptBound = 5 * time.Second

// startCLI starts the command with args, its stderr read line by line.
func startCLI(t *testing.T, args ...string) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "STYLOMETER_TEST_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1000)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, lines
}

// previousOutput makes out look like an earlier run's output and returns
// the content of its one data file.
func previousOutput(t *testing.T, out string) {
	t.Helper()
	writeFiles(t, out, map[string]string{"manifest.json": `{"tool": "stylometer"}`, "terms.csv": "earlier run\n"})
}

// interrupt sends SIGINT, waits for the process and checks that it ended
// within interruptBound with status 130, keeping the previous output and
// leaving no temporary folder.
func interrupt(t *testing.T, cmd *exec.Cmd, lines <-chan string, out string) {
	t.Helper()
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(interruptBound):
		t.Fatalf("still running %v after SIGINT", interruptBound)
	}
	t.Logf("ended %.2fs after SIGINT", time.Since(sent).Seconds())
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("exit: %v, want status 130", err)
	}
	var rest []string
	for l := range lines {
		rest = append(rest, l)
	}
	if !strings.Contains(strings.Join(rest, "\n"), "interrupted, previous output kept") {
		t.Errorf("stderr does not say the previous output was kept:\n%s", strings.Join(rest, "\n"))
	}
	mustExist(t, map[string]string{filepath.Join(out, "terms.csv"): "earlier run\n"})
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.stylometer-tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// waitLine waits for a stderr line containing s.
func waitLine(t *testing.T, lines <-chan string, s string) {
	t.Helper()
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the run ended before printing %q", s)
			}
			if strings.Contains(l, s) {
				return
			}
		case <-timeout:
			t.Fatalf("no %q on stderr", s)
		}
	}
}

// TestInterruptDuringAnalysis: SIGINT while the analysis of a generated
// corpus runs (a grid of 150 settings × 12 measures over 300 documents,
// about 50 s of work) ends the run at once with status 130 and the
// previous output as it was.
func TestInterruptDuringAnalysis(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	for i, doc := range pipeline.Synthesize(seedTexts(t), 300, 500, 1) {
		writeFiles(t, dir, map[string]string{fmt.Sprintf("doc%03d.txt", i): doc})
	}
	out := filepath.Join(t.TempDir(), "out")
	previousOutput(t, out)
	cmd, lines := startCLI(t, "run", "--progress", "log", "--out", out, "--mfw", "100-3000:100", "--culling", "0,10,20,30,40", dir)
	waitLine(t, lines, "stylometer: analysis")
	time.Sleep(500 * time.Millisecond) // well inside the analysis
	interrupt(t, cmd, lines, out)
}

// TestInterruptDuringTagging: SIGINT while one large document is tagged
// (20 MB, about 3.5 million words, 10 s of work) ends the run at once too:
// the workers check for cancellation inside a document.
func TestInterruptDuringTagging(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	big := pipeline.Synthesize(seedTexts(t), 1, 20_000_000, 1)[0]
	writeFiles(t, dir, map[string]string{"a-small.txt": essay, "big.txt": big})
	out := filepath.Join(t.TempDir(), "out")
	previousOutput(t, out)
	cmd, lines := startCLI(t, "run", "--progress", "log", "--workers", "1", "--out", out, dir)
	waitLine(t, lines, "1/2 documents") // a-small.txt is done; big.txt is being tagged
	time.Sleep(500 * time.Millisecond)
	interrupt(t, cmd, lines, out)
}

// TestNothingDroppedSilently: what the walk does not read by rule (hidden
// files and folders, links to folders, named pipes) is a row of errors.csv
// with stage "skipped", which --strict does not count; a named pipe never
// hangs the run.
func TestNothingDroppedSilently(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "corpus")
	texts := seedTexts(t)
	writeFiles(t, dir, map[string]string{"a.txt": texts[0], "b.txt": texts[1], "c.txt": texts[2], ".draft.txt": "hidden", ".git/x.txt": "hidden"})
	writeFiles(t, root, map[string]string{"elsewhere/d.txt": texts[3]})
	if err := os.Symlink(filepath.Join(root, "elsewhere"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var err error
	var stderr string
	out := filepath.Join(root, "out")
	go func() {
		defer close(done)
		_, stderr, err = cli(t, "run", "--strict", "--progress", "none", "--out", out, dir)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute): // it takes about a second; a pipe read would block for ever
		t.Fatal("the run hangs on a named pipe")
	}
	if err != nil {
		t.Fatalf("--strict with only skipped rows: %v\n%s", err, stderr)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "errors.csv")) {
		if r["stage"] != "skipped" {
			t.Errorf("errors.csv row %v: want stage skipped", r)
		}
		got[filepath.Base(r["path"])] = r["error"]
	}
	for name, why := range map[string]string{".draft.txt": "hidden file", ".git": "hidden folder", "linked": "symbolic link to a folder", "pipe.txt": "not a regular file (named pipe)"} {
		if !strings.HasPrefix(got[name], why) {
			t.Errorf("errors.csv: %s: %q, want %q", name, got[name], why)
		}
	}
	if docs := readCSV(t, filepath.Join(out, "documents.csv")); len(docs) != 3 {
		t.Errorf("documents.csv: %d documents, want a, b and c", len(docs))
	}
	if !strings.Contains(stderr, "not read: ") {
		t.Errorf("stderr does not list what was not read:\n%s", stderr)
	}
}
