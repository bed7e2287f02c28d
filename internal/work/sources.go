package work

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

// ArticleExt are the file name extensions Files takes from a directory;
// a file named on its own is read whatever its name.
var ArticleExt = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".md": true, "": true}

// Files returns the source for a file, or for each article file under a
// directory (ArticleExt) in lexical order, hidden files and directories
// skipped. A path that does not exist is news.ErrNotFound.
func Files(path string) ([]Source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", path, news.ErrNotFound)
		}
		return nil, err
	}
	if !fi.IsDir() {
		return []Source{{Name: path, Path: path}}, nil
	}
	var srcs []Source
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && ArticleExt[strings.ToLower(filepath.Ext(name))] {
			srcs = append(srcs, Source{Name: p, Path: p})
		}
		return nil
	})
	return srcs, err
}

// FeedStore keeps what is known of each feed between polls (news.Store
// has it).
type FeedStore interface {
	FeedState(ctx context.Context, url string) (news.FeedState, error)
	PutFeedState(ctx context.Context, s news.FeedState) error
}

// FeedPoller polls RSS and Atom feeds politely: conditionally (ETag,
// Last-Modified), backing off after errors, and reading at most MaxItems
// items of a poll.
type FeedPoller struct {
	Store   FeedStore
	Fetcher Fetcher
	// MaxItems is the number of items, the first, read from one poll
	// (feed.DefaultMaxItems when 0).
	MaxItems int
	// BackOff, when set, skips a feed that failed until Interval << its
	// failures (at most 64 times, at most a day) has passed since its
	// last poll; a one-off ingest polls every feed it is given.
	BackOff  bool
	Interval time.Duration
	// Now is the clock that back-off is measured with and feeds' last
	// polls are recorded by (time.Now when nil; a test passes a fake).
	Now func() time.Time
}

// maxBackOff bounds the wait before a failing feed is polled again.
const maxBackOff = 24 * time.Hour

// FeedPoll is what one poll of a feed found.
type FeedPoll struct {
	// Items are a source per item: its link, with the feed's URL and the
	// item's title and date.
	Items []Source
	// More is true when the feed had more than MaxItems items.
	More bool
	// Skipped is true when the feed was not polled: it is backing off
	// after errors. NotModified is true when it had not changed.
	Skipped, NotModified bool
}

// Resolve tells a feed from an article for a URL given by a user: a URL
// polled as a feed before is a feed (and is not fetched here); another is
// fetched once, and when it is not a feed its source carries the page.
func (p *FeedPoller) Resolve(ctx context.Context, url string) (src Source, isFeed bool, err error) {
	if st, err := p.Store.FeedState(ctx, url); err == nil && (st.ETag != "" || st.LastModified != "") {
		return Source{Name: url, URL: url}, true, nil
	}
	page, err := p.Fetcher.Get(ctx, url, fetch.Conditional{})
	if err != nil {
		return Source{}, false, err
	}
	return Source{Name: url, URL: url, Page: page}, feed.Looks(page.ContentType, page.Body), nil
}

// Poll fetches the feed at url, unless page holds it already (nil: fetch
// it), and returns its items. The feed's state (validators, failures, last
// error) is saved in the store whatever happens. A fetch or parse error
// and an error saving the state are returned, joined.
func (p *FeedPoller) Poll(ctx context.Context, url string, page *fetch.Response) (FeedPoll, error) {
	st, err := p.Store.FeedState(ctx, url)
	if err != nil {
		return FeedPoll{}, err
	}
	now := p.now()
	if st.Failures > 0 && page == nil && p.BackOff {
		wait := p.Interval << min(st.Failures, 6)
		if now.Sub(st.LastChecked) < min(wait, maxBackOff) {
			return FeedPoll{Skipped: true}, nil
		}
	}
	st.LastChecked = now
	if page == nil {
		page, err = p.Fetcher.Get(ctx, url, fetch.Conditional{ETag: st.ETag, LastModified: st.LastModified})
	}
	var f *feed.Feed
	if err == nil && !page.NotModified {
		f, err = feed.ParseMax(page.URL, page.Body, p.maxItems())
	}
	if err != nil {
		st.Failures++
		st.LastError = strings.Join(strings.Fields(err.Error()), " ")
		return FeedPoll{}, errors.Join(err, p.save(ctx, st))
	}
	st.Failures, st.LastError = 0, ""
	if page.ETag != "" || page.LastModified != "" || !page.NotModified {
		st.ETag, st.LastModified = page.ETag, page.LastModified
	}
	saveErr := p.save(ctx, st)
	if page.NotModified {
		return FeedPoll{NotModified: true}, saveErr
	}
	poll := FeedPoll{More: f.More, Items: make([]Source, 0, len(f.Items))}
	for _, it := range f.Items {
		poll.Items = append(poll.Items, Source{Name: it.Link, URL: it.Link, Feed: url, FeedTitle: it.Title, FeedPublished: it.Published})
	}
	return poll, saveErr
}

func (p *FeedPoller) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

func (p *FeedPoller) maxItems() int {
	if p.MaxItems <= 0 {
		return feed.DefaultMaxItems
	}
	return p.MaxItems
}

// save stores st, naming the feed in an error.
func (p *FeedPoller) save(ctx context.Context, st news.FeedState) error {
	if err := p.Store.PutFeedState(ctx, st); err != nil {
		return fmt.Errorf("%s: %w", st.URL, err)
	}
	return nil
}

// IsURL reports whether a name a user gave is an http(s) URL rather than a
// path.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Errors is the list of errors err stands for: those it joins
// (errors.Join), or err alone; none for nil.
func Errors(err error) []error {
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var errs []error
	for _, e := range joined.Unwrap() {
		if e != nil {
			errs = append(errs, e)
		}
	}
	return errs
}
