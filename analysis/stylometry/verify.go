package stylometry

import (
	"maps"
	"math/rand/v2"
	"slices"

	"github.com/stylometer/stylometer/analysis"
)

// Verification is the General Imposters score (analysis.ImpostersScore)
// of one text for one candidate label: the candidate's texts are the
// other documents with the label, the imposters every other document with
// another label. Known says the text has a label, and Truth whether it is
// Candidate.
type Verification struct {
	Item         int
	Candidate    string
	Score        float64
	Known, Truth bool
}

// impostersSeed seeds the draws; each text and candidate has its own
// stream, so the scores do not depend on the order they are computed in.
const impostersSeed = 2014

// verify scores every text against every label held by another document,
// with the default setting's relative frequencies, and calibrates the
// verdicts on the labelled texts (analysis.CalibrateImposters). It counts
// the texts done (opt.Monitor) and reports whether to go on.
func (r *Result) verify(texts []Text, opt Options, docs []int) bool {
	held := map[string]bool{}
	for _, l := range r.Labels {
		if l != "" {
			held[l] = true
		}
	}
	labels := slices.Sorted(maps.Keys(held))
	o := analysis.DefaultImposters
	o.Iterations = opt.Imposters
	per := make([][]Verification, len(texts))
	tr := opt.Monitor.Begin("imposters")
	tr.Count("", "texts", len(texts))
	task := func(i int) {
		for c, l := range labels {
			if tr.Stopped() {
				return
			}
			var cand, imp []int
			for j, lj := range r.Labels {
				switch {
				case lj == "" || docs[j] == docs[i]:
				case lj == l:
					cand = append(cand, j)
				default:
					imp = append(imp, j)
				}
			}
			if len(cand) == 0 || len(imp) == 0 {
				continue
			}
			rng := rand.New(rand.NewPCG(impostersSeed, uint64(i)<<20|uint64(c)))
			per[i] = append(per[i], Verification{
				Item: i, Candidate: l,
				Score: analysis.ImpostersScore(r.Freq, i, cand, imp, o, rng),
				Known: r.Labels[i] != "", Truth: r.Labels[i] == l,
			})
		}
		tr.Add(1)
	}
	if opt.Run == nil {
		for i := range texts {
			task(i)
		}
	} else {
		opt.Run(len(texts), task)
	}
	if tr.Stopped() {
		return false
	}
	var scores []float64
	var truth []bool
	for _, v := range per {
		r.Verification = append(r.Verification, v...)
		for _, x := range v {
			if x.Known {
				scores, truth = append(scores, x.Score), append(truth, x.Truth)
			}
		}
	}
	if len(scores) > 0 {
		c := analysis.CalibrateImposters(scores, truth)
		r.Calibration = &c
	}
	return true
}
