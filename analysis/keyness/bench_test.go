package keyness

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// benchCounts returns n terms with Zipf-like counts, seeded.
func benchCounts(n int) Counts {
	rng := rand.New(rand.NewPCG(1, 2))
	c := Counts{Terms: make([]string, n), Target: make([]float64, n), Reference: make([]float64, n)}
	for i := range n {
		c.Terms[i] = "w" + strconv.Itoa(i)
		base := 1e5 / float64(i+1)
		c.Target[i] = float64(rng.IntN(int(base/10) + 2))
		c.Reference[i] = float64(rng.IntN(int(base) + 2))
	}
	return c
}

func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{1000, 50000} {
		c := benchCounts(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compare(c, Options{})
			}
		})
	}
}

// benchRest returns a corpus of n documents of content to content + spread
// terms drawn from a Zipf vocabulary of 20,000 (terms seen fewer than 3
// times left out), each document as a part with twice as many words in
// all, ± 20, seeded.
func benchRest(n, content, spread int) (*Corpus, []Part) {
	rng := rand.New(rand.NewPCG(3, 4))
	zipf := rand.NewZipf(rng, 1.07, 2, 19_999)
	corpus := map[string]int{}
	presence := map[string]int{}
	parts := make([]Part, n)
	total := 0.0
	for i := range parts {
		doc, pres := map[string]int{}, map[string]int{}
		content := content + rng.IntN(spread)
		for range content {
			w := "w" + strconv.FormatUint(zipf.Uint64(), 10)
			doc[w]++
			pres[w] = 1
		}
		for w, k := range doc {
			corpus[w] += k
			presence[w]++
		}
		words := 2*content + rng.IntN(41) - 20
		total += float64(words)
		parts[i] = Part{Counts: maps.All(doc), Presence: maps.All(pres), Words: float64(words), Slices: 1}
	}
	var terms []string
	var count, pres []float64
	for _, w := range slices.Sorted(maps.Keys(corpus)) {
		if corpus[w] >= 3 {
			terms, count, pres = append(terms, w), append(count, float64(corpus[w])), append(pres, float64(presence[w]))
		}
	}
	slices.SortStableFunc(parts, func(x, y Part) int { return cmp.Compare(x.Words, y.Words) })
	return NewCorpus(terms, count, pres, total, n), parts
}

// BenchmarkCompareRestTops: every document of a corpus against the rest,
// in batches of 32 documents by size, 20 rows kept; per op, all n: 500
// and 5000 documents of 450 to 650 terms, and 250 of 3000 to 4200 (a
// corpus of 40 kB texts).
func BenchmarkCompareRestTops(b *testing.B) {
	for _, s := range []struct{ n, content, spread int }{{500, 450, 200}, {5000, 450, 200}, {250, 3000, 1200}} {
		c, parts := benchRest(s.n, s.content, s.spread)
		// The same parts by corpus index, as framing gives them.
		byIndex := make([]Part, len(parts))
		for k, p := range parts {
			counts := maps.Collect(c.indices(p.Counts))
			presence := maps.Collect(c.indices(p.Presence))
			byIndex[k] = Part{Indices: maps.All(counts), PresenceIndices: maps.All(presence), Words: p.Words, Slices: p.Slices}
		}
		for _, run := range []struct {
			name  string
			parts []Part
		}{{fmt.Sprint(s.n), parts}, {fmt.Sprint(s.n, "/indices"), byIndex}} {
			b.Run(run.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					for k := 0; k < len(run.parts); k += 32 {
						c.CompareRestTops(run.parts[k:min(k+32, len(run.parts))], Options{}, 0.05, 20)
					}
				}
			})
		}
	}
}
