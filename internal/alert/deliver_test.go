package alert_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

// memOutbox is an outbox in memory for the deliverer's unit tests (the
// store's outbox is tested in internal/sqlite and in outbox_test.go).
type memOutbox struct {
	mu       sync.Mutex
	pending  []alert.Delivery
	due      map[int64]time.Time
	outcomes []alert.Outcome
	done     chan alert.Outcome // gets every final outcome
}

func newMemOutbox(ds ...alert.Delivery) *memOutbox {
	m := &memOutbox{due: map[int64]time.Time{}, done: make(chan alert.Outcome, 16)}
	m.pending = ds
	return m
}

func (m *memOutbox) ClaimDeliveries(_ context.Context, now time.Time, n int, lease time.Duration) ([]alert.Delivery, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []alert.Delivery
	for _, d := range m.pending {
		if len(out) < n && !m.due[d.AlertID].After(now) {
			m.due[d.AlertID] = now.Add(lease)
			out = append(out, d)
		}
	}
	return out, nil
}

func (m *memOutbox) RecordDelivery(_ context.Context, o alert.Outcome) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.outcomes = append(m.outcomes, o)
	for i, d := range m.pending {
		if d.AlertID != o.AlertID {
			continue
		}
		if o.State == alert.StatePending {
			m.pending[i].Attempts = o.Attempts
			m.due[d.AlertID] = o.Next
			return nil
		}
		m.pending = append(m.pending[:i], m.pending[i+1:]...)
		m.done <- o
		return nil
	}
	return nil
}

func (m *memOutbox) TrimOutbox(context.Context, int) (int, error) { return 0, nil }

// testConfig retries at once (1 ms, doubling up to 4 ms) and may reach
// the loopback test servers.
func testConfig() alert.Config {
	c := alert.DefaultConfig()
	c.Backoff, c.MaxBackoff, c.Poll, c.Timeout = time.Millisecond, 4*time.Millisecond, 5*time.Millisecond, 5*time.Second
	c.AllowPrivate = true
	return c
}

