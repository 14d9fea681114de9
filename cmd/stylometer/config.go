package main

import (
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config is every setting of a run. The TOML config file fills it first,
// then flags override it. Its zero value plus defaults() is the documented
// default run.
type Config struct {
	Out      string   `toml:"out" json:"-"`             // output folder; default "out"
	Meta     string   `toml:"meta" json:"meta"`         // metadata CSV joined on id or path
	Workers  int      `toml:"workers" json:"-"`         // 0: GOMAXPROCS
	Progress string   `toml:"progress" json:"-"`        // auto, bar, log, none
	Strict   bool     `toml:"strict" json:"strict"`     // any errors.csv row makes the exit non-zero
	GroupBy  []string `toml:"group_by" json:"group_by"` // metadata columns contrasted against the rest
	Label    string   `toml:"label" json:"label"`       // metadata column for attribution

	Text       TextConfig       `toml:"text" json:"text"`
	Stylometry StylometryConfig `toml:"stylometry" json:"stylometry"`
	Framing    FramingConfig    `toml:"framing" json:"framing"`

	lexiconFS fs.FS // where Framing.Lexicon is read when it came from a config
}

// TextConfig holds canonicalisation rules.
type TextConfig struct {
	Boilerplate  []string `toml:"boilerplate" json:"boilerplate"`     // whole-line RE2 patterns
	DropRepeated bool     `toml:"drop_repeated" json:"drop_repeated"` // blank a line that repeats the previous non-blank line
	KeepCase     bool     `toml:"keep_case" json:"keep_case"`         // count "Party" and "party" apart
}

// StylometryConfig holds the who-writes-like-whom settings.
type StylometryConfig struct {
	Features      []string  `toml:"features" json:"features"`             // default ["word:1"]
	MFW           string    `toml:"mfw" json:"mfw"`                       // list or range; default "100"
	Culling       []float64 `toml:"culling" json:"culling"`               // percent of documents; default [0]
	Measures      []string  `toml:"measures" json:"measures"`             // default: all
	Linkage       string    `toml:"linkage" json:"linkage"`               // default ward.D2
	SampleSize    int       `toml:"sample_size" json:"sample_size"`       // words; 0 = whole documents
	SampleOverlap int       `toml:"sample_overlap" json:"sample_overlap"` // words
}

// FramingConfig holds the framing settings.
type FramingConfig struct {
	Targets   []TargetConfig `toml:"targets" json:"targets"`
	Lexicon   string         `toml:"lexicon" json:"lexicon"`     // category,term CSV, relative to the config file
	Window    int            `toml:"window" json:"window"`       // collocate window each side; default 5
	Context   int            `toml:"context" json:"context"`     // KWIC words each side; default 8
	MinCount  int            `toml:"min_count" json:"min_count"` // keyness minimum count in the corpus; default 3
	Slice     int            `toml:"slice" json:"slice"`         // Zeta slice in words; default 500
	Prior     string         `toml:"prior" json:"prior"`         // "corpus" (default) or "uniform:A"
	Pairs     bool           `toml:"pairs" json:"pairs"`         // also every pair of group values
	AllWords  bool           `toml:"all_words" json:"all_words"` // keyness over all words, not content words only
	Stopwords string         `toml:"stopwords" json:"stopwords"` // named list: "none" (default) or "english"
	// KeynessAll writes every term of every scope to keyness.csv, not only
	// those present in the target or significantly avoided.
	KeynessAll bool `toml:"keyness_all" json:"keyness_all"`
}

// TargetConfig is one framing target.
type TargetConfig struct {
	Name  string   `toml:"name" json:"name"`
	Forms []string `toml:"forms" json:"forms"`
}

// decodeConfig reads TOML into c. Keys it does not know are errors, named
// with their path, so a typo never silently changes nothing.
func decodeConfig(r io.Reader, name string, c *Config) error {
	md, err := toml.NewDecoder(r).Decode(c)
	if err != nil {
		return fmt.Errorf("config %s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return fmt.Errorf("config %s: unknown key(s): %s", name, strings.Join(keys, ", "))
	}
	return nil
}

// defaults fills what neither the config nor a flag set.
func (c *Config) defaults() {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Progress == "" {
		c.Progress = "auto"
	}
	if len(c.Stylometry.Features) == 0 {
		c.Stylometry.Features = []string{"word:1"}
	}
	if c.Stylometry.MFW == "" {
		c.Stylometry.MFW = "100"
	}
	if len(c.Stylometry.Culling) == 0 {
		c.Stylometry.Culling = []float64{0}
	}
	if c.Stylometry.Linkage == "" {
		c.Stylometry.Linkage = "ward.D2"
	}
	if c.Framing.Window == 0 {
		c.Framing.Window = 5
	}
	if c.Framing.Context == 0 {
		c.Framing.Context = 8
	}
	if c.Framing.MinCount == 0 {
		c.Framing.MinCount = 3
	}
	if c.Framing.Slice == 0 {
		c.Framing.Slice = 500
	}
	if c.Framing.Prior == "" {
		c.Framing.Prior = "corpus"
	}
}
