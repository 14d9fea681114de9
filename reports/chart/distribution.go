package chart

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one document's values: its term frequencies for Zipf, its
// sentence lengths (in tokens) for SentenceLengths. Group picks the colour.
type Series struct {
	Name, Group string
	Values      []float64
}

// zipfPoints returns (rank, frequency) pairs of the positive values
// sorted descending, thinned to ranks 1–20 then every 3% in rank (a
// log-scale plot cannot show more), always keeping the last rank.
func zipfPoints(vals []float64) [][2]float64 {
	v := make([]float64, 0, len(vals))
	for _, x := range vals {
		if x > 0 && !math.IsInf(x, 0) {
			v = append(v, x)
		}
	}
	slices.SortFunc(v, func(a, b float64) int { return cmp.Compare(b, a) })
	var pts [][2]float64
	next := 1.0
	for i, x := range v {
		r := float64(i + 1)
		if r <= 20 || r >= next || i == len(v)-1 {
			pts = append(pts, [2]float64{r, x})
			next = r * 1.03
		}
	}
	return pts
}

// Zipf writes a Zipf plot: for each document, its term frequencies
// (Values; zeros and non-finite values are ignored) sorted descending
// against rank, both on log scales (Zipf 1935), one line per document in
// its group's colour (by name when no document has a group), with a
// legend and a tooltip at the end of each line; past MaxColors groups,
// where colours repeat, each line ends in its group's mark (Shapes).
// Without groups and with more documents than MaxColors, every line is
// grey and there is no legend (a legend of colours that repeat would name
// none of them). Axis
// labels default to "rank" and "frequency". It returns an error when no
// document has a positive frequency.
func Zipf(w io.Writer, docs []Series, opt Options) error {
	f, err := zipfFigure(docs, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func zipfFigure(docs []Series, opt Options) (figure, error) {
	lines := make([][][2]float64, len(docs))
	rmax, fmin, fmax := 1.0, math.Inf(1), math.Inf(-1)
	for i, d := range docs {
		lines[i] = zipfPoints(d.Values)
		for _, p := range lines[i] {
			rmax, fmin, fmax = max(rmax, p[0]), min(fmin, p[1]), max(fmax, p[1])
		}
	}
	if math.IsInf(fmin, 0) {
		return figure{}, errors.New("zipf: no positive frequencies")
	}
	if fmax <= fmin {
		fmax = fmin * 10
	}
	keys, byGroup := colorKeys(docs)
	pal, shapes := groupColors(opt, keys), groupShapes(opt, keys)
	if !byGroup && !hasAll(opt.Colors, keys) {
		// opt.Colors is by group; colour by name
		pal, shapes = Palette(keys), Shapes(keys)
		opt.Scale = nil
	}
	lg := groupLegend(keys, opt, pal, shapes)
	if !byGroup && len(lg.items) > MaxColors {
		// Grey lines, and no legend of colours that repeat, which would
		// name none of them (the line ends' tooltips do).
		pal, shapes, lg = nil, nil, legend{}
	}
	H := opt.width() * 0.7
	if opt.Title != "" {
		H += 20
	}
	f := figure{w: opt.width() + lg.width(H), h: H, draw: func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "rank"), orDefault(opt.YLabel, "frequency"))
		p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
		p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
		p.X.Min, p.X.Max = 1, max(rmax*1.2, 10)
		p.Y.Min, p.Y.Max = fmin/1.2, fmax*1.2
		p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&dc)
			for i, l := range lines {
				if len(l) == 0 {
					continue
				}
				pts := make([]vg.Point, len(l))
				for j, q := range l {
					pts[j] = vg.Point{X: tx(q[0]), Y: ty(q[1])}
				}
				dc.StrokeLines(draw.LineStyle{Color: fade(colorOf(pal, keys[i]), 0xCC), Width: 1}, pts)
				last := pts[len(pts)-1]
				if s := shapes[keys[i]]; s != Plain {
					drawMark(dc, s, markSquare, colorOf(pal, keys[i]), last, 3)
				}
				tipText := docs[i].Name
				if docs[i].Group != "" {
					tipText += " (" + docs[i].Group + ")"
				}
				t.addPoint(last, 4, fmt.Sprintf("%s: %d types", tipText, int(l[len(l)-1][0])))
			}
		}))
		p.Draw(c)
	}}
	return f, nil
}

