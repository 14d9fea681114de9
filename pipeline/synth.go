package pipeline

import (
	"io/fs"
	"math/rand/v2"
	"strings"

	"github.com/stylometer/stylometer/seeds"
)

// Synthesize builds a deterministic corpus of n documents of about
// docBytes bytes each by drawing paragraphs (non-blank lines) of the given
// texts with a PCG generator seeded by seed. The same inputs always give the
// same documents; the vocabulary stays that of the texts. It is for
// benchmarks and for legibility checks of charts at many documents.
func Synthesize(texts []string, n, docBytes int, seed uint64) []string {
	var paras []string
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			if strings.TrimSpace(line) != "" {
				paras = append(paras, line)
			}
		}
	}
	if len(paras) == 0 || n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	docs := make([]string, n)
	var b strings.Builder
	for i := range docs {
		b.Reset()
		for b.Len() < docBytes {
			b.WriteString(paras[r.IntN(len(paras))])
			b.WriteString("\n\n")
		}
		docs[i] = b.String()
	}
	return docs
}

// SeedTexts returns the embedded seed essays, in file order: the material
// Synthesize draws from in the benchmarks and tests.
func SeedTexts() ([]string, error) {
	var out []string
	err := fs.WalkDir(seeds.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(seeds.FS(), p)
		out = append(out, string(b))
		return err
	})
	return out, err
}
