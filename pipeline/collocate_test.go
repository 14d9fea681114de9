package pipeline

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stylometer/stylometer/analysis/collocate"
	"github.com/stylometer/stylometer/seeds"
)

// TestCollocatesAgainstCount compares the windows Build counts while it
// profiles a document with collocate.Count, a separate implementation over
// the document's sentences of words, on every seed essay and the seeds'
// one-word targets.
func TestCollocatesAgainstCount(t *testing.T) {
	tg := newTestTagger(t)
	targets := map[string][]string{
		"lenin":     {"lenin"},
		"peasantry": {"peasant", "peasants", "peasantry"},
		"party":     {"party", "parties"},
		"soviets":   {"soviet", "soviets"},
	}
	names := []string{"lenin", "peasantry", "party", "soviets"}
	var opt ProfileOptions
	for _, n := range names {
		opt.Targets = append(opt.Targets, NewTarget(n, targets[n]...))
	}
	entries, err := fs.Glob(seeds.FS(), "*.txt")
	if err != nil || len(entries) != 5 {
		t.Fatalf("seeds: %v, %v", entries, err)
	}
	for _, name := range entries {
		b, _ := fs.ReadFile(seeds.FS(), name)
		text := string(b)
		toks, sents, _ := tg.Tokens(nil, text)
		p := Build(text, toks, sents, opt)
		sentences := make([][]string, len(sents))
		for _, tk := range toks {
			if tk.Word {
				sentences[tk.Sentence] = append(sentences[tk.Sentence], tk.Term)
			}
		}
		for i, n := range names {
			want := collocate.Count(sentences, collocate.Forms(sentences, targets[n]...), opt.window())
			got := p.Targets[i]
			if got.Count != want.Nodes || got.WindowTokens != want.Window {
				t.Errorf("%s %s: count, window = %d, %d; collocate.Count %d, %d", name, n, got.Count, got.WindowTokens, want.Nodes, want.Window)
			}
			if d := cmp.Diff(want.Cooc, got.Collocates.Map()); d != "" {
				t.Errorf("%s %s collocates (-Count +Build):\n%s", name, n, strings.TrimSpace(d))
			}
		}
	}
}
