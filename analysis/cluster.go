package analysis

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Linkage names an agglomerative clustering method, as R's hclust names it.
type Linkage string

// The linkage methods. Each is the Lance–Williams update (Lance & Williams
// 1967) of the distance between a new cluster a∪b and another cluster k, with
// n_x the size of cluster x; the semantics are those of R's stats::hclust.
const (
	// WardD2 is Ward's (1963) minimum-variance method as in hclust
	// "ward.D2" (Murtagh & Legendre 2014): the Ward update is applied to the
	// squared distances and the merge heights are their square roots. On
	// Euclidean input the height is sqrt(2 n_a n_b/(n_a + n_b)) ‖c_a − c_b‖,
	// what SciPy's "ward" reports. It is the default.
	WardD2 Linkage = "ward.D2"
	// WardD is hclust's "ward.D": the Ward update applied to the distances
	// as given, d(k, a∪b) = ((n_a + n_k) d_ka + (n_b + n_k) d_kb − n_k d_ab)
	// / (n_a + n_b + n_k).
	WardD Linkage = "ward.D"
	// Average is UPGMA (Sokal & Michener 1958):
	// d(k, a∪b) = (n_a d_ka + n_b d_kb)/(n_a + n_b).
	Average Linkage = "average"
	// Complete is complete linkage: d(k, a∪b) = max(d_ka, d_kb).
	Complete Linkage = "complete"
	// Single is single linkage: d(k, a∪b) = min(d_ka, d_kb).
	Single Linkage = "single"
)

// Linkages returns the linkage methods in a fixed order, the default first.
func Linkages() []Linkage { return []Linkage{WardD2, WardD, Average, Complete, Single} }

// ParseLinkage returns the linkage named s (hclust's spelling, exactly); the
// empty string means the default, WardD2.
func ParseLinkage(s string) (Linkage, error) {
	if s == "" {
		return WardD2, nil
	}
	for _, l := range Linkages() {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown linkage %q", s)
}

// Merge is one step of an agglomerative clustering, in SciPy's linkage
// layout: with n leaves, ids 0 … n−1 are the leaves (the rows of the distance
// matrix) and id n + k is the cluster made at step k. A < B are the ids of the
// two clusters joined, Height the distance at which they were joined and
// Size the number of leaves in the new cluster.
type Merge struct {
	A, B   int
	Height float64
	Size   int
}

// Cluster returns the n − 1 merges of the agglomerative hierarchical
// clustering of the n × n distances d by method (the empty method is WardD2),
// in the order they are made; for the methods offered the heights do not
// decrease.
//
// At each step the two clusters at the smallest distance are joined; ties are
// broken by the smallest pair of ids (the pair (min, max) compared
// lexicographically), so the result is deterministic. R's hclust may order
// tied merges differently; the heights agree. Only the upper triangle of d is
// read. Cluster returns an error for an unknown method or a distance that is
// negative, NaN or infinite; for n ≤ 1 it returns no merges.
//
// The algorithm is the generic one with a nearest-neighbour list (Müllner
// 2011, "Modern hierarchical, agglomerative clustering algorithms", fig. 3):
// O(n²) memory, usually close to O(n²) time, O(n³) in the worst case.
func Cluster(d mat.Symmetric, method Linkage) ([]Merge, error) {
	if method == "" {
		method = WardD2
	}
	if _, err := ParseLinkage(string(method)); err != nil {
		return nil, err
	}
	n := d.SymmetricDim()
	if n <= 1 {
		return nil, nil
	}
	dist := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := d.At(i, j)
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("cluster: distance %d–%d is %v", i, j, v)
			}
			if method == WardD2 {
				v *= v
			}
			dist[i*n+j] = v
			dist[j*n+i] = v
		}
	}
	id := make([]int, n)   // cluster id held by each slot
	size := make([]int, n) // leaves in the cluster of each slot
	active := make([]bool, n)
	nn := make([]int, n) // nearest active slot of each active slot
	for i := range id {
		id[i], size[i], active[i] = i, 1, true
	}
	// less reports whether the pair of slots (s, t) comes before (u, v):
	// smaller distance, then smaller pair of cluster ids.
	less := func(s, t, u, v int) bool {
		d1, d2 := dist[s*n+t], dist[u*n+v]
		if d1 != d2 {
			return d1 < d2
		}
		a1, b1 := min(id[s], id[t]), max(id[s], id[t])
		a2, b2 := min(id[u], id[v]), max(id[u], id[v])
		if a1 != a2 {
			return a1 < a2
		}
		return b1 < b2
	}
	nearest := func(s int) {
		nn[s] = -1
		for t := 0; t < n; t++ {
			if t != s && active[t] && (nn[s] < 0 || less(s, t, s, nn[s])) {
				nn[s] = t
			}
		}
	}
	for s := 0; s < n; s++ {
		nearest(s)
	}
	merges := make([]Merge, 0, n-1)
	for k := 0; k < n-1; k++ {
		s := -1
		for u := 0; u < n; u++ {
			if active[u] && (s < 0 || less(u, nn[u], s, nn[s])) {
				s = u
			}
		}
		t := nn[s]
		h := dist[s*n+t]
		if method == WardD2 {
			h = math.Sqrt(h)
		}
		merges = append(merges, Merge{
			A: min(id[s], id[t]), B: max(id[s], id[t]),
			Height: h, Size: size[s] + size[t],
		})
		// Slot s holds the new cluster; slot t is retired.
		dst := dist[s*n+t]
		ns, nt := float64(size[s]), float64(size[t])
		for u := 0; u < n; u++ {
			if !active[u] || u == s || u == t {
				continue
			}
			ds, dt := dist[s*n+u], dist[t*n+u]
			var v float64
			switch method {
			case Single:
				v = math.Min(ds, dt)
			case Complete:
				v = math.Max(ds, dt)
			case Average:
				v = (ns*ds + nt*dt) / (ns + nt)
			default: // WardD, WardD2
				nu := float64(size[u])
				v = ((ns+nu)*ds + (nt+nu)*dt - nu*dst) / (ns + nt + nu)
			}
			dist[s*n+u], dist[u*n+s] = v, v
		}
		active[t] = false
		id[s] = n + k
		size[s] += size[t]
		for u := 0; u < n; u++ {
			if !active[u] || u == s {
				continue
			}
			if nn[u] == s || nn[u] == t {
				nearest(u)
			} else if less(u, s, u, nn[u]) {
				nn[u] = s
			}
		}
		nearest(s)
	}
	return merges, nil
}

