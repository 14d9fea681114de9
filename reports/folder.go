package reports

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The output folder. stylometer replaces a folder only when it wrote it
// itself (its manifest.json says "tool": "stylometer") or when it is
// empty, and never one that is, holds or sits inside an input, the working
// folder or the home folder. A run writes into a temporary sibling,
// .<name>.stylometer-tmp-*, locked while the run lives; the swap moves the
// previous output to .<name>.stylometer-old, the new one into place, then
// deletes the old. A run stopped at any point leaves names that the next
// run (RecoverFolder) recognises: it restores the old output when the new one
// never arrived, and removes temporary folders whose run is gone.

// Refusal is an output folder stylometer will not replace: what was
// refused and how to proceed.
type Refusal struct{ msg string }

func (r *Refusal) Error() string { return r.msg }

func refuse(out, why, how string) error {
	return &Refusal{msg: fmt.Sprintf("refusing --out %s: %s; %s", out, why, how)}
}

const (
	tmpInfix = ".stylometer-tmp-"
	oldInfix = ".stylometer-old"
)

// siblings returns the names of the temporary and the previous output
// folders of final: .<base>.stylometer-tmp- (a prefix) and
// .<base>.stylometer-old, in final's parent folder.
func siblings(final string) (parent, tmpPrefix, old string) {
	parent, base := filepath.Split(final)
	if parent == "" {
		parent = "."
	}
	return parent, "." + base + tmpInfix, filepath.Join(parent, "."+base+oldInfix)
}

// Ours reports whether dir holds a manifest.json written by stylometer.
func Ours(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return false
	}
	var m struct {
		Tool string `json:"tool"`
	}
	return json.Unmarshal(b, &m) == nil && m.Tool == "stylometer"
}

// realPath resolves the symbolic links of the longest existing prefix of
// an absolute path, so that two names of one folder compare equal.
func realPath(p string) string {
	rest := ""
	for cur := p; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is dir or inside it (both cleaned, absolute).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// CheckFolder refuses, with a *Refusal, an output folder that replacing
// would lose a person's files with: see the comment at the top of this
// file. inputs are every file and folder the run reads (corpus paths,
// metadata, config, lexicon).
func CheckFolder(out string, inputs []string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return refuse(out, err.Error(), "choose another folder")
	}
	real := realPath(abs)
	other := "choose another folder (e.g. --out results)"
	for _, in := range inputs {
		ia, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		ir := realPath(ia)
		switch {
		case ir == real:
			return refuse(out, "it is the input "+in, other)
		case within(ir, real):
			return refuse(out, "it holds the input "+in, other)
		case within(real, ir):
			return refuse(out, "it is inside the input folder "+in+", where the next run would read it as a document", "choose a folder outside the corpus")
		}
	}
	if filepath.Dir(real) == real {
		return refuse(out, "it is the root folder", other)
	}
	if wd, err := os.Getwd(); err == nil && within(realPath(wd), real) {
		return refuse(out, "it is or holds the working folder", other)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && within(realPath(home), real) {
		return refuse(out, "it is or holds the home folder", other)
	}
	return checkReplaceable(out)
}

// checkReplaceable refuses an existing out that stylometer did not write:
// a file, a symbolic link, or a folder that is not empty and has no
// manifest of stylometer's.
func checkReplaceable(out string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return refuse(out, err.Error(), "choose another folder")
	}
	switch {
	case info.Mode()&os.ModeSymlink != 0:
		return refuse(out, "it is a symbolic link", "give the folder it points to, or choose another folder")
	case !info.IsDir():
		return refuse(out, "it is an existing file", "choose another folder, or remove the file yourself")
	case Ours(out):
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return refuse(out, err.Error(), "choose another folder")
	}
	if len(entries) > 0 {
		return refuse(out, "it is a folder that stylometer did not write (it has no manifest.json of stylometer's), and replacing it would delete its files",
			"choose another folder, or remove it yourself")
	}
	return nil
}

