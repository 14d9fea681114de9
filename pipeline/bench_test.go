package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"

	"github.com/stylometer/stylometer/seeds"
)

func seedTexts(b testing.TB) []string {
	b.Helper()
	var out []string
	err := fs.WalkDir(seeds.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || len(p) < 4 || p[len(p)-4:] != ".txt" {
			return err
		}
		t, err := fs.ReadFile(seeds.FS(), p)
		out = append(out, string(t))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkTokens: segment, tokenise and tag documents of 10 and 100 kB.
func BenchmarkTokens(b *testing.B) {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{10_000, 100_000} {
		text := Synthesize(seedTexts(b), 1, size, 1)[0]
		b.Run(fmt.Sprintf("%dkB", size/1000), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				tg.Tokens(nil, text)
			}
		})
	}
}

// BenchmarkBuild: turn tagged tokens into a profile, with the seeds'
// targets and samples.
func BenchmarkBuild(b *testing.B) {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	text := Synthesize(seedTexts(b), 1, 100_000, 1)[0]
	toks, sents, _ := tg.Tokens(nil, text)
	opt := ProfileOptions{Targets: []Target{NewTarget("lenin"), NewTarget("working class", "working class", "working-class")}, SampleSize: 1000}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Build(text, toks, sents, opt)
	}
}

// benchCorpus is BenchmarkRun's corpus, 40 documents of 40 kB synthesized
// from the seeds, and its number of tokens as Tokens counts them.
func benchCorpus(b *testing.B, tg *Tagger) (docs []string, bytes, tokens int) {
	b.Helper()
	docs = Synthesize(seedTexts(b), 40, 40_000, 1)
	for _, d := range docs {
		toks, _, _ := tg.Tokens(nil, d)
		bytes += len(d)
		tokens += len(toks)
	}
	return docs, bytes, tokens
}

// reportTokens reports tokens per second and per op.
func reportTokens(b *testing.B, tokens int) {
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens), "tokens/op")
}

// BenchmarkRun: the whole pool (the per-document stage: read, decode,
// canonicalise, segment, tokenise, tag, count) on 40 documents of 40 kB at
// 1 and 2 workers; compare the two, and BenchmarkProseDocument, in the
// same run.
func BenchmarkRun(b *testing.B) {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	docs, total, tokens := benchCorpus(b, tg)
	src := make([]Source, len(docs))
	for i, d := range docs {
		src[i] = memSource(fmt.Sprint(i), d)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(total))
			for b.Loop() {
				if _, err := ProfileSources(context.Background(), tg, src, PoolOptions{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			reportTokens(b, tokens)
		})
	}
}

// BenchmarkProseDocument: prose v3 as a library on the documents of
// BenchmarkRun (prose.NewDocument: segment, tokenise and tag the whole
// text, no entity extraction), one document at a time: the peer of
// BenchmarkRun/workers=1.
func BenchmarkProseDocument(b *testing.B) {
	tg, err := NewTagger()
	if err != nil {
		b.Fatal(err)
	}
	docs, total, tokens := benchCorpus(b, tg)
	b.ReportAllocs()
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, d := range docs {
			if _, err := prose.NewDocument(d, prose.WithExtraction(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, tokens)
}

// benchSentences are the sentences of 1 MB of synthesized documents,
// tokenised as TokensContext does, untagged.
var benchSentences = sync.OnceValues(func() ([][]tag.Token, error) {
	texts, err := SeedTexts()
	if err != nil {
		return nil, err
	}
	tg, err := NewTagger()
	if err != nil {
		return nil, err
	}
	rec := &sentenceRecorder{}
	tg.tag = rec
	for _, doc := range Synthesize(texts, 4, 250_000, 1) {
		tg.Tokens(nil, doc)
	}
	return rec.sents, nil
})

type sentenceRecorder struct{ sents [][]tag.Token }

func (r *sentenceRecorder) TagTokens(forms []tag.Token) {
	r.sents = append(r.sents, slices.Clone(forms))
}

func benchmarkTag(b *testing.B, tagger interface{ TagTokens([]tag.Token) }) {
	sents, err := benchSentences()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			tagger.TagTokens(s)
		}
		n++
	}
	b.ReportMetric(float64(n*tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens), "tokens/op")
}

// BenchmarkTagProse: prose v3's tagger over the sentences of 1 MB of
// synthesized documents.
func BenchmarkTagProse(b *testing.B) { benchmarkTag(b, newProseTagger(b)) }

// BenchmarkTagFast: ours over the same sentences.
func BenchmarkTagFast(b *testing.B) { benchmarkTag(b, newPerceptron(b)) }

// BenchmarkPerceptronLoad: read and intern prose's English model, which a
// process does once.
func BenchmarkPerceptronLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parsePerceptron(aptagmodel.English); err != nil {
			b.Fatal(err)
		}
	}
}

// benchLines are the non-blank lines of 1 MB of synthesized documents.
func benchLines(b *testing.B) []string {
	texts, err := SeedTexts()
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, doc := range Synthesize(texts, 4, 250_000, 1) {
		for start, end := range lines(doc) {
			if strings.TrimSpace(doc[start:end]) != "" {
				out = append(out, doc[start:end])
			}
		}
	}
	return out
}

// BenchmarkSegmentProse: prose v3's segmenter on the lines of 1 MB of
// synthesized documents.
func BenchmarkSegmentProse(b *testing.B) {
	seg, ls := newProseSegmenter(b), benchLines(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range ls {
			seg.Segment(l)
		}
	}
}

// BenchmarkSegmentFast: ours on the same lines.
func BenchmarkSegmentFast(b *testing.B) {
	p, ls := newPunkt(b), benchLines(b)
	var s punktScratch
	var dst []Span
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range ls {
			dst = p.segment(&s, dst[:0], l)
		}
	}
}

// BenchmarkTokenizeProse: prose v3's tokenizer (tokenize.New().Tokenize)
// on the sentences of 1 MB of synthesized documents (as TokensContext
// hands them to it), and on the documents whole.
func BenchmarkTokenizeProse(b *testing.B) {
	tok := newProseTokenizer()
	for _, s := range benchTokenizeTexts(b) {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range s.texts {
					tok.Tokenize(t)
				}
			}
			reportTokens(b, s.tokens)
		})
	}
}

// BenchmarkTokenizeFast: ours on the same texts, into a reused buffer.
func BenchmarkTokenizeFast(b *testing.B) {
	tok := newTokenizer(proseTokenRules())
	buf := tok.appendTokens(nil, "")
	for _, s := range benchTokenizeTexts(b) {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range s.texts {
					buf = tok.appendTokens(buf[:0], t)
				}
			}
			reportTokens(b, s.tokens)
		})
	}
}
