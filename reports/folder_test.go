package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name -> content under dir, making folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mustExist fails unless every path exists with the content it had.
func mustExist(t *testing.T, files map[string]string) {
	t.Helper()
	for p, want := range files {
		b, err := os.ReadFile(p)
		if err != nil || string(b) != want {
			t.Errorf("%s was lost or changed: %q, %v", p, b, err)
		}
	}
}

// TestRecoverStoppedSwap: a run stopped between the swap's two renames
// leaves the previous output as .<out>.stylometer-old and no <out>; one
// killed while writing leaves .<out>.stylometer-tmp-*. The next run
// restores or removes them and says so; a temporary folder whose run is
// alive (its lock held) is left alone.
func TestRecoverStoppedSwap(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	_, tmpPrefix, old := siblings(out)
	prev := map[string]string{
		filepath.Join(old, "manifest.json"): `{"tool": "stylometer"}`,
		filepath.Join(old, "terms.csv"):     "doc_id,term\n",
	}
	for p, data := range prev {
		writeFiles(t, filepath.Dir(p), map[string]string{filepath.Base(p): data})
	}
	stale := filepath.Join(parent, tmpPrefix+"123")
	live := filepath.Join(parent, tmpPrefix+"456")
	writeFiles(t, stale, map[string]string{"terms.csv": "half a file"})
	writeFiles(t, live, map[string]string{"terms.csv": "being written"})
	unlock, err := lockDir(live, false)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()

	var notes []string
	if err := RecoverFolder(out, func(s string) { notes = append(notes, s) }); err != nil {
		t.Fatal(err)
	}
	// The previous output is back under its name, the stale folder gone,
	// the live one kept.
	mustExist(t, map[string]string{
		filepath.Join(out, "manifest.json"): `{"tool": "stylometer"}`,
		filepath.Join(out, "terms.csv"):     "doc_id,term\n",
	})
	for _, gone := range []string{old, stale} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s is still there", gone)
		}
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the live run's folder %s was removed", live)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"restored the previous output", "removed " + stale} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}

	// Stopped after the second rename: both exist; the old one is removed.
	writeFiles(t, old, map[string]string{"manifest.json": `{"tool": "stylometer"}`})
	notes = nil
	if err := RecoverFolder(out, func(s string) { notes = append(notes, s) }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil || len(notes) != 1 || !strings.Contains(notes[0], "removed "+old) {
		t.Errorf("after a completed swap: %s still there or notes %q", old, notes)
	}

}
