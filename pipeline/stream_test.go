package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stylometer/stylometer/seeds"
)

// TestStreamEqualsWhole: a document profiled in parts of a few hundred
// bytes (hundreds of part boundaries in each seed) has the profile of the
// whole text: counts, sentences, n-grams of every kind (stylo's across
// parts), samples with overlap, rolling windows, Zeta slices, diversity, readability,
// targets and boilerplate with repeated lines. Only the keyword-in-context
// lines' left and right context may differ (not across a part boundary).
func TestStreamEqualsWhole(t *testing.T) {
	tg := newTestTagger(t)
	canon, err := NewCanon([]string{`^Source:.*$`})
	if err != nil {
		t.Fatal(err)
	}
	canon.DropRepeated = true
	var features []Feature
	for _, f := range []string{"word:2", "char:3", "pos:2", "stylo:3", "fw:1"} {
		ft, err := ParseFeature(f)
		if err != nil {
			t.Fatal(err)
		}
		features = append(features, ft)
	}
	opt := ProfileOptions{Features: features, SampleSize: 300, SampleOverlap: 120, SliceSize: 250, Canon: canon, Rolling: 280, RollingStep: 45,
		Targets: []Target{NewTarget("lenin"), NewTarget("working class", "working class", "workers")}}
	entries, err := fs.Glob(seeds.FS(), "*.txt")
	if err != nil || len(entries) == 0 {
		t.Fatalf("seeds: %v, %v", entries, err)
	}
	for _, name := range entries {
		b, _ := fs.ReadFile(seeds.FS(), name)
		// A boilerplate line and a line repeated across what will be a
		// part boundary, so the carried state is exercised.
		text := "Source: somewhere\n" + strings.Replace(string(b), "\n", "\nA caption.\nA caption.\n", 3)
		toks, sents, removed := tg.Tokens(canon, text)
		whole := Build(text, toks, sents, opt)
		whole.Boilerplate = removed
		for _, part := range []int{300, 5000} {
			got, err := streamFile(context.Background(), tg, strings.NewReader(text), canon, opt, part)
			if err != nil {
				t.Fatalf("%s, parts of %d: %v", name, part, err)
			}
			ignoreContext := cmpopts.IgnoreFields(KWIC{}, "Left", "Right")
			if d := cmp.Diff(whole, got, ignoreContext, cmpopts.EquateNaNs()); d != "" {
				t.Errorf("%s, parts of %d bytes (-whole +parts):\n%s", name, part, d)
			}
			if len(whole.Samples) < 2 || len(whole.Windows) < 2 || whole.Slices < 2 || whole.Boilerplate < 2 || whole.Targets[0].Count == 0 {
				t.Fatalf("%s: the test exercises nothing: %d samples, %d windows, %d slices, %d boilerplate lines, %d targets", name, len(whole.Samples), len(whole.Windows), whole.Slices, whole.Boilerplate, whole.Targets[0].Count)
			}
		}
	}
}

// TestStreamDecodeErrors: a streamed file's decoding problems name the
// byte offset in the file, past the first part; UTF-16 goes back to the
// whole-file decoder.
func TestStreamDecodeErrors(t *testing.T) {
	tg := newTestTagger(t)
	line := strings.Repeat("word ", 19) + "word\n" // 100 bytes
	for _, tc := range []struct {
		name, text string
		want       string
	}{
		{"nul", strings.Repeat(line, 10) + "ab\x00", "binary file: NUL byte at offset 1002"},
		{"latin1", "\xef\xbb\xbf" + strings.Repeat(line, 10) + "caf\xe9\n", "not UTF-8: invalid byte at offset 1006"},
	} {
		_, err := streamFile(context.Background(), tg, strings.NewReader(tc.text), nil, ProfileOptions{}, 150)
		var de *decodeError
		if !errors.As(err, &de) || err.Error() != tc.want+" (convert it, e.g. iconv -f latin1 -t utf-8)" && err.Error() != tc.want {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
		if _, whole := Decode([]byte(tc.text)); whole == nil || !strings.HasPrefix(whole.Error(), tc.want) {
			t.Errorf("%s: Decode says %v, the stream %v", tc.name, whole, err)
		}
	}
	if _, err := streamFile(context.Background(), tg, strings.NewReader("\xff\xfeh\x00i\x00"), nil, ProfileOptions{}, 150); !errors.Is(err, errUTF16) {
		t.Errorf("UTF-16: %v, want errUTF16", err)
	}
}

// TestProcessLargeFile: a file past StreamBytes goes through the parts
// path and gives the whole-text profile (a sparse file keeps the test
// small on disk: its NUL bytes are then a decode failure naming the
// offset, which also shows the streamed path ran).
func TestProcessLargeFile(t *testing.T) {
	tg := newTestTagger(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "big.txt")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("The party led the workers.\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(StreamBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	src, err := FromPaths([]string{name})
	if err != nil {
		t.Fatal(err)
	}
	_, fail, done, _, err := processFile(context.Background(), tg, src[0], PoolOptions{})
	if err != nil || !done || fail == nil || fail.Stage != "decode" || fail.Err != "binary file: NUL byte at offset 27" {
		t.Errorf("processFile = %+v, done %v, %v; want a decode failure at offset 27", fail, done, err)
	}
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("The party led the workers.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ = FromPaths([]string{small})
	if _, _, done, _, _ := processFile(context.Background(), tg, src[0], PoolOptions{}); done {
		t.Error("a small file went through the parts path")
	}
}

// TestStreamRepeatedLineAcrossParts: with DropRepeated, a line that
// repeats the last line of the previous part is blanked as in the whole
// text (the parts here end exactly between the two).
func TestStreamRepeatedLineAcrossParts(t *testing.T) {
	tg := newTestTagger(t)
	canon, _ := NewCanon(nil)
	canon.DropRepeated = true
	first := "The party led the workers.\nA photo caption.\n"
	text := first + "A photo caption.\nThe workers won.\n"
	toks, sents, removed := tg.Tokens(canon, text)
	whole := Build(text, toks, sents, ProfileOptions{Canon: canon})
	whole.Boilerplate = removed
	got, err := streamFile(context.Background(), tg, strings.NewReader(text), canon, ProfileOptions{Canon: canon}, len(first))
	if err != nil {
		t.Fatal(err)
	}
	if removed != 1 || got.Terms.Get("caption") != 1 || got.Boilerplate != 1 {
		t.Errorf("whole: %d lines blanked; parts: %d, caption counted %d times; want 1 and 1", removed, got.Boilerplate, got.Terms.Get("caption"))
	}
	if d := cmp.Diff(whole, got, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("(-whole +parts):\n%s", d)
	}
}

// TestStreamLongLines: lines longer than the reader's 64 KiB buffer and
// than a part, of two-byte characters, are never cut: the streamed profile
// is the whole text's and no character is split into a false decode error.
func TestStreamLongLines(t *testing.T) {
	tg := newTestTagger(t)
	text := strings.Repeat("café noir. ", 9000) + "\n" + strings.Repeat("abcdef ", 30000) + "\nThe end.\n"
	toks, sents, _ := tg.Tokens(nil, text)
	whole := Build(text, toks, sents, ProfileOptions{})
	got, err := streamFile(context.Background(), tg, strings.NewReader(text), nil, ProfileOptions{}, 300)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(whole, got, cmpopts.EquateNaNs()); d != "" {
		t.Errorf("(-whole +parts):\n%s", d)
	}
}
