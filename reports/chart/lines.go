package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Line is one series of Lines: a group's values along x, each with the
// ends of its interval.
type Line struct {
	Group  string
	Points []LinePoint
}

// LinePoint is one value of a Line: Y at X with its interval Low to High
// (NaN ends: no band there) and the tooltip text of its point.
type LinePoint struct {
	X, Y, Low, High float64
	Tip             string
}

// Lines writes one line per group across x (a trend over time), with its
// interval as a translucent band and a dot with a tooltip at every point,
// coloured by group (Options.Colors or Palette) with a legend. The x label
// defaults to "year", the y label to "per 10,000 words"; the y axis starts
// at 0 unless Options.Fit. It returns an
// error for no lines or points, or a point whose X or Y is not finite.
func Lines(w io.Writer, lines []Line, opt Options) error {
	f, err := linesFigure(lines, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func linesFigure(lines []Line, opt Options) (figure, error) {
	var groups []string
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), 0.0
	for _, l := range lines {
		groups = append(groups, l.Group)
		for _, p := range l.Points {
			if math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
				return figure{}, fmt.Errorf("lines: %s has a point (%v, %v)", l.Group, p.X, p.Y)
			}
			xmin, xmax, ymin, ymax = min(xmin, p.X), max(xmax, p.X), min(ymin, p.Y), max(ymax, p.Y)
			if !math.IsNaN(p.High) {
				ymax = max(ymax, p.High)
			}
			if !math.IsNaN(p.Low) {
				ymin = min(ymin, p.Low)
			}
		}
	}
	if math.IsInf(xmin, 0) {
		return figure{}, errors.New("lines: no points")
	}
	if xmax <= xmin {
		xmin, xmax = xmin-1, xmax+1
	}
	if ymax <= 0 {
		ymax = 1
	}
	pal := groupColors(opt, groups)
	shapes := groupShapes(opt, groups)
	lg := groupLegend(groups, opt, pal, shapes)
	H := opt.width() * 0.55
	if opt.Title != "" {
		H += 20
	}
	f := figure{w: opt.width() + lg.width(H), h: H, draw: func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "year"), orDefault(opt.YLabel, "per 10,000 words"))
		pad := (xmax - xmin) * 0.03
		p.X.Min, p.X.Max = xmin-pad, xmax+pad
		p.Y.Min, p.Y.Max = 0, ymax*1.05
		p.X.Tick.Marker = niceTicks{} // years and word positions: 1860, not gonum's 1860.00
		if opt.Fit {
			ypad := (ymax - ymin) * 0.05
			if ypad == 0 {
				ypad = max(1, math.Abs(ymax)) * 0.05
			}
			p.Y.Min, p.Y.Max = ymin-ypad, ymax+ypad
			p.Y.Tick.Marker = niceTicks{}
		}
		p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&dc)
			for _, l := range lines {
				clr := colorOf(pal, l.Group)
				// The band: the highs left to right, the lows back.
				var band []vg.Point
				for _, q := range l.Points {
					if !math.IsNaN(q.High) {
						band = append(band, vg.Point{X: tx(q.X), Y: ty(q.High)})
					}
				}
				for i := len(l.Points) - 1; i >= 0; i-- {
					if q := l.Points[i]; !math.IsNaN(q.Low) {
						band = append(band, vg.Point{X: tx(q.X), Y: ty(q.Low)})
					}
				}
				if len(band) > 2 {
					dc.FillPolygon(fade(clr, 0x30), band)
				}
				pts := make([]vg.Point, len(l.Points))
				for i, q := range l.Points {
					pts[i] = vg.Point{X: tx(q.X), Y: ty(q.Y)}
				}
				if len(pts) > 1 {
					dc.StrokeLines(draw.LineStyle{Color: clr, Width: 1.5}, pts)
				}
				for i, pt := range pts {
					drawMark(dc, shapes[l.Group], markCircle, clr, pt, 2.2)
					t.addPoint(pt, 4, l.Points[i].Tip)
				}
			}
		}))
		p.Draw(c)
	}}
	return f, nil
}

// markCircle is the Plain mark of a line's points: a filled circle.
func markCircle(c draw.Canvas, clr color.Color, pt vg.Point, r vg.Length) {
	c.SetColor(clr)
	c.Fill(circle(pt, r))
}

// circle is the path of a circle of radius r around c.
func circle(c vg.Point, r vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: c.X + r, Y: c.Y})
	p.Arc(c, r, 0, 2*math.Pi)
	p.Close()
	return p
}
