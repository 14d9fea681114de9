package pipeline

import (
	"encoding/csv"
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

// ReadMeta reads a metadata CSV (UTF-8, header row). It needs an "id" or a
// "path" column; duplicate keys and ragged rows are errors naming the line.
func ReadMeta(r io.Reader, name string) (*Meta, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("metadata %s: header: %w", name, err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\uFEFF")
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
func (m *Meta) Join(src []Source) (meta []map[string]string, problems []Failure) {
	meta = make([]map[string]string, len(src))
	used := map[string]bool{}
	for i, s := range src {
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
