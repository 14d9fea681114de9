package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// Source is one document to read: its id (the file name without extension,
// or its path when two files share a name), the path shown in errors and in
// the manifest, and how to read it.
//
// Skip, when set, says why the source is not read at all (a hidden file, a
// symbolic link to a folder, a named pipe ...): Run reports it as a Failure
// with stage "skipped" and that reason, and never calls Read, which may be
// nil.
type Source struct {
	ID   string
	Path string
	Read func() ([]byte, error)
	// Open, if set, opens the file for reading in parts (see
	// StreamBytes); Read is used when it is nil or the file is small.
	Open func() (*os.File, error)
	Skip string
	// Markup is the source's markup, by its extension: MarkupHTML,
	// MarkupXML, or "" for plain text. Its text is extracted (Extract)
	// before it is tagged, and offsets into it are offsets into that
	// text.
	Markup string
}

// readExt lists the extensions a directory walk reads, for messages.
const readExt = ".txt, .md, .html, .htm, .xhtml or .xml"

// The reasons FromPaths gives in Source.Skip.
const (
	skipHiddenDir  = "hidden folder, not read (give it as an input to include it)"
	skipHiddenFile = "hidden file, not read (give it as an input to include it)"
	skipDirLink    = "symbolic link to a folder, not followed (give its target as an input to include it)"
	skipOtherExt   = "not a " + readExt + " file, not read (give it as an input to read it as plain text)"
)

// FromPaths lists the documents named by paths, in the order given.
//
// A path to a regular file is taken whatever its extension (as HTML or
// XML by its extension, see Source.Markup; as plain text otherwise). A
// path to a directory (or a symbolic link to one) contributes its .txt,
// .md, .html, .htm, .xhtml and .xml files, recursively, in lexical order,
// shown under the path as given. Nothing in a directory is dropped
// silently: these become sources with Skip set, in walk order, and are not
// read:
//
//   - a hidden folder (name starting with "."), which is not descended;
//   - a hidden file;
//   - a symbolic link to a folder, which is not followed;
//   - a file of another extension;
//   - an entry that is not a regular file (named pipe, socket, device),
//     which could block a reader forever.
//
// A symbolic link to a file is read through the link; a dangling one
// fails when read. A path given that is neither a file nor a directory is
// a skipped source too.
//
// A path that does not exist is an error; so is a directory with no file
// to read in it.
func FromPaths(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, errors.Unwrap(err))
		}
		switch {
		case info.Mode().IsRegular():
			out = append(out, fileSource(p, p))
			continue
		case !info.IsDir():
			out = append(out, skipSource(p, notRegular(info.Mode())))
			continue
		}
		n := len(out)
		out, err = walkDir(out, p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if err := checkFound(p, out[n:]); err != nil {
			return nil, err
		}
	}
	return uniqueIDs(out), nil
}

