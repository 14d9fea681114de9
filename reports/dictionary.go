package reports

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/stylometer/stylometer/analysis/stylometry"
)

// FileDoc documents one output file: what a row is and every column. It
// is also the file's entry in the registry of outputs: Write writes it
// with its files function.
type FileDoc struct {
	Name    string // file name; a * stands for a measure name
	RowPer  string
	Columns []ColumnDoc
	// Rest, when set, documents the columns after the listed ones, whose
	// names come from the data (features, document ids).
	Rest *ColumnDoc
	// files gives the file (or, for a name with a *, the files) a study
	// has for this entry, with their writers; none when the study has no
	// content for it.
	files func(st *study) []file
	// parquet, for the long tables, gives the Parquet file written
	// instead of the CSV with --format parquet (same columns, typed).
	parquet func(st *study) []file
}

// ColumnDoc documents one column.
type ColumnDoc struct {
	Name    string
	Type    string // string, integer, float, boolean
	Unit    string
	Meaning string
}

// Dictionary is the data dictionary of every CSV stylometer writes and
// the registry of the writers: one entry per file, in the order Write
// writes them. A test fails when a header column is missing from it.
var Dictionary = []FileDoc{
	{Name: "documents.csv", files: documentsFiles, RowPer: "document", Columns: []ColumnDoc{
		{"doc_id", "string", "", "document id: the file name without extension (or its path when two files share a name)"},
		{"path", "string", "", "the file as read"},
		{"bytes", "integer", "bytes", "size of the file"},
		{"tokens", "integer", "words", "word tokens (tokens holding a letter or digit), boilerplate excluded"},
		{"types", "integer", "words", "distinct lower-cased word forms"},
		{"sentences", "integer", "sentences", "sentences (each line is a paragraph, segmented by prose's Punkt model)"},
		{"punctuation", "integer", "tokens", "tokens without a letter or digit"},
		{"boilerplate_lines", "integer", "lines", "lines removed by the boilerplate rules (and, with text.drop_repeated, lines repeating the previous one)"},
		{"language", "string", "", "the language the document is analysed as, an ISO 639-1 code (ISO 639-3 for a language without one): --language when it names one; else language_detected when it is not en, the document has at least 20 words and the detector prefers that language to English with confidence 0.8 or more; else en. A document not in en has no rows in pos.csv, no lexical density, no readability but LIX, no place in content-word keyness (unless --all-words) nor in a stylometry over pos or fw features"},
		{"language_detected", "string", "", "en for a document a quarter of whose words or more are English function words; else the language whatlanggo's trigram detector finds in a sample of the document's words (4 runs of 16 words spread through it; all its words when it has no more than 64), ISO 639-1 (ISO 639-3 for a language without one); empty when not detected (--language names one) or undecided"},
		{"language_confidence", "float", "proportion", "the detector's confidence in language_detected against the next best language, 0 to 1; empty when nothing was detected, and for a document English by its function words (a quarter of its words or more are English function words: the detector is not asked)"},
	}, Rest: &ColumnDoc{"<metadata column or measure>", "string or float", "", "metadata columns (strings, as given) come after path; measures (floats) after language_confidence, each described in the Measures table below"}},
	{Name: "terms.csv", parquet: termsParquetFiles, files: termsFiles, RowPer: "document × term (past 100 documents each document's 100 most frequent terms; every term with --all-terms)", Columns: []ColumnDoc{
		{"doc_id", "string", "", "document id"},
		{"term", "string", "", "lower-cased word form (NFC, straight quotes)"},
		{"count", "integer", "tokens", "occurrences in the document"},
		{"rel_freq", "float", "proportion", "count / the document's word tokens"},
		{"tfidf", "float", "", "tf·idf with raw tf and scikit-learn's smoothed idf ln((1+m)/(1+df))+1, each document's vector L2-normalised"},
	}},
	{Name: "pos.csv", files: posFiles, RowPer: "document × part-of-speech tag (documents analysed as English only: see documents.csv's language)", Columns: []ColumnDoc{
		{"doc_id", "string", "", "document id"},
		{"tag", "string", "", "Penn Treebank tag (prose v3 tagger)"},
		{"count", "integer", "tokens", "tokens with this tag"},
		{"rel_freq", "float", "proportion", "count / all the document's tokens, punctuation included"},
	}},
	{Name: "errors.csv", files: errorsFiles, RowPer: "skipped input or metadata problem", Columns: []ColumnDoc{
		{"path", "string", "", "the input file (or metadata key)"},
		{"stage", "string", "", "read, decode, markup (HTML or XML whose text could not be extracted: malformed XML, naming the line; a TEI file with no <text>), text (nothing left to analyse), metadata (no row, a row with no document, an empty group or label value), or skipped (not read by rule: a file in a folder whose extension is not .txt, .md, .html, .htm, .xhtml or .xml, a hidden file or folder, a link to a folder, a file that is not a regular file; --strict does not count these)"},
		{"error", "string", "", "what went wrong"},
	}},
	{Name: "keyness.csv", parquet: keynessParquetFiles, files: keynessFiles, RowPer: "scope × target × reference × term (terms present in the target or significantly avoided, p_adj < 0.05; past 100 documents each document's comparison keeps its 50 highest and 50 lowest log_odds_z, past 10,000 its 10 highest and 10 lowest; every term with --keyness-all)", Columns: []ColumnDoc{
		{"scope", "string", "", "document (each document against the rest) or a grouping column; with --reference also corpus (the whole corpus against the reference)"},
		{"target", "string", "", "the document id or the column's value on the target side"},
		{"reference", "string", "", "rest (all other documents or values), reference (the --reference corpus, instead of the rest; documents one by one up to 100 documents) or, with --pairs, the other value"},
		{"term", "string", "", "lower-cased word (content words unless --all-words)"},
		{"n_target", "integer", "tokens", "a: occurrences in the target"},
		{"n_reference", "integer", "tokens", "b: occurrences in the reference"},
		{"rate_target", "float", "per 10,000 words", "a / target words × 10,000. The totals of keyness.csv (target words, reference words, N = their sum) are all the words of each side by default, even when the terms compared are content words only (the corpus sizes, as Rayson's log-likelihood calculator and most corpus-linguistic keyness use them); with --keyness-totals terms they are the content words of each side (a sub-corpus, as quanteda's textstat_keyness on a dfm with the other words removed). With --all-words the two are the same"},
		{"rate_reference", "float", "per 10,000 words", "b / reference words × 10,000 (reference words: see rate_target)"},
		{"g2", "float", "", "Dunning's log-likelihood G², + when over-used in the target (scipy/NLTK definition)"},
		{"p", "float", "probability", "χ²(1) upper tail of |G²|"},
		{"p_adj", "float", "probability", "p adjusted by Benjamini–Hochberg within the scope"},
		{"chi2", "float", "", "Pearson's χ² without continuity correction, signed like g2"},
		{"pmi", "float", "bits", "log2(a N / ((a+b) × target words))"},
		{"log_ratio", "float", "log2 ratio", "Hardie's (2014) Log Ratio, a zero count taken as 0.5"},
		{"pct_diff", "float", "percent", "%DIFF (Gabrielatos & Marchi 2012)"},
		{"bic", "float", "", "|G²| − ln N (Wilson 2013)"},
		{"ell", "float", "", "effect size for log-likelihood (Johnston et al. 2006, as Rayson's log-likelihood calculator defines it): |G²| / (N ln E_min), E_min the smaller of the target's and the reference's expected counts; negative when E_min < 1 and infinite at E_min = 1, so read it only where E_min > 1"},
		{"log_odds", "float", "log odds", "δ, log-odds ratio with informative Dirichlet prior (Monroe et al. 2008)"},
		{"log_odds_z", "float", "z", "δ / its standard error (Monroe et al. 2008, eq. 22; FightingWords)"},
		{"zeta_craig", "float", "", "Craig's Zeta over slices: share of target slices with the term − share of reference slices"},
		{"zeta_eder", "float", "", "Eder's Zeta: Craig's Zeta / (sum of the two shares)"},
	}},
	{Name: "collocates.csv", files: collocatesFiles, RowPer: "target × unit × collocate", Columns: []ColumnDoc{
		{"target", "string", "", "the target's name"},
		{"scope", "string", "", "document, a grouping column, or corpus"},
		{"unit", "string", "", "the document id, the column's value, or corpus"},
		{"collocate", "string", "", "a word within the window (seen at least twice)"},
		{"window", "integer", "words", "k: words each side of the target, within the sentence"},
		{"cooc", "integer", "tokens", "f_xy: occurrences inside the target's windows"},
		{"target_count", "integer", "tokens", "f_x: occurrences of the target"},
		{"collocate_count", "integer", "tokens", "f_y: occurrences of the collocate in the unit"},
		{"tokens", "integer", "words", "N: words in the unit"},
		{"window_tokens", "integer", "words", "W: words inside all the target's windows"},
		{"pmi", "float", "bits", "log2(f_xy N / (f_x f_y))"},
		{"log_dice", "float", "", "14 + log2(2 f_xy / (f_x + f_y)) (Rychlý 2008)"},
		{"g2", "float", "", "G² of window vs outside, signed"},
		{"p", "float", "probability", "χ²(1) upper tail of |G²|"},
	}},
	{Name: "collocates_differential.csv", files: framingMethodFiles(0), RowPer: "target × grouping column × pair of its values (up to 12 values) × collocate seen at least twice in the pair's windows: the collocates one group has around the target more than the other", Columns: []ColumnDoc{
		{"target", "string", "", "the target's name"},
		{"column", "string", "", "the grouping column"},
		{"group_a", "string", "", "its first value (code-point order)"},
		{"group_b", "string", "", "its second value"},
		{"collocate", "string", "", "a word within the target's windows"},
		{"in_a", "integer", "tokens", "its occurrences in group_a's windows of the target"},
		{"in_b", "integer", "tokens", "its occurrences in group_b's windows"},
		{"window_a", "integer", "words", "words in group_a's windows of the target"},
		{"window_b", "integer", "words", "words in group_b's windows"},
		{"g2", "float", "", "Dunning's G² of (in_a, in_b; window_a − in_a, window_b − in_b), signed + when the collocate's share is larger in group_a: the test of the difference"},
		{"p", "float", "probability", "χ²(1) upper tail of |G²|"},
		{"p_adj", "float", "probability", "p adjusted by Benjamini–Hochberg over the pair's collocates"},
		{"log_ratio", "float", "log2", "log2 of (in_a/window_a) / (in_b/window_b), a zero count counting 0.5 (Hardie 2014): the effect size, +1 = twice as frequent around the target in group_a"},
	}},
	{Name: "targets.csv", files: targetsFiles, RowPer: "target × unit", Columns: []ColumnDoc{
		{"target", "string", "", "the target's name"},
		{"scope", "string", "", "document, a grouping column, or corpus"},
		{"unit", "string", "", "the document id, the column's value, or corpus"},
		{"count", "integer", "tokens", "occurrences of any of the target's forms"},
		{"tokens", "integer", "words", "words in the unit"},
		{"per_10k", "float", "per 10,000 words", "count / tokens × 10,000"},
	}},
	{Name: "kwic.csv", files: kwicFiles, RowPer: "occurrence of a target", Columns: []ColumnDoc{
		{"doc_id", "string", "", "document id"},
		{"target", "string", "", "the target's name"},
		{"position", "integer", "bytes", "offset of the keyword in the original text: original[position:position+len(keyword)] == keyword; the original is the file, or for HTML and XML the text extracted from its markup"},
		{"left", "string", "", "the words before (whitespace folded)"},
		{"keyword", "string", "", "the occurrence, verbatim"},
		{"right", "string", "", "the words after (whitespace folded)"},
	}},
	{Name: "lexicon.csv", files: lexiconFiles, RowPer: "lexicon category × unit", Columns: []ColumnDoc{
		{"category", "string", "", "the lexicon's category"},
		{"scope", "string", "", "document, a grouping column, or corpus"},
		{"unit", "string", "", "the document id, the column's value, or corpus"},
		{"count", "integer", "tokens", "words matching any of the category's patterns (each word once)"},
		{"tokens", "integer", "words", "words in the unit"},
		{"per_10k", "float", "per 10,000 words", "count / tokens × 10,000"},
		{"matched_terms", "string", "", "the distinct words that matched, space-separated"},
	}},
	{Name: "trends.csv", files: framingMethodFiles(1), RowPer: "(with --time) target or lexicon category × group (all, then each value of the first --group-by column) × time bin with documents", Columns: []ColumnDoc{
		{"kind", "string", "", "target or lexicon"},
		{"item", "string", "", "the target's or category's name"},
		{"bin", "string", "", "the time bin: a year, or first–last year (--time-bin years wide; by default the narrowest of 1, 2, 5, 10, 20, 25, 50, 100 … years giving at most 20 bins)"},
		{"bin_start", "integer", "year", "the bin's first year"},
		{"group", "string", "", "all, or a value of the first --group-by column"},
		{"docs", "integer", "documents", "documents of the group in the bin"},
		{"count", "integer", "tokens", "occurrences of the target, or words of the category"},
		{"words", "integer", "words", "words of those documents"},
		{"per_10k", "float", "per 10,000 words", "count / words × 10,000"},
		{"low", "float", "per 10,000 words", "Wilson's 95% interval of count/words (Wilson 1927), lower end × 10,000"},
		{"high", "float", "per 10,000 words", "its upper end × 10,000"},
	}},
	{Name: "keyness_within_time.csv", files: framingMethodFiles(2), RowPer: "(with --time and --group-by) value of the first --group-by column × term: its 100 terms with the largest signed CMH, the words it over-uses era for era", Columns: []ColumnDoc{
		{"column", "string", "", "the grouping column"},
		{"group", "string", "", "its value, contrasted with every other dated document"},
		{"term", "string", "", "the term (content words, or all words with --all-words, as keyness.csv)"},
		{"in_group", "integer", "tokens", "its count in the group's dated documents"},
		{"in_rest", "integer", "tokens", "its count in the other dated documents"},
		{"mh_log_odds", "float", "log odds", "ln of the Mantel–Haenszel common odds ratio over the time bins: Σ a d/n / Σ b c/n, a and b the term's counts in the group and the rest of a bin, c and d their other words (±Inf when one sum is 0)"},
		{"se", "float", "log odds", "its standard error (Robins, Breslow & Greenland 1986)"},
		{"ci_low", "float", "log odds", "mh_log_odds − 1.96 se"},
		{"ci_high", "float", "log odds", "mh_log_odds + 1.96 se"},
		{"cmh", "float", "", "Cochran–Mantel–Haenszel statistic without continuity correction, signed + when the group over-uses the term (statsmodels' test_null_odds(correction=False))"},
		{"p", "float", "probability", "χ²(1) upper tail of |cmh|"},
		{"p_adj", "float", "probability", "p adjusted by Benjamini–Hochberg over every term tested for the group"},
		{"strata", "integer", "bins", "time bins with words on both sides"},
		{"naive_log_odds", "float", "log odds", "the log odds ratio over all bins pooled, ignoring time (a zero count counting 0.5): where it is large and mh_log_odds is not, the word belongs to the era, not to the group"},
	}},
	{Name: "mfw.csv", files: mfwFiles, RowPer: "text (document, or sample <id>#k with --sample-size)", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
	}, Rest: &ColumnDoc{"<feature>", "float", "percent", "relative frequency × 100 of each of the most frequent features, in rank order (stylo's frequency table) at the default setting"}},
	{Name: "distances.csv", parquet: distancesParquetFiles, files: distancesFiles, RowPer: "measure × pair of texts at the default setting (with --distances all: measure × setting of the MFW × culling grid × pair); written up to 500 texts, or with --distances all up to --max-matrix texts (knn.csv has each text's nearest at any size)", Columns: []ColumnDoc{
		{"measure", "string", "", "delta, argamon, eder, simple, wurzburg, cosine, minmax, canberra, manhattan, euclidean, jsd, tfidf_cosine (see Method)"},
		{"features", "string", "", "feature type: word:N, char:N, pos:N, fw:N (function words) or stylo:N (stylo's own tokenizer)"},
		{"mfw", "integer", "features", "most frequent features used (fewer than asked when fewer exist)"},
		{"culling", "float", "percent", "culling level: features kept occur in at least this share of texts"},
		{"doc_a", "string", "", "first text (input order)"},
		{"doc_b", "string", "", "second text"},
		{"value", "float", "", "the distance (0 = identical; tfidf_cosine is 1 − the cosine similarity of tf·idf rows over the MFW columns, scikit-learn's TfidfVectorizer(vocabulary=MFW), not its full-vocabulary default)"},
	}},
	{Name: "distance_*.csv", files: matrixFiles, RowPer: "text (written when distances.csv is)", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
	}, Rest: &ColumnDoc{"<doc id>", "float", "", "the square distance matrix of one measure at the default setting"}},
	{Name: "knn.csv", parquet: knnParquetFiles, files: knnFiles, RowPer: "measure × text × neighbour: each text's 10 nearest other texts under each measure at the default setting (for every text, also above --max-matrix, where no text × text matrix exists)", Columns: []ColumnDoc{
		{"measure", "string", "", "distance measure"},
		{"doc_id", "string", "", "text id"},
		{"rank", "integer", "", "1 for the nearest text; ties in distance by input order"},
		{"neighbour", "string", "", "the neighbouring text"},
		{"distance", "float", "", "their distance (texts with an undefined distance are never neighbours)"},
	}},
	{Name: "clusters.csv", files: clustersFiles, RowPer: "merge step of the hierarchical clustering", Columns: []ColumnDoc{
		{"step", "integer", "", "k, from 0"},
		{"a", "integer", "", "first merged id: below n a text (input order), n + k the cluster made at step k (SciPy linkage layout)"},
		{"b", "integer", "", "second merged id (a < b)"},
		{"height", "float", "", "linkage distance of the merge"},
		{"size", "integer", "texts", "texts in the new cluster"},
		{"a_label", "string", "", "a's text id or cluster k"},
		{"b_label", "string", "", "b's text id or cluster k"},
	}},
	{Name: "cluster_quality.csv", files: qualityFiles, RowPer: "tree: the view measure at every setting, every other measure at the default setting up to 500 texts (with --label or --group-by)", Columns: []ColumnDoc{
		{"feature", "string", "", "feature type"},
		{"mfw", "integer", "features", "most frequent features used"},
		{"culling", "float", "percent", "culling level"},
		{"measure", "string", "", "distance measure"},
		{"texts", "integer", "texts", "placed texts with a class (the --label value, or else the first --group-by value)"},
		{"k", "integer", "clusters", "the tree is cut into as many clusters as there are classes"},
		{"ari", "float", "", "adjusted Rand index of the cut against the classes (Hubert & Arabie 1985; scikit-learn's adjusted_rand_score): 1 recovers them exactly, 0 is chance"},
		{"purity", "float", "proportion", "share of texts whose cluster's most common class is their own (Manning et al. 2008)"},
	}},
	{Name: "mds.csv", files: mdsFiles, RowPer: "text", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
		{"dim1", "float", "", "first coordinate of classical MDS of the default distances"},
		{"dim2", "float", "", "second coordinate"},
	}},
	{Name: "pca.csv", files: pcaFiles, RowPer: "text", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
		{"pc1", "float", "", "score on the first principal component of the z-scored MFW table"},
		{"pc2", "float", "", "score on the second"},
	}},
	{Name: "pca_loadings.csv", files: pcaLoadingsFiles, RowPer: "feature", Columns: []ColumnDoc{
		{"feature", "string", "", "a most frequent feature"},
		{"pc1", "float", "", "loading on the first component"},
		{"pc2", "float", "", "loading on the second"},
	}},
	{Name: "pca_variance.csv", files: pcaVarianceFiles, RowPer: "principal component", Columns: []ColumnDoc{
		{"component", "string", "", "pc1, pc2"},
		{"explained_variance", "float", "proportion", "share of the total variance the component explains"},
	}},
	{Name: "consensus.csv", files: consensusFiles, RowPer: "pair of texts in the tree (written up to 500 of them, or with --distances all)", Columns: []ColumnDoc{
		{"doc_a", "string", "", "first text"},
		{"doc_b", "string", "", "second text"},
		{"together", "float", "proportion", "share of the MFW × culling settings whose tree, cut into k clusters, puts the two in one cluster"},
		{"settings", "integer", "", "settings in the grid"},
		{"k", "integer", "clusters", "clusters each tree is cut into: the number of values of the first grouping column, or 2"},
	}},
	{Name: "network_nodes.csv", files: networkFiles(true), RowPer: "text (Gephi node table, Gephi's column names)", Columns: []ColumnDoc{
		{"Id", "string", "", "text id"},
		{"Label", "string", "", "text id"},
		{"group", "string", "", "value of the first grouping column"},
	}},
	{Name: "network_edges.csv", files: networkFiles(false), RowPer: "pair of texts linked as nearest neighbours (Gephi edge table)", Columns: []ColumnDoc{
		{"Source", "string", "", "text id"},
		{"Target", "string", "", "text id"},
		{"Weight", "float", "", "summed over the grid and both directions: 3 for a nearest neighbour, 2 for the second, 1 for the third (stylo's consensus network, linear edge weights; stylo lists each undirected edge twice, this table once)"},
		{"Type", "string", "", "Undirected"},
	}},
	{Name: "attribution.csv", parquet: attributionFiles(-1), files: attributionFiles(0), RowPer: "measure × text with a label × candidate label (long format): each text's " + fmt.Sprint(AttributionCandidates) + " nearest labels at the default setting, leave-one-out, and its own label's row wherever that ranks; filter candidate_rank == 1 for one row per text", Columns: []ColumnDoc{
		{"measure", "string", "", "distance measure"},
		{"doc_id", "string", "", "text id"},
		{"label", "string", "", "its value of the --label column (its true label)"},
		{"predicted", "string", "", "the label of its nearest text from another document (a sample's siblings are left out with it): the candidate of candidate_rank 1; the same on each of the text's rows"},
		{"correct", "boolean", "", "predicted == label; empty when the text is unattributable"},
		{"label_rank", "integer", "", "rank of the true label among all the candidates (1 = predicted; 0: not a candidate)"},
		{"margin", "float", "distance", "distance of the runner-up label minus that of the predicted one: how far ahead the attribution is (empty with one candidate)"},
		{"attributable", "boolean", "", "false when no other document has the text's label (a class of one document): not counted in accuracy"},
		{"candidate_rank", "integer", "", "rank of this candidate, by distance then label (1 = predicted); 0 on the one row of a text with no candidate (no defined distance to another labelled document)"},
		{"candidate", "string", "", "the candidate label"},
		{"distance", "float", "distance", "the distance from the text to the candidate's nearest text from another document"},
		{"nearest", "string", "", "that nearest text's id"},
	}},
	{Name: "attribution_accuracy.csv", files: attributionFiles(1), RowPer: "setting × measure × classifier × validation: the nearest text by leave-one-out at every setting with distances (every measure at the default setting, the view measure at the others; every one with --distances all; the default setting only past --max-matrix); then, at the default setting, the nearest text by stratified k-fold (--folds), the vote of the k nearest texts (--knn) by both, Delta to class centroids by both, nearest shrunken centroids by both, and the linear SVM by both (those --classifiers names; k-fold, k-NN and the SVM up to --max-matrix texts, the SVM by leave-one-out up to " + fmt.Sprint(stylometry.SVMLeaveOneOut) + ")", Columns: []ColumnDoc{
		{"feature", "string", "", "feature type"},
		{"mfw", "integer", "features", "most frequent features used"},
		{"culling", "float", "percent", "culling level"},
		{"measure", "string", "", "distance measure (delta for centroid; empty for nsc and svm, which measure no distance: nsc reads the relative frequencies, svm the z-scores)"},
		{"classifier", "string", "", "nearest: the label of the nearest text (stylo's classify() with delta); knn: the label most of the --knn nearest texts have (ties to the label whose voters are nearer in sum, then by name; class::knn breaks them at random); centroid: the label whose mean z-scores are nearest by Delta (Burrows 2002); nsc: nearest shrunken centroids (Tibshirani et al. 2002, R's pamr as stylo's classify() calls it: the class means of the relative frequencies, standardised by the pooled within-class standard deviation plus its median, shrunk towards the overall mean by soft thresholding at 1; the least discriminant score with the prior n_k/n wins); svm: linear support vector machines one against one on the z-scores (libsvm's C-SVC with C = 1 as stylo's e1071::svm, tolerance 0.001; most votes wins, ties to the first label by name; e1071 rescales the features over the training texts, here the z-scores over every text are used)"},
		{"validation", "string", "", "leave-one-out: each document held out in turn with its samples; N-fold: stratified N-fold cross-validation over documents (each label's documents dealt to the folds in a seeded order, samples with their document)"},
		{"documents", "integer", "texts", "attributable texts attributed"},
		{"correct", "integer", "texts", "texts given their own label"},
		{"accuracy", "float", "proportion", "correct / documents (empty when no text is attributable)"},
		{"macro_precision", "float", "proportion", "mean over the true labels of the attributable texts of correct / predicted as the label (0 for a label never predicted); scikit-learn's average=\"macro\" with labels= those labels"},
		{"macro_recall", "float", "proportion", "mean over those labels of correct / texts with the label"},
		{"macro_f1", "float", "proportion", "mean over those labels of 2PR/(P+R) (0 where P + R = 0)"},
		{"unattributable", "integer", "texts", "texts whose label no other document has: not counted"},
	}},
	{Name: "attribution_evidence.csv", files: verifyFiles(0), RowPer: "text attributed by delta × direction × feature: the 5 features that pull it most towards its predicted label and the 5 that pull it most towards the runner-up", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
		{"predicted", "string", "", "its predicted label (delta, nearest text, leave-one-out, default setting)"},
		{"nearest", "string", "", "the text of that label it is nearest to"},
		{"runner_up", "string", "", "the second label"},
		{"runner_up_nearest", "string", "", "the runner-up's nearest text"},
		{"direction", "string", "", "towards predicted: the feature brings the text nearer its predicted label; towards runner-up: nearer the runner-up"},
		{"rank", "integer", "", "1 = strongest in its direction"},
		{"feature", "string", "", "the MFW feature"},
		{"to_predicted", "float", "delta", "|z_text − z_nearest| / MFW: the feature's share of the Delta distance to the predicted label's nearest text"},
		{"to_runner_up", "float", "delta", "the same share of the distance to the runner-up's nearest text"},
		{"pull", "float", "delta", "to_runner_up − to_predicted; summed over every feature it is the margin of the attribution"},
	}},
	{Name: "imposters.csv", files: verifyFiles(1), RowPer: "text × candidate label (with --imposters N): the General Imposters verification", Columns: []ColumnDoc{
		{"doc_id", "string", "", "text id"},
		{"candidate", "string", "", "the candidate label: its texts from other documents are the candidate's, every other document's text an imposter"},
		{"score", "float", "proportion", "share of the N rounds, each with a random half of the MFW and of the imposters, in which the text's nearest text by Delta is the candidate's (Koppel & Winter 2014, as stylo's imposters())"},
		{"own_label", "boolean", "", "whether the candidate is the text's own label; empty for an unlabelled text"},
		{"verdict", "string", "", "yes (score above p2), no (below p1) or unsure, with p1 and p2 from imposters_calibration.csv"},
	}},
	{Name: "imposters_calibration.csv", files: verifyFiles(2), RowPer: "run (one row): the verdicts' thresholds calibrated on the labelled texts", Columns: []ColumnDoc{
		{"p1", "float", "proportion", "scores below are a no"},
		{"p2", "float", "proportion", "scores above are a yes; between p1 and p2: unsure"},
		{"c_at_1", "float", "proportion", "c@1 (Peñas & Rodrigo 2011) of the verdicts on the labelled texts: (correct + unsure × correct / n) / n, maximised over p1 ≤ p2 on a grid of 0.01 (as stylo's imposters.optimize()); of equal c@1, the narrowest band"},
		{"cases", "integer", "", "labelled text × candidate cases it was calibrated on"},
		{"iterations", "integer", "", "rounds per score"},
		{"features", "float", "proportion", "share of the MFW drawn each round"},
		{"imposters", "float", "proportion", "share of the imposters drawn each round"},
	}},
	{Name: "attribution_confusion.csv", files: attributionFiles(2), RowPer: "measure × true label × predicted label (attributable texts)", Columns: []ColumnDoc{
		{"measure", "string", "", "distance measure"},
		{"label", "string", "", "true label"},
		{"predicted", "string", "", "predicted label"},
		{"count", "integer", "texts", "attributable texts with this true and predicted label"},
	}},
	{Name: "rolling.csv", files: rollingFiles, RowPer: "(with --rolling N) window of a document: windows of N words starting every --rolling-step words, each attributed against the labelled documents other than its own (stylo's rolling.classify()); an unlabelled document (a disputed text) is rolled through against every labelled one", Columns: []ColumnDoc{
		{"doc_id", "string", "", "the document rolled through"},
		{"window", "integer", "", "the window's number in the document, from 1"},
		{"start_word", "integer", "words", "the window's first word, counting the document's words from 1"},
		{"end_word", "integer", "words", "its last word (end_word − start_word + 1 = N); the words after the last window are not in any"},
		{"label", "string", "", "the document's own value of the --label column (empty: an unlabelled, disputed text)"},
		{"predicted", "string", "", "the label of the window's nearest reference text by Delta: the reference texts are the labelled documents other than the window's own, whole; the features the default setting's most frequent words (word:1, first --mfw and --culling); the z-scores the reference texts' (stylo's perform.delta with z.scores.both.sets = FALSE)"},
		{"distance", "float", "delta", "Delta from the window to that text: the mean over the features of |z_window − z_text|, a feature constant over the reference texts left out"},
		{"runner_up", "string", "", "the next label, by the distance of its nearest reference text (empty with one label)"},
		{"runner_up_distance", "float", "delta", "that distance"},
		{"margin", "float", "delta", "runner_up_distance − distance: how far ahead the window's attribution is"},
	}},
}

