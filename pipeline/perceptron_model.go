package pipeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Loading prose's tagger model: its flat file read, its feature strings
// parsed into the parts they are made of and interned, its weights laid
// out in the order perceptron.go reads them. See perceptron.go for what
// the model is and how it is scored.

// englishPerceptron is prose's English model, interned once per process.
var englishPerceptron = sync.OnceValues(func() (*perceptron, error) {
	return parsePerceptron(aptagmodel.English)
})

// What the rest of a feature string is, after its template's prefix.
const (
	featSuffix   = iota // last three bytes of a word
	featPref1           // first byte of the word
	featPrevTag         // tag of the word before
	featPrev2Tag        // tag of the word two before
	featTagPair         // tags of the two words before, space separated
	featWord            // a normalised word
	featTagWord         // tag of the word before and the normalised word, space separated
)

// featureTemplate is a kind of feature: its prefix, what follows it (a
// feat constant) and which word or suffix feature it is (slot).
type featureTemplate struct {
	prefix     string
	kind, slot int
}

// perceptronTemplates are prose's feature kinds (prose/v3 tag/tag.go,
// predict) but "bias": a feature string is a prefix and a value. No prefix
// is a prefix of another, so a feature string has one template. slot says
// which word or suffix feature it is.
var perceptronTemplates = [...]featureTemplate{
	{"i suffix ", featSuffix, suffixI},
	{"i pref1 ", featPref1, 0},
	{"i-1 tag ", featPrevTag, 0},
	{"i-2 tag ", featPrev2Tag, 0},
	{"i tag+i-2 tag ", featTagPair, 0},
	{"i word ", featWord, wordI},
	{"i-1 tag+i word ", featTagWord, 0},
	{"i-1 word ", featWord, wordPrev},
	{"i-1 suffix ", featSuffix, suffixPrev},
	{"i-2 word ", featWord, wordPrev2},
	{"i+1 word ", featWord, wordNext},
	{"i+1 suffix ", featSuffix, suffixNext},
	{"i+2 word ", featWord, wordNext2},
}

