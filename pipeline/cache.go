package pipeline

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// ProfileVersion names the way profiles are computed. It is part of every
// cache key: change it with any change to extracting text from markup
// (Extract), tokenising, tagging, counting or detecting the language, and
// older cached profiles are no longer used.
const ProfileVersion = "stylometer-profile-5"

// Cache stores per-document profiles on disk, keyed by the document's
// content hash and a fingerprint of every setting that changes a profile
// (text rules, features, targets, windows, sampling, rolling windows,
// slices, whether the language is detected) and
// ProfileVersion. A run that changes only analysis settings (MFW,
// measures, groups, prior) reads and hashes each file but skips decoding,
// tagging and counting. Entries are written atomically (a temporary file
// renamed), so a killed run never leaves a torn entry; an entry that does
// not decode is recomputed and replaced. A Cache is safe for concurrent
// use by the workers.
type Cache struct {
	dir         string
	fingerprint string
	hits        atomic.Int64
}

// NewCache returns the cache in dir for profiles made with o.
func NewCache(dir string, o Options) *Cache {
	return &Cache{dir: dir, fingerprint: ProfileFingerprint(o)}
}

// profileFingerprint is ProfileFingerprint of o with its defaults.
func profileFingerprint(o Options) string {
	key, _ := json.Marshal(struct {
		Version                   string
		Text                      TextConfig
		Features                  []string
		Targets                   []TargetSpec
		Window, Context, Slice    int
		SampleSize, SampleOverlap int
		Rolling, RollingStep      int
		DetectLanguage            bool
	}{ProfileVersion, o.Text, featureNames(o.Features), o.Targets, o.Window, o.Context, o.Slice, o.SampleSize, o.SampleOverlap,
		o.Rolling, o.RollingStep, o.detects()})
	sum := sha256.Sum256(key)
	return hex.EncodeToString(sum[:8])
}

// Hits is the number of profiles read from the cache so far.
func (c *Cache) Hits() int { return int(c.hits.Load()) }

// path is the entry of the content with SHA-256 sha read as markup
// (Source.Markup): the same bytes read as plain text and as HTML are two
// documents.
func (c *Cache) path(sha, markup string) string {
	name := sha
	if markup != "" {
		name += "." + markup
	}
	return filepath.Join(c.dir, c.fingerprint, sha[:2], name+".prof.gz")
}

// get returns the cached profile of the content with SHA-256 sha read as
// markup, or nil.
func (c *Cache) get(sha, markup string) *DocProfile {
	b, err := os.ReadFile(c.path(sha, markup))
	if err != nil {
		return nil
	}
	zr, _ := gzipReaders.Get().(*gzip.Reader)
	if zr == nil {
		zr, err = gzip.NewReader(bytes.NewReader(b))
	} else {
		err = zr.Reset(bytes.NewReader(b))
	}
	if err != nil {
		return nil
	}
	defer gzipReaders.Put(zr)
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil
	}
	var p DocProfile
	if err := p.UnmarshalBinary(raw); err != nil {
		return nil
	}
	c.hits.Add(1)
	return &p
}

// put stores p for the content with SHA-256 sha read as markup: the
// profile's encoding, gzipped. A failure to store is not an error of the
// run: the cache only saves time.
func (c *Cache) put(sha, markup string, p *DocProfile) {
	path := c.path(sha, markup)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	raw, _ := p.MarshalBinary()
	_ = writeAtomic(path, func(w io.Writer) error {
		zw, _ := gzipWriters.Get().(*gzip.Writer)
		if zw == nil {
			zw, _ = gzip.NewWriterLevel(w, gzip.BestSpeed)
		} else {
			zw.Reset(w)
		}
		defer gzipWriters.Put(zw)
		if _, err := zw.Write(raw); err != nil {
			return err
		}
		return zw.Close()
	})
}

// The workers' gzip readers and writers, reused: a new gzip writer
// allocates over a megabyte, more than the profile it compresses.
var gzipReaders, gzipWriters sync.Pool
