package sqlite_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// outboxFixture is a store with n articles and one watchlist of one rule.
type outboxFixture struct {
	db       *sqlite.DB
	path     string
	list     *news.Watchlist
	articles []int64
}

func newOutboxFixture(t *testing.T, n int) *outboxFixture {
	t.Helper()
	ctx := context.Background()
	f := &outboxFixture{path: filepath.Join(t.TempDir(), "news.db")}
	var err error
	if f.db, err = sqlite.Open(ctx, sqlite.Config{Path: f.path}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.db.Close() })
	for i := range n {
		doc := newstest.MustDoc(t, newstest.DocSpec{Source: fmt.Sprintf("a%d.txt", i), Title: fmt.Sprintf("Article %d", i),
			Published: "2015-02-19", Text: fmt.Sprintf("Islamic State denied it %d.\n", i) + newstest.Filler(i, 80)})
		res, err := f.db.PutArticle(ctx, newstest.Input(doc))
		if err != nil {
			t.Fatal(err)
		}
		f.articles = append(f.articles, res.ArticleID)
	}
	f.list, err = f.db.PutWatchlist(ctx, &news.Watchlist{Name: "is", Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "any denial"}}})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fire stores an alert of the fixture's rule on article i.
func (f *outboxFixture) fire(t *testing.T, i int) int64 {
	t.Helper()
	stored, err := f.db.PutAlerts(context.Background(), []news.Alert{{WatchlistID: f.list.ID, RuleID: f.list.Rules[0].ID,
		Rule: "any denial", Article: news.AlertArticle{ID: f.articles[i]}, Why: "Islamic State denies it",
		Sentences: []news.AlertSpan{{Start: 0, End: 10, Text: "Islamic St"}}}})
	if err != nil || len(stored) != 1 {
		t.Fatalf("put alert: %v (%d stored)", err, len(stored))
	}
	return stored[0].ID
}

