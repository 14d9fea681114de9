package pipeline

import "context"

// stopEvery is how many steps of a loop pass between two looks at the
// context: a look is an atomic load, a step a map update or more, so the
// looks cost nothing measurable and a cancelled loop stops within
// microseconds.
const stopEvery = 1024

// stopper tells the long loops of a document (tokens, words, n-grams) that
// its context is done. Once it has said so it keeps saying so, so nested
// loops all unwind. A nil *stopper never stops.
type stopper struct {
	ctx  context.Context
	n    uint
	done bool
}

// newStopper returns a stopper for ctx; nil for a context that can never
// be cancelled.
func newStopper(ctx context.Context) *stopper {
	if ctx == nil || ctx.Done() == nil {
		return nil
	}
	return &stopper{ctx: ctx}
}

// stopped counts one step and reports whether the context is done, looking
// at it on the first step and every stopEvery steps after.
func (s *stopper) stopped() bool {
	if s == nil {
		return false
	}
	if !s.done && s.n%stopEvery == 0 {
		s.done = s.ctx.Err() != nil
	}
	s.n++
	return s.done
}
