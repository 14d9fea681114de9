package framing

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchDocs returns n documents of 500 to 700 content words (two Zeta
// slices) drawn from a Zipf vocabulary of 20,000 terms, and twice as many
// words in all, ± 20, seeded: the shape of a large corpus of short texts.
func benchDocs(n int) []Doc {
	rng := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(rng, 1.07, 2, 19_999)
	docs := make([]Doc, n)
	for i := range docs {
		terms, presence := map[string]int{}, map[string]int{}
		content := 0
		for range 2 {
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
		docs[i] = Doc{ID: fmt.Sprintf("d%06d", i), Words: words, Terms: tc(terms), All: tc(terms), Slices: 2, SlicePresence: tc(presence)}
	}
	return docs
}

// BenchmarkKeynessDocuments is every document against the rest, capped
// to rows per document, as the pipeline runs it past 100 documents.
func BenchmarkKeynessDocuments(b *testing.B) {
	for _, c := range []struct{ docs, rows int }{{1000, 100}, {5000, 20}} {
		docs := benchDocs(c.docs)
		scopes := Scopes(docs, nil, false)
		b.Run(fmt.Sprintf("docs=%d/rows=%d", c.docs, c.rows), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Keyness(docs, scopes, Options{MinCount: 3, Present: true, DocRows: c.rows})
			}
		})
	}
}
