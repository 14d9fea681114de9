package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Rates writes grouped horizontal bars of target-term rates across
// documents: one row per document (top to bottom in the order given), one
// bar per target within the row (top to bottom in the order given),
// coloured by target (Palette over the targets, or Options.Colors) with a
// legend in the same order; rates[t][d] is the rate of targets[t] in
// docs[d]. Labels are thinned when they would overlap and
// every bar has a tooltip. The x label defaults to "rate per 1,000
// tokens".
//
// When the bars would be thinner than 3pt at the capped height (many
// documents × targets), or when there are more than 8 targets and no
// Options.Colors (a row of bars in nine or more colours is not read at a
// glance), the chart is instead
// a grid of tiles (documents down, targets across) coloured by rate on
// ColorBrewer Blues (Brewer 2003), dark = high, with a colour bar
// labelled by the x label, the value written in each tile when every
// value fits, and a tooltip per tile.
//
// It returns an error when rates is not len(targets)×len(docs), there are
// no documents or targets, or a rate is not finite.
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
	if barsTooThin(n, k) || opt.Colors == nil && len(sortedDistinct(targets)) > maxBarTargets {
		return rateTilesFigure(docs, targets, rates, opt, tileValue), nil
	}
	pal := groupColors(opt, targets)
	// The legend lists the targets in the order of the bars in a row.
	var lg legend
	for i, tg := range targets {
		if !slices.Contains(targets[:i], tg) {
			lg.items = append(lg.items, legendItem{name: tg, c: colorOf(pal, tg)})
		}
	}
	H := clampLen(ratesHeight(n, k), 6*vg.Centimeter, MaxSize)
	if opt.Title != "" {
		H += 20
	}
	thick := 0.8 / float64(k)
	pos := func(i int) float64 { return float64(n - 1 - i) }
	f := figure{w: opt.width() + lg.width(H), h: H, draw: func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
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

// maxBarTargets is the most targets Rates draws as grouped bars by
// default: past it, a row of bars in as many colours is not read at a
// glance, and the chart is tiles.
const maxBarTargets = 8

// ratesHeight is the height grouped bars want: 6pt a bar and 6pt between
// documents, plus fixed room.
func ratesHeight(n, k int) vg.Length {
	return vg.Length(n)*vg.Length(6+6*k) + 3*vg.Centimeter
}

// minBar is the thinnest bar Rates draws (points); thinner, it draws tiles.
const minBar = 3

// barsTooThin reports whether n×k grouped bars squeezed into MaxSize would
// be thinner than minBar.
func barsTooThin(n, k int) bool {
	if ratesHeight(n, k) <= MaxSize {
		return false
	}
	data := MaxSize - 3*vg.Centimeter
	return data/vg.Length(n)*0.8/vg.Length(k)*0.9 < minBar
}

// tileValue formats a rate written in its tile: no decimals from 10 up,
// one below.
func tileValue(v float64) string {
	if math.Abs(v) >= 10 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// rateGrid adapts rates[t][d] to plotter.GridXYZ: column c is target c,
// row r is document n-1-r, so the first document is drawn at the top.
type rateGrid struct {
	rates [][]float64
	n     int
}

func (g rateGrid) Dims() (c, r int)   { return len(g.rates), g.n }
func (g rateGrid) Z(c, r int) float64 { return g.rates[c][g.n-1-r] }
func (g rateGrid) X(c int) float64    { return float64(c) }
func (g rateGrid) Y(r int) float64    { return float64(r) }

// ratePalette is ColorBrewer Blues (Brewer 2003): light = low rate.
func ratePalette() palette.Palette {
	p, err := brewer.GetPalette(brewer.TypeSequential, "Blues", 9)
	if err != nil {
		panic(err) // a fixed, existing palette
	}
	return p
}

// tileRow is the height of a document's row of tiles (points) before the
// canvas reaches its cap or its minimum.
const tileRow = 4

func rateTilesFigure(docs, targets []string, rates [][]float64, opt Options, format func(float64) string) figure {
	n, k := len(docs), len(targets)
	lo, hi := 0.0, 0.0
	for _, r := range rates {
		for _, v := range r {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi <= lo {
		hi = lo + 1
	}
	pal := ratePalette()
	const barCol = 75 // points: colour bar and its labels
	W := max(opt.width(), vg.Length(k)*16+maxWidth(docs)+barCol+4*vg.Centimeter)
	H := clampLen(vg.Length(n)*tileRow+maxWidth(targets)+3*vg.Centimeter, 8*vg.Centimeter, MaxSize)
	if opt.Title != "" {
		H += 20
	}
	pos := func(i int) float64 { return float64(n - 1 - i) }
	paint := func(c draw.Canvas, t *tips) {
		c = margin(c, 6)
		main := draw.Crop(c, 0, -barCol, 0, 0)
		p := newPlot(opt.Title, "", opt.YLabel)
		p.X.Padding, p.Y.Padding = 0, 0
		h := plotter.NewHeatMap(rateGrid{rates: rates, n: n}, pal)
		h.Min, h.Max = lo, hi
		h.Rasterized = n > rasterLimit // no seams between hundreds of rows
		p.Add(cornerGlyphs{h})
		p.X.Min, p.X.Max = -0.5, float64(k)-0.5
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		xpos := func(i int) float64 { return float64(i) }
		p.X.Tick.Marker = nominalTicks(targets, xpos, 1)
		p.Y.Tick.Marker = nominalTicks(docs, pos, 1)
		dc := p.DataCanvas(main)
		if maxWidth(targets) > 0.9*(dc.Max.X-dc.Min.X)/vg.Length(k) {
			rotate(&p.X)
			dc = p.DataCanvas(main)
		}
		p.X.Tick.Marker = nominalTicks(targets, xpos, thinStep(k, dc.Max.X-dc.Min.X, labelHeight()))
		padRotated(&p.X)
		thinY(p, main, docs, pos)
		dc = p.DataCanvas(main)
		p.Draw(main)
		colorBar(c, main.Max.X+8, dc, lo, hi, pal, orDefault(opt.XLabel, "rate per 1,000 tokens"))

		cw := (dc.Max.X - dc.Min.X) / vg.Length(k)
		ch := (dc.Max.Y - dc.Min.Y) / vg.Length(n)
		sty := style(tickSize)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		// Values are written in the tiles when every one fits.
		written := ch >= labelHeight()*1.3
		for _, r := range rates {
			for _, v := range r {
				written = written && sty.Width(format(v))+4 <= cw
			}
		}
		for d := range n {
			y0 := dc.Max.Y - vg.Length(d+1)*ch
			for ti := range k {
				x0 := dc.Min.X + vg.Length(ti)*cw
				v := rates[ti][d]
				if written {
					st := sty
					if (v-lo)/(hi-lo) >= 0.55 { // white on the darker blues
						st.Color = color.White
					}
					c.FillText(st, vg.Point{X: x0 + cw/2, Y: y0 + ch/2}, format(v))
				}
				t.add(rect(x0, y0, x0+cw, y0+ch), fmt.Sprintf("%s, %s: %s", docs[d], targets[ti], val(v)))
			}
		}
	}
	return figure{w: W, h: H, draw: paint}
}
