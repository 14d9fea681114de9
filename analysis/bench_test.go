package analysis

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// benchFreq returns a seeded synthetic docs × features table of per-cent
// frequencies with a Zipf-like column profile and some zeros.
func benchFreq(docs, features int) *mat.Dense {
	rnd := newRand(42)
	f := mat.NewDense(docs, features, nil)
	for i := 0; i < docs; i++ {
		for j := 0; j < features; j++ {
			if rnd.Float64() < 0.05 {
				continue
			}
			f.Set(i, j, 5/float64(j+1)*(0.5+rnd.Float64()))
		}
	}
	return f
}

func BenchmarkDistanceMatrix(b *testing.B) {
	for _, size := range []struct{ docs, features int }{{100, 500}, {1000, 500}} {
		f := benchFreq(size.docs, size.features)
		for _, m := range Measures() {
			b.Run(fmt.Sprintf("%s/%dx%d", m, size.docs, size.features), func(b *testing.B) {
				b.ReportAllocs()
				dst := mat.NewSymDense(size.docs, nil)
				for b.Loop() {
					if _, err := DistanceMatrix(dst, m, f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{100, 1000} {
		d, err := DistanceMatrix(nil, Delta, benchFreq(n, 500))
		if err != nil {
			b.Fatal(err)
		}
		for _, method := range Linkages() {
			b.Run(fmt.Sprintf("%s/%d", method, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Cluster(d, method); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkMDS(b *testing.B) {
	for _, n := range []int{100, 1000} {
		d, err := DistanceMatrix(nil, Delta, benchFreq(n, 500))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := MDS(d, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkComputeDiversity(b *testing.B) {
	rnd := newRand(9)
	toks := make([]string, 10000)
	for i := range toks {
		toks[i] = fmt.Sprint(int(1000 * rnd.Float64() * rnd.Float64()))
	}
	b.ReportAllocs()
	for b.Loop() {
		ComputeDiversity(toks)
	}
}

// BenchmarkKNearest is the nearest-neighbour search of a large corpus's
// default run: delta over 100 MFW.
func BenchmarkKNearest(b *testing.B) {
	f := benchFreq(4000, 100)
	for _, m := range []Measure{Delta, Cosine} {
		b.Run(fmt.Sprintf("%s/4000x100", m), func(b *testing.B) {
			for b.Loop() {
				if _, err := KNearest(m, f, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
