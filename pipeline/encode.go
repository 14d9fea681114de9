package pipeline

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"

	"github.com/stylometer/stylometer/analysis"
)

// profileEncoding is the first byte of an encoded profile: the layout
// below. A change of layout changes it (and PartFormat).
const profileEncoding = 2

// MarshalBinary encodes p deterministically: the same profile gives the
// same bytes, whatever the process or the order its terms were first seen
// in. It is the profile of the cache's entries and of the part files.
//
// The layout is a version byte, then the fields in their declaration
// order: integers as zigzag varints, floats as their 8 IEEE 754 bytes
// (little-endian), strings and term counts (as analysis.TermCounts
// encodes them) behind their length, every list behind its length, maps as
// lists sorted by key. A hand-written layout rather than gob: gob sends and
// compiles the type of every nested struct with every value it is asked
// to decode alone, which cost more than the counts themselves (a cached
// profile read back in 0.29 ms, 0.6 ms of it per file in a re-run,
// written in 1.3 ms).
func (p *DocProfile) MarshalBinary() ([]byte, error) {
	w := &writer{b: make([]byte, 0, 4096)}
	w.b = append(w.b, profileEncoding)
	w.int(p.Words, p.Punctuation, p.Sentences, p.Boilerplate)
	w.counts(p.Terms)
	w.counts(p.Content)
	w.counts(p.POS)
	w.features(p.Features)
	w.int(len(p.SentenceLengths))
	w.int(p.SentenceLengths...)
	w.int(len(p.WordLengths))
	for _, n := range slices.Sorted(maps.Keys(p.WordLengths)) {
		w.int(n, p.WordLengths[n])
	}
	w.int(p.Letters)
	w.fields(p.Diversity)
	w.fields(p.Readability)
	w.fields(p.ReadabilityCounts)
	w.int(p.ContentWords)
	w.int(len(p.Samples))
	for _, s := range p.Samples {
		w.int(s.Words)
		w.counts(s.Terms)
		w.features(s.Features)
	}
	w.int(len(p.Windows))
	for _, win := range p.Windows {
		w.int(win.Start, win.End)
		w.counts(win.Terms)
	}
	w.int(p.Slices)
	w.counts(p.SlicePresence)
	w.int(len(p.Targets))
	for _, t := range p.Targets {
		w.int(t.Count)
		w.counts(t.Collocates)
		w.int(t.WindowTokens, len(t.KWIC))
		for _, k := range t.KWIC {
			w.int(k.Offset)
			w.str(k.Left)
			w.str(k.Keyword)
			w.str(k.Right)
		}
	}
	w.str(p.Language)
	w.fields(struct{ C, E float64 }{p.LanguageConfidence, p.LanguageOverEnglish})
	return w.b, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded. Empty lists and
// maps come back nil, WordLengths as an empty map.
func (p *DocProfile) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != profileEncoding {
		return errProfile
	}
	r := &reader{b: b[1:]}
	q := DocProfile{WordLengths: map[int]int{}}
	q.Words, q.Punctuation, q.Sentences, q.Boilerplate = r.int(), r.int(), r.int(), r.int()
	q.Terms, q.Content, q.POS = r.counts(), r.counts(), r.counts()
	q.Features = r.features()
	if n := r.len(); n > 0 {
		q.SentenceLengths = make([]int, n)
		for i := range q.SentenceLengths {
			q.SentenceLengths[i] = r.int()
		}
	}
	for range r.len() {
		n := r.int()
		q.WordLengths[n] = r.int()
	}
	q.Letters = r.int()
	r.fields(&q.Diversity)
	r.fields(&q.Readability)
	r.fields(&q.ReadabilityCounts)
	q.ContentWords = r.int()
	for range r.len() {
		q.Samples = append(q.Samples, Sample{Words: r.int(), Terms: r.counts(), Features: r.features()})
	}
	for range r.len() {
		q.Windows = append(q.Windows, Window{Start: r.int(), End: r.int(), Terms: r.counts()})
	}
	q.Slices = r.int()
	q.SlicePresence = r.counts()
	for range r.len() {
		t := TargetProfile{Count: r.int(), Collocates: r.counts(), WindowTokens: r.int()}
		for range r.len() {
			t.KWIC = append(t.KWIC, KWIC{Offset: r.int(), Left: r.str(), Keyword: r.str(), Right: r.str()})
		}
		q.Targets = append(q.Targets, t)
	}
	q.Language = r.str()
	var lc struct{ C, E float64 }
	r.fields(&lc)
	q.LanguageConfidence, q.LanguageOverEnglish = lc.C, lc.E
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%w: %d bytes after the profile", errProfile, len(r.b))
	}
	*p = q
	return nil
}

