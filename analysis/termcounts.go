package analysis

import (
	"bytes"
	"encoding/binary"
	"errors"
	"iter"
	"math"
	"slices"
	"strings"
	"sync"
)

// TermCounts is a sparse vector of counts by term (a word, a tag, an
// n-gram): one document's table, held as ascending term ids and counts,
// each id as its distance from the previous one and each count as a
// varint: 2 to 3 bytes an entry where a map of strings takes 50 to 70 and
// keeps each document's own copy of every word. The terms themselves are
// interned once per process, so that a corpus's memory grows with its
// vocabulary and not with its texts (the interned terms are never freed:
// a process holds every term it has seen). Get reads the entries in turn:
// All is the way through a whole table.
//
// The zero value is empty. A TermCounts is immutable and safe for
// concurrent use. All yields the terms in an order that depends on the
// order in which the process first saw them: like a map's, it is not an
// output order.
type TermCounts struct {
	b   []byte // per entry: uvarint(id − previous id), uvarint(count > 0)
	len int
}

// dictionary is the process's interned terms.
var dictionary = struct {
	sync.RWMutex
	id    map[string]uint32
	terms []string // by id; only appended to
}{id: map[string]uint32{}}

// terms returns the interned terms by id. The slice holds at least every
// id handed out before the call; its elements never change.
func terms() []string {
	dictionary.RLock()
	defer dictionary.RUnlock()
	return dictionary.terms
}

// termID returns term's id, if the process has interned it.
func termID(term string) (uint32, bool) {
	dictionary.RLock()
	defer dictionary.RUnlock()
	id, ok := dictionary.id[term]
	return id, ok
}

// NewTermCounts is the TermCounts of m; zero and negative counts are left
// out.
func NewTermCounts(m map[string]int) TermCounts {
	if len(m) == 0 {
		return TermCounts{}
	}
	terms, n := make([]string, 0, len(m)), make([]int, 0, len(m))
	for t, k := range m {
		terms, n = append(terms, t), append(n, k)
	}
	return NewTermCountsOf(terms, n)
}

// NewTermCountsOf is the TermCounts of terms[i] counted n[i] times; a term
// given twice counts the sum, and zero and negative counts are left out.
func NewTermCountsOf(terms []string, n []int) TermCounts {
	if len(terms) != len(n) {
		panic("analysis: length mismatch")
	}
	var kept []string
	var kn []int
	for i, t := range terms {
		if n[i] > 0 {
			kept, kn = append(kept, t), append(kn, n[i])
		}
	}
	return NewTermSet(kept).Counts(kn)
}

// TermSet is a list of terms interned once and put in id order once, from
// which several tables of counts of the same terms are made: a document's
// word counts, content-word counts and slice presence share its terms, and
// NewTermCountsOf would look each term up and sort again for each.
type TermSet struct {
	keys []uint64 // each term's id above its place in the list, ascending
}

// NewTermSet interns terms (a term may be given twice); no terms make an
// empty set, whose tables are empty.
func NewTermSet(terms []string) TermSet {
	if len(terms) > math.MaxUint32 {
		panic("analysis: too many terms")
	}
	keys := make([]uint64, len(terms))
	missing := false
	dictionary.RLock()
	for i, t := range terms {
		id, ok := dictionary.id[t]
		if !ok {
			id, missing = math.MaxUint32, true
		}
		keys[i] = uint64(id)<<32 | uint64(i)
	}
	dictionary.RUnlock()
	if missing {
		dictionary.Lock()
		for i, t := range terms {
			if keys[i]>>32 != math.MaxUint32 {
				continue
			}
			id, ok := dictionary.id[t]
			if !ok {
				t = strings.Clone(t) // never a slice of a document's text
				id = uint32(len(dictionary.terms))
				dictionary.terms = append(dictionary.terms, t)
				dictionary.id[t] = id
			}
			keys[i] = uint64(id)<<32 | uint64(i)
		}
		dictionary.Unlock()
	}
	// Plain integers sort several times faster than entries with a
	// comparison function.
	slices.Sort(keys)
	return TermSet{keys: keys}
}

