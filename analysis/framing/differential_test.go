package framing

import (
	"math"
	"testing"

	"github.com/stylometer/stylometer/analysis"
)

// TestDifferentials: hand-computed. The target's windows hold x 3, y 1 in
// party A (4 words) and x 1, y 5, z 2 in party B (8 words).
//
//	x: table (3, 1; 1, 7), N = 12, E = (4/3, 8/3; 8/3, 16/3):
//	   G² = 2 Σ O ln(O/E) = 4.749336302022052 (+: more in A);
//	   log ratio log2((3/4)/(1/8)) = log2 6 = 2.584962500721156
//	y: table (1, 5; 3, 3): G² = −1.5518393659605076
//	z: table (0, 2; 4, 6): G² = −1.8161066988903773; a = 0 counts 0.5 in
//	   the log ratio: log2((0.5/4)/(2/8)) = −1
//
// (computed with Python's math module from the definitions.) Rows come by
// |G²| descending.
func TestDifferentials(t *testing.T) {
	doc := func(party string, words map[string]int, window int) Doc {
		return Doc{Meta: map[string]string{"party": party}, Targets: []Target{{Count: 1, Collocates: analysis.NewTermCounts(words), WindowTokens: window}}}
	}
	docs := []Doc{
		doc("A", map[string]int{"x": 2, "y": 1}, 3),
		doc("A", map[string]int{"x": 1}, 1),
		doc("B", map[string]int{"x": 1, "y": 5, "z": 2}, 8),
	}
	got := Differentials(docs, []string{"lenin"}, []string{"party"}, 1)
	if len(got) != 3 {
		t.Fatalf("%d rows, want 3: %+v", len(got), got)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	x := got[0]
	if x.Term != "x" || x.A != "A" || x.B != "B" || x.WindowA != 4 || x.WindowB != 8 || !near(x.G2, 4.749336302022052) || !near(x.LogRatio, 2.584962500721156) {
		t.Errorf("x = %+v", x)
	}
	if z := got[1]; z.Term != "z" || !near(z.G2, -1.8161066988903773) || !near(z.LogRatio, -1) {
		t.Errorf("z = %+v", z)
	}
	if y := got[2]; y.Term != "y" || !near(y.G2, -1.5518393659605076) {
		t.Errorf("y = %+v", y)
	}
	// One value only: nothing to compare.
	if d := Differentials(docs[:2], []string{"lenin"}, []string{"party"}, 1); len(d) != 0 {
		t.Errorf("one group gave %d rows", len(d))
	}
}
