package chart

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// placer places point labels greedily, in the order asked: a label goes
// right, left, above or below its point, whichever first fits inside the
// bounds without touching a label already placed or an obstacle (the
// points); a label that fits nowhere is dropped (its point keeps its
// tooltip).
type placer struct {
	bounds    vg.Rectangle
	placed    []vg.Rectangle
	obstacles []vg.Rectangle
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func inside(a, b vg.Rectangle) bool {
	return a.Min.X >= b.Min.X && a.Max.X <= b.Max.X && a.Min.Y >= b.Min.Y && a.Max.Y <= b.Max.Y
}

// place draws s next to pt on c if it fits and reports whether it did.
func (p *placer) place(c draw.Canvas, sty text.Style, pt vg.Point, off vg.Length, s string) bool {
	return p.try(c, sty, pt, s, []cand{
		{off, 0, draw.XLeft, draw.YCenter},
		{-off, 0, draw.XRight, draw.YCenter},
		{0, off, draw.XCenter, draw.YBottom},
		{0, -off, draw.XCenter, draw.YTop},
	})
}

// placeBeyond draws s just beyond pt in the direction (ux, uy) (a unit
// vector), e.g. past an arrow's head, or where place would put it.
func (p *placer) placeBeyond(c draw.Canvas, sty text.Style, pt vg.Point, ux, uy float64, off vg.Length, s string) bool {
	k := cand{dx: vg.Length(ux) * off, dy: vg.Length(uy) * off, xa: draw.XCenter, ya: draw.YCenter}
	switch {
	case ux > 0.3:
		k.xa = draw.XLeft
	case ux < -0.3:
		k.xa = draw.XRight
	}
	switch {
	case uy > 0.3:
		k.ya = draw.YBottom
	case uy < -0.3:
		k.ya = draw.YTop
	}
	return p.try(c, sty, pt, s, []cand{k}) || p.place(c, sty, pt, off, s)
}

// cand is a label position relative to its point, and its alignment.
type cand struct {
	dx, dy vg.Length
	xa     text.XAlignment
	ya     text.YAlignment
}

// try draws s at the first candidate that fits.
func (p *placer) try(c draw.Canvas, sty text.Style, pt vg.Point, s string, cands []cand) bool {
	for _, k := range cands {
		st := sty
		st.XAlign, st.YAlign = k.xa, k.ya
		at := vg.Point{X: pt.X + k.dx, Y: pt.Y + k.dy}
		r := st.Rectangle(s)
		r = vg.Rectangle{Min: r.Min.Add(at), Max: r.Max.Add(at)}
		if !inside(r, p.bounds) || p.hits(r) {
			continue
		}
		p.placed = append(p.placed, r)
		c.FillText(st, at, s)
		return true
	}
	return false
}

func (p *placer) hits(r vg.Rectangle) bool {
	for _, q := range p.placed {
		if overlaps(r, q) {
			return true
		}
	}
	for _, q := range p.obstacles {
		if overlaps(r, q) {
			return true
		}
	}
	return false
}

// addSegment makes the segment a–b an obstacle (sampled every 3 points).
func (p *placer) addSegment(a, b vg.Point) {
	d := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
	steps := int(d / 3)
	for i := 0; i <= steps; i++ {
		f := vg.Length(float64(i) / float64(max(steps, 1)))
		x, y := a.X+(b.X-a.X)*f, a.Y+(b.Y-a.Y)*f
		p.obstacles = append(p.obstacles, rect(x-1, y-1, x+1, y+1))
	}
}
