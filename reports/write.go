package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/pipeline"
)

// Sink receives the output files: Write creates the file name (a slash
// separated path inside the output folder) and fills it with fn. The
// command's atomic output folder is one; a test can collect into memory.
type Sink interface {
	Write(name string, fn func(io.Writer) error) error
}

// file is one output file of a study: its name and its writer, which
// returns the rows written (0 for files without rows).
type file struct {
	name  string
	write func(w io.Writer) (int, error)
}

// table is a file holding t.
func table(name string, t *Table) file {
	return file{name, func(w io.Writer) (int, error) { return len(t.Rows), WriteCSV(w, t) }}
}

// Run is what the reports say about the run beyond its Study: the
// parameters as the person gave them, recorded in the page and the
// manifest.
type Run struct {
	Parameters any
	// Format is "csv" (or "") for every table as CSV, or "parquet" for the
	// long tables (terms, keyness, distances, knn) as Parquet instead.
	Format string
	// Quote, if set, quotes the terms the page shows in context
	// (pipeline.QuoteTerms over the corpus, with the options given): the
	// lines a click on a term shows. Without it the page says that no
	// lines are held.
	Quote func(terms []string, o pipeline.QuoteOptions) (*pipeline.Quotes, error)
}

// pageQuotes bounds the lines the page holds per term: 3 for each of the
// first 12 values of the colouring column that use it or, without one, 1
// for each of the first 12 documents.
func pageQuotes(st *pipeline.Study) pipeline.QuoteOptions {
	if st.ColourBy() == "" {
		return pipeline.QuoteOptions{Per: 1, Groups: 12}
	}
	return pipeline.QuoteOptions{Per: 3, Groups: 12}
}

// Write writes every output of st into sink: each file of the Dictionary
// that st has content for, DATA.md, the charts and index.html (the
// manifest, which lists the others with their hashes, is the caller's:
// see WriteManifest). Files are written in the Dictionary's order.
func Write(st *pipeline.Study, sink Sink, run Run) error {
	rows := map[string]int{}
	sf := &study{Study: st}
	if run.Format != "parquet" && pairTables(st) && len(st.Stylometry.IDs) <= pipeline.LargeCorpus {
		sf.keep = map[mat.Symmetric]*triangle{}
		for _, d := range st.Stylometry.Sets[0].ByMeasure {
			sf.keep[d] = nil
		}
	}
	for _, d := range Dictionary {
		files := d.files(sf)
		if run.Format == "parquet" && d.parquet != nil && len(files) > 0 {
			files = d.parquet(sf)
		}
		for _, f := range files {
			err := sink.Write(f.name, func(w io.Writer) error {
				n, err := f.write(w)
				rows[f.name] = n
				return err
			})
			if err != nil {
				return err
			}
		}
	}
	if err := sink.Write("DATA.md", func(w io.Writer) error { return WriteDictionary(w, measureDocs()) }); err != nil {
		return err
	}
	figs := drawAll(st)
	for _, fg := range figs.list {
		if err := sink.Write(fg.file, func(w io.Writer) error { _, err := w.Write(fg.svg); return err }); err != nil {
			return err
		}
	}
	page := buildPage(st, figs, rows, run)
	if run.Quote != nil {
		o := pageQuotes(st)
		q, err := run.Quote(pageTerms(page), o)
		if err != nil {
			return err
		}
		if page.Explore, err = exploreData(st, q, o); err != nil {
			return err
		}
	}
	return sink.Write("index.html", func(w io.Writer) error { return WriteHTML(w, page) })
}

// study is the Study Write writes, with what its files share.
type study struct {
	*pipeline.Study
	// keep holds the text of the default setting's distance matrices,
	// which distances.csv and the distance_<measure>.csv matrices both
	// write, so that each value is formatted once: a key with a nil text
	// is a matrix to keep once formatted. It is nil (nothing kept) when the
	// two are not both written, or past pipeline.LargeCorpus texts: at
	// 500 texts the 13 measures' texts take about 32 MB.
	keep map[mat.Symmetric]*triangle
}

