package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Options configures a chart. The zero value is useful: every field
// documents its default.
type Options struct {
	// Title is drawn above the chart. Default: no title.
	Title string
	// XLabel and YLabel name the axes. Default: a chart-specific label.
	XLabel, YLabel string
	// Width is the canvas width. Default 16cm. Charts whose size depends
	// on the number of documents grow from it up to MaxSize (Heatmap: up
	// to 32cm, the width a report shows).
	Width vg.Length
	// Colors maps a group value to its colour. Default Palette(groups of
	// this chart's data); pass one corpus-wide Palette to every chart to
	// keep colours consistent when a chart sees only some groups.
	Colors map[string]color.Color
	// Shapes maps a group value to its mark's shape where a chart marks
	// groups (map points, dendrogram leaves, line points, legends).
	// Default: Shapes(groups of this chart's data) when Colors and Scale
	// are unset, else Plain for every group; pass the corpus-wide Shapes
	// with the corpus-wide Palette.
	Shapes map[string]Shape
	// Scale, when set, says that Colors come from this continuous scale
	// (Scale.Colors): the legend is its colour bar instead of one swatch
	// per group. Default nil: the groups are categories.
	Scale *Scale
	// ValueLabel names the colour scale of a Heatmap. Default "distance".
	ValueLabel string
	// TopK is the number of items a chart singles out: labelled terms in
	// FightinWords (default 20), loading arrows in Biplot (default 8).
	TopK int
	// Fit, for Lines, spans the y axis over the values (and their bands)
	// instead of from 0, and labels both axes with round numbers: for a
	// quantity along a text (distances), where 0 is not a value to compare
	// with. Default false: y from 0, as a rate over years is read.
	Fit bool
}

// MaxSize caps the width and height that a chart grows to with the
// number of documents.
const MaxSize = 60 * vg.Centimeter

const (
	defaultWidth = 16 * vg.Centimeter
	tickSize     = 7.5 // points, tick and point labels
	axisSize     = 9   // points, axis labels
	titleSize    = 11  // points, title
	maxLabelLen  = 28  // runes of a tick label before it is shortened
)

func (o Options) width() vg.Length {
	if o.Width > 0 {
		return o.Width
	}
	return defaultWidth
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

func clampLen(v, lo, hi vg.Length) vg.Length {
	return max(lo, min(v, hi))
}

// tip is a transparent hit area carrying a <title> tooltip and, when it
// stands for terms, the terms: one is written as its data-term attribute,
// several (points drawn on the same spot) as data-terms, one a line.
type tip struct {
	r     vg.Rectangle
	text  string
	terms []string
}

// figure is a chart ready to be drawn: its size and a draw function that
// records its tooltips.
type figure struct {
	w, h vg.Length
	draw func(c draw.Canvas, t *tips)
}

// tips collects tooltips while a figure is drawn, and the labels that
// name a term.
type tips struct {
	list []tip
	// labels maps a label as drawn (perhaps shortened) to its term; ""
	// when two terms share the drawn label.
	labels map[string]string
}

func (t *tips) add(r vg.Rectangle, s string) { t.addTerm(r, s, "") }

// addTerm adds a tooltip whose hit area stands for term ("": none).
func (t *tips) addTerm(r vg.Rectangle, s, term string) {
	var terms []string
	if term != "" {
		terms = []string{term}
	}
	t.addTerms(r, s, terms)
}

// addTerms adds a tooltip whose hit area stands for terms.
func (t *tips) addTerms(r vg.Rectangle, s string, terms []string) {
	if t == nil || s == "" {
		return
	}
	t.list = append(t.list, tip{r: r, text: s, terms: terms})
}

// addPoint adds a square hit area of half-side r around pt.
func (t *tips) addPoint(pt vg.Point, r vg.Length, s string) { t.addPointTerm(pt, r, s, "") }

// addPointTerm is addPoint for a point that stands for term.
func (t *tips) addPointTerm(pt vg.Point, r vg.Length, s, term string) {
	t.addTerm(square(pt, r), s, term)
}

// square is the square of half-side r around pt.
func square(pt vg.Point, r vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}}
}

