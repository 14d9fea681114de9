// Package analysis holds the numerical core of stylometer: frequency tables,
// stylometric distances, hierarchical clustering, low-dimensional maps (MDS,
// PCA), lexical diversity and readability.
//
// Every number means what the field's anchor tools mean by the same name:
// distances follow R's stylo 0.7.7 and stats::dist, lexical diversity follows
// quanteda, tf·idf follows scikit-learn, clustering follows R's hclust and is
// reported in SciPy's linkage layout. The definitions are fixed in
// shared/reference/README.md and the tests compare against the values those
// tools computed.
//
// The package is pure, synchronous and deterministic. It never starts
// goroutines, reads or writes files, logs, or keeps package-level state;
// results never depend on map iteration order, ties are broken by written
// rules and eigenvector signs are fixed (largest-magnitude entry positive).
// It panics only on programmer error (mismatched lengths, a dst of the wrong
// shape) and returns errors for problems in the data. A long computation
// reports how far it has got and learns that it should stop through a
// callback its caller passes (Progress, Monitor), never through a context.
package analysis
