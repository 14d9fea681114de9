package analysis

import "math/rand/v2"

// newRand returns a seeded generator so that every random test is repeatable.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }
