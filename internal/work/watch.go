package work

import (
	"context"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
)

// FeedWatch polls feeds again and again, every Interval, and hands each
// round's items to a batch ('newsgraph ingest --watch'). Its Poller should
// have BackOff set, so that a failing feed is skipped until its back-off
// has passed (Interval << failures, see FeedPoller) instead of being
// fetched every round.
type FeedWatch struct {
	Poller *FeedPoller
	// Interval is the wait between two rounds of polls; it must be
	// positive.
	Interval time.Duration
	// Rounds is the number of polls of each feed in all, counting the
	// first one that the caller made when it resolved its sources (Poll);
	// 0 polls until the context is cancelled.
	Rounds int
	// Sleep waits d or until ctx is done, and then returns ctx's error
	// (fetch.Sleep when nil; a test passes its fake clock's).
	Sleep func(ctx context.Context, d time.Duration) error
	// Polled, when set, is told of each poll: the feed, what the poll
	// found and its error (nil when none), so that a command can list
	// errors and feeds cut at the Poller's MaxItems.
	Polled func(url string, poll FeedPoll, err error)
}

// Poll polls one feed (its page fetched already, or nil to fetch it), tells
// Polled, and returns a source per item (none when the poll failed, was
// skipped or found the feed not modified).
func (w *FeedWatch) Poll(ctx context.Context, url string, page *fetch.Response) []Source {
	poll, err := w.Poller.Poll(ctx, url, page)
	if w.Polled != nil {
		w.Polled(url, poll, err)
	}
	return poll.Items
}

// Run makes the rounds after the first: it waits Interval, polls every
// feed in order and calls batch with the items of the round (also when
// there are none), until Rounds rounds were made in all or ctx is
// cancelled (then during the wait, or after the batch running). batch
// runs on the calling goroutine; Run returns once it has returned.
func (w *FeedWatch) Run(ctx context.Context, feeds []string, batch func(ctx context.Context, items []Source)) {
	if len(feeds) == 0 {
		return
	}
	sleep := w.Sleep
	if sleep == nil {
		sleep = fetch.Sleep
	}
	for round := 2; w.Rounds == 0 || round <= w.Rounds; round++ {
		if err := sleep(ctx, w.Interval); err != nil {
			return
		}
		var items []Source
		for _, f := range feeds {
			items = append(items, w.Poll(ctx, f, nil)...)
		}
		batch(ctx, items)
	}
}

// Resolve turns what a user named into sources, in the order named: a
// file, or the article files of a directory (Files); "-", standard input
// (read from stdin); an http(s) URL, fetched once to tell a feed from an
// article (FeedPoller.Resolve), a feed being polled at once into its items
// (the watch's first round). Then each of feeds is polled. It returns the
// sources and the feeds among names and feeds, to poll again with Run. A
// name that fails is passed to failed with its error and the others go
// on; a feed's poll errors go to Polled.
func (w *FeedWatch) Resolve(ctx context.Context, names, feeds []string, stdin io.Reader, failed func(name string, err error)) ([]Source, []string) {
	var srcs []Source
	var watched []string
	for _, name := range names {
		switch {
		case IsURL(name):
			src, isFeed, err := w.Poller.Resolve(ctx, name)
			switch {
			case err != nil:
				failed(name, err)
			case isFeed:
				watched = append(watched, name)
				srcs = append(srcs, w.Poll(ctx, name, src.Page)...)
			default:
				srcs = append(srcs, src)
			}
		case name == "-":
			srcs = append(srcs, Source{Name: "stdin", Reader: stdin})
		default:
			found, err := Files(name)
			if err != nil {
				failed(name, err)
			}
			srcs = append(srcs, found...)
		}
	}
	for _, f := range feeds {
		watched = append(watched, f)
		srcs = append(srcs, w.Poll(ctx, f, nil)...)
	}
	return srcs, watched
}