// kept is the text of the cells above d's diagonal if d is a matrix to
// keep, formatted the first time; nil for another.
func (st *study) kept(d mat.Symmetric) *triangle {
	up, ok := st.keep[d]
	if ok && up == nil {
		up = formatTriangle(d)
		st.keep[d] = up
	}
	return up
}

// measureDocs is the data dictionary's table of per-document measures.
func measureDocs() []ColumnDoc {
	out := make([]ColumnDoc, len(pipeline.DocMeasures))
	for i, m := range pipeline.DocMeasures {
		out[i] = ColumnDoc{m.Name, m.Type, m.Unit, m.Meaning}
		if m.EnglishOnly() {
			out[i].Meaning += "; English only: empty for a document whose language is not en"
		}
	}
	return out
}

// The files of each Dictionary entry for a study.

func documentsFiles(st *study) []file {
	cols := make([]Column, len(pipeline.DocMeasures))
	for j, m := range pipeline.DocMeasures {
		cols[j] = Column{Name: m.Name, Values: st.Measures[j]}
	}
	return []file{table("documents.csv", DocumentsTable(st.Docs, st.Columns, st.Languages, cols))}
}

func termsFiles(st *study) []file {
	return []file{{"terms.csv", func(w io.Writer) (int, error) { return WriteTerms(w, st.Docs, st.TFIDF.At, st.TermRows()) }}}
}

// posFiles writes pos.csv for the documents analysed as English: the
// others' tags are guesses of an English tagger.
func posFiles(st *study) []file {
	docs := st.Docs
	if foreign := st.NotEnglish(); len(foreign) > 0 {
		docs = nil
		for i, d := range st.Docs {
			if st.Languages[i] == pipeline.English {
				docs = append(docs, d)
			}
		}
	}
	return []file{table("pos.csv", POSTable(docs))}
}

func errorsFiles(st *study) []file {
	return []file{table("errors.csv", ErrorsTable(st.Failures))}
}

func keynessFiles(st *study) []file {
	return []file{{"keyness.csv", func(w io.Writer) (int, error) { return WriteKeyness(w, st.Framing.Keyness) }}}
}

func collocatesFiles(st *study) []file {
	return []file{table("collocates.csv", CollocatesTable(st.Framing.Collocates, st.Options.Window))}
}

func targetsFiles(st *study) []file {
	return []file{table("targets.csv", TargetsTable(st.Framing.Rates))}
}

func kwicFiles(st *study) []file {
	return []file{table("kwic.csv", KWICTable(st.Docs, st.Framing.Targets))}
}

func lexiconFiles(st *study) []file {
	if st.Framing.Lexicon == nil {
		return nil
	}
	return []file{table("lexicon.csv", LexiconTable(st.Framing.Lexicon))}
}

// distances reports whether st has stylometric distances.
func distances(st *pipeline.Study) bool { return len(st.Stylometry.Sets) > 0 }

// pairTables reports whether st's n² distance tables are written: up to
// pipeline.LargeCorpus texts (at 500 they hold 125,000 pairs per measure);
// past it knn.csv, linear in the texts, has each text's nearest, and
// --distances all writes them anyway (up to --max-matrix, beyond which no
// matrix exists).
func pairTables(st *pipeline.Study) bool {
	s := st.Stylometry
	return distances(st) && !s.Large && (len(s.IDs) <= pipeline.LargeCorpus || st.Options.AllDistances)
}

// views reports whether st has the tree and the maps.
func views(st *pipeline.Study) bool { return distances(st) && st.Stylometry.Merges != nil }

func mfwFiles(st *study) []file {
	s := st.Stylometry
	if !distances(st.Study) {
		return nil
	}
	return []file{table("mfw.csv", MFWTable(s.IDs, s.Table.Features, s.Freq))}
}

