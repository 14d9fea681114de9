package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// StreamBytes is the file size past which a document is read, tagged and
// profiled a part at a time: parts of about PartBytes that end at a line
// end, so that memory follows the part (or the longest line, which is
// never cut) and the document's vocabulary, not its length. A streamed document's profile is the one the whole text
// gives (sentences never cross a line; n-grams of stylo's words, samples
// and Zeta slices carry across parts), except that a keyword-in-context
// line does not reach across a part boundary. A file in UTF-16 is read
// whole.
const (
	StreamBytes = 32 << 20
	PartBytes   = 4 << 20
)

// errUTF16 says that a streamed file is UTF-16, which is decoded whole.
var errUTF16 = errors.New("UTF-16 file")

// streamFile profiles the file f (already hashed, at offset 0) in parts
// of about part bytes. A decoding problem is a *decodeError naming the
// byte offset in the file.
func streamFile(ctx context.Context, tagger *Tagger, f io.Reader, canon *Canon, opt ProfileOptions, part int) (*DocProfile, error) {
	st := newStopper(ctx)
	b := newBuilder(opt)
	r := bufio.NewReaderSize(f, 64<<10)
	var buf []byte
	var prev string // the last non-blank line so far
	boilerplate, base, fileOffset := 0, 0, 0
	for first := true; ; first = false {
		buf = buf[:0]
		var rerr error
		// Whole lines until the part is full: a line longer than the
		// reader's buffer comes in pieces (ErrBufferFull), and a part
		// never ends inside one, so a line longer than a part is read
		// whole.
		for inLine := false; (len(buf) < part || inLine) && rerr == nil; {
			var line []byte
			line, rerr = r.ReadSlice('\n')
			inLine = errors.Is(rerr, bufio.ErrBufferFull)
			if inLine {
				rerr = nil
			}
			buf = append(buf, line...)
		}
		if rerr != nil && rerr != io.EOF {
			return nil, rerr
		}
		if len(buf) == 0 {
			break
		}
		chunk := buf
		if first {
			if isUTF16(chunk) {
				return nil, errUTF16
			}
			if bytes.HasPrefix(chunk, []byte{0xEF, 0xBB, 0xBF}) {
				chunk, fileOffset = chunk[3:], 3
			}
		}
		if i := bytes.IndexByte(chunk, 0); i >= 0 {
			at := fileOffset + i
			return nil, &decodeError{Offset: at, msg: fmt.Sprintf("binary file: NUL byte at offset %d", at)}
		}
		if !utf8.Valid(chunk) {
			// A part ends at a line end or at the end of the file, so a
			// character cut in two is invalid in the file too.
			at := fileOffset + invalidAt(chunk)
			return nil, &decodeError{Offset: at, msg: fmt.Sprintf("not UTF-8: invalid byte at offset %d (convert it, e.g. iconv -f latin1 -t utf-8)", at)}
		}
		text := string(chunk)
		c := &Canon{}
		if canon != nil {
			cc := *canon
			c = &cc
		}
		c.prev = prev
		toks, sents, removed, err := tagger.TokensContext(ctx, c, text)
		if err != nil {
			return nil, err
		}
		boilerplate += removed
		b.add(text, base, toks, sents, c, st)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if l := lastLine(text); l != "" {
			prev = l
		}
		base += len(text)
		fileOffset += len(chunk)
		if rerr == io.EOF {
			break
		}
	}
	p := b.finish(st)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.Boilerplate = boilerplate
	return p, nil
}

// lastLine is the last non-blank line of text as Canon.clean compares
// lines (without its carriage return), or "".
func lastLine(text string) string {
	for text != "" {
		i := strings.LastIndexByte(text, '\n')
		line := strings.TrimSuffix(text[i+1:], "\r")
		if strings.TrimSpace(line) != "" {
			return line
		}
		if i < 0 {
			break
		}
		text = text[:i]
	}
	return ""
}

// hashFile returns the SHA-256 of f's content, read from where f is, and
// rewinds f.
func hashFile(f *os.File) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
