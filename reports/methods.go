package reports

import (
	"strconv"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/stylometry"
)

// EvidenceTable is attribution_evidence.csv: for each text attributed by
// Delta, the features that pulled it towards the predicted label and
// those that pulled it towards the runner-up, with their shares of the
// two Delta distances.
func EvidenceTable(ids, features []string, ev []stylometry.Evidence) *Table {
	t := &Table{Header: []string{"doc_id", "predicted", "nearest", "runner_up", "runner_up_nearest", "direction", "rank", "feature", "to_predicted", "to_runner_up", "pull"}}
	for _, e := range ev {
		for dir, cs := range [][]analysis.Contribution{e.Pull, e.Push} {
			d := "towards predicted"
			if dir == 1 {
				d = "towards runner-up"
			}
			for r, c := range cs {
				t.Add(ids[e.Item], e.Predicted, ids[e.Candidate], e.RunnerUp, ids[e.Runner], d, Int(r+1), features[c.Feature], Float(c.Candidate), Float(c.Runner), Float(c.Pull))
			}
		}
	}
	return t
}

// VerificationTable is imposters.csv: each text's General Imposters score
// for each candidate label, whether the label is the text's own (empty
// for an unlabelled text) and the calibrated verdict.
func VerificationTable(ids []string, v []stylometry.Verification, c *analysis.Calibration) *Table {
	t := &Table{Header: []string{"doc_id", "candidate", "score", "own_label", "verdict"}}
	for _, x := range v {
		own, verdict := "", ""
		if x.Known {
			own = strconv.FormatBool(x.Truth)
		}
		if c != nil {
			verdict = c.Verdict(x.Score)
		}
		t.Add(ids[x.Item], x.Candidate, Float(x.Score), own, verdict)
	}
	return t
}

// verifyFiles gives attribution_evidence.csv (which 0), imposters.csv
// (1) or imposters_calibration.csv (2).
func verifyFiles(which int) func(st *study) []file {
	return func(st *study) []file {
		s := st.Stylometry
		switch {
		case which == 0 && len(s.Evidence) > 0:
			return []file{table("attribution_evidence.csv", EvidenceTable(s.IDs, s.Table.Features, s.Evidence))}
		case which == 1 && len(s.Verification) > 0:
			return []file{table("imposters.csv", VerificationTable(s.IDs, s.Verification, s.Calibration))}
		case which == 2 && s.Calibration != nil:
			c := s.Calibration
			t := &Table{Header: []string{"p1", "p2", "c_at_1", "cases", "iterations", "features", "imposters"}}
			t.Add(Float(c.P1), Float(c.P2), Float(c.C1), Int(c.Cases), Int(s.ImpostersRounds), Float(analysis.DefaultImposters.Features), Float(analysis.DefaultImposters.Imposters))
			return []file{table("imposters_calibration.csv", t)}
		}
		return nil
	}
}

// DifferentialTable is collocates_differential.csv: each target's
// collocates compared between two values of a grouping column.
func DifferentialTable(ds []framing.Differential) *Table {
	t := &Table{Header: []string{"target", "column", "group_a", "group_b", "collocate", "in_a", "in_b", "window_a", "window_b", "g2", "p", "p_adj", "log_ratio"}}
	for _, d := range ds {
		t.Add(d.Target, d.Column, d.A, d.B, d.Term, Float(d.NTarget), Float(d.NReference), Int(d.WindowA), Int(d.WindowB), Float(d.G2), Float(d.P), Float(d.PAdj), Float(d.LogRatio))
	}
	return t
}

// TrendsTable is trends.csv: each target's and lexicon category's rate
// per time bin and group, with Wilson's 95 % interval.
func TrendsTable(tr *framing.TimeResult) *Table {
	t := &Table{Header: []string{"kind", "item", "bin", "bin_start", "group", "docs", "count", "words", "per_10k", "low", "high"}}
	for _, x := range tr.Trends {
		t.Add(x.Kind, x.Item, framing.BinLabel(x.Bin, tr.Bin), Int(x.Bin), x.Group, Int(x.Docs), Int(x.Count), Int(x.Words), Float(x.Per10k), Float(x.Low), Float(x.High))
	}
	return t
}

// WithinTimeTable is keyness_within_time.csv: each group value's terms
// contrasted with the rest within time bins (Mantel–Haenszel), beside the
// naive contrast.
func WithinTimeTable(tr *framing.TimeResult) *Table {
	t := &Table{Header: []string{"column", "group", "term", "in_group", "in_rest", "mh_log_odds", "se", "ci_low", "ci_high", "cmh", "p", "p_adj", "strata", "naive_log_odds"}}
	for _, x := range tr.Within {
		t.Add(x.Column, x.Group, x.Term, Float(x.Target), Float(x.Reference), Float(x.LogOdds), Float(x.SE), Float(x.Low), Float(x.High), Float(x.CMH), Float(x.P), Float(x.PAdj), Int(x.Strata), Float(x.Naive))
	}
	return t
}

// framingMethodFiles gives collocates_differential.csv (which 0),
// trends.csv (1) or keyness_within_time.csv (2).
func framingMethodFiles(which int) func(st *study) []file {
	return func(st *study) []file {
		switch {
		case which == 0 && len(st.Differentials) > 0:
			return []file{table("collocates_differential.csv", DifferentialTable(st.Differentials))}
		case which == 1 && st.Time != nil && len(st.Time.Trends) > 0:
			return []file{table("trends.csv", TrendsTable(st.Time))}
		case which == 2 && st.Time != nil && len(st.Time.Within) > 0:
			return []file{table("keyness_within_time.csv", WithinTimeTable(st.Time))}
		}
		return nil
	}
}
