package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
	"github.com/stylometer/stylometer/seeds"
)

// version is the program's version, written to the manifest.
const version = "0.1.0"

// errStrict marks a run that finished but had failures under --strict.
var errStrict = errors.New("some inputs failed (see errors.csv); --strict makes that an error")

// usageError is a bad flag, config file or setting: exit status 2.
type usageError struct{ err error }

func (u *usageError) Error() string { return u.err.Error() }
func (u *usageError) Unwrap() error { return u.err }

// exitCode is 2 for a bad flag, setting or config file and for an output
// folder stylometer refuses to replace, 3 for a --strict run with failed
// inputs, 130 for a run interrupted by a signal (the shell's convention
// for SIGINT), 1 otherwise.
func exitCode(err error) int {
	var r *reports.Refusal
	var u *usageError
	switch {
	case errors.As(err, &r), errors.As(err, &u):
		return 2
	case errors.Is(err, errStrict):
		return 3
	case errors.Is(err, context.Canceled):
		return 130
	}
	return 1
}

// flagValues are the values the flags are parsed into: a Config (its
// defaults shown by --help) and the flags that are not config keys.
type flagValues struct {
	pipeline.Config
	config string // --config
	// raw holds the flags given as one string and parsed into their key
	// by apply: --features, --measures (comma lists), --targets.
	raw map[string]*string
}

// flagDef binds one flag to one configuration key: field is the Config
// field the flag sets (a *string, *int, *bool, *[]string or *[]float64);
// apply, when set, replaces the plain copy of that field.
type flagDef struct {
	name, short, key, usage string
	field                   func(c *pipeline.Config) any
	apply                   func(dst *pipeline.Config, v *flagValues)
}

