package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
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

// feedPoller is the ingest service's poller with this run's settings:
// back-off after errors only with --watch.
func (in *ingester) feedPoller() *work.FeedPoller {
	return &work.FeedPoller{Store: in.store, Fetcher: in.client, MaxItems: in.opt.feedMaxItems, BackOff: in.opt.watch, Interval: in.opt.interval}
}

// fetchSource fetches a URL named on the command line and says whether it
// is a feed. When it is not, the source carries the page.
func (in *ingester) fetchSource(ctx context.Context, url string) (work.Source, bool, error) {
	return in.feedPoller().Resolve(ctx, url)
}

// pollFeed fetches a feed (conditionally, and not before its back-off
// after errors has passed) and returns a source per item.
func (in *ingester) pollFeed(ctx context.Context, url string, t *tally) []work.Source {
	return in.pollFeedPage(ctx, url, nil, t)
}

// pollFeedPage is pollFeed with the feed's page fetched already (or nil);
// each error is listed.
func (in *ingester) pollFeedPage(ctx context.Context, url string, page *fetch.Response, t *tally) []work.Source {
	poll, err := in.feedPoller().Poll(ctx, url, page)
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			in.fail(url, e, t)
		}
	} else if err != nil {
		in.fail(url, err, t)
	}
	if poll.More {
		fmt.Fprintf(in.env.stderr, "newsgraph: %s: read its first %d items (--feed-max-items)\n", url, in.opt.feedMaxItems)
	}
	return poll.Items
}
