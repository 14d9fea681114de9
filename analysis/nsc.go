package analysis

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// NSCThreshold is the shrinkage Δ of stylo's perform.nsc, which predicts
// with pamr.predict(threshold = 1) whatever thresholds pamr.train tried.
const NSCThreshold = 1.0

// AttributeNSC attributes each labelled item by nearest shrunken centroids
// (Tibshirani, Hastie, Narasimhan & Chu 2002, "Diagnosis of multiple
// cancer types by shrunken centroids of gene expression", PNAS 99(10)),
// as R's pamr 1.57 computes them and stylo's classify(method = "nsc")
// calls it (perform.nsc: pamr.train on the training texts, then
// pamr.predict at the fixed threshold 1, NSCThreshold). x holds the items'
// relative frequencies (items × features), as stylo passes them to pamr,
// which standardises them itself.
//
// For an item of fold h the classifier is trained on the labelled items
// of the other folds only: n items in K classes, class k with n_k items.
// With x̄_ik the mean of feature i over class k, x̄_i its mean over the n
// items, s_i the pooled within-class standard deviation,
//
//	s_i² = 1/(n − K) Σ_k Σ_{j in k} (x_ij − x̄_ik)²,
//
// s_0 the median of the s_i (pamr's offset.percent = 50), and
// m_k = √(1/n_k − 1/n), each class's standardised difference
//
//	d_ik = (x̄_ik − x̄_i) / (m_k (s_i + s_0))
//
// is shrunk towards zero by soft thresholding, d′_ik = sign(d_ik)
// (|d_ik| − Δ)₊ with Δ = threshold, giving the shrunken centroid
// x̄′_ik = x̄_i + m_k (s_i + s_0) d′_ik. A held-out item x* is scored
// against each class by the discriminant
//
//	δ_k(x*) = Σ_i (x*_i − x̄′_ik)² / (s_i + s_0)² − 2 log π_k,
//
// with the prior π_k = n_k / n (pamr's default: the classes' shares of the
// training items), and attributed to the class with the least δ_k. Each
// class is ranked by δ_k, least first, ties to the label first in byte
// order, and Rank is the true label's place among them all; Candidates
// keep the first top (every one when top ≤ 0), each with Distance δ_k
// (Item −1). pamr ranks by the posterior
// exp(−δ_k/2) / Σ_l exp(−δ_l/2), which orders the classes as δ_k does,
// except that pamr caps the exponent at ±500 (safe.exp) and so ties
// classes whose scores lie beyond it; δ_k has no such cap.
//
// Where pamr has no answer this one has a written rule: a class with one
// training item is kept (pamr warns and keeps it too); with K = 1 the
// shrunken centroid is the overall mean (m_k = 0); with n = K the s_i are
// 0; a feature with s_i + s_0 = 0 (no within-class spread in it nor in
// half the features) is left out of d and δ, where pamr would divide by
// zero. A label whose every item is in the held-out fold is no candidate,
// and an item whose label no item of another fold has is Unattributable,
// as in AttributeCentroids. The class sums each fold needs are the totals
// less the fold's own part, so that a fold costs O(K × features) to train
// besides its own items, and leave-one-out is linear in the number of
// items.
func AttributeNSC(x mat.Matrix, labels []string, folds []int, threshold float64, top int) []Attribution {
	n, f := x.Dims()
	if len(labels) != n || len(folds) != n {
		panic("analysis: length mismatch")
	}
	if threshold < 0 {
		panic("analysis: AttributeNSC needs threshold ≥ 0")
	}
	others := otherGroups(labels, folds)
	// The class sums are of x − μ, μ the mean of each feature over the
	// labelled items, so that the within-class sums of squares come out of
	// Σ(x − μ)² − (Σ(x − μ))²/n_k with little cancellation.
	mu := make([]float64, f)
	labelled := 0
	for i, l := range labels {
		if l == "" {
			continue
		}
		labelled++
		for j := range f {
			mu[j] += x.At(i, j)
		}
	}
	if labelled == 0 {
		return nil
	}
	for j := range mu {
		mu[j] /= float64(labelled)
	}
	type moments struct {
		n    int
		s, q []float64 // Σ(x − μ), Σ(x − μ)²
	}
	add := func(m *moments, i int) {
		m.n++
		for j := range f {
			v := x.At(i, j) - mu[j]
			m.s[j] += v
			m.q[j] += v * v
		}
	}
	newMoments := func() *moments { return &moments{s: make([]float64, f), q: make([]float64, f)} }
	total := map[string]*moments{}
	byFold := map[int][]int{}
	for i, l := range labels {
		if l == "" {
			continue
		}
		byFold[folds[i]] = append(byFold[folds[i]], i)
		if total[l] == nil {
			total[l] = newMoments()
		}
		add(total[l], i)
	}
	labelOrder := slices.Sorted(maps.Keys(total))
	out := make([]*Attribution, n)
	// Per fold: the trained classes, the offsets of the overall means from
	// μ, the standardising s_i + s_0, and the shrunken centroids in
	// standardised units, (x̄′_ik − x̄_i)/(s_i + s_0) = m_k d′_ik.
	type class struct {
		label    string
		n        int
		s, q     []float64
		centroid []float64
		logPrior float64
	}
	centroids := make([][]float64, len(labelOrder))
	for k := range centroids {
		centroids[k] = make([]float64, f)
	}
	over, sd, within := make([]float64, f), make([]float64, f), make([]float64, f)
	u := make([]float64, f)
	var cands []Candidate // one item's, reused
	var classes []class
	for _, h := range slices.Sorted(maps.Keys(byFold)) {
		// The fold's own part of each class, taken from the totals.
		part := map[string]*moments{}
		for _, i := range byFold[h] {
			if part[labels[i]] == nil {
				part[labels[i]] = newMoments()
			}
			add(part[labels[i]], i)
		}
		classes = classes[:0]
		nTrain := 0
		for k, l := range labelOrder {
			t, p := total[l], part[l]
			c := class{label: l, n: t.n, s: t.s, q: t.q, centroid: centroids[k]}
			if p != nil {
				c.n -= p.n
				c.s, c.q = make([]float64, f), make([]float64, f)
				for j := range f {
					c.s[j] = t.s[j] - p.s[j]
					c.q[j] = t.q[j] - p.q[j]
				}
			}
			if c.n == 0 {
				continue // every item of l is in fold h
			}
			nTrain += c.n
			classes = append(classes, c)
		}
		K := len(classes)
		clear(over)
		clear(within)
		for _, c := range classes {
			for j := range f {
				over[j] += c.s[j]
				within[j] += max(0, c.q[j]-c.s[j]*c.s[j]/float64(c.n))
			}
		}
		for j := range f {
			over[j] /= float64(nTrain)
			if nTrain > K {
				within[j] = math.Sqrt(within[j] / float64(nTrain-K))
			} else {
				within[j] = 0
			}
		}
		s0 := median(within)
		for j := range f {
			sd[j] = within[j] + s0
		}
		for k := range classes {
			c := &classes[k]
			c.logPrior = math.Log(float64(c.n) / float64(nTrain))
			clear(c.centroid)
			m := math.Sqrt(max(0, 1/float64(c.n)-1/float64(nTrain)))
			if m == 0 {
				continue // one class: its centroid is the overall mean
			}
			for j := range f {
				if sd[j] == 0 {
					continue
				}
				d := (c.s[j]/float64(c.n) - over[j]) / (m * sd[j])
				c.centroid[j] = m * softThreshold(d, threshold)
			}
		}
		for _, i := range byFold[h] {
			a := &Attribution{Item: i, Label: labels[i], Unattributable: !others(i)}
			out[i] = a
			for j := range f {
				if sd[j] != 0 {
					u[j] = (x.At(i, j) - mu[j] - over[j]) / sd[j]
				}
			}
			cands = cands[:0]
			for _, c := range classes {
				var d float64
				for j := range f {
					if sd[j] != 0 {
						e := u[j] - c.centroid[j]
						d += e * e
					}
				}
				cands = append(cands, Candidate{Label: c.label, Distance: d - 2*c.logPrior, Item: -1})
			}
			if len(cands) > 0 {
				a.Candidates = cands
				a.rank() // sorts cands, and ranks the true label among them all
				if top > 0 {
					cands = cands[:min(top, len(cands))]
				}
				// A list of its own, exactly sized: every labelled item
				// keeps one.
				a.Candidates = slices.Clone(cands)
			}
		}
	}
	var res []Attribution
	for _, a := range out {
		if a != nil && (len(a.Candidates) > 0 || a.Unattributable) {
			res = append(res, *a)
		}
	}
	return res
}

// softThreshold is sign(d)(|d| − t)₊.
func softThreshold(d, t float64) float64 {
	switch {
	case d > t:
		return d - t
	case d < -t:
		return d + t
	}
	return 0
}

// median is R's quantile(v, 0.5) (type 7): the middle value, or for an even
// count a + (b − a)/2 of the two middle values a ≤ b; 0 for no values.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.SortFunc(s, cmp.Compare[float64])
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return s[m-1] + 0.5*(s[m]-s[m-1])
}
