package reports

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/color"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/framing"
	"github.com/stylometer/stylometer/analysis/keyness"
	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports/chart"
)

// studyView is a Study with the document ids the charts and the page look
// up.
type studyView struct {
	*pipeline.Study
	ids []string
}

func view(st *pipeline.Study) *studyView {
	v := &studyView{Study: st}
	for _, d := range st.Docs {
		v.ids = append(v.ids, d.ID)
	}
	return v
}

// drawAll renders every chart of st, in a fixed order.
func drawAll(st *pipeline.Study) *figures {
	v := view(st)
	f := &figures{}
	v.drawStylometry(f)
	v.drawFraming(f)
	v.drawDescriptives(f)
	v.drawMethods(f)
	v.drawRolling(f)
	return f
}

// against names what keyness compares with: "the rest", or the reference.
func (st *studyView) against() string {
	if ref := st.Options.Reference; ref != nil {
		return "the reference (" + ref.Name + ")"
	}
	return "the rest"
}

// unitGroups returns each stylometric text's value of the colouring column.
func (st *studyView) unitGroups() []string { return st.Stylometry.Groups }

// placedGroups returns the colouring column's value of each text placed in
// the tree and the maps.
func placedGroups(st *pipeline.Study) []string {
	s := st.Stylometry
	g := make([]string, len(s.Placed))
	for a, i := range s.Placed {
		g[a] = s.Groups[i]
	}
	return g
}

// figure is a rendered chart: its file under charts/ and its SVG, and,
// when it shows a subset of what there is (the 24 strongest of 233
// documents, the first 12 targets), the sentence that says which and why,
// which the page prints under it.
type figure struct {
	file   string
	title  string
	svg    []byte
	subset string
}

// figures renders charts in the order they are added; a chart that cannot
// be drawn (too little data) is skipped with its reason kept for the log.
type figures struct {
	list    []figure
	skipped []string
	files   map[string]string // chartFile: prefix and names -> file
	taken   map[string]bool   // chartFile: files given out
}

func (f *figures) add(file, title string, draw func(io.Writer) error) {
	f.addSubset(file, title, "", draw)
}

// addSubset is add for a chart that shows a subset: subset says which
// and why, in a sentence for the page.
func (f *figures) addSubset(file, title, subset string, draw func(io.Writer) error) {
	if f.get(file) != nil {
		// slug makes names unique; two charts under one name would lose one.
		panic("stylometer: two charts named " + file)
	}
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		f.skipped = append(f.skipped, fmt.Sprintf("%s: %v", file, err))
		return
	}
	f.list = append(f.list, figure{file: "charts/" + file, title: title, svg: buf.Bytes(), subset: subset})
}

