package analysis

import (
	"cmp"
	"encoding/binary"
	"errors"
	"iter"
	"slices"
	"sync"
)

// TermCounts is a sparse vector of counts by term (a word, a tag, an
// n-gram): one document's table, held as ascending term ids and counts,
// 8 bytes an entry where a map of strings takes 50 to 70 and keeps each
// document's own copy of every word. The terms themselves are interned
// once per process, so that a corpus's memory grows with its vocabulary
// and not with its texts (the interned terms are never freed: a process
// holds every term it has seen).
//
// The zero value is empty. A TermCounts is immutable and safe for
// concurrent use. All yields the terms in an order that depends on the
// order in which the process first saw them: like a map's, it is not an
// output order.
type TermCounts struct {
	ids []uint32 // ascending
	n   []uint32 // positive
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
	type entry struct{ id, n uint32 }
	es := make([]entry, 0, len(m))
	var missing []string
	dictionary.RLock()
	for t, n := range m {
		if n <= 0 {
			continue
		}
		if id, ok := dictionary.id[t]; ok {
			es = append(es, entry{id, uint32(n)})
		} else {
			missing = append(missing, t)
		}
	}
	dictionary.RUnlock()
	if len(missing) > 0 {
		dictionary.Lock()
		for _, t := range missing {
			id, ok := dictionary.id[t]
			if !ok {
				t = string([]byte(t)) // never a slice of a document's text
				id = uint32(len(dictionary.terms))
				dictionary.terms = append(dictionary.terms, t)
				dictionary.id[t] = id
			}
			es = append(es, entry{id, uint32(m[t])})
		}
		dictionary.Unlock()
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	c := TermCounts{ids: make([]uint32, len(es)), n: make([]uint32, len(es))}
	for k, e := range es {
		c.ids[k], c.n[k] = e.id, e.n
	}
	return c
}

// Len is the number of terms with a positive count.
func (c TermCounts) Len() int { return len(c.ids) }

// Get is term's count; 0 for a term c lacks.
func (c TermCounts) Get(term string) int {
	id, ok := termID(term)
	if !ok {
		return 0
	}
	if k, ok := slices.BinarySearch(c.ids, id); ok {
		return int(c.n[k])
	}
	return 0
}

// Total is the sum of the counts.
func (c TermCounts) Total() int {
	s := 0
	for _, n := range c.n {
		s += int(n)
	}
	return s
}

// All yields each term and its count.
func (c TermCounts) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		ts := terms()
		for k, id := range c.ids {
			if !yield(ts[id], int(c.n[k])) {
				return
			}
		}
	}
}

// Map returns the counts as a new map.
func (c TermCounts) Map() map[string]int {
	m := make(map[string]int, len(c.ids))
	for t, n := range c.All() {
		m[t] = n
	}
	return m
}

// each calls f with each term's id and count, for the tables of this
// package, which index by id.
func (c TermCounts) each(f func(id uint32, n int)) {
	for k, id := range c.ids {
		f(id, int(c.n[k]))
	}
}

// MarshalBinary encodes c deterministically: the number of terms, then
// each term (length and bytes) and its count, as unsigned varints, terms
// in byte order. The bytes do not depend on the process's ids.
func (c TermCounts) MarshalBinary() ([]byte, error) {
	ts := terms()
	order := make([]int, len(c.ids))
	size := binary.MaxVarintLen64
	for k, id := range c.ids {
		order[k] = k
		size += len(ts[id]) + 2*binary.MaxVarintLen32
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := ts[c.ids[a]], ts[c.ids[b]]
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	b := make([]byte, 0, size)
	b = binary.AppendUvarint(b, uint64(len(order)))
	for _, k := range order {
		t := ts[c.ids[k]]
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		b = binary.AppendUvarint(b, uint64(c.n[k]))
	}
	return b, nil
}

var errTermCounts = errors.New("analysis: corrupt term counts")

// UnmarshalBinary decodes what MarshalBinary encoded.
func (c *TermCounts) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return errTermCounts
	}
	b = b[k:]
	m := make(map[string]int, n)
	for range n {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return errTermCounts
		}
		t := string(b[k : k+int(l)])
		b = b[k+int(l):]
		v, k := binary.Uvarint(b)
		if k <= 0 || v == 0 || v > 1<<32-1 {
			return errTermCounts
		}
		if _, dup := m[t]; dup {
			return errTermCounts
		}
		m[t] = int(v)
		b = b[k:]
	}
	if len(b) != 0 {
		return errTermCounts
	}
	*c = NewTermCounts(m)
	return nil
}

// Equal reports whether c and d hold the same terms with the same counts.
func (c TermCounts) Equal(d TermCounts) bool {
	return slices.Equal(c.ids, d.ids) && slices.Equal(c.n, d.n)
}
