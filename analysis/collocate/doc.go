// Package collocate measures how strongly a node word attracts its
// collocates: the words found within k tokens either side of the node,
// inside the same sentence.
//
// [Count] tallies co-occurrences from tokenised sentences; [Score] turns the
// counts of one node–collocate pair into PMI, logDice (Rychlý 2008) and
// Dunning's signed G² with its p-value, as shared/reference/README.md
// (section Collocates) defines them.
//
// The package is pure, synchronous and deterministic. It never starts
// goroutines, reads or writes files, logs, or keeps package-level state;
// results never depend on map iteration order. It panics only on programmer
// error (a window size below 1).
package collocate
