package chart

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Term is a term and its signed keyness score: positive means distinctive
// of the target (overused), negative means avoided (underused).
type Term struct {
	Term  string
	Score float64
}

// Panel is one small multiple of KeynessPanels: a document or group and
// its top terms.
type Panel struct {
	Title string
	Terms []Term
}

// sortTerms returns terms by score descending, ties by term ascending.
func sortTerms(ts []Term) []Term {
	ts = slices.Clone(ts)
	slices.SortFunc(ts, func(a, b Term) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Term, b.Term))
	})
	return ts
}

// keynessPlot returns the bar plot of terms (sorted, top to bottom).
func keynessPlot(terms []Term, title, xlabel string, t *tips) *plot.Plot {
	ts := sortTerms(terms)
	n := len(ts)
	p := newPlot(title, xlabel, "")
	labels := make([]string, n)
	bars := make([]bar, n)
	for i, tm := range ts {
		labels[i] = tm.Term
		clr := Positive
		if tm.Score < 0 {
			clr = Negative
		}
		bars[i] = bar{pos: float64(n - 1 - i), val: tm.Score, c: clr, tip: tm.Term + ": " + val(tm.Score), term: tm.Term}
		t.label(tm.Term, tm.Term)
	}
	p.Add(hbars{bars: bars, thick: 0.7, tips: t}, zeroLine)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Padding = 0
	p.Y.Tick.Marker = nominalTicks(labels, func(i int) float64 { return float64(n - 1 - i) }, 1)
	return p
}

// thinY re-ticks p's y axis so labels at pos do not overlap within c.
func thinY(p *plot.Plot, c draw.Canvas, labels []string, pos func(int) float64) {
	dc := p.DataCanvas(c)
	p.Y.Tick.Marker = nominalTicks(labels, pos, thinStep(len(labels), dc.Max.Y-dc.Min.Y, labelHeight()))
}

func checkTerms(ts []Term) error {
	for _, t := range ts {
		if math.IsNaN(t.Score) || math.IsInf(t.Score, 0) {
			return fmt.Errorf("term %q has score %v", t.Term, t.Score)
		}
	}
	return nil
}

