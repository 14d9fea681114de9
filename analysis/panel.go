package analysis

import "math"

// The Manhattan and squared Euclidean distances of one row to sixteen
// others at once. A pair's sum runs over the features in order, one
// addition after the other, exactly as manhattan and sqEuclidean add them,
// so every distance is bit for bit the one-pair result; what runs side by
// side is sixteen pairs, not parts of one sum. That needs the sixteen rows
// feature by feature: a panel holds four rows transposed (feature f of
// rows 4g … 4g+3 next to each other), and on amd64 with AVX2 one
// instruction then subtracts, takes the absolute value of or adds four
// pairs' terms.

// panelRows is the number of rows one kernel call measures a row against:
// four panels of four.
const panelRows = 16

// panels holds the rows of a table four by four, transposed: row 4g + l,
// feature f is at data[g·4n + 4f + l]. Rows past the last are zero, so that
// the number of panels is a multiple of four.
type panels struct {
	n    int // features
	data []float64
}

// newPanels lays out the rows of x (r rows of n features, row-major).
func newPanels(x []float64, r, n int) *panels {
	blocks := (r + panelRows - 1) / panelRows
	p := &panels{n: n, data: make([]float64, blocks*panelRows*n)}
	for i := range r {
		g, l := i/4, i%4
		dst := p.data[g*4*n:]
		for f, v := range x[i*n : (i+1)*n] {
			dst[4*f+l] = v
		}
	}
	return p
}

// block returns the four panels of rows 16b … 16b+15.
func (p *panels) block(b int) []float64 {
	size := panelRows * p.n
	return p.data[b*size : (b+1)*size]
}

// manhattan16 sets out[q] to manhattan(a, row 16b+q) for the block of
// four panels blk.
func manhattan16(a, blk []float64, out *[panelRows]float64) {
	if len(a) == 0 {
		*out = [panelRows]float64{}
		return
	}
	if useAVX2 {
		manhattan16AVX2(&a[0], len(a), &blk[0], out)
		return
	}
	manhattan16Go(a, blk, out)
}

// sqEuclidean16 is manhattan16 for sqEuclidean.
func sqEuclidean16(a, blk []float64, out *[panelRows]float64) {
	if len(a) == 0 {
		*out = [panelRows]float64{}
		return
	}
	if useAVX2 {
		sqEuclidean16AVX2(&a[0], len(a), &blk[0], out)
		return
	}
	sqEuclidean16Go(a, blk, out)
}

// manhattan16Go is manhattan16 without assembly, panel by panel.
func manhattan16Go(a, blk []float64, out *[panelRows]float64) {
	n := len(a)
	for g := range 4 {
		p := blk[g*4*n : (g+1)*4*n]
		var s0, s1, s2, s3 float64
		for f, v := range a {
			q := p[4*f : 4*f+4]
			s0 += math.Abs(v - q[0])
			s1 += math.Abs(v - q[1])
			s2 += math.Abs(v - q[2])
			s3 += math.Abs(v - q[3])
		}
		out[4*g], out[4*g+1], out[4*g+2], out[4*g+3] = s0, s1, s2, s3
	}
}

// sqEuclidean16Go is sqEuclidean16 without assembly. The conversions keep
// each square rounded before it is added, as the assembly does (Go may
// otherwise fuse the multiplication and the addition on some processors).
func sqEuclidean16Go(a, blk []float64, out *[panelRows]float64) {
	n := len(a)
	for g := range 4 {
		p := blk[g*4*n : (g+1)*4*n]
		var s0, s1, s2, s3 float64
		for f, v := range a {
			q := p[4*f : 4*f+4]
			d0, d1, d2, d3 := v-q[0], v-q[1], v-q[2], v-q[3]
			s0 += float64(d0 * d0)
			s1 += float64(d1 * d1)
			s2 += float64(d2 * d2)
			s3 += float64(d3 * d3)
		}
		out[4*g], out[4*g+1], out[4*g+2], out[4*g+3] = s0, s1, s2, s3
	}
}
