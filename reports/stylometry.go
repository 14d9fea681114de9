package reports

import (
	"bytes"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/stylometer/stylometer/analysis"
	"github.com/stylometer/stylometer/analysis/stylometry"
)

// MFWTable is mfw.csv: the wide documents × features table of relative
// frequencies in percent, as stylo writes its frequency table.
func MFWTable(ids, features []string, freq mat.Matrix) *Table {
	t := &Table{Header: append([]string{"doc_id"}, features...)}
	for i, id := range ids {
		row := []string{id}
		for j := range features {
			row = append(row, Float(freq.At(i, j)))
		}
		t.Add(row...)
	}
	return t
}

// DistanceRow is one setting's matrix of one measure.
type DistanceRow struct {
	Measure  string
	Features string
	MFW      int
	Culling  float64
	D        mat.Symmetric
}

// WriteDistances writes distances.csv, streaming: one row per measure,
// setting and pair of documents (doc_a before doc_b in input order). It
// returns the rows written.
func WriteDistances(w io.Writer, ids []string, sets []DistanceRow) (int, error) {
	return writeDistances(w, ids, sets, func(mat.Symmetric) *triangle { return nil })
}

// writeDistances is WriteDistances with the text of the matrices that
// kept holds (nil for one it does not): those are not formatted again.
func writeDistances(w io.Writer, ids []string, sets []DistanceRow, kept func(mat.Symmetric) *triangle) (int, error) {
	t := NewStream(w, "measure", "features", "mfw", "culling", "doc_a", "doc_b", "value")
	// The cells that repeat from row to row are encoded once: each id,
	// and each setting with doc_a (its numbers encode as they format).
	docs := make([]cells, len(ids))
	for i, id := range ids {
		docs[i] = encode(id)
	}
	for _, s := range sets {
		up := kept(s.D)
		if up == nil {
			up = &triangle{d: s.D}
		}
		for i := range ids {
			lead := encode(s.Measure, s.Features, Int(s.MFW), Float(s.Culling))
			lead.add(docs[i].text)
			row := up.row(i)
			for j := i + 1; j < len(ids); j++ {
				t.encoded(lead)
				t.encoded(docs[j])
				k := bytes.IndexByte(row, ',')
				t.number(row[:k])
				row = row[k+1:]
				t.End()
			}
		}
	}
	return t.Close()
}

// triangle is the text of the cells above the diagonal of a symmetric
// matrix d, each value formatted as Float formats it and followed by a
// comma, row by row: distances.csv and the distance_<measure>.csv matrices
// write the same cells. A kept triangle (formatTriangle) holds every row,
// row i's cells (i, j), j > i, at text[start[i]:start[i+1]]; without start
// a triangle formats each row when asked, into the same text.
type triangle struct {
	d     mat.Symmetric
	text  []byte
	start []int
}

// formatTriangle formats every row of the cells above d's diagonal.
func formatTriangle(d mat.Symmetric) *triangle {
	n := d.SymmetricDim()
	// About 20 bytes a cell: 17 digits, "0.", the comma.
	up := &triangle{d: d, text: make([]byte, 0, 20*n*(n-1)/2), start: make([]int, n+1)}
	for i := range n {
		up.start[i] = len(up.text)
		up.text = appendRow(up.text, d, i)
	}
	up.start[n] = len(up.text)
	return up
}

// appendRow appends the cells (i, j), j > i, of d, each followed by a
// comma.
func appendRow(dst []byte, d mat.Symmetric, i int) []byte {
	for j := i + 1; j < d.SymmetricDim(); j++ {
		dst = append(appendFloat(dst, d.At(i, j)), ',')
	}
	return dst
}

// row is the text of row i's cells, each followed by a comma; for a
// triangle that is not kept, valid until the next call.
func (up *triangle) row(i int) []byte {
	if up.start == nil {
		up.text = appendRow(up.text[:0], up.d, i)
		return up.text
	}
	return up.text[up.start[i]:up.start[i+1]]
}

// WriteNeighbours writes knn.csv, streaming: for each measure at the
// default setting, each text's nearest other texts, closest first.
func WriteNeighbours(w io.Writer, ids []string, measures []analysis.Measure, nb map[analysis.Measure][][]analysis.Neighbour) (int, error) {
	t := NewStream(w, "measure", "doc_id", "rank", "neighbour", "distance")
	for _, m := range measures {
		for i, l := range nb[m] {
			for r, x := range l {
				t.Text(string(m), ids[i])
				t.Int(r + 1)
				t.Text(ids[x.Item])
				t.Float(x.Distance)
				t.End()
			}
		}
	}
	return t.Close()
}

