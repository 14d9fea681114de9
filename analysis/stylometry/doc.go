// Package stylometry orchestrates the who-writes-like-whom analysis of a
// corpus: the MFW × culling grid of frequency tables, every distance
// measure at every setting, and at the default setting the tree, the MDS
// and PCA maps, the consensus over the grid, the nearest-neighbour network
// and leave-one-out attribution; and Roll, the rolling attribution of
// windows slid through each labelled document (stylo's rolling.classify()).
//
// Like its parent package analysis it is pure, synchronous and
// deterministic: texts and options in, a Result out; no I/O, no
// goroutines, no logging. Problems in the data (a text with undefined
// distances, too few texts for a map) are Result.Warnings, never a failed
// analysis.
package stylometry
