package analysis

import "sync"

// Progress is how a long computation says how far it has got and learns
// that it should stop. The functions that take one call it as their units
// of work finish (rows of a matrix, tiles of pairs, folds) with the units
// done and the total, and between them, and once it returns false they
// return at once: their result is then incomplete and the caller must
// discard it. A nil Progress never stops. A function that also takes a
// Runner calls it from the Runner's tasks, possibly at once: it must be
// safe for concurrent use.
//
// It lets package pipeline show progress and cancel the analysis from a
// context while this package stays synchronous, knows of no context and
// writes nothing.
type Progress func(done, total int) bool

// stop reports done of total to p and whether to stop: p returned false.
func (p Progress) stop(done, total int) bool { return p != nil && !p(done, total) }

// Step is how far a step of an analysis has got (stylometry.Analyse,
// framing.Study): Done of Total units of it are finished.
type Step struct {
	Name string // the step: "distances", "attribution", "keyness" …
	// Part is what the step works on now when it says more than Name
	// ("delta", "10-fold"); "" otherwise.
	Part string
	// Unit is what Done and Total count ("matrices", "folds"); "" when
	// the step or part is not counted (Done and Total are 0).
	Unit        string
	Done, Total int
}

// Monitor is told of each Step of an analysis as it begins (Done 0), as
// its units finish and, between them, again as it stands; the analysis
// stops, returning at once an incomplete result that the caller must
// discard, once it returns false. A nil Monitor is told nothing and never
// stops. It may be called from a Runner's tasks at once (one call at a
// time: a Tracker holds a lock around it).
type Monitor func(Step) bool

// Tracker follows one step of an analysis for a Monitor: the
// orchestrations (stylometry.Analyse, framing.Study) begin each step with
// one and count its units. It is safe for concurrent use; once its
// Monitor has said stop it says so ever after without asking again, so
// nested loops all unwind.
type Tracker struct {
	m       Monitor
	mu      sync.Mutex
	s       Step
	stopped bool
}

// Begin begins step name, not counted yet, and tells m.
func (m Monitor) Begin(name string) *Tracker {
	t := &Tracker{m: m, s: Step{Name: name}}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.tell()
	return t
}

// tell tells the monitor the step as it stands, unless it has said stop,
// and reports whether to go on. t.mu is held.
func (t *Tracker) tell() bool {
	if !t.stopped && t.m != nil && !t.m(t.s) {
		t.stopped = true
	}
	return !t.stopped
}

// Count starts counting total units of part (unit names them; total 0:
// not known yet, see Progress) from 0, and reports whether to go on.
func (t *Tracker) Count(part, unit string, total int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.s.Part, t.s.Unit, t.s.Done, t.s.Total = part, unit, 0, total
	return t.tell()
}

// Total sets the units the count expects, when it learns more of them
// (the units done are kept), and reports whether to go on.
func (t *Tracker) Total(total int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.s.Total = total
	return t.tell()
}

// Done is the units counted done.
func (t *Tracker) Done() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.s.Done
}

// Add counts n more units done and reports whether to go on.
func (t *Tracker) Add(n int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.s.Done += n
	return t.tell()
}

// Stopped asks the monitor again, with the step as it stands, and reports
// whether to stop.
func (t *Tracker) Stopped() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return !t.tell()
}

// Check is a Progress for a function that works inside one of the step's
// units: it asks whether to go on and counts nothing (the step counts its
// own units).
func (t *Tracker) Check() Progress {
	return func(int, int) bool { return !t.Stopped() }
}

// Progress is a Progress whose counts are the step's: a function that
// counts the units itself (tiles, folds, comparisons) sets Done and Total.
func (t *Tracker) Progress() Progress {
	return func(done, total int) bool {
		t.mu.Lock()
		defer t.mu.Unlock()
		// Tasks run at once may report out of order: Done never goes
		// back within one total.
		if total != t.s.Total || done > t.s.Done {
			t.s.Done, t.s.Total = done, total
		}
		return t.tell()
	}
}
