// Package pipeline turns a corpus of text files into per-document profiles
// of counts.
//
// It owns the corpus sources and their metadata, decoding and
// canonicalisation, the prose tokenizer, segmenter and tagger (models loaded
// once and shared), the worker pool, and the merge of profiles in input
// order. Each worker reads one document and returns a compact Profile, never
// the token stream, so memory grows with the vocabulary, not the corpus.
//
// It never plots, writes reports or computes corpus-level statistics: those
// belong to the analysis and reports packages.
package pipeline
