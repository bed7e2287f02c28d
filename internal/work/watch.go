package work

import (
	"context"
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
