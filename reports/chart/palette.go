package chart

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
)

// okabeIto is the Okabe–Ito colour-blind-safe palette (Okabe and Ito 2008,
// "Color Universal Design"), reordered so that the most legible colours on
// white come first and yellow last.
var okabeIto = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x00, 0x00, 0xFF}, // black
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
}

// kelly is Kelly's twenty-two colours of maximum contrast (Kelly 1965,
// "Twenty-two colors of maximum contrast", Color Engineering 3(6); the
// ISCC–NBS centroid colours as usually given in sRGB), in his order,
// without the first (white: the page) and the ninth (grey: Grey, kept for
// items without a group). Kelly chose the order so that the first n
// colours are as far apart as any n can be.
var kelly = []color.RGBA{
	{0x22, 0x22, 0x22, 0xFF}, // black
	{0xF3, 0xC3, 0x00, 0xFF}, // yellow
	{0x87, 0x56, 0x92, 0xFF}, // purple
	{0xF3, 0x84, 0x00, 0xFF}, // orange
	{0xA1, 0xCA, 0xF1, 0xFF}, // light blue
	{0xBE, 0x00, 0x32, 0xFF}, // red
	{0xC2, 0xB2, 0x80, 0xFF}, // buff
	{0x00, 0x88, 0x56, 0xFF}, // green
	{0xE6, 0x8F, 0xAC, 0xFF}, // purplish pink
	{0x00, 0x67, 0xA5, 0xFF}, // blue
	{0xF9, 0x93, 0x79, 0xFF}, // yellowish pink
	{0x60, 0x4E, 0x97, 0xFF}, // violet
	{0xF6, 0xA6, 0x00, 0xFF}, // orange yellow
	{0xB3, 0x44, 0x6C, 0xFF}, // purplish red
	{0xDC, 0xD3, 0x00, 0xFF}, // greenish yellow
	{0x88, 0x2D, 0x17, 0xFF}, // reddish brown
	{0x8D, 0xB6, 0x00, 0xFF}, // yellow green
	{0x65, 0x45, 0x22, 0xFF}, // yellowish brown
	{0xE2, 0x58, 0x22, 0xFF}, // reddish orange
	{0x2B, 0x3D, 0x26, 0xFF}, // olive green
}

// Grey is the colour of ungrouped items (an empty group value) and of
// values a continuous Scale cannot place.
var Grey = color.RGBA{0x99, 0x99, 0x99, 0xFF}

var (
	// Positive is the colour of distinctive (positive) scores: Okabe–Ito blue.
	Positive color.Color = okabeIto[0]
	// Negative is the colour of avoided (negative) scores: Okabe–Ito vermillion.
	Negative color.Color = okabeIto[3]
)

// MaxColors is the number of distinct group colours Palette gives: past
// it, colours repeat and Shapes tells the groups that share one apart.
const MaxColors = 20

