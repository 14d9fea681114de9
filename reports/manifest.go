package reports

import (
	"encoding/json"
	"io"
)

// Manifest describes a run so that it can be repeated and checked: the
// program, the parameters, every input with its SHA-256, every output with
// its SHA-256, and, in a field of their own, the things that vary between
// identical runs (timings, worker count).
type Manifest struct {
	Tool       string `json:"tool"`
	Version    string `json:"version"`
	GoVersion  string `json:"go_version"`
	Parameters any    `json:"parameters"`
	// Modules are the versions of the libraries that shape the numbers
	// (prose, gonum, gonum/plot), from the build.
	Modules map[string]string `json:"modules,omitempty"`
	// Settings are the files a run read besides the texts (config,
	// metadata, lexicon, a reference frequency list): their role, file
	// name and SHA-256.
	Settings []SettingsFile `json:"settings_files,omitempty"`
	Inputs   []Input        `json:"inputs"`
	Failures int            `json:"failures"`
	Outputs  []Output       `json:"outputs"`
	Runtime  RuntimeInfo    `json:"runtime"`
}

// SettingsFile is one file of Manifest.Settings.
type SettingsFile struct {
	Role   string `json:"role"`
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// Input is one input file.
type Input struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Output is one output file, relative to the output folder.
type Output struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// RuntimeInfo is what differs between runs that give identical results.
type RuntimeInfo struct {
	// Commit is the tool's VCS revision ("+modified" when built from a
	// changed tree), OS and Arch the platform: they may differ between
	// machines that give identical results.
	Commit  string         `json:"commit,omitempty"`
	OS      string         `json:"os"`
	Arch    string         `json:"arch"`
	Workers int            `json:"workers"`
	Started string         `json:"started"`
	Timings []StageTiming  `json:"timings"`
	Extra   map[string]any `json:"extra,omitempty"`
}

// StageTiming is one stage's wall-clock time.
type StageTiming struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
}

// WriteManifest writes m as indented JSON.
func WriteManifest(w io.Writer, m *Manifest) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}
