package work

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
)

// fakeClock is a clock that only moves when the watch sleeps, so that the
// rounds and back-off of a watch are counted, not timed.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.now = c.now.Add(d)
	return nil
}

// feedSite is a local feed server: /feed.xml answers with rss and an
// ETag (304 to a request that sends it back), except that its first
// failFirst requests get 503. It records the status of every answer.
type feedSite struct {
	*httptest.Server
	mu        sync.Mutex
	failFirst int
	answers   []int
}

func newFeedSite(t *testing.T, failFirst int) *feedSite {
	s := &feedSite{failFirst: failFirst}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *feedSite) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/story" {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
		return
	}
	if r.URL.Path != "/feed.xml" {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	code := http.StatusOK
	switch {
	case len(s.answers) < s.failFirst:
		code = http.StatusServiceUnavailable
	case r.Header.Get("If-None-Match") == `"v1"`:
		code = http.StatusNotModified
	}
	s.answers = append(s.answers, code)
	if code == http.StatusOK {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
	}
	w.WriteHeader(code)
	if code == http.StatusOK {
		w.Write([]byte(rss))
	}
}

// statuses are the answers the feed gave so far.
func (s *feedSite) statuses() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.answers)
}

// newTestWatch is a watch of rounds rounds an hour apart on the fake
// clock, polling with a real (polite, not retrying) client and recording
// each poll.
func newTestWatch(clock *fakeClock, rounds int, polls *[]FeedPoll) *FeedWatch {
	client := fetch.New(fetch.Config{AllowPrivate: true, Timeout: 10 * time.Second})
	poller := &FeedPoller{Store: memFeeds{}, Fetcher: client, BackOff: true, Interval: time.Hour, Now: clock.Now}
	return &FeedWatch{Poller: poller, Interval: time.Hour, Rounds: rounds, Sleep: clock.Sleep,
		Polled: func(url string, poll FeedPoll, err error) { *polls = append(*polls, poll) }}
}

// A watch of 3 rounds polls the feed 3 times in all, the first one the
// caller's, an Interval apart: the second and third conditionally (304,
// no items), each round handed to the batch.
func TestFeedWatchRoundsNotModified(t *testing.T) {
	site := newFeedSite(t, 0)
	clock := &fakeClock{now: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)}
	start := clock.now
	var polls []FeedPoll
	w := newTestWatch(clock, 3, &polls)
	ctx := context.Background()
	feeds := []string{site.URL + "/feed.xml"}
	if first := w.Poll(ctx, feeds[0], nil); len(first) != 3 {
		t.Fatalf("first poll: %d items, want 3", len(first))
	}
	var batches []int
	w.Run(ctx, feeds, func(ctx context.Context, items []Source) { batches = append(batches, len(items)) })
	if got := site.statuses(); !slices.Equal(got, []int{200, 304, 304}) {
		t.Errorf("the feed answered %v, want 200 then two 304s", got)
	}
	if !slices.Equal(batches, []int{0, 0}) {
		t.Errorf("batches of %v items, want two empty ones", batches)
	}
	if len(polls) != 3 || !polls[1].NotModified || !polls[2].NotModified {
		t.Errorf("polls %+v, want 3, the last two not modified", polls)
	}
	if d := clock.now.Sub(start); d != 2*time.Hour {
		t.Errorf("the watch waited %s, want two intervals", d)
	}
}

// A feed that fails is skipped while it backs off (Interval << failures
// since its last poll) and polled again once the wait has passed: in 8
// rounds an hour apart, a feed whose first two answers are 503 is fetched
// in rounds 1, 3 (2 h after its first failure), 7 (4 h after its second)
// and 8, and its items arrive in round 7.
func TestFeedWatchBacksOffAfterErrors(t *testing.T) {
	site := newFeedSite(t, 2)
	clock := &fakeClock{now: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)}
	var polls []FeedPoll
	w := newTestWatch(clock, 8, &polls)
	ctx := context.Background()
	feeds := []string{site.URL + "/feed.xml"}
	w.Poll(ctx, feeds[0], nil)
	var batches []int
	w.Run(ctx, feeds, func(ctx context.Context, items []Source) { batches = append(batches, len(items)) })
	if got := site.statuses(); !slices.Equal(got, []int{503, 503, 200, 304}) {
		t.Errorf("the feed answered %v, want 503, 503, 200, 304", got)
	}
	var skipped []int
	for i, p := range polls {
		if p.Skipped {
			skipped = append(skipped, i+1)
		}
	}
	if !slices.Equal(skipped, []int{2, 4, 5, 6}) {
		t.Errorf("rounds %v skipped, want 2, 4, 5 and 6", skipped)
	}
	if !slices.Equal(batches, []int{0, 0, 0, 0, 0, 3, 0}) {
		t.Errorf("batches of %v items, want the 3 items in round 7 only", batches)
	}
}

// A watch without a number of rounds polls until its context is cancelled,
// and a watch of no feeds returns at once.
func TestFeedWatchUntilCancelled(t *testing.T) {
	site := newFeedSite(t, 0)
	clock := &fakeClock{now: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)}
	var polls []FeedPoll
	w := newTestWatch(clock, 0, &polls)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w.Run(ctx, nil, func(context.Context, []Source) { t.Error("a batch without feeds") })
	rounds := 0
	w.Run(ctx, []string{site.URL + "/feed.xml"}, func(context.Context, []Source) {
		if rounds++; rounds == 5 {
			cancel()
		}
	})
	if rounds != 5 || len(site.statuses()) != 5 {
		t.Errorf("%d rounds, %d fetches; want 5 of each, then stop when cancelled", rounds, len(site.statuses()))
	}
}

// Resolve keeps the order of what was named: a file, standard input, an
// article URL (carrying its page), a feed URL (polled at once into its
// items), a path that fails (reported, the others going on), then the
// listed feeds; the feeds among them are returned to be watched.
func TestFeedWatchResolve(t *testing.T) {
	site := newFeedSite(t, 0)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{now: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)}
	var polls []FeedPoll
	w := newTestWatch(clock, 0, &polls)
	stdin := strings.NewReader(article)
	feed := site.URL + "/feed.xml"
	var failed []string
	srcs, watched := w.Resolve(context.Background(), []string{file, "-", site.URL + "/story", feed, filepath.Join(dir, "missing")},
		[]string{feed}, stdin, func(name string, err error) { failed = append(failed, name) })
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name)
	}
	want := []string{file, "stdin", site.URL + "/story", "https://example.com/1", "https://example.com/2", "https://example.com/3"}
	if !slices.Equal(names, want) {
		t.Errorf("sources %v, want %v", names, want)
	}
	if len(srcs) == len(want) && (srcs[1].Reader != stdin || srcs[2].Page == nil || srcs[3].Feed != feed) {
		t.Errorf("sources %+v: want stdin's reader, the story's page and the item's feed", srcs)
	}
	if !slices.Equal(failed, []string{filepath.Join(dir, "missing")}) || !slices.Equal(watched, []string{feed, feed}) {
		t.Errorf("failed %v, watched %v", failed, watched)
	}
	if len(polls) != 2 || !polls[1].NotModified {
		t.Errorf("polls %+v, want the named feed's and the listed one's, not modified", polls)
	}
}
