package jobs

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
)

// fakeClock moves only when the publisher sleeps; cancelAt, when set,
// cancels at that many sleeps.
type fakeClock struct {
	now      time.Time
	sleeps   int
	cancelAt int
	cancel   context.CancelFunc
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if c.sleeps++; c.sleeps == c.cancelAt {
		c.cancel()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.now = c.now.Add(d)
	return nil
}

// takeJobs runs the queue's jobs with a runner that records them (and
// stores nothing) and returns them in the order run.
func takeJobs(t *testing.T, r *Runner) []jetstream.Job {
	t.Helper()
	var got []jetstream.Job
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := r.Queue.Consume(ctx, func(ctx context.Context, j jetstream.Job, try int) error {
		got = append(got, j)
		return nil
	}, jetstream.ConsumeOptions{UntilEmpty: true})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// Sources queues a file with its bytes (and its sidecar's title), standard
// input, and each article file of a directory, in order, with the
// publisher's date; a path that does not exist is a failure and the
// others go on.
func TestPublisherSources(t *testing.T) {
	r, _ := newTestRunner(t, 5)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", story)
	write("a.txt.meta.json", `{"title": "Sidecar title"}`)
	b := write("more/b.txt", "Second. "+story)
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	var failed []string
	p := &Publisher{Queue: r.Queue, Fetcher: fetch.New(fetch.Config{}), Read: opsWithDate(day),
		Failed: func(source string, err error) { failed = append(failed, source) }}
	feeds := p.Sources(context.Background(), []string{a, "-", filepath.Join(dir, "missing"), filepath.Join(dir, "more")}, strings.NewReader("From stdin. "+story))
	if len(feeds) != 0 || p.Queued != 3 || p.Errors != 1 || !slices.Equal(failed, []string{filepath.Join(dir, "missing")}) {
		t.Fatalf("feeds %v, %d queued, %d errors %v; want none, 3 and the missing path", feeds, p.Queued, p.Errors, failed)
	}
	got := takeJobs(t, r)
	var sources []string
	for _, j := range got {
		sources = append(sources, j.Source)
	}
	if !slices.Equal(sources, []string{a, "stdin", b}) {
		t.Errorf("jobs of %v, want %v", sources, []string{a, "stdin", b})
	}
	if len(got) == 3 && (got[0].Title != "Sidecar title" || string(got[1].Data) != "From stdin. "+story || !got[2].Published.Equal(day) || got[2].Kind != jetstream.KindExtract) {
		t.Errorf("jobs %+v: want the sidecar's title, stdin's bytes and the publisher's date", got)
	}
}

// Feeds queues a feed job per feed and round, each round an interval
// later and due at the start of its interval; with no number of rounds it
// goes on until cancelled.
func TestPublisherFeedRounds(t *testing.T) {
	r, _ := newTestRunner(t, 5)
	clock := &fakeClock{now: time.Date(2025, 3, 4, 10, 7, 0, 0, time.UTC)}
	p := &Publisher{Queue: r.Queue, Sleep: clock.Sleep, Now: clock.Now}
	feeds := []string{"https://example.com/a.xml", "https://example.com/b.xml"}
	p.Feeds(context.Background(), feeds, time.Hour, 3)
	if p.Queued != 6 || clock.sleeps != 2 {
		t.Fatalf("%d jobs queued after %d waits, want 6 after 2", p.Queued, clock.sleeps)
	}
	got := takeJobs(t, r)
	for i, j := range got {
		due := time.Date(2025, 3, 4, 10+i/2, 0, 0, 0, time.UTC)
		if j.Kind != jetstream.KindFeed || j.URL != feeds[i%2] || !j.Due.Equal(due) {
			t.Errorf("job %d: %s %s due %s, want a feed job for %s due %s", i, j.Kind, j.URL, j.Due, feeds[i%2], due)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The next day: no job of this round is on the queue yet.
	clock.now, clock.sleeps, clock.cancelAt, clock.cancel = clock.now.Add(24*time.Hour), 0, 4, cancel
	p.Queued = 0
	p.Feeds(ctx, feeds[:1], time.Hour, 0)
	if p.Queued != 4 {
		t.Errorf("until cancelled at the 4th wait: %d jobs queued, want 4", p.Queued)
	}
}

// opsWithDate are reading options that date every article day.
func opsWithDate(day time.Time) ingest.Options {
	return ingest.Options{Published: day}
}