func distancesFiles(st *study) []file {
	s := st.Stylometry
	if !pairTables(st.Study) {
		return nil
	}
	rows := distanceRows(st.Study)
	return []file{{"distances.csv", func(w io.Writer) (int, error) { return writeDistances(w, s.IDs, rows, st.kept) }}}
}

// distanceRows are the matrices distances.csv lists: every measure at the
// default setting, or at every setting with --distances all.
func distanceRows(st *pipeline.Study) []DistanceRow {
	s := st.Stylometry
	sets := s.Sets[:1]
	if st.Options.AllDistances {
		sets = s.Sets
	}
	var rows []DistanceRow
	for _, ds := range sets {
		for _, m := range s.Measures {
			rows = append(rows, DistanceRow{Measure: string(m), Features: ds.Feature, MFW: ds.MFW, Culling: ds.Culling, D: ds.ByMeasure[m]})
		}
	}
	return rows
}

func matrixFiles(st *study) []file {
	s := st.Stylometry
	if !pairTables(st.Study) {
		return nil
	}
	var out []file
	for _, m := range s.Measures {
		d := s.Sets[0].ByMeasure[m]
		out = append(out, file{"distance_" + string(m) + ".csv", func(w io.Writer) (int, error) {
			up := st.kept(d)
			if up == nil {
				up = formatTriangle(d)
			}
			delete(st.keep, d) // the last file that writes it
			return writeMatrix(w, s.IDs, d, up)
		}})
	}
	return out
}

func knnFiles(st *study) []file {
	s := st.Stylometry
	if !distances(st.Study) {
		return nil
	}
	return []file{{"knn.csv", func(w io.Writer) (int, error) { return WriteNeighbours(w, s.IDs, s.Measures, s.Neighbours) }}}
}

func clustersFiles(st *study) []file {
	if !views(st.Study) {
		return nil
	}
	return []file{table("clusters.csv", ClustersTable(st.Stylometry.PlacedIDs, st.Stylometry.Merges))}
}

func qualityFiles(st *study) []file {
	if !views(st.Study) || len(st.Stylometry.Quality) == 0 {
		return nil
	}
	return []file{table("cluster_quality.csv", QualityTable(st.Stylometry.Quality))}
}

func mdsFiles(st *study) []file {
	if !views(st.Study) || st.Stylometry.MDS == nil {
		return nil
	}
	return []file{table("mds.csv", CoordsTable(st.Stylometry.PlacedIDs, st.Stylometry.MDS, "dim"))}
}

func pcaFiles(st *study) []file {
	s := st.Stylometry
	if !distances(st.Study) || s.PCAScores == nil {
		return nil
	}
	return []file{table("pca.csv", CoordsTable(s.IDs, s.PCAScores, "pc"))}
}

func pcaLoadingsFiles(st *study) []file {
	s := st.Stylometry
	if !distances(st.Study) || s.PCAScores == nil {
		return nil
	}
	return []file{table("pca_loadings.csv", LoadingsTable(s.Table.Features, s.PCALoadings))}
}

func pcaVarianceFiles(st *study) []file {
	s := st.Stylometry
	if !distances(st.Study) || s.PCAScores == nil {
		return nil
	}
	return []file{table("pca_variance.csv", VarianceTable(s.PCAVariance))}
}

func consensusFiles(st *study) []file {
	s := st.Stylometry
	// An n² table of the texts in the tree, written as the distance
	// tables are (see pairTables).
	if !views(st.Study) || len(s.PlacedIDs) > pipeline.LargeCorpus && !st.Options.AllDistances {
		return nil
	}
	return []file{{"consensus.csv", func(w io.Writer) (int, error) {
		return WriteConsensus(w, s.PlacedIDs, s.Consensus, len(s.Sets), s.K)
	}}}
}

