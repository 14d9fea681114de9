package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stylometer/stylometer/pipeline"
)

// TestProgressNamesEachStep: with --progress log, stderr has a line per
// step of the analysis as it begins, numbered, in order ("stylometer:
// analysis: distances (2/10)"), every step switched on here (a label,
// imposters, rolling, time); stdout has only the report's path; with
// --progress none stderr has no progress line.
func TestProgressNamesEachStep(t *testing.T) {
	args := []string{"--label", "stance", "--group-by", "stance", "--imposters", "5", "--rolling", "1000", "--time", "date"}
	stdout, stderr, err := cli(t, append([]string{"--out", filepath.Join(t.TempDir(), "out"), "--progress", "log"}, args...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var o pipeline.Options
	o.Label, o.Imposters, o.Rolling, o.Time = "stance", 5, 1000, "date"
	steps := o.AnalysisSteps()
	if len(steps) != 10 {
		t.Fatalf("AnalysisSteps() = %v: the test wants every step", steps)
	}
	var got []string
	for _, l := range strings.Split(stderr, "\n") {
		if name, ok := strings.CutPrefix(l, "stylometer: analysis: "); ok && !strings.Contains(name, "):") {
			got = append(got, name)
		}
	}
	var want []string
	for i, s := range steps {
		want = append(want, fmt.Sprintf("%s (%d/%d)", s, i+1, len(steps)))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("progress lines:\n%s\nwant\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
	if strings.Contains(stdout, "analysis:") || !strings.Contains(stdout, "report: ") {
		t.Errorf("stdout = %q, want the report's path only", stdout)
	}
	_, stderr, err = cli(t, append([]string{"--out", filepath.Join(t.TempDir(), "out"), "--progress", "none"}, args...)...)
	if err != nil || strings.Contains(stderr, "analysis:") || strings.Contains(stderr, "documents (") {
		t.Errorf("--progress none: %v, stderr:\n%s", err, stderr)
	}
}

// TestStepText: the text of a step, numbered, and with its count as the
// log's count lines and the bar show it.
func TestStepText(t *testing.T) {
	step := func(name, part, unit string, done, total, index int) pipeline.AnalysisStep {
		var s pipeline.AnalysisStep
		s.Name, s.Part, s.Unit, s.Done, s.Total, s.Index, s.Of = name, part, unit, done, total, index, 9
		return s
	}
	for _, c := range []struct {
		s     pipeline.AnalysisStep
		count bool
		want  string
	}{
		{step("distances", "", "matrices", 5, 12, 2), false, "distances (2/9)"},
		{step("distances", "", "matrices", 5, 12, 2), true, "distances (2/9): 5/12 matrices"},
		{step("distances", "delta", "k-NN tiles", 40, 136, 2), true, "distances (2/9): delta 40/136 k-NN tiles"},
		{step("svm", "10-fold", "folds", 0, 0, 4), true, "svm (4/9): 10-fold 0 folds"},
		{step("vocabulary", "", "", 0, 0, 1), true, "vocabulary (1/9)"},
		{step("extra", "", "", 0, 0, 0), false, "extra"},
	} {
		if got := stepText(c.s, c.count); got != c.want {
			t.Errorf("stepText(%+v, %v) = %q, want %q", c.s, c.count, got, c.want)
		}
	}
}
