package reports

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/pipeline"
)

// fmtNum formats a number for the page (not for CSV): 3 significant
// decimals, thousands unseparated, empty for NaN.
func fmtNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.IsInf(v, 0):
		return Float(v)
	case v != 0 && math.Abs(v) < 0.001:
		return strconv.FormatFloat(v, 'e', 2, 64)
	case math.Abs(v) >= 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// block is the page's block of the chart file, if it was drawn: its
// caption, then the sentence saying which subset it shows, if it shows
// one.
func block(f *figures, file, caption string, wide bool) (Block, bool) {
	fig := f.get(file)
	if fig == nil {
		return Block{}, false
	}
	return figBlock(*fig, caption, wide), true
}

// figBlock is the page's block of fig (see block).
func figBlock(fig figure, caption string, wide bool) Block {
	if fig.subset != "" {
		caption += " " + fig.subset
	}
	return Block{Title: fig.title, Caption: caption, SVG: fig.svg, Href: fig.file, Wide: wide}
}

// maxPageRows is the most documents (or groups) the page's tables list: a
// page of 10,000 rows weighs tens of megabytes and a browser struggles.
const maxPageRows = 500

// buildPage assembles index.html's content.
func buildPage(ps *pipeline.Study, f *figures, rows map[string]int, run Run) *Report {
	st := view(ps)
	nfail := len(ps.Failures)
	r := &Report{Title: "stylometer report"}
	tokens := 0
	for _, d := range st.Docs {
		tokens += d.Profile.Words
	}
	r.Subtitle = fmt.Sprintf("%d documents, %d words. Who writes like whom, and how each document and group frames the subject.", len(st.Docs), tokens)
	r.Summary = []KV{
		{Key: "documents", Value: strconv.Itoa(len(st.Docs))},
		{Key: "words", Value: strconv.Itoa(tokens)},
		{Key: "distinct words", Value: strconv.Itoa(len(st.Words.Features))},
		{Key: "skipped inputs", Value: strconv.Itoa(nfail)},
	}
	if len(st.Options.GroupBy) > 0 {
		r.Summary = append(r.Summary, KV{Key: "grouped by", Value: strings.Join(st.Options.GroupBy, ", ")})
	}

	// Corpus overview.
	ov := Section{ID: "corpus", Title: "Corpus", Intro: "Each document with its metadata and key statistics. documents.csv has every measure."}
	t := &HTMLTable{Header: append([]string{"document"}, st.Columns...)}
	show := []string{"tokens", "types", "sentences"}
	t.Header = append(t.Header, show...)
	extra := []string{"sentence_length_mean", "mattr", "mtld", "lexical_density", "flesch", "flesch_kincaid"}
	t.Header = append(t.Header, extra...)
	t.Numeric = make([]bool, len(t.Header))
	for i := 1 + len(st.Columns); i < len(t.Numeric); i++ {
		t.Numeric[i] = true
	}
	col := map[string][]float64{}
	for j, m := range pipeline.DocMeasures {
		col[m.Name] = st.Measures[j]
	}
	for i, d := range st.Docs {
		if i == maxPageRows {
			t.Note = fmt.Sprintf("First %d of %d documents, in input order (more rows than a page can hold); documents.csv has every one.", maxPageRows, len(st.Docs))
			break
		}
		row := []string{d.ID}
		for _, c := range st.Columns {
			row = append(row, d.Meta[c])
		}
		p := d.Profile
		row = append(row, strconv.Itoa(p.Words), strconv.Itoa(p.Terms.Len()), strconv.Itoa(p.Sentences))
		for _, e := range extra {
			row = append(row, fmtNum(col[e][i]))
		}
		t.Rows = append(t.Rows, row)
	}
	ov.Blocks = append(ov.Blocks, Block{Title: "Documents", Table: t, Wide: true})
	if b, ok := languageBlock(ps); ok {
		ov.Blocks = append(ov.Blocks, b)
	}
	r.Sections = append(r.Sections, ov)

	if s, ok := st.stylometrySection(f); ok {
		r.Sections = append(r.Sections, s)
	}
	r.Sections = append(r.Sections, st.framingSection(f))

	desc := Section{ID: "descriptives", Title: "Descriptives", Intro: "How long the sentences are and how the vocabulary is distributed. Lexical diversity and readability are in the corpus table and in documents.csv."}
	if b, ok := block(f, "sentence_lengths.svg", "Box = quartiles, whiskers to 1.5 IQR, dots = outliers.", false); ok {
		desc.Blocks = append(desc.Blocks, b)
	}
	if b, ok := block(f, "zipf.svg", "Frequency of each word against its rank, both on log scales (Zipf 1935).", false); ok {
		desc.Blocks = append(desc.Blocks, b)
	}
	r.Sections = append(r.Sections, desc)

	r.Methods = methods()
	params, _ := json.MarshalIndent(run.Parameters, "", "  ")
	r.Parameters = string(params)
	names := make([]string, 0, len(rows))
	for n := range rows {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fl := FileLink{Name: n, Rows: rows[n]}
		if d := Lookup(n); d != nil {
			fl.RowPer = d.RowPer
			fl.Columns = d.Columns
			if d.Rest != nil {
				fl.Columns = append(append([]ColumnDoc(nil), d.Columns...), *d.Rest)
			}
		}
		r.Files = append(r.Files, fl)
	}
	return r
}

