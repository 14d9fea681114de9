// Package chart draws the report's SVG charts with gonum/plot: distance
// heatmaps, dendrograms, MDS/PCA maps and biplots, keyness bars,
// fightin'-words scatters, Zipf and sentence-length plots, and target-term
// rates.
//
// Every chart is a function Xxx(w io.Writer, data..., opt Options) error
// over plain data (strings, float64 slices, gonum matrices). The package
// never opens files and never imports other stylometer packages. Output is
// byte-for-byte deterministic: no map iteration, no timestamps, one float
// format (vgsvg's %.5g).
//
// Fonts are not embedded: the root <svg> element declares the font family
// as a presentation attribute ("Liberation Sans" and its metric-compatible
// Arial and Helvetica, then sans-serif), so a page that inlines the SVG can
// override it with CSS. Layout is measured with Liberation Sans metrics.
//
// Legibility: tick labels are thinned (every k-th label shown) when they
// would overlap, long labels are shortened with an ellipsis, canvases grow
// with the number of documents up to a cap, and every document, cell, bar
// or point carries its full id in an SVG <title> tooltip (a transparent
// hit area drawn on top of the chart). In the charts of terms (keyness
// bars and panels, fightin' words, biplot loadings) every hit area and
// every label that stands for a term names it in a data-term attribute, for
// the report page's search and keyword-in-context panel; no chart holds
// script or event handlers. Group colours come from Palette (Okabe–Ito up
// to 8 groups, Kelly's 20 colours of maximum contrast up to 20, then the
// colours again with the next mark of Shapes), or for a numeric column from
// a continuous Scale (viridis, with a colour bar for a legend), so one
// group looks the same in every chart and no two legend entries look
// alike.
package chart
