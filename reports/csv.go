package reports

import (
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table is a CSV table: a header and rows of cells already formatted.
type Table struct {
	Header []string
	Rows   [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Stream writes a CSV table row by row, for tables too large to hold as
// strings: the same format as WriteCSV. A row is given whole to Row, or
// built cell by cell with Text, Float and Int and finished with End; Float
// and Int append a number's text to the row without making a string.
type Stream struct {
	w     io.Writer
	buf   []byte // rows not yet written to w
	cols  int    // cells in a row, the header's
	cells int    // cells of the row being built
	rows  int
	err   error
}

// streamBuffer is how many bytes of rows a Stream gathers before it
// writes them to its writer.
const streamBuffer = 64 << 10

// NewStream writes the header and returns a Stream for the rows.
func NewStream(w io.Writer, header ...string) *Stream {
	s := &Stream{w: w, buf: make([]byte, 0, streamBuffer), cols: len(header)}
	s.Text(header...)
	s.endLine()
	return s
}

// Row writes one row; it must have as many cells as the header (a ragged
// row is a programmer error). Errors are kept for Close.
func (s *Stream) Row(cells ...string) {
	s.Text(cells...)
	s.End()
}

// Text adds text cells to the current row, neutralised and quoted as
// WriteCSV does.
func (s *Stream) Text(cells ...string) {
	for _, c := range cells {
		s.next()
		s.buf = appendText(s.buf, c)
	}
}

// cells are cells encoded once (text as Text writes it, numbers as Float
// formats them) for a Stream to copy into a row: cells that repeat from
// row to row, or that are gathered before their row is written.
type cells struct {
	text []byte // the cells, separated by commas
	n    int
}

// encode encodes text cells.
func encode(text ...string) cells {
	var c cells
	for _, t := range text {
		c.add(appendText(nil, t))
	}
	return c
}

// add appends a cell already encoded, such as a number formatted by
// appendFloat.
func (c *cells) add(cell []byte) {
	if c.n > 0 {
		c.text = append(c.text, ',')
	}
	c.text = append(c.text, cell...)
	c.n++
}

// number adds a cell of a number already formatted by appendFloat.
func (s *Stream) number(text []byte) {
	s.next()
	s.buf = append(s.buf, text...)
}

// encoded adds encoded cells to the current row.
func (s *Stream) encoded(c cells) {
	if c.n == 0 {
		return
	}
	s.next()
	s.buf = append(s.buf, c.text...)
	s.cells += c.n - 1
}

// Float adds cells of numbers formatted as Float formats them: such a
// cell never needs quoting and is never a formula.
func (s *Stream) Float(vs ...float64) {
	for _, v := range vs {
		s.next()
		s.buf = appendFloat(s.buf, v)
	}
}

// Int adds cells of counts, formatted as Int formats them.
func (s *Stream) Int(vs ...int) {
	for _, v := range vs {
		s.next()
		s.buf = strconv.AppendInt(s.buf, int64(v), 10)
	}
}

// End finishes the current row; it must have as many cells as the header
// (a ragged row is a programmer error). Errors are kept for Close.
func (s *Stream) End() {
	if s.cells != s.cols {
		panic("reports: row length " + strconv.Itoa(s.cells) + " != header length " + strconv.Itoa(s.cols))
	}
	if s.err == nil {
		s.rows++
	}
	s.endLine()
}

// next starts a cell: a comma unless it is the row's first.
func (s *Stream) next() {
	if s.cells > 0 {
		s.buf = append(s.buf, ',')
	}
	s.cells++
}

// endLine ends the line and writes the gathered rows once they fill the
// buffer.
func (s *Stream) endLine() {
	s.buf = append(s.buf, '\n')
	s.cells = 0
	if len(s.buf) >= streamBuffer {
		s.flush()
	}
}

func (s *Stream) flush() {
	if s.err == nil && len(s.buf) > 0 {
		_, s.err = s.w.Write(s.buf)
	}
	s.buf = s.buf[:0]
}

// Close writes the rows still gathered and returns how many rows were
// written and the first error.
func (s *Stream) Close() (int, error) {
	s.flush()
	return s.rows, s.err
}

// appendText appends a text cell, neutralised (see Formula) and quoted.
func appendText(dst []byte, cell string) []byte {
	if Formula(cell) {
		cell = "'" + cell
	}
	return appendField(dst, cell)
}

// appendField appends field to dst as encoding/csv's Writer writes a field
// (comma separator, "\n" line ends): in double quotes, with quotes doubled,
// when it holds a comma, a quote, a carriage return or a line feed, starts
// with a space character or is `\.`; as it is otherwise.
func appendField(dst []byte, field string) []byte {
	if !needsQuotes(field) {
		return append(dst, field...)
	}
	dst = append(dst, '"')
	for i := range len(field) {
		if field[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, field[i])
	}
	return append(dst, '"')
}

// needsQuotes is encoding/csv's Writer.fieldNeedsQuotes for a comma
// separator.
func needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := range len(field) {
		switch field[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// WriteCSV writes t as RFC 4180 CSV in UTF-8 without a byte-order mark,
// with "\n" line ends, quoted as encoding/csv quotes. A text cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
// carriage return) is neutralised by a leading apostrophe, unless it is a
// number. Every row must have as many cells as the header; a ragged row is
// a programmer error.
func WriteCSV(w io.Writer, t *Table) error {
	s := NewStream(w, t.Header...)
	for _, r := range t.Rows {
		s.Row(r...)
	}
	_, err := s.Close()
	return err
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
	var b [32]byte
	return string(appendFloat(b[:0], v))
}

// appendFloat appends Float(v) to dst.
func appendFloat(dst []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return dst
	case math.IsInf(v, 1):
		return append(dst, "Inf"...)
	case math.IsInf(v, -1):
		return append(dst, "-Inf"...)
	}
	if v == 0 {
		return append(dst, '0') // no "-0"
	}
	// A whole number under a million (a count): 'g' writes its digits
	// alone, as AppendInt does, faster; from 1e6 on it writes an exponent.
	if v > -1e6 && v < 1e6 && v == float64(int64(v)) {
		return strconv.AppendInt(dst, int64(v), 10)
	}
	return strconv.AppendFloat(dst, v, 'g', -1, 64)
}

// Int formats a count.
func Int(v int) string { return strconv.Itoa(v) }
