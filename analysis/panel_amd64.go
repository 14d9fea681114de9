package analysis

import "golang.org/x/sys/cpu"

// useAVX2 selects the assembly kernels (panel_amd64.s); x/sys/cpu also
// checks that the operating system saves the AVX registers.
var useAVX2 = cpu.X86.HasAVX2

// manhattan16AVX2 is manhattan16Go over n features of a and the four
// panels from blk, which follow one another (4n values each).
//
//go:noescape
func manhattan16AVX2(a *float64, n int, blk *float64, out *[panelRows]float64)

// sqEuclidean16AVX2 is sqEuclidean16Go as manhattan16AVX2.
//
//go:noescape
func sqEuclidean16AVX2(a *float64, n int, blk *float64, out *[panelRows]float64)