// parsePerceptron reads a model in prose v3's flat format (format version
// 1) and interns its features. data is not retained.
func parsePerceptron(data []byte) (*perceptron, error) {
	r := &modelReader{b: data}
	if string(r.bytes(8)) != "PROSETAG" {
		return nil, errors.New("not a prose flat tagger model")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("prose tagger model format %d, want 1", v)
	}
	nClasses := int(r.u32())
	if r.err == nil && nClasses > 256 {
		return nil, fmt.Errorf("%d classes, at most 256", nClasses)
	}
	p := &perceptron{tagIDs: map[string]int32{}, lexicon: map[string]int32{}, suffixes: map[uint32]int32{}}
	for range nClasses {
		c := r.str16()
		if strings.Contains(c, " ") {
			return nil, fmt.Errorf("class %q holds a space", c)
		}
		p.tagIDs[c] = int32(len(p.classes))
		p.classes = append(p.classes, c)
	}
	nFeatures, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := string(r.bytes(blobLen))
	featOff := r.u32s(nFeatures + 1)
	pairOff := r.u32s(nFeatures + 1)
	ids := r.bytes(nPairs)
	weights := r.bytes(4 * nPairs)
	nTagMap := int(r.u32())
	if r.err != nil {
		return nil, r.err
	}
	if int(featOff[nFeatures]) != len(blob) || int(pairOff[nFeatures]) != nPairs {
		return nil, errors.New("feature offsets do not end with the data")
	}
	for i := range nFeatures {
		if featOff[i] > featOff[i+1] || pairOff[i] > pairOff[i+1] {
			return nil, fmt.Errorf("feature %d: offsets out of order", i)
		}
		// Sorted and distinct, as prose requires for its binary search:
		// then a feature string has one set of weights.
		if i > 0 && blob[featOff[i-1]:featOff[i]] >= blob[featOff[i]:featOff[i+1]] {
			return nil, fmt.Errorf("feature %d: not after feature %d", i, i-1)
		}
	}
	p.pairs = make([]weight, nPairs)
	for i := range p.pairs {
		if int(ids[i]) >= nClasses {
			return nil, fmt.Errorf("weight %d: class %d of %d", i, ids[i], nClasses)
		}
		p.pairs[i] = weight{w: math.Float32frombits(binary.LittleEndian.Uint32(weights[4*i:])), class: ids[i]}
	}

	names := []string{""} // entry id -> string, while loading
	none := entry{fixed: -1}
	p.entries = []entry{none}
	word := func(s string) int32 {
		if id, ok := p.lexicon[s]; ok {
			return id
		}
		id := int32(len(names))
		p.lexicon[s] = id
		names = append(names, s)
		p.entries = append(p.entries, none)
		return id
	}
	tag := func(s string) int32 {
		if id, ok := p.tagIDs[s]; ok {
			return id
		}
		id := int32(len(p.tagIDs))
		p.tagIDs[s] = id
		return id
	}
	p.suffix = [][3]span{{}}
	suffix := func(s string) int32 {
		k := packSuffix(s)
		if id, ok := p.suffixes[k]; ok {
			return id
		}
		id := int32(len(p.suffix))
		p.suffixes[k] = id
		p.suffix = append(p.suffix, [3]span{})
		return id
	}
	p.startTag, p.start2Tag = tag("-START-"), tag("-START2-")

	// The tag features are placed once every tag has its id.
	type tagged struct {
		kind int
		f    span
		a, b int32
	}
	var tagFeats []tagged
	type wordTagged struct {
		entry, tag int32
		f          span
	}
	var wordTags []wordTagged
	for i := range nFeatures {
		key, f := blob[featOff[i]:featOff[i+1]], span{pairOff[i], pairOff[i+1]}
		if key == "bias" {
			p.bias = f
			continue
		}
		t := slices.IndexFunc(perceptronTemplates[:], func(t featureTemplate) bool { return strings.HasPrefix(key, t.prefix) })
		if t < 0 {
			return nil, fmt.Errorf("feature %q: unknown kind", key)
		}
		tp := perceptronTemplates[t]
		v := key[len(tp.prefix):]
		switch tp.kind {
		case featSuffix:
			if len(v) <= 3 { // longer ones never match: prose looks up three bytes
				p.suffix[suffix(v)][tp.slot] = f
			}
		case featPref1:
			switch len(v) { // longer ones never match: prose looks up one byte
			case 0:
				p.pref1[256] = f
			case 1:
				p.pref1[v[0]] = f
			}
		case featPrevTag, featPrev2Tag:
			tagFeats = append(tagFeats, tagged{tp.kind, f, tag(v), 0})
		case featTagPair:
			// The previous tag holds no space (the classes are checked
			// above; prose's other tags are fixed or -[A-Z]{3}-), so the
			// first space ends it.
			if a, b, ok := strings.Cut(v, " "); ok {
				tagFeats = append(tagFeats, tagged{featTagPair, f, tag(a), tag(b)})
			}
		case featTagWord:
			if a, b, ok := strings.Cut(v, " "); ok {
				wordTags = append(wordTags, wordTagged{word(b), tag(a), f})
			}
		case featWord:
			p.entries[word(v)].word[tp.slot] = f
		}
	}

	p.nTags = int32(len(p.tagIDs))
	n := p.nTags + 1
	p.prevTag, p.prev2, p.tagPair = make([]span, n), make([]span, n), make([]span, n*n)
	for _, tf := range tagFeats {
		switch tf.kind {
		case featPrevTag:
			p.prevTag[tf.a] = tf.f
		case featPrev2Tag:
			p.prev2[tf.a] = tf.f
		case featTagPair:
			p.tagPair[tf.a*n+tf.b] = tf.f
		}
	}
	slices.SortFunc(wordTags, func(a, b wordTagged) int {
		if a.entry != b.entry {
			return int(a.entry - b.entry)
		}
		return int(a.tag - b.tag)
	})
	p.wordTag = make([]tagFeature, len(wordTags))
	for i, wt := range wordTags {
		p.wordTag[i] = tagFeature{wt.tag, wt.f}
		e := &p.entries[wt.entry]
		if e.tagHi == 0 {
			e.tagLo = int32(i)
		}
		e.tagHi = int32(i + 1)
	}

	for range nTagMap {
		w, c := r.str16(), r.u8()
		if r.err != nil {
			return nil, r.err
		}
		if int(c) >= nClasses {
			return nil, fmt.Errorf("tag map: %q has class %d of %d", w, c, nClasses)
		}
		p.entries[word(w)].fixed = int16(c)
	}
	for _, e := range perceptronEmoticons {
		p.entries[word(e)].emoticon = true
	}
	p.start, p.start2, p.end, p.end2 = word("-START-"), word("-START2-"), word("-END-"), word("-END2-")
	p.hyphen, p.year, p.digits = word("!HYPHEN"), word("!YEAR"), word("!DIGITS")
	// Entry 0, the unknown word, has its suffix looked up per token.
	for id := 1; id < len(p.entries); id++ {
		p.entries[id].suffix = p.suffixes[packSuffix(names[id])]
	}

	unknown := func(s string) int32 {
		if id, ok := p.tagIDs[s]; ok {
			return id
		}
		return p.nTags
	}
	p.dashTag, p.symTag, p.nnTag, p.noneTag = unknown("-"), unknown("SYM"), unknown("NN"), unknown("-NONE-")
	p.relayout()
	p.words = names
	p.pool.New = func() any { return new(perceptronScratch) }
	return p, nil
}