// Palette returns one colour per distinct group value: the distinct
// values are sorted (byte order) and given, in turn, the Okabe–Ito
// colours when there are at most 8 of them (colour-blind safe), else
// Kelly's 20 colours of maximum contrast; past MaxColors (20) groups the
// colours repeat in the same order, group 21 taking group 1's colour with
// the next shape of Shapes. The empty group is Grey and does not count.
// The same set of groups always gives the same colours, so pass the
// corpus-wide group list and hand the result to every chart through
// Options.Colors (and Shapes' through Options.Shapes) to keep groups
// consistent across charts. Empty input returns an empty map.
func Palette(groups []string) map[string]color.Color {
	distinct := sortedDistinct(groups)
	m := make(map[string]color.Color, len(distinct))
	cols := okabeIto
	if n := len(distinct) - boolInt(slices.Contains(distinct, "")); n > len(okabeIto) {
		cols = kelly
	}
	i := 0
	for _, g := range distinct {
		if g == "" {
			m[g] = Grey
			continue
		}
		m[g] = cols[i%len(cols)]
		i++
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Shape is how a chart marks a group beside its colour: Plain for the
// first MaxColors groups, then one shape for each further round of the
// palette's colours.
type Shape int

// The shapes, in the order Shapes gives them out. Plain is the chart's
// own mark: a filled circle on a map, a filled square in a legend or on a
// dendrogram's leaf; the others are the same on every chart.
const (
	Plain            Shape = iota
	Triangle               // filled, point up
	Diamond                // filled
	Ring                   // a circle's outline
	Cross                  // ×
	HollowSquare           // a square's outline
	Plus                   // +
	InvertedTriangle       // filled, point down
	numShapes
)

// MaxMarks is the number of groups that Palette and Shapes tell apart:
// every pair of the first 160 groups differs in colour or shape.
const MaxMarks = MaxColors * int(numShapes)

// Shapes returns the shape of each distinct group value, in Palette's
// order: Plain for the first MaxColors (20), Triangle for the next 20,
// then Diamond, Ring, Cross, HollowSquare, Plus and InvertedTriangle, so
// that with Palette no two of the first MaxMarks (160) groups share both
// colour and shape; past that the marks repeat. The empty group is Plain
// and does not count. Empty input returns an empty map.
func Shapes(groups []string) map[string]Shape {
	distinct := sortedDistinct(groups)
	m := make(map[string]Shape, len(distinct))
	i := 0
	for _, g := range distinct {
		if g == "" {
			m[g] = Plain
			continue
		}
		m[g] = Shape(i / MaxColors % int(numShapes))
		i++
	}
	return m
}

// viridis is matplotlib's viridis colour map (van der Walt and Smith
// 2015) at 11 evenly spaced points, 0 to 1, as R's viridisLite::viridis(11)
// gives it: perceptually uniform, readable in grey and by colour-blind
// readers.
var viridis = []color.RGBA{
	{0x44, 0x01, 0x54, 0xFF},
	{0x48, 0x25, 0x76, 0xFF},
	{0x41, 0x44, 0x87, 0xFF},
	{0x35, 0x60, 0x8D, 0xFF},
	{0x2A, 0x78, 0x8E, 0xFF},
	{0x21, 0x90, 0x8C, 0xFF},
	{0x22, 0xA8, 0x84, 0xFF},
	{0x43, 0xBF, 0x71, 0xFF},
	{0x7A, 0xD1, 0x51, 0xFF},
	{0xBB, 0xDF, 0x27, 0xFF},
	{0xFD, 0xE7, 0x25, 0xFF},
}

// viridisTop is the end of viridis that Scale uses: its last tenth, a
// pale yellow, does not show against a white page.
const viridisTop = 0.9

// viridisAt returns viridis at f in [0, 1], interpolated linearly in sRGB
// between its 11 points (f outside is clamped).
func viridisAt(f float64) color.RGBA {
	f = max(0, min(1, f)) * float64(len(viridis)-1)
	i := min(int(f), len(viridis)-2)
	u := f - float64(i)
	a, b := viridis[i], viridis[i+1]
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + u*(float64(y)-float64(x)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xFF}
}

// Scale is a continuous colour scale over a numeric grouping column (a
// year, a score): a chart given one in Options.Scale draws a colour bar
// labelled Label from Min to Max instead of a legend of swatches.
type Scale struct {
	Label    string
	Min, Max float64
}

// NumericScale returns the Scale of groups when every non-empty value is
// a finite number (strconv.ParseFloat, surrounding spaces allowed) and
// there are at least two distinct numbers; else nil. A column with a
// value such as "unknown" is not numeric: it is coloured by Palette.
func NumericScale(label string, groups []string) *Scale {
	s := &Scale{Label: label, Min: math.Inf(1), Max: math.Inf(-1)}
	for _, g := range sortedDistinct(groups) {
		if g == "" {
			continue
		}
		v, ok := number(g)
		if !ok {
			return nil
		}
		s.Min, s.Max = min(s.Min, v), max(s.Max, v)
	}
	if !(s.Max > s.Min) {
		return nil
	}
	return s
}

// number parses a group value as a finite number.
func number(g string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(g), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

// Color returns the colour of v: viridis at (v − Min)/(Max − Min) ×
// 0.9, so Min is viridis's dark purple and Max its yellow-green (the
// palest tenth is left out); values outside [Min, Max] are clamped, NaN
// is Grey.
func (s *Scale) Color(v float64) color.Color {
	if math.IsNaN(v) {
		return Grey
	}
	f := 0.0
	if s.Max > s.Min {
		f = (v - s.Min) / (s.Max - s.Min)
	}
	return viridisAt(max(0, min(1, f)) * viridisTop)
}

// Colors returns the colour of each distinct group value on s, to pass
// as Options.Colors with s as Options.Scale: Color of its number, Grey
// for the empty value and for one that is not a number.
func (s *Scale) Colors(groups []string) map[string]color.Color {
	distinct := sortedDistinct(groups)
	m := make(map[string]color.Color, len(distinct))
	for _, g := range distinct {
		v, ok := number(g)
		if !ok {
			m[g] = Grey
			continue
		}
		m[g] = s.Color(v)
	}
	return m
}

// sortedDistinct returns the sorted distinct values of s.
func sortedDistinct(s []string) []string {
	d := slices.Clone(s)
	slices.Sort(d)
	return slices.Compact(d)
}

// colorOf returns the colour of group g from opt.Colors, or from the
// palette computed over all, or Grey.
func colorOf(pal map[string]color.Color, g string) color.Color {
	if c, ok := pal[g]; ok && c != nil {
		return c
	}
	return Grey
}

// groupColors returns opt.Colors when set, else Palette(groups).
func groupColors(opt Options, groups []string) map[string]color.Color {
	if opt.Colors != nil {
		return opt.Colors
	}
	return Palette(groups)
}

// groupShapes returns opt.Shapes when set; else Shapes(groups) when the
// colours are Palette's own (with opt.Colors, or on a Scale, every group
// is Plain unless opt.Shapes says otherwise).
func groupShapes(opt Options, groups []string) map[string]Shape {
	if opt.Shapes != nil {
		return opt.Shapes
	}
	if opt.Colors != nil || opt.Scale != nil {
		return nil
	}
	return Shapes(groups)
}

// fade returns c with alpha a (0–255), premultiplied as image/color wants.
func fade(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
