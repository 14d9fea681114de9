package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Merge is one step of an agglomerative clustering in SciPy's linkage
// layout (scipy.cluster.hierarchy.linkage): step k joins clusters A and B
// at Height into a cluster of Size leaves, numbered n+k. Ids below n are
// the leaves (documents).
type Merge struct {
	A, B   int
	Height float64
	Size   int
}

// LeafOrder returns the leaves of the tree given by merges over n leaves
// in dendrogram order: depth first from the last merge, A before B, as
// scipy.cluster.hierarchy.leaves_list does. With no merges it returns
// 0..n-1. It returns an error when the merges do not form one tree over
// n leaves.
func LeafOrder(merges []Merge, n int) ([]int, error) {
	if n == 0 {
		return nil, nil
	}
	if len(merges) != n-1 {
		return nil, fmt.Errorf("leaf order: %d merges for %d leaves, want %d", len(merges), n, n-1)
	}
	if n == 1 {
		return []int{0}, nil
	}
	used := make([]bool, 2*n-1)
	for k, m := range merges {
		for _, c := range []int{m.A, m.B} {
			if c < 0 || c >= n+k || used[c] {
				return nil, fmt.Errorf("leaf order: merge %d uses cluster %d before it exists or twice", k, c)
			}
			used[c] = true
		}
	}
	return leavesUnder(merges, n, 2*n-2), nil
}

// leavesUnder returns the leaves of the cluster root (a leaf, or n + k for
// merge k) in dendrogram order: depth first, A before B.
func leavesUnder(merges []Merge, n, root int) []int {
	var order []int
	stack := []int{root}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c < n {
			order = append(order, c)
			continue
		}
		m := merges[c-n]
		stack = append(stack, m.B, m.A)
	}
	return order
}

