package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// plainMark draws a chart's own mark for Plain groups.
type plainMark func(c draw.Canvas, clr color.Color, pt vg.Point, r vg.Length)

// markSquare is the Plain mark of legends and dendrogram leaves: a filled
// square of half-side r.
func markSquare(c draw.Canvas, clr color.Color, pt vg.Point, r vg.Length) {
	c.SetColor(clr)
	c.Fill(rect(pt.X-r, pt.Y-r, pt.X+r, pt.Y+r).Path())
}

// markDot is the Plain mark of maps: a filled circle of radius r with a
// white rim, so that overlapping points stay apart.
func markDot(c draw.Canvas, clr color.Color, pt vg.Point, r vg.Length) {
	c.DrawGlyph(draw.GlyphStyle{Color: clr, Radius: r, Shape: draw.CircleGlyph{}}, pt)
	c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: r, Shape: draw.RingGlyph{}}, pt)
}

// drawMark draws the mark of shape s in clr centred on pt, about 2r
// across: plain for Plain; the others are filled polygons or lines 1.2pt
// wide, so that an outline reads as a different shape, not a faint one.
func drawMark(c draw.Canvas, s Shape, plain plainMark, clr color.Color, pt vg.Point, r vg.Length) {
	stroke := draw.LineStyle{Color: clr, Width: 1.2}
	poly := func(pts ...[2]float64) []vg.Point {
		out := make([]vg.Point, len(pts))
		for i, p := range pts {
			out[i] = vg.Point{X: pt.X + r*vg.Length(p[0]), Y: pt.Y + r*vg.Length(p[1])}
		}
		return out
	}
	switch s % numShapes {
	case Plain:
		plain(c, clr, pt, r)
	case Triangle:
		c.FillPolygon(clr, poly([2]float64{0, 1.25}, [2]float64{-1.1, -0.65}, [2]float64{1.1, -0.65}))
	case InvertedTriangle:
		c.FillPolygon(clr, poly([2]float64{0, -1.25}, [2]float64{-1.1, 0.65}, [2]float64{1.1, 0.65}))
	case Diamond:
		c.FillPolygon(clr, poly([2]float64{0, 1.3}, [2]float64{1.05, 0}, [2]float64{0, -1.3}, [2]float64{-1.05, 0}))
	case Ring:
		var p vg.Path
		p.Move(vg.Point{X: pt.X + r*0.85, Y: pt.Y})
		p.Arc(pt, r*0.85, 0, 2*math.Pi)
		p.Close()
		c.SetLineStyle(stroke)
		c.Stroke(p)
	case HollowSquare:
		c.SetLineStyle(stroke)
		c.Stroke(rect(pt.X-r*0.8, pt.Y-r*0.8, pt.X+r*0.8, pt.Y+r*0.8).Path())
	case Cross:
		c.StrokeLines(stroke, poly([2]float64{-0.9, -0.9}, [2]float64{0.9, 0.9}))
		c.StrokeLines(stroke, poly([2]float64{-0.9, 0.9}, [2]float64{0.9, -0.9}))
	case Plus:
		c.StrokeLines(stroke, poly([2]float64{0, -1.1}, [2]float64{0, 1.1}))
		c.StrokeLines(stroke, poly([2]float64{-1.1, 0}, [2]float64{1.1, 0}))
	}
}
