package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// cellTipLimit is the largest n for which every heatmap cell gets its own
// tooltip (n² hit areas); above it only the row and column labels do.
const cellTipLimit = 60

// rasterLimit is the n above which the heatmap cells are drawn as one
// embedded PNG instead of n² SVG paths.
const rasterLimit = 80

// heatmapMax caps the width of a Heatmap. A report shows a chart at most
// about this wide (a 1,400px page less its margins); a wider chart is
// scaled down there, and its 7.5pt labels with it, until they cannot be
// read. Past the cap the cells shrink and the labels are thinned instead.
const heatmapMax = 32 * vg.Centimeter

// orderedGrid adapts a square matrix to plotter.GridXYZ with rows and
// columns permuted by order; row order[0] is drawn at the top.
type orderedGrid struct {
	m     mat.Matrix
	order []int
}

func (g orderedGrid) Dims() (c, r int) { return len(g.order), len(g.order) }
func (g orderedGrid) Z(c, r int) float64 {
	return g.m.At(g.order[len(g.order)-1-r], g.order[c])
}
func (g orderedGrid) X(c int) float64 { return float64(c) }
func (g orderedGrid) Y(r int) float64 { return float64(r) }

// minMax returns the range of the finite values shown.
func (g orderedGrid) minMax() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, i := range g.order {
		for _, j := range g.order {
			v := g.m.At(i, j)
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	return lo, hi
}

// cornerGlyphs is a HeatMap that gives the plot's layout the glyph boxes
// of its four corner cells only. gonum/plot's HeatMap gives one box per
// cell (62,500 at 250 texts), and the plot asks for them every time it
// lays itself out (eight times for a heatmap here); the padding depends
// only on the leftmost, rightmost, lowest and highest boxes, which are the
// corner cells' when X and Y grow with the column and row, as in
// orderedGrid and rateGrid. So the layout, and the SVG, are the same.
type cornerGlyphs struct{ *plotter.HeatMap }

func (h cornerGlyphs) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	return (&plotter.HeatMap{GridXYZ: corners{h.GridXYZ}}).GlyphBoxes(p)
}

// corners is the 2×2 grid of the corner cells of a grid: the first and
// the last column and row.
type corners struct{ plotter.GridXYZ }

func (g corners) Dims() (c, r int) { return 2, 2 }
func (g corners) X(c int) float64 {
	n, _ := g.GridXYZ.Dims()
	return g.GridXYZ.X(c * (n - 1))
}
func (g corners) Y(r int) float64 {
	_, n := g.GridXYZ.Dims()
	return g.GridXYZ.Y(r * (n - 1))
}
func (g corners) Z(c, r int) float64 {
	nc, nr := g.GridXYZ.Dims()
	return g.GridXYZ.Z(c*(nc-1), r*(nr-1))
}

// barGrid is a 1×k grid whose values step from min to max: the heatmap's
// own colour scale, drawn by a second HeatMap as the colour bar.
type barGrid struct{ min, max float64 }

const barSteps = 9 // one step per palette colour: no seams, exact bins

func (g barGrid) Dims() (c, r int)   { return 1, barSteps }
func (g barGrid) Z(_, r int) float64 { return g.Y(r) }
func (g barGrid) X(int) float64      { return 0 }
func (g barGrid) Y(r int) float64    { return g.min + (float64(r)+0.5)*(g.max-g.min)/barSteps }
func (g barGrid) Min() float64       { return g.min }
func (g barGrid) Max() float64       { return g.max }

// distancePalette is ColorBrewer YlGnBu (Brewer 2003), reversed so that
// small distances (similar documents) are dark.
func distancePalette() palette.Palette {
	p, err := brewer.GetPalette(brewer.TypeSequential, "YlGnBu", 9)
	if err != nil {
		panic(err) // a fixed, existing palette
	}
	cs := p.Colors()
	rev := make(reversed, len(cs))
	for i, c := range cs {
		rev[len(cs)-1-i] = c
	}
	return rev
}

// reversed is a palette.Palette over a fixed colour list.
type reversed []color.Color

func (r reversed) Colors() []color.Color { return r }

// Heatmap writes a heatmap of the square distance matrix d between the
// documents ids, with a colour bar of the scale. order gives the rows and
// columns to show, top to bottom and left to right (usually the
// dendrogram's leaf order, see LeafOrder); nil means 0..n-1. Tick labels
// are the doc ids, thinned when they would overlap; every row and column
// label (and every cell up to 60 documents) has a tooltip with the full
// ids and value. Colours are ColorBrewer YlGnBu reversed, dark = close.
// The canvas grows with n from opt.Width up to 32cm (a report's width:
// wider, it would be scaled down with its labels). It returns an
// error when d is not n×n, order is not a permutation, or n is 0.
func Heatmap(w io.Writer, ids []string, d mat.Matrix, order []int, opt Options) error {
	f, err := heatmapFigure(ids, d, order, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func checkOrder(order []int, n int) ([]int, error) {
	if order == nil {
		order = make([]int, n)
		for i := range order {
			order[i] = i
		}
		return order, nil
	}
	if len(order) != n {
		return nil, fmt.Errorf("order has %d entries, want %d", len(order), n)
	}
	seen := make([]bool, n)
	for _, o := range order {
		if o < 0 || o >= n || seen[o] {
			return nil, fmt.Errorf("order is not a permutation of 0..%d", n-1)
		}
		seen[o] = true
	}
	return order, nil
}

func heatmapFigure(ids []string, d mat.Matrix, order []int, opt Options) (figure, error) {
	n := len(ids)
	if n == 0 {
		return figure{}, errors.New("heatmap: no documents")
	}
	if r, c := d.Dims(); r != n || c != n {
		return figure{}, fmt.Errorf("heatmap: matrix is %d×%d, want %d×%d", r, c, n, n)
	}
	order, err := checkOrder(order, n)
	if err != nil {
		return figure{}, fmt.Errorf("heatmap: %w", err)
	}
	g := orderedGrid{m: d, order: order}
	lo, hi := g.minMax()
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	if hi <= lo {
		hi = lo + 1
	}
	pal := distancePalette()
	ordered := make([]string, n)
	for i, o := range order {
		ordered[i] = ids[o]
	}

	W := clampLen(vg.Length(n)*12+7*vg.Centimeter, opt.width(), max(opt.width(), heatmapMax))
	H := W - 50
	if opt.Title != "" {
		H += 20
	}
	const barCol = 75 // points: colour bar and its labels

	paint := func(c draw.Canvas, t *tips) {
		c = margin(c, 6)
		main := draw.Crop(c, 0, -barCol, 0, 0)
		p := newPlot(opt.Title, opt.XLabel, opt.YLabel)
		p.X.Padding, p.Y.Padding = 0, 0
		h := plotter.NewHeatMap(g, pal)
		h.Min, h.Max = lo, hi
		h.NaN = color.RGBA{0xDD, 0xDD, 0xDD, 0xFF}
		h.Rasterized = n > rasterLimit
		p.Add(cornerGlyphs{h})
		p.X.Min, p.X.Max = -0.5, float64(n)-0.5
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		xpos := func(i int) float64 { return float64(i) }
		ypos := func(i int) float64 { return float64(n - 1 - i) }
		p.X.Tick.Marker = nominalTicks(ordered, xpos, 1)
		p.Y.Tick.Marker = nominalTicks(ordered, ypos, 1)
		dc := p.DataCanvas(main)
		if maxWidth(ordered) > 0.9*(dc.Max.X-dc.Min.X)/vg.Length(n) {
			rotate(&p.X)
			dc = p.DataCanvas(main)
		}
		step := thinStep(n, min(dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y), labelHeight())
		p.X.Tick.Marker = nominalTicks(ordered, xpos, step)
		p.Y.Tick.Marker = nominalTicks(ordered, ypos, step)
		padRotated(&p.X)
		dc = p.DataCanvas(main)
		p.Draw(main)

		colorBar(c, main.Max.X+8, dc, lo, hi, pal, orDefault(opt.ValueLabel, "distance"))

		// Tooltips: cells, then row labels, then column labels.
		cw := (dc.Max.X - dc.Min.X) / vg.Length(n)
		ch := (dc.Max.Y - dc.Min.Y) / vg.Length(n)
		if n <= cellTipLimit {
			for i := range n {
				for j := range n {
					x0 := dc.Min.X + vg.Length(j)*cw
					y0 := dc.Max.Y - vg.Length(i+1)*ch
					t.add(rect(x0, y0, x0+cw, y0+ch), fmt.Sprintf("%s × %s: %s", ordered[i], ordered[j], val(d.At(order[i], order[j]))))
				}
			}
		}
		for i := range n {
			y0 := dc.Max.Y - vg.Length(i+1)*ch
			t.add(rect(main.Min.X, y0, dc.Min.X, y0+ch), ordered[i])
		}
		for j := range n {
			x0 := dc.Min.X + vg.Length(j)*cw
			t.add(rect(x0, main.Min.Y, x0+cw, dc.Min.Y), ordered[j])
		}
	}
	return figure{w: W, h: H, draw: paint}, nil
}

// colorBar draws the colour scale of pal over [lo, hi] with its axis
// label in c right of x0, as tall as the data area dc.
func colorBar(c draw.Canvas, x0 vg.Length, dc draw.Canvas, lo, hi float64, pal palette.Palette, label string) {
	cb := newPlot("", "", label)
	cb.HideX()
	cb.X.Padding, cb.Y.Padding = 0, 0
	cb.Add(plotter.NewHeatMap(barGrid{lo, hi}, pal))
	cb.Y.Min, cb.Y.Max = lo, hi
	bc := c
	bc.Min.X, bc.Max.X = x0, c.Max.X
	bc.Min.Y, bc.Max.Y = dc.Min.Y, dc.Max.Y
	cb.Draw(bc)
}

func rect(x0, y0, x1, y1 vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
}