// flags is every flag of run, each bound to its configuration key: the one
// table behind the flag set, the config overlay and the messages.
var flags = []flagDef{
	{"out", "o", "out", "output folder; replaced only if stylometer wrote it (see README)", func(c *pipeline.Config) any { return &c.Out }, nil},
	{"meta", "", "meta", "metadata CSV joined on an id (file name without extension) or path column", func(c *pipeline.Config) any { return &c.Meta }, nil},
	{"workers", "j", "workers", "documents processed at once (0: GOMAXPROCS)", func(c *pipeline.Config) any { return &c.Workers }, nil},
	{"progress", "", "progress", "progress on stderr: auto, bar, log or none", func(c *pipeline.Config) any { return &c.Progress }, nil},
	{"format", "", "format", "csv, or parquet for the long tables (terms, keyness, distances, knn, attribution) as Parquet instead of CSV", func(c *pipeline.Config) any { return &c.Format }, nil},
	{"cache", "", "cache", `profile cache folder (default: the user cache folder; "off": none)`, func(c *pipeline.Config) any { return &c.Cache }, nil},
	{"no-cache", "", "cache", "do not read or write the profile cache", func(c *pipeline.Config) any { return new(bool) },
		func(dst *pipeline.Config, v *flagValues) { dst.Cache = "off" }},
	{"strict", "", "strict", "exit non-zero (3) when any input fails", func(c *pipeline.Config) any { return &c.Strict }, nil},
	{"group-by", "", "group_by", "metadata columns whose values are contrasted (e.g. stance,outlet)", func(c *pipeline.Config) any { return &c.GroupBy }, nil},
	{"label", "", "label", "metadata column to attribute documents to (leave-one-out)", func(c *pipeline.Config) any { return &c.Label }, nil},
	{"time", "", "time", "metadata column with each document's year or date: trends per time bin and group contrasts within time", func(c *pipeline.Config) any { return &c.Time }, nil},
	{"time-bin", "", "time_bin", "width of a time bin in years (0: chosen for at most 20 bins)", func(c *pipeline.Config) any { return &c.TimeBin }, nil},
	{"split-hyphens", "", "text.split_hyphens", `split hyphenated compounds into their words, as stylo does ("worker-peasant": the words "worker" and "peasant", the hyphen punctuation); default: one word, as prose and quanteda`, func(c *pipeline.Config) any { return &c.Text.SplitHyphens }, nil},
	{"keep-case", "", "text.keep_case", `count "Party" and "party" as different terms (default: fold case)`, func(c *pipeline.Config) any { return &c.Text.KeepCase }, nil},
	{"boilerplate", "", "text.boilerplate", "extra whole-line boilerplate regular expression (repeatable)", func(c *pipeline.Config) any { return &c.Text.Boilerplate },
		func(dst *pipeline.Config, v *flagValues) {
			dst.Text.Boilerplate = append(dst.Text.Boilerplate, v.Text.Boilerplate...)
		}},
	{"features", "", "stylometry.features", "features for the distances, comma-separated: word:N, char:N, pos:N, fw:N (function words), stylo:N (stylo's tokenizer)", nil,
		func(dst *pipeline.Config, v *flagValues) {
			dst.Stylometry.Features = splitList(*v.raw["features"], ",")
		}},
	{"mfw", "", "stylometry.mfw", "most-frequent-feature counts: a list (100,200) or a range (100-1000:100)", func(c *pipeline.Config) any { return &c.Stylometry.MFW }, nil},
	{"culling", "", "stylometry.culling", "culling levels: keep features found in at least this % of documents", func(c *pipeline.Config) any { return &c.Stylometry.Culling }, nil},
	{"measures", "", "stylometry.measures", "distance measures, comma-separated, the first drives the tree and maps (default all: " + strings.Join(pipeline.MeasureNames(), ", ") + ")", nil,
		func(dst *pipeline.Config, v *flagValues) {
			dst.Stylometry.Measures = splitList(*v.raw["measures"], ",")
		}},
	{"linkage", "", "stylometry.linkage", "clustering: ward.D2, ward.D, average, complete, single", func(c *pipeline.Config) any { return &c.Stylometry.Linkage }, nil},
	{"distances", "", "stylometry.distances", "distances.csv: default (every measure at the default setting) or all (every measure at every setting of the grid)", func(c *pipeline.Config) any { return &c.Stylometry.Distances }, nil},
	{"max-matrix", "", "stylometry.max_matrix", "most texts with text × text matrices; above: nearest neighbours (knn.csv) and a sample for the tree and maps", func(c *pipeline.Config) any { return &c.Stylometry.MaxMatrix }, nil},
	{"folds", "", "stylometry.folds", "attribution: k for stratified k-fold cross-validation over documents beside leave-one-out (0: leave-one-out only)", func(c *pipeline.Config) any { return &c.Stylometry.Folds }, nil},
	{"classifiers", "", "stylometry.classifiers", "attribution: the classifiers evaluated beside the nearest text, comma-separated: knn, centroid, nsc, svm, or none (the SVM costs most: texts² per fold)", func(c *pipeline.Config) any { return &c.Stylometry.Classifiers }, nil},
	{"knn", "", "stylometry.knn", "attribution: k for the vote of the k nearest texts beside the other classifiers (0: no vote)", func(c *pipeline.Config) any { return &c.Stylometry.KNN }, nil},
	{"imposters", "", "stylometry.imposters", "attribution: verify every text against every label by the General Imposters method with this many rounds (0: not run; stylo's default 100)", func(c *pipeline.Config) any { return &c.Stylometry.Imposters }, nil},
	{"rolling", "", "stylometry.rolling", "rolling attribution: slide windows of N words through each document and attribute each against the labelled documents but its own (an unlabelled one, a disputed text, against them all), as stylo's rolling.classify() (0: off; needs --label)", func(c *pipeline.Config) any { return &c.Stylometry.Rolling }, nil},
	{"rolling-step", "", "stylometry.rolling_step", "rolling attribution: words between the starts of consecutive windows (0: a tenth of --rolling)", func(c *pipeline.Config) any { return &c.Stylometry.RollingStep }, nil},
	{"sample-size", "", "stylometry.sample_size", "cut documents into samples of N words (0: whole documents)", func(c *pipeline.Config) any { return &c.Stylometry.SampleSize }, nil},
	{"sample-overlap", "", "stylometry.sample_overlap", "words shared by consecutive samples", func(c *pipeline.Config) any { return &c.Stylometry.SampleOverlap }, nil},
	{"targets", "", "framing.targets", `framing targets: "Lenin;peasantry=peasant|peasants;working class"`, nil,
		func(dst *pipeline.Config, v *flagValues) { dst.Framing.Targets = parseTargets(*v.raw["targets"]) }},
	{"window", "", "framing.window", "collocate window in words each side, within the sentence", func(c *pipeline.Config) any { return &c.Framing.Window }, nil},
	{"context", "", "framing.context", "keyword-in-context words each side", func(c *pipeline.Config) any { return &c.Framing.Context }, nil},
	{"min-count", "", "framing.min_count", "keyness: minimum count of a term in the corpus", func(c *pipeline.Config) any { return &c.Framing.MinCount }, nil},
	{"slice", "", "framing.slice", "Zeta: slice length in words", func(c *pipeline.Config) any { return &c.Framing.Slice }, nil},
	{"prior", "", "framing.prior", "log-odds prior: corpus (informative) or uniform:A", func(c *pipeline.Config) any { return &c.Framing.Prior }, nil},
	{"reference", "", "framing.reference", "keyness against a background corpus instead of the rest: a folder of texts, or a CSV/TSV frequency list with columns term,count", func(c *pipeline.Config) any { return &c.Framing.Reference }, nil},
	{"lexicon", "", "framing.lexicon", "category word lists: a CSV of category,term (patterns like revolution* allowed)", func(c *pipeline.Config) any { return &c.Framing.Lexicon },
		func(dst *pipeline.Config, v *flagValues) { dst.Framing.Lexicon, dst.LexiconFS = v.Framing.Lexicon, nil }},
	{"pairs", "", "framing.pairs", "keyness also for every pair of values of each group column", func(c *pipeline.Config) any { return &c.Framing.Pairs }, nil},
	{"all-words", "", "framing.all_words", "keyness over all words, not only content words", func(c *pipeline.Config) any { return &c.Framing.AllWords }, nil},
	{"keyness-totals", "", "framing.keyness_totals", "what content-word keyness divides by: words (all words, the corpus sizes) or terms (the content words: a sub-corpus); the same with --all-words", func(c *pipeline.Config) any { return &c.Framing.KeynessTotals }, nil},
	{"keyness-all", "", "framing.keyness_all", "keyness.csv: every term of every scope, not only terms present in the target or significantly avoided (p_adj < 0.05)", func(c *pipeline.Config) any { return &c.Framing.KeynessAll }, nil},
	{"language", "", "language", "auto (detect each document's language; a document not in English gets no part-of-speech measures and no readability formula but LIX) or the ISO 639 code of every document's language (en: analyse all as English; skips detection)", func(c *pipeline.Config) any { return &c.Language }, nil},
	{"all-terms", "", "all_terms", "terms.csv: every term of every document (past 100 documents each keeps its 100 most frequent)", func(c *pipeline.Config) any { return &c.AllTerms }, nil},
	{"stopwords", "", "framing.stopwords", "stopword list removed from keyness: none or english", func(c *pipeline.Config) any { return &c.Framing.Stopwords }, nil},
}

