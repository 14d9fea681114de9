package analysis

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// recorder is a Progress that lets its first k calls go on and says stop
// at the next, recording every call's (done, total).
type recorder struct {
	k     int
	calls [][2]int
}

func (r *recorder) progress(done, total int) bool {
	r.calls = append(r.calls, [2]int{done, total})
	return len(r.calls) <= r.k
}

// TestProgressStops: every kernel that takes a Progress tells it of its
// units in order (done never goes back, never past total), and once it
// says stop, at its first call or halfway, the kernel returns without
// calling it again: it did no more work that asks.
func TestProgressStops(t *testing.T) {
	ids, counts, totals := randomCounts(60, 12, 5)
	tab := NewTable(ids, counts, totals)
	f := RelFreq(nil, tab)
	z := ZScores(nil, f)
	d, err := Distance(Delta, tab, nil)
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]string, len(ids))
	folds := make([]int, len(ids))
	for i := range labels {
		labels[i], folds[i] = string(rune('A'+i%6)), i%3
	}
	first := make([]int, 30)
	for i := range first {
		first[i] = 2 * i
	}
	cases := []struct {
		name string
		run  func(p Progress)
	}{
		{"Distance", func(p Progress) { _, _ = Distance(Delta, tab, p) }},
		{"DistanceAmong", func(p Progress) { _, _ = DistanceAmong(Canberra, tab, first, p) }},
		{"KNearestRun", func(p Progress) { _, _ = KNearestRun(Delta, f, 5, nil, p) }},
		{"Attribute", func(p Progress) { Attribute(d, labels, nil, p) }},
		{"AttributeSVM", func(p Progress) { AttributeSVM(z, labels, folds, 1, p) }},
		{"NearestNeighbourNetwork", func(p Progress) { NearestNeighbourNetwork([]mat.Symmetric{d, d}, 3, p) }},
	}
	for _, c := range cases {
		full := &recorder{k: math.MaxInt}
		c.run(full.progress)
		n := len(full.calls)
		if n < 3 {
			t.Fatalf("%s: %d calls, want one per unit (rows, tiles, folds)", c.name, n)
		}
		for i, x := range full.calls {
			if x[0] < 0 || x[0] > x[1] || x[1] != full.calls[0][1] || i > 0 && x[0] < full.calls[i-1][0] {
				t.Errorf("%s: call %d of %d is (done %d, total %d) after %v", c.name, i+1, n, x[0], x[1], full.calls[max(i-1, 0)])
			}
		}
		for _, k := range []int{0, n / 2} {
			r := &recorder{k: k}
			c.run(r.progress)
			if len(r.calls) != k+1 {
				t.Errorf("%s told to stop at call %d: %d calls, want %d (a full run makes %d)", c.name, k+1, len(r.calls), k+1, n)
			}
		}
	}
}

// TestTrackerStopsOnce: a Tracker tells its Monitor the step as it stands
// at every call until the Monitor says stop, and after that says stop
// itself without calling it again; Done reported by tasks out of order
// never goes back.
func TestTrackerStopsOnce(t *testing.T) {
	var told []Step
	stopAt := 6
	m := Monitor(func(s Step) bool {
		told = append(told, s)
		return len(told) < stopAt
	})
	tr := m.Begin("distances")
	tr.Count("delta", "k-NN tiles", 0)
	p := tr.Progress()
	p(2, 10)
	p(1, 10) // a task that finished earlier reports late
	tr.Add(1)
	if !tr.Stopped() {
		t.Errorf("Stopped() = false after the monitor said stop")
	}
	if tr.Add(1) || p(5, 10) || tr.Check()(0, 0) || !tr.Stopped() {
		t.Errorf("a stopped Tracker went on")
	}
	want := []Step{
		{Name: "distances"},
		{Name: "distances", Part: "delta", Unit: "k-NN tiles"},
		{Name: "distances", Part: "delta", Unit: "k-NN tiles", Done: 2, Total: 10},
		{Name: "distances", Part: "delta", Unit: "k-NN tiles", Done: 2, Total: 10},
		{Name: "distances", Part: "delta", Unit: "k-NN tiles", Done: 3, Total: 10},
		{Name: "distances", Part: "delta", Unit: "k-NN tiles", Done: 3, Total: 10},
	}
	if !slices.Equal(told, want) {
		t.Errorf("monitor told %v,\nwant %v", told, want)
	}
	// A nil Monitor never stops.
	tr = Monitor(nil).Begin("views")
	if !tr.Count("", "trees", 2) || !tr.Add(2) || tr.Stopped() || !tr.Progress()(1, 1) {
		t.Errorf("a Tracker of a nil Monitor stopped")
	}
}

// TestKNearestRunConcurrentProgress: tiles run at once tell a Tracker of
// their count (under -race in make test): the lists are those of the
// serial run and the step ends with every tile counted; told to stop, the
// concurrent run returns too.
func TestKNearestRunConcurrentProgress(t *testing.T) {
	f, want := concurrentKNN(t)
	for _, stopAt := range []int{0, 20} {
		var last Step
		tr := Monitor(func(s Step) bool { last = s; return stopAt == 0 || s.Done < stopAt }).Begin("distances")
		tr.Count("delta", "k-NN tiles", 0)
		got, err := KNearestRun(Delta, f, 6, allAtOnce, tr.Progress())
		if err != nil {
			t.Fatal(err)
		}
		if stopAt > 0 {
			if !tr.Stopped() || last.Done < stopAt {
				t.Errorf("told to stop at %d tiles: stopped %v, last told %+v", stopAt, tr.Stopped(), last)
			}
			continue
		}
		if last.Done != last.Total || last.Total != 16*17/2 {
			t.Errorf("last told %+v, want 136 of 136 tiles", last)
		}
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("row %d: %v, want %v", i, got[i], want[i])
			}
		}
	}
}
