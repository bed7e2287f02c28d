package work

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Store is what the service needs of a store to put articles in it
// (news.Store has it).
type Store interface {
	FindDuplicate(ctx context.Context, keys news.DedupKeys) (*news.Duplicate, error)
	PutArticle(ctx context.Context, a *news.ArticleInput) (news.PutResult, error)
}

// Pipeline runs the extraction stages on a document (*pipeline.Runner).
type Pipeline interface {
	Run(ctx context.Context, doc *news.Doc) error
}

// Fetcher gets a page over HTTP (*fetch.Client: polite, robots.txt
// honoured, bounded size).
type Fetcher interface {
	Get(ctx context.Context, url string, cond fetch.Conditional) (*fetch.Response, error)
}

// AfterStoreFunc is called after the store committed an article: id is
// the stored article (for a duplicate, its first copy), doc the document
// that was put and res what PutArticle returned (res.Duplicate is nil for
// a new article).
type AfterStoreFunc func(ctx context.Context, id int64, doc *news.Doc, res news.PutResult)

// Config is what a Service works with.
type Config struct {
	// Store receives the articles; nil allows Extract only.
	Store Store
	// Pipeline runs the extraction stages; required.
	Pipeline Pipeline
	// Fetcher gets URLs; nil refuses sources that must be fetched.
	Fetcher Fetcher
	// Read are the reading options of every source (size limit, and the
	// title and date that override every page's own).
	Read ingest.Options
	// Dedup computes the keys that find duplicates.
	Dedup dedup.Config
	// AfterStore, when set, is called after each committed article (see
	// AfterStoreFunc and the package contract).
	AfterStore AfterStoreFunc
}

// Service reads, extracts and stores articles. It is safe for concurrent
// use when its Store, Pipeline, Fetcher and AfterStore are.
type Service struct {
	cfg Config
}

// New returns a Service, or an error when cfg lacks its pipeline.
func New(cfg Config) (*Service, error) {
	if cfg.Pipeline == nil {
		return nil, errors.New("work: no pipeline")
	}
	return &Service{cfg: cfg}, nil
}

// Source is one article to read. Exactly one of Path, Reader, Text or URL
// says where it comes from (Text and Reader may come with a URL, which is
// then the article's URL, not fetched).
type Source struct {
	// Name is the source in messages and, for Reader and Text, the
	// document's source ("stdin", "api", the URL).
	Name   string
	Path   string    // a file
	Reader io.Reader // standard input
	Text   []byte    // the article's bytes, given by a client
	URL    string    // fetched unless Page, Text or Reader is set
	Page   *fetch.Response
	// Feed is the feed the article came from, if any, with its item's
	// title and date, used when the page gives none (a date set in the
	// Service's Read options wins over the feed's).
	Feed          string
	FeedTitle     string
	FeedPublished time.Time
	// Title and Published, when set, override the page's own and the
	// Service's Read options (the API's fields).
	Title     string
	Published time.Time
}

// Timings are the times one source spent in each step.
type Timings struct {
	Read, Dedup, Store time.Duration
	// Stages are the pipeline's stage timings (the document's Timings).
	Stages []news.StageTiming
}

// Prepared is a source made ready for the store: the article to put (run
// through the pipeline unless the store holds it already), or a duplicate
// found before reading, or the source's error.
type Prepared struct {
	Source Source
	Input  *news.ArticleInput
	Known  *news.Duplicate // stored already; nothing to put
	Err    error
	Timings
}

// Outcome says what became of one source.
type Outcome struct {
	Doc *news.Doc // nil when the source was Skipped
	// Put is what the store did: the stored article, or the duplicate it
	// was linked to, and the new cross-article contradictions.
	Put news.PutResult
	// Skipped is true when the source was known to the store before it
	// was read (a URL stored before); Put.Duplicate is then that copy and
	// nothing was written.
	Skipped bool
	Timings
}

// Error is the failure of one step of one source; its message is the
// cause's own.
type Error struct {
	Op  string // "read", "dedup", "extract" or "store"
	Err error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

func fail(op string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Op: op, Err: err}
}

// Ingest reads, extracts and stores one source: Prepare then Commit. A
// source stored before is a duplicate, not a second copy, so calling it
// again for the same source (a queue job delivered twice) stores nothing.
func (s *Service) Ingest(ctx context.Context, src Source) (Outcome, error) {
	return s.Commit(ctx, s.Prepare(ctx, src))
}