// languageBlock lists the documents not analysed as English, under the
// run's warning about them.
func languageBlock(st *pipeline.Study) (Block, bool) {
	foreign := st.NotEnglish()
	if len(foreign) == 0 {
		return Block{}, false
	}
	t := &HTMLTable{Header: []string{"document", "language", "detected", "confidence"}, Numeric: []bool{false, false, false, true}}
	for k, i := range foreign {
		if k == maxPageRows {
			t.Note = fmt.Sprintf("First %d of %d documents; documents.csv has every one.", maxPageRows, len(foreign))
			break
		}
		p := st.Docs[i].Profile
		conf := ""
		if p.Language != "" {
			conf = fmtNum(p.LanguageConfidence)
		}
		t.Rows = append(t.Rows, []string{st.Docs[i].ID, st.Languages[i], p.Language, conf})
	}
	return Block{Title: "Not in English", Caption: upperFirst(st.LanguageWarning) + ".", Table: t}, true
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// framingSection shows each scope's distinctive words, the targets and the
// lexicon.
func (st *studyView) framingSection(f *figures) Section {
	s := Section{ID: "framing", Title: "Framing", Intro: "The words that set each document and each group apart from " + st.against() + " (log-odds ratio with informative Dirichlet prior, z-scored: Monroe, Colaresi & Quinn 2008), with Dunning's G², Hardie's Log Ratio and Benjamini–Hochberg adjusted p side by side; then how each one talks around the target terms. Content words only unless --all-words."}
	if st.Options.TermTotals && !st.Options.AllWords {
		s.Intro += " Rates and totals count content words only (--keyness-totals terms: a sub-corpus)."
	} else if !st.Options.AllWords {
		s.Intro += " Rates and totals count all words, content or not (the corpus sizes; --keyness-totals terms divides by the content words instead)."
	}
	kinds := []string{"document"}
	kinds = append(kinds, st.Options.GroupBy...)
	if ref := st.Options.Reference; ref != nil {
		kinds = append(kinds, "corpus")
		s.Intro += fmt.Sprintf(" The comparison is with the reference corpus %s (%d words), not with the rest of this corpus (--reference); the corpus as a whole is compared with it too.", ref.Name, ref.Words)
		if len(st.Docs) > framing.MaxReferenceDocs {
			s.Intro += fmt.Sprintf(" Past %d documents only the groups and the corpus are compared with it, not each document.", framing.MaxReferenceDocs)
		}
	}
	for _, k := range kinds {
		if b, ok := block(f, f.chartFile("keyness", k), "In each panel, top: the 10 most distinctive words (z > 0); bottom: the 5 most avoided (z < 0), against all other "+plural(k)+".", true); ok {
			b.Detail = k == "document"
			s.Blocks = append(s.Blocks, b)
		}
	}
	// One table per scope kind: the top five words of each target.
	for _, k := range kinds {
		t := &HTMLTable{Header: []string{k, "term", "z", "G²", "log ratio", "p (BH)", "n target", "n rest"}, Numeric: []bool{false, false, true, true, true, true, true, true}, Terms: []bool{false, true}}
		scopes, shown := 0, 0
		for _, res := range st.Framing.Keyness {
			if res.Scope.Kind != k || !res.Scope.Against() {
				continue
			}
			if scopes++; scopes > maxPageRows {
				continue
			}
			shown++
			for i, row := range res.Rows {
				if i == 5 || row.LogOddsZ <= 0 {
					break
				}
				t.Rows = append(t.Rows, keyRow(res.Scope.Target, row))
			}
		}
		if len(t.Rows) > 0 {
			t.Note = "Top five per " + k + "; every term and measure is in keyness.csv."
			if shown < scopes {
				t.Note = fmt.Sprintf("Top five per %s for the first %d of %d, in input order (more rows than a page can hold); every %s, term and measure is in keyness.csv.", k, shown, scopes, k)
			}
			s.Blocks = append(s.Blocks, Block{Title: "Most distinctive words by " + k, Table: t, Detail: k == "document"})
		}
	}
	s.Blocks = append(s.Blocks, st.pairBlocks(f)...)
	for _, fig := range f.list {
		if strings.HasPrefix(fig.file, "charts/fightin_") {
			s.Blocks = append(s.Blocks, figBlock(fig, "Each word's corpus frequency against its log-odds z; labelled: the 20 words with the largest |z|; dashed: z = ±1.96.", false))
		}
	}
	if b, ok := block(f, "targets.svg", "How often each document names each target, per 10,000 words (targets.csv).", true); ok {
		s.Blocks = append(s.Blocks, b)
	}
	for _, fig := range f.list {
		if strings.HasPrefix(fig.file, "charts/collocates_") {
			s.Blocks = append(s.Blocks, figBlock(fig, fmt.Sprintf("The %d strongest collocates of each by G² within ±%d words in the sentence, function words left out (collocates.csv has every word, with PMI and logDice).", maxCollocates, st.Options.Window), false))
		}
	}
	if kw := st.kwicTable(3); kw != nil {
		s.Blocks = append(s.Blocks, Block{Title: "Targets in context", Caption: "Up to three occurrences of each target per document, quoted from the original text (kwic.csv has all, with byte offsets).", Table: kw, Wide: true})
	}
	if b, ok := block(f, "lexicon.svg", "Words of each lexicon category per 10,000 words (lexicon.csv).", true); ok {
		s.Blocks = append(s.Blocks, b)
	}
	s.Blocks = append(s.Blocks, st.methodsFramingBlocks(f)...)
	if len(st.FramingWarnings) > 0 {
		w := &HTMLTable{Header: []string{"note"}}
		for _, x := range st.FramingWarnings {
			w.Rows = append(w.Rows, []string{x})
		}
		s.Blocks = append(s.Blocks, Block{Title: "Notes", Table: w})
	}
	return s
}

func plural(k string) string {
	if k == "document" {
		return "documents"
	}
	return "values of " + k
}

func keyRow(target string, k keyness.Row) []string {
	return []string{target, k.Term, fmtNum(k.LogOddsZ), fmtNum(k.G2), fmtNum(k.LogRatio), fmtNum(k.PAdj), Float(k.NTarget), Float(k.NReference)}
}

func (st *studyView) kwicTable(per int) *HTMLTable {
	t := &HTMLTable{Header: []string{"document", "target", "left", "keyword", "right"}}
	for _, d := range st.Docs {
		for ti, name := range st.Framing.Targets {
			for i, k := range d.Profile.Targets[ti].KWIC {
				if i == per {
					break
				}
				t.Rows = append(t.Rows, []string{d.ID, name, k.Left, k.Keyword, k.Right})
			}
		}
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// methods defines every measure on the page: the distances from their
// definitions in analysis, the rest here.
func methods() []Method {
	out := append([]Method(nil), methodsBefore...)
	for _, d := range analysis.Definitions() {
		out = append(out, Method{Name: d.Name, Definition: d.Formula, Source: d.Source})
	}
	return append(out, methodsAfter...)
}

// methodsBefore and methodsAfter are the methods around the distances.
var methodsBefore = []Method{
	{Name: "Tokens, sentences, tags", Definition: "prose v3's models and rules (applied by stylometer's own code, giving prose's output token for token): Punkt sentence segmentation per paragraph (line), its tokenizer with dashes as separators and glued punctuation split, and its averaged-perceptron Penn Treebank tagger (curly quotes shown to it as `` and ''). Words are tokens with a letter or digit, lower-cased.", Source: "github.com/jdkato/prose v3"},
	{Name: "Relative frequency", Definition: "count / all words of the document; stylo's tables (mfw.csv) give it × 100.", Source: "Eder, Rybicki & Kestemont 2016 (stylo)"},
	{Name: "Most frequent words (MFW)", Definition: "features ranked by raw corpus count, ties by code point, cut at N; culling keeps features present in at least c% of documents.", Source: "stylo"},
}

var methodsAfter = []Method{
	{Name: "Hierarchical clustering", Definition: "agglomerative, Lance–Williams updates; ward.D2 (R's) by default; SciPy linkage layout.", Source: "Ward 1963; Murtagh & Legendre 2014; Müllner 2011"},
	{Name: "Classical MDS, PCA", Definition: "Torgerson scaling of the distance matrix; PCA of z-scored MFW; signs fixed so the largest loading is positive.", Source: "Torgerson 1952; gonum stat/mds, stat.PC"},
	{Name: "Log-odds with informative Dirichlet prior", Definition: "δ = ln((y_t+α_w)/(n_t+α_0−y_t−α_w)) − ln((y_r+α_w)/(n_r+α_0−y_r−α_w)), z = δ/√(1/(y_t+α_w) + 1/(y_r+α_w)), α_w = the term's corpus count.", Source: "Monroe, Colaresi & Quinn 2008, eq. 22 (FightingWords)"},
	{Name: "G² (log-likelihood)", Definition: "2 Σ O ln(O/E) over the 2×2 table, signed + when over-used; p from χ²(1); Benjamini–Hochberg adjusted within each comparison.", Source: "Dunning 1993; Benjamini & Hochberg 1995"},
	{Name: "χ², PMI, Log Ratio, %DIFF, BIC, ELL", Definition: "χ² without Yates; log2(a N/((a+b) N_t)); log2 of the ratio of relative frequencies (zero → 0.5); 100 (f_t − f_r)/f_r; |G²| − ln N; |G²|/(N ln min E).", Source: "Hardie 2014; Gabrielatos & Marchi 2012; Wilson 2013; Johnston et al. 2006"},
	{Name: "Zeta", Definition: "share of the target's slices containing the word minus the reference's (Craig); divided by their sum (Eder).", Source: "Burrows 2007; Craig & Kinney 2009; stylo oppose()"},
	{Name: "Collocates", Definition: "words within ±k words of the target inside the sentence, each occurrence's window counted; PMI = log2(f_xy N/(f_x f_y)); logDice = 14 + log2(2 f_xy/(f_x + f_y)); G² of window vs outside.", Source: "Church & Hanks 1990; Rychlý 2008"},
	{Name: "Lexical diversity", Definition: "TTR, Herdan's C, Guiraud's R, CTTR, Yule's K, Maas a (log10), MATTR and MSTTR (100 words), MTLD (0.72), HD-D (42).", Source: "quanteda textstat_lexdiv; McCarthy & Jarvis 2007, 2010; Covington & McFall 2010"},
	{Name: "Readability", Definition: "Flesch reading ease, Flesch–Kincaid, Gunning Fog, SMOG, ARI, Coleman–Liau, LIX; syllables by a vowel-group heuristic.", Source: "Flesch 1948; Kincaid et al. 1975; Gunning 1952; McLaughlin 1969; Senter & Smith 1967; Coleman & Liau 1975; Björnsson 1968"},
	{Name: "Language", Definition: "English when a quarter of a document's words or more are English function words; else its language by trigram profiles (84 languages) over 4 runs of 16 of its words; a document of 20 words or more whose detected language is preferred to English with confidence ≥ 0.8 is analysed as not English: no part-of-speech tags, lexical density, readability but LIX, content-word keyness, pos or fw features (--language overrides).", Source: "Cavnar & Trenkle 1994; whatlanggo 1.0.1 (whatlang's profiles)"},
}

// stylometrySection shows who writes like whom.
// styloComparable says whether the distances of a feature can be set
// beside stylo's: the measures are stylo's (to 1e-13 on the seeds), but
// only stylo's own tokenizer gives stylo's MFW lists.
func styloComparable(feature string) string {
	switch {
	case strings.HasPrefix(feature, "stylo:"):
		return "The words are stylo's (txt.to.words: letters only, apostrophes and hyphens split), so the MFW and the distances are those stylo gives for the same texts and settings."
	case strings.HasPrefix(feature, "word:"), strings.HasPrefix(feature, "fw:"):
		return "The measures are stylo's, but the words are not stylo's tokens (prose's tokenizer: numbers stay whole, contractions such as 's and n't are words of their own, hyphenated compounds are one word unless --split-hyphens), so the MFW, and the distances over them, differ from stylo's on the same texts: --features stylo:1 counts words as stylo does."
	}
	return "stylo has no such feature: these distances have no stylo counterpart."
}

func (st *studyView) stylometrySection(f *figures) (Section, bool) {
	s := st.Stylometry
	if s == nil {
		return Section{}, false
	}
	sec := Section{ID: "stylometry", Title: "Who writes like whom"}
	if len(s.Sets) == 0 {
		sec.Intro = "Not computed: " + strings.Join(s.Warnings, "; ")
		return sec, true
	}
	set := s.Sets[0]
	where := "every measure at this setting is in distances.csv; the consensus uses " + s.View.Definition().Name + " at every setting (--distances all writes every measure at every setting)"
	switch {
	case !pairTables(st.Study):
		where = "each text's ten nearest under every measure are in knn.csv (the text × text tables are written up to 500 texts, or with --distances all)"
	case st.Options.AllDistances:
		where = "every value is in distances.csv"
	}
	settings := fmt.Sprintf("%d settings", len(s.Sets))
	if len(s.Sets) == 1 {
		settings = "1 setting"
	}
	sec.Intro = fmt.Sprintf("Distances between the %d texts over the %d most frequent %s features (culling %g%%), z-scored as stylo does; the views use %s. %s of the MFW × culling grid, %d measures: %s.",
		len(s.IDs), set.MFW, set.Feature, set.Culling, s.View.Definition().Name, settings, len(s.Measures), where)
	sec.Intro += " " + styloComparable(set.Feature)
	if s.Sample != nil {
		sec.Intro += fmt.Sprintf(" The tree, the MDS map, the PCA chart and the consensus show a seeded sample of %d of the %d texts (no text × text matrix exists past --max-matrix texts); attribution and the network use every text's nearest neighbours.", len(s.Sample), len(s.IDs))
	}
	if !math.IsNaN(s.SameDoc) {
		sec.Intro += fmt.Sprintf(" Sampling: with the tree cut into as many clusters as there are sampled documents, %.0f%% of the pairs of samples from the same document land in the same cluster.", 100*s.SameDoc)
	}
	for _, b := range []struct{ file, caption string }{
		{"heatmap_" + string(s.View) + ".svg", "Darker is closer. Rows and columns in the dendrogram's order."},
		{"dendrogram.svg", "Leaves coloured by group; height is the linkage distance (clusters.csv)."},
		{"mds.svg", "Classical (Torgerson) scaling of the distance matrix: close points write alike (mds.csv)."},
		{"pca.svg", "Documents on the first two principal components of the z-scored MFW, with the words that load most (pca.csv, pca_loadings.csv)."},
		{"consensus.svg", "0 (dark): the pair falls in one cluster under every setting of the grid; 1: never (consensus.csv)."},
	} {
		if bl, ok := block(f, b.file, b.caption, false); ok {
			sec.Blocks = append(sec.Blocks, bl)
		}
	}
	// Nearest neighbours under each measure.
	nn := &HTMLTable{Header: []string{"text"}}
	for _, m := range s.Measures {
		nn.Header = append(nn.Header, string(m))
	}
	for i, id := range s.IDs {
		row := []string{id}
		for _, m := range s.Measures {
			if nb := s.Neighbours[m][i]; len(nb) > 0 {
				row = append(row, s.IDs[nb[0].Item])
			} else {
				row = append(row, "")
			}
		}
		nn.Rows = append(nn.Rows, row)
	}
	if len(nn.Rows) > 60 {
		nn.Note = fmt.Sprintf("First 60 of %d texts, in input order; knn.csv has every text's nearest neighbours.", len(nn.Rows))
		nn.Rows = nn.Rows[:60]
	}
	sec.Blocks = append(sec.Blocks, Block{Title: "Nearest neighbour under each measure", Caption: "Agreement across measures is evidence; disagreement says the signal is weak.", Table: nn, Wide: true})
	if s.Attribution != nil {
		acc := &HTMLTable{Header: []string{"measure", "texts", "correct", "accuracy", "macro F1", "unattributable"}, Numeric: []bool{false, true, true, true, true, true}}
		for _, m := range s.Measures {
			e := analysis.Evaluate(s.Attribution[m])
			acc.Rows = append(acc.Rows, []string{string(m), strconv.Itoa(e.Attributable), strconv.Itoa(e.Correct), fmtNum(e.Accuracy), fmtNum(e.MacroF1), strconv.Itoa(e.Unattributable)})
		}
		caption := "At the default setting, each text attributed to the label of its nearest text from another document (attribution.csv has a row per text and candidate label, closest first, with the margin to the runner-up; attribution_confusion.csv counts true × predicted labels; attribution_accuracy.csv scores every setting of the grid). Macro F1 is the mean of each label's F1, so a small class weighs as much as a large one. A text whose label no other document has is unattributable: counted apart, never a hit or a miss."
		if st.Options.SampleSize > 0 {
			caption += " The samples of a document leave together: a sample is never attributed by a sibling from its own document."
		}
		sec.Blocks = append(sec.Blocks, Block{Title: "Leave-one-out attribution", Caption: caption, Table: acc})
		sec.Blocks = append(sec.Blocks, st.methodsStylometryBlocks(f)...)
	}
	sec.Blocks = append(sec.Blocks, st.rollingBlocks(f)...)
	if q := s.Quality; len(q) > 0 {
		by := "the --label values"
		if st.Options.Label == "" {
			by = st.ColourBy() + "'s values"
		}
		order := make([]int, len(q))
		for i := range order {
			order[i] = i
		}
		// Best first; ties (and NaN last) in the table's order.
		slices.SortStableFunc(order, func(a, b int) int {
			x, y := q[a].ARI, q[b].ARI
			switch {
			case math.IsNaN(x) != math.IsNaN(y):
				if math.IsNaN(x) {
					return 1
				}
				return -1
			case x > y:
				return -1
			case x < y:
				return 1
			}
			return 0
		})
		t := &HTMLTable{Header: []string{"measure", "MFW", "culling", "ARI", "purity"}, Numeric: []bool{false, true, true, true, true}}
		for _, i := range order[:min(len(order), 15)] {
			t.Rows = append(t.Rows, []string{string(q[i].Measure), strconv.Itoa(q[i].MFW), strconv.FormatFloat(q[i].Culling, 'g', -1, 64) + "%", fmtNum(q[i].ARI), fmtNum(q[i].Purity)})
		}
		if len(order) > 15 {
			t.Note = fmt.Sprintf("The 15 best of %d trees; cluster_quality.csv has every one.", len(order))
		}
		sec.Blocks = append(sec.Blocks, Block{Title: "Which setting recovers the known classes",
			Caption: fmt.Sprintf("Each tree cut into %d clusters, one per class of %s, against those classes: adjusted Rand index (1: recovered exactly, 0: no better than chance) and purity. %d texts.", q[0].K, by, q[0].Texts), Table: t})
	}
	notes := s.Warnings
	if len(s.PlacedIDs) > maxHeatmapTexts {
		notes = append(slices.Clone(notes), fmt.Sprintf("%d texts in the tree: the distance and consensus heatmaps are drawn up to %d texts; distance_%s.csv (or knn.csv) and consensus.csv hold the values", len(s.PlacedIDs), maxHeatmapTexts, s.View))
	}
	if len(notes) > 0 {
		w := &HTMLTable{Header: []string{"note"}}
		for _, x := range notes {
			w.Rows = append(w.Rows, []string{x})
		}
		sec.Blocks = append(sec.Blocks, Block{Title: "Notes", Table: w})
	}
	return sec, true
}
