package reports

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
)

// Table is a CSV table: a header and rows of cells already formatted.
type Table struct {
	Header []string
	Rows   [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// WriteCSV writes t as RFC 4180 CSV in UTF-8 without a byte-order mark,
// with "\n" line ends. A text cell that a spreadsheet would run as a formula
// (starting with =, +, -, @, a tab or a carriage return) is neutralised by a
// leading apostrophe, unless it is a number. Every row must have as many
// cells as the header; a ragged row is a programmer error.
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(neutralise(t.Header)); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if len(r) != len(t.Header) {
			panic("reports: row length " + strconv.Itoa(len(r)) + " != header length " + strconv.Itoa(len(t.Header)))
		}
		if err := cw.Write(neutralise(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func neutralise(cells []string) []string {
	var out []string
	for i, c := range cells {
		if !Formula(c) {
			continue
		}
		if out == nil {
			out = append([]string(nil), cells...)
		}
		out[i] = "'" + c
	}
	if out == nil {
		return cells
	}
	return out
}

// Formula reports whether a spreadsheet could run cell as a formula: it
// starts with =, +, -, @, a tab or a carriage return and is not a plain
// number (OWASP's CSV injection advice).
func Formula(cell string) bool {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return false
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return false
	}
	return true
}

// Float formats v the one way every output does: the shortest decimal that
// reads back as exactly v ('g' format, so very small or large values use an
// exponent, e.g. 1.5e-07); NaN (undefined) as an empty cell; infinities as
// Inf and -Inf.
func Float(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	if v == 0 {
		return "0" // no "-0"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Int formats a count.
func Int(v int) string { return strconv.Itoa(v) }
