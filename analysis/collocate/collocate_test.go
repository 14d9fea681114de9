package collocate

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func split(lines ...string) [][]string {
	var s [][]string
	for _, l := range lines {
		s = append(s, strings.Fields(l))
	}
	return s
}

// The tiny corpus of the hand counts: N = 6 + 5 + 5 = 16 tokens.
var tiny = split(
	"the cat sat on the mat",
	"a cat and a dog",
	"the dog saw the cat",
)

func TestCount(t *testing.T) {
	tests := []struct {
		name      string
		sentences [][]string
		node      string
		k         int
		want      Counts
	}{
		{
			// Node "cat", k = 2, windows clipped at the sentence ends:
			//   s1 "the [cat] sat on"  → the, sat, on     (3 tokens)
			//   s2 "a [cat] and a"     → a, and, a        (3 tokens)
			//   s3 "saw the [cat]"     → saw, the         (2 tokens)
			// s1's "mat" never reaches s2's cat: windows stay in the sentence.
			name: "tiny k=2", sentences: tiny, node: "cat", k: 2,
			want: Counts{
				Cooc:   map[string]int{"the": 2, "sat": 1, "on": 1, "a": 2, "and": 1, "saw": 1},
				Freq:   map[string]int{"the": 4, "cat": 3, "sat": 1, "on": 1, "mat": 1, "a": 2, "and": 1, "dog": 2, "saw": 1},
				Nodes:  3,
				Window: 8,
				Tokens: 16,
			},
		},
		{
			// Node "the", k = 1:
			//   s1 "[the] cat", "on [the] mat"   → cat; on, mat
			//   s3 "[the] dog", "saw [the] cat"  → dog; saw, cat
			name: "tiny k=1", sentences: tiny, node: "the", k: 1,
			want: Counts{
				Cooc:   map[string]int{"cat": 2, "on": 1, "mat": 1, "dog": 1, "saw": 1},
				Freq:   map[string]int{"the": 4, "cat": 3, "sat": 1, "on": 1, "mat": 1, "a": 2, "and": 1, "dog": 2, "saw": 1},
				Nodes:  4,
				Window: 6,
				Tokens: 16,
			},
		},
		{
			// Overlapping windows, k = 1, "x y x": y is in the window of both
			// x, so it counts twice (f_xy = 2 > f_y = 1). In "x x" each x
			// is in the other's window: x is its own collocate twice.
			name: "overlap", sentences: split("x y x", "x x"), node: "x", k: 1,
			want: Counts{
				Cooc:   map[string]int{"y": 2, "x": 2},
				Freq:   map[string]int{"x": 4, "y": 1},
				Nodes:  4,
				Window: 4,
				Tokens: 5,
			},
		},
		{
			name: "empty", sentences: nil, node: "x", k: 3,
			want: Counts{Cooc: map[string]int{}, Freq: map[string]int{}},
		},
	}
	for _, tt := range tests {
		got := Count(tt.sentences, Forms(tt.sentences, tt.node), tt.k)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: Count(%q, k=%d) mismatch (-want +got):\n%s", tt.name, tt.node, tt.k, d)
		}
	}
}

func TestCountPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Count with k = 0 did not panic")
		}
	}()
	Count(tiny, Forms(tiny, "cat"), 0)
}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		f    Freq
		want Stats
	}{
		{
			// Collocate "a" of node "cat" in the tiny corpus (k = 2):
			// f_xy = 2, f_x = 3, f_y = 2, N = 16, W = 8.
			// PMI = log2(2·16/(3·2)) = log2(16/3);
			// logDice = 14 + log2(4/5).
			// Table (2, 0; 6, 8): margins 2, 14 and 8, 8, so E = 1, 1, 7, 7:
			// G² = 2(2 ln 2 + 0 + 6 ln(6/7) + 8 ln(8/7)), + as 2 > 1.
			name: "tiny a",
			f:    Freq{XY: 2, X: 3, Y: 2, N: 16, W: 8},
			want: Stats{
				PMI:     math.Log2(16.0 / 3),
				LogDice: 14 + math.Log2(0.8),
				G2:      2 * (2*math.Ln2 + 6*math.Log(6.0/7) + 8*math.Log(8.0/7)),
			},
		},
		{
			// Collocate "the" of "cat": table (2, 2; 6, 6) equals its
			// expectation (E = 4·8/16 = 2), so G² = 0 and p = 1.
			// PMI = log2(32/12) = log2(8/3); logDice = 14 + log2(4/7).
			name: "tiny the",
			f:    Freq{XY: 2, X: 3, Y: 4, N: 16, W: 8},
			want: Stats{PMI: math.Log2(8.0 / 3), LogDice: 14 + math.Log2(4.0/7), G2: 0},
		},
		{
			// Table (20, 10; 80, 190) of the keyness hand calculation:
			// E = 10, 20, 90, 180, G² = 2(10 ln 2 + 80 ln(8/9) + 190 ln(19/18)).
			// PMI = log2(20·300/(50·30)) = 2; logDice = 14 + log2(40/80) = 13.
			name: "keyness table",
			f:    Freq{XY: 20, X: 50, Y: 30, N: 300, W: 100},
			want: Stats{
				PMI: 2, LogDice: 13,
				G2: 2 * (10*math.Ln2 + 80*math.Log(8.0/9) + 190*math.Log(19.0/18)),
			},
		},
		{
			// Fewer co-occurrences than expected (E = 30·100/300 = 10 > 5):
			// table (5, 25; 95, 175), signed −.
			name: "repelled",
			f:    Freq{XY: 5, X: 50, Y: 30, N: 300, W: 100},
			want: Stats{
				PMI: math.Log2(5 * 300.0 / (50 * 30)), LogDice: 14 + math.Log2(10.0/80),
				// E = 10, 20, 90, 180.
				G2: -2 * (5*math.Log(5.0/10) + 25*math.Log(25.0/20) + 95*math.Log(95.0/90) + 175*math.Log(175.0/180)),
			},
		},
		{
			// Overlapping windows: f_xy = 2 > f_y = 1 gives a negative cell.
			name: "overlap",
			f:    Freq{XY: 2, X: 4, Y: 1, N: 5, W: 4},
			want: Stats{PMI: math.Log2(2 * 5.0 / 4), LogDice: 14 + math.Log2(4.0/5), G2: math.NaN(), P: math.NaN()},
		},
		{
			name: "never together",
			f:    Freq{XY: 0, X: 3, Y: 2, N: 16, W: 8},
			// Table (0, 2; 8, 6), E = 1, 1, 7, 7: G² = 2(2 ln 2 + 8 ln(8/7) + 6 ln(6/7)), −.
			want: Stats{PMI: math.Inf(-1), LogDice: math.Inf(-1),
				G2: -2 * (2*math.Ln2 + 8*math.Log(8.0/7) + 6*math.Log(6.0/7))},
		},
	}
	for _, tt := range tests {
		if !math.IsNaN(tt.want.G2) {
			// χ²(1) upper tail: P(|Z| > √G²).
			tt.want.P = math.Erfc(math.Sqrt(math.Abs(tt.want.G2) / 2))
		}
		got := Score(tt.f)
		if d := cmp.Diff(tt.want, got, cmpopts.EquateApprox(1e-12, 1e-12), cmpopts.EquateNaNs()); d != "" {
			t.Errorf("%s: Score(%+v) mismatch (-want +got):\n%s", tt.name, tt.f, d)
		}
	}
}

func TestRows(t *testing.T) {
	c := Count(tiny, Forms(tiny, "cat"), 2)
	rows := c.Rows(0)
	var got []string
	for _, r := range rows {
		got = append(got, r.Collocate)
		if want := Score(r.Freq); !cmp.Equal(want, r.Stats) {
			t.Errorf("Rows %q: Stats %+v, want Score = %+v", r.Collocate, r.Stats, want)
		}
	}
	// G²: "a" (f_xy 2 = f_y) first; "and", "on", "sat", "saw" (1 of 1 each)
	// tie and sort by form; "the" (G² = 0) last.
	want := []string{"a", "and", "on", "sat", "saw", "the"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Rows(0) order (-want +got):\n%s", d)
	}
	if got := c.Rows(2); len(got) != 2 || got[0].Collocate != "a" || got[1].Collocate != "the" {
		t.Errorf("Rows(2) = %+v, want a, the", got)
	}
}
