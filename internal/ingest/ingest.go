// Package ingest reads one article (plain text or HTML, from a file, a
// reader or bytes) into a news.Doc whose Text is the cleaned article body.
//
// Bad input is reported with the sentinel errors of package news, wrapped
// with the source's name so that the message is one line a user can read
// and errors.Is still works.
package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// DefaultMaxBytes is the size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 10 << 20

// Options change how an article is read.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// URL, when set, overrides the URL found in the page.
	URL string
	// Published, when non-zero, overrides the date found in the page.
	Published time.Time
	// Title, when set, overrides the title found in the page or text.
	Title string
	// sidecar is the FILE.meta.json that ReadFile found, if any.
	sidecar *meta
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ReadFile reads the article in the file at path. It does not treat "-"
// as standard input; callers do that with ReadFrom.
func ReadFile(path string, opt Options) (*news.Doc, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, news.ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathError(err))
	case fi.IsDir():
		return nil, fmt.Errorf("%s: %w", path, news.ErrIsDirectory)
	case fi.Mode().IsRegular() && fi.Size() > opt.maxBytes():
		return nil, tooLarge(path, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", path, news.ErrNotFound)
		}
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if side, ok, err := readSidecar(path); err != nil {
		return nil, err
	} else if ok {
		opt.sidecar = &side
	}
	return ReadFrom(path, f, opt)
}

// ReadFrom reads the article from r (standard input, say), reading at most
// MaxBytes+1 bytes so that a too large input is refused without reading
// all of it. source names the input in the Doc and in errors.
func ReadFrom(source string, r io.Reader, opt Options) (*news.Doc, error) {
	limit := opt.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", source, unwrapPathError(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(source, opt)
	}
	return FromBytes(source, data, opt)
}

// FromBytes makes a Doc of the article in data: it decodes the bytes (see
// decode for the encodings understood), extracts the main text and the
// title, URL and publication date of an HTML page, and cleans the text
// (see Clean). Options override the page's URL and date.
func FromBytes(source string, data []byte, opt Options) (*news.Doc, error) {
	if int64(len(data)) > opt.maxBytes() {
		return nil, tooLarge(source, opt)
	}
	text, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	doc := &news.Doc{Source: source, Language: "en"}
	isHTML := looksLikeHTML(text)
	var front *meta
	if !isHTML {
		if m, rest, ok := splitFrontMatter(text); ok {
			front, text = &m, rest
		}
	}
	if isHTML {
		p, err := extractHTML(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		doc.Title = normaliseLine(strings.ReplaceAll(p.Title, "\n", " "))
		text = dropHeadline(p.Text, doc.Title)
		doc.URL = p.URL
		doc.Published = p.Published
		if !doc.Published.IsZero() {
			doc.PublishedSource = news.PublishedFromHTML
		}
	}
	if isHTML {
		doc.Text = Clean(text)
	} else {
		doc.Text = CleanPlain(text)
	}
	if doc.Text == "" {
		// Not empty (decode said so), but nothing is left that reads as
		// an article: only markup, boilerplate or control characters.
		return nil, fmt.Errorf("%s: %w", source, news.ErrNoText)
	}
	applyOptions(doc, opt)
	if !isHTML {
		if err := plainMeta(doc, front, opt.sidecar); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// applyOptions sets what the caller gave (flags, API fields) over what the
// page says.
func applyOptions(doc *news.Doc, opt Options) {
	if opt.URL != "" {
		doc.URL = opt.URL
	}
	if opt.Title != "" {
		doc.Title = normaliseLine(opt.Title)
	}
	if !opt.Published.IsZero() {
		doc.Published, doc.PublishedSource = opt.Published, news.PublishedFromFlag
	}
}

func tooLarge(source string, opt Options) error {
	limit := fmt.Sprintf("%d bytes", opt.maxBytes())
	if n := opt.maxBytes(); n >= 1<<20 && n%(1<<20) == 0 {
		limit = fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Errorf("%s: %w: larger than %s (raise the limit with --max-bytes)",
		source, news.ErrTooLarge, limit)
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats
// the path that the caller already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dropHeadline removes the first line of an extracted page's text when it
// repeats the page's title: the headline is Doc.Title, not body text.
func dropHeadline(text, title string) string {
	if title == "" {
		return text
	}
	body := strings.TrimLeft(text, " \t\n")
	first, rest, _ := strings.Cut(body, "\n")
	first = normaliseLine(first)
	if first != "" && (strings.EqualFold(first, title) || len(first) >= 20 && strings.HasPrefix(strings.ToLower(title), strings.ToLower(first))) {
		return rest
	}
	return text
}
