package analysis

import (
	"bytes"
	"encoding/gob"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTermCounts(t *testing.T) {
	m := map[string]int{"the": 3, "war": 1, "gone": 0, "minus": -2, "Ленин": 2}
	c := NewTermCounts(m)
	if c.Len() != 3 || c.Total() != 6 {
		t.Errorf("Len, Total = %d, %d; want 3, 6 (zero and negative counts left out)", c.Len(), c.Total())
	}
	for term, want := range map[string]int{"the": 3, "war": 1, "Ленин": 2, "gone": 0, "minus": 0, "never-seen-anywhere": 0} {
		if got := c.Get(term); got != want {
			t.Errorf("Get(%q) = %d, want %d", term, got, want)
		}
	}
	if d := cmp.Diff(map[string]int{"the": 3, "war": 1, "Ленин": 2}, c.Map()); d != "" {
		t.Errorf("Map (-want +got):\n%s", d)
	}
	var zero TermCounts
	if zero.Len() != 0 || zero.Get("the") != 0 || len(zero.Map()) != 0 {
		t.Error("the zero value is not empty")
	}
}

// TestTermIDs: IDs yields what All yields, by id, ascending; TermOf,
// TermNames and LookupTerm agree with it. The counts include ones past a
// byte (varints of two and three bytes) beside one-byte ones, which each
// reads by a shorter path.
func TestTermIDs(t *testing.T) {
	m := map[string]int{"the": 3, "war": 200, "peace": 70000, "Ленин": 1, "x" + strconv.Itoa(1<<20): 128}
	c := NewTermCounts(m)
	got := map[string]int{}
	last, first := TermID(0), true
	names := TermNames()
	for id, n := range c.IDs() {
		if !first && id <= last {
			t.Errorf("ids not ascending: %d after %d", id, last)
		}
		last, first = id, false
		if TermOf(id) != names[id] {
			t.Errorf("TermOf(%d) = %q, TermNames()[%d] = %q", id, TermOf(id), id, names[id])
		}
		if back, ok := LookupTerm(TermOf(id)); !ok || back != id {
			t.Errorf("LookupTerm(%q) = %d, %v; want %d", TermOf(id), back, ok, id)
		}
		got[TermOf(id)] = n
	}
	if d := cmp.Diff(m, got); d != "" {
		t.Errorf("IDs (-want +got):\n%s", d)
	}
	if _, ok := LookupTerm("never-interned-anywhere-at-all"); ok {
		t.Error("LookupTerm found a term no table holds")
	}
}

// TestTermSet: each table a set makes holds the sums the test adds up (a
// term given twice summed, zero and negative counts left out), in the
// same bytes whatever order the terms are given in and whichever of them
// the process had interned before.
func TestTermSet(t *testing.T) {
	terms := []string{"set-b", "set-a", "set-c", "set-a", "set-new-" + strconv.Itoa(len(TermNames())), "set-d"}
	NewTermCounts(map[string]int{"set-c": 1}) // interned first: a lower id than the others
	for _, n := range [][]int{
		{1, 2, 3, 4, 5, 6},
		{0, 2, -1, 0, 7, 0}, // set-a from its first place only; set-c left out
		{0, 0, 0, 0, 0, 0},
		{0, -3, 0, 5, 0, 0}, // set-a from its second place only
		{1 << 40, 0, 0, 0, 0, 1},
	} {
		m := map[string]int{}
		for i, term := range terms {
			if n[i] > 0 {
				m[term] += n[i]
			}
		}
		var first TermCounts
		for k, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}} {
			ts, ns := make([]string, len(order)), make([]int, len(order))
			for k, i := range order {
				ts[k], ns[k] = terms[i], n[i]
			}
			got := NewTermSet(ts).Counts(ns)
			if d := cmp.Diff(m, got.Map()); d != "" || got.Len() != len(m) {
				t.Errorf("counts %v, order %v: Len %d, (-want +got):\n%s", n, order, got.Len(), d)
			}
			if k == 0 {
				first = got
			} else if !got.Equal(first) {
				t.Errorf("counts %v: the two orders give different bytes", n)
			}
			if d := cmp.Diff(m, NewTermCountsOf(ts, ns).Map()); d != "" {
				t.Errorf("NewTermCountsOf %v, order %v (-want +got):\n%s", n, order, d)
			}
		}
	}
}

// TestTermCountsBytes: the encoding is the documented one, terms in byte
// order, whatever order the process interned them in; it round-trips,
// through gob too.
func TestTermCountsBytes(t *testing.T) {
	// Interned in the order zq, za: ids ascending means zq first.
	NewTermCounts(map[string]int{"tc-test-zq": 1})
	c := NewTermCounts(map[string]int{"tc-test-za": 2, "tc-test-zq": 300})
	got, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// 2 terms; "tc-test-za" (10 bytes) 2; "tc-test-zq" 300 = varint AC 02.
	want := append([]byte{2, 10}, "tc-test-za"...)
	want = append(want, 2, 10)
	want = append(want, "tc-test-zq"...)
	want = append(want, 0xac, 0x02)
	if !bytes.Equal(got, want) {
		t.Fatalf("MarshalBinary = % x\nwant            % x", got, want)
	}
	var back TermCounts
	if err := back.UnmarshalBinary(got); err != nil || !back.Equal(c) {
		t.Errorf("round trip = %v, %v; want %v", back.Map(), err, c.Map())
	}
	var buf bytes.Buffer
	type holder struct{ C map[string]TermCounts }
	if err := gob.NewEncoder(&buf).Encode(holder{map[string]TermCounts{"word:1": c}}); err != nil {
		t.Fatal(err)
	}
	var h holder
	if err := gob.NewDecoder(&buf).Decode(&h); err != nil || !h.C["word:1"].Equal(c) {
		t.Errorf("gob round trip = %v, %v", h.C["word:1"].Map(), err)
	}
}

func TestTermCountsCorrupt(t *testing.T) {
	good, _ := NewTermCounts(map[string]int{"a": 1, "b": 2}).MarshalBinary()
	for name, b := range map[string][]byte{
		"empty":              {},
		"truncated":          good[:len(good)-1],
		"trailing bytes":     append(append([]byte{}, good...), 0),
		"zero count":         {1, 1, 'a', 0},
		"duplicate term":     {2, 1, 'a', 1, 1, 'a', 1},
		"terms out of order": {2, 1, 'b', 1, 1, 'a', 1},
		"length too long":    {1, 9, 'a', 1},
		"huge term number":   {0xff, 0xff, 0xff, 0xff, 0x0f},
		"count past int":     {1, 1, 'a', 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
	} {
		var c TermCounts
		if err := c.UnmarshalBinary(b); err == nil {
			t.Errorf("%s: no error, got %v", name, c.Map())
		}
	}
}

// TestTermCountsMany: a table of many terms with counts of one to five
// bytes reads back whole (All, Get, Map, the encoding's round trip).
func TestTermCountsMany(t *testing.T) {
	r := newRand(3)
	m := map[string]int{}
	for i := range 2000 {
		m["tc-many-"+strconv.Itoa(r.IntN(1_000_000))] = 1 + r.IntN([]int{3, 300, 70_000, 1 << 31}[i%4])
	}
	c := NewTermCounts(m)
	if d := cmp.Diff(m, c.Map()); d != "" || c.Len() != len(m) {
		t.Fatalf("Map (-want +got):\n%s; Len %d want %d", d, c.Len(), len(m))
	}
	for term, n := range m {
		if got := c.Get(term); got != n {
			t.Fatalf("Get(%q) = %d, want %d", term, got, n)
		}
	}
	b, _ := c.MarshalBinary()
	var back TermCounts
	if err := back.UnmarshalBinary(b); err != nil || !back.Equal(c) {
		t.Errorf("round trip: %v", err)
	}
}

// TestTermCountsBig: counts of 2³² and more are kept whole and read back
// (a term of a multi-gigabyte document), and a term given twice to
// NewTermCountsOf counts the sum.
func TestTermCountsBig(t *testing.T) {
	c := NewTermCounts(map[string]int{"tc-big-a": 1 << 32, "tc-big-b": 1<<40 + 5})
	if c.Get("tc-big-a") != 1<<32 || c.Get("tc-big-b") != 1<<40+5 || c.Total() != 1<<32+1<<40+5 {
		t.Errorf("big counts: %v", c.Map())
	}
	b, _ := c.MarshalBinary()
	var back TermCounts
	if err := back.UnmarshalBinary(b); err != nil || !back.Equal(c) {
		t.Errorf("round trip of big counts: %v, %v", back.Map(), err)
	}
	d := NewTermCountsOf([]string{"tc-dup", "tc-dup", "tc-other"}, []int{2, 3, 1})
	if d.Get("tc-dup") != 5 || d.Len() != 2 {
		t.Errorf("a term given twice: %v, want tc-dup 5", d.Map())
	}
}

// FuzzTermCountsUnmarshal: cache entries and part files come from disk,
// so any bytes must decode or fail cleanly, and what decodes encodes back
// to a table that decodes to the same counts.
func FuzzTermCountsUnmarshal(f *testing.F) {
	good, _ := NewTermCounts(map[string]int{"a": 1, "bb": 300}).MarshalBinary()
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{1, 1, 'a', 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var c TermCounts
		if err := c.UnmarshalBinary(b); err != nil {
			return
		}
		again, err := c.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var d TermCounts
		if err := d.UnmarshalBinary(again); err != nil || !d.Equal(c) {
			t.Fatalf("re-encoded table does not decode to itself: %v", err)
		}
	})
}
