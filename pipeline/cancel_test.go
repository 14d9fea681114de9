package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// hangDeadline bounds the wait for work that would otherwise block
// forever (a named pipe, a cancellation that never comes); that work
// normally ends in well under a second, but test machines are shared.
const hangDeadline = 20 * time.Second

// countingCtx is a live context whose Err reports nil for its first limit
// calls and context.Canceled after, counting the calls: cancellation at a
// known point of a loop, with no timing.
type countingCtx struct {
	context.Context // cancellable, so the code under test looks at it
	limit           int64
	calls           atomic.Int64
}

func newCountingCtx(t *testing.T, limit int64) *countingCtx {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return &countingCtx{Context: ctx, limit: limit}
}

func (c *countingCtx) Err() error {
	if c.calls.Add(1) > c.limit {
		return context.Canceled
	}
	return nil
}

// cancelOptions count enough to give every loop of Build work.
var cancelOptions = ProfileOptions{
	Features:   []Feature{{"word", 2}, {"char", 3}, {"stylo", 1}, {"pos", 2}},
	Targets:    []Target{NewTarget("lenin"), NewTarget("party", "party", "parties")},
	SampleSize: 500,
}

// TestContextCancelledBefore: with a context already cancelled, a large
// document gives ctx's error and no tokens or profile.
func TestContextCancelledBefore(t *testing.T) {
	tg := newTestTagger(t)
	text := Synthesize(seedTexts(t), 1, 3_000_000, 1)[0]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	toks, sents, _, err := tg.TokensContext(ctx, nil, text)
	if !errors.Is(err, context.Canceled) || toks != nil || sents != nil {
		t.Errorf("TokensContext(cancelled) = %d tokens, %d sentences, %v; want none and context.Canceled", len(toks), len(sents), err)
	}
	small := "The party led the workers. Lenin wrote."
	toks, sents, _ = tg.Tokens(nil, small)
	if p, err := BuildContext(ctx, small, toks, sents, cancelOptions); !errors.Is(err, context.Canceled) || p != nil {
		t.Errorf("BuildContext(cancelled) = %v, %v; want nil, context.Canceled", p, err)
	}
}

// TestContextStopsMidDocument: cancelled halfway through a document (by
// the number of looks at the context a full pass makes), TokensContext
// and BuildContext return ctx's error and look at the context at most
// once more on the way out: the look that saw the cancellation and the
// final one.
func TestContextStopsMidDocument(t *testing.T) {
	tg := newTestTagger(t)
	text := Synthesize(seedTexts(t), 1, 100_000, 1)[0]

	full := newCountingCtx(t, 1<<62)
	toks, sents, _, err := tg.TokensContext(full, nil, text)
	if err != nil {
		t.Fatal(err)
	}
	looks := full.calls.Load()
	p, err := BuildContext(full, text, toks, sents, cancelOptions)
	if err != nil || p == nil {
		t.Fatalf("BuildContext = %v, %v", p, err)
	}
	buildLooks := full.calls.Load() - looks
	// Below ten looks, "halfway" would be no test of the loops.
	if looks < 10 || buildLooks < 10 {
		t.Fatalf("a full pass looks at ctx %d times tokenising and %d building: too few for this test", looks, buildLooks)
	}

	half := newCountingCtx(t, looks/2)
	toks2, sents2, _, err := tg.TokensContext(half, nil, text)
	if !errors.Is(err, context.Canceled) || toks2 != nil || sents2 != nil {
		t.Errorf("TokensContext cancelled halfway = %d tokens, %v; want none, context.Canceled", len(toks2), err)
	}
	if n := half.calls.Load(); n > looks/2+2 {
		t.Errorf("TokensContext cancelled at look %d went on to look %d (a full pass: %d)", looks/2+1, n, looks)
	}

	half = newCountingCtx(t, buildLooks/2)
	p, err = BuildContext(half, text, toks, sents, cancelOptions)
	if !errors.Is(err, context.Canceled) || p != nil {
		t.Errorf("BuildContext cancelled halfway = %v, %v; want nil, context.Canceled", p, err)
	}
	if n := half.calls.Load(); n > buildLooks/2+2 {
		t.Errorf("BuildContext cancelled at look %d went on to look %d (a full pass: %d)", buildLooks/2+1, n, buildLooks)
	}
}

// TestRunCancelInsideDocument: cancelled from Progress after the first
// document, Run returns context.Canceled without finishing the document
// another worker holds: Progress is called once. The second document's
// Read returns only once the run is cancelled, so it is always in a
// worker's hands at that moment.
func TestRunCancelInsideDocument(t *testing.T) {
	tg := newTestTagger(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	big := Synthesize(seedTexts(t), 1, 1_000_000, 1)[0]
	src := []Source{
		{ID: "first", Path: "first.txt", Read: func() ([]byte, error) {
			<-started
			return []byte("The workers spoke."), nil
		}},
		{ID: "big", Path: "big.txt", Read: func() ([]byte, error) {
			close(started)
			select {
			case <-ctx.Done():
			case <-time.After(hangDeadline): // never cancelled: let the test fail below
			}
			return []byte(big), nil
		}},
	}
	for i := range 5 {
		src = append(src, memSource(fmt.Sprint(i), "Some words to tag here."))
	}
	var calls atomic.Int64
	_, err := ProfileSources(ctx, tg, src, PoolOptions{Workers: 2, Progress: func(n int) {
		calls.Add(1)
		if n == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("Progress called %d times, want once: a document was finished after cancellation", n)
	}
}
