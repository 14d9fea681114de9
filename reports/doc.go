// Package reports writes stylometer's outputs: tidy CSV tables, the run
// manifest, SVG charts (sub-package chart) and the self-contained HTML
// report.
//
// Every writer takes an io.Writer and data already computed; only
// cmd/stylometer names and opens files. reports never reads the corpus and
// never computes statistics beyond formatting them.
package reports
