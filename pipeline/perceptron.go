package pipeline

import (
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// This file is ours, not prose's. It scores prose v3's averaged-perceptron
// part-of-speech model (github.com/jdkato/prose/v3/tag, v3.2.3) with the
// same weights, the same features in the same order and the same float32
// arithmetic, so that every tag is the one prose's tag.Tagger.TagTokens
// gives (perceptron_test.go checks this token for token against prose
// itself). What differs is how a feature finds its weights.
//
// prose builds each of the 14 feature keys of a token as a string
// ("i-1 tag+i word NN house") and finds it by binary search over the
// 75,447 sorted feature strings of the model: some 240 string comparisons
// per token, and prose's tagger was most of stylometer's CPU per document.
// Here the feature strings are parsed once, at load, into the parts they
// are made of (a word, a suffix, a first byte, one or two tags), and each
// part is interned: a token costs one map lookup of its text (two when its
// lower-case form differs), mostly in a small map of the words seen lately
// (perceptronScratch.memo), and each feature is then read from a dense
// table (by word, suffix, byte or tag ids) as the span of its weights in
// one flat array, where the features of a word lie side by side. Nothing
// is allocated per token once a worker's scratch space has grown to its
// longest sentence. On the seeds' sentences this tags about five times as
// many tokens a second as prose (BenchmarkTagProse, BenchmarkTagFast).
//
// The model's bytes are prose's own, read (see perceptron_model.go) from
// its exported embedded file (aptagmodel.English, prose's flat format
// described in its internal/flat/format.go); nothing of the model is
// copied into this repository. Two small pieces of prose's tagger are unexported and are
// restated here: the emoticon list and the trace pattern that prose tags
// without consulting the model (see perceptronEmoticons and perceptronNone);
// a test compares the list with prose's source.

// Feature kinds a token's word (normalised as prose does) takes part in,
// indexing entry.word: the word itself and its neighbours.
const (
	wordI = iota
	wordPrev
	wordPrev2
	wordNext
	wordNext2
)

// Suffix feature kinds, indexing perceptron.suffix: the token's own last
// three bytes (as written) and those of its neighbours (normalised).
const (
	suffixI = iota
	suffixPrev
	suffixNext
)

// perceptron is prose v3's English part-of-speech model with its feature
// strings interned. It is immutable after load and safe for concurrent
// use; each call takes its scratch space from a pool.
//
// A feature is a span of pairs, laid out so that the features of one word
// are side by side in memory.
type perceptron struct {
	classes []string // class id -> Penn Treebank tag
	pairs   []weight // the model's sparse weights, feature by feature

	lexicon map[string]int32 // word -> entry id; 0 (absent) is the unknown word
	words   []string         // entry id -> word (the lexicon's keys)
	entries []entry          // by entry id
	wordTag []tagFeature     // "i-1 tag+i word" features, by entry, sorted by tag

	suffixes map[uint32]int32 // packSuffix(s) -> suffix id; 0 (absent) is none
	suffix   [][3]span        // suffix id -> feature by suffixI, suffixPrev, suffixNext

	bias  span
	pref1 [257]span // first byte -> "i pref1" feature; [256] is the empty word

	// Tag ids: 0..len(classes)-1 are the classes, then the other tags the
	// features name (-START-, -START2-); nTags is every tag unknown to the
	// model (such as prose's "-NONE-" or "-LRB-"), which has no feature.
	tagIDs  map[string]int32
	nTags   int32
	prevTag []span // tag id -> "i-1 tag" feature
	prev2   []span // tag id -> "i-2 tag" feature
	tagPair []span // tag id * (nTags+1) + tag id -> "i tag+i-2 tag" feature

	// The entries of the words prose puts around a sentence and of the
	// forms its normalisation gives.
	start, start2, end, end2 int32
	hyphen, year, digits     int32
	// Tag ids of the tags prose gives without the model.
	startTag, start2Tag, dashTag, symTag, nnTag, noneTag int32

	pool sync.Pool // *perceptronScratch
}

// weight is one class's weight for a feature.
type weight struct {
	w     float32
	class uint8
}

// span is a feature: its weights are pairs[lo:hi]. The zero span is a
// feature the model does not have.
type span struct{ lo, hi uint32 }

// tagFeature is an "i-1 tag+i word" feature of a word, for one previous tag.
type tagFeature struct {
	tag     int32
	feature span
}

// entry is what the model knows about one string.
type entry struct {
	word         [5]span // features by wordI ... wordNext2
	tagLo, tagHi int32   // its "i-1 tag+i word" features: wordTag[tagLo:tagHi]
	suffix       int32   // suffix id of its last three bytes
	fixed        int16   // class from the model's tag map of unambiguous words, or -1
	emoticon     bool    // prose tags it SYM
}

// perceptronScratch is one call's working space.
type perceptronScratch struct {
	scores [256]float32 // by class; indexed by uint8, so without bounds checks
	ctx    []int32      // entry ids of the normalised words, padded by two at each end
	suf    []int32      // suffix ids of the same
	raw    []int32      // entry ids of the words as written
	rsuf   []int32      // suffix ids of the same
	buf    []byte       // a lower-cased word
	// memo holds what read finds of the words of the model it has seen,
	// in this scratch's earlier calls too: a document repeats most of its
	// words, and a small map of them stays in the processor's caches
	// where the model's lexicon and entries do not. Its keys are the
	// lexicon's own strings, so it holds no document's text and costs no
	// allocation; a word unknown to the model is looked up each time. It
	// is emptied when it reaches maxMemo words.
	memo map[string]formIDs
}

// formIDs is what read finds of one form: its entry and suffix ids as
// written and normalised, a function of the form alone.
type formIDs struct{ raw, rsuf, ctx, suf int32 }

// maxMemo bounds perceptronScratch.memo: about 500 kB of map, the words
// of a long document.
const maxMemo = 1 << 13

// TagTokens sets the Tag of each token to prose v3's tag for its Text, the
// tokens being one sentence: the tag tag.Tagger.TagTokens gives.
//
// As in prose, a token is tagged without the model when it is "-" (tag
// "-"), an emoticon (SYM), an @-name (NN), a Penn Treebank trace such as
// "*T*-1" (-NONE-), a bracket literal such as "-LRB-" (itself) or a word
// of the model's tag map (its tag); otherwise the model scores the 14
// features of Honnibal's "A Good Part-of-Speech Tagger in about 200 Lines
// of Python" (2013) over the words prose normalises (lower case, !HYPHEN,
// !YEAR, !DIGITS) and the two tags before, and the best class wins, ties
// going to the lowest class id. An empty slice is left alone.
func (p *perceptron) TagTokens(toks []token.Token) {
	if len(toks) == 0 {
		return
	}
	s := p.pool.Get().(*perceptronScratch)
	p.tagWith(s, toks)
	p.pool.Put(s)
}

// tagWith is TagTokens with the scratch space s.
func (p *perceptron) tagWith(s *perceptronScratch, toks []token.Token) {
	p.read(s, toks)
	p1, p2 := p.startTag, p.start2Tag
	for i := range toks {
		w := toks[i].Text
		tag, id := p.rule(w, s.raw[i])
		if id < 0 {
			id = p.predict(s, i+2, w, p1, p2)
			tag = p.classes[id]
		}
		toks[i].Tag = tag
		p2, p1 = p1, id
	}
}

// read interns the words of a sentence into s: the entry of each word as
// written (s.raw[i]) and the entry and suffix ids of each normalised word,
// with prose's two sentinels at each end (s.ctx[i+2], s.suf[i+2]).
func (p *perceptron) read(s *perceptronScratch, toks []token.Token) {
	n := len(toks)
	if cap(s.ctx) < n+4 {
		s.ctx, s.suf, s.raw = make([]int32, n+4), make([]int32, n+4), make([]int32, n+4)
	}
	if cap(s.rsuf) < n {
		s.rsuf = make([]int32, n)
	}
	s.ctx, s.suf, s.raw, s.rsuf = s.ctx[:n+4], s.suf[:n+4], s.raw[:n], s.rsuf[:n]
	s.ctx[0], s.ctx[1], s.ctx[n+2], s.ctx[n+3] = p.start, p.start2, p.end, p.end2
	for _, k := range [...]int{0, 1, n + 2, n + 3} {
		s.suf[k] = p.entries[s.ctx[k]].suffix
	}
	for i := range toks {
		w := toks[i].Text
		f, ok := s.memo[w]
		if !ok {
			f = p.form(w, &s.buf)
			if f.raw != 0 { // a word of the model: its own string is the key
				if s.memo == nil {
					s.memo = make(map[string]formIDs)
				} else if len(s.memo) >= maxMemo {
					clear(s.memo)
				}
				s.memo[p.words[f.raw]] = f
			}
		}
		s.raw[i], s.rsuf[i], s.ctx[i+2], s.suf[i+2] = f.raw, f.rsuf, f.ctx, f.suf
	}
}

// form looks w up in the model: its entry and suffix ids as written and
// normalised.
func (p *perceptron) form(w string, buf *[]byte) formIDs {
	f := formIDs{raw: p.lexicon[w]}
	f.rsuf = p.entries[f.raw].suffix
	if f.raw == 0 {
		f.rsuf = p.suffixes[packSuffix(w)]
	}
	f.ctx, f.suf = p.normal(w, f.raw, buf)
	return f
}

// rule is the tag prose gives w (whose entry is e) without the model, and
// its tag id; id is -1 when the model decides.
func (p *perceptron) rule(w string, e int32) (tag string, id int32) {
	switch {
	case w == "-":
		return "-", p.dashTag
	case p.entries[e].emoticon:
		return "SYM", p.symTag
	case strings.HasPrefix(w, "@"):
		return "NN", p.nnTag
	case w == "0" || strings.HasPrefix(w, "*") && perceptronNone.MatchString(w):
		return "-NONE-", p.noneTag
	case len(w) == 5 && w[0] == '-' && w[4] == '-' && upper3(w[1:4]):
		if id, ok := p.tagIDs[w]; ok {
			return w, id
		}
		return w, p.nTags
	case p.entries[e].fixed >= 0:
		c := p.entries[e].fixed
		return p.classes[c], int32(c)
	}
	return "", -1
}

// upper3 reports whether s is three ASCII capitals, the middle of prose's
// bracket literals (^\-[A-Z]{3}\-$).
func upper3(s string) bool {
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// predict scores the features of the word at ctx[k], which is w as written
// (its entry and suffix read into s), after the tags p1 and p2, and
// returns the best class.
//
// The features are added in prose's order, so each class's score is the
// same float32 sum as prose's (float addition is not associative).
func (p *perceptron) predict(s *perceptronScratch, k int, w string, p1, p2 int32) int32 {
	sc := &s.scores
	clear(sc[:len(p.classes)])
	p.add(sc, p.bias)
	p.add(sc, p.suffix[s.rsuf[k-2]][suffixI])
	if w == "" {
		p.add(sc, p.pref1[256])
	} else {
		p.add(sc, p.pref1[w[0]])
	}
	p.add(sc, p.prevTag[p1])
	p.add(sc, p.prev2[p2])
	p.add(sc, p.tagPair[p1*(p.nTags+1)+p2])
	cur := &p.entries[s.ctx[k]]
	p.add(sc, cur.word[wordI])
	for _, tf := range p.wordTag[cur.tagLo:cur.tagHi] {
		if tf.tag >= p1 {
			if tf.tag == p1 {
				p.add(sc, tf.feature)
			}
			break
		}
	}
	p.add(sc, p.entries[s.ctx[k-1]].word[wordPrev])
	p.add(sc, p.suffix[s.suf[k-1]][suffixPrev])
	p.add(sc, p.entries[s.ctx[k-2]].word[wordPrev2])
	p.add(sc, p.entries[s.ctx[k+1]].word[wordNext])
	p.add(sc, p.suffix[s.suf[k+1]][suffixNext])
	p.add(sc, p.entries[s.ctx[k+2]].word[wordNext2])

	best, id := float32(math.Inf(-1)), int32(0)
	for c, v := range sc[:len(p.classes)] {
		if v > best {
			best, id = v, int32(c)
		}
	}
	return id
}

// add adds feature f's weights to the scores.
func (p *perceptron) add(sc *[256]float32, f span) {
	for _, w := range p.pairs[f.lo:f.hi] {
		sc[w.class] += w.w
	}
}

// normal returns the entry and suffix ids of prose's normalised form of w
// (whose own entry is e): "!HYPHEN" for a word with an inner hyphen,
// "!YEAR" for four digits (with an optional sign), "!DIGITS" for a word
// that starts with a digit, else w in lower case (strings.ToLower). buf is
// scratch space for the lower case.
func (p *perceptron) normal(w string, e int32, buf *[]byte) (entry, suffix int32) {
	switch {
	case w == "":
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		e = p.hyphen
		return e, p.entries[e].suffix
	case len(w) == 4 && isDecimalInt(w):
		e = p.year
		return e, p.entries[e].suffix
	case w[0] >= '0' && w[0] <= '9':
		e = p.digits
		return e, p.entries[e].suffix
	default:
		if b := lower((*buf)[:0], w); b != nil {
			*buf = b
			if string(b) != w {
				if e = p.lexicon[string(b)]; e == 0 {
					return 0, p.suffixes[packSuffix(b)]
				}
				return e, p.entries[e].suffix
			}
		}
	}
	if e == 0 {
		return 0, p.suffixes[packSuffix(w)]
	}
	return e, p.entries[e].suffix
}

// lower appends strings.ToLower(w) to b, or returns nil when w is lower
// case ASCII already. Like strings.ToLower it lowers rune by rune with
// unicode.ToLower and writes U+FFFD for a byte that is not UTF-8.
func lower(b []byte, w string) []byte {
	i := 0
	for i < len(w) && w[i] < utf8.RuneSelf && (w[i] < 'A' || w[i] > 'Z') {
		i++
	}
	if i == len(w) {
		return nil
	}
	b = append(b, w[:i]...)
	for _, r := range w[i:] {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// isDecimalInt reports whether s is what strconv.Atoi accepts: an optional
// sign and at least one ASCII digit (prose's test for a year).
func isDecimalInt(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// perceptronNone is the pattern of the Penn Treebank traces and elisions
// that prose tags -NONE- (prose/v3 tag/tag.go, noneRe).
var perceptronNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)

// perceptronEmoticons are the emoticons prose tags SYM (prose/v3
// internal/emoticon, v3.2.3, MIT licence), which prose does not export.
// TestPerceptronEmoticons compares them with prose's source.
var perceptronEmoticons = []string{
	"(-8", "(-;", "(-_-)", "(._.)", "(:", "(=", "(o:", "(¬_¬)", "(ಠ_ಠ)", "(╯°□°）╯︵┻━┻",
	"-__-", "8-)", "8-D", "8D", ":(", ":((", ":(((", ":()", ":)))", ":-)", ":-))", ":-)))",
	":-*", ":-/", ":-X", ":-]", ":-o", ":-p", ":-x", ":-|", ":-}", ":0", ":3", ":P", ":]",
	":`(", ":`)", ":`-(", ":o", ":o)", "=(", "=)", "=D", "=|", "@_@", "O.o", "O_o", "V_V",
	"XDD", "[-:", "^___^", "o_0", "o_O", "o_o", "v_v", "xD", "xDD", "¯\\(ツ)/¯",
}
