package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// PartFormat names the format of the part files: a gzip stream (no name,
// no time) of gob values, one PartHeader then one PartRecord per source of
// the shard in listing order, then a PartRecord with Index −1 that closes
// the part. Every map is written as a sorted slice, so the same sources
// and settings give the same bytes, whatever the number of workers.
const PartFormat = "stylometer-part-3"

// PartHeader opens a part file: what it was made from and with.
type PartHeader struct {
	Format      string // PartFormat
	Tool        string // the program's version
	Profile     string // ProfileVersion
	Fingerprint string // of the profile-time settings: ProfileFingerprint
	Listing     string // ListingHash of the whole listing
	Documents   int    // sources in the whole listing
	Shard       int    // this part's shard, from 0
	Shards      int    // shards in all
}

// PartRecord is one source of a shard: its index in the listing, its id
// and path, and its profile or the reason it has none.
type PartRecord struct {
	Index   int
	ID      string
	Path    string
	Bytes   int
	SHA256  string
	Profile *DocProfile // nil for a failure
	Failure *Failure
}

// ShardRange is the slice [lo, hi) of a listing of n sources that shard i
// of shards holds: consecutive, in listing order, sizes differing by at
// most one.
func ShardRange(n, i, shards int) (lo, hi int) {
	return i * n / shards, (i + 1) * n / shards
}

// ListingHash is the SHA-256 of the listing: each source's id and path, in
// order. Parts and merge compare it to know they saw the same inputs.
func ListingHash(src []Source) string {
	h := sha256.New()
	for _, s := range src {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", s.ID, s.Path, s.Skip)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ProfileFingerprint names the settings that change a profile (text
// rules, features, targets, windows, sampling, rolling windows, slices,
// whether the language is detected)
// and ProfileVersion:
// the cache's key and the part files' check.
func ProfileFingerprint(o Options) string {
	return profileFingerprint(o.withDefaults())
}

// WritePart profiles shard i of shards of c's sources with o and writes
// the part file to path, atomically (a temporary file renamed): an
// interrupted shard leaves no part. tool is the program's version.
func WritePart(ctx context.Context, c Corpus, o Options, i, shards int, tool, path string) error {
	if shards < 1 || i < 0 || i >= shards {
		return optErr("shard", fmt.Sprintf("%d/%d", i, shards), "a shard i/N with 0 ≤ i < N")
	}
	o = o.withDefaults()
	lo, hi := ShardRange(len(c.Sources), i, shards)
	tg, po, err := profilePool(o, hi-lo)
	if err != nil {
		return err
	}
	recs, err := profileRecords(ctx, tg, c.Sources[lo:hi], lo, po)
	if err != nil {
		return err
	}
	h := PartHeader{Format: PartFormat, Tool: tool, Profile: ProfileVersion, Fingerprint: profileFingerprint(o),
		Listing: ListingHash(c.Sources), Documents: len(c.Sources), Shard: i, Shards: shards}
	return writeAtomic(path, func(w io.Writer) error { return encodePart(w, h, recs) })
}

// profileRecords profiles src (which starts at index base of the listing)
// into one record per source, in order.
func profileRecords(ctx context.Context, tg *Tagger, src []Source, base int, po PoolOptions) ([]PartRecord, error) {
	docs, fails, err := profileEach(ctx, tg, src, po)
	if err != nil {
		return nil, err
	}
	recs := make([]PartRecord, len(src))
	for k, s := range src {
		recs[k] = PartRecord{Index: base + k, ID: s.ID, Path: s.Path, Failure: fails[k]}
		if fails[k] == nil {
			d := docs[k]
			recs[k].Bytes, recs[k].SHA256, recs[k].Profile = d.Bytes, d.SHA256, d.Profile
		}
	}
	return recs, nil
}

func encodePart(w io.Writer, h PartHeader, recs []PartRecord) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	enc := gob.NewEncoder(zw)
	if err := enc.Encode(h); err != nil {
		return err
	}
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := enc.Encode(PartRecord{Index: -1}); err != nil {
		return err
	}
	return zw.Close()
}

// writeAtomic writes path through a temporary file in its folder, renamed
// into place once complete.
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes it 0600: parts are shared on a cluster
		f.Close()
		_ = os.Remove(f.Name())
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// PartError is a part file that cannot be merged: the file and why.
type PartError struct {
	File string
	Err  string
}

func (e *PartError) Error() string { return e.File + ": " + e.Err }

// readPart reads a whole part file.
func readPart(path string) (PartHeader, []PartRecord, error) {
	var h PartHeader
	bad := func(format string, a ...any) (PartHeader, []PartRecord, error) {
		return h, nil, &PartError{File: path, Err: fmt.Sprintf(format, a...)}
	}
	f, err := os.Open(path)
	if err != nil {
		return h, nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return bad("not a stylometer part file (%v)", err)
	}
	dec := gob.NewDecoder(zr)
	if err := dec.Decode(&h); err != nil || h.Format == "" {
		return bad("not a stylometer part file (%v)", err)
	}
	if h.Format != PartFormat {
		return bad("part format %q; this stylometer reads %q", h.Format, PartFormat)
	}
	var recs []PartRecord
	for {
		var r PartRecord
		if err := dec.Decode(&r); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return bad("truncated: the part ends after %d documents without its closing record", len(recs))
			}
			return bad("corrupt after %d documents: %v", len(recs), err)
		}
		if r.Index == -1 {
			break
		}
		recs = append(recs, r)
	}
	// The gzip trailer's checksum is read at the end of the stream.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return bad("corrupt: %v", err)
	}
	return h, recs, nil
}

