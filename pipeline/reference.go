package pipeline

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/stylometer/stylometer/analysis/framing"
)

// LoadReference reads the background corpus that keyness compares with
// (Options.Reference): a frequency list when path is a .csv or .tsv file
// (a header row with the columns term and count; each term made a term as
// the corpus's are, by Canon.Term, and repeated terms summed; its words
// are the sum of the counts), or else a folder or file of texts, profiled
// as the corpus is (the same options and cache) and pooled: the words
// keyness counts (content words, or all with Options.AllWords) and every
// word token. A text not in English (Options.LanguageOf) is left out of a
// comparison of content words, as the corpus's are. The texts it could not
// read come back as failures, as Profile's do; an unreadable or malformed
// list is an option error.
func LoadReference(ctx context.Context, path string, o Options) (*framing.Reference, []Failure, error) {
	o = o.withDefaults()
	ref := &framing.Reference{Name: filepath.Base(filepath.Clean(path)), Terms: map[string]int{}}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".csv" || ext == ".tsv" {
		return ref, nil, readFrequencyList(ref, path, ext == ".tsv", o)
	}
	c, err := OpenCorpus([]string{path}, "")
	if err != nil {
		return nil, nil, optErr("framing.reference", path, "%v", err)
	}
	o.GroupBy, o.Label, o.Time = nil, "", ""
	o.Progress = nil
	p, err := profile(ctx, c, o, false) // never quoted: no word index
	if err != nil {
		return nil, nil, err
	}
	foreign := 0
	for _, d := range p.Docs {
		terms := d.Profile.Content
		switch {
		case o.AllWords:
			terms = d.Profile.Terms
		case o.LanguageOf(d.Profile) != English:
			foreign++
			continue // no content words to compare (see Options.Language)
		}
		for t, n := range terms.All() {
			ref.Terms[t] += n
		}
		switch {
		case o.TermTotals && !o.AllWords:
			ref.Words += d.Profile.ContentWords // the keyness total: see Options.TermTotals
		default:
			ref.Words += d.Profile.Words
		}
	}
	if ref.Words == 0 && foreign > 0 {
		return nil, p.Failures, optErr("framing.reference", path, "its %d texts read are not in English: they have no content words to compare (--all-words compares all words)", foreign)
	}
	if ref.Words == 0 {
		return nil, p.Failures, optErr("framing.reference", path, "no words could be read from it (%d texts failed)", len(p.Failures))
	}
	return ref, p.Failures, nil
}

// readFrequencyList fills ref from a term,count list.
func readFrequencyList(ref *framing.Reference, path string, tsv bool, o Options) error {
	f, err := os.Open(path)
	if err != nil {
		return optErr("framing.reference", path, "cannot be read: %v", errors.Unwrap(err))
	}
	defer f.Close()
	r := csv.NewReader(f)
	if tsv {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return optErr("framing.reference", path, "want a header row term,count: %v", err)
	}
	term, count := -1, -1
	for i, h := range head {
		switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		case "term", "word":
			term = i
		case "count", "freq", "frequency", "n":
			count = i
		}
	}
	if term < 0 || count < 0 {
		return optErr("framing.reference", path, "want a header row naming the columns term and count (it has: %s)", strings.Join(head, ", "))
	}
	canon := &Canon{KeepCase: o.Text.KeepCase} // only Term: no boilerplate rules to compile
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return optErr("framing.reference", path, "line %d: %v", line, err)
		}
		if len(rec) <= max(term, count) {
			return optErr("framing.reference", path, "line %d: %d fields, want at least %d", line, len(rec), max(term, count)+1)
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[count]))
		if err != nil || n < 0 {
			return optErr("framing.reference", path, "line %d: count %q is not a whole number of 0 or more", line, rec[count])
		}
		t := canon.Term(strings.TrimSpace(rec[term]))
		if t == "" {
			continue
		}
		ref.Terms[t] += n
		ref.Words += n
	}
	if ref.Words == 0 {
		return optErr("framing.reference", path, "the list counts no words")
	}
	return nil
}
