package chart

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// niceTicks is a plot.Ticker for continuous axes: labelled ticks every
// 1, 2 or 5 × 10^k, the smallest such step giving at most 7 labels (so
// usually 3 to 7), with as many decimals as the step needs (0.5 → "1.5",
// 0.05 → "0.15", 50 → "150"), and unlabelled minor ticks halfway between
// them. gonum's plot.DefaultTicks labels only 2 or 3 ticks with a
// fixed precision ("0.00", "2.50") on short ranges.
type niceTicks struct{}

// Ticks returns the ticks of [lo, hi]: for an empty range one tick at lo,
// for a non-finite one none.
func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	switch {
	case math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0):
		return nil
	case hi <= lo:
		return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}}
	}
	const maxLabels = 7
	mag := math.Pow(10, math.Floor(math.Log10((hi-lo)/maxLabels)))
	var step float64
	decimals := 0
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * mag
		if math.Floor(hi/step)-math.Ceil(lo/step)+1 <= maxLabels {
			decimals = max(0, -int(math.Floor(math.Log10(step)+1e-9)))
			break
		}
	}
	var ticks []plot.Tick
	first := math.Ceil(lo/step-1e-9) - 1 // one minor tick below the first label
	for i := first; i*step <= hi+step*1e-9; i++ {
		v := i * step
		if v >= lo-step*1e-9 {
			if v == 0 {
				v = 0 // not -0
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', decimals, 64)})
		}
		if m := v + step/2; m >= lo && m <= hi {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	return ticks
}
