package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// writeTree writes files (slash-separated names relative to dir, with
// their contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes name a symbolic link to target, or skips the test where
// the system does not allow it.
func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// row is what a test checks of a Source: its id, path and skip reason.
type row struct{ ID, Path, Skip string }

func rows(src []Source) []row {
	var out []row
	for _, s := range src {
		out = append(out, row{s.ID, s.Path, s.Skip})
	}
	return out
}

func TestFromPaths(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"b.txt": "b", "a.md": "a", "notes.csv": "skip", "sub/a.txt": "another a",
		"web/page.html": "<p>p</p>", "web/old.htm": "<p>o</p>", "web/x.xhtml": "<p>x</p>", "tei/book.xml": "<TEI/>"})
	src, err := FromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	// Two files named "a": both keep their path as id. The file of
	// another extension is listed as skipped, with its path as id.
	rel := filepath.ToSlash(dir)
	want := []row{{rel + "/a", rel + "/a.md", ""}, {"b", rel + "/b.txt", ""}, {rel + "/notes.csv", rel + "/notes.csv", skipOtherExt},
		{rel + "/sub/a", rel + "/sub/a.txt", ""}, {"book", rel + "/tei/book.xml", ""},
		{"old", rel + "/web/old.htm", ""}, {"page", rel + "/web/page.html", ""}, {"x", rel + "/web/x.xhtml", ""}}
	if d := cmp.Diff(want, rows(src)); d != "" {
		t.Errorf("FromPaths (-want +got):\n%s", d)
	}
	var markup []string
	for _, s := range src {
		markup = append(markup, s.Markup)
	}
	if d := cmp.Diff([]string{"", "", "", "", MarkupXML, MarkupHTML, MarkupHTML, MarkupHTML}, markup); d != "" {
		t.Errorf("FromPaths: Markup (-want +got):\n%s", d)
	}
	if _, err := FromPaths([]string{filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing path: err = %v, want an error naming it", err)
	}
}

// TestFromPathsWalkReportsWhatItSkips: hidden entries and links to
// folders become skipped sources in walk order; links to files are read
// through; a skipped entry never changes a document's id.
func TestFromPathsWalkReportsWhatItSkips(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.md":          "a",
		"b.txt":         "b",
		"notes.csv":     "not text",
		".DS_Store":     "hidden, not text",
		".draft.txt":    "hidden text file",
		".hidden/x.txt": "in a hidden folder",
		"sub/a.txt":     "another a",
	})
	symlink(t, filepath.Join(dir, "sub"), filepath.Join(dir, "b")) // its stem is b.txt's id
	symlink(t, filepath.Join(dir, "b.txt"), filepath.Join(dir, "linked.txt"))
	symlink(t, filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.txt"))
	src, err := FromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.ToSlash(dir)
	// Lexical order of the names (bytes): "." < "D" < "a" < "b" < "b.txt" < "d" ...
	want := []row{
		{rel + "/.DS_Store", rel + "/.DS_Store", "hidden file, not read (give it as an input to include it)"},
		{rel + "/.draft.txt", rel + "/.draft.txt", "hidden file, not read (give it as an input to include it)"},
		{rel + "/.hidden", rel + "/.hidden", "hidden folder, not read (give it as an input to include it)"},
		{rel + "/a", rel + "/a.md", ""},
		{rel + "/b", rel + "/b", "symbolic link to a folder, not followed (give its target as an input to include it)"},
		{"b", rel + "/b.txt", ""},
		{"dangling", rel + "/dangling.txt", ""},
		{"linked", rel + "/linked.txt", ""},
		{rel + "/notes.csv", rel + "/notes.csv", skipOtherExt},
		{rel + "/sub/a", rel + "/sub/a.txt", ""},
	}
	if d := cmp.Diff(want, rows(src)); d != "" {
		t.Fatalf("FromPaths (-want +got):\n%s", d)
	}
	if b, err := src[7].Read(); err != nil || string(b) != "b" {
		t.Errorf("linked.txt reads %q, %v, want b.txt's text", b, err)
	}
	if _, err := src[6].Read(); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dangling.txt: err = %v, want a not-exist error", err)
	}
}

// TestFromPathsRootLink: a directory given through a symbolic link is
// walked, and its files are shown under the link's name.
func TestFromPathsRootLink(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"corpus/a.txt": "a", "corpus/sub/b.md": "b"})
	link := filepath.Join(dir, "link")
	symlink(t, filepath.Join(dir, "corpus"), link)
	src, err := FromPaths([]string{link})
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.ToSlash(link)
	want := []row{{"a", rel + "/a.txt", ""}, {"b", rel + "/sub/b.md", ""}}
	if d := cmp.Diff(want, rows(src)); d != "" {
		t.Errorf("FromPaths(link) (-want +got):\n%s", d)
	}
	if b, err := src[1].Read(); err != nil || string(b) != "b" {
		t.Errorf("link/sub/b.md reads %q, %v", b, err)
	}
}