// WriteMatrix writes a symmetric matrix with ids as header and first
// column (distance_<measure>.csv), streaming, and returns the rows written.
// Each value is formatted once: a cell below the diagonal repeats the text
// of the cell above it that it mirrors.
func WriteMatrix(w io.Writer, ids []string, d mat.Symmetric) (int, error) {
	return writeMatrix(w, ids, d, formatTriangle(d))
}

// writeMatrix is WriteMatrix with the text of the cells above d's diagonal
// formatted and kept (formatTriangle).
func writeMatrix(w io.Writer, ids []string, d mat.Symmetric, up *triangle) (int, error) {
	t := NewStream(w, append([]string{"doc_id"}, ids...)...)
	// Row i's cells left of the diagonal, (j, i) for j < i, are the next
	// cell of each row j above: next[j] is where it starts in up.text.
	next := slices.Clone(up.start[:len(ids)])
	var diagonal []byte
	for i, id := range ids {
		t.Text(id)
		for j := range i {
			k := next[j] + bytes.IndexByte(up.text[next[j]:], ',')
			t.number(up.text[next[j]:k])
			next[j] = k + 1
		}
		diagonal = appendFloat(diagonal[:0], d.At(i, i))
		t.number(diagonal)
		if row := up.row(i); len(row) > 0 {
			t.encoded(cells{text: row[:len(row)-1], n: len(ids) - 1 - i})
		}
		t.End()
	}
	return t.Close()
}

// ClustersTable is clusters.csv: the merges in SciPy's linkage layout
// (a, b: ids below n are documents in input order, n+k the cluster made at
// step k), with the labels of a and b for reading.
func ClustersTable(ids []string, merges []analysis.Merge) *Table {
	t := &Table{Header: []string{"step", "a", "b", "height", "size", "a_label", "b_label"}}
	n := len(ids)
	label := func(x int) string {
		if x < n {
			return ids[x]
		}
		return "cluster " + strconv.Itoa(x-n)
	}
	for k, m := range merges {
		t.Add(Int(k), Int(m.A), Int(m.B), Float(m.Height), Int(m.Size), label(m.A), label(m.B))
	}
	return t
}

// CoordsTable is mds.csv or pca.csv: one row per document with its
// coordinates (columns named prefix1, prefix2, ...).
func CoordsTable(ids []string, x mat.Matrix, prefix string) *Table {
	_, c := x.Dims()
	t := &Table{Header: []string{"doc_id"}}
	for j := range c {
		t.Header = append(t.Header, prefix+Int(j+1))
	}
	for i, id := range ids {
		row := []string{id}
		for j := range c {
			row = append(row, Float(x.At(i, j)))
		}
		t.Add(row...)
	}
	return t
}

// LoadingsTable is pca_loadings.csv: one row per feature with its loading
// on each component.
func LoadingsTable(features []string, l mat.Matrix) *Table {
	_, c := l.Dims()
	t := &Table{Header: []string{"feature"}}
	for j := range c {
		t.Header = append(t.Header, "pc"+Int(j+1))
	}
	for i, f := range features {
		row := []string{f}
		for j := range c {
			row = append(row, Float(l.At(i, j)))
		}
		t.Add(row...)
	}
	return t
}

// VarianceTable is pca_variance.csv: the proportion of variance each
// component explains.
func VarianceTable(explained []float64) *Table {
	t := &Table{Header: []string{"component", "explained_variance"}}
	for i, v := range explained {
		t.Add("pc"+Int(i+1), Float(v))
	}
	return t
}

// WriteConsensus writes consensus.csv, streaming: for each pair of
// documents, the share of the MFW × culling settings in which they fall in
// the same cluster when each setting's tree is cut into k clusters. It
// returns the rows written.
func WriteConsensus(w io.Writer, ids []string, s mat.Symmetric, settings, k int) (int, error) {
	t := NewStream(w, "doc_a", "doc_b", "together", "settings", "k")
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			t.Text(ids[i], ids[j])
			t.Float(s.At(i, j))
			t.Int(settings, k)
			t.End()
		}
	}
	return t.Close()
}

// NetworkTables are stylo's Gephi tables: nodes (Id, Label, group) and
// undirected weighted edges (Source, Target, Weight, Type). Their column
// names are Gephi's, not snake_case.
func NetworkTables(ids, groups []string, edges []analysis.Edge) (nodes, edgeTable *Table) {
	nodes = &Table{Header: []string{"Id", "Label", "group"}}
	for i, id := range ids {
		nodes.Add(id, id, groups[i])
	}
	edgeTable = &Table{Header: []string{"Source", "Target", "Weight", "Type"}}
	for _, e := range edges {
		edgeTable.Add(ids[e.A], ids[e.B], Float(e.Weight), "Undirected")
	}
	return nodes, edgeTable
}

