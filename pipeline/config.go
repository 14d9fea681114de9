package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/analysis/stylometry"
)

// Config is the run's configuration as a person writes it: the TOML file
// (keys in the toml tags; unknown keys are errors) and the command line
// over it. DefaultConfig is the documented default run; Options parses and
// checks the whole and turns it into typed Options. Its JSON form is the
// manifest's record of the parameters.
type Config struct {
	Out      string   `toml:"out" json:"-"`             // output folder; default "out"
	Meta     string   `toml:"meta" json:"meta"`         // metadata CSV joined on id or path
	Workers  int      `toml:"workers" json:"-"`         // 0: GOMAXPROCS
	Progress string   `toml:"progress" json:"-"`        // auto, bar, log, none
	Strict   bool     `toml:"strict" json:"strict"`     // any errors.csv row makes the exit non-zero
	GroupBy  []string `toml:"group_by" json:"group_by"` // metadata columns contrasted against the rest
	Label    string   `toml:"label" json:"label"`       // metadata column for attribution
	// Time is the metadata column holding each document's year or date
	// ("" for none): it turns on the trends and the contrasts within time.
	Time string `toml:"time" json:"time"`
	// TimeBin is the width of a time bin in years; 0 chooses one that
	// gives at most 20 bins.
	TimeBin int `toml:"time_bin" json:"time_bin"`
	// Format is "csv" (default) or "parquet": the long tables (terms,
	// keyness, distances, knn, attribution) as Parquet instead of CSV.
	Format string `toml:"format" json:"format"`
	// Cache is the folder of the profile cache: "" for the user cache
	// folder (stylometer under os.UserCacheDir), "off" for none.
	Cache string `toml:"cache" json:"-"`
	// AllTerms writes every term of every document to terms.csv, however
	// large the corpus (past TermRowsDocs documents, each keeps its
	// TermRows most frequent terms).
	AllTerms bool `toml:"all_terms" json:"all_terms"`
	// Language is "auto" (default: each document's language is detected)
	// or the ISO 639 code of every document's language ("en": all are
	// analysed as English).
	Language string `toml:"language" json:"language"`

	Text       TextConfig       `toml:"text" json:"text"`
	Stylometry StylometryConfig `toml:"stylometry" json:"stylometry"`
	Framing    FramingConfig    `toml:"framing" json:"framing"`

	// LexiconFS is where a relative Framing.Lexicon is read: the config
	// file's folder, or the seeds; nil: the working folder.
	LexiconFS fs.FS `toml:"-" json:"-"`
	// File is the config file the settings came from, if any.
	File string `toml:"-" json:"-"`
}

// TextConfig holds canonicalisation rules.
type TextConfig struct {
	Boilerplate  []string `toml:"boilerplate" json:"boilerplate"`     // whole-line RE2 patterns
	DropRepeated bool     `toml:"drop_repeated" json:"drop_repeated"` // blank a line that repeats the previous non-blank line
	KeepCase     bool     `toml:"keep_case" json:"keep_case"`         // count "Party" and "party" apart
	SplitHyphens bool     `toml:"split_hyphens" json:"split_hyphens"` // "worker-peasant" as two words, as stylo counts them
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
	// Distances is "default" (every measure at the default setting, the
	// view measure over the grid) or "all" (every measure at every
	// setting, all in distances.csv).
	Distances string `toml:"distances" json:"distances"`
	// MaxMatrix is the most texts with text × text matrices (see
	// Options.MaxMatrix); default 2000.
	MaxMatrix int `toml:"max_matrix" json:"max_matrix"`
	// Folds is k for the stratified k-fold cross-validation of the
	// attribution beside leave-one-out (0: leave-one-out only); default 10.
	Folds int `toml:"folds" json:"folds"`
	// KNN is k for the k-nearest-texts vote among the classifiers (0: no
	// vote); default 3.
	KNN int `toml:"knn" json:"knn"`
	// Classifiers are the classifiers evaluated beside the nearest text:
	// knn, centroid, nsc, svm (default all; "none" for the nearest alone).
	Classifiers []string `toml:"classifiers" json:"classifiers"`
	// Imposters is the rounds of the General Imposters verification of
	// every text against every label (0: not run); stylo's default is 100.
	Imposters int `toml:"imposters" json:"imposters"`
	// Rolling is the length in words of the windows slid through each
	// labelled document for rolling attribution (0: off); it needs label.
	Rolling int `toml:"rolling" json:"rolling"`
	// RollingStep is the words between the starts of consecutive windows;
	// 0: a tenth of Rolling, rounded, at least 1.
	RollingStep int `toml:"rolling_step" json:"rolling_step"`
}

