package analysis

import (
	"math"
	"slices"
)

// svc is one trained binary machine: its support vectors (Gram rows),
// their y_t α_t, and ρ.
type svc struct {
	sv   []int
	coef []float64
	rho  float64
}

// decision is Σ y_t α_t K(x_t, x) − ρ for the item whose Gram row is k,
// summed over the support vectors in order, as libsvm's svm_predict_values.
func (c svc) decision(k []float64) float64 {
	var s float64
	for t, p := range c.sv {
		s += float64(c.coef[t] * k[p])
	}
	return s - c.rho
}

// The states of an α_t: at 0, at C, or between.
const (
	lowerBound uint8 = iota
	upperBound
	freeAlpha
)

// smo is libsvm 3.37's Solver (Fan, Chen & Lin 2005) for the C-SVC dual
// with p = −1 and one C for every item, its arrays indexed by position:
// shrinking moves the variables it sets aside past active, swapping
// positions as libsvm's swap_index does, and perm gives each position's
// item in the subproblem. Q is rounded to float32 as libsvm's kernel cache
// holds it; QD, the gradient and α stay in float64, as libsvm's.
type smo struct {
	l, active int
	c, eps    float64
	unshrink  bool
	perm      []int
	y         []float64 // ±1
	alpha     []float64
	grad      []float64 // ∇ = Qα − 1
	gbar      []float64 // Σ over α_s = C of C Q_ts, libsvm's G_bar
	qd        []float64
	status    []uint8
	// rows[o] is row o of Q over the subproblem's items in their own
	// order, computed when first used; yo and at give item o's label and
	// Gram row.
	rows [][]float32
	yo   []float64
	at   func(o, u int) float64
}

// row returns the row of Q of the item at position t, indexed by item
// (read it at perm[u] for position u).
func (s *smo) row(t int) []float32 {
	o := s.perm[t]
	if s.rows[o] == nil {
		r := make([]float32, s.l)
		for u := range r {
			r[u] = float32(s.yo[o] * s.yo[u] * s.at(o, u))
		}
		s.rows[o] = r
	}
	return s.rows[o]
}

func (s *smo) setStatus(t int) {
	switch {
	case s.alpha[t] >= s.c:
		s.status[t] = upperBound
	case s.alpha[t] <= 0:
		s.status[t] = lowerBound
	default:
		s.status[t] = freeAlpha
	}
}

func (s *smo) swap(i, j int) {
	s.perm[i], s.perm[j] = s.perm[j], s.perm[i]
	s.y[i], s.y[j] = s.y[j], s.y[i]
	s.alpha[i], s.alpha[j] = s.alpha[j], s.alpha[i]
	s.grad[i], s.grad[j] = s.grad[j], s.grad[i]
	s.gbar[i], s.gbar[j] = s.gbar[j], s.gbar[i]
	s.qd[i], s.qd[j] = s.qd[j], s.qd[i]
	s.status[i], s.status[j] = s.status[j], s.status[i]
}

// trainSVC solves the C-SVC dual of the items pos (+1) and neg (−1), in
// that order, Gram rows of g (m × m), by libsvm's Solver::Solve: the same
// working sets, updates, clipping, shrinking (when shrinking is set, as
// libsvm's default -h 1) and ρ, with Q rounded to float32 as libsvm's
// kernel cache holds it, so that it takes libsvm's steps. (In float64 the
// first 1e-8 of difference sends the path elsewhere, to a solution as
// good within eps but some 1e-4 away in decision value.)
func trainSVC(g []float64, m int, pos, neg []int, c, eps float64, shrinking bool) svc {
	idx := append(slices.Clone(pos), neg...)
	l := len(idx)
	s := &smo{l: l, active: l, c: c, eps: eps,
		perm: make([]int, l), y: make([]float64, l), alpha: make([]float64, l),
		grad: make([]float64, l), gbar: make([]float64, l), qd: make([]float64, l),
		status: make([]uint8, l), rows: make([][]float32, l),
		at: func(o, u int) float64 { return g[idx[o]*m+idx[u]] }}
	for t := range l {
		s.perm[t] = t
		s.y[t] = 1
		if t >= len(pos) {
			s.y[t] = -1
		}
		s.grad[t] = -1
		s.qd[t] = s.at(t, t)
	}
	s.yo = slices.Clone(s.y)
	maxIter := max(10_000_000, 100*l)
	iter := 0
	counter := min(l, 1000) + 1
	for iter < maxIter {
		if counter--; counter == 0 {
			counter = min(l, 1000)
			if shrinking {
				s.shrink()
			}
		}
		i, j, ok := s.workingSet()
		if !ok {
			s.reconstruct()
			s.active = l
			if i, j, ok = s.workingSet(); !ok {
				break
			}
			counter = 1 // shrink at the next step
		}
		iter++
		s.step(i, j)
	}
	if iter >= maxIter && s.active < l {
		s.reconstruct()
		s.active = l
	}
	out := svc{rho: s.rho()}
	alpha := make([]float64, l)
	for t, o := range s.perm {
		alpha[o] = s.alpha[t]
	}
	for o, a := range alpha {
		if a > 0 {
			out.sv = append(out.sv, idx[o])
			out.coef = append(out.coef, s.yo[o]*a)
		}
	}
	return out
}