// hasAll reports whether pal has a colour for every key.
func hasAll(pal map[string]color.Color, keys []string) bool {
	for _, k := range keys {
		if _, ok := pal[k]; !ok {
			return false
		}
	}
	return true
}

// colorKeys returns the colour key of each series: its group when any
// series has a group, else its name.
func colorKeys(docs []Series) (keys []string, byGroup bool) {
	keys = make([]string, len(docs))
	for _, d := range docs {
		byGroup = byGroup || d.Group != ""
	}
	for i, d := range docs {
		keys[i] = d.Name
		if byGroup {
			keys[i] = d.Group
		}
	}
	return keys, byGroup
}

// SentenceLengths writes one horizontal box plot per document of its
// sentence lengths (Tukey 1977: box = quartiles, whiskers to the furthest
// value within 1.5 IQR, outliers as dots; gonum's plotter.BoxPlot),
// documents top to bottom in the order given, filled in the colour of
// their group, labels thinned when they would overlap, a tooltip per
// document with its count, median and mean. A document with no
// sentences keeps its row, empty. The x label defaults to "sentence
// length (tokens)". It returns an error for no documents.
func SentenceLengths(w io.Writer, docs []Series, opt Options) error {
	f, err := sentenceFigure(docs, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func sentenceFigure(docs []Series, opt Options) (figure, error) {
	n := len(docs)
	if n == 0 {
		return figure{}, errors.New("sentence lengths: no documents")
	}
	keys, grouped := colorKeys(docs)
	pal, shapes := groupColors(opt, keys), groupShapes(opt, keys)
	var lg legend
	if grouped {
		lg = groupLegend(keys, opt, pal, shapes)
	}
	names := make([]string, n)
	for i, d := range docs {
		names[i] = d.Name
	}
	H := rowsHeight(n, 6*vg.Centimeter)
	if opt.Title != "" {
		H += 20
	}
	f := figure{w: opt.width() + lg.width(H), h: H, draw: func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "sentence length (tokens)"), opt.YLabel)
		pos := func(i int) float64 { return float64(n - 1 - i) }
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.Y.Padding = 0
		p.X.Min = 0
		p.Y.Tick.Marker = nominalTicks(names, pos, 1)
		for _, d := range docs {
			for _, v := range d.Values {
				p.X.Max = max(p.X.Max, v)
			}
		}
		p.X.Max = max(p.X.Max*1.02, 1)
		thinY(p, c, names, pos)
		dc := p.DataCanvas(c)
		row := (dc.Max.Y - dc.Min.Y) / vg.Length(n)
		for i, d := range docs {
			tipText := d.Name
			if d.Group != "" {
				tipText += " (" + d.Group + ")"
			}
			y := dc.Max.Y - vg.Length(i)*row
			if len(d.Values) == 0 {
				t.add(rect(dc.Min.X, y-row, dc.Max.X, y), tipText+": no sentences")
				continue
			}
			b, err := plotter.NewBoxPlot(row*0.7, pos(i), plotter.Values(d.Values))
			if err != nil {
				continue // non-finite values: the row stays empty
			}
			b.Horizontal = true
			// One dot per outside value: a long text repeats its
			// outlying lengths thousands of times, one on top of another.
			seen := map[float64]bool{}
			b.Outside = slices.DeleteFunc(b.Outside, func(k int) bool {
				v := b.Values[k]
				defer func() { seen[v] = true }()
				return seen[v]
			})
			b.FillColor = fade(colorOf(pal, keys[i]), 0xB0)
			b.GlyphStyle.Radius = 1.5
			p.Add(b)
			if s := shapes[keys[i]]; grouped && s != Plain {
				// Past MaxColors groups the fill repeats: the row's mark,
				// left of the box, says which group it is.
				y := pos(i)
				p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
					_, ty := p.Transforms(&dc)
					drawMark(dc, s, markSquare, colorOf(pal, keys[i]), vg.Point{X: dc.Min.X + 5, Y: ty(y)}, 2.5)
				}))
			}
			s := slices.Clone(d.Values)
			slices.Sort(s)
			t.add(rect(dc.Min.X, y-row, dc.Max.X, y), fmt.Sprintf("%s: %d sentences, median %s, mean %s",
				tipText, len(s), val(stat.Quantile(0.5, stat.Empirical, s, nil)), val(stat.Mean(s, nil))))
		}
		p.Draw(c)
	}}
	return f, nil
}
