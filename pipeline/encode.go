package pipeline

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"maps"
	"slices"

	"github.com/stylometer/stylometer/analysis"
)

// profileWire is a DocProfile with every map turned into a sorted slice,
// so that its gob encoding is the same bytes for the same profile (gob
// writes maps in Go's random order). It is the profile of the cache's
// entries and of the part files.
type profileWire struct {
	Words, Punctuation, Sentences, Boilerplate int
	Terms, Content, POS                        analysis.TermCounts
	Features                                   []namedCounts
	SentenceLengths                            []int
	WordLengths                                [][2]int // length, words; ascending length
	Letters                                    int
	Diversity                                  analysis.Diversity
	Readability                                analysis.ReadabilityScores
	ReadabilityCounts                          analysis.ReadabilityCounts
	ContentWords                               int
	Samples                                    []sampleWire
	Windows                                    []Window
	Slices                                     int
	SlicePresence                              analysis.TermCounts
	Targets                                    []TargetProfile
}

type namedCounts struct {
	Name   string
	Counts analysis.TermCounts
}

type sampleWire struct {
	Words    int
	Terms    analysis.TermCounts
	Features []namedCounts
}

func featuresWire(m map[string]analysis.TermCounts) []namedCounts {
	var out []namedCounts
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, namedCounts{k, m[k]})
	}
	return out
}

func featuresMap(w []namedCounts) map[string]analysis.TermCounts {
	if w == nil {
		return nil
	}
	m := make(map[string]analysis.TermCounts, len(w))
	for _, f := range w {
		m[f.Name] = f.Counts
	}
	return m
}

// MarshalBinary encodes p deterministically: the same profile gives the
// same bytes, whatever the process or the order its terms were first seen
// in (gob of profileWire; term counts as analysis.TermCounts encodes
// them).
func (p *DocProfile) MarshalBinary() ([]byte, error) {
	w := profileWire{
		Words: p.Words, Punctuation: p.Punctuation, Sentences: p.Sentences, Boilerplate: p.Boilerplate,
		Terms: p.Terms, Content: p.Content, POS: p.POS, Features: featuresWire(p.Features),
		SentenceLengths: p.SentenceLengths, Letters: p.Letters,
		Diversity: p.Diversity, Readability: p.Readability, ReadabilityCounts: p.ReadabilityCounts,
		ContentWords: p.ContentWords, Windows: p.Windows, Slices: p.Slices, SlicePresence: p.SlicePresence, Targets: p.Targets,
	}
	for n, k := range p.WordLengths {
		w.WordLengths = append(w.WordLengths, [2]int{n, k})
	}
	slices.SortFunc(w.WordLengths, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	for _, s := range p.Samples {
		w.Samples = append(w.Samples, sampleWire{s.Words, s.Terms, featuresWire(s.Features)})
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(w)
	return b.Bytes(), err
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (p *DocProfile) UnmarshalBinary(b []byte) error {
	var w profileWire
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&w); err != nil {
		return err
	}
	*p = DocProfile{
		Words: w.Words, Punctuation: w.Punctuation, Sentences: w.Sentences, Boilerplate: w.Boilerplate,
		Terms: w.Terms, Content: w.Content, POS: w.POS, Features: featuresMap(w.Features),
		SentenceLengths: w.SentenceLengths, WordLengths: map[int]int{}, Letters: w.Letters,
		Diversity: w.Diversity, Readability: w.Readability, ReadabilityCounts: w.ReadabilityCounts,
		ContentWords: w.ContentWords, Windows: w.Windows, Slices: w.Slices, SlicePresence: w.SlicePresence, Targets: w.Targets,
	}
	for _, wl := range w.WordLengths {
		p.WordLengths[wl[0]] = wl[1]
	}
	for _, s := range w.Samples {
		p.Samples = append(p.Samples, Sample{Words: s.Words, Terms: s.Terms, Features: featuresMap(s.Features)})
	}
	return nil
}
