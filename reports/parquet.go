package reports

import (
	"io"
	"math"

	"github.com/parquet-go/parquet-go"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/pipeline"
)

// The long tables in Parquet (--format parquet): the same columns as their
// CSV, typed (strings, 64-bit integers, doubles; an undefined value is
// NaN), Zstandard-compressed, one row group per 64k rows, readable by
// pandas, polars, DuckDB and Spark with no options.

type termRow struct {
	DocID   string  `parquet:"doc_id"`
	Term    string  `parquet:"term"`
	Count   int64   `parquet:"count"`
	RelFreq float64 `parquet:"rel_freq"`
	TFIDF   float64 `parquet:"tfidf"`
}

type keynessRow struct {
	Scope         string  `parquet:"scope"`
	Target        string  `parquet:"target"`
	Reference     string  `parquet:"reference"`
	Term          string  `parquet:"term"`
	NTarget       float64 `parquet:"n_target"`
	NReference    float64 `parquet:"n_reference"`
	RateTarget    float64 `parquet:"rate_target"`
	RateReference float64 `parquet:"rate_reference"`
	G2            float64 `parquet:"g2"`
	P             float64 `parquet:"p"`
	PAdj          float64 `parquet:"p_adj"`
	Chi2          float64 `parquet:"chi2"`
	PMI           float64 `parquet:"pmi"`
	LogRatio      float64 `parquet:"log_ratio"`
	PctDiff       float64 `parquet:"pct_diff"`
	BIC           float64 `parquet:"bic"`
	ELL           float64 `parquet:"ell"`
	LogOdds       float64 `parquet:"log_odds"`
	LogOddsZ      float64 `parquet:"log_odds_z"`
	ZetaCraig     float64 `parquet:"zeta_craig"`
	ZetaEder      float64 `parquet:"zeta_eder"`
}

type distanceRow struct {
	Measure  string  `parquet:"measure"`
	Features string  `parquet:"features"`
	MFW      int64   `parquet:"mfw"`
	Culling  float64 `parquet:"culling"`
	DocA     string  `parquet:"doc_a"`
	DocB     string  `parquet:"doc_b"`
	Value    float64 `parquet:"value"`
}

type knnRow struct {
	Measure   string  `parquet:"measure"`
	DocID     string  `parquet:"doc_id"`
	Rank      int64   `parquet:"rank"`
	Neighbour string  `parquet:"neighbour"`
	Distance  float64 `parquet:"distance"`
}

type attributionRow struct {
	Measure       string  `parquet:"measure"`
	DocID         string  `parquet:"doc_id"`
	Label         string  `parquet:"label"`
	Predicted     string  `parquet:"predicted"`
	Correct       *bool   `parquet:"correct,optional"` // null for an unattributable text
	LabelRank     int64   `parquet:"label_rank"`
	Margin        float64 `parquet:"margin"`
	Attributable  bool    `parquet:"attributable"`
	CandidateRank int64   `parquet:"candidate_rank"`
	Candidate     string  `parquet:"candidate"`
	Distance      float64 `parquet:"distance"`
	Nearest       string  `parquet:"nearest"`
}

// parquetBatch is how many rows are buffered before a write.
const parquetBatch = 4096

// writeParquet streams the rows that each calls emit into w as Parquet
// and returns how many there were.
func writeParquet[T any](w io.Writer, each func(emit func(T))) (int, error) {
	pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Zstd), parquet.MaxRowsPerRowGroup(65536),
		parquet.CreatedBy("stylometer", "", ""))
	buf := make([]T, 0, parquetBatch)
	n := 0
	var err error
	flush := func() {
		if err == nil && len(buf) > 0 {
			_, err = pw.Write(buf)
		}
		buf = buf[:0]
	}
	each(func(r T) {
		buf = append(buf, r)
		n++
		if len(buf) == parquetBatch {
			flush()
		}
	})
	flush()
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	return n, err
}

func termsParquet(w io.Writer, st *pipeline.Study) (int, error) {
	return writeParquet(w, func(emit func(termRow)) {
		for i, d := range st.Docs {
			p := d.Profile
			for _, kv := range topCounts(p.Terms, st.TermRows()) {
				emit(termRow{d.ID, kv.key, int64(kv.n), float64(kv.n) / float64(p.Words), st.TFIDF.At(i, kv.key, kv.n)})
			}
		}
	})
}

func keynessParquet(w io.Writer, res []framing.KeynessResult) (int, error) {
	return writeParquet(w, func(emit func(keynessRow)) {
		for _, r := range res {
			for _, k := range r.Rows {
				emit(keynessRow{r.Scope.Kind, r.Scope.Target, r.Scope.Reference, k.Term, k.NTarget, k.NReference,
					k.RelTarget, k.RelReference, k.G2, k.P, k.PAdj, k.Chi2, k.PMI, k.LogRatio, k.PctDiff,
					k.BIC, k.ELL, k.LogOddsDelta, k.LogOddsZ, k.ZetaCraig, k.ZetaEder})
			}
		}
	})
}

func distancesParquet(w io.Writer, ids []string, sets []DistanceRow) (int, error) {
	return writeParquet(w, func(emit func(distanceRow)) {
		for _, s := range sets {
			for i := range ids {
				for j := i + 1; j < len(ids); j++ {
					emit(distanceRow{s.Measure, s.Features, int64(s.MFW), s.Culling, ids[i], ids[j], s.D.At(i, j)})
				}
			}
		}
	})
}

func knnParquet(w io.Writer, ids []string, measures []analysis.Measure, nb map[analysis.Measure][][]analysis.Neighbour) (int, error) {
	return writeParquet(w, func(emit func(knnRow)) {
		for _, m := range measures {
			for i, l := range nb[m] {
				for r, x := range l {
					emit(knnRow{string(m), ids[i], int64(r + 1), ids[x.Item], x.Distance})
				}
			}
		}
	})
}

// attributionParquet writes WriteAttribution's rows.
func attributionParquet(w io.Writer, ids []string, measures []string, res map[string][]analysis.Attribution) (int, error) {
	return writeParquet(w, func(emit func(attributionRow)) {
		for _, m := range measures {
			for _, a := range res[m] {
				row := attributionRow{Measure: m, DocID: ids[a.Item], Label: a.Label, Predicted: a.Predicted,
					LabelRank: int64(a.Rank), Margin: a.Margin(), Attributable: !a.Unattributable, Distance: math.NaN()}
				if !a.Unattributable {
					correct := a.Predicted == a.Label
					row.Correct = &correct
				}
				if len(a.Candidates) == 0 {
					emit(row)
					continue
				}
				for r, c := range a.Candidates {
					if r >= AttributionCandidates && r+1 != a.Rank {
						continue
					}
					row.CandidateRank, row.Candidate, row.Distance, row.Nearest = int64(r+1), c.Label, c.Distance, ""
					if c.Item >= 0 {
						row.Nearest = ids[c.Item]
					}
					emit(row)
				}
			}
		}
	})
}