// LeafOrder returns the leaves of the dendrogram of merges over n leaves
// from left to right, as SciPy's leaves_list: a pre-order walk from the last
// merge, A before B. It panics unless len(merges) = n − 1 (n ≥ 1).
func LeafOrder(merges []Merge, n int) []int {
	checkMerges(merges, n)
	order := make([]int, 0, n)
	stack := []int{2*n - 2}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c < n {
			order = append(order, c)
			continue
		}
		m := merges[c-n]
		stack = append(stack, m.B, m.A)
	}
	return order
}

// CutTree returns the cluster of each of the n leaves when the dendrogram is
// cut into k clusters, that is after the first n − k merges (R's cutree with
// k, SciPy's fcluster with criterion "maxclust" when heights are distinct).
// Labels are 0 … k−1, numbered in the order of each cluster's first leaf in
// input order, as cutree numbers them (from 1). CutTree panics unless
// len(merges) = n − 1 and 1 ≤ k ≤ n.
func CutTree(merges []Merge, n, k int) []int {
	checkMerges(merges, n)
	if k < 1 || k > n {
		panic("analysis: CutTree k out of range")
	}
	parent := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = -1
	}
	for s, m := range merges[:n-k] {
		parent[m.A], parent[m.B] = n+s, n+s
	}
	labels := make([]int, n)
	byRoot := make(map[int]int, k)
	for i := range labels {
		r := i
		for parent[r] >= 0 {
			r = parent[r]
		}
		l, ok := byRoot[r]
		if !ok {
			l = len(byRoot)
			byRoot[r] = l
		}
		labels[i] = l
	}
	return labels
}

func checkMerges(merges []Merge, n int) {
	if n < 1 || len(merges) != n-1 {
		panic("analysis: length mismatch")
	}
}

// AdjustedRand is the adjusted Rand index of two partitions of the same
// items (Hubert & Arabie 1985; scikit-learn's adjusted_rand_score): 1 for
// identical partitions, about 0 for independent ones, negative for worse
// than chance. Items are partitioned by equal values. It panics if the
// lengths differ; with fewer than two items, or both partitions a single
// block or all singletons, it is 1 (scikit-learn's convention).
func AdjustedRand[A, B comparable](a []A, b []B) float64 {
	if len(a) != len(b) {
		panic("analysis: length mismatch")
	}
	n := len(a)
	cells := map[[2]int]int{}
	ia, ib := map[A]int{}, map[B]int{}
	rows, cols := []int{}, []int{}
	for k := range n {
		i, ok := ia[a[k]]
		if !ok {
			i = len(rows)
			ia[a[k]] = i
			rows = append(rows, 0)
		}
		j, ok := ib[b[k]]
		if !ok {
			j = len(cols)
			ib[b[k]] = j
			cols = append(cols, 0)
		}
		rows[i]++
		cols[j]++
		cells[[2]int{i, j}]++
	}
	if n < 2 || len(rows) == len(cols) && (len(rows) == 1 || len(rows) == n) {
		return 1
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var index, sa, sb float64
	for _, v := range cells {
		index += c2(v)
	}
	for _, v := range rows {
		sa += c2(v)
	}
	for _, v := range cols {
		sb += c2(v)
	}
	expected := sa * sb / c2(n)
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// Purity is the share of items whose cluster's most common label is
// their own (Manning et al. 2008, §16.3): Σ_clusters max_label count / n.
// NaN for no items.
func Purity[A, B comparable](clusters []A, labels []B) float64 {
	if len(clusters) != len(labels) {
		panic("analysis: length mismatch")
	}
	if len(clusters) == 0 {
		return math.NaN()
	}
	count := map[A]map[B]int{}
	for k, c := range clusters {
		if count[c] == nil {
			count[c] = map[B]int{}
		}
		count[c][labels[k]]++
	}
	sum := 0
	for _, m := range count {
		best := 0
		for _, v := range m {
			best = max(best, v)
		}
		sum += best
	}
	return float64(sum) / float64(len(clusters))
}
