package framing

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// benchDocs returns n documents of 250 to 350 content words per Zeta
// slice, in slices slices, drawn from a Zipf vocabulary of 20,000 terms,
// and twice as many words in all, ± 20, seeded: with two slices, the shape
// of a large corpus of short texts; with twelve, of 40 kB texts.
func benchDocs(n, slices int) []Doc {
	rng := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(rng, 1.07, 2, 19_999)
	docs := make([]Doc, n)
	for i := range docs {
		terms, presence := map[string]int{}, map[string]int{}
		content := 0
		for range slices {
			seen := map[string]bool{}
			for range 250 + rng.IntN(100) {
				w := "w" + strconv.FormatUint(zipf.Uint64(), 10)
				terms[w]++
				content++
				if !seen[w] {
					seen[w] = true
					presence[w]++
				}
			}
		}
		words := 2*content + rng.IntN(41) - 20
		docs[i] = Doc{ID: fmt.Sprintf("d%06d", i), Words: words, Terms: tc(terms), All: tc(terms), Slices: slices, SlicePresence: tc(presence)}
	}
	return docs
}

// BenchmarkKeynessDocuments is every document against the rest, capped
// to rows per document, as the pipeline runs it past 100 documents: 1000
// and 5000 short texts, and 250 texts of 40 kB (a 10 MB corpus, about
// 3600 content words a text, few of one size).
func BenchmarkKeynessDocuments(b *testing.B) {
	for _, c := range []struct{ docs, slices, rows int }{{1000, 2, 100}, {5000, 2, 20}, {250, 12, 100}} {
		docs := benchDocs(c.docs, c.slices)
		scopes := Scopes(docs, nil, false)
		b.Run(fmt.Sprintf("docs=%d/slices=%d/rows=%d", c.docs, c.slices, c.rows), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Keyness(docs, scopes, Options{MinCount: 3, Present: true, DocRows: c.rows})
			}
		})
	}
}

// BenchmarkKeynessGroups is each of four values of a column against the
// rest and against each other value, over 250 texts of 40 kB: with
// Present, the values against the rest as keyness.Corpus.CompareRestTop
// parts; without, every comparison pooled in full (pool, minus, Compare).
func BenchmarkKeynessGroups(b *testing.B) {
	docs := benchDocs(250, 12)
	for i := range docs {
		docs[i].Meta = map[string]string{"stance": string(rune('a' + i%4))}
	}
	scopes := Scopes(docs, []string{"stance"}, true)
	scopes = slices.DeleteFunc(scopes, func(s Scope) bool { return s.Kind == "document" })
	for _, present := range []bool{true, false} {
		b.Run(fmt.Sprintf("present=%v", present), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Keyness(docs, scopes, Options{MinCount: 3, Present: present})
			}
		})
	}
}
