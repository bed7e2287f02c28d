package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/work"
)

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

// feedWatch is the ingest service's feed watch with this run's flags,
// listing each poll's errors and counting them in t.
func (in *ingester) feedWatch(t *tally) *work.FeedWatch {
	return &work.FeedWatch{Poller: in.poller, Interval: in.opt.interval, Rounds: in.opt.rounds,
		Polled: func(url string, poll work.FeedPoll, err error) {
			t.errors += reportFeedPoll(in.env.stderr, url, in.opt.feedMaxItems, poll, err)
		}}
}

// reportFeedPoll writes on w each error of a poll of the feed at url, one a
// line, and a note when the feed had more than maxItems items; it returns
// the number of errors.
func reportFeedPoll(w io.Writer, url string, maxItems int, poll work.FeedPoll, err error) int {
	errs := work.Errors(err)
	for _, e := range errs {
		writeFailure(w, url, e)
	}
	if poll.More {
		fmt.Fprintf(w, "newsgraph: %s: read its first %d items (--feed-max-items)\n", url, maxItems)
	}
	return len(errs)
}
