//go:build unix

package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
}

// TestNamedPipeDoesNotHangRun: a named pipe called *.txt among the texts
// is reported as skipped, never opened (opening or reading a pipe with
// no writer blocks forever).
func TestNamedPipeDoesNotHangRun(t *testing.T) {
	tg := newTestTagger(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "The workers spoke.", "c.txt": "The party listened."})
	mkfifo(t, filepath.Join(dir, "b.txt"))
	type result struct {
		res *Profiles
		err error
	}
	done := make(chan result, 1)
	go func() {
		src, err := FromPaths([]string{dir})
		if err != nil {
			done <- result{nil, err}
			return
		}
		res, err := ProfileSources(context.Background(), tg, src, PoolOptions{Workers: 2})
		done <- result{res, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(hangDeadline):
		t.Fatalf("FromPaths + Run still running after %v with a named pipe in the corpus", hangDeadline)
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []Failure{{Path: filepath.ToSlash(dir) + "/b.txt", Stage: "skipped", Err: "not a regular file (named pipe)"}}
	if d := cmp.Diff(want, r.res.Failures); d != "" {
		t.Errorf("failures (-want +got):\n%s", d)
	}
	if len(r.res.Docs) != 2 {
		t.Errorf("%d documents, want a.txt and c.txt", len(r.res.Docs))
	}
}

// TestNamedPipeGiven: a pipe named on the command line is a skipped
// source, not an error of the whole run.
func TestNamedPipeGiven(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.txt")
	mkfifo(t, p)
	src, err := FromPaths([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{filepath.ToSlash(p), filepath.ToSlash(p), "not a regular file (named pipe)"}}
	if d := cmp.Diff(want, rows(src)); d != "" {
		t.Errorf("FromPaths(pipe) (-want +got):\n%s", d)
	}
}

// TestReadRegularRefusesNamedPipe: a file swapped for a named pipe after
// it was listed is refused at once, not read forever.
func TestReadRegularRefusesNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "swapped.txt")
	mkfifo(t, p)
	done := make(chan error, 1)
	go func() {
		_, err := fileSource(p, p).Read()
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.HasSuffix(err.Error(), "not a regular file (named pipe)") {
			t.Errorf("reading a named pipe: err = %v, want not a regular file (named pipe)", err)
		}
	case <-time.After(hangDeadline):
		t.Fatalf("reading a named pipe still blocked after %v", hangDeadline)
	}
}
