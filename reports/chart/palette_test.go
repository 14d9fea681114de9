package chart

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// groupNames returns n group names that sort in order: g000, g001, ...
func groupNames(n int) []string {
	g := make([]string, n)
	for i := range g {
		g[i] = fmt.Sprintf("g%03d", i)
	}
	return g
}

// TestPalette: up to 8 groups get Okabe–Ito in sorted order, 9 to 20
// Kelly's colours, all distinct; past 20 the colours repeat with the next
// shape; the empty group is Grey and takes no colour.
func TestPalette(t *testing.T) {
	for _, tc := range []struct {
		name   string
		groups []string
		want   map[string]color.Color // a few groups' expected colours
	}{
		{"sorted, empty grey", []string{"b", "a", "b", "", "c"},
			map[string]color.Color{"": Grey, "a": okabeIto[0], "b": okabeIto[1], "c": okabeIto[2]}},
		{"eight", groupNames(8), map[string]color.Color{"g000": okabeIto[0], "g007": okabeIto[7]}},
		// The empty group does not count: 8 named groups stay Okabe–Ito.
		{"eight and empty", append(groupNames(8), ""), map[string]color.Color{"g007": okabeIto[7], "": Grey}},
		{"nine", groupNames(9), map[string]color.Color{"g000": kelly[0], "g008": kelly[8]}},
		{"twenty", groupNames(20), map[string]color.Color{"g019": kelly[19]}},
		// Group 21 (g020) takes group 1's colour; Shapes sets it apart.
		{"twenty-one", groupNames(21), map[string]color.Color{"g019": kelly[19], "g020": kelly[0]}},
	} {
		pal := Palette(tc.groups)
		for g, want := range tc.want {
			if got := pal[g]; got != want {
				t.Errorf("%s: Palette[%q] = %v, want %v", tc.name, g, got, want)
			}
		}
		// Up to MaxColors named groups, no two share a colour and none is grey.
		seen := map[color.Color]string{}
		named := sortedDistinct(tc.groups)
		if len(named) > 0 && named[0] == "" {
			named = named[1:]
		}
		for _, g := range named[:min(len(named), MaxColors)] {
			if pal[g] == Grey {
				t.Errorf("%s: group %q is grey", tc.name, g)
			}
			if o, dup := seen[pal[g]]; dup {
				t.Errorf("%s: groups %q and %q share %v", tc.name, o, g, pal[g])
			}
			seen[pal[g]] = g
		}
	}
	if sub := Palette([]string{"c"}); sub["c"] != okabeIto[0] {
		t.Errorf("Palette([c]) = %v, want its own first colour (pass Options.Colors to keep a corpus's)", sub["c"])
	}
}

// TestMarksDistinct: with Palette and Shapes, no two of the first
// MaxMarks groups share both colour and shape, so that no two legend
// entries look alike; Brown's 15 genres (the case of issue 14) get 15
// colours and no shapes.
func TestMarksDistinct(t *testing.T) {
	for _, n := range []int{1, 5, 8, 9, 15, 20, 21, 45, 100, MaxMarks} {
		groups := groupNames(n)
		opt := Options{}
		lg := groupLegend(groups, opt, groupColors(opt, groups), groupShapes(opt, groups))
		if len(lg.items) != n {
			t.Fatalf("%d groups: %d legend items", n, len(lg.items))
		}
		type mark struct {
			c color.Color
			s Shape
		}
		seen := map[mark]string{}
		for _, it := range lg.items {
			m := mark{it.c, it.shape}
			if o, dup := seen[m]; dup {
				t.Errorf("%d groups: %q and %q both %v, shape %d", n, o, it.name, it.c, it.shape)
			}
			seen[m] = it.name
			if n <= MaxColors && it.shape != Plain {
				t.Errorf("%d groups: %q has shape %d, want Plain up to %d groups", n, it.name, it.shape, MaxColors)
			}
		}
	}
	// Past MaxMarks the marks repeat: group 161 looks like group 1.
	groups := groupNames(MaxMarks + 1)
	pal, shapes := Palette(groups), Shapes(groups)
	if last := groups[MaxMarks]; pal[last] != pal["g000"] || shapes[last] != shapes["g000"] {
		t.Errorf("group %d: %v, shape %d; want group 1's %v, shape %d", MaxMarks+1, pal[last], shapes[last], pal["g000"], shapes["g000"])
	}
}

