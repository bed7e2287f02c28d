package work

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

// memStore keeps articles by canonical URL and content hash, as a store
// finds exact duplicates.
type memStore struct {
	mu       sync.Mutex
	byKey    map[string]int64
	articles int
	copies   int
	putErr   error
	// near, when set, is what FindDuplicate says of any text it does not
	// hold: a near-duplicate of a stored article.
	near *news.Duplicate
}

func newMemStore() *memStore { return &memStore{byKey: map[string]int64{}} }

func (m *memStore) find(keys news.DedupKeys) *news.Duplicate {
	for _, k := range []string{keys.CanonicalURL, keys.ContentHash} {
		if id, ok := m.byKey[k]; ok && k != "" {
			return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1}
		}
	}
	return nil
}

func (m *memStore) FindDuplicate(ctx context.Context, keys news.DedupKeys) (*news.Duplicate, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if d := m.find(keys); d != nil || m.near == nil {
		return d, nil
	}
	return m.near, nil
}

func (m *memStore) PutArticle(ctx context.Context, a *news.ArticleInput) (news.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.putErr != nil {
		return news.PutResult{}, m.putErr
	}
	if d := m.find(a.Keys); d != nil {
		m.copies++
		return news.PutResult{ArticleID: d.ArticleID, Duplicate: d}, nil
	}
	m.articles++
	id := int64(m.articles)
	for _, k := range []string{a.Keys.CanonicalURL, a.Keys.ContentHash} {
		if k != "" {
			m.byKey[k] = id
		}
	}
	return news.PutResult{ArticleID: id}, nil
}

// countingPipeline counts its runs and records one stage timing; err, when
// set, fails every run.
type countingPipeline struct {
	mu   sync.Mutex
	runs int
	err  error
}

func (p *countingPipeline) Run(ctx context.Context, doc *news.Doc) error {
	p.mu.Lock()
	p.runs++
	p.mu.Unlock()
	doc.Timings = append(doc.Timings, news.StageTiming{Stage: "segment", Duration: time.Millisecond})
	return p.err
}

// noFetch fails the test when a URL is fetched.
type noFetch struct{ t *testing.T }

func (f noFetch) Get(ctx context.Context, url string, cond fetch.Conditional) (*fetch.Response, error) {
	f.t.Errorf("fetched %s", url)
	return nil, errors.New("no fetching in this test")
}

const article = "The interior minister said on Monday that the group has no presence in the country."

// hookCall is one call of the AfterStore hook.
type hookCall struct {
	id  int64
	doc *news.Doc
	dup bool
}