var errProfile = errors.New("not a stylometer profile of this version")

// writer appends a profile's fields to b.
type writer struct {
	b       []byte
	scratch []byte
}

func (w *writer) int(v ...int) {
	for _, x := range v {
		w.b = binary.AppendVarint(w.b, int64(x))
	}
}

func (w *writer) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) counts(c analysis.TermCounts) {
	w.scratch, _ = c.AppendBinary(w.scratch[:0])
	w.b = binary.AppendUvarint(w.b, uint64(len(w.scratch)))
	w.b = append(w.b, w.scratch...)
}

func (w *writer) features(m map[string]analysis.TermCounts) {
	w.int(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		w.str(k)
		w.counts(m[k])
	}
}

// fields writes every field of a struct of ints and float64s, in order.
func (w *writer) fields(s any) {
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			w.int(int(f.Int()))
		case reflect.Float64:
			w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f.Float()))
		default:
			panic(fmt.Sprintf("pipeline: profile encoding: %s.%s is a %s", v.Type(), v.Type().Field(i).Name, f.Kind()))
		}
	}
}

// reader reads what writer wrote; the first error sticks and every read
// after it returns zero.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s", errProfile, what)
	}
	r.b = nil
}

func (r *reader) int() int {
	v, k := binary.Varint(r.b)
	if k <= 0 || v < math.MinInt || v > math.MaxInt {
		r.fail("integer")
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

// len is a count of what follows, each at least a byte: never more than
// the bytes left, so a corrupt length cannot ask for a huge allocation.
func (r *reader) len() int {
	n := r.int()
	if n < 0 || n > len(r.b) {
		r.fail("length")
		return 0
	}
	return n
}

func (r *reader) bytes() []byte {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || n > uint64(len(r.b)-k) {
		r.fail("length")
		return nil
	}
	b := r.b[k : k+int(n)]
	r.b = r.b[k+int(n):]
	return b
}

func (r *reader) str() string { return string(r.bytes()) }

func (r *reader) counts() analysis.TermCounts {
	var c analysis.TermCounts
	if b := r.bytes(); r.err == nil {
		if err := c.UnmarshalBinary(b); err != nil {
			r.fail("term counts")
		}
	}
	return c
}

func (r *reader) features() map[string]analysis.TermCounts {
	n := r.len()
	if n == 0 {
		return nil
	}
	m := make(map[string]analysis.TermCounts, n)
	prev := ""
	for i := range n {
		k := r.str()
		if i > 0 && cmp.Compare(prev, k) >= 0 {
			r.fail("feature names")
		}
		m[k], prev = r.counts(), k
	}
	return m
}

func (r *reader) fields(s any) {
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			f.SetInt(int64(r.int()))
		case reflect.Float64:
			if len(r.b) < 8 {
				r.fail("number")
				return
			}
			f.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(r.b)))
			r.b = r.b[8:]
		default:
			panic(fmt.Sprintf("pipeline: profile encoding: %s.%s is a %s", v.Type(), v.Type().Field(i).Name, f.Kind()))
		}
	}
}
