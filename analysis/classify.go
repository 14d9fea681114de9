package analysis

import (
	"cmp"
	"maps"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// The classifiers beside the nearest neighbour (Attribute), and the folds
// they are evaluated over. Every classifier takes folds: an item is
// classified from the items of the other folds only, so that with each
// document its own fold (its samples share it) a classifier is evaluated
// by grouped leave-one-out, and with StratifiedFolds by k-fold
// cross-validation. An item whose label no item of another fold has is
// Unattributable, as in Attribute.

// StratifiedFolds assigns each item a fold in 0 … k−1 so that the items of
// one group (the samples of one document; nil: every item its own group)
// share a fold and each label's groups are spread over the folds as evenly
// as they go: the groups of each label, in a seeded random order, are dealt
// to the folds in turn, the deal going on from label to label (labels in
// byte order) so that the folds also stay even in size. Unlabelled items
// get fold −1 and are never classified (and never candidates: they have no
// label). This is stratified k-fold over groups, as scikit-learn's
// StratifiedGroupKFold aims for, with a simpler deal; k is at least 2.
func StratifiedFolds(labels []string, groups []int, k int, seed uint64) []int {
	if k < 2 {
		panic("analysis: StratifiedFolds needs k ≥ 2")
	}
	group := func(i int) int {
		if groups == nil {
			return i
		}
		return groups[i]
	}
	// Each label's groups, in order of first appearance.
	byLabel := map[string][]int{}
	seen := map[int]bool{}
	for i, l := range labels {
		if g := group(i); l != "" && !seen[g] {
			seen[g] = true
			byLabel[l] = append(byLabel[l], g)
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x666f6c64))
	fold := map[int]int{}
	next := 0
	for _, l := range slices.Sorted(maps.Keys(byLabel)) {
		gs := byLabel[l]
		r.Shuffle(len(gs), func(a, b int) { gs[a], gs[b] = gs[b], gs[a] })
		for _, g := range gs {
			fold[g] = next % k
			next++
		}
	}
	out := make([]int, len(labels))
	for i, l := range labels {
		out[i] = -1
		if l != "" {
			out[i] = fold[group(i)]
		}
	}
	return out
}

// AttributeCentroids attributes each labelled item to the label whose
// centroid, the mean z-scores of its items in the other folds, is nearest
// under Burrows's Delta: the mean over features of |z_i − c|. This is
// Delta as Burrows (2002) defined it, a text against each author's mean
// profile, where Attribute takes the nearest single text (stylo's
// classify() with "delta"). z holds the items' z-scores (items × features;
// as Attribute, the z-scores are taken as given, computed over every item).
// Every label with a centroid is ranked by its distance, and Rank is the
// true label's place in that ranking; Candidates keep the first top of
// them (every one when top ≤ 0): a caller that only scores the
// attributions needs no list of every label for every item.
func AttributeCentroids(z mat.Matrix, labels []string, folds []int, top int) []Attribution {
	n, f := z.Dims()
	if len(labels) != n || len(folds) != n {
		panic("analysis: length mismatch")
	}
	others := otherGroups(labels, folds)
	// Sums and counts of each label's rows, over all folds and per fold:
	// a held-out fold's centroids are the totals minus its own part.
	type sum struct {
		v []float64
		n int
	}
	type labelFold struct {
		label string
		fold  int
	}
	total := map[string]*sum{}
	part := map[labelFold]*sum{}
	add := func(m *sum, i int) {
		for j := range f {
			m.v[j] += z.At(i, j)
		}
		m.n++
	}
	for i, l := range labels {
		if l == "" {
			continue
		}
		if total[l] == nil {
			total[l] = &sum{v: make([]float64, f)}
		}
		key := labelFold{l, folds[i]}
		if part[key] == nil {
			part[key] = &sum{v: make([]float64, f)}
		}
		add(total[l], i)
		add(part[key], i)
	}
	labelOrder := slices.Sorted(maps.Keys(total))
	var out []Attribution
	var cands []Candidate // one item's, reused
	for i, l := range labels {
		if l == "" {
			continue
		}
		a := Attribution{Item: i, Label: l, Unattributable: !others(i)}
		cands = cands[:0]
		for _, c := range labelOrder {
			t, p := total[c], part[labelFold{c, folds[i]}]
			cnt := t.n
			if p != nil {
				cnt -= p.n
			}
			if cnt == 0 {
				continue // every item of c is in i's fold
			}
			var d float64
			for j := range f {
				s := t.v[j]
				if p != nil {
					s -= p.v[j]
				}
				d += math.Abs(z.At(i, j) - s/float64(cnt))
			}
			cands = append(cands, Candidate{Label: c, Distance: d / float64(f), Item: -1})
		}
		if len(cands) == 0 {
			if a.Unattributable {
				out = append(out, a)
			}
			continue
		}
		a.Candidates = cands
		a.rank() // sorts cands, and ranks the true label among them all
		if top > 0 {
			cands = cands[:min(top, len(cands))]
		}
		// A list of its own, exactly sized: every labelled item keeps one.
		a.Candidates = slices.Clone(cands)
		out = append(out, a)
	}
	return out
}

// AttributeKNN attributes each labelled item by a vote of its k nearest
// labelled items in the other folds under d (undefined distances are no
// evidence; ties in distance go to the lower index): the label with the
// most votes wins; a tie in votes goes to the label whose voters are
// nearer in sum, then to the label first in byte order. stylo's
// classify(method = "knn") calls class::knn, which measures Euclidean
// distance on the z-scores and breaks tied votes at random; this is the
// same vote over any measure, with a deterministic tie rule. Candidates are
// the labels that got votes, in that order, each with its nearest voter's
// distance; k = 1 is Attribute's choice.
func AttributeKNN(d mat.Symmetric, labels []string, folds []int, k int) []Attribution {
	n := d.SymmetricDim()
	if len(labels) != n || len(folds) != n {
		panic("analysis: length mismatch")
	}
	if k < 1 {
		panic("analysis: AttributeKNN needs k ≥ 1")
	}
	others := otherGroups(labels, folds)
	var out []Attribution
	near := make([]Neighbour, 0, k)
	for i, l := range labels {
		if l == "" {
			continue
		}
		near = near[:0]
		for j := range n {
			if j == i || labels[j] == "" || folds[j] == folds[i] {
				continue
			}
			if v := d.At(i, j); !math.IsNaN(v) {
				near = keepNearest(near, Neighbour{Item: j, Distance: v}, k)
			}
		}
		a := Attribution{Item: i, Label: l, Unattributable: !others(i)}
		if len(near) == 0 {
			if a.Unattributable {
				out = append(out, a)
			}
			continue
		}
		type vote struct {
			label      string
			n, item    int
			sum, first float64
		}
		var votes []vote
		for _, x := range near { // closest first
			lab := labels[x.Item]
			p := slices.IndexFunc(votes, func(v vote) bool { return v.label == lab })
			if p < 0 {
				votes = append(votes, vote{label: lab, first: x.Distance, item: x.Item})
				p = len(votes) - 1
			}
			votes[p].n++
			votes[p].sum += x.Distance
		}
		slices.SortStableFunc(votes, func(x, y vote) int {
			if c := cmp.Compare(y.n, x.n); c != 0 {
				return c
			}
			if c := cmp.Compare(x.sum, y.sum); c != 0 {
				return c
			}
			return cmp.Compare(x.label, y.label)
		})
		for r, v := range votes {
			a.Candidates = append(a.Candidates, Candidate{Label: v.label, Distance: v.first, Item: v.item})
			if v.label == l {
				a.Rank = r + 1
			}
		}
		a.Predicted = votes[0].label
		out = append(out, a)
	}
	return out
}

// Contribution is one feature's share of the Delta distances from a text
// to its attributed candidate and to the runner-up: |z_i − z_c|/F and
// |z_i − z_r|/F, which sum over the F features to the two Delta
// distances (when no feature is constant; see DistanceMatrix).
// Pull is Runner − Candidate: positive where the feature brings the text
// nearer its candidate than the runner-up.
type Contribution struct {
	Feature           int // column of z
	Candidate, Runner float64
	Pull              float64
}

// Explain returns the top features by Pull between row i of the z-scores
// and rows c (the candidate's nearest text, or its centroid) and r (the
// runner-up's): the strongest evidence for the attribution first, then,
// after them, the top features by −Pull, the strongest evidence against
// it. Ties go to the lower column. Each list holds at most top features
// and only those with a Pull of that sign, in a slice of its own (no
// larger array behind it: a caller keeps one per text).
func Explain(zi, zc, zr []float64, top int) (for_, against []Contribution) {
	f := len(zi)
	all := make([]Contribution, f)
	for j := range f {
		c, r := math.Abs(zi[j]-zc[j])/float64(f), math.Abs(zi[j]-zr[j])/float64(f)
		all[j] = Contribution{Feature: j, Candidate: c, Runner: r, Pull: r - c}
	}
	l := make([]Contribution, 0, f)
	byPull := func(sign float64) []Contribution {
		l = l[:0]
		for _, x := range all {
			if x.Pull*sign > 0 {
				l = append(l, x)
			}
		}
		slices.SortStableFunc(l, func(x, y Contribution) int { return cmp.Compare(y.Pull*sign, x.Pull*sign) })
		if len(l) == 0 {
			return nil
		}
		return slices.Clone(l[:min(top, len(l))])
	}
	return byPull(1), byPull(-1)
}