func newTestService(t *testing.T, store *memStore, p *countingPipeline, calls *[]hookCall) *Service {
	t.Helper()
	svc, err := New(Config{Store: store, Pipeline: p, Fetcher: noFetch{t}, Dedup: dedup.DefaultConfig(),
		AfterStore: func(ctx context.Context, id int64, doc *news.Doc, res news.PutResult) {
			*calls = append(*calls, hookCall{id, doc, res.Duplicate != nil})
		}})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// Ingesting the same text twice (a queue job delivered again) stores it
// once, runs the pipeline once, and calls the hook after each commit with
// the stored article.
func TestIngestIdempotent(t *testing.T) {
	store, p := newMemStore(), &countingPipeline{}
	var calls []hookCall
	svc := newTestService(t, store, p, &calls)
	src := Source{Name: "api", Text: []byte(article), Title: "  Minister denies  "}
	first, err := svc.Ingest(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if first.Put.Duplicate != nil || first.Put.ArticleID != 1 || first.Doc.Title != "Minister denies" {
		t.Fatalf("first ingest: %+v, title %q", first.Put, first.Doc.Title)
	}
	if len(first.Stages) != 1 || first.Stages[0].Stage != "segment" {
		t.Errorf("stage timings %+v, want the pipeline's", first.Stages)
	}
	second, err := svc.Ingest(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if second.Put.Duplicate == nil || second.Put.ArticleID != 1 || second.Skipped {
		t.Errorf("second ingest: %+v skipped %v, want a duplicate of article 1 recorded by the store", second.Put, second.Skipped)
	}
	if store.articles != 1 || p.runs != 1 {
		t.Errorf("%d articles stored, %d pipeline runs; want 1 and 1", store.articles, p.runs)
	}
	if len(calls) != 2 || calls[0].id != 1 || calls[0].dup || calls[0].doc != first.Doc || !calls[1].dup {
		t.Errorf("hook calls %+v, want article 1 new, then its duplicate", calls)
	}
}

// A URL the store holds is neither fetched nor stored again, and the hook
// is not called: nothing was committed.
func TestIngestKnownURL(t *testing.T) {
	store, p := newMemStore(), &countingPipeline{}
	var calls []hookCall
	svc := newTestService(t, store, p, &calls)
	url := "https://www.example.com/a?utm_source=x"
	if _, err := svc.Ingest(context.Background(), Source{Name: url, URL: url, Text: []byte(article)}); err != nil {
		t.Fatal(err)
	}
	out, err := svc.Ingest(context.Background(), Source{Name: url, URL: "https://example.com/a"})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Skipped || out.Put.ArticleID != 1 || out.Doc != nil {
		t.Errorf("outcome %+v, want skipped as a duplicate of article 1", out)
	}
	if len(calls) != 1 {
		t.Errorf("hook called %d times, want once (the first store)", len(calls))
	}
}

// Each failure says which step failed and keeps its cause for errors.Is;
// the hook is not called.
func TestIngestErrors(t *testing.T) {
	errStage := errors.New("stage broke")
	for _, tc := range []struct {
		name, op string
		src      Source
		pipe     error
		put      error
		want     error
	}{
		{"empty text", "read", Source{Name: "api", Text: []byte("   ")}, nil, nil, news.ErrEmpty},
		{"pipeline", "extract", Source{Name: "api", Text: []byte(article)}, errStage, nil, errStage},
		{"store", "store", Source{Name: "api", Text: []byte(article)}, nil, errStage, errStage},
		{"nothing", "read", Source{Name: "x"}, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, p := newMemStore(), &countingPipeline{err: tc.pipe}
			store.putErr = tc.put
			var calls []hookCall
			svc := newTestService(t, store, p, &calls)
			_, err := svc.Ingest(context.Background(), tc.src)
			var werr *Error
			if !errors.As(err, &werr) || werr.Op != tc.op {
				t.Fatalf("error %v, want a *work.Error of step %s", err, tc.op)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v does not wrap %v", err, tc.want)
			}
			if len(calls) != 0 {
				t.Errorf("hook called after a failure")
			}
		})
	}
}

// Extract runs the pipeline without a store, with the API's title and
// date overriding the text's.
func TestExtract(t *testing.T) {
	p := &countingPipeline{}
	svc, err := New(Config{Pipeline: p})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	doc, err := svc.Extract(context.Background(), Source{Name: "api", Text: []byte(article), URL: "https://example.com/b", Published: day})
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != "https://example.com/b" || !doc.Published.Equal(day) || doc.PublishedSource != news.PublishedFromFlag || p.runs != 1 {
		t.Errorf("doc url %q published %v (%s), %d runs", doc.URL, doc.Published, doc.PublishedSource, p.runs)
	}
	if _, err := svc.Ingest(context.Background(), Source{Name: "api", Text: []byte(article)}); err == nil || !strings.Contains(err.Error(), "no store") {
		t.Errorf("ingest without a store: %v", err)
	}
	if _, err := New(Config{}); err == nil {
		t.Error("New without a pipeline succeeded")
	}
}

// A near-duplicate of a stored article goes through the pipeline: the
// store keeps it in place of the stored copy when it is the fuller one,
// and it must then be stored with its entities and quotes. An exact
// duplicate does not.
func TestNearDuplicateIsExtracted(t *testing.T) {
	store, p := newMemStore(), &countingPipeline{}
	var calls []hookCall
	svc := newTestService(t, store, p, &calls)
	if _, err := svc.Ingest(context.Background(), Source{Name: "a", Text: []byte(article)}); err != nil {
		t.Fatal(err)
	}
	store.near = &news.Duplicate{Kind: news.DupNear, ArticleID: 1, Similarity: 0.9}
	fuller := Source{Name: "b", Text: []byte(article + " It gave no figures.")}
	if _, err := svc.Ingest(context.Background(), fuller); err != nil {
		t.Fatal(err)
	}
	if p.runs != 2 {
		t.Errorf("%d pipeline runs, want 2: the near-duplicate is extracted", p.runs)
	}
	if _, err := svc.Ingest(context.Background(), Source{Name: "c", Text: []byte(article)}); err != nil {
		t.Fatal(err)
	}
	if p.runs != 2 {
		t.Errorf("%d pipeline runs, want 2: an exact duplicate is not extracted", p.runs)
	}
}