// FramingConfig holds the framing settings.
type FramingConfig struct {
	Targets   []TargetSpec `toml:"targets" json:"targets"`
	Lexicon   string       `toml:"lexicon" json:"lexicon"`     // category,term CSV, relative to the config file
	Window    int          `toml:"window" json:"window"`       // collocate window each side; default 5
	Context   int          `toml:"context" json:"context"`     // KWIC words each side; default 8
	MinCount  int          `toml:"min_count" json:"min_count"` // keyness minimum count in the corpus; default 3
	Slice     int          `toml:"slice" json:"slice"`         // Zeta slice in words; default 500
	Prior     string       `toml:"prior" json:"prior"`         // "corpus" (default) or "uniform:A"
	Pairs     bool         `toml:"pairs" json:"pairs"`         // also every pair of group values
	AllWords  bool         `toml:"all_words" json:"all_words"` // keyness over all words, not content words only
	Stopwords string       `toml:"stopwords" json:"stopwords"` // named list: "none" (default) or "english"
	// Reference is a background corpus keyness compares with instead of the
	// rest of the corpus: a folder of texts (profiled as the corpus is) or
	// a frequency list (a CSV or TSV with columns term and count). "": none.
	Reference string `toml:"reference" json:"reference"`
	// KeynessAll writes every term of every scope to keyness.csv, not only
	// those present in the target or significantly avoided.
	KeynessAll bool `toml:"keyness_all" json:"keyness_all"`
	// KeynessTotals is what keyness divides by: "words" (default: all
	// words, the corpus sizes) or "terms" (the tokens of the compared
	// terms: the content words, the sub-corpus). The same with all_words.
	KeynessTotals string `toml:"keyness_totals" json:"keyness_totals"`
}

// TargetSpec is one framing target as written: a name and the forms that
// count as it ("peasantry" = "peasant", "peasants"); no forms: the name.
type TargetSpec struct {
	Name  string   `toml:"name" json:"name"`
	Forms []string `toml:"forms" json:"forms"`
}

// DefaultConfig is the documented default run. A config file and flags
// are applied over it, so a value a person gives, even 0, is never taken
// for "not given".
func DefaultConfig() Config {
	return Config{
		Out:      "out",
		Progress: "auto",
		Format:   "csv",
		Language: LanguageAuto,
		Stylometry: StylometryConfig{
			Features:    []string{"word:1"},
			MFW:         "100",
			Culling:     []float64{0},
			Linkage:     string(analysis.WardD2),
			Distances:   "default",
			MaxMatrix:   DefaultMaxMatrix,
			Folds:       DefaultFolds,
			KNN:         DefaultKNN,
			Classifiers: slices.Clone(stylometry.Classifiers),
		},
		Framing: FramingConfig{
			KeynessTotals: "words",
			Window:        defaultWindow,
			Context:       defaultContext,
			MinCount:      defaultMinCount,
			Slice:         defaultSlice,
			Prior:         "corpus",
			Stopwords:     "none",
		},
	}
}