// Dendrogram writes a horizontal dendrogram of merges (SciPy linkage
// layout) over the documents ids: leaves on the y axis in LeafOrder, the
// first leaf at the top, merge heights on the x axis. Each leaf has a
// square in the colour of its group (groups[i], Options.Colors or
// Palette) and a legend of groups; groups may be nil. Leaf labels are
// thinned when they would overlap; every leaf and every merge has a
// tooltip. The canvas height grows with n up to MaxSize. It returns an
// error when the merges do not form one tree over the ids.
func Dendrogram(w io.Writer, ids, groups []string, merges []Merge, opt Options) error {
	f, err := dendrogramFigure(ids, groups, merges, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func dendrogramFigure(ids, groups []string, merges []Merge, opt Options) (figure, error) {
	n := len(ids)
	if n == 0 {
		return figure{}, errors.New("dendrogram: no documents")
	}
	if groups != nil && len(groups) != n {
		return figure{}, fmt.Errorf("dendrogram: %d groups for %d documents", len(groups), n)
	}
	order, err := LeafOrder(merges, n)
	if err != nil {
		return figure{}, fmt.Errorf("dendrogram: %w", err)
	}
	group := func(i int) string {
		if groups == nil {
			return ""
		}
		return groups[i]
	}
	pal := groupColors(opt, groups)
	shapes := groupShapes(opt, groups)
	var lg legend
	if groups != nil {
		lg = groupLegend(groups, opt, pal, shapes)
	}

	// Node positions: leaves at x=0, y=n-1-slot; clusters at their height,
	// midway between their children.
	xs := make([]float64, 2*n-1)
	ys := make([]float64, 2*n-1)
	ordered := make([]string, n)
	for slot, leaf := range order {
		ys[leaf] = float64(n - 1 - slot)
		ordered[slot] = ids[leaf]
	}
	hmax := 0.0
	for k, m := range merges {
		xs[n+k] = m.Height
		ys[n+k] = (ys[m.A] + ys[m.B]) / 2
		hmax = max(hmax, m.Height)
	}
	if hmax <= 0 {
		hmax = 1
	}

	H := clampLen(vg.Length(n)*12+3*vg.Centimeter, 8*vg.Centimeter, MaxSize)
	if opt.Title != "" {
		H += 20
	}
	W := opt.width() + lg.width(H)

	paint := func(c draw.Canvas, t *tips) {
		c = withLegend(margin(c, 6), lg, t)
		p := newPlot(opt.Title, orDefault(opt.XLabel, "height"), opt.YLabel)
		p.X.Min, p.X.Max = 0, hmax*1.02
		p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
		p.Y.Padding = 0
		p.Y.LineStyle.Width, p.Y.Tick.Length = 0, 0 // the leaf squares mark the rows
		ypos := func(i int) float64 { return float64(n - 1 - i) }
		p.Y.Tick.Marker = nominalTicks(ordered, ypos, 1)
		dc := p.DataCanvas(c)
		p.Y.Tick.Marker = nominalTicks(ordered, ypos, thinStep(n, dc.Max.Y-dc.Min.Y, labelHeight()))
		p.Add(plotFunc(func(dc draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&dc)
			line := draw.LineStyle{Color: color.Gray{0x33}, Width: 0.8}
			for k, m := range merges {
				h := m.Height
				dc.StrokeLines(line, []vg.Point{
					{X: tx(xs[m.A]), Y: ty(ys[m.A])},
					{X: tx(h), Y: ty(ys[m.A])},
					{X: tx(h), Y: ty(ys[m.B])},
					{X: tx(xs[m.B]), Y: ty(ys[m.B])},
				})
				t.addPoint(vg.Point{X: tx(h), Y: ty(ys[n+k])}, 3,
					fmt.Sprintf("merge %d: height %s, %d documents", k+1, val(h), m.Size))
			}
			side := min(6, (dc.Max.Y-dc.Min.Y)/vg.Length(n)*0.8)
			for _, leaf := range order {
				pt := vg.Point{X: tx(0), Y: ty(ys[leaf])}
				clr, shape := color.Color(color.Gray{0x33}), Plain
				if groups != nil {
					clr, shape = colorOf(pal, group(leaf)), shapes[group(leaf)]
				}
				drawMark(dc, shape, markSquare, clr, vg.Point{X: pt.X + side/2, Y: pt.Y}, side/2)
				tipText := ids[leaf]
				if g := group(leaf); g != "" {
					tipText += " (" + g + ")"
				}
				half := (dc.Max.Y - dc.Min.Y) / vg.Length(2*n)
				t.add(rect(c.Min.X, pt.Y-half, pt.X, pt.Y+half), tipText)
			}
		}))
		p.Draw(c)
	}
	return figure{w: W, h: H, draw: paint}, nil
}

// plotFunc adapts a function to plot.Plotter.
type plotFunc func(c draw.Canvas, p *plot.Plot)

func (f plotFunc) Plot(c draw.Canvas, p *plot.Plot) { f(c, p) }

// Truncate cuts the tree given by merges over n leaves to its top p
// clusters, as scipy.cluster.hierarchy.dendrogram's truncate_mode="lastp"
// does: the clusters left after the first n − p merges become the leaves
// of a tree of the last p − 1 merges. members[i] lists the original leaves
// of new leaf i (ascending); new leaves are numbered in the order the top
// merges first name them, and top holds those merges over them, heights
// and sizes kept. With p ≥ n the tree is returned whole, a leaf a cluster.
func Truncate(merges []Merge, n, p int) (members [][]int, top []Merge, err error) {
	if _, err := LeafOrder(merges, n); err != nil {
		return nil, nil, fmt.Errorf("truncate: %w", err)
	}
	if p < 1 {
		return nil, nil, fmt.Errorf("truncate: %d clusters, want 1 or more", p)
	}
	if n == 0 {
		return nil, nil, nil
	}
	cut := max(0, n-p)
	p = n - cut
	leavesOf := func(root int) []int {
		leaves := leavesUnder(merges, n, root)
		slices.Sort(leaves)
		return leaves
	}
	index := map[int]int{} // a node of the original tree -> its node in the truncated one
	name := func(c int) int {
		if c >= n+cut {
			return p + (c - n - cut) // a top merge
		}
		k, ok := index[c]
		if !ok {
			k = len(members)
			index[c] = k
			members = append(members, leavesOf(c))
		}
		return k
	}
	for k := cut; k < n-1; k++ {
		m := merges[k]
		top = append(top, Merge{A: name(m.A), B: name(m.B), Height: m.Height, Size: m.Size})
	}
	if len(members) == 0 { // one cluster: the whole tree (a single leaf too)
		members = [][]int{leavesOf(2*n - 2)}
	}
	return members, top, nil
}