func TestOutboxQueuesAlertsOfWebhookWatchlists(t *testing.T) {
	ctx := context.Background()
	f := newOutboxFixture(t, 2)
	before := f.fire(t, 0) // no webhook yet: not queued
	hook := alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}
	if err := f.db.PutWebhook(ctx, f.list.ID, hook); err != nil {
		t.Fatal(err)
	}
	if got, err := f.db.Webhook(ctx, f.list.ID); err != nil || *got != hook {
		t.Fatalf("Webhook = %+v, %v; want %+v", got, err, hook)
	}
	after := f.fire(t, 1)
	st, err := f.db.DeliveryStatus(ctx, []int64{before, after})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st[before]; ok || st[after].State != alert.StatePending {
		t.Fatalf("status %+v: want only alert %d, pending", st, after)
	}
	now := time.Now()
	ds, err := f.db.ClaimDeliveries(ctx, now, 10, time.Minute)
	if err != nil || len(ds) != 1 {
		t.Fatalf("claim: %v, %+v", err, ds)
	}
	d := ds[0]
	var a news.Alert
	if err := json.Unmarshal(d.Payload, &a); err != nil {
		t.Fatal(err)
	}
	if d.AlertID != after || d.URL != hook.URL || d.Secret != hook.Secret || a.ID != after || a.Rule != "any denial" ||
		a.Article.Source != "a1.txt" || a.Why == "" || len(a.Sentences) != 1 {
		t.Errorf("claimed %+v with payload %+v", d, a)
	}
	// Held for the lease: a second deliverer gets nothing, until the
	// lease ends (the first was killed while sending).
	if again, _ := f.db.ClaimDeliveries(ctx, now.Add(30*time.Second), 10, time.Minute); len(again) != 0 {
		t.Errorf("claimed again during the lease: %+v", again)
	}
	if again, _ := f.db.ClaimDeliveries(ctx, now.Add(61*time.Second), 10, time.Minute); len(again) != 1 {
		t.Errorf("after the lease: %d claimed, want 1", len(again))
	}
	// A failed try waits for its back-off; a delivered one is done.
	next := now.Add(5 * time.Minute)
	if err := f.db.RecordDelivery(ctx, alert.Outcome{AlertID: after, Attempts: 1, State: alert.StatePending, Next: next, Error: "HTTP 503"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.db.ClaimDeliveries(ctx, next.Add(-time.Second), 10, time.Minute); len(got) != 0 {
		t.Errorf("claimed before its back-off ended: %+v", got)
	}
	if got, _ := f.db.ClaimDeliveries(ctx, next, 10, time.Minute); len(got) != 1 || got[0].Attempts != 1 {
		t.Errorf("after the back-off: %+v, want it with 1 attempt", got)
	}
	if err := f.db.RecordDelivery(ctx, alert.Outcome{AlertID: after, Attempts: 2, State: alert.StateDelivered}); err != nil {
		t.Fatal(err)
	}
	st, _ = f.db.DeliveryStatus(ctx, []int64{after})
	if st[after].State != alert.StateDelivered || st[after].Attempts != 2 {
		t.Errorf("status %+v, want delivered after 2 tries", st[after])
	}
	if got, _ := f.db.ClaimDeliveries(ctx, next.Add(time.Hour), 10, time.Minute); len(got) != 0 {
		t.Errorf("a delivered alert was claimed: %+v", got)
	}
}

func TestOutboxSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	f := newOutboxFixture(t, 1)
	if err := f.db.PutWebhook(ctx, f.list.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	id := f.fire(t, 0)
	f.db.Close()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: f.path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ds, err := db.ClaimDeliveries(ctx, time.Now(), 10, time.Minute)
	if err != nil || len(ds) != 1 || ds[0].AlertID != id {
		t.Fatalf("after reopening: %+v, %v; want alert %d", ds, err, id)
	}
}

func TestOutboxIsBounded(t *testing.T) {
	ctx := context.Background()
	f := newOutboxFixture(t, 5)
	if err := f.db.PutWebhook(ctx, f.list.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 5 {
		ids = append(ids, f.fire(t, i))
	}
	n, err := f.db.TrimOutbox(ctx, 3)
	if err != nil || n != 2 {
		t.Fatalf("trim: %d, %v; want the 2 oldest given up", n, err)
	}
	st, _ := f.db.DeliveryStatus(ctx, ids)
	for i, id := range ids {
		want := alert.StatePending
		if i < 2 {
			want = alert.StateFailed
		}
		if st[id].State != want {
			t.Errorf("alert %d: %+v, want %s", i, st[id], want)
		}
	}
	if n, _ := f.db.TrimOutbox(ctx, 3); n != 0 {
		t.Errorf("second trim gave up %d more", n)
	}
}

func TestOutboxWebhookRemoved(t *testing.T) {
	ctx := context.Background()
	f := newOutboxFixture(t, 1)
	if err := f.db.PutWebhook(ctx, 9999, alert.Webhook{URL: "https://hooks.example/x"}); !errors.Is(err, news.ErrNoSuchWatchlist) {
		t.Errorf("webhook of a missing watchlist: %v", err)
	}
	if err := f.db.PutWebhook(ctx, f.list.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	id := f.fire(t, 0)
	if err := f.db.DeleteWebhook(ctx, f.list.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := f.db.DeliveryStatus(ctx, []int64{id}); st[id].State != alert.StateFailed {
		t.Errorf("after removing the webhook: %+v, want failed", st[id])
	}
	if h, err := f.db.Webhook(ctx, f.list.ID); h != nil || err != nil {
		t.Errorf("webhook after delete: %+v, %v", h, err)
	}
	// Deleting the watchlist takes its alerts' outbox rows with them.
	if err := f.db.DeleteWatchlist(ctx, f.list.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := f.db.DeliveryStatus(ctx, []int64{id}); len(st) != 0 {
		t.Errorf("outbox rows left after the watchlist went: %+v", st)
	}
}

func TestOutboxOneTryPerWebhookAtATime(t *testing.T) {
	ctx := context.Background()
	f := newOutboxFixture(t, 3)
	if err := f.db.PutWebhook(ctx, f.list.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	first, second := f.fire(t, 0), f.fire(t, 1)
	other, err := f.db.PutWatchlist(ctx, &news.Watchlist{Name: "other", Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.PutWebhook(ctx, other.ID, alert.Webhook{URL: "https://other.example/x", Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	stored, err := f.db.PutAlerts(ctx, []news.Alert{{WatchlistID: other.ID, RuleID: other.Rules[0].ID, Article: news.AlertArticle{ID: f.articles[2]}, Why: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	got, err := f.db.ClaimDeliveries(ctx, now, 10, time.Minute)
	if err != nil || len(got) != 2 || got[0].AlertID != first || got[1].AlertID != stored[0].ID {
		t.Fatalf("claimed %+v, %v; want the oldest of each webhook: %d and %d", got, err, first, stored[0].ID)
	}
	if again, _ := f.db.ClaimDeliveries(ctx, now, 10, time.Minute); len(again) != 0 {
		t.Errorf("claimed %+v while each webhook had a try in flight", again)
	}
	if err := f.db.RecordDelivery(ctx, alert.Outcome{AlertID: first, Attempts: 1, State: alert.StateDelivered}); err != nil {
		t.Fatal(err)
	}
	if next, _ := f.db.ClaimDeliveries(ctx, now, 10, time.Minute); len(next) != 1 || next[0].AlertID != second {
		t.Errorf("after the first was delivered: %+v, want %d", next, second)
	}
}

// BenchmarkPutAlerts stores one alert per op on as many articles, for a
// watchlist without a webhook and one with (the trigger then queues each
// alert in the outbox in the same transaction): the outbox's cost to
// ingest.
func BenchmarkPutAlerts(b *testing.B) {
	for _, hooked := range []bool{false, true} {
		b.Run(fmt.Sprintf("webhook=%v", hooked), func(b *testing.B) {
			ctx := context.Background()
			db, err := sqlite.Open(ctx, sqlite.Config{Path: filepath.Join(b.TempDir(), "news.db")})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			const articles = 200
			var ids []int64
			for i := range articles {
				doc := newstest.MustDoc(b, newstest.DocSpec{Source: fmt.Sprintf("a%d.txt", i), Text: fmt.Sprintf("Article %d.\n", i) + newstest.Filler(i, 60)})
				res, err := db.PutArticle(ctx, newstest.Input(doc))
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, res.ArticleID)
			}
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				wl, err := db.PutWatchlist(ctx, &news.Watchlist{Name: fmt.Sprintf("w%d", n), Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
				if err == nil && hooked {
					err = db.PutWebhook(ctx, wl.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"})
				}
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for _, id := range ids {
					if _, err := db.PutAlerts(ctx, []news.Alert{{WatchlistID: wl.ID, RuleID: wl.Rules[0].ID, Article: news.AlertArticle{ID: id}, Why: "w"}}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*articles), "µs/alert")
		})
	}
}
