package analysis

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randomCounts makes n sparse rows over a vocabulary of v words with ties
// in corpus counts.
func randomCounts(n, v int, seed uint64) ([]string, []map[string]int, []float64) {
	r := rand.New(rand.NewPCG(seed, 1))
	ids := make([]string, n)
	counts := make([]map[string]int, n)
	totals := make([]float64, n)
	for i := range n {
		ids[i] = "d" + strconv.Itoa(i)
		counts[i] = map[string]int{}
		for range 1 + r.IntN(3*v) {
			w := "w" + strconv.Itoa(r.IntN(v))
			counts[i][w] += 1 + r.IntN(3)
		}
		for _, c := range counts[i] {
			totals[i] += float64(c)
		}
		totals[i] += float64(r.IntN(10)) // words outside the features
	}
	return ids, counts, totals
}

// TestVocabularyMatchesDenseTable: every culled and cut table equals the
// dense NewTable(...).Cull(c).Top(m) exactly, and the sparse tf·idf
// weights equal TFIDF's bit for bit; the dense functions are the
// brute-force reference.
func TestVocabularyMatchesDenseTable(t *testing.T) {
	for seed := range uint64(5) {
		ids, counts, totals := randomCounts(12, 40, seed)
		dense := NewTable(ids, counts, totals)
		sparse := make([]TermCounts, len(counts))
		for i, c := range counts {
			sparse[i] = NewTermCounts(c)
		}
		v := NewVocabulary(sparse)
		for _, c := range []float64{0, 25, 50, 100} {
			culled := dense.Cull(c)
			keep := v.Culled(c)
			for _, m := range []int{1, 5, 30, 1000} {
				want := culled.Top(m)
				got := v.Table(ids, sparse, totals, keep[:min(m, len(keep))])
				if len(got.Features) != len(want.Features) {
					t.Fatalf("seed %d, culling %g, %d MFW: %d features, want %d", seed, c, m, len(got.Features), len(want.Features))
				}
				for j := range want.Features {
					if got.Features[j] != want.Features[j] {
						t.Fatalf("seed %d: feature %d = %s, want %s", seed, j, got.Features[j], want.Features[j])
					}
				}
				if want.Counts != nil && !mat.Equal(got.Counts, want.Counts) {
					t.Errorf("seed %d, culling %g, %d MFW: counts differ", seed, c, m)
				}
			}
		}
		tf := TFIDF(dense)
		w := NewTFIDFWeights(v, sparse)
		for i, c := range counts {
			for j, f := range dense.Features {
				if got, want := w.At(i, f, c[f]), tf.At(i, j); got != want {
					t.Errorf("seed %d: tfidf[%d, %s] = %.17g, want %.17g", seed, i, f, got, want)
				}
			}
		}
	}
}