// workingSet is libsvm's select_working_set among the active positions:
// i maximises −y_t ∇_t over I_up; j, among I_low with −y_j ∇_j < −y_i ∇_i,
// gives the largest second-order decrease of the objective. ok is false
// when the largest violation is below eps.
func (s *smo) workingSet() (i, j int, ok bool) {
	const tau = 1e-12 // libsvm's TAU
	inf := math.Inf(1)
	gmax, gmax2 := -inf, -inf
	i, j = -1, -1
	grad, status, y := s.grad[:s.active], s.status[:s.active], s.y[:s.active]
	for t, st := range status {
		if y[t] == 1 {
			if st != upperBound && -grad[t] >= gmax {
				gmax, i = -grad[t], t
			}
		} else if st != lowerBound && grad[t] >= gmax {
			gmax, i = grad[t], t
		}
	}
	objMin := inf
	if i >= 0 {
		qi, yi, perm := s.row(i), y[i], s.perm
		for t, st := range status {
			var diff, quad float64
			if y[t] == 1 {
				if st == lowerBound {
					continue
				}
				diff = gmax + grad[t]
				if grad[t] >= gmax2 {
					gmax2 = grad[t]
				}
				if diff <= 0 {
					continue
				}
				quad = s.qd[i] + s.qd[t] - 2*yi*float64(qi[perm[t]])
			} else {
				if st == upperBound {
					continue
				}
				diff = gmax - grad[t]
				if -grad[t] >= gmax2 {
					gmax2 = -grad[t]
				}
				if diff <= 0 {
					continue
				}
				quad = s.qd[i] + s.qd[t] + 2*yi*float64(qi[perm[t]])
			}
			if quad <= 0 {
				quad = tau
			}
			if obj := -(diff * diff) / quad; obj <= objMin {
				j, objMin = t, obj
			}
		}
	}
	if gmax+gmax2 < s.eps || j == -1 {
		return 0, 0, false
	}
	return i, j, true
}

// step updates α_i and α_j along the constraint, clipped to the box, and
// the gradient over the active positions and G_bar over all.
func (s *smo) step(i, j int) {
	const tau = 1e-12
	c, alpha, grad := s.c, s.alpha, s.grad
	qi, qj := s.row(i), s.row(j)
	pj := s.perm[j]
	oldI, oldJ := alpha[i], alpha[j]
	if s.y[i] != s.y[j] {
		quad := s.qd[i] + s.qd[j] + 2*float64(qi[pj])
		if quad <= 0 {
			quad = tau
		}
		delta := (-grad[i] - grad[j]) / quad
		diff := alpha[i] - alpha[j]
		alpha[i] += delta
		alpha[j] += delta
		if diff > 0 {
			if alpha[j] < 0 {
				alpha[j], alpha[i] = 0, diff
			}
		} else if alpha[i] < 0 {
			alpha[i], alpha[j] = 0, -diff
		}
		if diff > 0 { // C_i − C_j = 0
			if alpha[i] > c {
				alpha[i], alpha[j] = c, c-diff
			}
		} else if alpha[j] > c {
			alpha[j], alpha[i] = c, c+diff
		}
	} else {
		quad := s.qd[i] + s.qd[j] - 2*float64(qi[pj])
		if quad <= 0 {
			quad = tau
		}
		delta := (grad[i] - grad[j]) / quad
		sum := alpha[i] + alpha[j]
		alpha[i] -= delta
		alpha[j] += delta
		if sum > c {
			if alpha[i] > c {
				alpha[i], alpha[j] = c, sum-c
			}
		} else if alpha[j] < 0 {
			alpha[j], alpha[i] = 0, sum
		}
		if sum > c {
			if alpha[j] > c {
				alpha[j], alpha[i] = c, sum-c
			}
		} else if alpha[i] < 0 {
			alpha[i], alpha[j] = 0, sum
		}
	}
	di, dj := alpha[i]-oldI, alpha[j]-oldJ
	for t, p := range s.perm[:s.active] {
		// The conversions keep each product rounded, as libsvm's, where
		// a compiler could fuse it into the addition.
		grad[t] += float64(float64(qi[p])*di) + float64(float64(qj[p])*dj)
	}
	ui, uj := s.status[i] == upperBound, s.status[j] == upperBound
	s.setStatus(i)
	s.setStatus(j)
	for _, x := range [2]struct {
		was bool
		t   int
		q   []float32
	}{{ui, i, qi}, {uj, j, qj}} {
		if x.was == (s.status[x.t] == upperBound) {
			continue
		}
		for k, p := range s.perm {
			if x.was {
				s.gbar[k] -= float64(c * float64(x.q[p]))
			} else {
				s.gbar[k] += float64(c * float64(x.q[p]))
			}
		}
	}
}