// IDs is each term's id, by its place in the list the set was made from.
func (s TermSet) IDs() []TermID {
	ids := make([]TermID, len(s.keys))
	for _, key := range s.keys {
		ids[uint32(key)] = TermID(key >> 32)
	}
	return ids
}

// Counts is the TermCounts of the set's i-th term counted n[i] times
// (n as long as the list the set was made from, or it panics); a term
// given twice counts the sum, and zero and negative counts are left out:
// all of them, or an empty set, give the empty table.
func (s TermSet) Counts(n []int) TermCounts {
	if len(n) != len(s.keys) {
		panic("analysis: length mismatch")
	}
	var buf []byte
	entries, prev := 0, uint32(0)
	var id uint32
	var sum uint64
	flush := func() {
		if sum > 0 {
			if buf == nil {
				buf = make([]byte, 0, 3*len(s.keys))
			}
			buf = binary.AppendUvarint(buf, uint64(id-prev))
			buf = binary.AppendUvarint(buf, sum)
			prev = id
			entries++
		}
	}
	for k, key := range s.keys {
		if k == 0 || uint32(key>>32) != id {
			flush()
			id, sum = uint32(key>>32), 0
		}
		if v := n[uint32(key)]; v > 0 {
			sum += uint64(v)
		}
	}
	flush()
	if entries == 0 {
		return TermCounts{}
	}
	return TermCounts{b: slices.Clip(buf), len: entries}
}

// Len is the number of terms with a positive count.
func (c TermCounts) Len() int { return c.len }

// Get is term's count; 0 for a term c lacks.
func (c TermCounts) Get(term string) int {
	id, ok := termID(term)
	if !ok {
		return 0
	}
	n := 0
	c.each(func(i uint32, v int) bool {
		if i >= id {
			if i == id {
				n = v
			}
			return false
		}
		return true
	})
	return n
}

// Total is the sum of the counts.
func (c TermCounts) Total() int {
	s := 0
	c.each(func(_ uint32, n int) bool { s += n; return true })
	return s
}

// All yields each term and its count.
func (c TermCounts) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		ts := terms()
		c.each(func(id uint32, n int) bool { return yield(ts[id], n) })
	}
}

// TermID names a term within this process: the interner hands ids out in
// the order it first sees the terms, so they differ from process to
// process and mean no order. Use them as keys and indices inside one run
// (a map keyed by TermID hashes an integer, not a string) and turn them
// back into terms (TermOf, TermNames) for anything written.
type TermID uint32

// IDs yields each term's id and count, ids ascending: All without the
// strings.
func (c TermCounts) IDs() iter.Seq2[TermID, int] {
	return func(yield func(TermID, int) bool) {
		c.each(func(id uint32, n int) bool { return yield(TermID(id), n) })
	}
}

// TermOf is the term id names; id must come from this process.
func TermOf(id TermID) string { return terms()[id] }

// TermNames returns the interned terms by id: the slice names at least
// every id handed out before the call, and its elements never change. One
// call serves a loop that would call TermOf for each id.
func TermNames() []string { return terms() }

// LookupTerm is term's id, if the process has interned it (no table holds
// a term it has not).
func LookupTerm(term string) (TermID, bool) {
	id, ok := termID(term)
	return TermID(id), ok
}

// Map returns the counts as a new map.
func (c TermCounts) Map() map[string]int {
	m := make(map[string]int, c.len)
	for t, n := range c.All() {
		m[t] = n
	}
	return m
}

// each calls f with each term's id and count, ids ascending, until f
// returns false: the tables of this package index by id.
func (c TermCounts) each(f func(id uint32, n int) bool) {
	id := uint32(0)
	for b := c.b; len(b) > 0; {
		// Most gaps and counts fit a byte: read those without Uvarint.
		var d, n uint64
		if len(b) >= 2 && b[0] < 0x80 && b[1] < 0x80 {
			d, n = uint64(b[0]), uint64(b[1])
			b = b[2:]
		} else {
			var k, m int
			d, k = binary.Uvarint(b)
			n, m = binary.Uvarint(b[k:])
			b = b[k+m:]
		}
		id += uint32(d)
		if !f(id, int(n)) {
			return
		}
	}
}

