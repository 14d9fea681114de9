package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// modules are the versions of the libraries behind the numbers, from the
// build (nil when the binary carries no build information).
func modules() map[string]string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	m := map[string]string{}
	for _, d := range bi.Deps {
		switch d.Path {
		case "github.com/jdkato/prose/v3", "gonum.org/v1/gonum", "gonum.org/v1/plot":
			m[d.Path] = d.Version
		}
	}
	return m
}

// commit is the VCS revision the binary was built from, "+modified" when
// the tree had changes; "" when unknown (go run, go test).
func commit() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev == "" {
		return ""
	}
	return rev + modified
}

// settingsFiles hashes the files on disk that a run read besides its
// texts, by file name only (a manifest shared with a paper carries no
// home folder). Embedded seeds files are not on disk and not listed.
func settingsFiles(cfg pipeline.Config) []reports.SettingsFile {
	var out []reports.SettingsFile
	add := func(role, path string) {
		if path == "" {
			return
		}
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			return
		}
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return
		}
		out = append(out, reports.SettingsFile{Role: role, File: filepath.Base(path), SHA256: hex.EncodeToString(h.Sum(nil))})
	}
	add("config", cfg.File)
	add("metadata", cfg.Meta)
	if lx := cfg.Framing.Lexicon; lx != "" && (cfg.LexiconFS == nil || filepath.IsAbs(lx)) {
		add("lexicon", lx)
	} else if lx != "" && cfg.File != "" {
		add("lexicon", filepath.Join(filepath.Dir(cfg.File), lx))
	}
	add("reference", cfg.Framing.Reference)
	return out
}

// relInput is path relative to the corpus argument it was found under,
// prefixed with that argument's base name ("corpus/a/x.txt"), or its base
// name when it was given itself: no analyst's home folder in the manifest.
func relInput(path string, roots []string) string {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, path); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(filepath.Join(filepath.Base(filepath.Clean(r)), rel))
		}
	}
	if filepath.IsAbs(path) {
		return filepath.Base(path)
	}
	return filepath.ToSlash(path)
}

// versionLine is --version's answer: the version, the commit when known,
// and the Go version.
func versionLine() string {
	v := "stylometer " + version
	if c := commit(); c != "" {
		v += " (" + c + ")"
	}
	return v + ", " + runtime.Version()
}

// shareable is cfg as the manifest and the report record it: the files it
// names (metadata, lexicon, reference) by file name only, so that a
// manifest shared with a paper carries no home folder.
func shareable(cfg pipeline.Config) pipeline.Config {
	base := func(p string) string {
		if p == "" {
			return ""
		}
		return filepath.Base(p)
	}
	cfg.Meta, cfg.Framing.Lexicon, cfg.Framing.Reference = base(cfg.Meta), base(cfg.Framing.Lexicon), base(cfg.Framing.Reference)
	return cfg
}
