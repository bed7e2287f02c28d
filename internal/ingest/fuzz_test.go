package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// fuzzTimeout bounds one call of FromBytes in FuzzFromBytes: inputs of a
// few KiB take milliseconds, so a call this long is a hang.
const fuzzTimeout = 10 * time.Second

// FuzzFromBytes: no input makes FromBytes panic; an error is one of the
// sentinels, on one line; a Doc has non-empty, valid UTF-8 text without
// NUL bytes, blank-line runs or untrimmed lines. Seeds are in
// testdata/fuzz/FuzzFromBytes (plain text, HTML, UTF-16, Latin-1, garbage).
func FuzzFromBytes(f *testing.F) {
	f.Add([]byte("A short article.\nNo comments:\nPost a Comment"))
	f.Add([]byte("<p>Fragment</p>"))
	sentinels := []error{news.ErrEmpty, news.ErrTooLarge, news.ErrBinary, news.ErrInvalidEncoding, news.ErrNoText}
	f.Fuzz(func(t *testing.T, data []byte) {
		type result struct {
			doc *news.Doc
			err error
		}
		done := make(chan result, 1)
		go func() {
			doc, err := FromBytes("fuzz", data, Options{MaxBytes: 1 << 20})
			done <- result{doc, err}
		}()
		var doc *news.Doc
		var err error
		select {
		case r := <-done:
			doc, err = r.doc, r.err
		case <-time.After(fuzzTimeout):
			t.Fatalf("FromBytes took over %v on %d bytes", fuzzTimeout, len(data))
		}
		if err != nil {
			known := false
			for _, s := range sentinels {
				known = known || errors.Is(err, s)
			}
			if !known || strings.Contains(err.Error(), "\n") {
				t.Fatalf("unexpected error %q", err)
			}
			return
		}
		if doc.Text == "" || !utf8.ValidString(doc.Text) || strings.IndexByte(doc.Text, 0) >= 0 {
			t.Fatalf("bad Text %q", doc.Text)
		}
		if !utf8.ValidString(doc.Title) || strings.Contains(doc.Title, "\n") {
			t.Fatalf("bad Title %q", doc.Title)
		}
		if decoded, err := decode(data); err == nil && !looksLikeHTML(decoded) {
			// Plain text is kept as written: each line of Text is a line of
			// the decoded input (line ends made LF), in order.
			in := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(decoded), "\n")
			k := 0
			for _, l := range strings.Split(doc.Text, "\n") {
				for k < len(in) && in[k] != l && strings.TrimRightFunc(in[k], unicode.IsSpace) != l {
					k++
				}
				if k == len(in) {
					t.Fatalf("plain-text line %q is not a line of the input", l)
				}
				k++
			}
			return
		}
		if strings.Contains(doc.Text, "\n\n\n") {
			t.Fatalf("Text holds a run of blank lines: %q", doc.Text)
		}
		for _, l := range strings.Split(doc.Text, "\n") {
			if l != strings.TrimSpace(l) || strings.Contains(l, "  ") {
				t.Fatalf("line not normalised: %q", l)
			}
		}
	})
}
