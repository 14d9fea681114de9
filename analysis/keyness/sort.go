package keyness

import (
	"cmp"
	"math"
	"slices"
)

// SortBy sorts rows in place by key descending, then Term ascending (byte
// order); NaN keys sort last. key is called once per row. To sort ascending
// (by P, say) negate the key:
//
//	keyness.SortBy(rows, func(r keyness.Row) float64 { return -r.P })
func SortBy(rows []Row, key func(Row) float64) {
	// Sort small (key, index) pairs rather than the wide rows, then apply
	// the permutation in place.
	type entry struct {
		key float64
		i   int
	}
	order := make([]entry, len(rows))
	for i := range rows {
		order[i] = entry{key(rows[i]), i}
	}
	slices.SortFunc(order, func(x, y entry) int {
		nx, ny := math.IsNaN(x.key), math.IsNaN(y.key)
		switch {
		case nx && !ny:
			return 1
		case ny && !nx:
			return -1
		case !nx && x.key != y.key:
			return cmp.Compare(y.key, x.key)
		}
		return cmp.Compare(rows[x.i].Term, rows[y.i].Term)
	})
	// Position p must receive rows[order[p].i]. Follow each cycle once,
	// marking finished positions with i = -1.
	for start := range order {
		if order[start].i < 0 {
			continue
		}
		tmp := rows[start]
		p := start
		for {
			src := order[p].i
			order[p].i = -1
			if src == start {
				rows[p] = tmp
				break
			}
			rows[p] = rows[src]
			p = src
		}
	}
}