// label records that the text drawn as shown names term: writeSVG gives
// such <text> elements a data-term attribute, which the report's search
// and its keyword-in-context panel look for. A label shared by two terms
// (two long terms shortened alike) names neither.
func (t *tips) label(shown, term string) {
	if t == nil || shown == "" {
		return
	}
	if t.labels == nil {
		t.labels = map[string]string{}
	}
	if old, ok := t.labels[shown]; ok && old != term {
		term = ""
	}
	t.labels[shown] = term
}

// render draws f on c and returns the tooltips and the term labels.
func (f figure) render(c vg.Canvas) *tips {
	t := &tips{}
	dc := draw.NewCanvas(c, f.w, f.h)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	f.draw(dc, t)
	return t
}

// The post-processing of vgsvg's output is limited to a few textual edits
// on strings vgsvg writes itself (see vg/vgsvg.svgFontDescr, NewWith):
// drop the per-text font declaration, declare the font family once on the
// root element, fix each text's length and mark the texts that name a
// term (fitText), and append the tooltip layer before the closing tag.
var (
	fontDecl  = regexp.MustCompile(`font-family:Liberation [A-Za-z ]+;font-variant:[a-z-]+;font-weight:normal;font-style:normal;`)
	rootFonts = []byte(`<svg font-family="Liberation Sans, Arial, Helvetica, sans-serif" `)
)

// measured is an SVG canvas that records the measured width of every
// string it draws, and the string, in drawing order (which is the order
// of the <text> elements vgsvg writes).
type measured struct {
	*vgsvg.Canvas
	widths  []vg.Length
	strings []string
}

func (m *measured) FillString(f font.Face, pt vg.Point, s string) {
	m.widths = append(m.widths, f.Width(s))
	m.strings = append(m.strings, s)
	m.Canvas.FillString(f, pt, s)
}

// fitText gives the i-th <text> element of doc textLength = widths[i], so
// a viewer that substitutes a wider or narrower font squeezes or stretches
// the text to the width the layout measured: labels then never overlap
// whatever the fonts installed. A text whose string (strs[i]) is a label
// of a term in labels gets data-term="term". doc is returned unchanged if
// the count of <text> elements does not match.
func fitText(doc []byte, widths []vg.Length, strs []string, labels map[string]string) []byte {
	parts := bytes.Split(doc, []byte("<text "))
	if len(parts) != len(widths)+1 {
		return doc
	}
	var b bytes.Buffer
	b.Write(parts[0])
	for i, w := range widths {
		fmt.Fprintf(&b, `<text textLength="%s" lengthAdjust="spacingAndGlyphs" `, num(w.Points()))
		if term := labels[strs[i]]; term != "" {
			b.WriteString(`data-term="`)
			_ = xml.EscapeText(&b, []byte(term)) // a bytes.Buffer does not fail
			b.WriteString(`" `)
		}
		b.Write(parts[i+1])
	}
	return b.Bytes()
}

// writeSVG renders f to w as SVG.
func (f figure) writeSVG(w io.Writer) error {
	c := &measured{Canvas: vgsvg.NewWith(vgsvg.UseWH(f.w, f.h))}
	t := f.render(c)
	tl := t.list
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	out := fontDecl.ReplaceAll(buf.Bytes(), nil)
	out = fitText(out, c.widths, c.strings, t.labels)
	out = bytes.Replace(out, []byte("<svg "), rootFonts, 1)
	// Rasterized heatmaps: fill the given box exactly (SVG otherwise keeps
	// the PNG's aspect ratio and centres it), crisp cells, and the MIME
	// type of the PNG vgsvg encodes (it labels it image/jpg).
	out = bytes.ReplaceAll(out, []byte("<image "), []byte(`<image preserveAspectRatio="none" style="image-rendering:pixelated" `))
	out = bytes.ReplaceAll(out, []byte("data:image/jpg;base64,"), []byte("data:image/png;base64,"))
	end := bytes.LastIndex(out, []byte("</svg>"))
	if end < 0 {
		return fmt.Errorf("render svg: no closing svg tag")
	}
	var b bytes.Buffer
	b.Write(out[:end])
	if len(tl) > 0 {
		fmt.Fprintf(&b, "<g fill=\"#ffffff\" fill-opacity=\"0\" transform=\"scale(1, -1) translate(0, -%s)\">\n", num(f.h.Points()))
		for _, t := range tl {
			b.WriteString("<rect ")
			switch len(t.terms) {
			case 0:
			case 1:
				b.WriteString(`data-term="`)
				_ = xml.EscapeText(&b, []byte(t.terms[0]))
				b.WriteString(`" `)
			default:
				b.WriteString(`data-terms="`)
				_ = xml.EscapeText(&b, []byte(strings.Join(t.terms, "\n")))
				b.WriteString(`" `)
			}
			fmt.Fprintf(&b, `x="%s" y="%s" width="%s" height="%s"><title>`,
				num(t.r.Min.X.Points()), num(t.r.Min.Y.Points()),
				num((t.r.Max.X - t.r.Min.X).Points()), num((t.r.Max.Y - t.r.Min.Y).Points()))
			if err := xml.EscapeText(&b, []byte(t.text)); err != nil {
				return err
			}
			b.WriteString("</title></rect>\n")
		}
		b.WriteString("</g>\n")
	}
	b.Write(out[end:])
	_, err := w.Write(b.Bytes())
	return err
}