// MarshalBinary encodes c deterministically: the number of terms, then
// each term (length and bytes) and its count, as unsigned varints, terms
// in byte order. The bytes do not depend on the process's ids.
func (c TermCounts) MarshalBinary() ([]byte, error) { return c.AppendBinary(nil) }

// AppendBinary appends what MarshalBinary encodes to b.
func (c TermCounts) AppendBinary(b []byte) ([]byte, error) {
	ts := terms()
	type entry struct {
		term string
		n    int
	}
	es := make([]entry, 0, c.len)
	size := binary.MaxVarintLen64
	c.each(func(id uint32, n int) bool {
		es = append(es, entry{ts[id], n})
		size += len(ts[id]) + 2*binary.MaxVarintLen32
		return true
	})
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.term, b.term) })
	b = slices.Grow(b, size)
	b = binary.AppendUvarint(b, uint64(len(es)))
	for _, e := range es {
		b = binary.AppendUvarint(b, uint64(len(e.term)))
		b = append(b, e.term...)
		b = binary.AppendUvarint(b, uint64(e.n))
	}
	return b, nil
}

var errTermCounts = errors.New("analysis: corrupt term counts")

// UnmarshalBinary decodes what MarshalBinary encoded: terms strictly in
// byte order (which also rules out a term given twice), positive counts.
// It interns the terms without a map or a string per entry between the
// bytes and the table: the profile cache and the part files decode every
// table of every document this way.
func (c *TermCounts) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)/2) || n > math.MaxUint32 { // an entry takes 2 bytes or more
		return errTermCounts
	}
	b = b[k:]
	type entry struct {
		term []byte
		id   uint32
		n    uint64
	}
	es := make([]entry, n)
	var prev []byte
	for i := range es {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return errTermCounts
		}
		t := b[k : k+int(l)]
		b = b[k+int(l):]
		v, k := binary.Uvarint(b)
		if k <= 0 || v == 0 || v > math.MaxInt {
			return errTermCounts
		}
		if i > 0 && bytes.Compare(prev, t) >= 0 {
			return errTermCounts
		}
		es[i], prev = entry{term: t, n: v}, t
		b = b[k:]
	}
	if len(b) != 0 {
		return errTermCounts
	}
	if n == 0 {
		*c = TermCounts{}
		return nil
	}
	missing := false
	dictionary.RLock()
	for i := range es {
		id, ok := dictionary.id[string(es[i].term)] // no allocation: a map index
		if !ok {
			id, missing = math.MaxUint32, true
		}
		es[i].id = id
	}
	dictionary.RUnlock()
	if missing {
		dictionary.Lock()
		for i := range es {
			if es[i].id != math.MaxUint32 {
				continue
			}
			id, ok := dictionary.id[string(es[i].term)]
			if !ok {
				t := string(es[i].term) // a copy: never a slice of b
				id = uint32(len(dictionary.terms))
				dictionary.terms = append(dictionary.terms, t)
				dictionary.id[t] = id
			}
			es[i].id = id
		}
		dictionary.Unlock()
	}
	// Sort by id as plain integers (id, then the entry's place), which
	// is several times faster than sorting the entries themselves.
	keys := make([]uint64, len(es))
	for i, e := range es {
		keys[i] = uint64(e.id)<<32 | uint64(i)
	}
	slices.Sort(keys)
	buf := make([]byte, 0, 3*len(es))
	last := uint32(0)
	for _, key := range keys {
		id := uint32(key >> 32)
		buf = binary.AppendUvarint(buf, uint64(id-last))
		buf = binary.AppendUvarint(buf, es[uint32(key)].n)
		last = id
	}
	*c = TermCounts{b: slices.Clip(buf), len: len(es)}
	return nil
}

// Equal reports whether c and d hold the same terms with the same counts.
func (c TermCounts) Equal(d TermCounts) bool {
	return c.len == d.len && bytes.Equal(c.b, d.b)
}