// RecoverFolder finishes what a stopped run left beside final and says so
// through note: a previous output moved aside but never replaced is
// restored; a previous output whose replacement is in place is deleted; a
// temporary folder whose run is gone (its lock is free) is deleted. It
// holds the parent folder's lock, so two runs never recover at once.
func RecoverFolder(final string, note func(string)) error {
	final = filepath.Clean(final)
	parent, tmpPrefix, old := siblings(final)
	if _, err := os.Stat(parent); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	unlock, err := lockDir(parent, true)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", final, err)
	}
	defer unlock()
	if _, err := os.Lstat(old); err == nil {
		_, ferr := os.Lstat(final)
		switch {
		case errors.Is(ferr, os.ErrNotExist) && Ours(old):
			if err := os.Rename(old, final); err != nil {
				return fmt.Errorf("restore %s from %s: %w", final, old, err)
			}
			note(fmt.Sprintf("restored the previous output %s from %s (a run was stopped while replacing it)", final, old))
		case ferr == nil:
			if err := os.RemoveAll(old); err != nil {
				return fmt.Errorf("remove %s: %w", old, err)
			}
			note(fmt.Sprintf("removed %s, the previous output left by a run stopped after replacing %s", old, final))
		}
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", final, err)
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tmpPrefix) {
			continue
		}
		tmp := filepath.Join(parent, e.Name())
		release, err := lockDir(tmp, false)
		if errors.Is(err, errLocked) {
			continue // a live run is writing it
		}
		if err != nil {
			return fmt.Errorf("output folder %s: %w", final, err)
		}
		release()
		if err := os.RemoveAll(tmp); err != nil {
			return fmt.Errorf("remove %s: %w", tmp, err)
		}
		note(fmt.Sprintf("removed %s, the unfinished output of a stopped run", tmp))
	}
	return nil
}

// Folder writes a run's files into a temporary folder beside the target
// and renames it into place on Commit, so a failed or interrupted run
// leaves the previous output intact. It is a Sink.
type Folder struct {
	ctx    context.Context
	final  string
	tmp    string
	unlock func()            // releases the temporary folder's lock
	files  map[string]string // relative name -> SHA-256
}

// OpenFolder starts the output folder final: a locked temporary sibling
// that Write fills; Write stops with ctx's error once ctx is done.
func OpenFolder(ctx context.Context, final string) (*Folder, error) {
	final = filepath.Clean(final)
	parent, tmpPrefix, _ := siblings(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	// Create and lock the temporary folder under the parent's lock, so
	// that no other run's recovery can take it for a stopped run's.
	unlockParent, err := lockDir(parent, true)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	defer unlockParent()
	tmp, err := os.MkdirTemp(parent, tmpPrefix)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	unlock, err := lockDir(tmp, false)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("output folder %s: %w", final, err)
	}
	return &Folder{ctx: ctx, final: final, tmp: tmp, unlock: unlock, files: map[string]string{}}, nil
}

// Write streams a file rendered by fn into the temporary folder through a
// buffer, recording its SHA-256 for the manifest. It stops before the file
// when the run is cancelled.
func (o *Folder) Write(name string, fn func(io.Writer) error) (err error) {
	if err := o.ctx.Err(); err != nil {
		return err
	}
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

// Outputs returns the files written so far with their SHA-256, sorted by
// name: the manifest's list.
func (o *Folder) Outputs() []Output {
	out := make([]Output, 0, len(o.files))
	for k, h := range o.files {
		out = append(out, Output{File: k, SHA256: h})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// Commit replaces the final folder with the temporary one, under the
// parent folder's lock. It checks again that the folder it replaces is
// still one stylometer may replace: a long run gives time for it to change.
// Stopped between its two renames, it leaves the previous output in
// .<name>.stylometer-old, which RecoverFolder restores.
func (o *Folder) Commit() error {
	parent, _, old := siblings(o.final)
	unlock, err := lockDir(parent, true)
	if err != nil {
		return fmt.Errorf("replace %s: %w", o.final, err)
	}
	defer unlock()
	if err := checkReplaceable(o.final); err != nil {
		return err
	}
	moved := false
	if _, err := os.Lstat(o.final); err == nil {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("replace %s: %w", o.final, err)
		}
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("replace %s: %w", o.final, err)
		}
		moved = true
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if moved {
			_ = os.Rename(old, o.final)
		}
		return fmt.Errorf("replace %s: %w", o.final, err)
	}
	o.unlock()
	if moved {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the temporary folder.
func (o *Folder) Abort() {
	o.unlock()
	_ = os.RemoveAll(o.tmp)
}

// WriteFolder writes the output folder final with fill, atomically: on any
// error or once ctx is done the temporary folder is removed and the
// previous output stays as it was.
func WriteFolder(ctx context.Context, final string, fill func(*Folder) error) error {
	out, err := OpenFolder(ctx, final)
	if err != nil {
		return err
	}
	if err := fill(out); err != nil {
		out.Abort()
		return err
	}
	if err := ctx.Err(); err != nil {
		out.Abort()
		return err
	}
	if err := out.Commit(); err != nil {
		out.Abort()
		return err
	}
	return nil
}
