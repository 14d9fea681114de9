package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Failure is an input that was skipped or a problem found on the way: the
// path, the stage and the reason. The stages are "skipped" (not read at
// all: Source.Skip), "read", "decode", "markup" (HTML or XML whose text
// could not be extracted, see Extract), "text" and "metadata".
type Failure struct {
	Path  string
	Stage string
	Err   string
}

// Doc is one analysed document.
type Doc struct {
	ID      string
	Path    string
	Bytes   int
	SHA256  string
	Meta    map[string]string // nil when the document has no metadata row
	Profile *DocProfile
	// words is where its words are, kept by Profile for QuoteTerms (see
	// wordIndex); nil if not kept. It is not part of what a Doc says:
	// compare Docs with cmpopts.IgnoreUnexported(Doc{}).
	words *wordIndex
}

// PoolOptions configure ProfileSources. The zero value uses GOMAXPROCS
// workers, no boilerplate rules and word counts only.
type PoolOptions struct {
	// Workers is the number of documents processed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Canon holds the boilerplate rules; nil removes nothing.
	Canon *Canon
	// Profile says what each profile counts.
	Profile ProfileOptions
	// Progress, when set, is called after each document with the number
	// done so far. It is called from the workers and must be safe for
	// concurrent use.
	Progress func(done int)
	// Cache, when set, holds profiles made with these options: a document
	// whose content it has is not tagged again.
	Cache *Cache
	// index, when set, keeps the places of the words of the documents
	// tagged while it lasts, for quoting (see wordIndex).
	index *indexBudget
}

// Profiles is the output of the map stage: the documents that were
// profiled, in input order, the inputs that failed, in input order, and
// the metadata columns (in file order) that Doc.Meta holds.
type Profiles struct {
	Docs     []Doc
	Failures []Failure
	Columns  []string
}

// ProfileSources reads, canonicalises, tokenises, tags and profiles every
// source in a pool of opt.Workers goroutines: the per-document (map) stage,
// for any subset of a corpus's sources. A document that fails becomes a Failure
// and the run goes on; a source with Skip set becomes a Failure with stage
// "skipped" and is never read. Only cancellation of ctx stops the run: the
// workers stop inside the document they are on (between lines, sentences
// or a few thousand tokens) and ProfileSources returns ctx's error. Results are
// stored by input index, so their order never depends on scheduling.
func ProfileSources(ctx context.Context, tagger *Tagger, src []Source, opt PoolOptions) (*Profiles, error) {
	docs, fails, err := profileEach(ctx, tagger, src, opt)
	if err != nil {
		return nil, err
	}
	res := &Profiles{}
	for i := range src {
		if fails[i] != nil {
			res.Failures = append(res.Failures, *fails[i])
		} else {
			res.Docs = append(res.Docs, docs[i])
		}
	}
	return res, nil
}