// Keyness writes a horizontal bar chart of terms by signed score, highest
// first: positive (distinctive) bars in Positive blue, negative (avoided)
// bars in Negative vermillion, a tooltip per bar. The x label defaults to
// "keyness". It returns an error for no terms or a non-finite score.
func Keyness(w io.Writer, terms []Term, opt Options) error {
	f, err := keynessFigure(terms, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func keynessFigure(terms []Term, opt Options) (figure, error) {
	if len(terms) == 0 {
		return figure{}, errors.New("keyness: no terms")
	}
	if err := checkTerms(terms); err != nil {
		return figure{}, fmt.Errorf("keyness: %w", err)
	}
	n := len(terms)
	H := rowsHeight(n, 6*vg.Centimeter)
	if opt.Title != "" {
		H += 20
	}
	f := figure{w: opt.width(), h: H, draw: func(c draw.Canvas, t *tips) {
		c = margin(c, 6)
		p := keynessPlot(terms, opt.Title, orDefault(opt.XLabel, "keyness"), t)
		ts := sortTerms(terms)
		labels := make([]string, n)
		for i, tm := range ts {
			labels[i] = tm.Term
		}
		thinY(p, c, labels, func(i int) float64 { return float64(n - 1 - i) })
		p.Draw(c)
	}}
	return f, nil
}

// KeynessPanels writes one Keyness bar panel per document or group into
// one SVG, in the order given, three panels a row (fewer when there are
// fewer panels), with a shared x range so bar lengths compare across
// panels: the data areas of all panels line up, and term labels wider
// than 40% of a panel are shortened with an ellipsis (the bar's tooltip
// keeps the full term), as are panel titles wider than their panel (with
// a tooltip). opt.Title goes above the grid. It returns an
// error when there are no panels or a panel has a non-finite score.
func KeynessPanels(w io.Writer, panels []Panel, opt Options) error {
	f, err := keynessPanelsFigure(panels, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func keynessPanelsFigure(panels []Panel, opt Options) (figure, error) {
	if len(panels) == 0 {
		return figure{}, errors.New("keyness panels: no panels")
	}
	xmin, xmax, rows := 0.0, 0.0, 1
	for _, pn := range panels {
		if err := checkTerms(pn.Terms); err != nil {
			return figure{}, fmt.Errorf("keyness panels: %s: %w", pn.Title, err)
		}
		for _, t := range pn.Terms {
			xmin, xmax = min(xmin, t.Score), max(xmax, t.Score)
		}
		rows = max(rows, len(pn.Terms))
	}
	cols := min(3, len(panels))
	nrows := (len(panels) + cols - 1) / cols
	panelH := clampLen(vg.Length(rows)*12+2.5*vg.Centimeter, 5*vg.Centimeter, 20*vg.Centimeter)
	W := max(opt.width(), vg.Length(cols)*6*vg.Centimeter)
	H := clampLen(vg.Length(nrows)*panelH, 5*vg.Centimeter, 3*MaxSize)
	if opt.Title != "" {
		H += 22
	}
	f := figure{w: W, h: H, draw: func(c draw.Canvas, t *tips) {
		c = margin(c, 6)
		if opt.Title != "" {
			sty := style(titleSize)
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
			c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, opt.Title)
			c.Max.Y -= 22
		}
		tiles := draw.Tiles{Rows: nrows, Cols: cols, PadX: 14, PadY: 14}
		// Build every panel first, then give all of them the left inset of
		// the widest labels, so that their data areas line up and bars
		// compare across panels; labels longer than 40% of a panel are
		// shortened so that no panel is left without room for its bars.
		plots := make([]*plot.Plot, len(panels))
		canvases := make([]draw.Canvas, len(panels))
		var inset vg.Length
		for i, pn := range panels {
			tc := tiles.At(c, i%cols, i/cols)
			p := keynessPlot(pn.Terms, pn.Title, orDefault(opt.XLabel, "keyness"), t)
			pad := (xmax - xmin) * 0.04
			p.X.Min, p.X.Max = xmin-pad, xmax+pad
			p.Title.TextStyle.Font.Size = axisSize + 1
			ts := sortTerms(pn.Terms)
			n := len(ts)
			if n == 0 {
				p.Y.Min, p.Y.Max = 0, 1
			} else {
				labels := make([]string, n)
				for j, tm := range ts {
					labels[j] = fitWidth(tm.Term, 0.4*(tc.Max.X-tc.Min.X))
					t.label(labels[j], tm.Term)
				}
				p.Y.Min = float64(n-rows) - 0.5 // same row height in every panel, top-aligned
				thinY(p, tc, labels, func(j int) float64 { return float64(n - 1 - j) })
			}
			plots[i], canvases[i] = p, tc
			inset = max(inset, p.DataCanvas(tc).Min.X-tc.Min.X)
		}
		for i, p := range plots {
			tc := canvases[i]
			tc.Min.X += inset - (p.DataCanvas(tc).Min.X - tc.Min.X)
			// The title is centred on the (cropped) panel: fit it there.
			if p.Title.Text = fitWidthAt(panels[i].Title, axisSize+1, tc.Max.X-tc.Min.X); p.Title.Text != panels[i].Title {
				h := style(axisSize + 1).Height(p.Title.Text)
				t.add(rect(tc.Min.X, tc.Max.Y-h, tc.Max.X, tc.Max.Y), panels[i].Title)
			}
			p.Draw(tc)
		}
	}}
	return f, nil
}

// fightinTip is the tooltip of a word's point.
func fightinTip(ws WordScore) string {
	return fmt.Sprintf("%s: z = %s, log frequency %s", ws.Term, val(ws.Z), val(ws.LogFreq))
}

// spotMax is the most words a tooltip of words on one spot names.
const spotMax = 12

// spotTip is the tooltip of words drawn on one spot (the same z and
// frequency): fightinTip of one, or the count and the first spotMax (in
// code-point order).
func spotTip(ws []WordScore) string {
	if len(ws) == 1 {
		return fightinTip(ws[0])
	}
	names := make([]string, 0, spotMax+1)
	for _, w := range ws[:min(len(ws), spotMax)] {
		names = append(names, w.Term)
	}
	if len(ws) > spotMax {
		names = append(names, fmt.Sprintf("and %d more", len(ws)-spotMax))
	}
	return fmt.Sprintf("%d words at z = %s, log frequency %s: %s", len(ws), val(ws[0].Z), val(ws[0].LogFreq), strings.Join(names, ", "))
}

// WordScore is one term of a Fightin' Words comparison (Monroe, Colaresi
// and Quinn 2008): its log frequency in the pooled corpus and the z-score
// of its log-odds ratio with informative Dirichlet prior.
type WordScore struct {
	Term    string
	LogFreq float64
	Z       float64
}

// FightinWords writes the Fightin' Words scatter of Monroe et al. (2008):
// x = log frequency, y = z-score. The opt.TopK (default 20) terms with the
// largest |z| (ties by term) are drawn in Positive blue (z > 0) or
// Negative vermillion (z < 0) with labels where they fit: next to the
// point and nearer it than any other labelled point, or else further out
// joined to it by a thin leader line, never over a labelled point or
// another label (clear of the faint points where they can); the rest are
// faint grey points. Both axes are ticked every 1, 2 or 5 × 10^k. Dashed
// lines mark z = ±1.96. Every point has a tooltip (term, z, log
// frequency), and its hit area and its label name the term (data-term);
// faint words on one spot (the same counts) share one tooltip naming
// them all (data-terms, one a line).
// Axis labels default to "log frequency" and "z-score". It returns an
// error for no words or non-finite values.
func FightinWords(w io.Writer, words []WordScore, opt Options) error {
	f, err := fightinFigure(words, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func fightinFigure(words []WordScore, opt Options) (figure, error) {
	if len(words) == 0 {
		return figure{}, errors.New("fightin words: no words")
	}
	for _, ws := range words {
		for _, v := range []float64{ws.LogFreq, ws.Z} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return figure{}, fmt.Errorf("fightin words: term %q is not finite", ws.Term)
			}
		}
	}
	k := opt.TopK
	if k <= 0 {
		k = 20
	}
	ranked := slices.Clone(words)
	slices.SortFunc(ranked, func(a, b WordScore) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Z), math.Abs(a.Z)), cmp.Compare(a.Term, b.Term))
	})
	top := ranked[:min(k, len(ranked))]
	rest := ranked[len(top):]

	H := opt.width() * 0.75
	if opt.Title != "" {
		H += 20
	}
	f := figure{w: opt.width(), h: H, draw: func(c draw.Canvas, t *tips) {
		c = margin(c, 6)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "log frequency"), orDefault(opt.YLabel, "z-score"))
		xmin, xmax, zmax := math.Inf(1), math.Inf(-1), 1.96
		for _, ws := range words {
			xmin, xmax = min(xmin, ws.LogFreq), max(xmax, ws.LogFreq)
			zmax = max(zmax, math.Abs(ws.Z))
		}
		pad := max((xmax-xmin)*0.05, 0.5)
		p.X.Min, p.X.Max = xmin-pad, xmax+pad
		p.Y.Min, p.Y.Max = -zmax*1.08, zmax*1.08
		p.X.Tick.Marker, p.Y.Tick.Marker = niceTicks{}, niceTicks{}
		p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&dc)
			dash := draw.LineStyle{Color: color.Gray{0xAA}, Width: 0.6, Dashes: []vg.Length{3, 3}}
			for _, z := range []float64{-1.96, 1.96} {
				dc.StrokeLine2(dash, dc.Min.X, ty(z), dc.Max.X, ty(z))
			}
			faint := draw.GlyphStyle{Color: fade(color.Gray{0x88}, 0x66), Radius: 1.6, Shape: draw.CircleGlyph{}}
			// One tooltip per spot: words with the same counts (the many
			// used once) fall on one point, and a tooltip each would show
			// only the last of them.
			var spots []vg.Point
			same := map[vg.Point][]WordScore{}
			for i := len(rest) - 1; i >= 0; i-- { // least extreme first
				ws := rest[i]
				pt := vg.Point{X: tx(ws.LogFreq), Y: ty(ws.Z)}
				dc.DrawGlyph(faint, pt)
				if same[pt] == nil {
					spots = append(spots, pt)
				}
				same[pt] = append(same[pt], ws)
			}
			for _, pt := range spots {
				ws := same[pt]
				slices.SortFunc(ws, func(a, b WordScore) int { return cmp.Compare(a.Term, b.Term) })
				terms := make([]string, len(ws))
				for i, w := range ws {
					terms[i] = w.Term
				}
				t.addTerms(square(pt, 2.5), spotTip(ws), terms)
			}
			// Labels never cover a labelled point, and clear the faint ones
			// if they can.
			var dots, faintDots []vg.Rectangle
			var marks []vg.Point
			for _, ws := range top {
				pt := vg.Point{X: tx(ws.LogFreq), Y: ty(ws.Z)}
				dots = append(dots, rect(pt.X-2.5, pt.Y-2.5, pt.X+2.5, pt.Y+2.5))
				marks = append(marks, pt)
			}
			for _, ws := range rest {
				pt := vg.Point{X: tx(ws.LogFreq), Y: ty(ws.Z)}
				faintDots = append(faintDots, rect(pt.X-1.6, pt.Y-1.6, pt.X+1.6, pt.Y+1.6))
			}
			pl := &placer{bounds: dc.Rectangle, taken: dots, marks: marks, strict: true, leaders: true}
			sty := style(tickSize)
			for _, ws := range top {
				clr := Positive
				if ws.Z < 0 {
					clr = Negative
				}
				pt := vg.Point{X: tx(ws.LogFreq), Y: ty(ws.Z)}
				dc.DrawGlyph(draw.GlyphStyle{Color: clr, Radius: 2.5, Shape: draw.CircleGlyph{}}, pt)
				t.addPointTerm(pt, 3.5, fightinTip(ws), ws.Term)
				st := sty
				st.Color = clr
				t.label(shorten(ws.Term), ws.Term)
				pl.place(dc, st, pt, 4, shorten(ws.Term), faintDots)
			}
		}))
		p.Draw(c)
	}}
	return f, nil
}
