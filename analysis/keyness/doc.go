// Package keyness compares a target corpus with a reference corpus term by
// term: Dunning's log-likelihood G², Pearson's χ², Hardie's Log Ratio, %DIFF,
// BIC, ELL, pointwise mutual information, the log-odds ratio with an
// informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), the
// Benjamini–Hochberg adjusted p-value, and Craig's and Eder's Zeta.
//
// Every statistic means what the field's anchor tools mean by the same name;
// the definitions are fixed in shared/reference/README.md (section Keyness).
// By default G² and χ² are the textbook values that scipy and NLTK compute;
// quanteda's variants (an ε inside the logarithm and its conditional Yates
// correction) are available under their own names, see [Correction]. The
// tests compare against values computed by scipy 1.10, NLTK 3.8,
// FightingWords, quanteda.textstats 0.97.2 and tidylo.
//
// The package is pure, synchronous and deterministic. It never starts
// goroutines, reads or writes files, logs, or keeps package-level state;
// results never depend on map iteration order and ties are broken by term.
// It panics only on programmer error (slices of different lengths).
package keyness
