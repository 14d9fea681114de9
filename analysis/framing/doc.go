// Package framing compares how documents and groups of documents talk: the
// vocabulary that sets each one apart from the rest (keyness with effect
// size and significance), the collocates of chosen target terms, and how
// often each one names them.
//
// It arranges the comparisons (each document against the rest, each value
// of each grouping column against the rest, optionally every pair of
// values) and delegates the measures to the keyness and collocate packages.
// Like all of analysis it is pure: no goroutines, no I/O.
package framing