// relayout copies the weights into a new array in the order they are read:
// each word's features side by side, then each suffix's, and so on. This
// changes no weight and no order of addition.
func (p *perceptron) relayout() {
	old := p.pairs
	p.pairs = make([]weight, 0, len(old))
	move := func(f *span) {
		lo := uint32(len(p.pairs))
		p.pairs = append(p.pairs, old[f.lo:f.hi]...)
		*f = span{lo, uint32(len(p.pairs))}
	}
	for i := range p.entries {
		e := &p.entries[i]
		for k := range e.word {
			move(&e.word[k])
		}
		for k := e.tagLo; k < e.tagHi; k++ {
			move(&p.wordTag[k].feature)
		}
	}
	for i := range p.suffix {
		for k := range p.suffix[i] {
			move(&p.suffix[i][k])
		}
	}
	for i := range p.pref1 {
		move(&p.pref1[i])
	}
	for _, t := range [][]span{p.prevTag, p.prev2, p.tagPair} {
		for i := range t {
			move(&t[i])
		}
	}
	move(&p.bias)
}

// packSuffix packs the last three bytes of s (all of s if shorter) and
// their number into a key.
func packSuffix[S ~string | ~[]byte](s S) uint32 {
	if len(s) > 3 {
		s = s[len(s)-3:]
	}
	k := uint32(len(s)) << 24
	for i := range len(s) {
		k |= uint32(s[i]) << (8 * i)
	}
	return k
}

// modelReader reads prose's little-endian flat format; the first error
// sticks.
type modelReader struct {
	b   []byte
	pos int
	err error
}

func (r *modelReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("model truncated: %d bytes wanted at offset %d of %d", n, r.pos, len(r.b))
		return nil
	}
	b := r.b[r.pos : r.pos+n]
	r.pos += n
	return b
}

func (r *modelReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *modelReader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *modelReader) str16() string {
	b := r.bytes(2)
	if b == nil {
		return ""
	}
	return string(r.bytes(int(binary.LittleEndian.Uint16(b))))
}

func (r *modelReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
