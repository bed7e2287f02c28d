package work

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

// A directory gives its article files in lexical order, hidden ones and
// other extensions left out; a missing path is news.ErrNotFound.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.html", "c", "notes.pdf", ".hidden.txt", ".git/x.txt", "sub/d.md"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range srcs {
		got = append(got, strings.TrimPrefix(s.Path, dir+"/"))
	}
	if want := []string{"a.html", "b.txt", "c", "sub/d.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	if one, err := Files(filepath.Join(dir, "notes.pdf")); err != nil || len(one) != 1 {
		t.Errorf("a file named on its own: %v, %v", one, err)
	}
	if _, err := Files(filepath.Join(dir, "missing")); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("missing path: %v", err)
	}
}

// memFeeds keeps feed states in memory.
type memFeeds map[string]news.FeedState

func (m memFeeds) FeedState(ctx context.Context, url string) (news.FeedState, error) {
	st, ok := m[url]
	if !ok {
		st.URL = url
	}
	return st, nil
}

func (m memFeeds) PutFeedState(ctx context.Context, st news.FeedState) error {
	m[st.URL] = st
	return nil
}

// feedServer answers every request with its next response, and counts
// the requests.
type feedServer struct {
	pages    []*fetch.Response
	errs     []error
	requests int
	cond     fetch.Conditional
}

func (f *feedServer) Get(ctx context.Context, url string, cond fetch.Conditional) (*fetch.Response, error) {
	i := f.requests
	f.requests++
	f.cond = cond
	return f.pages[i], f.errs[i]
}

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://example.com/1</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://example.com/2</link></item>
<item><title>Three</title><link>https://example.com/3</link></item>
</channel></rss>`

// A poll reads at most MaxItems items with the feed's title and date, and
// remembers the validators; the next poll is conditional, and a feed that
// failed is skipped while it backs off and its error is recorded.
func TestFeedPoller(t *testing.T) {
	const url = "https://example.com/feed"
	store := memFeeds{}
	srv := &feedServer{
		pages: []*fetch.Response{{URL: url, ContentType: "application/rss+xml", ETag: `"v1"`, Body: []byte(rss)}, {NotModified: true, ETag: `"v1"`}, nil},
		errs:  []error{nil, nil, errors.New("HTTP 503 Service\nUnavailable")},
	}
	p := &FeedPoller{Store: store, Fetcher: srv, MaxItems: 2, BackOff: true, Interval: time.Hour}
	poll, err := p.Poll(context.Background(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(poll.Items) != 2 || !poll.More || poll.Items[0].URL != "https://example.com/1" || poll.Items[0].FeedTitle != "One" ||
		poll.Items[0].Feed != url || poll.Items[0].FeedPublished.IsZero() {
		t.Fatalf("first poll %+v", poll)
	}
	if poll, err = p.Poll(context.Background(), url, nil); err != nil || !poll.NotModified || srv.cond.ETag != `"v1"` {
		t.Fatalf("second poll %+v %v, conditional %+v", poll, err, srv.cond)
	}
	if _, err = p.Poll(context.Background(), url, nil); err == nil || store[url].Failures != 1 || store[url].LastError != "HTTP 503 Service Unavailable" {
		t.Fatalf("failing poll: %v, state %+v", err, store[url])
	}
	if poll, err = p.Poll(context.Background(), url, nil); err != nil || !poll.Skipped || srv.requests != 3 {
		t.Errorf("poll while backing off: %+v %v, %d requests", poll, err, srv.requests)
	}
}

// Resolve fetches an unknown URL once and tells a feed by its content; a
// URL known as a feed is not fetched.
func TestFeedResolve(t *testing.T) {
	const url = "https://example.com/feed"
	store := memFeeds{}
	srv := &feedServer{pages: []*fetch.Response{{URL: url, ContentType: "text/xml", Body: []byte(rss)}}, errs: []error{nil}}
	p := &FeedPoller{Store: store, Fetcher: srv}
	src, isFeed, err := p.Resolve(context.Background(), url)
	if err != nil || !isFeed || src.Page == nil {
		t.Fatalf("resolve: %+v %v %v", src, isFeed, err)
	}
	store[url] = news.FeedState{URL: url, ETag: `"v1"`}
	if src, isFeed, err = p.Resolve(context.Background(), url); err != nil || !isFeed || src.Page != nil || srv.requests != 1 {
		t.Errorf("resolve a known feed: %+v %v %v, %d requests", src, isFeed, err, srv.requests)
	}
}
