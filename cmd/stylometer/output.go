package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// outDir writes a run's files into a temporary folder beside the target and
// renames it into place on commit, so a failed or interrupted run leaves the
// previous output intact.
type outDir struct {
	final string
	tmp   string
	files map[string]string // relative name -> SHA-256
}

func newOutDir(final string) (*outDir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &outDir{final: final, tmp: tmp, files: map[string]string{}}, nil
}

// write streams a file rendered by fn into the temporary folder through a
// buffer, recording its SHA-256 for the manifest.
func (o *outDir) write(name string, fn func(io.Writer) error) (err error) {
	path := filepath.Join(o.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", name, cerr)
		}
	}()
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<16)
	if err := fn(bw); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	o.files[name] = hex.EncodeToString(h.Sum(nil))
	return nil
}

// names returns the files written so far, sorted.
func (o *outDir) names() []string {
	n := make([]string, 0, len(o.files))
	for k := range o.files {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// commit replaces the final folder with the temporary one.
func (o *outDir) commit() error {
	old := ""
	if _, err := os.Stat(o.final); err == nil {
		old = o.tmp + ".old"
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("replace %s: %w", o.final, err)
		}
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if old != "" {
			_ = os.Rename(old, o.final)
		}
		return fmt.Errorf("replace %s: %w", o.final, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// abort removes the temporary folder.
func (o *outDir) abort() { _ = os.RemoveAll(o.tmp) }