// num formats a coordinate like vgsvg does (%.5g).
func num(v float64) string { return strconv.FormatFloat(v, 'g', 5, 64) }

// val formats a data value for a tooltip.
func val(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

// style returns a text style of the given size.
func style(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    sans(size),
		Handler: plot.DefaultTextHandler,
	}
}

// sans is Liberation Sans at the given size (gonum/plot's default is the
// serif face).
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// newPlot returns a plot with the package's font sizes and labels.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(titleSize)
	p.Legend.TextStyle.Font = sans(tickSize)
	p.Title.Padding = 6
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(axisSize)
		a.Tick.Label.Font = sans(tickSize)
		a.Label.Padding = 3
	}
	return p
}

// shorten truncates s to maxLabelLen runes with an ellipsis.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= maxLabelLen {
		return s
	}
	return string(r[:maxLabelLen-1]) + "…"
}

// fitWidth is shorten(s), further shortened with an ellipsis until it is
// at most w wide at tick size.
func fitWidth(s string, w vg.Length) string {
	return fitWidthAt(shorten(s), tickSize, w)
}

// fitWidthAt is s, shortened with an ellipsis until it is at most w wide
// at the given font size.
func fitWidthAt(s string, size, w vg.Length) string {
	sty := style(size)
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(strings.TrimSuffix(s, "…"))
	for len(r) > 1 && sty.Width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// nominalTicks returns one tick per label at pos(i), labelling every
// step-th one (the others are unlabelled minor ticks).
func nominalTicks(labels []string, pos func(int) float64, step int) plot.ConstantTicks {
	step = max(step, 1)
	t := make(plot.ConstantTicks, len(labels))
	for i, l := range labels {
		t[i].Value = pos(i)
		if i%step == 0 {
			t[i].Label = shorten(l)
		}
	}
	return t
}

// thinStep returns the smallest k such that labels of extent ext (along
// the axis), placed every k-th of n slots over span, do not touch.
func thinStep(n int, span, ext vg.Length) int {
	if n <= 1 || span <= 0 {
		return 1
	}
	per := span / vg.Length(n)
	k := 1
	for vg.Length(k)*per < ext*1.2 {
		k++
	}
	return k
}

// labelHeight is the line height of tick labels.
func labelHeight() vg.Length {
	e := style(tickSize).FontExtents()
	return e.Ascent + e.Descent
}

// legendItem is one legend entry: a swatch in the group's colour, drawn
// as its shape, and the group's name.
type legendItem struct {
	name  string
	c     color.Color
	shape Shape
}

// legend is a chart's key: a colour bar when the colours come from a
// continuous Scale, and swatches (the groups, or on a Scale the grey of
// documents without a value).
type legend struct {
	scale *Scale
	items []legendItem
}

// groupLegend returns the legend of groups: on opt.Scale its colour bar,
// and a "(none)" swatch if a group is empty; else one swatch per sorted
// distinct group, in its colour and shape, the empty group named
// "(none)".
func groupLegend(groups []string, opt Options, pal map[string]color.Color, shapes map[string]Shape) legend {
	if opt.Scale != nil {
		lg := legend{scale: opt.Scale}
		if slices.Contains(groups, "") {
			lg.items = []legendItem{{name: "(none)", c: colorOf(pal, "")}}
		}
		return lg
	}
	var lg legend
	for _, g := range sortedDistinct(groups) {
		name := g
		if name == "" {
			name = "(none)"
		}
		lg.items = append(lg.items, legendItem{name: name, c: colorOf(pal, g), shape: shapes[g]})
	}
	return lg
}

// empty reports whether the legend draws nothing.
func (l legend) empty() bool { return l.scale == nil && len(l.items) == 0 }

const (
	swatch         = 7  // points
	maxLegendCols  = 3  // columns of swatches before "+N more"
	scaleBarWidth  = 10 // points, the colour bar of a Scale
	scaleBarHeight = 150
	legendBottom   = 20 // points kept free below the legend (the x axis)
)

// legendRowHeight is the height of one swatch's row.
func legendRowHeight() vg.Length { return labelHeight() * 1.4 }

// legendRows is how many swatches one column holds in a legend of
// height h (the chart's canvas height).
func (l legend) legendRows(h vg.Length) int {
	area := h - 12 - legendBottom
	if l.scale != nil {
		area -= l.scaleHeight(h)
	}
	return max(1, int(area/legendRowHeight())-1)
}

// columns is the number of swatch columns in a legend of height h: as
// many as the items need, up to maxLegendCols.
func (l legend) columns(h vg.Length) int {
	if len(l.items) == 0 {
		return 0
	}
	rows := l.legendRows(h)
	return min(maxLegendCols, (len(l.items)+rows-1)/rows)
}

// scaleHeight is the height of the colour bar's block (its label, the
// bar and the room below it) in a legend of height h.
func (l legend) scaleHeight(h vg.Length) vg.Length {
	bar := min(scaleBarHeight, max(40, (h-12-legendBottom)*0.6))
	return labelHeight()*1.6 + bar + labelHeight()
}

// scaleTicks are the labelled ticks of the colour bar.
func (l legend) scaleTicks() []plot.Tick {
	var ts []plot.Tick
	for _, tk := range (niceTicks{}).Ticks(l.scale.Min, l.scale.Max) {
		if tk.Label != "" {
			ts = append(ts, tk)
		}
	}
	return ts
}

// width is the width of the legend column of a chart of height h (0
// without a legend).
func (l legend) width(h vg.Length) vg.Length {
	if l.empty() {
		return 0
	}
	sty := style(tickSize)
	var w vg.Length
	for _, it := range l.items {
		w = max(w, sty.Width(shorten(it.name)))
	}
	if len(l.items) > 0 {
		w = (w + swatch + 14) * vg.Length(l.columns(h))
	}
	if l.scale != nil {
		var lw vg.Length
		for _, tk := range l.scaleTicks() {
			lw = max(lw, sty.Width(tk.Label))
		}
		w = max(w, scaleBarWidth+4+lw+14, sty.Width(shorten(l.scale.Label))+14)
	}
	return w
}

// draw draws the legend top-down at the top left of c (a canvas as tall
// as the chart's): a Scale's colour bar, then the swatches in columns,
// top to bottom and left to right; entries that do not fit in
// maxLegendCols columns are summarised as "+N more".
func (l legend) draw(c draw.Canvas, h vg.Length, t *tips) {
	sty := style(tickSize)
	sty.YAlign = draw.YCenter
	x := c.Min.X + 6
	top := c.Max.Y
	if s := l.scale; s != nil {
		head := sty
		head.YAlign = draw.YTop
		c.FillText(head, vg.Point{X: x, Y: top}, shorten(s.Label))
		bar := l.scaleHeight(h) - labelHeight()*2.6
		y1 := top - labelHeight()*1.6
		y0 := y1 - bar
		const steps = 48
		for k := range steps {
			v := s.Min + (float64(k)+0.5)/steps*(s.Max-s.Min)
			lo := y0 + bar*vg.Length(k)/steps
			c.SetColor(s.Color(v))
			c.Fill(rect(x, lo, x+scaleBarWidth, lo+bar/steps+0.3).Path())
		}
		line := draw.LineStyle{Color: color.Gray{0x55}, Width: 0.5}
		lab := sty
		for _, tk := range l.scaleTicks() {
			y := y0 + bar*vg.Length((tk.Value-s.Min)/(s.Max-s.Min))
			c.StrokeLine2(line, x+scaleBarWidth, y, x+scaleBarWidth+3, y)
			c.FillText(lab, vg.Point{X: x + scaleBarWidth + 4, Y: y}, tk.Label)
		}
		t.add(rect(x, y0, x+scaleBarWidth, y1), fmt.Sprintf("%s: %s (dark) to %s (light)", s.Label, val(s.Min), val(s.Max)))
		top -= l.scaleHeight(h)
	}
	if len(l.items) == 0 {
		return
	}
	lh := legendRowHeight()
	rows, cols := l.legendRows(h), l.columns(h)
	colW := (l.width(h)) / vg.Length(cols)
	if l.scale != nil {
		colW = l.width(h)
	}
	for i, it := range l.items {
		col, row := i/rows, i%rows
		y := top - lh/2 - vg.Length(row)*lh
		cx := x + vg.Length(col)*colW
		if i == rows*cols-1 && i < len(l.items)-1 {
			c.FillText(sty, vg.Point{X: cx, Y: y}, fmt.Sprintf("+%d more", len(l.items)-i))
			return
		}
		r := vg.Rectangle{Min: vg.Point{X: cx, Y: y - swatch/2}, Max: vg.Point{X: cx + swatch, Y: y + swatch/2}}
		if it.shape == Plain {
			c.SetColor(it.c)
			c.Fill(r.Path())
		} else {
			drawMark(c, it.shape, markSquare, it.c, vg.Point{X: cx + swatch/2, Y: y}, 3.5)
		}
		c.FillText(sty, vg.Point{X: cx + swatch + 4, Y: y}, shorten(it.name))
		t.add(vg.Rectangle{Min: r.Min, Max: vg.Point{X: cx + swatch + 4 + sty.Width(shorten(it.name)), Y: r.Max.Y}}, it.name)
	}
}

// withLegend splits c, a chart's canvas of height h within its margins,
// into the plot area and a legend column on the right.
func withLegend(c draw.Canvas, lg legend, t *tips) draw.Canvas {
	h := c.Max.Y - c.Min.Y + 12
	lw := lg.width(h)
	if lw == 0 {
		return c
	}
	lg.draw(draw.Crop(c, c.Max.X-c.Min.X-lw, 0, 0, -legendBottom), h, t)
	return draw.Crop(c, 0, -lw, 0, 0)
}

// margin crops a uniform margin off c.
func margin(c draw.Canvas, m vg.Length) draw.Canvas {
	return draw.Crop(c, m, -m, m, -m)
}

// rotate turns the tick labels of a horizontal axis a quarter turn.
// Call padRotated after setting the axis's final Tick.Marker.
func rotate(a *plot.Axis) {
	a.Tick.Label.Rotation = math.Pi / 2
	a.Tick.Label.XAlign = draw.XRight
	a.Tick.Label.YAlign = draw.YCenter
}

// padRotated keeps the turned tick labels of a (see rotate) clear of the
// tick marks: gonum/plot lifts every tick label by the font's descent,
// which for a turned label runs it into its tick, so each label gets a
// trailing en space.
func padRotated(a *plot.Axis) {
	if a.Tick.Label.Rotation != 0 {
		a.Tick.Marker = paddedTicks{a.Tick.Marker}
	}
}

// paddedTicks is a Ticker whose labels end with an en space.
type paddedTicks struct{ plot.Ticker }

func (p paddedTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := slices.Clone(p.Ticker.Ticks(lo, hi)) // ConstantTicks returns itself
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label += "\u2002"
		}
	}
	return ts
}

// maxWidth is the widest shortened label at tick size.
func maxWidth(labels []string) vg.Length {
	sty := style(tickSize)
	var w vg.Length
	for _, l := range labels {
		w = max(w, sty.Width(shorten(l)))
	}
	return w
}
