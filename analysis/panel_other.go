//go:build !amd64

package analysis

// Without assembly the kernels are manhattan16Go and sqEuclidean16Go.
const useAVX2 = false

func manhattan16AVX2(*float64, int, *float64, *[panelRows]float64) {
	panic("analysis: no AVX2 kernel on this architecture")
}

func sqEuclidean16AVX2(*float64, int, *float64, *[panelRows]float64) {
	panic("analysis: no AVX2 kernel on this architecture")
}
