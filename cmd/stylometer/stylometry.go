package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// unit is one row of the stylometric tables: a document, or a sample of
// one (<id>#k) that keeps its document's metadata.
type unit struct {
	id     string
	doc    int // index into study.docs
	counts map[string]map[string]int
	total  map[string]float64
}

// setting is one point of the MFW × culling grid for one feature.
type setting struct {
	feature string
	mfw     int // features actually used
	culling float64
}

// distanceSet is every measure's distances at one setting.
type distanceSet struct {
	setting
	byMeasure map[analysis.Measure]*mat.SymDense
}

// stylometry holds the who-writes-like-whom results.
type stylometry struct {
	units    []unit
	ids      []string
	measures []analysis.Measure
	sets     []distanceSet // in grid order; sets[0] is the default setting
	table    *analysis.Table
	freq     *mat.Dense // percent, default setting
	z        *mat.Dense
	linkage  analysis.Linkage
	view     analysis.Measure // the measure behind the views (delta)
	// The views (tree, MDS, consensus, network) place the texts placed,
	// indices into units, with ids vids: those whose view-measure
	// distances are defined at every setting. viewD is their distance
	// matrix at the default setting, merges and order index into it.
	placed   []int
	vids     []string
	viewD    mat.Symmetric
	merges   []analysis.Merge
	order    []int
	mds      *mat.Dense
	mdsEig   []float64
	pcaS     *mat.Dense
	pcaL     *mat.Dense
	pcaVar   []float64
	k        int // clusters for co-clustering
	coclust  *mat.SymDense
	network  []analysis.Edge
	attrib   map[analysis.Measure][]analysis.Attribution
	labels   []string
	sameDoc  float64 // share of same-document sample pairs in one cluster; NaN without samples
	sampled  bool    // units are samples of documents
	warnings []string
}

func featureCounts(p *pipeline.Profile, f string) map[string]int {
	if f == "word:1" {
		return p.Terms
	}
	return p.Features[f]
}

// denominator is what a feature's relative frequencies divide by: all the
// text's words for words and function words, all its units for n-grams
// and for stylo's words (stylo's convention: the text's own tokens).
func denominator(f string, counts map[string]int, words int) float64 {
	if f == "word:1" || f == "fw:1" {
		return float64(words)
	}
	return sum(counts)
}

func sum(m map[string]int) float64 {
	s := 0
	for _, v := range m {
		s += v
	}
	return float64(s)
}

// stylo computes distances over the grid and the views at the default
// setting.
func (st *study) stylo(cfg Config) error {
	sc := cfg.Stylometry
	s := &stylometry{sameDoc: math.NaN(), view: analysis.Delta, sampled: sc.SampleSize > 0}
	mfws, err := analysis.ParseMFW(sc.MFW)
	if err != nil {
		return fmt.Errorf("--mfw: %w", err)
	}
	if s.linkage, err = analysis.ParseLinkage(sc.Linkage); err != nil {
		return fmt.Errorf("--linkage: %w", err)
	}
	if len(sc.Measures) == 0 {
		s.measures = analysis.Measures()
	} else {
		for _, m := range sc.Measures {
			mm, err := analysis.ParseMeasure(m)
			if err != nil {
				return fmt.Errorf("--measures: %w", err)
			}
			s.measures = append(s.measures, mm)
		}
		s.view = s.measures[0]
	}
	features := make([]string, len(sc.Features))
	for i, f := range sc.Features {
		ff, _ := pipeline.ParseFeature(f) // checked by profileOptions
		features[i] = ff.String()
	}
	// Units: whole documents, or their samples.
	for i, d := range st.docs {
		p := d.Profile
		if sc.SampleSize <= 0 {
			u := unit{id: d.ID, doc: i, counts: map[string]map[string]int{}, total: map[string]float64{}}
			for _, f := range features {
				u.counts[f] = featureCounts(p, f)
				u.total[f] = denominator(f, u.counts[f], p.Words)
			}
			s.units = append(s.units, u)
			continue
		}
		for k, smp := range p.Samples {
			u := unit{id: d.ID + "#" + strconv.Itoa(k+1), doc: i, counts: map[string]map[string]int{}, total: map[string]float64{}}
			for _, f := range features {
				c := smp.Terms
				if f != "word:1" {
					c = smp.Features[f]
				}
				u.counts[f] = c
				u.total[f] = denominator(f, c, smp.Words)
			}
			s.units = append(s.units, u)
		}
		if len(p.Samples) == 0 {
			s.warnings = append(s.warnings, fmt.Sprintf("%s: %d words, shorter than one sample of %d: left out of the stylometry", d.ID, p.Words, sc.SampleSize))
		}
	}
	for _, u := range s.units {
		s.ids = append(s.ids, u.id)
	}
	st.stylometry = s
	if len(s.units) < 3 {
		s.warnings = append(s.warnings, fmt.Sprintf("%d texts: distances need at least 3 for z-scores and maps; stylometry skipped", len(s.units)))
		return nil
	}
	seen := map[setting]bool{}
	for _, f := range features {
		counts := make([]map[string]int, len(s.units))
		totals := make([]float64, len(s.units))
		for i, u := range s.units {
			counts[i], totals[i] = u.counts[f], u.total[f]
		}
		base := analysis.NewTable(s.ids, counts, totals)
		for _, c := range sc.Culling {
			culled := base.Cull(c)
			for _, m := range mfws {
				t := culled.Top(m)
				set := setting{feature: f, mfw: len(t.Features), culling: c}
				if set.mfw < m {
					s.warnings = append(s.warnings, fmt.Sprintf("%s, culling %g%%: %d features asked, %d exist", f, c, m, set.mfw))
				}
				if seen[set] || set.mfw < 2 {
					continue
				}
				seen[set] = true
				ds := distanceSet{setting: set, byMeasure: map[analysis.Measure]*mat.SymDense{}}
				for _, ms := range s.measures {
					d, err := analysis.Distance(ms, t)
					if err != nil {
						return fmt.Errorf("%s distance at %s, %d MFW: %w", ms, f, set.mfw, err)
					}
					ds.byMeasure[ms] = d
				}
				if len(s.sets) == 0 {
					s.table = t
				}
				s.sets = append(s.sets, ds)
			}
		}
	}
	if len(s.sets) == 0 {
		s.warnings = append(s.warnings, "no MFW setting has two features or more: stylometry skipped")
		return nil
	}
	s.freq = analysis.RelFreq(nil, s.table)
	s.z = analysis.ZScores(nil, s.freq)
	if s.pcaS, s.pcaL, s.pcaVar, err = analysis.PCA(s.z, 2); err != nil {
		s.warnings = append(s.warnings, "PCA: "+err.Error())
		s.pcaS = nil
	}
	if cfg.Label != "" {
		s.labels = make([]string, len(s.units))
		for i, u := range s.units {
			s.labels[i] = st.docs[u.doc].Meta[cfg.Label]
		}
		s.attrib = map[analysis.Measure][]analysis.Attribution{}
		for _, ms := range s.measures {
			s.attrib[ms] = analysis.Attribute(s.sets[0].byMeasure[ms], s.labels)
		}
	}
	st.noteUndefined()
	return st.views()
}