// Merge reads the part files of every shard of c's listing made with o's
// profile-time settings and returns the profiles Profile would have
// returned for c and o, metadata joined. It refuses, with an error naming
// the file or the document, parts of another format, tool or profile
// version, listing or settings, parts of different shard counts, a shard
// given twice or missing (naming its first document), and a truncated or
// corrupt part.
func Merge(c Corpus, files []string, tool string, o Options) (*Profiles, error) {
	o = o.withDefaults()
	if err := c.check(o); err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("merge: no part files")
	}
	want := PartHeader{Format: PartFormat, Tool: tool, Profile: ProfileVersion, Fingerprint: profileFingerprint(o),
		Listing: ListingHash(c.Sources), Documents: len(c.Sources)}
	var shards int
	from := map[int]string{} // shard -> file
	recs := make([]*PartRecord, len(c.Sources))
	for _, path := range files {
		h, rs, err := readPart(path)
		if err != nil {
			return nil, err
		}
		bad := func(format string, a ...any) error { return &PartError{File: path, Err: fmt.Sprintf(format, a...)} }
		switch {
		case h.Tool != want.Tool:
			return nil, bad("made by stylometer %s; this is %s: profile again", h.Tool, want.Tool)
		case h.Profile != want.Profile:
			return nil, bad("profiles of version %s; this stylometer makes %s: profile again", h.Profile, want.Profile)
		case h.Fingerprint != want.Fingerprint:
			return nil, bad("profiled with other settings (text rules, features, targets, window, context, slice or sampling) than this merge's: give merge the options the shards had")
		case h.Documents != want.Documents || h.Listing != want.Listing:
			return nil, bad("made from another listing of the inputs (%d documents; these inputs list %d, or other files): give merge the inputs the shards had", h.Documents, want.Documents)
		case shards != 0 && h.Shards != shards:
			return nil, bad("shard %d of %d, but %s is a shard of %d", h.Shard, h.Shards, files[0], shards)
		case h.Shard < 0 || h.Shard >= h.Shards:
			return nil, bad("corrupt: shard %d of %d", h.Shard, h.Shards)
		}
		shards = h.Shards
		if other, dup := from[h.Shard]; dup {
			return nil, bad("shard %d of %d again: %s holds it too", h.Shard, shards, other)
		}
		from[h.Shard] = path
		lo, hi := ShardRange(len(c.Sources), h.Shard, h.Shards)
		if len(rs) != hi-lo {
			return nil, bad("corrupt: %d documents, shard %d of %d holds %d", len(rs), h.Shard, h.Shards, hi-lo)
		}
		for k := range rs {
			r := &rs[k]
			if r.Index != lo+k || r.Path != c.Sources[r.Index].Path || (r.Profile == nil) == (r.Failure == nil) {
				return nil, bad("corrupt: record %d", k)
			}
			recs[r.Index] = r
		}
	}
	for i := range shards {
		if _, ok := from[i]; !ok {
			lo, hi := ShardRange(len(c.Sources), i, shards)
			first := "no documents"
			if lo < hi {
				first = fmt.Sprintf("%d documents from %s", hi-lo, c.Sources[lo].Path)
			}
			return nil, fmt.Errorf("merge: shard %d of %d is missing (%s are in no part)", i, shards, first)
		}
	}
	p := &Profiles{}
	for _, r := range recs {
		if r.Failure != nil {
			p.Failures = append(p.Failures, *r.Failure)
			continue
		}
		p.Docs = append(p.Docs, Doc{ID: r.ID, Path: r.Path, Bytes: r.Bytes, SHA256: r.SHA256, Profile: r.Profile})
	}
	c.join(p, o)
	return p, nil
}

// PartName is the file name of shard i of shards: part-0003-of-0008.gz.
func PartName(i, shards int) string {
	return fmt.Sprintf("part-%04d-of-%04d.gz", i, shards)
}

// PartFiles lists the part files in dir (names from PartName), in name
// order.
func PartFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, "part-") && strings.HasSuffix(n, ".gz") && e.Type().IsRegular() {
			out = append(out, filepath.Join(dir, n))
		}
	}
	slices.Sort(out)
	return out, nil
}