// TestLegendColumns: a legend of many groups flows into up to three
// columns beside the chart, its texts clear of one another and of the
// canvas edge, and the entries that do not fit are counted in "+N more":
// every group is either named or counted.
func TestLegendColumns(t *testing.T) {
	for _, n := range []int{15, 45, 120} {
		groups := groupNames(n)
		pts := make([]Point, n)
		for i := range pts {
			pts[i] = Point{ID: fmt.Sprintf("p%d", i), Group: groups[i], X: math.Cos(float64(i)), Y: math.Sin(float64(i))}
		}
		f, err := scatterFigure(pts, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		dump(t, f, fmt.Sprintf("legend_%d.svg", n))
		texts := checkTexts(t, f)
		named, more := countPrefix(texts, "g"), 0
		for _, tb := range texts {
			if _, err := fmt.Sscanf(tb.s, "+%d more", &more); err == nil {
				break
			}
		}
		if named+more != n {
			t.Errorf("%d groups: %d named in the legend + %d more, want %d", n, named, more, n)
		}
		if n == 15 && more != 0 {
			t.Errorf("15 groups: %d not named, want every one", more)
		}
	}
}

// TestNumericScale: a column whose every non-empty value is a number has
// a Scale over its range; one text value, or fewer than two numbers, and
// it has none.
func TestNumericScale(t *testing.T) {
	for _, tc := range []struct {
		groups   []string
		min, max float64 // want; both 0 for no scale
	}{
		{[]string{"1850", "1800", "1900", "1800"}, 1800, 1900},
		{[]string{"", " 2.5", "-1e1"}, -10, 2.5},
		{[]string{"1800", "unknown"}, 0, 0},
		{[]string{"1800", "1800", ""}, 0, 0},
		{[]string{"1", "NaN"}, 0, 0},
		{[]string{"1", "Inf"}, 0, 0},
		{nil, 0, 0},
	} {
		s := NumericScale("year", tc.groups)
		switch {
		case tc.min == 0 && tc.max == 0:
			if s != nil {
				t.Errorf("NumericScale(%q) = %+v, want nil", tc.groups, *s)
			}
		case s == nil || s.Min != tc.min || s.Max != tc.max || s.Label != "year":
			t.Errorf("NumericScale(%q) = %+v, want year from %v to %v", tc.groups, s, tc.min, tc.max)
		}
	}
}

// TestScaleColors: the ends and the middle of a Scale are viridis at 0,
// 0.45 and 0.9, and a value that is not a number is Grey.
func TestScaleColors(t *testing.T) {
	s := &Scale{Label: "year", Min: 1800, Max: 2000}
	cols := s.Colors([]string{"1800", "1900", "2000", "2100", "", "n.d."})
	for _, tc := range []struct {
		group string
		want  color.Color
	}{
		{"1800", viridis[0]}, // #440154, viridis(0)
		{"2000", viridis[9]}, // #BBDF27, viridis(0.9): the top of the scale
		{"2100", viridis[9]}, // clamped
		// viridis(0.45): halfway between viridis[4] #2A788E and [5]
		// #21908C, by hand: (42+33)/2 = 37.5 → 38, (120+144)/2 = 132,
		// (142+140)/2 = 141.
		{"1900", color.RGBA{38, 132, 141, 0xFF}},
		{"", Grey},
		{"n.d.", Grey},
	} {
		if got := cols[tc.group]; got != tc.want {
			t.Errorf("Colors[%q] = %v, want %v", tc.group, got, tc.want)
		}
	}
}

// TestScaleLegend: a map coloured on a Scale has a colour bar, labelled
// with the column and its range's round numbers, instead of one swatch
// per value: 221 years and no "+N more".
func TestScaleLegend(t *testing.T) {
	var years []string
	var pts []Point
	for i := range 221 {
		y := fmt.Sprint(1800 + i)
		years = append(years, y)
		pts = append(pts, Point{ID: "d" + y, Group: y, X: math.Cos(float64(i)), Y: math.Sin(float64(i))})
	}
	pts = append(pts, Point{ID: "undated", X: 0, Y: 0})
	s := NumericScale("year", years)
	f, err := scatterFigure(pts, nil, Options{Colors: s.Colors(years), Scale: s})
	if err != nil {
		t.Fatal(err)
	}
	dump(t, f, "scale_legend.svg")
	texts := checkTexts(t, f)
	var got []string
	for _, tb := range texts {
		got = append(got, tb.s)
	}
	all := strings.Join(got, "|")
	// niceTicks over 1800–2020: every 50 years.
	for _, want := range []string{"|year|", "|1800|", "|1850|", "|2000|", "|(none)|"} {
		if !strings.Contains("|"+all+"|", want) {
			t.Errorf("legend texts %q lack %q", got, strings.Trim(want, "|"))
		}
	}
	if strings.Contains(all, "more") {
		t.Errorf("legend texts %q: a Scale's legend counts no values", got)
	}
	if n := countPrefix(texts, "18"); n > 3 {
		t.Errorf("%d texts name a year of the 1800s, want the colour bar's ticks only", n)
	}
}

// dump writes f's SVG to the folder CHART_DUMP names, if any, to look at.
func dump(t *testing.T, f figure, name string) {
	t.Helper()
	if dir := os.Getenv("CHART_DUMP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), svgOf(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
