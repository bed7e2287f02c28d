package jobs

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
)

// memStore keeps articles by content hash: a second copy is a duplicate.
type memStore struct {
	mu     sync.Mutex
	byHash map[string]int64
}

func (m *memStore) FindDuplicate(ctx context.Context, keys news.DedupKeys) (*news.Duplicate, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id, ok := m.byHash[keys.ContentHash]; ok && keys.ContentHash != "" {
		return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1}, nil
	}
	return nil, nil
}

func (m *memStore) PutArticle(ctx context.Context, a *news.ArticleInput) (news.PutResult, error) {
	if d, _ := m.FindDuplicate(ctx, a.Keys); d != nil {
		return news.PutResult{ArticleID: d.ArticleID, Duplicate: d}, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	id := int64(len(m.byHash) + 1)
	m.byHash[a.Keys.ContentHash] = id
	return news.PutResult{ArticleID: id}, nil
}

// noStages is a pipeline that extracts nothing.
type noStages struct{}

func (noStages) Run(ctx context.Context, doc *news.Doc) error { return nil }

// newTestRunner is a runner on a fresh embedded queue whose jobs get
// maxDeliver tries, a millisecond apart, storing into a memory store; its
// Hint marks the errors it rewrites. It returns the runner and its log.
func newTestRunner(t *testing.T, maxDeliver int) (*Runner, *bytes.Buffer) {
	t.Helper()
	srv := jstest.Start(t, t.TempDir())
	ctx := context.Background()
	q, err := jetstream.Open(ctx, jetstream.Config{URL: srv.URL(), Manage: true, MaxDeliver: maxDeliver, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	svc, err := work.New(work.Config{Store: &memStore{byHash: map[string]int64{}}, Pipeline: noStages{}})
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	r := &Runner{Queue: q, Service: svc, Metrics: jetstream.NewMetrics(q), Log: slog.New(slog.NewTextHandler(&logs, nil)), Holder: "test",
		Hint: func(err error) error { return errors.New(err.Error() + " [hinted]") }}
	return r, &logs
}

// publish puts jobs on the runner's queue.
func publish(t *testing.T, r *Runner, jobs ...jetstream.Job) {
	t.Helper()
	for _, j := range jobs {
		if _, err := r.Queue.Publish(context.Background(), j); err != nil {
			t.Fatal(err)
		}
	}
}

const story = "The interior minister said on Monday that the group has no presence in the country.\n"

// An extract job whose bytes are not text goes to the dead letters at its
// first try (the same bytes never read better), its error rewritten by
// Hint; the same article twice is stored once and counted a duplicate.
func TestRunnerUnreadableJobDiesAtOnce(t *testing.T) {
	r, logs := newTestRunner(t, 5)
	publish(t, r,
		jetstream.Job{Kind: jetstream.KindExtract, Source: "a.txt", Data: []byte(story)},
		jetstream.Job{Kind: jetstream.KindExtract, Source: "scan.pdf", Data: []byte("%PDF-1.4\n\x00\x01\x02 binary")},
		jetstream.Job{Kind: jetstream.KindExtract, Source: "b.txt", Data: []byte(story)})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := r.Run(ctx, jetstream.ConsumeOptions{Parallel: 1, UntilEmpty: true}); err != nil {
		t.Fatal(err)
	}
	c := &r.Count
	if c.Stored.Load() != 1 || c.Dups.Load() != 1 || c.Failed.Load() != 1 || c.Dead.Load() != 1 || c.Articles() != 2 {
		t.Errorf("stored %d, duplicates %d, failed tries %d, dead %d; want 1, 1, 1, 1",
			c.Stored.Load(), c.Dups.Load(), c.Failed.Load(), c.Dead.Load())
	}
	if dead, err := r.Queue.DeadCount(ctx); err != nil || dead != 1 {
		t.Errorf("dead letters: %d, %v; want 1", dead, err)
	}
	if !strings.Contains(logs.String(), "job dead-lettered") || !strings.Contains(logs.String(), "[hinted]") {
		t.Errorf("log %q: want the dead letter with its hinted error", logs)
	}
}

// A job that fails for a reason a later try may mend (a fetch job whose
// URL cannot be fetched: here, no fetcher) is tried MaxDeliver times, each
// failure counted, then dead-lettered.
func TestRunnerRetriesThenDeadLetters(t *testing.T) {
	r, _ := newTestRunner(t, 3)
	publish(t, r, jetstream.Job{Kind: jetstream.KindFetch, Source: "https://example.com/a", URL: "https://example.com/a"})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := r.Run(ctx, jetstream.ConsumeOptions{UntilEmpty: true}); err != nil {
		t.Fatal(err)
	}
	if c := &r.Count; c.Failed.Load() != 3 || c.Dead.Load() != 1 || c.Stored.Load() != 0 {
		t.Errorf("failed tries %d, dead %d, stored %d; want 3, 1, 0", c.Failed.Load(), c.Dead.Load(), c.Stored.Load())
	}
}

// A job's source: an extract job's bytes with its overrides, a fetch
// job's URL with its feed item's title and date.
func TestSource(t *testing.T) {
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	ex := Source(jetstream.Job{Kind: jetstream.KindExtract, Source: "a.txt", Data: []byte(story), URL: "https://example.com/a", Title: "T", Published: day})
	if ex.Name != "a.txt" || string(ex.Text) != story || ex.URL != "https://example.com/a" || ex.Title != "T" || !ex.Published.Equal(day) {
		t.Errorf("extract job's source %+v", ex)
	}
	f := Source(jetstream.Job{Kind: jetstream.KindFetch, Source: "x", URL: "https://example.com/b", Feed: "https://example.com/feed", FeedTitle: "B", FeedPublished: day})
	if f.Name != f.URL || f.URL != "https://example.com/b" || f.Text != nil || f.Feed == "" || f.FeedTitle != "B" || !f.FeedPublished.Equal(day) {
		t.Errorf("fetch job's source %+v", f)
	}
}