// AttributionCandidates is how many candidates each text keeps in
// attribution.csv: its nearest labels, closest first, and its own label's
// row wherever that ranks, so that the file grows linearly with the texts
// whatever the number of labels (past --max-matrix the candidates are
// those of the nearest neighbours, about as many).
const AttributionCandidates = 10

// WriteAttribution writes attribution.csv, streaming, in long format: for
// each measure at the default setting and each text with a label, one row
// per candidate label, ranked by the distance of its nearest text from
// another document (candidate_rank 1 is the prediction), the first
// AttributionCandidates and the true label's wherever it ranks. Each row
// repeats the text's verdict (label, predicted, correct, label_rank,
// margin, attributable), so that one filter (candidate_rank == 1, or
// candidate == label) gives one row per text. A text with no candidate
// has one row with candidate_rank 0 and empty candidate cells. A text
// whose label no other document has is unattributable: its rows say so,
// with no verdict in correct.
func WriteAttribution(w io.Writer, ids []string, measures []string, res map[string][]analysis.Attribution) (int, error) {
	t := NewStream(w, "measure", "doc_id", "label", "predicted", "correct", "label_rank", "margin", "attributable",
		"candidate_rank", "candidate", "distance", "nearest")
	for _, m := range measures {
		for _, a := range res[m] {
			correct := strconv.FormatBool(a.Predicted == a.Label)
			if a.Unattributable {
				correct = ""
			}
			// The text's cells, the same on each of its rows.
			text := encode(m, ids[a.Item], a.Label, a.Predicted, correct)
			text.add(strconv.AppendInt(nil, int64(a.Rank), 10))
			text.add(appendFloat(nil, a.Margin()))
			text.add(appendText(nil, strconv.FormatBool(!a.Unattributable)))
			if len(a.Candidates) == 0 {
				t.encoded(text)
				t.Int(0)
				t.Text("", "", "") // candidate, distance, nearest
				t.End()
				continue
			}
			for r, c := range a.Candidates {
				if r >= AttributionCandidates && r+1 != a.Rank {
					continue
				}
				t.encoded(text)
				t.Int(r + 1)
				t.Text(c.Label)
				t.Float(c.Distance)
				nearest := ""
				if c.Item >= 0 {
					nearest = ids[c.Item]
				}
				t.Text(nearest)
				t.End()
			}
		}
	}
	return t.Close()
}

// ConfusionTable is attribution_confusion.csv: for each measure at the
// default setting, the attributable texts counted by true and predicted
// label. GridAccuracyTable scores every setting.
func ConfusionTable(measures []string, res map[string][]analysis.Attribution) *Table {
	confusion := &Table{Header: []string{"measure", "label", "predicted", "count"}}
	for _, m := range measures {
		e := analysis.Evaluate(res[m])
		keys := slices.Collect(maps.Keys(e.Confusion))
		slices.SortFunc(keys, func(a, b [2]string) int {
			if c := strings.Compare(a[0], b[0]); c != 0 {
				return c
			}
			return strings.Compare(a[1], b[1])
		})
		for _, k := range keys {
			confusion.Add(m, k[0], k[1], Int(e.Confusion[k]))
		}
	}
	return confusion
}

// QualityTable is cluster_quality.csv: one row per tree scored against the
// known classes.
func QualityTable(q []stylometry.Quality) *Table {
	t := &Table{Header: []string{"feature", "mfw", "culling", "measure", "texts", "k", "ari", "purity"}}
	for _, x := range q {
		t.Add(x.Feature, Int(x.MFW), Float(x.Culling), string(x.Measure), Int(x.Texts), Int(x.K), Float(x.ARI), Float(x.Purity))
	}
	return t
}

// GridAccuracyTable is attribution_accuracy.csv over the grid: one row per
// setting, measure, classifier and validation evaluated.
func GridAccuracyTable(grid []stylometry.GridAttribution) *Table {
	t := &Table{Header: []string{"feature", "mfw", "culling", "measure", "classifier", "validation", "documents", "correct", "accuracy", "macro_precision", "macro_recall", "macro_f1", "unattributable"}}
	for _, g := range grid {
		e := analysis.Evaluate(g.Attributions)
		t.Add(g.Feature, Int(g.MFW), Float(g.Culling), string(g.Measure), g.Classifier, validation(g), Int(e.Attributable), Int(e.Correct), Float(e.Accuracy), Float(e.MacroPrecision), Float(e.MacroRecall), Float(e.MacroF1), Int(e.Unattributable))
	}
	return t
}

// validation names g's validation: "leave-one-out" or "10-fold".
func validation(g stylometry.GridAttribution) string {
	if g.Validation == "k-fold" {
		return strconv.Itoa(g.Folds) + "-fold"
	}
	return g.Validation
}
