package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
)

var fetchNone = fetch.Conditional{}

func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	list, err := feed.ReadList(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return list, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fetchSource fetches a URL named on the command line and says whether it
// is a feed. When it is not, the source carries the page.
func (in *ingester) fetchSource(ctx context.Context, url string) (work.Source, bool, error) {
	if st, err := in.store.FeedState(ctx, url); err == nil && (st.ETag != "" || st.LastModified != "") {
		// Known as a feed from an earlier run: poll it politely.
		return work.Source{Name: url, URL: url}, true, nil
	}
	page, err := in.client.Get(ctx, url, fetchNone)
	if err != nil {
		return work.Source{}, false, err
	}
	j := work.Source{Name: url, URL: url, Page: page}
	return j, feed.Looks(page.ContentType, page.Body), nil
}

// pollFeed fetches a feed (conditionally, and not before its back-off
// after errors has passed) and returns a source per item.
func (in *ingester) pollFeed(ctx context.Context, url string, t *tally) []work.Source {
	return in.pollFeedPage(ctx, url, nil, t)
}

// pollFeedPage is pollFeed with the feed's page fetched already (or nil).
func (in *ingester) pollFeedPage(ctx context.Context, url string, page *fetch.Response, t *tally) []work.Source {
	st, err := in.store.FeedState(ctx, url)
	if err != nil {
		in.fail(url, err, t)
		return nil
	}
	now := time.Now()
	if st.Failures > 0 && page == nil {
		wait := in.opt.interval << min(st.Failures, 6)
		if now.Sub(st.LastChecked) < min(wait, 24*time.Hour) && in.opt.watch {
			return nil // backing off after errors
		}
	}
	st.LastChecked = now
	if page == nil {
		page, err = in.client.Get(ctx, url, fetch.Conditional{ETag: st.ETag, LastModified: st.LastModified})
	}
	var f *feed.Feed
	if err == nil && !page.NotModified {
		f, err = feed.ParseMax(page.URL, page.Body, in.opt.feedMaxItems)
	}
	if err != nil {
		st.Failures++
		st.LastError = oneLine(err.Error())
		in.fail(url, err, t)
		in.saveFeed(ctx, st, t)
		return nil
	}
	st.Failures, st.LastError = 0, ""
	if page.ETag != "" || page.LastModified != "" || !page.NotModified {
		st.ETag, st.LastModified = page.ETag, page.LastModified
	}
	in.saveFeed(ctx, st, t)
	if page.NotModified {
		return nil
	}
	if f.More {
		fmt.Fprintf(in.env.stderr, "newsgraph: %s: read its first %d items (--feed-max-items)\n", url, in.opt.feedMaxItems)
	}
	jobs := make([]work.Source, 0, len(f.Items))
	for _, it := range f.Items {
		jobs = append(jobs, work.Source{Name: it.Link, URL: it.Link, Feed: url, FeedTitle: it.Title, FeedPublished: it.Published})
	}
	return jobs
}

func (in *ingester) saveFeed(ctx context.Context, st news.FeedState, t *tally) {
	if err := in.store.PutFeedState(ctx, st); err != nil {
		in.fail(st.URL, err, t)
	}
}