// define declares every flag of the table on fs, bound to v.
func (v *flagValues) define(fs *pflag.FlagSet) {
	v.Config = pipeline.DefaultConfig()
	v.raw = map[string]*string{"features": new(string), "measures": new(string), "targets": new(string)}
	*v.raw["features"] = strings.Join(v.Stylometry.Features, ",")
	fs.StringVar(&v.config, "config", "", "TOML config file (unknown keys are errors); flags override it")
	for _, f := range flags {
		if f.field == nil {
			p := v.raw[f.name]
			fs.StringVarP(p, f.name, f.short, *p, f.usage)
			continue
		}
		switch p := f.field(&v.Config).(type) {
		case *string:
			fs.StringVarP(p, f.name, f.short, *p, f.usage)
		case *int:
			fs.IntVarP(p, f.name, f.short, *p, f.usage)
		case *bool:
			fs.BoolVarP(p, f.name, f.short, *p, f.usage)
		case *[]string:
			if f.name == "boilerplate" {
				fs.StringArrayVarP(p, f.name, f.short, *p, f.usage)
			} else {
				fs.StringSliceVarP(p, f.name, f.short, *p, f.usage)
			}
		case *[]float64:
			fs.Float64SliceVarP(p, f.name, f.short, *p, f.usage)
		default:
			panic("stylometer: flag " + f.name + " has no flag type")
		}
	}
}

