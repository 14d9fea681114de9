package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Source is one document to read: its id (the file name without extension,
// or its path when two files share a name), the path shown in errors and in
// the manifest, and how to read it.
type Source struct {
	ID   string
	Path string
	Read func() ([]byte, error)
}

// textExt are the extensions a directory walk picks up.
var textExt = map[string]bool{".txt": true, ".md": true}

// FromPaths lists the documents named by paths: a file is taken whatever
// its extension; a directory contributes its .txt and .md files,
// recursively, in lexical order. A path that does not exist is an error; so
// is a directory with no text file in it.
func FromPaths(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, errors.Unwrap(err))
		}
		if !info.IsDir() {
			out = append(out, fileSource(p, p))
			continue
		}
		n := len(out)
		err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable sub-directory is one bad input, not a failed run.
				out = append(out, Source{ID: stem(name), Path: name, Read: func() ([]byte, error) { return nil, err }})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if name != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if textExt[strings.ToLower(filepath.Ext(name))] && !strings.HasPrefix(d.Name(), ".") {
				out = append(out, fileSource(name, name))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if len(out) == n {
			return nil, fmt.Errorf("input %s: no .txt or .md file in this directory", p)
		}
	}
	return uniqueIDs(out), nil
}

func fileSource(name, display string) Source {
	return Source{ID: stem(name), Path: filepath.ToSlash(display), Read: func() ([]byte, error) { return os.ReadFile(name) }}
}

// FromFS lists the .txt and .md files of fsys (recursively, lexical order),
// as for the embedded seeds.
func FromFS(fsys fs.FS) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && textExt[strings.ToLower(path.Ext(name))] {
			out = append(out, Source{ID: stem(name), Path: name, Read: func() ([]byte, error) { return fs.ReadFile(fsys, name) }})
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
func uniqueIDs(src []Source) []Source {
	n := map[string]int{}
	for _, s := range src {
		n[s.ID]++
	}
	for i, s := range src {
		if n[s.ID] > 1 {
			src[i].ID = strings.TrimSuffix(strings.TrimPrefix(s.Path, "./"), path.Ext(s.Path))
		}
	}
	seen := map[string]int{}
	for i, s := range src {
		seen[s.ID]++
		if seen[s.ID] > 1 { // the same path given twice
			src[i].ID = fmt.Sprintf("%s~%d", s.ID, seen[s.ID])
		}
	}
	return src
}