func (f *figures) get(file string) *figure {
	for i := range f.list {
		if f.list[i].file == "charts/"+file {
			return &f.list[i]
		}
	}
	return nil
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

// slug makes a safe file-name part of a name: lower-case ASCII letters and
// digits joined by "-", at most 60 bytes. A name with none of them (every
// name in Chinese or Cyrillic) is the first 8 hex digits of its SHA-256.
func slug(s string) string {
	out := strings.Trim(slugRE.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	if out == "" {
		return shortHash(s)
	}
	return out
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// chartFile names the chart of kind prefix about names: prefix, then the
// slug of each name, joined by "_" ("fightin_stance_cpi-m.svg"). A slug
// loses case and punctuation, so two names can meet ("Left!" and "left?"):
// the first keeps the plain name and every later one adds the short hash
// of its names ("fightin_stance_left-1f0c2a9e.svg"). The same prefix and
// names always give the same file within a run, and charts are drawn in a
// fixed order, so the names are deterministic.
func (f *figures) chartFile(prefix string, names ...string) string {
	key := prefix + "\x00" + strings.Join(names, "\x00")
	if n, ok := f.files[key]; ok {
		return n
	}
	parts := []string{prefix}
	for _, n := range names {
		parts = append(parts, slug(n))
	}
	n := strings.Join(parts, "_") + ".svg"
	if f.taken[n] {
		n = strings.Join(parts, "_") + "-" + shortHash(key) + ".svg"
	}
	if f.files == nil {
		f.files, f.taken = map[string]string{}, map[string]bool{}
	}
	f.files[key], f.taken[n] = n, true
	return n
}

// groupOf returns each document's value of the first grouping column.
func (st *studyView) groupOf() []string {
	g := make([]string, len(st.Docs))
	if st.ColourBy() == "" {
		return g
	}
	for i, d := range st.Docs {
		g[i] = d.Meta[st.ColourBy()]
	}
	return g
}

// groupKey is how every chart tells the values of the colouring column
// apart: a colour each from chart.Palette, and a shape past
// chart.MaxColors values; or, for a numeric column (a year) with more
// than maxCategoricalNumbers distinct values, the colours of a continuous
// chart.Scale with a colour bar for a legend.
type groupKey struct {
	colors map[string]color.Color
	shapes map[string]chart.Shape
	scale  *chart.Scale
}

// maxCategoricalNumbers is the most distinct values a numeric colouring
// column has for its values to be coloured as categories (each named in
// the legend); past it they are coloured on a continuous scale.
const maxCategoricalNumbers = 8

// key is the corpus-wide groupKey of the colouring column.
func (st *studyView) key() groupKey {
	groups := st.groupOf()
	if s := chart.NumericScale(st.ColourBy(), groups); s != nil && distinctValues(groups) > maxCategoricalNumbers {
		return groupKey{colors: s.Colors(groups), scale: s}
	}
	return groupKey{colors: chart.Palette(groups), shapes: chart.Shapes(groups)}
}

// on returns o with the key's colours, shapes and scale.
func (k groupKey) on(o chart.Options) chart.Options {
	o.Colors, o.Shapes, o.Scale = k.colors, k.shapes, k.scale
	return o
}

// distinctValues counts the distinct non-empty values of s.
func distinctValues(s []string) int {
	seen := map[string]bool{}
	for _, v := range s {
		if v != "" {
			seen[v] = true
		}
	}
	return len(seen)
}

// topTerms picks a scope's most distinctive (highest log-odds z) and most
// avoided (lowest) terms, n of each.
func topTerms(rows []keyness.Row, n int) []chart.Term {
	var out []chart.Term
	for i := 0; i < len(rows) && i < n && rows[i].LogOddsZ > 0; i++ {
		out = append(out, chart.Term{Term: rows[i].Term, Score: rows[i].LogOddsZ})
	}
	var low []chart.Term
	for i := len(rows) - 1; i >= 0 && len(low) < n/2 && rows[i].LogOddsZ < 0; i-- {
		low = append(low, chart.Term{Term: rows[i].Term, Score: rows[i].LogOddsZ})
	}
	for i := len(low) - 1; i >= 0; i-- {
		out = append(out, low[i])
	}
	return out
}

// maxTreeLeaves is the most texts the dendrogram draws one by one; past it
// it draws the top treeClusters clusters (chart.Truncate).
const (
	maxTreeLeaves = 300
	treeClusters  = 60
)

// clusterLeaves names each cluster of a truncated tree: the text itself for
// a cluster of one, else its size and, with groups, its most common group
// and that group's share ("47 texts: left 60%"); with groups it also gives
// each cluster's most common group, its colour (nil without groups).
func clusterLeaves(ids, groups []string, members [][]int) (names, majorities []string) {
	names = make([]string, len(members))
	if groups != nil {
		majorities = make([]string, len(members))
	}
	for i, m := range members {
		g, n := "", 0
		if groups != nil {
			g, n = majority(groups, m)
			majorities[i] = g
		}
		switch {
		case len(m) == 1:
			names[i] = ids[m[0]]
		case groups == nil:
			names[i] = fmt.Sprintf("%d texts", len(m))
		default:
			if g == "" {
				g = "(none)"
			}
			names[i] = fmt.Sprintf("%d texts: %s %.0f%%", len(m), g, 100*float64(n)/float64(len(m)))
		}
	}
	return names, majorities
}

// majority is the most common of groups[i] over the members, ties to the
// first by name, and how many members have it.
func majority(groups []string, members []int) (string, int) {
	count := map[string]int{}
	for _, i := range members {
		count[groups[i]]++
	}
	best, n := "", -1
	for _, g := range slices.Sorted(maps.Keys(count)) {
		if count[g] > n {
			best, n = g, count[g]
		}
	}
	return best, n
}

// maxHeatmapTexts is the most texts a heatmap is drawn for: past it a cell
// is smaller than a pixel of the page and rendering takes seconds.
const maxHeatmapTexts = 500

// wideChart is the width of the charts that span the report page.
const wideChart = 26 * vg.Centimeter

// maxFightin is the most documents that get a fightin'-words chart each.
const maxFightin = 12

// maxFightinValues is the most values of a grouping column that get a
// fightin'-words chart each: past it, the values with the strongest
// keyness.
const maxFightinValues = 20

// maxPanels is the most documents or values a chart of keyness or
// collocate panels shows: past it each panel is too small to read, and the
// chart shows those with the strongest scores.
const maxPanels = 24

// strongest returns the indices of the n largest scores, largest first,
// ties in input order; with at most n scores, every index in input order.
func strongest(scores []float64, n int) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	if len(scores) <= n {
		return idx
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	return idx[:n]
}

// topZ is the largest log-odds z of rows (−Inf for none).
func topZ(rows []keyness.Row) float64 {
	z := math.Inf(-1)
	for _, r := range rows {
		if !math.IsNaN(r.LogOddsZ) {
			z = max(z, r.LogOddsZ)
		}
	}
	return z
}

// drawFraming renders the framing charts.
func (st *studyView) drawFraming(f *figures) {
	// Keyness panels per kind of scope (documents, then each column).
	type scoped struct {
		panels []chart.Panel
		top    []float64 // each panel's largest z
		scopes int       // scopes compared, with or without a panel
	}
	var kinds []string
	byKind := map[string]*scoped{}
	for _, r := range st.Framing.Keyness {
		if !r.Scope.Against() {
			continue
		}
		k := r.Scope.Kind
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
			byKind[k] = &scoped{}
		}
		byKind[k].scopes++
		if terms := topTerms(r.Rows, 10); len(terms) > 0 {
			byKind[k].panels = append(byKind[k].panels, chart.Panel{Title: r.Scope.Target, Terms: terms})
			byKind[k].top = append(byKind[k].top, topZ(r.Rows))
		}
	}
	for _, k := range kinds {
		sc := byKind[k]
		if len(sc.panels) == 0 {
			continue // no scope of this kind has a word with z > 0: no chart
		}
		title := "Log-odds z against " + st.against() + ", by " + k
		var panels []chart.Panel
		for _, i := range strongest(sc.top, maxPanels) {
			panels = append(panels, sc.panels[i])
		}
		subset := ""
		switch {
		case len(sc.panels) > maxPanels:
			subset = fmt.Sprintf("%d of %d %s: the %d whose most distinctive word has the largest log-odds z, strongest first (%d panels would be too small to read); keyness.csv has every one.",
				len(panels), sc.scopes, plural(k), len(panels), len(sc.panels))
			title += fmt.Sprintf(": the %d strongest of %d", len(panels), sc.scopes)
		case len(panels) < sc.scopes:
			subset = fmt.Sprintf("%d of %d %s: the other %d have no word with z > 0.", len(panels), sc.scopes, plural(k), sc.scopes-len(panels))
		}
		f.addSubset(f.chartFile("keyness", k), "Distinctive words by "+k, subset, func(w io.Writer) error {
			return chart.KeynessPanels(w, panels, chart.Options{Title: title, XLabel: "log-odds z (Monroe et al. 2008)", Width: wideChart})
		})
	}
	// Fightin' words for each group value (the maxFightinValues strongest
	// past that many), or each document when there are no groups and at
	// most maxFightin documents (a chart per document does not help past
	// that: keyness.csv and the panels do).
	var fights []framing.KeynessResult
	for _, r := range st.Framing.Keyness {
		if !r.Scope.Against() || len(r.Rows) == 0 ||
			r.Scope.Kind == "document" && (len(st.Options.GroupBy) > 0 || len(st.Docs) > maxFightin) {
			continue
		}
		fights = append(fights, r)
	}
	for _, k := range kinds {
		var of []framing.KeynessResult
		var top []float64
		for _, r := range fights {
			if r.Scope.Kind == k {
				of, top = append(of, r), append(top, topZ(r.Rows))
			}
		}
		chosen := strongest(top, maxFightinValues)
		for n, i := range chosen {
			r := of[i]
			subset := ""
			if n == 0 && len(chosen) < len(of) {
				subset = fmt.Sprintf("Charts for %d of the %d %s: the %d whose most distinctive word has the largest log-odds z, strongest first; keyness.csv has every one.", len(chosen), len(of), plural(k), len(chosen))
			}
			words := make([]chart.WordScore, 0, len(r.Rows))
			for _, k := range r.Rows {
				if n := k.NTarget + k.NReference; n > 0 && !math.IsNaN(k.LogOddsZ) {
					words = append(words, chart.WordScore{Term: k.Term, LogFreq: math.Log10(n), Z: k.LogOddsZ})
				}
			}
			name := r.Scope.Kind + " " + r.Scope.Target
			f.addSubset(f.chartFile("fightin", r.Scope.Kind, r.Scope.Target), "Fightin' words: "+name, subset, func(w io.Writer) error {
				return chart.FightinWords(w, words, chart.Options{Title: r.Scope.Target + " vs " + st.against(), XLabel: "log10 frequency in the corpus", YLabel: "log-odds z"})
			})
		}
	}
	st.drawPairs(f)
	if len(st.Framing.Targets) > 0 {
		rates := make([][]float64, len(st.Framing.Targets))
		for i := range rates {
			rates[i] = make([]float64, len(st.Docs))
		}
		for _, r := range st.Framing.Rates {
			if r.Unit.Kind == "document" {
				rates[st.targetIndex(r.Target)][st.docIndex(r.Unit.Name)] = r.Per10k
			}
		}
		f.add("targets.svg", "Target terms across documents", func(w io.Writer) error {
			return chart.Rates(w, st.ids, st.Framing.Targets, rates, chart.Options{Title: "Target terms per 10,000 words", XLabel: "per 10,000 words", Width: wideChart})
		})
		st.drawCollocates(f)
	}
	if len(st.Framing.Lexicon) > 0 {
		var cats []string
		seen := map[string]bool{}
		for _, r := range st.Framing.Lexicon {
			if !seen[r.Category] {
				seen[r.Category] = true
				cats = append(cats, r.Category)
			}
		}
		rates := make([][]float64, len(cats))
		for i := range rates {
			rates[i] = make([]float64, len(st.Docs))
		}
		ci := map[string]int{}
		for i, c := range cats {
			ci[c] = i
		}
		for _, r := range st.Framing.Lexicon {
			if r.Unit.Kind == "document" {
				rates[ci[r.Category]][st.docIndex(r.Unit.Name)] = r.Per10k
			}
		}
		f.add("lexicon.svg", "Lexicon categories across documents", func(w io.Writer) error {
			return chart.Rates(w, st.ids, cats, rates, chart.Options{Title: "Lexicon categories per 10,000 words", XLabel: "per 10,000 words", Width: wideChart})
		})
	}
}

// maxCollocates is the most collocates a panel of the collocates chart
// shows.
const maxCollocates = 8

// drawCollocates renders, per target, the maxCollocates strongest
// collocates (by G²) of each group value, or of each document without
// groups; past maxPanels of them, of those whose strongest collocate has
// the largest G². The chart leaves out English function words
// (framing.Stopwords("english")) so that the content of the frame shows;
// collocates.csv keeps every word.
func (st *studyView) drawCollocates(f *figures) {
	stop, _ := framing.Stopwords("english")
	kind := "document"
	if len(st.Options.GroupBy) > 0 {
		kind = st.Options.GroupBy[0]
	}
	for _, target := range st.Framing.Targets {
		var panels []chart.Panel
		var cur *chart.Panel
		for _, c := range st.Framing.Collocates {
			if c.Target != target || c.Unit.Kind != kind || math.IsNaN(c.Stats.G2) || c.Stats.G2 <= 0 || stop[c.Collocate] || !pipeline.IsWord(c.Collocate) {
				continue
			}
			if cur == nil || cur.Title != c.Unit.Name {
				panels = append(panels, chart.Panel{Title: c.Unit.Name})
				cur = &panels[len(panels)-1]
			}
			if len(cur.Terms) < maxCollocates {
				cur.Terms = append(cur.Terms, chart.Term{Term: c.Collocate, Score: c.Stats.G2})
			}
		}
		if len(panels) == 0 {
			continue
		}
		title, subset := "Collocates of “"+target+"” by "+kind, ""
		if len(panels) > maxPanels {
			top := make([]float64, len(panels))
			for i, p := range panels {
				for _, t := range p.Terms {
					top[i] = max(top[i], t.Score)
				}
			}
			var chosen []chart.Panel
			for _, i := range strongest(top, maxPanels) {
				chosen = append(chosen, panels[i])
			}
			subset = fmt.Sprintf("%d of the %d %s with a collocate of %s: the %d whose strongest collocate has the largest G², strongest first; collocates.csv has every one.", len(chosen), len(panels), plural(kind), target, len(chosen))
			title += fmt.Sprintf(": the %d strongest of %d", len(chosen), len(panels))
			panels = chosen
		}
		f.addSubset(f.chartFile("collocates", target), "Collocates of "+target, subset, func(w io.Writer) error {
			return chart.KeynessPanels(w, panels, chart.Options{Title: title, XLabel: "G² (window vs outside)"})
		})
	}
}

// drawDescriptives renders sentence lengths and the Zipf plot.
func (st *studyView) drawDescriptives(f *figures) {
	groups := st.groupOf()
	key := st.key()
	var sl, zipf []chart.Series
	per := "per document"
	if len(st.Docs) > maxSeriesDocs {
		// One box and one curve a document stop being readable (and weigh
		// megabytes): pool the documents of each group, or all of them.
		sl, zipf, per = st.pooledSeries(groups)
	} else {
		for i, d := range st.Docs {
			p := d.Profile
			s := chart.Series{Name: d.ID, Group: groups[i]}
			for _, n := range p.SentenceLengths {
				s.Values = append(s.Values, float64(n))
			}
			sl = append(sl, s)
			z := chart.Series{Name: d.ID, Group: groups[i]}
			for _, n := range p.Terms.All() {
				z.Values = append(z.Values, float64(n))
			}
			zipf = append(zipf, z)
		}
	}
	// pooled says that a chart of one mark a document shows groups.
	pooled := func(mark string) string {
		if len(st.Docs) <= maxSeriesDocs {
			return ""
		}
		return fmt.Sprintf("The %d documents pooled %s: past %d documents, one %s a document is not readable.", len(st.Docs), per, maxSeriesDocs, mark)
	}
	f.addSubset("sentence_lengths.svg", "Sentence lengths", pooled("box"), func(w io.Writer) error {
		return chart.SentenceLengths(w, sl, key.on(chart.Options{Title: "Sentence length (words) " + per, XLabel: "words per sentence"}))
	})
	f.addSubset("zipf.svg", "Zipf plot", pooled("line"), func(w io.Writer) error {
		title := "Rank against frequency of words"
		if len(st.Docs) > maxSeriesDocs {
			title += " " + per
		}
		return chart.Zipf(w, zipf, key.on(chart.Options{Title: title}))
	})
}

// biplotArrows is the number of loadings the PCA biplot draws.
const biplotArrows = 10

// unlabelled says that a map of n points has no point labels (past
// chart's limit of 60), or is "".
func unlabelled(n int) string {
	if n <= 60 {
		return ""
	}
	return fmt.Sprintf("With %d points (more than 60) the points are not labelled: each one's id is in its tooltip.", n)
}

// maxSeriesDocs is the most documents the sentence-length and Zipf charts
// show one by one; past it they show each group (or the corpus) pooled.
const maxSeriesDocs = 60

// pooledSeries gives the sentence lengths and the word counts of each
// value of the colouring column (code-point order; documents without a
// value pooled as "(none)"), or of the whole corpus without one.
func (st *studyView) pooledSeries(groups []string) (sl, zipf []chart.Series, per string) {
	name := func(g string) string {
		switch {
		case st.ColourBy() == "":
			return "all documents"
		case g == "":
			return "(none)"
		}
		return g
	}
	lengths := map[string][]float64{}
	members := map[string][]int{}
	for i, d := range st.Docs {
		g := name(groups[i])
		for _, n := range d.Profile.SentenceLengths {
			lengths[g] = append(lengths[g], float64(n))
		}
		members[g] = append(members[g], i)
	}
	// Each group's counts are summed by term id, a group at a time: sum
	// holds them and seen the ids counted, in the order first met (the
	// chart sorts the values).
	sum := make([]int, len(analysis.TermNames()))
	var seen []analysis.TermID
	for _, g := range slices.Sorted(maps.Keys(members)) {
		colour := g
		if st.ColourBy() == "" || g == "(none)" {
			colour = ""
		}
		sl = append(sl, chart.Series{Name: g, Group: colour, Values: lengths[g]})
		for _, i := range members[g] {
			for id, n := range st.Docs[i].Profile.Terms.IDs() {
				if sum[id] == 0 {
					seen = append(seen, id)
				}
				sum[id] += n
			}
		}
		z := chart.Series{Name: g, Group: colour, Values: make([]float64, len(seen))}
		for k, id := range seen {
			z.Values[k], sum[id] = float64(sum[id]), 0
		}
		seen = seen[:0]
		zipf = append(zipf, z)
	}
	per = "in the corpus"
	if st.ColourBy() != "" {
		per = "per " + st.ColourBy()
	}
	return sl, zipf, per
}

func (st *studyView) docIndex(id string) int {
	for i, x := range st.ids {
		if x == id {
			return i
		}
	}
	panic("unknown document " + id)
}

func (st *studyView) targetIndex(name string) int {
	for i, x := range st.Framing.Targets {
		if x == name {
			return i
		}
	}
	panic("unknown target " + name)
}

// drawStylometry renders the who-writes-like-whom charts.
func (st *studyView) drawStylometry(f *figures) {
	s := st.Stylometry
	if s == nil || len(s.Sets) == 0 {
		return
	}
	key := st.key()
	set := s.Sets[0]
	name := fmt.Sprintf("%s, %d MFW (%s), culling %g%%", s.View.Definition().Name, set.MFW, set.Feature, set.Culling)
	if s.Sample != nil {
		name += fmt.Sprintf("; a sample of %d of %d texts", len(s.PlacedIDs), len(s.IDs))
	}
	if s.Merges != nil {
		groups := placedGroups(st.Study)
		if len(s.PlacedIDs) <= maxHeatmapTexts {
			f.add("heatmap_"+string(s.View)+".svg", "Distances: "+s.View.Definition().Name, func(w io.Writer) error {
				return chart.Heatmap(w, s.PlacedIDs, s.ViewD, s.Order, chart.Options{Title: name + "; ordered by the dendrogram"})
			})
		}
		merges := make([]chart.Merge, len(s.Merges))
		for i, m := range s.Merges {
			merges[i] = chart.Merge(m)
		}
		ids, treeGroups, subset := s.PlacedIDs, groups, ""
		if n := len(ids); n > maxTreeLeaves {
			// Past maxTreeLeaves a leaf is a line of a pixel: the top of
			// the tree, its treeClusters clusters, says what can be read.
			members, top, err := chart.Truncate(merges, n, treeClusters)
			if err == nil {
				ids, treeGroups = clusterLeaves(s.PlacedIDs, groups, members)
				merges = top
				subset = fmt.Sprintf("The top %d clusters of the tree of %d texts (scipy's truncate_mode=\"lastp\"): each leaf is a cluster, named by its size and, with groups, its most common group and that group's share; clusters.csv has every merge.", len(members), n)
			}
		}
		f.addSubset("dendrogram.svg", "Dendrogram", subset, func(w io.Writer) error {
			return chart.Dendrogram(w, ids, treeGroups, merges, key.on(chart.Options{Title: string(s.Linkage) + " clustering of " + name}))
		})
		if s.MDS != nil {
			pts := make([]chart.Point, len(s.PlacedIDs))
			for i, id := range s.PlacedIDs {
				pts[i] = chart.Point{ID: id, Group: groups[i], X: s.MDS.At(i, 0), Y: s.MDS.At(i, 1)}
			}
			f.addSubset("mds.svg", "MDS map", unlabelled(len(pts)), func(w io.Writer) error {
				return chart.Scatter(w, pts, key.on(chart.Options{Title: "Classical MDS of " + name, XLabel: "dimension 1", YLabel: "dimension 2"}))
			})
		}
	}
	if s.PCAScores != nil {
		groups := st.unitGroups()
		// Past --max-matrix texts the chart shows the seeded sample the
		// tree and maps show (pca.csv has every text): 100,000 points are
		// tens of megabytes of SVG and no picture.
		rows := s.Sample
		title := fmt.Sprintf("PCA of z-scored %d MFW", set.MFW)
		if rows == nil {
			rows = make([]int, len(s.IDs))
			for i := range rows {
				rows[i] = i
			}
		} else {
			title += fmt.Sprintf(", a sample of %d of %d texts", len(rows), len(s.IDs))
		}
		pts := make([]chart.Point, len(rows))
		for k, i := range rows {
			pts[k] = chart.Point{ID: s.IDs[i], Group: groups[i], X: s.PCAScores.At(i, 0), Y: s.PCAScores.At(i, 1)}
		}
		load := make([]chart.Loading, len(s.Table.Features))
		for j, ft := range s.Table.Features {
			load[j] = chart.Loading{Name: ft, X: s.PCALoadings.At(j, 0), Y: s.PCALoadings.At(j, 1)}
		}
		subset := fmt.Sprintf("Arrows: the %d of the %d features with the longest loadings (pca_loadings.csv has every one).", min(biplotArrows, len(load)), len(load))
		if u := unlabelled(len(pts)); u != "" {
			subset += " " + u
		}
		f.addSubset("pca.svg", "PCA biplot", subset, func(w io.Writer) error {
			return chart.Biplot(w, pts, load, key.on(chart.Options{Title: title,
				XLabel: fmt.Sprintf("PC1 (%.1f%%)", 100*s.PCAVariance[0]), YLabel: fmt.Sprintf("PC2 (%.1f%%)", 100*s.PCAVariance[1]), TopK: biplotArrows}))
		})
	}
	if s.Merges != nil && len(s.Sets) > 1 && len(s.PlacedIDs) <= maxHeatmapTexts {
		apart := mat.NewSymDense(len(s.PlacedIDs), nil)
		for i := range s.PlacedIDs {
			for j := range s.PlacedIDs {
				apart.SetSym(i, j, 1-s.Consensus.At(i, j))
			}
		}
		f.add("consensus.svg", "Consensus over the MFW × culling grid", func(w io.Writer) error {
			return chart.Heatmap(w, s.PlacedIDs, apart, s.Order, chart.Options{Title: fmt.Sprintf("Share of %d settings that split each pair (k = %d clusters)", len(s.Sets), s.K), ValueLabel: "share of settings apart"})
		})
	}
}