// Prepare does everything to a source but storing it: it skips a URL the
// store holds already without fetching it, reads the article, computes
// its dedup keys and, when the store holds no duplicate, runs the
// pipeline. It is safe to call from many goroutines; Commit stores the
// result.
func (s *Service) Prepare(ctx context.Context, src Source) Prepared {
	p := Prepared{Source: src}
	if err := ctx.Err(); err != nil {
		p.Err = err
		return p
	}
	if s.cfg.Store == nil {
		p.Err = errors.New("work: no store")
		return p
	}
	if s.fetches(src) {
		// A URL stored before is not fetched again.
		start := time.Now()
		dup, err := s.cfg.Store.FindDuplicate(ctx, news.DedupKeys{CanonicalURL: dedup.CanonicalURL(src.URL)})
		p.Dedup += time.Since(start)
		if err != nil || dup != nil {
			p.Known, p.Err = dup, fail("dedup", err)
			return p
		}
	}
	doc, err := s.timedRead(ctx, src, &p.Timings)
	if err != nil {
		p.Err = err
		return p
	}
	p.Input = &news.ArticleInput{Doc: doc, Keys: s.cfg.Dedup.Keys(doc), Feed: src.Feed}
	start := time.Now()
	dup, err := s.cfg.Store.FindDuplicate(ctx, p.Input.Keys)
	p.Dedup += time.Since(start)
	if err != nil {
		p.Input, p.Err = nil, fail("dedup", err)
		return p
	}
	if dup == nil || dup.Kind == news.DupNear {
		// Only new articles go through the pipeline, and near-duplicates,
		// which PutArticle keeps in place of the stored copy when they
		// are fuller (graphrules.KeepNew); it records any other duplicate
		// from the cleaned text alone.
		err := s.cfg.Pipeline.Run(ctx, doc)
		p.Stages = doc.Timings
		if err != nil {
			p.Input, p.Err = nil, fail("extract", err)
		}
	}
	return p
}

// Commit stores a prepared source and then calls the AfterStore hook. It
// returns the source's error when Prepare failed. Callers that need the
// articles stored in a fixed order (entities merge in the order articles
// arrive) call it in that order.
func (s *Service) Commit(ctx context.Context, p Prepared) (Outcome, error) {
	out := Outcome{Timings: p.Timings}
	switch {
	case p.Err != nil:
		return out, p.Err
	case p.Known != nil:
		out.Skipped, out.Put = true, news.PutResult{ArticleID: p.Known.ArticleID, Duplicate: p.Known}
		return out, nil
	case p.Input == nil:
		return out, errors.New("work: commit of a source that was not prepared")
	}
	out.Doc = p.Input.Doc
	start := time.Now()
	res, err := s.cfg.Store.PutArticle(ctx, p.Input)
	out.Store = time.Since(start)
	if err != nil {
		return out, fail("store", err)
	}
	out.Put = res
	if s.cfg.AfterStore != nil {
		s.cfg.AfterStore(ctx, res.ArticleID, out.Doc, res)
	}
	return out, nil
}

// Extract reads a source and runs the pipeline on it, storing nothing.
func (s *Service) Extract(ctx context.Context, src Source) (*news.Doc, error) {
	var t Timings
	doc, err := s.timedRead(ctx, src, &t)
	if err != nil {
		return nil, err
	}
	if err := s.cfg.Pipeline.Run(ctx, doc); err != nil {
		return nil, fail("extract", err)
	}
	return doc, nil
}

// fetches reports whether src must be fetched to be read.
func (s *Service) fetches(src Source) bool {
	return src.URL != "" && src.Page == nil && src.Text == nil && src.Reader == nil && src.Path == ""
}

func (s *Service) timedRead(ctx context.Context, src Source, t *Timings) (*news.Doc, error) {
	start := time.Now()
	doc, err := s.read(ctx, src)
	t.Read = time.Since(start)
	return doc, fail("read", err)
}

// read turns a source into a cleaned document.
func (s *Service) read(ctx context.Context, src Source) (*news.Doc, error) {
	opt := s.cfg.Read
	if !src.Published.IsZero() {
		opt.Published = src.Published
	}
	if src.URL != "" {
		opt.URL = src.URL
	}
	var doc *news.Doc
	var err error
	switch {
	case src.Path != "":
		doc, err = ingest.ReadFile(src.Path, opt)
	case src.Reader != nil:
		doc, err = ingest.ReadFrom(src.Name, src.Reader, opt)
	case src.Text != nil:
		doc, err = ingest.FromBytes(src.Name, src.Text, opt)
	case src.URL != "":
		doc, err = s.readURL(ctx, src, opt)
	default:
		return nil, fmt.Errorf("%s: nothing to read", src.Name)
	}
	if err != nil {
		return nil, err
	}
	if t := strings.TrimSpace(src.Title); t != "" {
		doc.Title = t
	}
	return doc, nil
}

// readURL fetches the page of src (unless it came with it) and reads it,
// with the feed item's date and title when the page and the options give
// none.
func (s *Service) readURL(ctx context.Context, src Source, opt ingest.Options) (*news.Doc, error) {
	page := src.Page
	if page == nil {
		if s.cfg.Fetcher == nil {
			return nil, fmt.Errorf("%s: fetching URLs is off", src.URL)
		}
		var err error
		if page, err = s.cfg.Fetcher.Get(ctx, src.URL, fetch.Conditional{}); err != nil {
			return nil, err
		}
	}
	fromFeed := opt.Published.IsZero() && !src.FeedPublished.IsZero()
	if fromFeed {
		opt.Published = src.FeedPublished
	}
	doc, err := ingest.FromBytes(src.URL, page.Text(), opt)
	if err != nil {
		return nil, err
	}
	if fromFeed {
		doc.PublishedSource = news.PublishedFromFeed
	}
	if doc.Title == "" {
		doc.Title = src.FeedTitle
	}
	return doc, nil
}
