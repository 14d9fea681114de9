package chart

import (
	"image/color"
	"slices"
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

// Grey is the colour of groups beyond the palette and of ungrouped items.
var Grey = color.RGBA{0x99, 0x99, 0x99, 0xFF}

var (
	// Positive is the colour of distinctive (positive) scores: Okabe–Ito blue.
	Positive color.Color = okabeIto[0]
	// Negative is the colour of avoided (negative) scores: Okabe–Ito vermillion.
	Negative color.Color = okabeIto[3]
)

// Palette returns one colour per distinct group value: the distinct values
// are sorted (byte order) and given the Okabe–Ito colours in turn; groups
// past the eighth, and the empty group, are Grey. The same set of groups
// always gives the same colours, so pass the corpus-wide group list and
// hand the result to every chart through Options.Colors to keep colours
// consistent across charts. Empty input returns an empty map.
func Palette(groups []string) map[string]color.Color {
	distinct := sortedDistinct(groups)
	m := make(map[string]color.Color, len(distinct))
	i := 0
	for _, g := range distinct {
		if g == "" {
			m[g] = Grey
			continue
		}
		if i < len(okabeIto) {
			m[g] = okabeIto[i]
		} else {
			m[g] = Grey
		}
		i++
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

// fade returns c with alpha a (0–255), premultiplied as image/color wants.
func fade(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