// profileEach is ProfileSources by source: each one's document or its
// failure.
func profileEach(ctx context.Context, tagger *Tagger, src []Source, opt PoolOptions) ([]Doc, []*Failure, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	docs := make([]Doc, len(src))
	fails := make([]*Failure, len(src))
	var done atomic.Int64

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, s := range src {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			d, f, err := process(gctx, tagger, s, opt)
			if err != nil {
				return err
			}
			if f != nil {
				fails[i] = f
			} else {
				docs[i] = d
			}
			if opt.Progress != nil {
				opt.Progress(int(done.Add(1)))
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return docs, fails, nil
}

// process turns one source into a Doc, or a Failure naming the stage. Its
// error is only ever ctx's, when ctx is done before the document is.
func process(ctx context.Context, tagger *Tagger, s Source, opt PoolOptions) (d Doc, f *Failure, err error) {
	if s.Skip != "" {
		return Doc{}, &Failure{Path: s.Path, Stage: "skipped", Err: s.Skip}, nil
	}
	defer func() {
		// A panic in a third-party model on strange input must not take
		// the whole run down: it is this document's failure.
		if r := recover(); r != nil {
			d, f, err = Doc{}, &Failure{Path: s.Path, Stage: "text", Err: fmt.Sprintf("internal error: %v", r)}, nil
		}
	}()
	var b []byte
	if s.Open != nil {
		var done bool
		if d, f, done, b, err = processFile(ctx, tagger, s, opt); done {
			return d, f, err
		}
	} else {
		b, err = s.Read()
	}
	if err != nil {
		return Doc{}, &Failure{Path: s.Path, Stage: "read", Err: err.Error()}, nil
	}
	if err := ctx.Err(); err != nil {
		return Doc{}, nil, err
	}
	sha := sha256Hex(b)
	if opt.Cache != nil {
		if p := opt.Cache.get(sha, s.Markup); p != nil {
			return Doc{ID: s.ID, Path: s.Path, Bytes: len(b), SHA256: sha, Profile: p}, nil, nil
		}
	}
	text, err := Decode(b)
	if err != nil {
		return Doc{}, &Failure{Path: s.Path, Stage: "decode", Err: err.Error()}, nil
	}
	if len(b) == 0 {
		return Doc{}, &Failure{Path: s.Path, Stage: "read", Err: "empty file"}, nil
	}
	if text, err = Extract(s.Markup, text); err != nil {
		return Doc{}, &Failure{Path: s.Path, Stage: "markup", Err: err.Error()}, nil
	}
	toks, sents, boiler, err := tagger.tokens(ctx, opt.Canon, text, true, nil, tagger.tokenBuffer())
	if err != nil {
		return Doc{}, nil, err
	}
	popt := opt.Profile
	popt.Canon = opt.Canon
	var p *DocProfile
	var ix *wordIndex
	if opt.index != nil && opt.index.left.Load() > 0 && quotable(len(b), s.Markup) && len(text) <= math.MaxUint32 {
		p, ix, err = buildIndexed(ctx, text, toks, sents, popt)
		if ix != nil && opt.index.take(len(ix.term)) {
			ix.fingerprint = opt.index.fingerprint
		} else {
			ix = nil
		}
	} else {
		p, err = BuildContext(ctx, text, toks, sents, popt)
	}
	if err != nil {
		return Doc{}, nil, err
	}
	tagger.putTokens(toks) // the profile and the index hold none of them
	p.Boilerplate = boiler
	if p.Words == 0 {
		return Doc{}, &Failure{Path: s.Path, Stage: "text", Err: ErrEmpty.Error()}, nil
	}
	if opt.Cache != nil {
		opt.Cache.put(sha, s.Markup, p)
	}
	return Doc{ID: s.ID, Path: s.Path, Bytes: len(b), SHA256: sha, Profile: p, words: ix}, nil, nil
}

// processFile opens a file source once: a file larger than StreamBytes is
// profiled in parts (done), any other is read whole into b for process,
// as is a large file in UTF-16 or in markup; err is an error reading it.
func processFile(ctx context.Context, tagger *Tagger, s Source, opt PoolOptions) (d Doc, f *Failure, done bool, b []byte, err error) {
	fail := func(stage string, err error) (Doc, *Failure, bool, []byte, error) {
		return Doc{}, &Failure{Path: s.Path, Stage: stage, Err: err.Error()}, true, nil, nil
	}
	file, err := s.Open()
	if err != nil {
		return fail("read", err)
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return fail("read", err)
	}
	if info.Size() <= StreamBytes || s.Markup != "" {
		b, err = readAll(file, info.Size())
		return Doc{}, nil, false, b, err
	}
	sha, err := hashFile(file)
	if err != nil {
		return fail("read", err)
	}
	size := int(info.Size())
	if opt.Cache != nil {
		if p := opt.Cache.get(sha, s.Markup); p != nil {
			return Doc{ID: s.ID, Path: s.Path, Bytes: size, SHA256: sha, Profile: p}, nil, true, nil, nil
		}
	}
	popt := opt.Profile
	popt.Canon = opt.Canon
	p, err := streamFile(ctx, tagger, file, opt.Canon, popt, PartBytes)
	var de *decodeError
	switch {
	case errors.Is(err, errUTF16):
		if _, err := file.Seek(0, io.SeekStart); err != nil {
			return fail("read", err)
		}
		b, err = readAll(file, info.Size())
		return Doc{}, nil, false, b, err
	case errors.As(err, &de):
		return fail("decode", err)
	case err != nil && ctx.Err() != nil:
		return Doc{}, nil, true, nil, ctx.Err()
	case err != nil:
		return fail("read", err)
	case p.Words == 0:
		return fail("text", ErrEmpty)
	}
	if opt.Cache != nil {
		opt.Cache.put(sha, s.Markup, p)
	}
	return Doc{ID: s.ID, Path: s.Path, Bytes: size, SHA256: sha, Profile: p}, nil, true, nil, nil
}

// sha256Hex is b's SHA-256 in hexadecimal: a document's content key.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