// reconstruct is libsvm's reconstruct_gradient: the gradient of the
// positions set aside, from G_bar and the free α.
func (s *smo) reconstruct() {
	if s.active == s.l {
		return
	}
	for t := s.active; t < s.l; t++ {
		s.grad[t] = s.gbar[t] - 1
	}
	free := 0
	for _, st := range s.status[:s.active] {
		if st == freeAlpha {
			free++
		}
	}
	if free*s.l > 2*s.active*(s.l-s.active) {
		for t := s.active; t < s.l; t++ {
			qt := s.row(t)
			for u := range s.active {
				if s.status[u] == freeAlpha {
					s.grad[t] += float64(s.alpha[u] * float64(qt[s.perm[u]]))
				}
			}
		}
		return
	}
	for u := range s.active {
		if s.status[u] != freeAlpha {
			continue
		}
		qu, a := s.row(u), s.alpha[u]
		for t := s.active; t < s.l; t++ {
			s.grad[t] += float64(a * float64(qu[s.perm[t]]))
		}
	}
}

// shrink is libsvm's do_shrinking: the positions that cannot be in a
// violating pair at present are moved past active; once the violation is
// within 10 eps the gradient is rebuilt and every position comes back,
// once.
func (s *smo) shrink() {
	inf := math.Inf(1)
	gmax1, gmax2 := -inf, -inf // max −y∇ over I_up, max y∇ over I_low
	for t := range s.active {
		g, st := s.grad[t], s.status[t]
		if s.y[t] == 1 {
			if st != upperBound && -g >= gmax1 {
				gmax1 = -g
			}
			if st != lowerBound && g >= gmax2 {
				gmax2 = g
			}
		} else {
			if st != upperBound && -g >= gmax2 {
				gmax2 = -g
			}
			if st != lowerBound && g >= gmax1 {
				gmax1 = g
			}
		}
	}
	if !s.unshrink && gmax1+gmax2 <= s.eps*10 {
		s.unshrink = true
		s.reconstruct()
		s.active = s.l
	}
	shrunk := func(t int) bool {
		g := s.grad[t]
		switch s.status[t] {
		case upperBound:
			if s.y[t] == 1 {
				return -g > gmax1
			}
			return -g > gmax2
		case lowerBound:
			if s.y[t] == 1 {
				return g > gmax2
			}
			return g > gmax1
		}
		return false
	}
	for t := 0; t < s.active; t++ {
		if !shrunk(t) {
			continue
		}
		s.active--
		for s.active > t {
			if !shrunk(s.active) {
				s.swap(t, s.active)
				break
			}
			s.active--
		}
	}
}

// rho is libsvm's calculate_rho: the mean of y_t ∇_t over the free α_t,
// else the middle of the bounds the others set.
func (s *smo) rho() float64 {
	inf := math.Inf(1)
	ub, lb, sum, free := inf, -inf, 0.0, 0
	for t, st := range s.status[:s.active] {
		yg := s.y[t] * s.grad[t]
		switch {
		case st == upperBound && s.y[t] == -1, st == lowerBound && s.y[t] == 1:
			ub = min(ub, yg)
		case st == upperBound, st == lowerBound:
			lb = max(lb, yg)
		default:
			free++
			sum += yg
		}
	}
	if free > 0 {
		return sum / float64(free)
	}
	return (ub + lb) / 2
}
