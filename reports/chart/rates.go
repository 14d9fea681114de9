package chart

import (
	"errors"
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Rates writes grouped horizontal bars of target-term rates across
// documents: one row per document (top to bottom in the order given), one
// bar per target within the row, coloured by target (Palette over the
// targets, or Options.Colors) with a legend; rates[t][d] is the rate of
// targets[t] in docs[d]. Labels are thinned when they would overlap and
// every bar has a tooltip. The x label defaults to "rate per 1,000
// tokens". It returns an error when rates is not len(targets)×len(docs),
// there are no documents or targets, or a rate is not finite.
func Rates(w io.Writer, docs, targets []string, rates [][]float64, opt Options) error {
	f, err := ratesFigure(docs, targets, rates, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func ratesFigure(docs, targets []string, rates [][]float64, opt Options) (figure, error) {
	n, k := len(docs), len(targets)
	if n == 0 || k == 0 {
		return figure{}, errors.New("rates: no documents or no targets")
	}
	if len(rates) != k {
		return figure{}, fmt.Errorf("rates: %d rows of rates for %d targets", len(rates), k)
	}
	for ti, r := range rates {
		if len(r) != n {
			return figure{}, fmt.Errorf("rates: target %q has %d rates for %d documents", targets[ti], len(r), n)
		}
		for _, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return figure{}, fmt.Errorf("rates: target %q has rate %v", targets[ti], v)
			}
		}
	}
	pal := groupColors(opt, targets)
	items := groupLegend(targets, pal)
	H := clampLen(vg.Length(n)*vg.Length(6+6*k)+3*vg.Centimeter, 6*vg.Centimeter, MaxSize)
	if opt.Title != "" {
		H += 20
	}
	thick := 0.8 / float64(k)
	pos := func(i int) float64 { return float64(n - 1 - i) }
	f := figure{w: opt.width() + legendWidth(items), h: H, draw: func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), items, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "rate per 1,000 tokens"), opt.YLabel)
		var bars []bar
		for d := range n {
			for ti := range k {
				// First target on top within the row.
				y := pos(d) + 0.4 - thick*(float64(ti)+0.5)
				bars = append(bars, bar{pos: y, val: rates[ti][d], c: colorOf(pal, targets[ti]),
					tip: fmt.Sprintf("%s, %s: %s", docs[d], targets[ti], val(rates[ti][d]))})
			}
		}
		p.Add(hbars{bars: bars, thick: thick * 0.9, tips: t}, zeroLine)
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.Y.Padding = 0
		p.Y.Tick.Marker = nominalTicks(docs, pos, 1)
		thinY(p, c, docs, pos)
		p.Draw(c)
	}}
	return f, nil
}
