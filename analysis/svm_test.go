package analysis

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// svmFixture: 14 items in 4 features, three labels about different
// centres, drawn once by numpy (default_rng(13), centres plus N(0, 0.8)
// noise, rounded to 2 places) and written here; not separable, so that
// the machines have bounded and free support vectors and leave-one-out
// gets two wrong (items 5 and 7).
func svmFixture() (*mat.Dense, []string) {
	x := mat.NewDense(14, 4, []float64{
		2.46, -2.46, 0.77, 0.56, 2.05, 0.31, 1.46, 0.53, 0.59, 0.46, 0.35, 0.21,
		0.8, 0.58, 0.56, 0.1, 0.71, -1.45, 1.34, 0.32,
		1.07, 1.33, 1.06, 1.23, 0.25, 2.18, -1.26, 1.01, -1.18, 1.27, 0.35, 0.18,
		-0.29, 0.36, -0.77, 0.84, 0.71, 0.79, -1.5, 0.54,
		-2.16, -1.42, -0.09, 0.09, -0.81, -0.63, 0.72, -1.04, -0.57, 0.13, 0.47, 0.01,
		-1.1, -0.18, 1.03, 0.2,
	})
	labels := []string{"A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "C", "C", "C", "C"}
	return x, labels
}

// TestTrainSVC: the one-against-one decision values of machines trained on
// the whole fixture, at three new points, against scikit-learn 1.2.1's
// SVC(kernel="linear", C=1, tol=1e-3, shrinking=False,
// decision_function_shape="ovo").fit(X, labels).decision_function(T)
// (libsvm inside; pairs AB, AC, BC; 42, 3 and 14 steps, as here;
// shrinking=True gives the same values to 2e-16). Both stop at the
// tolerance 1e-3, so the values agree only as far as the two take the same
// steps: trainSVC rounds Q to float32 as libsvm does and sums the dot
// products in libsvm's order, and the values came out bit for bit equal
// on amd64; 1e-12 leaves room for another machine's rounding. (With Q in
// float64 the steps part after a few and the values land 3e-4 away, both
// solutions within the tolerance.)
func TestTrainSVC(t *testing.T) {
	x, labels := svmFixture()
	z := mat.NewDense(17, 4, nil)
	z.Slice(0, 14, 0, 4).(*mat.Dense).Copy(x)
	z.SetRow(14, []float64{0, 0, 0, 0})
	z.SetRow(15, []float64{1, 1, 1, 1})
	z.SetRow(16, []float64{-0.5, 0.3, 0.2, -1})
	all := make([]int, 17)
	for i := range all {
		all[i] = i
	}
	g := gram(z, all)
	byLabel := map[string][]int{}
	for i, l := range labels {
		byLabel[l] = append(byLabel[l], i)
	}
	pairs := [][2]string{{"A", "B"}, {"A", "C"}, {"B", "C"}}
	want := [][3]float64{
		{1.1149291896458302, 0.21914573747515517, -0.33606497917080347},
		{-0.3708568970519721, 1.701997052694432, 0.5654706031914855},
		{1.9799745715090422, -0.5546890932574449, -0.6216325405410131},
	}
	for k, p := range pairs {
		m := trainSVC(g, 17, byLabel[p[0]], byLabel[p[1]], 1, SVMTolerance, false)
		for r := range want {
			if d := m.decision(g[(14+r)*17 : (15+r)*17]); math.Abs(d-want[r][k]) > 1e-12 {
				t.Errorf("%s/%s at point %d: decision %.17g, want %.17g (scikit-learn)", p[0], p[1], r, d, want[r][k])
			}
		}
	}
}

// TestTrainSVCShrinking: with shrinking (libsvm's and e1071's default),
// on fixtures where it changes the steps, against scikit-learn 1.2.1's
// SVC(kernel="linear", C=C, shrinking=…, decision_function_shape="ovo")
// (their 3 pairs took 65, 77, 61 and 186, 1608 (1581 shrinking), 117
// steps). The items are made from integers so that Go and numpy build the
// same doubles: x_ij = ((37i + 11j + i² mod 17) mod 23)/10, plus 0.1 where
// j mod 3 is item i's label (i mod 3: A, B, C); the decision values are at
// the first six items plus 0.05. Shrinking moves them by up to 3e-4 here;
// each mode agrees with scikit-learn's to 1e-12 (bit for bit on amd64).
func TestTrainSVCShrinking(t *testing.T) {
	for _, c := range []struct {
		n, f      int
		c         float64
		shrinking bool
		want      [6][3]float64
	}{
		{90, 20, 1, false, [6][3]float64{{1.1866780458154587, 1.2221147757113018, -0.49097286034856685}, {-0.1122522427898538, 0.7087234149233348, 1.0002059337622633}, {-0.18090342862305775, -1.6652492551208455, -1.0000405121276934}, {4.283856006117286, 4.406206107880971, 0.4695232715270023}, {-0.11307314722057882, 0.7087038177967724, 1.0001138832767218}, {-0.18090342862305775, -1.6652492551208455, -1.0000405121276934}}},
		{90, 20, 1, true, [6][3]float64{{1.1866932576008056, 1.2221422820703065, -0.49097286034856685}, {-0.11223703100454951, 0.7087509212823395, 1.0002059337622633}, {-0.18088821683773926, -1.665221748761855, -1.0000405121276934}, {4.283871217902619, 4.40623361423999, 0.4695232715270023}, {-0.1130579354352319, 0.7087313241557771, 1.0001138832767218}, {-0.18088821683773926, -1.665221748761855, -1.0000405121276934}}},
		{150, 10, 10, false, [6][3]float64{{0.9998554267409951, 0.9938420720161346, -0.00014279376878567618}, {-0.9998611063010592, 0.6007469821648911, 0.9998101130632642}, {6.89693100306421e-05, -0.999524133529819, -1.0001663752209544}, {0.9999602929719438, 0.9987643303671362, 0.00020662112942426702}, {-0.9999083251749545, 0.6001943785064853, 0.9993865843695624}, {6.89693100306421e-05, -0.999524133529819, -1.0001663752209544}}},
		{150, 10, 10, true, [6][3]float64{{0.999852956530276, 0.9938891750146186, -0.00014279376847547987}, {-0.9998635765117286, 0.600944560714527, 0.9998101130633896}, {6.649909897749051e-05, -0.9995673127604445, -1.0001663752209569}, {0.9999578227612246, 0.9990461323557045, 0.00020662112960656565}, {-0.999910795385489, 0.6001151254379979, 0.9993865843691194}, {6.649909897749051e-05, -0.9995673127604445, -1.0001663752209569}}},
	} {
		m := c.n + 6
		z := mat.NewDense(m, c.f, nil)
		byLabel := map[string][]int{}
		for i := range c.n {
			for j := range c.f {
				v := float64((37*i+11*j+(i*i)%17)%23) / 10
				if j%3 == i%3 {
					v += 0.1
				}
				z.Set(i, j, v)
				if i < 6 {
					z.Set(c.n+i, j, v+0.05)
				}
			}
			l := string("ABC"[i%3])
			byLabel[l] = append(byLabel[l], i)
		}
		all := make([]int, m)
		for i := range all {
			all[i] = i
		}
		g := gram(z, all)
		for k, p := range [][2]string{{"A", "B"}, {"A", "C"}, {"B", "C"}} {
			svm := trainSVC(g, m, byLabel[p[0]], byLabel[p[1]], c.c, SVMTolerance, c.shrinking)
			for r := range 6 {
				if d := svm.decision(g[(c.n+r)*m : (c.n+r+1)*m]); math.Abs(d-c.want[r][k]) > 1e-12 {
					t.Errorf("n=%d C=%g shrinking %v, %s/%s at point %d: %.17g, want %.17g (scikit-learn)", c.n, c.c, c.shrinking, p[0], p[1], r, d, c.want[r][k])
				}
			}
		}
	}
}

// TestAttributeSVM: leave-one-out against scikit-learn, the SVC of
// TestTrainSVC with shrinking=True (AttributeSVM shrinks, as libsvm by
// default) refitted on the 13 other items for each; the candidates in
// libsvm's vote order (votes, then label) with minus each label's mean
// signed decision value, from that SVC's decision_function averaged in
// Python (equal bit for bit here on amd64).
func TestAttributeSVM(t *testing.T) {
	x, labels := svmFixture()
	type cand = Candidate
	want := [][]cand{ // scikit-learn's predict() is the first of each
		{{"A", -3.933867678302911, -1}, {"C", -0.18198174795024147, -1}, {"B", 4.115849426253153, -1}},
		{{"A", -2.305533188041165, -1}, {"C", 0.9908005511470798, -1}, {"B", 1.3147326368940853, -1}},
		{{"A", -0.4627558353916874, -1}, {"B", 0.12155242628773144, -1}, {"C", 0.34120340910395597, -1}},
		{{"A", -0.8231731471572866, -1}, {"C", 0.5843919510834525, -1}, {"B", 0.23878119607383416, -1}},
		{{"A", -1.8701124127931834, -1}, {"C", -1.1743815346506943, -1}, {"B", 3.0444939474438777, -1}},
		{{"A", -1.585359148030569, -1}, {"B", 0.4108389617588277, -1}, {"C", 1.1745201862717414, -1}},
		{{"B", -3.3441645102502524, -1}, {"A", 1.218049227250282, -1}, {"C", 2.1261152829999705, -1}},
		{{"C", -0.8105539053042671, -1}, {"B", 0.17222054521093144, -1}, {"A", 0.6383333600933356, -1}},
		{{"B", -0.6542567607533354, -1}, {"A", 0.4014017503068262, -1}, {"C", 0.25285501044650927, -1}},
		{{"B", -1.0792846250773604, -1}, {"A", -0.3869789408680599, -1}, {"C", 1.4662635659454204, -1}},
		{{"C", -2.0226691196171855, -1}, {"A", 0.44399269329040536, -1}, {"B", 1.5786764263267803, -1}},
		{{"C", -1.4832556881188572, -1}, {"A", -1.1200544947976088, -1}, {"B", 2.603310182916466, -1}},
		{{"C", -0.3061749817498146, -1}, {"A", -0.2718945981842111, -1}, {"B", 0.5780695799340256, -1}},
		{{"C", -0.7917429082046201, -1}, {"A", -0.014701212037724676, -1}, {"B", 0.8064441202423449, -1}},
	}
	folds := make([]int, 14)
	for i := range folds {
		folds[i] = i
	}
	got := AttributeSVM(x, labels, folds, 1, nil)
	if len(got) != len(want) {
		t.Fatalf("%d attributions, want %d", len(got), len(want))
	}
	for i, a := range got {
		w := want[i]
		if a.Item != i || a.Predicted != w[0].Label || a.Unattributable || len(a.Candidates) != len(w) {
			t.Errorf("item %d = %+v, want %v", i, a, w)
			continue
		}
		for r, c := range a.Candidates {
			if c.Label != w[r].Label || c.Item != -1 || math.Abs(c.Distance-w[r].Distance) > 1e-12 {
				t.Errorf("item %d candidate %d = %+v, want %+v", i, r, c, w[r])
			}
		}
		if rank := slices.IndexFunc(w, func(c cand) bool { return c.Label == labels[i] }) + 1; a.Rank != rank {
			t.Errorf("item %d rank %d, want %d", i, a.Rank, rank)
		}
	}
}

// TestAttributeSVMTiedVote: one vote each goes to the label first in byte
// order, as libsvm's svm_predict. Seven items in two features train the
// machines (fold 0); item 7 (fold 1, labelled B) sits where scikit-learn's
// SVC (as in TestTrainSVC) gives the decision values AB −0.0333…, AC
// +0.0420…, BC −0.0365…: B, A and C one vote each, predict() says A
// (found by a grid search in Python).
func TestAttributeSVMTiedVote(t *testing.T) {
	x := mat.NewDense(8, 2, []float64{0, 1, 0.2, 1.3, -0.9, -0.5, -1.2, -0.4, 0.8, -0.6, 1.1, -0.3, 1.3, -0.2, 0.01, -0.06})
	labels := []string{"A", "A", "B", "B", "C", "C", "C", "B"}
	got := AttributeSVM(x, labels, []int{0, 0, 0, 0, 0, 0, 0, 1}, 1, nil)
	ab, ac, bc := -0.033333352461447606, 0.042068949323971365, -0.03655170525499165
	want := []Candidate{{"A", -(ab + ac) / 2, -1}, {"B", -(-ab + bc) / 2, -1}, {"C", -(-ac - bc) / 2, -1}}
	a := got[7]
	if a.Predicted != "A" || a.Rank != 2 || len(a.Candidates) != 3 {
		t.Fatalf("item 7 = %+v, want A first, B second", a)
	}
	for r, c := range a.Candidates {
		if c.Label != want[r].Label || math.Abs(c.Distance-want[r].Distance) > 1e-12 {
			t.Errorf("candidate %d = %+v, want %+v", r, c, want[r])
		}
	}
	// The items of fold 0 see B's item 7 alone: B, at distance 0.
	if a := got[0]; a.Predicted != "B" || !slices.Equal(a.Candidates, []Candidate{{"B", 0, -1}}) {
		t.Errorf("item 0 = %+v, want B alone", a)
	}
	// A label whose every item is in the held-out fold is no candidate,
	// and its item is unattributable.
	got = AttributeSVM(x, []string{"A", "A", "B", "B", "C", "C", "C", "D"}, []int{0, 1, 2, 3, 4, 5, 6, 7}, 1, nil)
	if a := got[7]; !a.Unattributable || a.Rank != 0 || len(a.Candidates) != 3 {
		t.Errorf("the only D = %+v, want unattributable among A, B, C", a)
	}
}
