// Package reports writes a pipeline.Study: tidy CSV for notebooks, SVG
// charts (through reports/chart), the data dictionary DATA.md, a
// self-contained HTML page and the manifest.
//
// Dictionary is both the data dictionary and the registry of outputs: each
// file is listed once with its columns and its writer, and Write writes
// every file a study has content for into a Sink; DATA.md and the page's
// list of files come from the same entries. The chart inputs and the
// page's sections are built here from the Study.
//
// Folder is the output folder as a Sink, written atomically: a temporary
// sibling renamed into place, never replacing a folder stylometer did not
// write (CheckFolder), and recoverable when a run is killed at any point
// (RecoverFolder).
//
// CSV follows one convention everywhere: UTF-8 without BOM, RFC 4180 quoting
// (byte for byte as encoding/csv quotes), a header row, '.' as decimal
// point and no thousands separator, floats as the shortest decimal that
// reads back exactly, an empty cell for NaN. A cell that a spreadsheet
// would run as a formula is prefixed with a quote so that it stays text.
//
// The package never reads the corpus and computes no results of its own.
package reports