// runUntilDone runs a deliverer of out until a delivery ends (delivered
// or failed) and returns its outcome.
func runUntilDone(t *testing.T, out *memOutbox, cfg alert.Config) alert.Outcome {
	t.Helper()
	d, err := alert.NewDeliverer(out, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { d.Run(ctx); close(stopped) }()
	defer func() { cancel(); <-stopped }()
	select {
	case o := <-out.done:
		return o
	case <-time.After(60 * time.Second):
		t.Fatal("no delivery ended in 60 s")
	}
	return alert.Outcome{}
}

func TestWebhookSignatureVerifies(t *testing.T) {
	const secret = "s3cret-of-the-watchlist"
	var got struct {
		body []byte
		h    http.Header
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.body, _ = io.ReadAll(r.Body)
		got.h = r.Header.Clone()
	}))
	defer srv.Close()
	payload := []byte(`{"id":7,"rule":"any denial about Islamic State"}`)
	d, err := alert.NewDeliverer(newMemOutbox(), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Send(context.Background(), alert.Delivery{AlertID: 7, URL: srv.URL, Secret: secret, Payload: payload}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := alert.Verify(secret, got.h, got.body, now, 0); err != nil {
		t.Fatalf("the receiver's check fails: %v", err)
	}
	if k := got.h.Get(alert.HeaderIdempotencyKey); k != "7" {
		t.Errorf("idempotency key %q, want the alert id 7", k)
	}
	if err := alert.Verify("another secret", got.h, got.body, now, 0); !errors.Is(err, alert.ErrBadSignature) {
		t.Errorf("wrong secret: %v, want ErrBadSignature", err)
	}
	if err := alert.Verify(secret, got.h, append([]byte(" "), got.body...), now, 0); !errors.Is(err, alert.ErrBadSignature) {
		t.Errorf("changed body: %v, want ErrBadSignature", err)
	}
	if err := alert.Verify(secret, got.h, got.body, now.Add(time.Hour), 0); !errors.Is(err, alert.ErrStale) {
		t.Errorf("replayed an hour later: %v, want ErrStale", err)
	}
	if err := alert.Verify(secret, http.Header{}, got.body, now, 0); !errors.Is(err, alert.ErrNoSignature) {
		t.Errorf("unsigned: %v, want ErrNoSignature", err)
	}
}

func TestWebhookRetriesThenSucceeds(t *testing.T) {
	var mu sync.Mutex
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		keys = append(keys, r.Header.Get(alert.HeaderIdempotencyKey))
		if len(keys) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	out := newMemOutbox(alert.Delivery{AlertID: 42, URL: srv.URL, Payload: []byte(`{}`)})
	o := runUntilDone(t, out, testConfig())
	if o.State != alert.StateDelivered || o.Attempts != 3 {
		t.Fatalf("outcome %+v, want delivered at the third try", o)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(keys) != 3 || keys[0] != "42" || keys[2] != "42" {
		t.Errorf("receiver saw keys %q, want 42 three times", keys)
	}
	for _, p := range out.outcomes[:2] {
		if p.State != alert.StatePending || p.Error != "HTTP 503 Service Unavailable" {
			t.Errorf("failed try recorded as %+v, want pending with the status", p)
		}
	}
}

func TestWebhookGivesUpAfterMaxAttempts(t *testing.T) {
	var mu sync.Mutex
	tries := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tries++
		mu.Unlock()
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.MaxAttempts = 4
	out := newMemOutbox(alert.Delivery{AlertID: 1, URL: srv.URL, Payload: []byte(`{}`)})
	o := runUntilDone(t, out, cfg)
	if o.State != alert.StateFailed || o.Attempts != 4 || o.Error == "" {
		t.Fatalf("outcome %+v, want failed after 4 tries with the error", o)
	}
	mu.Lock()
	defer mu.Unlock()
	if tries != 4 {
		t.Errorf("receiver got %d tries, want 4", tries)
	}
}

func TestWebhookRefusalIsFinal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	o := runUntilDone(t, newMemOutbox(alert.Delivery{AlertID: 1, URL: srv.URL, Payload: []byte(`{}`)}), testConfig())
	if o.State != alert.StateFailed || o.Attempts != 1 {
		t.Fatalf("a 410 gave %+v, want failed at once", o)
	}
}

func TestWebhookGuardsPrivateAddresses(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hit = true }))
	defer srv.Close()
	cfg := testConfig()
	cfg.AllowPrivate = false
	for _, url := range []string{srv.URL, "http://localhost:1/hook", "http://10.0.0.1/hook", "file:///etc/passwd"} {
		o := runUntilDone(t, newMemOutbox(alert.Delivery{AlertID: 1, URL: url, Payload: []byte(`{}`)}), cfg)
		if o.State != alert.StateFailed || o.Attempts != 1 {
			t.Errorf("%s: %+v, want failed at once", url, o)
		}
	}
	if hit {
		t.Error("the loopback receiver was reached")
	}
	d, _ := alert.NewDeliverer(newMemOutbox(), cfg)
	err := d.Send(context.Background(), alert.Delivery{AlertID: 1, URL: srv.URL})
	if !errors.Is(err, fetch.ErrBlockedAddress) {
		t.Errorf("Send to loopback: %v, want ErrBlockedAddress", err)
	}
}

func TestBackoffDoubles(t *testing.T) {
	for _, c := range []struct {
		attempts int
		want     time.Duration
	}{{1, 30 * time.Second}, {2, time.Minute}, {3, 2 * time.Minute}, {7, 32 * time.Minute}, {8, time.Hour}, {100, time.Hour}} {
		if got := alert.Backoff(30*time.Second, time.Hour, c.attempts); got != c.want {
			t.Errorf("Backoff after %d tries = %v, want %v", c.attempts, got, c.want)
		}
	}
}

func TestAtomEntryOfUntitledArticle(t *testing.T) {
	var b strings.Builder
	err := alert.WriteAtom(&b, alert.Feed{Base: "http://news.example", Watchlist: news.Watchlist{ID: 3, Name: "is-denials"},
		Alerts: []news.Alert{{ID: 9, Rule: "denial", Article: news.AlertArticle{ID: 4, Source: "/data/seed/article.txt"}, Why: "w"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<title>denial: article.txt</title>`, `<id>tag:news.example,2025:newsgraph/alert/9</id>`,
		`href="http://news.example/articles/4"`, `href="http://news.example/watchlists/3/feed.atom"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("feed lacks %s:\n%s", want, b.String())
		}
	}
}