// DecodeConfig reads TOML into c, over what c holds. Keys it does not know
// are errors, named with their path, so a typo never silently changes
// nothing.
func DecodeConfig(r io.Reader, name string, c *Config) error {
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

// OptionError is a setting that cannot be used: its configuration key
// (stylometry.mfw), the value given and what is accepted. The command line
// shows it under the flag's name.
type OptionError struct {
	Key   string
	Value string
	Want  string
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Key, e.Value, e.Want)
}

func optErr(key string, value any, want string, args ...any) *OptionError {
	v := fmt.Sprint(value)
	if s, ok := value.(string); ok {
		v = strconv.Quote(s)
	}
	return &OptionError{Key: key, Value: v, Want: fmt.Sprintf(want, args...)}
}

// maxGrid is the most feature × culling × MFW settings a run computes.
const maxGrid = 1000

// Options parses and checks every setting, reading the lexicon, so that a
// typo costs a second, not the whole tagging stage. Errors are
// *OptionError. The metadata columns named by GroupBy and Label are
// checked against the corpus by Profile, before any document is read.
func (c Config) Options() (Options, error) {
	var o Options
	if c.Out == "" {
		return o, optErr("out", c.Out, "want a folder name")
	}
	if c.Workers < 0 {
		return o, optErr("workers", c.Workers, "want 0 (all cores) or more")
	}
	switch c.Progress {
	case "auto", "bar", "log", "none":
	default:
		return o, optErr("progress", c.Progress, "want auto, bar, log or none")
	}
	if c.Format != "csv" && c.Format != "parquet" {
		return o, optErr("format", c.Format, "want csv or parquet")
	}
	lang, err := parseLanguage(c.Language)
	if err != nil {
		return o, optErr("language", c.Language, "want auto (detect each document's) or the ISO 639 code of every document's language (en, fr, de ...)")
	}
	for _, x := range []struct {
		key string
		v   int
	}{
		{"framing.window", c.Framing.Window},
		{"framing.context", c.Framing.Context},
		{"framing.slice", c.Framing.Slice},
		{"framing.min_count", c.Framing.MinCount},
	} {
		if x.v < 1 {
			return o, optErr(x.key, x.v, "want 1 or more")
		}
	}
	sc := c.Stylometry
	if sc.MaxMatrix < 3 {
		return o, optErr("stylometry.max_matrix", sc.MaxMatrix, "want 3 or more")
	}
	if sc.Folds < 0 || sc.Folds == 1 {
		return o, optErr("stylometry.folds", sc.Folds, "want 0 (leave-one-out only) or 2 or more")
	}
	if sc.KNN < 0 || sc.KNN == 1 {
		return o, optErr("stylometry.knn", sc.KNN, "want 0 (no vote) or 2 or more (1 is the nearest text, always evaluated)")
	}
	o.Classifiers = []string{}
	for _, c := range sc.Classifiers {
		c = strings.TrimSpace(c)
		switch {
		case c == "none" && len(sc.Classifiers) == 1:
		case slices.Contains(stylometry.Classifiers, c):
			if !slices.Contains(o.Classifiers, c) {
				o.Classifiers = append(o.Classifiers, c)
			}
		default:
			return o, optErr("stylometry.classifiers", c, "want some of %s (the nearest text is always evaluated), or none alone", strings.Join(stylometry.Classifiers, ", "))
		}
	}
	if sc.Imposters < 0 {
		return o, optErr("stylometry.imposters", sc.Imposters, "want 0 (not run) or a number of rounds (stylo's default: 100)")
	}
	if sc.Rolling < 0 {
		return o, optErr("stylometry.rolling", sc.Rolling, "want 0 (off) or a window length in words")
	}
	if sc.Rolling > 0 && c.Label == "" {
		return o, optErr("stylometry.rolling", sc.Rolling, "needs label: the metadata column the windows are attributed to")
	}
	if sc.RollingStep < 0 || sc.Rolling > 0 && sc.RollingStep > sc.Rolling {
		return o, optErr("stylometry.rolling_step", sc.RollingStep, "want 0 (a tenth of the window) or 1 to the window's length (%d)", sc.Rolling)
	}
	if c.TimeBin < 0 {
		return o, optErr("time_bin", c.TimeBin, "want 0 (chosen) or a width in years")
	}
	if sc.SampleSize < 0 {
		return o, optErr("stylometry.sample_size", sc.SampleSize, "want 0 (whole documents) or more")
	}
	if sc.SampleOverlap < 0 || sc.SampleSize > 0 && sc.SampleOverlap >= sc.SampleSize {
		return o, optErr("stylometry.sample_overlap", sc.SampleOverlap, "want 0 to sample size - 1")
	}
	if len(sc.Culling) == 0 {
		return o, optErr("stylometry.culling", "", "want at least one percentage")
	}
	for _, v := range sc.Culling {
		if math.IsNaN(v) || v < 0 || v > 100 {
			return o, optErr("stylometry.culling", v, "want a percentage from 0 to 100")
		}
	}
	mfw, err := analysis.ParseMFW(sc.MFW)
	if err != nil {
		return o, optErr("stylometry.mfw", sc.MFW, "%s", strings.TrimPrefix(err.Error(), fmt.Sprintf("mfw %q: ", sc.MFW)))
	}
	if len(sc.Features) == 0 {
		return o, optErr("stylometry.features", "", "want at least one feature")
	}
	if n := len(mfw) * len(sc.Culling) * len(sc.Features); n > maxGrid {
		return o, optErr("stylometry.mfw", sc.MFW, "%d settings with %d culling levels and %d features, at most %d", n, len(sc.Culling), len(sc.Features), maxGrid)
	}
	for _, s := range sc.Features {
		f, err := ParseFeature(s)
		if err != nil {
			return o, optErr("stylometry.features", s, "want word:N, char:N, pos:N, fw:N or stylo:N")
		}
		o.Features = append(o.Features, f)
	}
	for _, s := range sc.Measures {
		m, err := analysis.ParseMeasure(s)
		if err != nil {
			return o, optErr("stylometry.measures", s, "want %s", strings.Join(MeasureNames(), ", "))
		}
		o.Measures = append(o.Measures, m)
	}
	switch sc.Distances {
	case "default", "":
	case "all":
		o.AllDistances = true
	default:
		return o, optErr("stylometry.distances", sc.Distances, "want default or all")
	}
	if o.Linkage, err = analysis.ParseLinkage(sc.Linkage); err != nil {
		return o, optErr("stylometry.linkage", sc.Linkage, "want ward.D2, ward.D, average, complete or single")
	}
	if o.Prior, err = parsePrior(c.Framing.Prior); err != nil {
		return o, optErr("framing.prior", c.Framing.Prior, "want corpus or uniform:A with A > 0")
	}
	if _, err := framing.Stopwords(c.Framing.Stopwords); err != nil {
		return o, optErr("framing.stopwords", c.Framing.Stopwords, "want none or english")
	}
	for _, t := range c.Framing.Targets {
		if strings.TrimSpace(t.Name) == "" {
			return o, optErr("framing.targets", t.Forms, "a target with no name")
		}
	}
	if _, err := NewCanon(c.Text.Boilerplate); err != nil {
		return o, optErr("text.boilerplate", c.Text.Boilerplate, "%v", err)
	}
	if o.Lexicon, err = c.readLexicon(); err != nil {
		return o, err
	}
	o.Workers = c.Workers
	o.Text = c.Text
	o.MFW, o.Culling = mfw, sc.Culling
	o.SampleSize, o.SampleOverlap = sc.SampleSize, sc.SampleOverlap
	o.MaxMatrix = sc.MaxMatrix
	o.Folds, o.KNN, o.Imposters = sc.Folds, sc.KNN, sc.Imposters
	if sc.Rolling > 0 {
		o.Rolling, o.RollingStep = sc.Rolling, sc.RollingStep
	}
	o.Time, o.TimeBin = c.Time, c.TimeBin
	o.GroupBy, o.Label = c.GroupBy, c.Label
	o.Targets = c.Framing.Targets
	o.Stopwords = c.Framing.Stopwords
	o.Window, o.Context, o.MinCount, o.Slice = c.Framing.Window, c.Framing.Context, c.Framing.MinCount, c.Framing.Slice
	o.Pairs, o.AllWords, o.KeynessAll = c.Framing.Pairs, c.Framing.AllWords, c.Framing.KeynessAll
	switch c.Framing.KeynessTotals {
	case "", "words":
	case "terms":
		o.TermTotals = true
	default:
		return o, optErr("framing.keyness_totals", c.Framing.KeynessTotals, "want words or terms")
	}
	o.AllTerms = c.AllTerms
	o.Language = lang
	return o, nil
}

