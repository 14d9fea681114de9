package stylometry

import (
	"fmt"
	"math"

	"github.com/stylometer/stylometer/analysis"
)

// Rolling attribution, as stylo's rolling.classify() (Eder 2016, "Rolling
// stylometry", Digital Scholarship in the Humanities 31(3)): windows of a
// text slide through it and each window is attributed by Delta against
// reference texts, so that a change of hand along the text shows as a
// change of the winning label. Here every document takes its turn as the
// text rolled through: an unlabelled one (a disputed text, stylo's case)
// against every labelled document (whole), a labelled one against the
// other labelled documents, as a check of the method on texts of known
// hand.

// RollingText is one document for Roll: its word counts over Words words
// (the whole document trains the attribution of the other documents'
// windows), its label ("": neither a reference text nor rolled through)
// and its windows.
type RollingText struct {
	ID      string
	Label   string
	Words   int
	Counts  analysis.TermCounts
	Windows []Window
}

// Window is the words [Start, End) of a document, counted from 0, with
// their counts.
type Window struct {
	Start, End int
	Counts     analysis.TermCounts
}

// RollingOptions configure Roll.
type RollingOptions struct {
	// MFW and Culling choose the features: the MFW most frequent words of
	// the texts (whole) present in at least Culling per cent of them, as
	// the default setting of the grid chooses them.
	MFW     int
	Culling float64
	// Size and Step are the windows' length and the words between their
	// starts, recorded in the result (the texts' Windows are already cut).
	Size, Step int
	// MaxMatrix is the most texts Roll runs on (0: no limit): every window
	// is measured against every other text.
	MaxMatrix int
	// Run spreads the documents over cores; nil runs them in order. The
	// result never depends on it.
	Run analysis.Runner
	// Monitor is told of the step "rolling" and of the documents done, and
	// stops Roll when it says so: the result is then incomplete, to be
	// discarded (analysis.Monitor; nil: never stops).
	Monitor analysis.Monitor
}

// Rolling is the rolling attribution of every document with windows.
type Rolling struct {
	Size, Step int
	Setting    Setting  // word:1, the features used and the culling
	Features   []string // the features, in rank order
	Docs       []RollingDoc
	Warnings   []string
}

// RollingDoc is one document rolled through: Text indexes Roll's texts.
// Unattributable says that no other text has its label, so that no window
// can be given it.
type RollingDoc struct {
	Text           int
	Unattributable bool
	Windows        []RollingWindow
}

// RollingWindow is one window attributed: every label of the reference
// texts with the Delta distance of its nearest text (Item indexes Roll's
// texts), closest first (analysis.TrainedDelta.Classify).
type RollingWindow struct {
	Start, End int
	Candidates []analysis.Candidate
}

// Predicted is the window's label and distance: its first candidate.
func (w RollingWindow) Predicted() analysis.Candidate { return w.candidate(0) }

// RunnerUp is the second label and its distance (an empty label and NaN
// with one label).
func (w RollingWindow) RunnerUp() analysis.Candidate { return w.candidate(1) }

// Margin is the runner-up's distance minus the predicted label's: how far
// ahead the window's attribution is (NaN with one label).
func (w RollingWindow) Margin() float64 { return w.RunnerUp().Distance - w.Predicted().Distance }

func (w RollingWindow) candidate(k int) analysis.Candidate {
	if k < len(w.Candidates) {
		return w.Candidates[k]
	}
	return analysis.Candidate{Distance: math.NaN(), Item: -1}
}

