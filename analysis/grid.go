package analysis

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// MaxMFWSettings is the most MFW values ParseMFW accepts: a grid of 200
// settings is already ten times stylo's usual 100-2000:100, and each one
// costs every measure's n × n distances.
const MaxMFWSettings = 200

// ParseMFW reads a most-frequent-features setting: a comma-separated list
// of counts ("100,200,500") and/or ranges "from-to:step" ("100-1000:100"
// is 100, 200, ..., 1000). The result is in the order written, without
// duplicates. More than MaxMFWSettings values is an error, found before any
// value is generated.
func ParseMFW(s string) ([]int, error) {
	var out []int
	seen := map[int]bool{}
	add := func(v int) {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	tooMany := func(n int) error {
		return fmt.Errorf("mfw %q: %d settings, at most %d (use a larger step)", s, n, MaxMFWSettings)
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		rng, step, hasStep := strings.Cut(part, ":")
		lo, hi, isRange := strings.Cut(rng, "-")
		if !isRange {
			v, err := strconv.Atoi(lo)
			if err != nil || v < 1 || hasStep {
				return nil, fmt.Errorf("mfw %q: %q is not a positive whole number", s, part)
			}
			add(v)
			continue
		}
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		st := 100
		var err3 error
		if hasStep {
			st, err3 = strconv.Atoi(step)
		}
		if err1 != nil || err2 != nil || err3 != nil || a < 1 || b < a || st < 1 {
			return nil, fmt.Errorf("mfw %q: range %q wants from-to:step with 1 <= from <= to, step >= 1", s, part)
		}
		if n := (b-a)/st + 1; len(out)+n > MaxMFWSettings {
			return nil, tooMany(len(out) + n)
		}
		for v := a; v <= b; v += st {
			add(v)
		}
	}
	if len(out) > MaxMFWSettings {
		return nil, tooMany(len(out))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("mfw %q: no value", s)
	}
	return out, nil
}

// CoClustering returns, for every pair of the n items, the share of the
// trees in which the two fall in the same cluster when the tree is cut
// into k clusters (CutTree). The diagonal is 1. It is the pairwise
// stability of a bootstrap consensus over settings (Eder 2017 uses clade
// frequencies; this is its pairwise form).
func CoClustering(trees [][]Merge, n, k int) *mat.SymDense {
	s := mat.NewSymDense(max(n, 1), nil)
	if n == 0 {
		return s
	}
	for i := range n {
		s.SetSym(i, i, 1)
	}
	if len(trees) == 0 {
		return s
	}
	// Whole counts, divided once: a pair together in every tree is
	// exactly 1 (summing 1/m m times gives 0.9999999999999999).
	for _, t := range trees {
		lab := CutTree(t, n, k)
		for i := range n {
			for j := i + 1; j < n; j++ {
				if lab[i] == lab[j] {
					s.SetSym(i, j, s.At(i, j)+1)
				}
			}
		}
	}
	m := float64(len(trees))
	for i := range n {
		for j := i + 1; j < n; j++ {
			s.SetSym(i, j, s.At(i, j)/m)
		}
	}
	return s
}

// Defined returns, in order, the items that a tree, a map or a network
// over all the n × n matrices ds can place: a set in which no two items
// have an undefined (NaN) distance in any of ds. It is found greedily:
// while an undefined pair remains, the item in the most undefined pairs
// (the earliest on a tie) is left out. An item with no defined distance
// at all (a document with none of the features) is thus the only one left
// out on its account.
func Defined(n int, ds ...mat.Symmetric) []int {
	bad := make([][]bool, n) // bad[i][j]: undefined in some matrix
	count := make([]int, n)
	for i := range n {
		bad[i] = make([]bool, n)
		for j := range n {
			for _, d := range ds {
				if i != j && math.IsNaN(d.At(i, j)) {
					bad[i][j] = true
					count[i]++
					break
				}
			}
		}
	}
	out := make([]bool, n)
	for {
		worst := -1
		for i := range n {
			if !out[i] && count[i] > 0 && (worst < 0 || count[i] > count[worst]) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		out[worst] = true
		for j := range n {
			if bad[j][worst] {
				count[j]--
			}
		}
	}
	var keep []int
	for i := range n {
		if !out[i] {
			keep = append(keep, i)
		}
	}
	return keep
}

// Subset returns the distances between the items idx of d, in the order of
// idx: out[a, b] = d[idx[a], idx[b]].
func Subset(d mat.Symmetric, idx []int) *mat.SymDense {
	out := mat.NewSymDense(max(len(idx), 1), nil)
	if len(idx) == 0 {
		return out
	}
	for a, i := range idx {
		for b := a; b < len(idx); b++ {
			out.SetSym(a, b, d.At(i, idx[b]))
		}
	}
	return out
}

// Edge is an undirected weighted edge between items A < B.
type Edge struct {
	A, B   int
	Weight float64
}

// NearestNeighbourNetwork links each item to its k nearest neighbours in
// each distance matrix, as stylo's consensus network does (Eder 2017;
// stylo's network with edge.weights = "linear", its default): the nearest
// neighbour adds k to the edge's weight, the second k − 1, …, the k-th 1
// (3, 2, 1 for stylo's default k = 3), and an undirected edge sums both
// directions, as stylo's undirected edge table does (which lists each edge
// twice, once each way; ours once); ties in distance are broken by index. Undefined (NaN)
// distances are never a neighbour. Edges are summed over the matrices and
// returned sorted by A, then B. p is told of the rows done over all the
// matrices (see Progress; nil: never stops).
func NearestNeighbourNetwork(ds []mat.Symmetric, k int, p Progress) []Edge {
	w := map[[2]int]float64{}
	rows := 0
	for _, d := range ds {
		rows += d.SymmetricDim()
	}
	done := 0
	for _, d := range ds {
		n := d.SymmetricDim()
		for i := range n {
			if p.stop(done, rows) {
				return nil
			}
			done++
			idx := make([]int, 0, n-1)
			for j := range n {
				if j != i && !math.IsNaN(d.At(i, j)) {
					idx = append(idx, j)
				}
			}
			slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(d.At(i, a), d.At(i, b)) })
			for r := 0; r < k && r < len(idx); r++ {
				a, b := min(i, idx[r]), max(i, idx[r])
				w[[2]int{a, b}] += float64(k - r)
			}
		}
	}
	return sortedEdges(w)
}

