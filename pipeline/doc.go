// Package pipeline is stylometer's library API: it turns a corpus of text
// files into a Study, everything the reports need.
//
// A run is two stages. Profile, the map, reads, canonicalises, segments,
// tokenises and tags every document with prose v3's models and rules,
// applied by our own allocation-free code that gives prose's sentences,
// tokens and tags (punkt.go, tokenize.go, perceptron.go; models loaded once
// and shared) in a pool of workers and returns per-document profiles of counts,
// never the token stream; a shard can call it on any slice of the sources.
// Analyse, the reduce, is pure and deterministic: from the profiles, in
// input order, it computes the word table, tf-idf, the per-document
// measures, the stylometry (analysis/stylometry) and the framing
// (analysis/framing), telling Options.AnalysisProgress of each step and
// stopping within a fraction of a second once its context is cancelled.
// Run is both in one process:
//
//	corpus, err := pipeline.OpenCorpus([]string{"texts/"}, "meta.csv")
//	study, err := pipeline.Run(ctx, corpus, pipeline.Options{GroupBy: []string{"stance"}})
//
// QuoteTerms, optional and after the analysis, reads again only the
// documents that hold the terms a report shows and quotes a few of their
// occurrences per group in context (tokenised, not tagged): the one pass
// over the text after the map stage, since profiles keep no text.
//
// Options is typed and its zero value is the documented default run;
// Config is the same settings as a person writes them (TOML and flags), and
// Config.Options checks all of them, reading the lexicon, before any
// document is read. A document that cannot be read is a Failure of the
// study, never a failed run.
//
// The package never plots or writes reports (package reports does) and
// computes no statistics of its own beyond counting (package analysis does).
package pipeline