// noteUndefined warns, naming the file, about every text with undefined
// distances: one that has none of the MFW (cosine, jsd, minmax and
// tfidf_cosine divide by its length) or, for Cosine Delta, whose z-scores
// are all zero. Its cells in distances.csv are empty.
func (st *study) noteUndefined() {
	s := st.stylometry
	var notes []string
	for i, u := range s.units {
		var undefined []string
		for _, m := range s.measures {
			for _, ds := range s.sets {
				if hasNaN(ds.byMeasure[m], i) {
					undefined = append(undefined, string(m))
					break
				}
			}
		}
		if len(undefined) > 0 {
			notes = append(notes, fmt.Sprintf("%s: %s distances undefined (none of the most frequent features occurs in %s, or it sits at the mean of every one): empty cells in distances.csv",
				st.docs[u.doc].Path, strings.Join(undefined, ", "), u.id))
		}
	}
	s.warn(notes, "more texts with undefined distances: their cells in distances.csv are empty")
}

// maxNotes is the most texts named one by one in a kind of warning.
const maxNotes = 10

// warn adds notes to the warnings, the first maxNotes one by one and the
// rest counted in one line, so that 5,000 short samples do not bury the
// log: "… and 4,990 more <rest>".
func (s *stylometry) warn(notes []string, rest string) {
	if len(notes) <= maxNotes {
		s.warnings = append(s.warnings, notes...)
		return
	}
	s.warnings = append(s.warnings, notes[:maxNotes]...)
	s.warnings = append(s.warnings, fmt.Sprintf("… and %d %s", len(notes)-maxNotes, rest))
}

func hasNaN(d mat.Symmetric, i int) bool {
	for j := range d.SymmetricDim() {
		if math.IsNaN(d.At(i, j)) {
			return true
		}
	}
	return false
}

