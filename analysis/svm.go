package analysis

import (
	"cmp"
	"maps"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// SVMTolerance is the stopping tolerance of AttributeSVM's solver: libsvm's
// default eps, e1071's tolerance = 0.001. The solver stops when the largest
// violation of the optimality conditions, max over I_up of −y_t ∇_t minus
// min over I_low of −y_t ∇_t, falls below it.
const SVMTolerance = 1e-3

// AttributeSVM attributes each labelled item by a linear support vector
// machine, as stylo's classify(method = "svm") does (perform.svm:
// e1071::svm with kernel = "linear" and cost = 1, that is libsvm's C-SVC,
// one against one). z holds the items' z-scores (items × features); cost
// is C, stylo's 1.
//
// For an item of fold h the machines are trained on the labelled items of
// the other folds only: for each pair of their labels a < b (byte order),
// a binary C-SVC with a's items as +1 and b's as −1, in item order, solves
//
//	min_α ½ αᵀQα − Σ α_t   subject to 0 ≤ α_t ≤ C, Σ y_t α_t = 0,
//
// Q_st = y_s y_t x_s·x_t, by SMO (Platt 1998) with the second-order
// working set selection of Fan, Chen & Lin (2005, JMLR 6), step for step
// as libsvm 3.37's Solver with its default shrinking: the same working
// sets, clipping, shrinking and ρ (the mean of y_t ∇_t over the free α_t,
// else the middle of their bounds), Q rounded to float32 as libsvm's
// kernel cache holds it, to the tolerance SVMTolerance, at most
// max(10⁷, 100 l) steps for l items. The decision value for an item x is
// Σ y_t α_t x_t·x − ρ; a positive value is a vote for a, any other for b,
// as in libsvm's svm_predict; the label with most votes wins, ties to the
// label first in byte order (libsvm's first label: scikit-learn sorts its
// labels so, e1071 and plain libsvm take them in order of first
// appearance in the training data, which decides only their ties and
// which side of each machine is +1).
//
// Candidates are the trained labels in that order (votes, then label),
// each with Distance minus its mean signed decision value over its K − 1
// machines (positive for it): stylo's perform.svm score, negated so that
// less is nearer. stylo ranks by that score and predicts its top label;
// here the prediction is libsvm's vote (e1071's predict), and the two can
// differ when the votes are close. With one trained label it is the only
// candidate, at Distance 0.
//
// e1071 standardises each feature over the training items (scale = TRUE;
// perform.svm passes it relative frequencies, and drops features absent
// from every training text; e1071 scales nothing when a feature is
// constant there); here the z-scores are taken as given, computed over
// every item as for Delta (no label enters them), so that the Gram matrix
// of the labelled items is computed once for every fold. A linear machine
// is unchanged by centring the features but not by rescaling them: the
// two differ as the features' standard deviations over all items and over
// the training items do. A label whose every item is in the held-out fold
// is no candidate, and an item whose label no item of another fold has is
// Unattributable, as in AttributeCentroids.
//
// Cost: the Gram matrix, n² × features / 2 multiplications for n labelled
// items, and n² floats; then per fold one SMO for each pair of labels of
// which the fold holds an item (the other pairs' machines are those
// trained on all items, trained once). A step costs O(l) for the pair's l
// items, and the steps run from a few l where the labels separate to a
// hundred l or more where they overlap; leave-one-out trains K − 1
// machines per document.
//
// p is told of the folds done and asked between machines whether to go on
// (see Progress; nil: never stops): stopped, AttributeSVM returns the
// folds done.
func AttributeSVM(z mat.Matrix, labels []string, folds []int, cost float64, p Progress) []Attribution {
	n, _ := z.Dims()
	if len(labels) != n || len(folds) != n {
		panic("analysis: length mismatch")
	}
	if !(cost > 0) {
		panic("analysis: AttributeSVM needs cost > 0")
	}
	others := otherGroups(labels, folds)
	var items []int // labelled items; Gram rows and columns follow them
	byFold := map[int][]int{}
	for i, l := range labels {
		if l != "" {
			byFold[folds[i]] = append(byFold[folds[i]], len(items))
			items = append(items, i)
		}
	}
	g := gram(z, items)
	m := len(items)
	all := map[string][]int{} // each label's items, Gram rows
	for p, i := range items {
		all[labels[i]] = append(all[labels[i]], p)
	}
	// A machine whose two labels have no item in the held-out fold is
	// trained on the same items as without folds: it is trained once.
	whole := map[[2]string]svc{}
	var out []Attribution
	attributed := make([]*Attribution, m)
	order := slices.Sorted(maps.Keys(byFold))
	stopped := false
	for done, h := range order {
		if stopped = p.stop(done, len(order)); stopped {
			break
		}
		// The training items by label, labels in byte order.
		byLabel := map[string][]int{}
		held := map[string]bool{}
		for p, i := range items {
			if folds[i] != h {
				byLabel[labels[i]] = append(byLabel[labels[i]], p)
			} else {
				held[labels[i]] = true
			}
		}
		trained := slices.Sorted(maps.Keys(byLabel))
		machines := make([]svc, 0, len(trained)*(len(trained)-1)/2)
		for x, a := range trained {
			if stopped = p.stop(done, len(order)); stopped {
				break
			}
			for _, b := range trained[x+1:] {
				if held[a] || held[b] {
					machines = append(machines, trainSVC(g, m, byLabel[a], byLabel[b], cost, SVMTolerance, true))
					continue
				}
				key := [2]string{a, b}
				if _, ok := whole[key]; !ok {
					whole[key] = trainSVC(g, m, all[a], all[b], cost, SVMTolerance, true)
				}
				machines = append(machines, whole[key])
			}
		}
		if stopped {
			break
		}
		for _, p := range byFold[h] {
			i := items[p]
			a := &Attribution{Item: i, Label: labels[i], Unattributable: !others(i)}
			attributed[p] = a
			if len(trained) == 0 {
				continue
			}
			votes := make([]int, len(trained))
			score := make([]float64, len(trained))
			k := 0
			for x := range trained {
				for y := x + 1; y < len(trained); y++ {
					d := machines[k].decision(g[p*m : (p+1)*m])
					k++
					if d > 0 {
						votes[x]++
					} else {
						votes[y]++
					}
					score[x] += d
					score[y] -= d
				}
			}
			order := make([]int, len(trained))
			for x := range order {
				order[x] = x
			}
			slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(votes[y], votes[x]) })
			for r, x := range order {
				d := 0.0
				if len(trained) > 1 {
					d = -score[x] / float64(len(trained)-1)
				}
				a.Candidates = append(a.Candidates, Candidate{Label: trained[x], Distance: d, Item: -1})
				if trained[x] == a.Label {
					a.Rank = r + 1
				}
			}
			a.Predicted = a.Candidates[0].Label
		}
	}
	for _, a := range attributed {
		if a != nil && (len(a.Candidates) > 0 || a.Unattributable) {
			out = append(out, *a)
		}
	}
	return out
}

// gram returns the m × m products x_s·x_t of the rows items of z,
// row-major, each summed over the features in order.
func gram(z mat.Matrix, items []int) []float64 {
	_, f := z.Dims()
	m := len(items)
	rows := make([][]float64, m)
	for p, i := range items {
		rows[p] = make([]float64, f)
		mat.Row(rows[p], i, z)
	}
	g := make([]float64, m*m)
	for s := range m {
		for t := s; t < m; t++ {
			// One addition after another, as libsvm's dense dot.
			var v float64
			for k, a := range rows[s] {
				v += float64(a * rows[t][k])
			}
			g[s*m+t], g[t*m+s] = v, v
		}
	}
	return g
}
