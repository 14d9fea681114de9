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

// Stream writes a CSV table row by row, for tables too large to hold as
// strings: the same format as WriteCSV.
type Stream struct {
	cw   *csv.Writer
	cols int
	rows int
	err  error
}

// NewStream writes the header and returns a Stream for the rows.
func NewStream(w io.Writer, header ...string) *Stream {
	s := &Stream{cw: csv.NewWriter(w), cols: len(header)}
	s.err = s.cw.Write(neutralise(header))
	return s
}

// Row writes one row; it must have as many cells as the header (a ragged
// row is a programmer error). Errors are kept for Close.
func (s *Stream) Row(cells ...string) {
	if len(cells) != s.cols {
		panic("reports: row length " + strconv.Itoa(len(cells)) + " != header length " + strconv.Itoa(s.cols))
	}
	if s.err == nil {
		s.err = s.cw.Write(neutralise(cells))
		s.rows++
	}
}

// Close flushes the rows and returns how many were written and the first
// error.
func (s *Stream) Close() (int, error) {
	s.cw.Flush()
	if s.err != nil {
		return s.rows, s.err
	}
	return s.rows, s.cw.Error()
}

// WriteCSV writes t as RFC 4180 CSV in UTF-8 without a byte-order mark,
// with "\n" line ends. A text cell that a spreadsheet would run as a formula
// (starting with =, +, -, @, a tab or a carriage return) is neutralised by a
// leading apostrophe, unless it is a number. Every row must have as many
// cells as the header; a ragged row is a programmer error.
func WriteCSV(w io.Writer, t *Table) error {
	s := NewStream(w, t.Header...)
	for _, r := range t.Rows {
		s.Row(r...)
	}
	_, err := s.Close()
	return err
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
