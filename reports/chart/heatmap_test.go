package chart

import (
	"fmt"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// TestCornerGlyphsLayout: a heatmap laid out with its corner cells' glyph
// boxes gets the data area it gets with every cell's box (gonum/plot's
// HeatMap), for grids whose cells are wider and narrower than the boxes.
func TestCornerGlyphsLayout(t *testing.T) {
	_, _, d, _, _ := big(250)
	rates := func(k, n int) rateGrid {
		r := make([][]float64, k)
		for i := range r {
			r[i] = make([]float64, n)
		}
		return rateGrid{rates: r, n: n}
	}
	grids := []struct {
		name string
		g    plotter.GridXYZ
	}{
		{"1×1", orderedGrid{m: d, order: []int{7}}},
		{"2×2", orderedGrid{m: d, order: []int{3, 1}}},
		{"9×9", orderedGrid{m: d, order: seq(9)}},
		{"250×250", orderedGrid{m: d, order: seq(250)}},
		{"3×200", rates(3, 200)},
		{"40×1", rates(40, 1)},
	}
	padded := 0 // cases where the glyph boxes move the data area
	for _, tc := range grids {
		g := tc.g
		for _, size := range []vg.Length{60, 300, 900} {
			t.Run(fmt.Sprintf("%s in %v", tc.name, size), func(t *testing.T) {
				canvas := draw.New(vgsvg.New(size, size))
				area := func(glyphs string) vg.Rectangle {
					c, r := g.Dims()
					p := newPlot("", "", "")
					p.X.Padding, p.Y.Padding = 0, 0
					p.X.Min, p.X.Max = -0.5, float64(c)-0.5
					p.Y.Min, p.Y.Max = -0.5, float64(r)-0.5
					h := plotter.NewHeatMap(g, distancePalette())
					switch glyphs {
					case "corners":
						p.Add(cornerGlyphs{h})
					case "every cell":
						p.Add(h)
					case "none":
						p.Add(struct{ plot.Plotter }{h})
					}
					return p.DataCanvas(canvas).Rectangle
				}
				got, want := area("corners"), area("every cell")
				if got != want {
					t.Errorf("data area %v, want %v (every cell's glyph box)", got, want)
				}
				if want != area("none") {
					padded++
				}
			})
		}
	}
	if padded == 0 {
		t.Error("the glyph boxes never moved the data area: the test compares nothing")
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
