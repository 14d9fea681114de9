package pipeline

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Meta is a metadata table: one row per document, joined on its id column
// (the file name without extension) or, failing that, its path column.
type Meta struct {
	Columns []string            // in file order, the key column excluded
	Key     string              // "id" or "path"
	Rows    map[string][]string // key -> values in Columns order
	order   []string            // keys in file order
}

// ReadMeta reads a metadata CSV with a header row. It is decoded as
// documents are (see Decode): UTF-8, with a byte-order mark dropped, or
// UTF-16 with a byte-order mark; invalid UTF-8 or a NUL byte is an error
// naming the file, the line and the byte offset, and saying how to convert
// it. It needs an "id" or a "path" column; duplicate keys and ragged rows
// are errors naming the line.
func ReadMeta(r io.Reader, name string) (*Meta, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("metadata %s: %w", name, err)
	}
	text, err := Decode(b)
	if err != nil {
		// The line is counted in bytes, which only UTF-8 allows.
		var de *decodeError
		if errors.As(err, &de) && !isUTF16(b) {
			return nil, fmt.Errorf("metadata %s: line %d: %w", name, 1+bytes.Count(b[:de.Offset], []byte("\n")), err)
		}
		return nil, fmt.Errorf("metadata %s: %w", name, err)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = 0
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("metadata %s: header: %w", name, err)
	}
	key := -1
	for _, want := range []string{"id", "path"} {
		for i, h := range head {
			if strings.EqualFold(strings.TrimSpace(h), want) && key < 0 {
				key = i
			}
		}
	}
	if key < 0 {
		return nil, fmt.Errorf("metadata %s: needs an id or a path column, has %s", name, strings.Join(head, ", "))
	}
	m := &Meta{Key: strings.ToLower(strings.TrimSpace(head[key])), Rows: map[string][]string{}}
	for i, h := range head {
		if i != key {
			m.Columns = append(m.Columns, strings.TrimSpace(h))
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("metadata %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		k := strings.TrimSpace(rec[key])
		if m.Key == "path" {
			k = path.Clean(strings.ReplaceAll(k, `\`, "/"))
		}
		if _, dup := m.Rows[k]; dup {
			return nil, fmt.Errorf("metadata %s: line %d: %s %q appears twice", name, line, m.Key, k)
		}
		var vals []string
		for i, v := range rec {
			if i != key {
				vals = append(vals, v)
			}
		}
		m.Rows[k] = vals
		m.order = append(m.order, k)
	}
	return m, nil
}

// Join returns each source's metadata (column -> value) and the problems
// found: documents with no row and rows that match no document, by name.
// A skipped source (Source.Skip) is no document: it gets nil and no
// problem, and a row for it matches no document.
func (m *Meta) Join(src []Source) (meta []map[string]string, problems []Failure) {
	meta = make([]map[string]string, len(src))
	used := map[string]bool{}
	for i, s := range src {
		if s.Skip != "" {
			continue
		}
		k := s.ID
		if m.Key == "path" {
			k = path.Clean(s.Path)
		}
		vals, ok := m.Rows[k]
		if !ok {
			problems = append(problems, Failure{Path: s.Path, Stage: "metadata", Err: fmt.Sprintf("no metadata row with %s %q", m.Key, k)})
			continue
		}
		used[k] = true
		meta[i] = map[string]string{}
		for j, c := range m.Columns {
			meta[i][c] = vals[j]
		}
	}
	for _, k := range m.order {
		if !used[k] {
			problems = append(problems, Failure{Path: k, Stage: "metadata", Err: fmt.Sprintf("metadata row %s %q matches no document", m.Key, k)})
		}
	}
	return meta, problems
}
