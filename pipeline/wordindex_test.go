package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestIndexBudget: the words indexed in a run never pass the budget, at
// one worker or several: a document whose words would pass what is left
// is not indexed (it is quoted by tokenising it again).
func TestIndexBudget(t *testing.T) {
	tg := newTestTagger(t)
	var src []Source
	for i := range 12 {
		text := strings.Repeat(fmt.Sprintf("The word number %d is here. ", i), 25) // 125 words
		src = append(src, Source{ID: fmt.Sprint(i), Read: func() ([]byte, error) { return []byte(text), nil }})
	}
	for _, budget := range []int64{1, 124, 125, 300, 1000} {
		for _, workers := range []int{1, 4} {
			b := newIndexBudget("x")
			b.left.Store(budget)
			res, err := ProfileSources(context.Background(), tg, src, PoolOptions{Workers: workers, index: b})
			if err != nil {
				t.Fatal(err)
			}
			indexed := 0
			for _, d := range res.Docs {
				if d.words != nil {
					indexed += len(d.words.term)
				}
			}
			if int64(indexed) > budget {
				t.Errorf("budget %d, %d workers: %d words indexed", budget, workers, indexed)
			}
			if left := b.left.Load(); left < 0 || left != budget-int64(indexed) {
				t.Errorf("budget %d, %d workers: %d left after %d indexed", budget, workers, left, indexed)
			}
		}
	}
}