// Roll attributes the windows of every text: the reference set of an
// unlabelled text is every labelled text, whole, and that of a labelled
// text every other labelled text; the features are the word:1 MFW of all
// the texts (whole) at opt.MFW and opt.Culling, the same for every
// document; each window is scaled by the reference texts' means and
// standard deviations and given the label of its nearest reference text
// by Delta (analysis.TrainDelta: stylo's perform.delta with
// z.scores.both.sets = FALSE, as rolling.classify() calls it). Where stylo
// ranks the reference set's words alone, the features here are the
// corpus's, so that every document is rolled over the same words; the
// z-scores are the reference set's.
//
// Texts shorter than one window are not rolled through (named in
// Warnings); labelled texts are rolled through only with three labelled
// texts or more (two others to scale by), unlabelled ones with two or
// more; with fewer than two labelled texts, fewer than two features or
// more than opt.MaxMatrix texts nothing is rolled and a warning says why.
func Roll(texts []RollingText, opt RollingOptions) *Rolling {
	r := &Rolling{Size: opt.Size, Step: opt.Step}
	tr := opt.Monitor.Begin("rolling")
	var labelled []int
	for i, t := range texts {
		if t.Label != "" {
			labelled = append(labelled, i)
		}
	}
	switch {
	case opt.MaxMatrix > 0 && len(texts) > opt.MaxMatrix:
		r.Warnings = append(r.Warnings, fmt.Sprintf("--rolling: %d texts, more than %d (--max-matrix): rolling attribution not run (each window is measured against every other text)", len(texts), opt.MaxMatrix))
		return r
	case len(labelled) < 2:
		r.Warnings = append(r.Warnings, fmt.Sprintf("--rolling: %d labelled documents: rolling attribution needs at least 2 (the reference texts a window is scaled by and compared with)", len(labelled)))
		return r
	}
	counts := make([]analysis.TermCounts, len(texts))
	totals := make([]float64, len(texts))
	for i, t := range texts {
		counts[i], totals[i] = t.Counts, float64(t.Words)
	}
	vocab := analysis.NewVocabulary(counts)
	keep := vocab.Culled(opt.Culling)
	keep = keep[:min(opt.MFW, len(keep))]
	table := vocab.Table(make([]string, len(texts)), counts, totals, keep)
	r.Features = table.Features
	r.Setting = Setting{Feature: "word:1", MFW: len(keep), Culling: opt.Culling}
	if len(keep) < 2 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("--rolling: %d features at %d MFW and culling %g%%: rolling attribution needs two or more", len(keep), opt.MFW, opt.Culling))
		return r
	}
	freq := analysis.RelFreq(nil, table)
	byLabel := map[string]int{}
	for _, i := range labelled {
		byLabel[texts[i].Label]++
	}
	var short []string
	for i, t := range texts {
		switch {
		case t.Label != "" && len(labelled) < 3:
			continue // with one other labelled text to scale by: see below
		case len(t.Windows) == 0:
			short = append(short, fmt.Sprintf("%s: %d words, shorter than one window of %d: not rolled through", t.ID, t.Words, opt.Size))
			continue
		}
		r.Docs = append(r.Docs, RollingDoc{Text: i, Unattributable: t.Label != "" && byLabel[t.Label] < 2})
	}
	if len(labelled) < 3 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("--rolling: %d labelled documents: the labelled ones are not rolled through (each needs two others); unlabelled ones are", len(labelled)))
	}
	r.Warnings = appendNotes(r.Warnings, short, "more documents shorter than one window: not rolled through")
	tr.Count("", "documents", len(r.Docs))
	task := func(k int) {
		if tr.Stopped() {
			return
		}
		doc := &r.Docs[k]
		t := texts[doc.Text]
		var rows []int
		var labels []string
		for _, i := range labelled {
			if i != doc.Text {
				rows, labels = append(rows, i), append(labels, texts[i].Label)
			}
		}
		model := analysis.TrainDelta(freq, rows, labels)
		wc := make([]analysis.TermCounts, len(t.Windows))
		wt := make([]float64, len(t.Windows))
		for w, win := range t.Windows {
			wc[w], wt[w] = win.Counts, float64(win.End-win.Start)
		}
		wf := analysis.RelFreq(nil, vocab.Table(make([]string, len(wc)), wc, wt, keep))
		doc.Windows = make([]RollingWindow, len(t.Windows))
		for w, win := range t.Windows {
			doc.Windows[w] = RollingWindow{Start: win.Start, End: win.End, Candidates: model.Classify(wf.RawRowView(w))}
		}
		tr.Add(1)
	}
	if opt.Run == nil {
		for k := range r.Docs {
			task(k)
		}
	} else {
		opt.Run(len(r.Docs), task)
	}
	return r
}
