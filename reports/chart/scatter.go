package chart

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Point is one document on a map (MDS coordinates, PCA scores).
type Point struct {
	ID, Group string
	X, Y      float64
}

// Loading is one feature's loading on the two components of a Biplot.
type Loading struct {
	Name string
	X, Y float64
}

// pointLabelLimit is the number of points above which Scatter and Biplot
// draw no point labels and rely on tooltips.
const pointLabelLimit = 60

// Scatter writes a labelled scatter plot of pts (an MDS map, PCA scores):
// one dot per document in its group's colour (Options.Colors or Palette)
// with a legend of groups. Up to 60 points, each gets its id as a label:
// right, left, above, below or diagonally off its point, a little further
// out if need be, never over the canvas edge or another label, and where
// it can nearer its own point than any other and clear of the points (a
// label that fits nowhere is dropped); above 60 no labels are drawn.
// Every point has a tooltip "id (group): x, y". Axis labels default to
// "dimension 1" and "dimension 2". It returns an error for no points or
// non-finite coordinates.
func Scatter(w io.Writer, pts []Point, opt Options) error {
	f, err := scatterFigure(pts, nil, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

// Biplot writes Scatter's chart of PCA scores pts plus an arrow from the
// origin for each of the opt.TopK (default 8) longest loadings (ties by
// name), scaled so the longest arrow reaches 90% of the largest score
// coordinate (Gabriel 1971), labelled with the feature name and with a
// tooltip giving the unscaled loading. Point labels are placed first;
// an arrow's label then goes beyond its head if it fits, else anywhere
// around it, crossing a point or another arrow only when nothing else
// fits, and is dropped rather than overlap a label.
func Biplot(w io.Writer, pts []Point, loadings []Loading, opt Options) error {
	f, err := scatterFigure(pts, loadings, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

// topLoadings returns the k longest loadings, longest first, ties by name.
func topLoadings(ls []Loading, k int) []Loading {
	ls = slices.Clone(ls)
	slices.SortFunc(ls, func(a, b Loading) int {
		return cmp.Or(cmp.Compare(math.Hypot(b.X, b.Y), math.Hypot(a.X, a.Y)), cmp.Compare(a.Name, b.Name))
	})
	return ls[:min(k, len(ls))]
}

func scatterFigure(pts []Point, loadings []Loading, opt Options) (figure, error) {
	if len(pts) == 0 {
		return figure{}, errors.New("scatter: no points")
	}
	groups := make([]string, len(pts))
	for i, p := range pts {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			return figure{}, fmt.Errorf("scatter: point %q is not finite", p.ID)
		}
		groups[i] = p.Group
	}
	pal := groupColors(opt, groups)
	shapes := groupShapes(opt, groups)
	lg := groupLegend(groups, opt, pal, shapes)
	if lg.scale == nil && len(lg.items) == 1 && lg.items[0].name == "(none)" {
		lg.items = nil
	}

	k := opt.TopK
	if k <= 0 {
		k = 8
	}
	var arrows []Loading
	scale := 1.0
	if loadings != nil {
		arrows = topLoadings(loadings, k)
		var smax, lmax float64
		for _, p := range pts {
			smax = max(smax, math.Abs(p.X), math.Abs(p.Y))
		}
		for _, l := range arrows {
			lmax = max(lmax, math.Abs(l.X), math.Abs(l.Y))
		}
		if lmax > 0 && smax > 0 {
			scale = 0.9 * smax / lmax
		}
	}

	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		xmin, xmax = min(xmin, p.X), max(xmax, p.X)
		ymin, ymax = min(ymin, p.Y), max(ymax, p.Y)
	}
	for _, l := range arrows {
		xmin, xmax = min(xmin, 0, l.X*scale), max(xmax, 0, l.X*scale)
		ymin, ymax = min(ymin, 0, l.Y*scale), max(ymax, 0, l.Y*scale)
	}
	// Room for labels: 8% on each side.
	padX, padY := max((xmax-xmin)*0.08, 1e-9), max((ymax-ymin)*0.08, 1e-9)

	H := opt.width() * 0.8
	if opt.Title != "" {
		H += 20
	}
	W := opt.width() + lg.width(H)
	labelled := len(pts) <= pointLabelLimit

	paint := func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "dimension 1"), orDefault(opt.YLabel, "dimension 2"))
		p.X.Min, p.X.Max = xmin-padX, xmax+padX
		p.Y.Min, p.Y.Max = ymin-padY, ymax+padY
		p.X.Tick.Marker, p.Y.Tick.Marker = niceTicks{}, niceTicks{}
		p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&dc)
			pl := &placer{bounds: dc.Rectangle}
			const r = 3
			at := func(x, y float64) vg.Point { return vg.Point{X: tx(x), Y: ty(y)} }
			// Obstacles to labels: the points, and the arrows with their heads.
			var dots, lines []vg.Rectangle
			for _, q := range pts {
				pt := at(q.X, q.Y)
				dots = append(dots, rect(pt.X-r, pt.Y-r, pt.X+r, pt.Y+r))
				if labelled {
					pl.marks = append(pl.marks, pt)
				}
			}
			origin := at(0, 0)
			for _, l := range arrows {
				tip := at(l.X*scale, l.Y*scale)
				lines = append(lines, segment(origin, tip)...)
				lines = append(lines, rect(tip.X-3, tip.Y-3, tip.X+3, tip.Y+3))
				pl.marks = append(pl.marks, tip)
			}
			// Arrows under the points.
			arrowStyle := draw.LineStyle{Color: color.Gray{0x55}, Width: 0.8}
			for _, l := range arrows {
				tip := at(l.X*scale, l.Y*scale)
				dc.StrokeLines(arrowStyle, []vg.Point{origin, tip})
				drawArrowHead(dc, origin, tip, arrowStyle.Color)
				t.addPointTerm(tip, 4, fmt.Sprintf("%s: loading %s, %s", l.Name, val(l.X), val(l.Y)), l.Name)
			}
			for _, q := range pts {
				drawMark(dc, shapes[q.Group], markDot, colorOf(pal, q.Group), at(q.X, q.Y), r)
				tipText := q.ID
				if q.Group != "" {
					tipText += " (" + q.Group + ")"
				}
				t.addPoint(at(q.X, q.Y), r+1, tipText+": "+val(q.X)+", "+val(q.Y))
			}
			// Point labels first: they clear the points and the arrows if
			// they can, else cross an arrow, else (crowded) a point.
			sty := style(tickSize)
			sty.Color = color.Gray{0x22}
			if labelled {
				for _, q := range pts {
					pl.place(dc, sty, at(q.X, q.Y), r+2, shorten(q.ID), dots, lines)
				}
			}
			// Then arrow labels, beyond the head if they can: clear of the
			// arrows and points, else over points (among many), else across
			// an arrow.
			sty = style(tickSize)
			sty.Color = color.Gray{0x55}
			for _, l := range arrows {
				tip := at(l.X*scale, l.Y*scale)
				dx, dy := float64(tip.X-origin.X), float64(tip.Y-origin.Y)
				d := math.Hypot(dx, dy)
				if d == 0 {
					d = 1
				}
				t.label(shorten(l.Name), l.Name)
				pl.placeBeyond(dc, sty, tip, dx/d, dy/d, 4, shorten(l.Name), lines, dots)
			}
		}))
		p.Draw(c)
	}
	return figure{w: W, h: H, draw: paint}, nil
}

// drawArrowHead fills a small triangle at tip pointing away from from.
func drawArrowHead(c draw.Canvas, from, tip vg.Point, clr color.Color) {
	dx, dy := float64(tip.X-from.X), float64(tip.Y-from.Y)
	d := math.Hypot(dx, dy)
	if d == 0 {
		return
	}
	ux, uy := dx/d, dy/d
	const l, hw = 6.0, 2.5
	base := vg.Point{X: tip.X - vg.Length(ux*l), Y: tip.Y - vg.Length(uy*l)}
	c.FillPolygon(clr, []vg.Point{
		tip,
		{X: base.X - vg.Length(uy*hw), Y: base.Y + vg.Length(ux*hw)},
		{X: base.X + vg.Length(uy*hw), Y: base.Y - vg.Length(ux*hw)},
	})
}