// Lookup returns the documentation of a file by name (a * in a documented
// name matches any text; x.parquet is documented as x.csv), or nil.
func Lookup(name string) *FileDoc {
	if n, ok := strings.CutSuffix(name, ".parquet"); ok {
		name = n + ".csv"
	}
	for i, f := range Dictionary {
		if ok, _ := path.Match(f.Name, name); ok {
			return &Dictionary[i]
		}
	}
	return nil
}

// Documents reports whether the dictionary documents column col of file.
func (f *FileDoc) Documents(col string) bool {
	for _, c := range f.Columns {
		if c.Name == col {
			return true
		}
	}
	return f.Rest != nil
}

// WriteDictionary writes DATA.md: every file and every column, with type,
// unit and meaning, and the measures of documents.csv.
func WriteDictionary(w io.Writer, measures []ColumnDoc) error {
	var b strings.Builder
	b.WriteString("# Data dictionary\n\nEvery CSV is UTF-8 without BOM, RFC 4180, with a header row; ids are strings; floats are the shortest decimal that reads back exactly, an empty cell is undefined (NaN), Inf and -Inf are infinities; a text cell that a spreadsheet would run as a formula starts with an added `'`.\n")
	b.WriteString("\n## Words and terms\n\n" +
		"A word is a token holding a letter or a digit; every other token is punctuation. Tokens are prose v3's with four corrections (README, \"What happens to the text\"): numbers stay whole (`1,000,000`, `4:05`, `3.14`), a double hyphen is a dash and a hyphen at a word's edge is punctuation, a sentence-final period is split off a word such as `War.`, and hyphenated compounds (`worker-peasant`) are one word unless --split-hyphens splits them as stylo does (`worker`, `-`, `peasant`). Contractions are words of their own (`Lenin's` is `lenin` + `'s`; `don't` is `do` + `n't`). A term is a word in lower case (unless --keep-case), NFC, with straight quotes. " +
		"Content words are the words tagged as nouns, lexical verbs (not be, have, do), adjectives and adverbs (not not, n't): Penn NN*, VB*, JJ*, RB*. stylo's own tokenizer (letters only, apostrophes and hyphens split) is the feature stylo:N; the default word:1 is not it, so MFW lists differ from stylo's on the same texts.\n")
	for _, f := range Dictionary {
		fmt.Fprintf(&b, "\n## %s\n\nOne row per %s.\n\n| column | type | unit | meaning |\n| --- | --- | --- | --- |\n", f.Name, f.RowPer)
		for _, c := range f.Columns {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Name, c.Type, c.Unit, mdEscape(c.Meaning))
		}
		if f.Rest != nil {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdEscape(f.Rest.Name), f.Rest.Type, f.Rest.Unit, mdEscape(f.Rest.Meaning))
		}
	}
	if len(measures) > 0 {
		b.WriteString("\n## Measures (columns of documents.csv)\n\n| column | type | unit | meaning |\n| --- | --- | --- | --- |\n")
		for _, c := range measures {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.Name, c.Type, c.Unit, mdEscape(c.Meaning))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