// parsePrior reads "corpus" (informative: each term's corpus count) or
// "uniform:A".
func parsePrior(s string) (keyness.Prior, error) {
	if s == "" || s == "corpus" {
		return keyness.Prior{}, nil
	}
	if v, ok := strings.CutPrefix(s, "uniform:"); ok {
		if a, err := strconv.ParseFloat(v, 64); err == nil && a > 0 && !math.IsInf(a, 0) {
			return keyness.Prior{Uniform: a}, nil
		}
	}
	return keyness.Prior{}, errors.New("bad prior")
}

// readLexicon reads the category,term CSV named by the configuration: from
// LexiconFS when the config file named it, else from the path as given.
func (c Config) readLexicon() (*framing.Lexicon, error) {
	name := c.Framing.Lexicon
	if name == "" {
		return nil, nil
	}
	var r io.ReadCloser
	var err error
	if c.LexiconFS != nil && !filepath.IsAbs(name) {
		r, err = c.LexiconFS.Open(filepath.ToSlash(name))
	} else {
		r, err = os.Open(name)
	}
	if err != nil {
		return nil, optErr("framing.lexicon", name, "cannot be read: %v", errors.Unwrap(err))
	}
	defer r.Close()
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, optErr("framing.lexicon", name, "%v", err)
	}
	if len(rows) == 0 || len(rows[0]) < 2 || !strings.EqualFold(rows[0][0], "category") || !strings.EqualFold(rows[0][1], "term") {
		return nil, optErr("framing.lexicon", name, "want a CSV with a header row category,term")
	}
	var pairs [][2]string
	for _, r := range rows[1:] {
		pairs = append(pairs, [2]string{r[0], r[1]})
	}
	lx, err := framing.NewLexicon(pairs)
	if err != nil {
		return nil, optErr("framing.lexicon", name, "%v", err)
	}
	return lx, nil
}

// CacheDir is the profile cache folder Cache names, or "" for none.
func (c Config) CacheDir() string {
	switch c.Cache {
	case "off":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(dir, "stylometer")
	}
	return c.Cache
}

// Inputs lists every file and folder on disk a run of c over paths reads:
// the corpus paths, the metadata, the config file and the lexicon. An
// output folder must not be, hold or sit inside any of them.
func (c Config) Inputs(paths []string) []string {
	in := append([]string(nil), paths...)
	for _, p := range []string{c.Meta, c.File} {
		if p != "" {
			in = append(in, p)
		}
	}
	if c.Framing.Reference != "" {
		in = append(in, c.Framing.Reference)
	}
	switch lx := c.Framing.Lexicon; {
	case lx == "":
	case c.LexiconFS == nil || filepath.IsAbs(lx):
		in = append(in, lx)
	case c.File != "":
		in = append(in, filepath.Join(filepath.Dir(c.File), lx))
	}
	return in
}

// MeasureNames returns the names of the distance measures, in their fixed
// order, for help texts.
func MeasureNames() []string {
	var s []string
	for _, m := range analysis.Measures() {
		s = append(s, string(m))
	}
	return s
}