// sortedEdges lists the weighted pairs as edges sorted by A, then B.
func sortedEdges(w map[[2]int]float64) []Edge {
	out := make([]Edge, 0, len(w))
	for p, v := range w {
		out = append(out, Edge{A: p[0], B: p[1], Weight: v})
	}
	slices.SortFunc(out, func(x, y Edge) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return out
}

// Candidate is one label and its distance from a held-out item.
type Candidate struct {
	Label    string
	Distance float64
	// Item is the label's nearest item, from which Distance is measured;
	// −1 when the distance is to the label's centroid.
	Item int
}

// Attribution is the leave-one-out attribution of one item.
type Attribution struct {
	Item       int
	Label      string      // its true label
	Predicted  string      // the label of its nearest neighbour
	Rank       int         // rank of the true label among Candidates, from 1; 0 if absent
	Candidates []Candidate // each label with its nearest item's distance, closest first
	// Unattributable says that no item outside the item's group has its
	// label (a class of one document): the attribution cannot be right,
	// and is neither a hit nor a miss.
	Unattributable bool
}

// Attribute attributes each item with a label to the label of its nearest
// other item (leave-one-out nearest neighbour, as stylo's classify() with
// Delta and cross-validation on one text at a time). Candidates rank every
// label by the distance of its nearest item (ties by label). Items with an
// empty label are neither attributed nor candidates; an undefined (NaN)
// distance is no evidence, and an item with no defined distance to a
// labelled item is not attributed. The distances are
// taken as given: for the Delta family the z-scores include the held-out
// item, as in a single stylo run over the whole corpus.
//
// groups, when not nil, gives each item's group (the document a sample
// comes from): the items of the held-out item's group leave with it, so a
// sample is never attributed by a sibling from its own document (grouped
// leave-one-out). An item whose label no item outside its group has is
// marked Unattributable.
//
// p is told of the items done (see Progress; nil: never stops): stopped,
// Attribute returns the attributions made so far.
func Attribute(d mat.Symmetric, labels []string, groups []int, p Progress) []Attribution {
	n := d.SymmetricDim()
	if len(labels) != n || groups != nil && len(groups) != n {
		panic("analysis: length mismatch")
	}
	others := otherGroups(labels, groups)
	var out []Attribution
	for i := range n {
		if p.stop(i, n) {
			return out
		}
		if labels[i] == "" {
			continue
		}
		best := map[string]Candidate{}
		for j := range n {
			if j == i || labels[j] == "" || sameGroup(groups, i, j) || math.IsNaN(d.At(i, j)) {
				continue
			}
			if v, ok := best[labels[j]]; !ok || d.At(i, j) < v.Distance {
				best[labels[j]] = Candidate{Label: labels[j], Distance: d.At(i, j), Item: j}
			}
		}
		if len(best) == 0 {
			if !others(i) { // only siblings, or nobody, share its label
				out = append(out, Attribution{Item: i, Label: labels[i], Unattributable: true})
			}
			continue // no defined distance to another document: no evidence
		}
		a := Attribution{Item: i, Label: labels[i], Unattributable: !others(i)}
		for _, c := range best {
			a.Candidates = append(a.Candidates, c)
		}
		a.rank()
		out = append(out, a)
	}
	return out
}

// sameGroup reports whether items i and j are in one group (never, with
// no groups).
func sameGroup(groups []int, i, j int) bool {
	return groups != nil && groups[i] == groups[j]
}

// otherGroups returns whether an item's label is held by some item of
// another group: by the number of groups with each label.
func otherGroups(labels []string, groups []int) func(i int) bool {
	byLabel := map[string]map[int]bool{}
	for i, l := range labels {
		if l == "" {
			continue
		}
		if byLabel[l] == nil {
			byLabel[l] = map[int]bool{}
		}
		g := i
		if groups != nil {
			g = groups[i]
		}
		byLabel[l][g] = true
	}
	return func(i int) bool { return len(byLabel[labels[i]]) > 1 }
}

// rank orders a's candidates by distance, then label, and sets Predicted
// and Rank from that order.
func (a *Attribution) rank() {
	slices.SortStableFunc(a.Candidates, func(x, y Candidate) int {
		if c := cmp.Compare(x.Distance, y.Distance); c != 0 {
			return c
		}
		return cmp.Compare(x.Label, y.Label)
	})
	a.Predicted = a.Candidates[0].Label
	for r, c := range a.Candidates {
		if c.Label == a.Label {
			a.Rank = r + 1
		}
	}
}

// Evaluation scores attributions against the true labels. Only
// attributable items count (see Attribution.Unattributable).
type Evaluation struct {
	Attributable, Correct, Unattributable int
	Accuracy                              float64 // Correct / Attributable; NaN with none
	// Classes are the true labels of the attributable items, in byte
	// order, with their scores.
	Classes []ClassScore
	// MacroPrecision, MacroRecall and MacroF1 are the unweighted means
	// over Classes (scikit-learn's average="macro" with labels = Classes
	// and zero_division = 0).
	MacroPrecision, MacroRecall, MacroF1 float64
	// Confusion counts the attributable items by true and predicted
	// label.
	Confusion map[[2]string]int
}

// ClassScore is one label's precision, recall and F1: Support items
// have it, Predicted items were given it, Correct both.
type ClassScore struct {
	Label                       string
	Support, Predicted, Correct int
	Precision, Recall, F1       float64 // 0 where the denominator is 0
}

// Evaluate scores as.
func Evaluate(as []Attribution) Evaluation {
	e := Evaluation{Confusion: map[[2]string]int{}}
	classes := map[string]*ClassScore{}
	for _, a := range as {
		if a.Unattributable {
			e.Unattributable++
			continue
		}
		e.Attributable++
		e.Confusion[[2]string{a.Label, a.Predicted}]++
		if classes[a.Label] == nil {
			classes[a.Label] = &ClassScore{Label: a.Label}
		}
		classes[a.Label].Support++
		if a.Predicted == a.Label {
			e.Correct++
			classes[a.Label].Correct++
		}
	}
	for _, a := range as {
		if c := classes[a.Predicted]; !a.Unattributable && c != nil {
			c.Predicted++
		}
	}
	e.Accuracy = math.NaN()
	if e.Attributable > 0 {
		e.Accuracy = float64(e.Correct) / float64(e.Attributable)
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	for _, l := range slices.Sorted(maps.Keys(classes)) {
		c := classes[l]
		c.Precision, c.Recall = ratio(c.Correct, c.Predicted), ratio(c.Correct, c.Support)
		if c.Precision+c.Recall > 0 {
			c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
		}
		e.Classes = append(e.Classes, *c)
		e.MacroPrecision += c.Precision
		e.MacroRecall += c.Recall
		e.MacroF1 += c.F1
	}
	if n := float64(len(e.Classes)); n > 0 {
		e.MacroPrecision, e.MacroRecall, e.MacroF1 = e.MacroPrecision/n, e.MacroRecall/n, e.MacroF1/n
	} else {
		e.MacroPrecision, e.MacroRecall, e.MacroF1 = math.NaN(), math.NaN(), math.NaN()
	}
	return e
}

// Margin is the distance between the first and the second candidate: how
// far ahead the attribution is (NaN with fewer than two candidates).
func (a Attribution) Margin() float64 {
	if len(a.Candidates) < 2 {
		return math.NaN()
	}
	return a.Candidates[1].Distance - a.Candidates[0].Distance
}
