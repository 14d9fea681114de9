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
	Tool       string      `json:"tool"`
	Version    string      `json:"version"`
	GoVersion  string      `json:"go_version"`
	Parameters any         `json:"parameters"`
	Inputs     []Input     `json:"inputs"`
	Failures   int         `json:"failures"`
	Outputs    []Output    `json:"outputs"`
	Runtime    RuntimeInfo `json:"runtime"`
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
