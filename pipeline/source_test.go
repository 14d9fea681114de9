package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestFromPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.txt", "b")
	write("a.md", "a")
	write("notes.csv", "skip")
	write("sub/a.txt", "another a")
	write(".hidden/x.txt", "skip")
	src, err := FromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range src {
		got = append(got, s.ID)
	}
	// Two files named "a": both keep their path as id.
	rel := filepath.ToSlash(dir)
	want := []string{rel + "/a", "b", rel + "/sub/a"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ids (-want +got):\n%s", d)
	}
	if _, err := FromPaths([]string{filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing path: err = %v, want an error naming it", err)
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
	m, err := ReadMeta(strings.NewReader("id,author,stance\na,Ann,left\nc,Cy,right\n"), "meta.csv")
	if err != nil {
		t.Fatal(err)
	}
	src := []Source{{ID: "a", Path: "a.txt"}, {ID: "b", Path: "b.txt"}}
	meta, problems := m.Join(src)
	if meta[0]["author"] != "Ann" || meta[1] != nil {
		t.Errorf("meta = %v", meta)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Path+": "+p.Err)
	}
	want := []string{`b.txt: no metadata row with id "b"`, `c: metadata row id "c" matches no document`}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
	for _, bad := range []string{"author\nAnn\n", "id\na\na\n"} {
		if _, err := ReadMeta(strings.NewReader(bad), "bad.csv"); err == nil || !strings.Contains(err.Error(), "bad.csv") {
			t.Errorf("ReadMeta(%q): err = %v, want an error naming the file", bad, err)
		}
	}
}