// views computes the tree, the maps, the consensus and the network from
// the view measure over the texts that every setting can place (those
// with no undefined distance); the others are named in a warning.
func (st *study) views() error {
	s := st.stylometry
	n := len(s.units)
	mats := make([]mat.Symmetric, len(s.sets))
	for i, ds := range s.sets {
		mats[i] = ds.byMeasure[s.view]
	}
	s.placed = analysis.Defined(n, mats...)
	if len(s.placed) < n {
		in := make([]bool, n)
		for _, i := range s.placed {
			in[i] = true
		}
		var notes []string
		for i, u := range s.units {
			if !in[i] {
				notes = append(notes, fmt.Sprintf("%s: left out of the tree, the maps, the consensus and the network (%s distance of %s undefined)", st.docs[u.doc].Path, s.view, u.id))
			}
		}
		s.warn(notes, "more texts left out of the tree, the maps, the consensus and the network")
	}
	for _, i := range s.placed {
		s.vids = append(s.vids, s.ids[i])
	}
	if len(s.placed) < 3 {
		s.warnings = append(s.warnings, fmt.Sprintf("%d texts with defined %s distances: the tree and the maps need at least 3", len(s.placed), s.view))
		return nil
	}
	m := len(s.placed)
	var trees [][]analysis.Merge
	var views []mat.Symmetric
	for _, d := range mats {
		sub := analysis.Subset(d, s.placed)
		tree, err := analysis.Cluster(sub, s.linkage)
		if err != nil {
			return err
		}
		trees = append(trees, tree)
		views = append(views, sub)
	}
	s.viewD = views[0]
	s.merges = trees[0]
	s.order = analysis.LeafOrder(s.merges, m)
	var err error
	if s.mds, s.mdsEig, err = analysis.MDS(s.viewD, 2); err != nil {
		s.warnings = append(s.warnings, "MDS: "+err.Error())
		s.mds = nil
	}
	// Co-clustering over the grid, cut into as many clusters as the
	// colouring column has values (2 without groups).
	s.k = 2
	if g := distinct(st.groupOf()); g >= 2 {
		s.k = g
	}
	s.k = min(s.k, m-1)
	s.coclust = analysis.CoClustering(trees, m, s.k)
	s.network = analysis.NearestNeighbourNetwork(views, 3)
	if s.sampled {
		// Cut the default tree into as many clusters as there are sampled
		// documents: how often do two samples of one essay share a cluster?
		docOf := make([]int, m)
		sampled := map[int]bool{}
		for a, i := range s.placed {
			docOf[a] = s.units[i].doc
			sampled[docOf[a]] = true
		}
		lab := analysis.CutTree(s.merges, m, min(len(sampled), m))
		same, pairs := 0, 0
		for i := range m {
			for j := i + 1; j < m; j++ {
				if docOf[i] == docOf[j] {
					pairs++
					if lab[i] == lab[j] {
						same++
					}
				}
			}
		}
		if pairs > 0 {
			s.sameDoc = float64(same) / float64(pairs)
		}
	}
	return nil
}

func distinct(v []string) int {
	m := map[string]bool{}
	for _, x := range v {
		if x != "" {
			m[x] = true
		}
	}
	return len(m)
}

// unitGroups returns each unit's value of the colouring column.
func (st *study) unitGroups() []string {
	s := st.stylometry
	g := make([]string, len(s.units))
	groups := st.groupOf()
	for i, u := range s.units {
		g[i] = groups[u.doc]
	}
	return g
}

// placedGroups returns the colouring column's value of each placed unit.
func (st *study) placedGroups() []string {
	all := st.unitGroups()
	g := make([]string, len(st.stylometry.placed))
	for a, i := range st.stylometry.placed {
		g[a] = all[i]
	}
	return g
}

// writeStylometry writes the stylometry tables with csvFile.
func (st *study) writeStylometry(csvFile func(string, *reports.Table) error) error {
	s := st.stylometry
	if s == nil || len(s.sets) == 0 {
		return nil
	}
	var rows []reports.DistanceRow
	for _, ds := range s.sets {
		for _, m := range s.measures {
			rows = append(rows, reports.DistanceRow{Measure: string(m), Features: ds.feature, MFW: ds.mfw, Culling: ds.culling, D: ds.byMeasure[m]})
		}
	}
	type named struct {
		name string
		t    *reports.Table
	}
	tables := []named{
		{"mfw.csv", reports.MFWTable(s.ids, s.table.Features, s.freq)},
		{"distances.csv", reports.DistancesTable(s.ids, rows)},
	}
	if s.merges != nil {
		tables = append(tables,
			named{"clusters.csv", reports.ClustersTable(s.vids, s.merges)},
			named{"consensus.csv", reports.ConsensusTable(s.vids, s.coclust, len(s.sets), s.k)})
	}
	for _, m := range s.measures {
		tables = append(tables, named{"distance_" + string(m) + ".csv", reports.MatrixTable(s.ids, s.sets[0].byMeasure[m])})
	}
	if s.mds != nil {
		tables = append(tables, named{"mds.csv", reports.CoordsTable(s.vids, s.mds, "dim")})
	}
	if s.pcaS != nil {
		tables = append(tables,
			named{"pca.csv", reports.CoordsTable(s.ids, s.pcaS, "pc")},
			named{"pca_loadings.csv", reports.LoadingsTable(s.table.Features, s.pcaL)},
			named{"pca_variance.csv", reports.VarianceTable(s.pcaVar)})
	}
	if s.merges != nil {
		nodes, edges := reports.NetworkTables(s.vids, st.placedGroups(), s.network)
		tables = append(tables, named{"network_nodes.csv", nodes}, named{"network_edges.csv", edges})
	}
	if s.attrib != nil {
		ms := make([]string, len(s.measures))
		res := map[string][]analysis.Attribution{}
		for i, m := range s.measures {
			ms[i] = string(m)
			res[string(m)] = s.attrib[m]
		}
		a, acc := reports.AttributionTables(s.ids, ms, res)
		tables = append(tables, named{"attribution.csv", a}, named{"attribution_accuracy.csv", acc})
	}
	for _, t := range tables {
		if err := csvFile(t.name, t.t); err != nil {
			return err
		}
	}
	return nil
}
