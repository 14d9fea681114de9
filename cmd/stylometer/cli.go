package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stylometer/stylometer/seeds"
)

// version is the program's version, written to the manifest.
const version = "0.1.0"

// errStrict marks a run that finished but had failures under --strict.
var errStrict = errors.New("some inputs failed (see errors.csv); --strict makes that an error")

// exitCode is 2 for an output folder stylometer refuses to replace, 3 for
// a --strict run with failed inputs, 130 for a run interrupted by a signal
// (the shell's convention for SIGINT), 1 otherwise.
func exitCode(err error) int {
	var r *refusal
	switch {
	case errors.As(err, &r):
		return 2
	case errors.Is(err, errStrict):
		return 3
	case errors.Is(err, context.Canceled):
		return 130
	}
	return 1
}

// flags holds the command-line values; applied over the config file only
// where the user set them.
type flags struct {
	config    string
	cfg       Config
	targets   string
	features  string
	measures  string
	culling   []float64
	groupBy   []string
	boilerAdd []string
	// lexiconFS is where a config-given lexicon path is read from: the
	// seeds' FS, or the config file's folder.
	lexiconFS fs.FS
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
	}
	root.SetOut(stderr)
	root.SetErr(stderr)
	run := newRunCmd(stdout, stderr)
	root.AddCommand(run, newBenchCmd(stdout, stderr))
	// Plain "stylometer" is "stylometer run" on the seeds.
	root.Flags().AddFlagSet(run.Flags())
	root.RunE = run.RunE
	root.Args = cobra.NoArgs
	return root
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var f flags
	cmd := &cobra.Command{
		Use:   "run [flags] [PATH...]",
		Short: "Analyse the texts in PATHs (directories of .txt/.md, or files); none: the embedded seeds",
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := f.resolve(cmd.Flags(), len(args) == 0)
			if err != nil {
				return err
			}
			return run(cmd.Context(), cfg, args, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	c := &f.cfg
	fl.StringVar(&f.config, "config", "", "TOML config file (unknown keys are errors); flags override it")
	fl.StringVarP(&c.Out, "out", "o", "out", "output folder, replaced atomically")
	fl.StringVar(&c.Meta, "meta", "", "metadata CSV joined on an id (file name without extension) or path column")
	fl.IntVarP(&c.Workers, "workers", "j", 0, "documents processed at once (0: GOMAXPROCS)")
	fl.StringVar(&c.Progress, "progress", "auto", "progress on stderr: auto, bar, log or none")
	fl.BoolVar(&c.Strict, "strict", false, "exit non-zero (3) when any input fails")
	fl.StringSliceVar(&f.groupBy, "group-by", nil, "metadata columns whose values are contrasted (e.g. stance,outlet)")
	fl.StringVar(&c.Label, "label", "", "metadata column to attribute documents to (leave-one-out)")
	fl.BoolVar(&c.Text.KeepCase, "keep-case", false, `count "Party" and "party" as different terms (default: fold case)`)
	fl.StringArrayVar(&f.boilerAdd, "boilerplate", nil, "extra whole-line boilerplate regular expression (repeatable)")
	fl.StringVar(&f.features, "features", "word:1", "features for the distances: word:N, char:N, pos:N (comma-separated)")
	fl.StringVar(&c.Stylometry.MFW, "mfw", "100", "most-frequent-feature counts: a list (100,200) or a range (100-1000:100)")
	fl.Float64SliceVar(&f.culling, "culling", []float64{0}, "culling levels: keep features found in at least this % of documents")
	fl.StringVar(&f.measures, "measures", "", "distance measures (comma-separated; default all)")
	fl.StringVar(&c.Stylometry.Linkage, "linkage", "ward.D2", "clustering: ward.D2, ward.D, average, complete, single")
	fl.IntVar(&c.Stylometry.SampleSize, "sample-size", 0, "cut documents into samples of N words (0: whole documents)")
	fl.IntVar(&c.Stylometry.SampleOverlap, "sample-overlap", 0, "words shared by consecutive samples")
	fl.StringVar(&f.targets, "targets", "", `framing targets: "Lenin;peasantry=peasant|peasants;working class"`)
	fl.IntVar(&c.Framing.Window, "window", 5, "collocate window in words each side, within the sentence")
	fl.IntVar(&c.Framing.Context, "context", 8, "keyword-in-context words each side")
	fl.IntVar(&c.Framing.MinCount, "min-count", 3, "keyness: minimum count of a term in the corpus")
	fl.IntVar(&c.Framing.Slice, "slice", 500, "Zeta: slice length in words")
	fl.StringVar(&c.Framing.Prior, "prior", "corpus", "log-odds prior: corpus (informative) or uniform:A")
	fl.StringVar(&c.Framing.Lexicon, "lexicon", "", "category word lists: a CSV of category,term (patterns like revolution* allowed)")
	fl.BoolVar(&c.Framing.Pairs, "pairs", false, "keyness also for every pair of values of each group column")
	fl.BoolVar(&c.Framing.AllWords, "all-words", false, "keyness over all words, not only content words")
	fl.BoolVar(&c.Framing.KeynessAll, "keyness-all", false, "keyness.csv: every term of every scope, not only terms present in the target or significantly avoided (p_adj < 0.05)")
	fl.StringVar(&c.Framing.Stopwords, "stopwords", "none", "stopword list removed from keyness: none or english")
	return cmd
}

// resolve builds the run's Config: the config file (or, for the seeds with
// no --config, the seeds' own), then every flag the user set.
func (f *flags) resolve(fl *pflag.FlagSet, seedsRun bool) (Config, error) {
	cfg := defaultConfig()
	switch {
	case f.config != "":
		r, err := os.Open(f.config)
		if err != nil {
			return cfg, fmt.Errorf("config: %w", err)
		}
		defer r.Close()
		if err := decodeConfig(r, f.config, &cfg); err != nil {
			return cfg, err
		}
		f.lexiconFS = os.DirFS(filepath.Dir(f.config))
	case seedsRun:
		r, err := seeds.FS().Open(seeds.Config)
		if err != nil {
			return cfg, err
		}
		defer r.Close()
		if err := decodeConfig(r, "seeds/"+seeds.Config, &cfg); err != nil {
			return cfg, err
		}
		f.lexiconFS = seeds.FS()
	}
	set := func(name string, apply func()) {
		if fl.Changed(name) {
			apply()
		}
	}
	c := &f.cfg
	set("out", func() { cfg.Out = c.Out })
	set("meta", func() { cfg.Meta = c.Meta })
	set("workers", func() { cfg.Workers = c.Workers })
	set("progress", func() { cfg.Progress = c.Progress })
	set("strict", func() { cfg.Strict = c.Strict })
	set("group-by", func() { cfg.GroupBy = f.groupBy })
	set("label", func() { cfg.Label = c.Label })
	set("keep-case", func() { cfg.Text.KeepCase = c.Text.KeepCase })
	set("boilerplate", func() { cfg.Text.Boilerplate = append(cfg.Text.Boilerplate, f.boilerAdd...) })
	set("features", func() { cfg.Stylometry.Features = splitList(f.features, ",") })
	set("mfw", func() { cfg.Stylometry.MFW = c.Stylometry.MFW })
	set("culling", func() { cfg.Stylometry.Culling = f.culling })
	set("measures", func() { cfg.Stylometry.Measures = splitList(f.measures, ",") })
	set("linkage", func() { cfg.Stylometry.Linkage = c.Stylometry.Linkage })
	set("sample-size", func() { cfg.Stylometry.SampleSize = c.Stylometry.SampleSize })
	set("sample-overlap", func() { cfg.Stylometry.SampleOverlap = c.Stylometry.SampleOverlap })
	set("targets", func() { cfg.Framing.Targets = parseTargets(f.targets) })
	set("window", func() { cfg.Framing.Window = c.Framing.Window })
	set("context", func() { cfg.Framing.Context = c.Framing.Context })
	set("min-count", func() { cfg.Framing.MinCount = c.Framing.MinCount })
	set("slice", func() { cfg.Framing.Slice = c.Framing.Slice })
	set("prior", func() { cfg.Framing.Prior = c.Framing.Prior })
	set("lexicon", func() { cfg.Framing.Lexicon = c.Framing.Lexicon; f.lexiconFS = nil })
	set("pairs", func() { cfg.Framing.Pairs = c.Framing.Pairs })
	set("all-words", func() { cfg.Framing.AllWords = c.Framing.AllWords })
	set("keyness-all", func() { cfg.Framing.KeynessAll = c.Framing.KeynessAll })
	set("stopwords", func() { cfg.Framing.Stopwords = c.Framing.Stopwords })
	cfg.lexiconFS = f.lexiconFS
	cfg.configFile = f.config
	return cfg, cfg.validate()
}

// parseTargets reads "Lenin;peasantry=peasant|peasants;working class".
func parseTargets(s string) []TargetConfig {
	var out []TargetConfig
	for _, item := range splitList(s, ";") {
		name, forms, ok := strings.Cut(item, "=")
		t := TargetConfig{Name: strings.TrimSpace(name)}
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