// TestFromPathsNothingToRead: a directory counts only the files it will
// read, and says how many entries it skipped.
func TestFromPathsNothingToRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error after "input <dir>: "
	}{
		{"empty", map[string]string{}, "no .txt, .md, .html, .htm, .xhtml or .xml file in this directory"},
		{"no file to read", map[string]string{"notes.csv": "x"},
			"no .txt, .md, .html, .htm, .xhtml or .xml file in this directory to read (1 entry skipped, e.g. DIR/notes.csv: not a .txt, .md, .html, .htm, .xhtml or .xml file, not read (give it as an input to read it as plain text))"},
		{"only hidden", map[string]string{".a.txt": "x", ".git/b.txt": "y"},
			"no .txt, .md, .html, .htm, .xhtml or .xml file in this directory to read (2 entries skipped, e.g. DIR/.a.txt: hidden file, not read (give it as an input to include it))"},
		{"one hidden", map[string]string{".a.md": "x"},
			"no .txt, .md, .html, .htm, .xhtml or .xml file in this directory to read (1 entry skipped, e.g. DIR/.a.md: hidden file, not read (give it as an input to include it))"},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		writeTree(t, dir, tc.files)
		_, err := FromPaths([]string{dir})
		want := "input " + dir + ": " + strings.ReplaceAll(tc.want, "DIR", filepath.ToSlash(dir))
		if err == nil || err.Error() != want {
			t.Errorf("%s: FromPaths err = %v, want %s", tc.name, err, want)
		}
	}
}

// TestReadRegularRefusesNonRegular: the reader checks what it opened, so a
// text file swapped for something else after listing is refused.
func TestReadRegularRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	_, err := fileSource(dir, dir).Read()
	if err == nil || !strings.HasSuffix(err.Error(), "not a regular file (directory)") {
		t.Errorf("reading a directory: err = %v, want not a regular file (directory)", err)
	}
}

func TestFromFS(t *testing.T) {
	fsys := fstest.MapFS{"x.txt": {Data: []byte("x")}, "meta.csv": {Data: []byte("id")}}
	src, err := FromFS(fsys)
	if err != nil || len(src) != 1 || src[0].ID != "x" {
		t.Fatalf("FromFS = %v, %v", src, err)
	}
}

func TestMetaJoin(t *testing.T) {
	m, err := ReadMeta(strings.NewReader("id,author,stance\na,Ann,left\nc,Cy,right\n.x,Xi,none\n"), "meta.csv")
	if err != nil {
		t.Fatal(err)
	}
	src := []Source{{ID: "a", Path: "a.txt"}, {ID: "b", Path: "b.txt"}, {ID: ".x", Path: ".x.txt", Skip: skipHiddenFile}}
	meta, problems := m.Join(src)
	if meta[0]["author"] != "Ann" || meta[1] != nil || meta[2] != nil {
		t.Errorf("meta = %v", meta)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Path+": "+p.Err)
	}
	// The skipped .x.txt is no document: no "no metadata row" for it, and
	// its row matches nothing.
	want := []string{`b.txt: no metadata row with id "b"`, `c: metadata row id "c" matches no document`, `.x: metadata row id ".x" matches no document`}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	for _, bad := range []string{"author\nAnn\n", "id\na\na\n"} {
		if _, err := ReadMeta(strings.NewReader(bad), "bad.csv"); err == nil || !strings.Contains(err.Error(), "bad.csv") {
			t.Errorf("ReadMeta(%q): err = %v, want an error naming the file", bad, err)
		}
	}
}

// utf16Bytes encodes s as UTF-16 with the given byte order, with a
// byte-order mark when bom is set.
func utf16Bytes(s string, big, bom bool) []byte {
	var b []byte
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	for _, c := range u {
		if big {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

func TestReadMetaEncoding(t *testing.T) {
	const csv = "id,author\na,Anné\n"
	tests := []struct {
		name    string
		in      []byte
		wantErr string // "" for a table with a → Anné
	}{
		{"utf8", []byte(csv), ""},
		{"utf8 bom", append([]byte("\xEF\xBB\xBF"), csv...), ""},
		{"utf16le bom", utf16Bytes(csv, false, true), ""},
		{"utf16be bom", utf16Bytes(csv, true, true), ""},
		// "id,author\n" is 10 bytes, "a,Ann\n" 6, "b,Ren" 5: é is byte 21, on line 3.
		{"latin1", []byte("id,author\na,Ann\nb,Ren\xE9\n"),
			"metadata meta.csv: line 3: not UTF-8: invalid byte at offset 21 (convert it, e.g. iconv -f latin1 -t utf-8)"},
		// The offset is in the file: 3 bytes of BOM, "id\n", "R".
		{"utf8 bom then latin1", []byte("\xEF\xBB\xBFid\nR\xE9n\n"),
			"metadata meta.csv: line 2: not UTF-8: invalid byte at offset 7 (convert it, e.g. iconv -f latin1 -t utf-8)"},
		{"nul", []byte("id\n\x00\n"), "metadata meta.csv: line 2: binary file: NUL byte at offset 3"},
	}
	for _, tc := range tests {
		m, err := ReadMeta(strings.NewReader(string(tc.in)), "meta.csv")
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("ReadMeta(%s) err = %v, want %s", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ReadMeta(%s): %v", tc.name, err)
			continue
		}
		if m.Key != "id" || !cmp.Equal(m.Columns, []string{"author"}) || !cmp.Equal(m.Rows["a"], []string{"Anné"}) {
			t.Errorf("ReadMeta(%s) = key %q, columns %q, rows %q", tc.name, m.Key, m.Columns, m.Rows)
		}
	}
}
