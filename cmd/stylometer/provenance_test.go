package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/reports"
)

// TestVersionAndHelp: --version and --help answer on stdout, nothing on
// stderr; a misspelt flag is refused with the flag it resembles.
func TestVersionAndHelp(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"--help"}, {"run", "--help"}} {
		var stdout, stderr bytes.Buffer
		cmd := newRootCmd(&stdout, &stderr)
		cmd.SetArgs(args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if stdout.Len() == 0 || stderr.Len() != 0 {
			t.Errorf("%v: %d bytes on stdout, stderr %q", args, stdout.Len(), stderr.String())
		}
		if args[0] == "--version" && !strings.HasPrefix(stdout.String(), "stylometer "+version) {
			t.Errorf("--version = %q", stdout.String())
		}
	}
	for flag, want := range map[string]string{"--lable": "--label", "--grop-by": "--group-by", "--measurs": "--measures"} {
		var stdout, stderr bytes.Buffer
		cmd := newRootCmd(&stdout, &stderr)
		cmd.SetArgs([]string{flag, "x"})
		err := cmd.Execute()
		if err == nil || !strings.Contains(err.Error(), "did you mean "+want+"?") {
			t.Errorf("%s: %v, want a suggestion of %s", flag, err, want)
		}
	}
}

// TestManifestProvenance: the manifest names the inputs relative to the
// corpus folder (no analyst's home folder), hashes the metadata file by
// its name, records the libraries' versions and the platform.
func TestManifestProvenance(t *testing.T) {
	corpus, meta := datedCorpus(t)
	out := seedsRun(t, "run", "--meta", meta, corpus)
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m reports.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if p := m.Inputs[0].Path; p != "corpus/doc00.txt" {
		t.Errorf("first input path %q, want corpus/doc00.txt", p)
	}
	if bytes.Contains(b, []byte(filepath.Dir(corpus))) {
		t.Errorf("the manifest holds the corpus's absolute folder %s", filepath.Dir(corpus))
	}
	raw, _ := os.ReadFile(meta)
	sum := sha256.Sum256(raw)
	if len(m.Settings) != 1 || m.Settings[0].Role != "metadata" || m.Settings[0].File != "meta.csv" || m.Settings[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("settings files %+v, want meta.csv with its SHA-256", m.Settings)
	}
	if m.Modules["gonum.org/v1/gonum"] == "" || m.Modules["github.com/jdkato/prose/v3"] == "" {
		t.Errorf("modules %v, want gonum's and prose's versions", m.Modules)
	}
	if m.Runtime.OS == "" || m.Runtime.Arch == "" {
		t.Errorf("runtime %+v lacks the platform", m.Runtime)
	}
}
