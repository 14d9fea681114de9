package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/pipeline"
)

// Config is every setting of a run. defaultConfig is the documented
// default run; the TOML config file is applied over it, then the flags
// that were set, then validate checks the whole.
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

	lexiconFS  fs.FS  // where Framing.Lexicon is read when it came from a config
	configFile string // the --config file, if any
}

// inputs lists every file and folder on disk the run reads: the corpus
// paths, the metadata, the config file and the lexicon. The output folder
// must not be, hold or sit inside any of them.
func (c *Config) inputs(paths []string) []string {
	in := append([]string(nil), paths...)
	for _, p := range []string{c.Meta, c.configFile} {
		if p != "" {
			in = append(in, p)
		}
	}
	switch lx := c.Framing.Lexicon; {
	case lx == "":
	case c.lexiconFS == nil || filepath.IsAbs(lx):
		in = append(in, lx)
	case c.configFile != "":
		in = append(in, filepath.Join(filepath.Dir(c.configFile), lx))
	}
	return in
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

// defaultConfig is the documented default run: the config file and the
// flags are applied over it, so a value a user gives, even 0, is never
// mistaken for "not given".
func defaultConfig() Config {
	return Config{
		Out:      "out",
		Progress: "auto",
		Stylometry: StylometryConfig{
			Features: []string{"word:1"},
			MFW:      "100",
			Culling:  []float64{0},
			Linkage:  "ward.D2",
		},
		Framing: FramingConfig{
			Window:    5,
			Context:   8,
			MinCount:  3,
			Slice:     500,
			Prior:     "corpus",
			Stopwords: "none",
		},
	}
}

// maxGrid is the most feature × culling × MFW settings a run computes.
const maxGrid = 1000

// validate checks every setting before any document is read, so that a
// typo costs a second, not the whole tagging stage. Each message names the
// flag (and config key) and says what is wanted.
func (c *Config) validate() error {
	if c.Out == "" {
		return errors.New("--out (out): empty output folder name")
	}
	if c.Workers < 0 {
		return fmt.Errorf("--workers %d: want 0 (all cores) or more", c.Workers)
	}
	switch c.Progress {
	case "auto", "bar", "log", "none":
	default:
		return fmt.Errorf("--progress %q: want auto, bar, log or none", c.Progress)
	}
	for _, x := range []struct {
		flag, key string
		v         int
	}{
		{"--window", "framing.window", c.Framing.Window},
		{"--context", "framing.context", c.Framing.Context},
		{"--slice", "framing.slice", c.Framing.Slice},
		{"--min-count", "framing.min_count", c.Framing.MinCount},
	} {
		if x.v < 1 {
			return fmt.Errorf("%s (%s) %d: want 1 or more", x.flag, x.key, x.v)
		}
	}
	sc := c.Stylometry
	if sc.SampleSize < 0 {
		return fmt.Errorf("--sample-size (stylometry.sample_size) %d: want 0 (whole documents) or more", sc.SampleSize)
	}
	if sc.SampleOverlap < 0 || sc.SampleSize > 0 && sc.SampleOverlap >= sc.SampleSize {
		return fmt.Errorf("--sample-overlap (stylometry.sample_overlap) %d: want 0 to sample size - 1", sc.SampleOverlap)
	}
	if len(sc.Culling) == 0 {
		return errors.New("--culling (stylometry.culling): no value")
	}
	for _, v := range sc.Culling {
		if math.IsNaN(v) || v < 0 || v > 100 {
			return fmt.Errorf("--culling (stylometry.culling) %v: want a percentage from 0 to 100", v)
		}
	}
	mfw, err := analysis.ParseMFW(sc.MFW)
	if err != nil {
		return fmt.Errorf("--mfw (stylometry.mfw): %w", err)
	}
	if n := len(mfw) * len(sc.Culling) * max(len(sc.Features), 1); n > maxGrid {
		return fmt.Errorf("--mfw, --culling, --features: %d settings (%d × %d × %d), at most %d", n, len(mfw), len(sc.Culling), len(sc.Features), maxGrid)
	}
	if len(sc.Features) == 0 {
		return errors.New("--features (stylometry.features): no feature")
	}
	for _, f := range sc.Features {
		if _, err := pipeline.ParseFeature(f); err != nil {
			return fmt.Errorf("--features (stylometry.features): %w", err)
		}
	}
	for _, m := range sc.Measures {
		if _, err := analysis.ParseMeasure(m); err != nil {
			return fmt.Errorf("--measures (stylometry.measures): %w", err)
		}
	}
	if _, err := analysis.ParseLinkage(sc.Linkage); err != nil {
		return fmt.Errorf("--linkage (stylometry.linkage): %w", err)
	}
	if _, err := parsePrior(c.Framing.Prior); err != nil {
		return err
	}
	if _, err := framing.Stopwords(c.Framing.Stopwords); err != nil {
		return fmt.Errorf("--stopwords (framing.stopwords): %w", err)
	}
	for _, t := range c.Framing.Targets {
		if strings.TrimSpace(t.Name) == "" {
			return errors.New("--targets (framing.targets): a target with no name")
		}
	}
	if _, err := pipeline.NewCanon(c.Text.Boilerplate); err != nil {
		return fmt.Errorf("--boilerplate (text.boilerplate): %w", err)
	}
	if _, err := readLexicon(*c); err != nil {
		return err
	}
	return nil
}