// resolve builds the run's Config: the defaults, the config file (or, for
// the seeds with no --config, the seeds' own), then every flag the person
// set, in the table's order.
func (v *flagValues) resolve(fs *pflag.FlagSet, seedsRun bool) (pipeline.Config, error) {
	cfg := pipeline.DefaultConfig()
	switch {
	case v.config != "":
		r, err := os.Open(v.config)
		if err != nil {
			return cfg, &usageError{fmt.Errorf("--config: %w", err)}
		}
		defer r.Close()
		if err := pipeline.DecodeConfig(r, v.config, &cfg); err != nil {
			return cfg, &usageError{err}
		}
		cfg.LexiconFS, cfg.File = os.DirFS(filepath.Dir(v.config)), v.config
	case seedsRun:
		r, err := seeds.FS().Open(seeds.Config)
		if err != nil {
			return cfg, err
		}
		defer r.Close()
		if err := pipeline.DecodeConfig(r, "seeds/"+seeds.Config, &cfg); err != nil {
			return cfg, err
		}
		cfg.LexiconFS = seeds.FS()
	}
	for _, f := range flags {
		switch {
		case !fs.Changed(f.name):
		case f.apply != nil:
			f.apply(&cfg, v)
		default:
			copyValue(f.field(&cfg), f.field(&v.Config))
		}
	}
	return cfg, nil
}

// copyValue sets *dst to *src for the flag types of the table.
func copyValue(dst, src any) {
	switch d := dst.(type) {
	case *string:
		*d = *src.(*string)
	case *int:
		*d = *src.(*int)
	case *bool:
		*d = *src.(*bool)
	case *[]string:
		*d = *src.(*[]string)
	case *[]float64:
		*d = *src.(*[]float64)
	}
}

// optionError shows a setting that cannot be used under its flag's name.
func optionError(err error) error {
	var o *pipeline.OptionError
	if !errors.As(err, &o) {
		return err
	}
	name := o.Key
	for _, f := range flags {
		if f.key == o.Key {
			name = "--" + f.name + " (" + o.Key + ")"
		}
	}
	return &usageError{fmt.Errorf("%s %s: %s", name, o.Value, o.Want)}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "stylometer",
		Short: "Stylometry and framing analysis of a folder of texts",
		Long: `stylometer analyses a corpus of texts: who writes like whom (the Delta family
of distances, clustering, MDS/PCA maps) and how each author or group frames the
subject (distinctive vocabulary, collocates and keyword-in-context around target
terms). With no arguments it analyses its embedded seed corpus into out/.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionLine(),
	}
	// Help and --version are what was asked for: stdout. Errors: stderr.
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	run := newRunCmd(stdout, stderr)
	profile, merge := newProfileCmd(stdout, stderr), newMergeCmd(stdout, stderr)
	root.AddCommand(run, profile, merge)
	// Plain "stylometer" is "stylometer run" on the seeds.
	root.Flags().AddFlagSet(run.Flags())
	root.RunE = run.RunE
	root.Args = cobra.NoArgs
	bad := func(c *cobra.Command, err error) error { return &usageError{suggestFlag(c, err)} }
	root.SetFlagErrorFunc(bad)
	for _, c := range []*cobra.Command{run, profile, merge} {
		c.SetFlagErrorFunc(bad)
	}
	return root
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var v flagValues
	cmd := &cobra.Command{
		Use:   "run [flags] [PATH...]",
		Short: "Analyse the texts in PATHs (directories of .txt/.md/.html/.htm/.xhtml/.xml, or files); none: the embedded seeds",
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := v.resolve(cmd.Flags(), len(args) == 0)
			if err != nil {
				return err
			}
			return run(cmd.Context(), cfg, args, stdout, stderr)
		},
	}
	v.define(cmd.Flags())
	return cmd
}

// parseTargets reads "Lenin;peasantry=peasant|peasants;working class".
func parseTargets(s string) []pipeline.TargetSpec {
	var out []pipeline.TargetSpec
	for _, item := range splitList(s, ";") {
		name, forms, ok := strings.Cut(item, "=")
		t := pipeline.TargetSpec{Name: strings.TrimSpace(name)}
		if ok {
			t.Forms = splitList(forms, "|")
		}
		out = append(out, t)
	}
	return out
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