// networkFiles gives the network's node table (nodes) or edge table.
func networkFiles(nodes bool) func(st *study) []file {
	return func(st *study) []file {
		s := st.Stylometry
		if !views(st.Study) {
			return nil
		}
		ids := make([]string, len(s.NetworkOver))
		groups := make([]string, len(s.NetworkOver))
		for a, i := range s.NetworkOver {
			ids[a], groups[a] = s.IDs[i], s.Groups[i]
		}
		n, e := NetworkTables(ids, groups, s.Network)
		if nodes {
			return []file{table("network_nodes.csv", n)}
		}
		return []file{table("network_edges.csv", e)}
	}
}

// attributionFiles gives attribution.csv (which 0; -1 its Parquet),
// attribution_accuracy.csv (1) or attribution_confusion.csv (2).
func attributionFiles(which int) func(st *study) []file {
	return func(st *study) []file {
		s := st.Stylometry
		if !distances(st.Study) || s.Attribution == nil {
			return nil
		}
		ms := make([]string, len(s.Measures))
		res := map[string][]analysis.Attribution{}
		for i, m := range s.Measures {
			ms[i] = string(m)
			res[string(m)] = s.Attribution[m]
		}
		switch which {
		case 0:
			return []file{{"attribution.csv", func(w io.Writer) (int, error) { return WriteAttribution(w, s.IDs, ms, res) }}}
		case -1:
			return []file{{"attribution.parquet", func(w io.Writer) (int, error) { return attributionParquet(w, s.IDs, ms, res) }}}
		case 1:
			return []file{table("attribution_accuracy.csv", GridAccuracyTable(s.Grid))}
		}
		return []file{table("attribution_confusion.csv", ConfusionTable(ms, res))}
	}
}

// WriteFailed writes the output of a run in which no document could be
// analysed, so that the reasons are on disk: errors.csv and an index.html
// showing it, with the parameters (the manifest is the caller's).
func WriteFailed(failures []pipeline.Failure, inputs int, sink Sink, run Run) error {
	t := ErrorsTable(failures)
	if err := sink.Write("errors.csv", func(w io.Writer) error { return WriteCSV(w, t) }); err != nil {
		return err
	}
	r := &Report{
		Title:    "stylometer report",
		Subtitle: fmt.Sprintf("No document could be analysed: %d inputs, every one failed. errors.csv says why for each.", inputs),
		Summary:  []KV{{Key: "documents", Value: "0"}, {Key: "skipped inputs", Value: strconv.Itoa(len(failures))}},
		Sections: []Section{{ID: "errors", Title: "Inputs that failed", Blocks: []Block{{Title: "errors.csv", Table: &HTMLTable{Header: t.Header, Rows: t.Rows}, Wide: true}}}},
	}
	params, _ := json.MarshalIndent(run.Parameters, "", "  ")
	r.Parameters = string(params)
	for _, n := range []string{"errors.csv", "manifest.json"} {
		fl := FileLink{Name: n}
		if d := Lookup(n); d != nil {
			fl.RowPer, fl.Columns = d.RowPer, d.Columns
		}
		r.Files = append(r.Files, fl)
	}
	r.Files[0].Rows = len(t.Rows)
	return sink.Write("index.html", func(w io.Writer) error { return WriteHTML(w, r) })
}

// The Parquet files of the long tables, when their CSV would be written.

func termsParquetFiles(st *study) []file {
	return []file{{"terms.parquet", func(w io.Writer) (int, error) { return termsParquet(w, st.Study) }}}
}

func keynessParquetFiles(st *study) []file {
	return []file{{"keyness.parquet", func(w io.Writer) (int, error) { return keynessParquet(w, st.Framing.Keyness) }}}
}

func distancesParquetFiles(st *study) []file {
	rows := distanceRows(st.Study)
	return []file{{"distances.parquet", func(w io.Writer) (int, error) { return distancesParquet(w, st.Stylometry.IDs, rows) }}}
}

func knnParquetFiles(st *study) []file {
	s := st.Stylometry
	return []file{{"knn.parquet", func(w io.Writer) (int, error) { return knnParquet(w, s.IDs, s.Measures, s.Neighbours) }}}
}
