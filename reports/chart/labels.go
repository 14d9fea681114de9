package chart

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// placer places point labels greedily, in the order asked. A label never
// leaves the bounds or comes within labelGap of what is taken (labels
// placed before it, and whatever the caller adds). Of the candidate
// positions (see ladder) it takes the first that is nearer its own point
// than any other mark (the points labels name), so that it reads as that
// point's, and clears every tier of obstacles (points, arrow lines, ...);
// failing that, the least important tier (the last) is given up, and so
// on; then, unless strict, nearness too. A label that fits nowhere is
// dropped (its point keeps its tooltip).
type placer struct {
	bounds vg.Rectangle
	taken  []vg.Rectangle // labels placed so far, and what no label may cover
	marks  []vg.Point     // the points that labels name
	strict bool           // drop a label rather than place it nearer another mark
	// leaders, when strict, lets a label that fits nowhere near its point
	// go further out (up to 4 times as far) joined to it by a thin line
	// that crosses no label or mark; such a label ignores the tiers.
	leaders bool
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func inside(a, b vg.Rectangle) bool {
	return a.Min.X >= b.Min.X && a.Max.X <= b.Max.X && a.Min.Y >= b.Min.Y && a.Max.Y <= b.Max.Y
}

// ladder returns the candidate positions of a label around its point, at
// distance off and then a little further out: right, left, above, below,
// the four diagonals (up-right, up-left, down-right, down-left), then
// above and below starting or ending at the point, at each step of the
// ladder in turn.
func ladder(off vg.Length) []cand {
	var cs []cand
	for _, o := range []vg.Length{off, off + 4, off + 9} {
		d := o * math.Sqrt2 / 2
		cs = append(cs,
			cand{o, 0, draw.XLeft, draw.YCenter},
			cand{-o, 0, draw.XRight, draw.YCenter},
			cand{0, o, draw.XCenter, draw.YBottom},
			cand{0, -o, draw.XCenter, draw.YTop},
			cand{d, d, draw.XLeft, draw.YBottom},
			cand{-d, d, draw.XRight, draw.YBottom},
			cand{d, -d, draw.XLeft, draw.YTop},
			cand{-d, -d, draw.XRight, draw.YTop},
			cand{-2, o, draw.XLeft, draw.YBottom},
			cand{2, o, draw.XRight, draw.YBottom},
			cand{-2, -o, draw.XLeft, draw.YTop},
			cand{2, -o, draw.XRight, draw.YTop},
		)
	}
	return cs
}

// place draws s near pt on c (see ladder) if it fits and reports whether
// it did; tiers are the obstacles to avoid, most important first.
func (p *placer) place(c draw.Canvas, sty text.Style, pt vg.Point, off vg.Length, s string, tiers ...[]vg.Rectangle) bool {
	return p.try(c, sty, pt, s, ladder(off), tiers)
}

// placeBeyond draws s just beyond pt in the direction (ux, uy) (a unit
// vector), e.g. past an arrow's head, or where place would put it.
func (p *placer) placeBeyond(c draw.Canvas, sty text.Style, pt vg.Point, ux, uy float64, off vg.Length, s string, tiers ...[]vg.Rectangle) bool {
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
	return p.try(c, sty, pt, s, append([]cand{k}, ladder(off)...), tiers)
}

// cand is a label position relative to its point, and its alignment.
type cand struct {
	dx, dy vg.Length
	xa     text.XAlignment
	ya     text.YAlignment
}

// try draws s at the first candidate that is nearest pt and clears all
// tiers, else at the first nearest pt that clears all but the last, and
// so on down to none; then, unless strict, at the first that fits at all.
func (p *placer) try(c draw.Canvas, sty text.Style, pt vg.Point, s string, cands []cand, tiers [][]vg.Rectangle) bool {
	last := -1
	if p.strict {
		last = 0
	}
	for n := len(tiers); n >= last; n-- {
		for _, k := range cands {
			st := sty
			st.XAlign, st.YAlign = k.xa, k.ya
			at := vg.Point{X: pt.X + k.dx, Y: pt.Y + k.dy}
			r := st.Rectangle(s)
			r = vg.Rectangle{Min: r.Min.Add(at), Max: r.Max.Add(at)}
			if !inside(r, p.bounds) || hitsAny(grow(r, labelGap), p.taken) || hitsTiers(r, tiers[:max(n, 0)]) ||
				n >= 0 && !p.nearest(r, pt) {
				continue
			}
			p.taken = append(p.taken, r)
			c.FillText(st, at, s)
			return true
		}
	}
	if p.strict && p.leaders {
		return p.tryLeader(c, sty, pt, s, cands)
	}
	return false
}

// tryLeader draws s at the first candidate, moved 2, 3 or 4 times as far
// from pt, whose leader line from pt to the label is clear.
func (p *placer) tryLeader(c draw.Canvas, sty text.Style, pt vg.Point, s string, cands []cand) bool {
	for _, f := range []vg.Length{2, 3, 4} {
		for _, k := range cands {
			st := sty
			st.XAlign, st.YAlign = k.xa, k.ya
			at := vg.Point{X: pt.X + k.dx*f, Y: pt.Y + k.dy*f}
			r := st.Rectangle(s)
			r = vg.Rectangle{Min: r.Min.Add(at), Max: r.Max.Add(at)}
			if !inside(r, p.bounds) || hitsAny(grow(r, labelGap), p.taken) {
				continue
			}
			// From the edge of the point's mark to the nearest point of r.
			end := vg.Point{X: max(r.Min.X, min(pt.X, r.Max.X)), Y: max(r.Min.Y, min(pt.Y, r.Max.Y))}
			d := vg.Length(math.Hypot(float64(end.X-pt.X), float64(end.Y-pt.Y)))
			if d < 6 {
				continue
			}
			start := vg.Point{X: pt.X + (end.X-pt.X)*5/d, Y: pt.Y + (end.Y-pt.Y)*5/d}
			stop := vg.Point{X: end.X - (end.X-pt.X)*1.5/d, Y: end.Y - (end.Y-pt.Y)*1.5/d}
			line := segment(start, stop)
			if p.lineHits(line, pt) {
				continue
			}
			p.taken = append(p.taken, r)
			p.taken = append(p.taken, line...)
			c.StrokeLine2(draw.LineStyle{Color: sty.Color, Width: 0.5}, start.X, start.Y, end.X, end.Y)
			c.FillText(st, at, s)
			return true
		}
	}
	return false
}

// lineHits reports whether the obstacles of a line from own touch a
// label or another mark.
func (p *placer) lineHits(line []vg.Rectangle, own vg.Point) bool {
	for _, q := range line {
		if hitsAny(q, p.taken) {
			return true
		}
		for _, m := range p.marks {
			if m != own && m.X >= q.Min.X-3 && m.X <= q.Max.X+3 && m.Y >= q.Min.Y-3 && m.Y <= q.Max.Y+3 {
				return true
			}
		}
	}
	return false
}

// nearest reports whether r is nearer pt than any other mark, by a
// margin of 1 point.
func (p *placer) nearest(r vg.Rectangle, pt vg.Point) bool {
	own := distance(r, pt)
	for _, m := range p.marks {
		if m != pt && distance(r, m) < own+1 {
			return false
		}
	}
	return true
}

// distance is the distance from pt to the nearest point of r.
func distance(r vg.Rectangle, pt vg.Point) vg.Length {
	dx := max(r.Min.X-pt.X, 0, pt.X-r.Max.X)
	dy := max(r.Min.Y-pt.Y, 0, pt.Y-r.Max.Y)
	return vg.Length(math.Hypot(float64(dx), float64(dy)))
}

func hitsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, q := range rs {
		if overlaps(r, q) {
			return true
		}
	}
	return false
}

func hitsTiers(r vg.Rectangle, tiers [][]vg.Rectangle) bool {
	for _, t := range tiers {
		if hitsAny(r, t) {
			return true
		}
	}
	return false
}

// segment returns obstacles covering the segment a–b (sampled every 3
// points).
func segment(a, b vg.Point) []vg.Rectangle {
	d := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
	steps := int(d / 3)
	rs := make([]vg.Rectangle, 0, steps+1)
	for i := 0; i <= steps; i++ {
		f := vg.Length(float64(i) / float64(max(steps, 1)))
		x, y := a.X+(b.X-a.X)*f, a.Y+(b.Y-a.Y)*f
		rs = append(rs, rect(x-1, y-1, x+1, y+1))
	}
	return rs
}

// labelGap is the least space between a label and another label or a
// mark that no label may cover, in points.
const labelGap = 1.5

// grow returns r with d added on every side.
func grow(r vg.Rectangle, d vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d}, Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d}}
}
