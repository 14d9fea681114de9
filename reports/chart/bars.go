package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bar is one horizontal bar from 0 to val, centred on pos (data units).
type bar struct {
	pos, val float64
	c        color.Color
	tip      string
	term     string // the term the bar stands for, or ""
}

// hbars draws horizontal bars of a given thickness (data units) and
// records their tooltips.
type hbars struct {
	bars  []bar
	thick float64
	tips  *tips
}

func (h hbars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, b := range h.bars {
		x0, x1 := tx(math.Min(0, b.val)), tx(math.Max(0, b.val))
		y0, y1 := ty(b.pos-h.thick/2), ty(b.pos+h.thick/2)
		if x1-x0 < 0.5 { // keep zero bars visible as a hairline
			x1 = x0 + 0.5
		}
		r := rect(x0, y0, x1, y1)
		c.SetColor(b.c)
		c.Fill(r.Path())
		h.tips.addTerm(r, b.tip, b.term)
	}
}

func (h hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = 0, 0, math.Inf(1), math.Inf(-1)
	for _, b := range h.bars {
		xmin, xmax = min(xmin, b.val), max(xmax, b.val)
		ymin, ymax = min(ymin, b.pos-h.thick/2), max(ymax, b.pos+h.thick/2)
	}
	pad := (xmax - xmin) * 0.04 // bars stop short of the axis ends
	if xmin < 0 {
		xmin -= pad
	}
	if xmax > 0 {
		xmax += pad
	}
	return xmin, xmax, ymin, ymax
}

// zeroLine draws a vertical line at x = 0.
var zeroLine = plotFunc(func(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{0x66}, Width: 0.6}, tx(0), c.Min.Y, tx(0), c.Max.Y)
})

// rowsHeight is the height a chart with n rows of labels wants: 14pt a
// row plus fixed room, between min and MaxSize.
func rowsHeight(n int, lo vg.Length) vg.Length {
	return clampLen(vg.Length(n)*14+3*vg.Centimeter, lo, MaxSize)
}
