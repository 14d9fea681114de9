package analysis

// Definition names and defines a distance measure for people: the name a
// report shows, the formula as computed here (the same as the Measure's
// doc comment) and its source. The report's Method section, its chart
// titles and the command's help are generated from these.
type Definition struct {
	Measure Measure
	Name    string // for people: "Burrows' Delta"
	Formula string
	Source  string
}

// Definitions returns the definition of every measure, in Measures order.
func Definitions() []Definition {
	return []Definition{
		{Delta, "Burrows' Delta", "(1/n) Σ |z_a − z_b| over the n MFW, z-scores per feature over all documents (sd with m − 1).", "Burrows 2002"},
		{Argamon, "Argamon's Delta", "√(Σ (z_a − z_b)²) / n, as stylo computes it.", "Argamon 2008; stylo"},
		{Eder, "Eder's Delta", "Σ |z_a − z_b| · (n − i + 2)/n, weights falling with frequency rank i: (n + 1)/n for the most frequent feature, 2/n for the last (stylo's (1 + n:1)/n).", "Eder 2015; stylo"},
		{Simple, "Eder's Simple", "Σ |√f_a − √f_b| on relative frequencies in percent.", "stylo"},
		{Wurzburg, "Cosine Delta", "1 − cos(z_a, z_b), features with sd 0 dropped.", "Smith & Aldridge 2011; Evert et al. 2017"},
		{Cosine, "cosine distance", "1 − cos(f_a, f_b).", "stylo"},
		{MinMax, "MinMax", "1 − Σ min(f_a, f_b) / Σ max(f_a, f_b) (Ruzicka).", "Koppel & Winter 2014; stylo"},
		{Canberra, "Canberra", "Σ |f_a − f_b| / (f_a + f_b), terms 0/0 dropped and the sum scaled by n/(n − dropped).", "R stats::dist"},
		{Manhattan, "Manhattan", "Σ |f_a − f_b| on percent frequencies.", "R stats::dist"},
		{Euclidean, "Euclidean", "√(Σ (f_a − f_b)²) on percent frequencies.", "R stats::dist"},
		{JSD, "Jensen–Shannon divergence", "JSD of the two relative-frequency distributions over the MFW (renormalised), base 2.", "Lin 1991"},
		{TFIDFCosine, "tf-idf cosine distance", "1 − cosine of L2-normalised tf·idf rows, idf = ln((1+m)/(1+df)) + 1.", "scikit-learn TfidfVectorizer"},
	}
}

// Definition returns m's definition; an unknown measure gets its name only.
func (m Measure) Definition() Definition {
	for _, d := range Definitions() {
		if d.Measure == m {
			return d
		}
	}
	return Definition{Measure: m, Name: string(m)}
}