// walkDir appends the sources found under the directory root to out. When
// root is a symbolic link, the walk runs over its target (filepath.WalkDir
// does not follow a root link) and the paths are shown under root.
func walkDir(out []Source, root string) ([]Source, error) {
	real := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		r, err := filepath.EvalSymlinks(root)
		if err != nil {
			return out, err
		}
		real = r
	}
	shown := func(name string) string {
		if real == root {
			return name
		}
		rel, err := filepath.Rel(real, name)
		if err != nil {
			return name
		}
		return filepath.Join(root, rel)
	}
	err := filepath.WalkDir(real, func(name string, d fs.DirEntry, err error) error {
		display := shown(name)
		if err != nil {
			// An unreadable sub-directory is one bad input, not a failed run.
			out = append(out, Source{ID: stem(display), Path: filepath.ToSlash(display), Read: func() ([]byte, error) { return nil, err }})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name == real {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		mode := d.Type()
		link := mode&fs.ModeSymlink != 0
		if link {
			// The target's type; a dangling link keeps ModeSymlink and is
			// read (and fails) like any text file.
			if info, err := os.Stat(name); err == nil {
				mode = info.Mode().Type()
			}
		}
		if mode.IsDir() {
			switch {
			case hidden:
				out = append(out, skipSource(display, skipHiddenDir))
			case link:
				out = append(out, skipSource(display, skipDirLink))
			default:
				return nil
			}
			if !link {
				return fs.SkipDir
			}
			return nil
		}
		_, known := markupExt[strings.ToLower(filepath.Ext(name))]
		switch {
		case hidden:
			out = append(out, skipSource(display, skipHiddenFile))
		case !known:
			out = append(out, skipSource(display, skipOtherExt))
		case mode.IsRegular() || mode&fs.ModeSymlink != 0:
			out = append(out, fileSource(name, display))
		default:
			out = append(out, skipSource(display, notRegular(mode)))
		}
		return nil
	})
	return out, err
}

// checkFound reports a directory that gave no source to read, saying how
// many entries were skipped and why the first one was.
func checkFound(dir string, found []Source) error {
	var skipped []Source
	for _, s := range found {
		if s.Skip == "" {
			return nil
		}
		skipped = append(skipped, s)
	}
	if len(skipped) == 0 {
		return fmt.Errorf("input %s: no %s file in this directory", dir, readExt)
	}
	entries := "entries"
	if len(skipped) == 1 {
		entries = "entry"
	}
	return fmt.Errorf("input %s: no %s file in this directory to read (%d %s skipped, e.g. %s: %s)", dir, readExt, len(skipped), entries, skipped[0].Path, skipped[0].Skip)
}

func fileSource(name, display string) Source {
	return Source{ID: stem(display), Path: filepath.ToSlash(display), Read: func() ([]byte, error) { return readRegular(name) },
		Open: func() (*os.File, error) { return openRegular(name) }, Markup: markupOf(display)}
}

func skipSource(display, reason string) Source {
	return Source{ID: stem(display), Path: filepath.ToSlash(display), Skip: reason}
}

// notRegular is the skip reason for a file of the given mode that is not a
// regular file, e.g. "not a regular file (named pipe)".
func notRegular(mode fs.FileMode) string {
	kind := "special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "socket"
	case mode&fs.ModeCharDevice != 0:
		kind = "character device"
	case mode&fs.ModeDevice != 0:
		kind = "device"
	case mode&fs.ModeSymlink != 0:
		kind = "symbolic link"
	case mode.IsDir():
		kind = "directory"
	}
	return "not a regular file (" + kind + ")"
}

// readRegular reads a regular file. The file is opened without blocking
// and checked after opening, so a file swapped for a named pipe or a
// device after it was listed is refused instead of hanging the reader.
func readRegular(name string) ([]byte, error) {
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return readAll(f, info.Size())
}

// readAll reads f to its end, from a buffer grown to size, the file's
// size when it was opened.
func readAll(f *os.File, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size < 1<<40 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, err // an *fs.PathError naming the file
	}
	return buf.Bytes(), nil
}

// openRegular opens a regular file as readRegular does, refusing anything
// else.
func openRegular(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New(notRegular(info.Mode()))}
	}
	return f, nil
}

// FromFS lists the files of fsys that a directory walk reads (.txt, .md,
// .html, .htm, .xhtml, .xml; recursively, lexical order), as for the
// embedded seeds. Other files are not listed, not even as skipped.
func FromFS(fsys fs.FS) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if _, known := markupExt[strings.ToLower(path.Ext(name))]; !d.IsDir() && known {
			out = append(out, Source{ID: stem(name), Path: name, Read: func() ([]byte, error) { return fs.ReadFile(fsys, name) }, Markup: markupOf(name)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return uniqueIDs(out), nil
}

func stem(name string) string {
	base := path.Base(filepath.ToSlash(name))
	return strings.TrimSuffix(base, path.Ext(base))
}

// uniqueIDs gives every source sharing an id with another its path without
// extension as id instead, so no document is silently merged into another.
// The ids of the sources to read are settled first, among themselves, so a
// skipped entry never changes a document's id; a skipped entry takes its
// path as id, with a ~n suffix if a document already has it.
func uniqueIDs(src []Source) []Source {
	n := map[string]int{}
	for _, s := range src {
		if s.Skip == "" {
			n[s.ID]++
		}
	}
	for i, s := range src {
		switch {
		case s.Skip != "":
			src[i].ID = strings.TrimPrefix(s.Path, "./")
		case n[s.ID] > 1:
			src[i].ID = strings.TrimSuffix(strings.TrimPrefix(s.Path, "./"), path.Ext(s.Path))
		}
	}
	seen := map[string]int{}
	for _, skipped := range []bool{false, true} {
		for i, s := range src {
			if (s.Skip != "") != skipped {
				continue
			}
			seen[s.ID]++
			if seen[s.ID] > 1 { // the same path given twice
				src[i].ID = fmt.Sprintf("%s~%d", s.ID, seen[s.ID])
			}
		}
	}
	return src
}
