package newstest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
)

// OutboxStore is a store with watchlists, their webhooks and the outbox
// of deliveries, as RunOutboxSuite tests it.
type OutboxStore interface {
	WatchStore
	alert.WebhookStore
	alert.Outbox
}

// OutboxStores opens the stores of RunOutboxSuite.
type OutboxStores struct {
	// New opens a new, empty store for one subtest; the suite closes it.
	New func(t *testing.T) OutboxStore
	// Again opens another handle on the store s (open or closed), as
	// another process would; the suite closes it.
	Again func(t *testing.T, s OutboxStore) OutboxStore
}

// RunOutboxSuite runs the behaviour every alert.WebhookStore and
// alert.Outbox must have: alerts queued in the transaction that stores
// them when their watchlist has a webhook, claims held for their lease,
// back-off, the bound, the webhook's removal, one try in flight per
// webhook, and deliverers of several processes that never claim one
// alert twice.
func RunOutboxSuite(t *testing.T, stores OutboxStores) {
	tests := []struct {
		name string
		fn   func(t *testing.T, f *outboxFixture)
	}{
		{"QueuesAlertsOfWebhookWatchlists", testOutboxQueues},
		{"SurvivesReopen", testOutboxReopen},
		{"IsBounded", testOutboxBounded},
		{"WebhookRemoved", testOutboxWebhookRemoved},
		{"OneTryPerWebhookAtATime", testOutboxOneTry},
		{"ProcessesNeverClaimTwice", testOutboxProcesses},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := stores.New(t)
			defer s.Close()
			tc.fn(t, &outboxFixture{db: s, stores: stores})
		})
	}
}

// outboxFixture is a store with articles and one watchlist of one rule.
type outboxFixture struct {
	db       OutboxStore
	stores   OutboxStores
	list     *news.Watchlist
	articles []int64
}

// testHook is a webhook the tests set; nothing is sent to it.
var testHook = alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"}

// setup stores n articles and the watchlist "is" of rule "any denial".
func (f *outboxFixture) setup(t *testing.T, n int) {
	t.Helper()
	ctx := context.Background()
	for i := range n {
		doc := MustDoc(t, DocSpec{Source: fmt.Sprintf("a%d.txt", i), Title: fmt.Sprintf("Article %d", i),
			Published: "2015-02-19", Text: fmt.Sprintf("Islamic State denied it %d.\n", i) + Filler(200+i, 80)})
		f.articles = append(f.articles, MustPut(t, f.db, doc).ArticleID)
	}
	var err error
	f.list, err = f.db.PutWatchlist(ctx, &news.Watchlist{Name: "is", Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "any denial"}}})
	if err != nil {
		t.Fatal(err)
	}
}

// fire stores an alert of rule of list on article i and returns its id.
func (f *outboxFixture) fire(t *testing.T, list *news.Watchlist, i int) int64 {
	t.Helper()
	stored, err := f.db.PutAlerts(context.Background(), []news.Alert{{WatchlistID: list.ID, RuleID: list.Rules[0].ID,
		Rule: list.Rules[0].Name, Article: news.AlertArticle{ID: f.articles[i]}, Why: "Islamic State denies it",
		Sentences: []news.AlertSpan{{Start: 0, End: 10, Text: "Islamic St"}}}})
	if err != nil || len(stored) != 1 {
		t.Fatalf("put alert: %v (%d stored)", err, len(stored))
	}
	return stored[0].ID
}

// hooked is a new watchlist of one rule with a webhook.
func (f *outboxFixture) hooked(t *testing.T, name string) *news.Watchlist {
	t.Helper()
	ctx := context.Background()
	wl, err := f.db.PutWatchlist(ctx, &news.Watchlist{Name: name, Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.PutWebhook(ctx, wl.ID, alert.Webhook{URL: "https://" + name + ".example/x", Secret: testHook.Secret}); err != nil {
		t.Fatal(err)
	}
	return wl
}

func testOutboxQueues(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, 2)
	s := f.db
	before := f.fire(t, f.list, 0) // no webhook yet: not queued
	if err := s.PutWebhook(ctx, f.list.ID, testHook); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Webhook(ctx, f.list.ID); err != nil || got == nil || *got != testHook {
		t.Fatalf("Webhook = %+v, %v; want %+v", got, err, testHook)
	}
	after := f.fire(t, f.list, 1)
	st, err := s.DeliveryStatus(ctx, []int64{before, after})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st[before]; ok || st[after].State != alert.StatePending {
		t.Fatalf("status %+v: want only alert %d, pending", st, after)
	}
	now := time.Now()
	ds, err := s.ClaimDeliveries(ctx, now, 10, time.Minute)
	if err != nil || len(ds) != 1 {
		t.Fatalf("claim: %v, %+v", err, ds)
	}
	d := ds[0]
	var a news.Alert
	if err := json.Unmarshal(d.Payload, &a); err != nil {
		t.Fatal(err)
	}
	if d.AlertID != after || d.URL != testHook.URL || d.Secret != testHook.Secret || a.ID != after || a.Rule != "any denial" ||
		a.Watchlist != "is" || a.Article.Source != "a1.txt" || a.Why == "" || len(a.Sentences) != 1 {
		t.Errorf("claimed %+v with payload %+v", d, a)
	}
	// Held for the lease: a second deliverer gets nothing, until the
	// lease ends (the first was killed while sending).
	if again, _ := s.ClaimDeliveries(ctx, now.Add(30*time.Second), 10, time.Minute); len(again) != 0 {
		t.Errorf("claimed again during the lease: %+v", again)
	}
	if again, _ := s.ClaimDeliveries(ctx, now.Add(61*time.Second), 10, time.Minute); len(again) != 1 {
		t.Errorf("after the lease: %d claimed, want 1", len(again))
	}
	// A failed try waits for its back-off; a delivered one is done.
	next := now.Add(5 * time.Minute)
	if err := s.RecordDelivery(ctx, alert.Outcome{AlertID: after, Attempts: 1, State: alert.StatePending, Next: next, Error: "HTTP 503"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ClaimDeliveries(ctx, next.Add(-time.Second), 10, time.Minute); len(got) != 0 {
		t.Errorf("claimed before its back-off ended: %+v", got)
	}
	if got, _ := s.ClaimDeliveries(ctx, next, 10, time.Minute); len(got) != 1 || got[0].Attempts != 1 {
		t.Errorf("after the back-off: %+v, want it with 1 attempt", got)
	}
	if err := s.RecordDelivery(ctx, alert.Outcome{AlertID: after, Attempts: 2, State: alert.StateDelivered}); err != nil {
		t.Fatal(err)
	}
	st, _ = s.DeliveryStatus(ctx, []int64{after})
	if st[after].State != alert.StateDelivered || st[after].Attempts != 2 {
		t.Errorf("status %+v, want delivered after 2 tries", st[after])
	}
	if got, _ := s.ClaimDeliveries(ctx, next.Add(time.Hour), 10, time.Minute); len(got) != 0 {
		t.Errorf("a delivered alert was claimed: %+v", got)
	}
}

func testOutboxReopen(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, 1)
	if err := f.db.PutWebhook(ctx, f.list.ID, testHook); err != nil {
		t.Fatal(err)
	}
	id := f.fire(t, f.list, 0)
	f.db.Close()
	db := f.stores.Again(t, f.db)
	defer db.Close()
	ds, err := db.ClaimDeliveries(ctx, time.Now(), 10, time.Minute)
	if err != nil || len(ds) != 1 || ds[0].AlertID != id {
		t.Fatalf("after reopening: %+v, %v; want alert %d", ds, err, id)
	}
}

func testOutboxBounded(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, 5)
	if err := f.db.PutWebhook(ctx, f.list.ID, testHook); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 5 {
		ids = append(ids, f.fire(t, f.list, i))
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

func testOutboxWebhookRemoved(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, 1)
	if err := f.db.PutWebhook(ctx, 9999, testHook); !errors.Is(err, news.ErrNoSuchWatchlist) {
		t.Errorf("webhook of a missing watchlist: %v", err)
	}
	if err := f.db.PutWebhook(ctx, f.list.ID, testHook); err != nil {
		t.Fatal(err)
	}
	id := f.fire(t, f.list, 0)
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

func testOutboxOneTry(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, 3)
	if err := f.db.PutWebhook(ctx, f.list.ID, testHook); err != nil {
		t.Fatal(err)
	}
	first, second := f.fire(t, f.list, 0), f.fire(t, f.list, 1)
	other := f.hooked(t, "other")
	third := f.fire(t, other, 2)
	now := time.Now()
	got, err := f.db.ClaimDeliveries(ctx, now, 10, time.Minute)
	if err != nil || len(got) != 2 || got[0].AlertID != first || got[1].AlertID != third {
		t.Fatalf("claimed %+v, %v; want the oldest of each webhook: %d and %d", got, err, first, third)
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

// Deliverer processes and work of testOutboxProcesses.
const (
	outboxProcesses  = 4
	outboxWatchlists = 6
	outboxPerList    = 5
)

// testOutboxProcesses runs deliverers on several handles of one store,
// as several processes would, each claiming one delivery at a time and
// recording it delivered: every alert is claimed exactly once (the
// lease outlasts the test) and no two deliveries of one webhook are in
// flight at once.
func testOutboxProcesses(t *testing.T, f *outboxFixture) {
	ctx := context.Background()
	f.setup(t, outboxPerList)
	want := map[int64]int64{} // alert -> watchlist
	for w := range outboxWatchlists {
		list := f.hooked(t, fmt.Sprintf("w%d", w))
		for i := range outboxPerList {
			want[f.fire(t, list, i)] = list.ID
		}
	}
	handles := []OutboxStore{f.db}
	for range outboxProcesses - 1 {
		h := f.stores.Again(t, f.db)
		defer h.Close()
		handles = append(handles, h)
	}
	var mu sync.Mutex
	claimed := map[int64]int{}
	inFlight := map[int64]bool{}
	var problems []string
	var wg sync.WaitGroup
	for _, h := range handles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for idle := 0; idle < 20; {
				ds, err := h.ClaimDeliveries(ctx, time.Now(), 1, time.Hour)
				if err != nil {
					mu.Lock()
					problems = append(problems, err.Error())
					mu.Unlock()
					return
				}
				if len(ds) == 0 {
					idle++
					time.Sleep(5 * time.Millisecond)
					continue
				}
				idle = 0
				d := ds[0]
				list := want[d.AlertID]
				mu.Lock()
				claimed[d.AlertID]++
				if inFlight[list] {
					problems = append(problems, fmt.Sprintf("alert %d claimed while watchlist %d had one in flight", d.AlertID, list))
				}
				inFlight[list] = true
				mu.Unlock()
				time.Sleep(time.Millisecond) // sending
				mu.Lock()
				inFlight[list] = false
				mu.Unlock()
				if err := h.RecordDelivery(ctx, alert.Outcome{AlertID: d.AlertID, Attempts: 1, State: alert.StateDelivered}); err != nil {
					mu.Lock()
					problems = append(problems, err.Error())
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
	for id := range want {
		if claimed[id] != 1 {
			t.Errorf("alert %d claimed %d times, want once", id, claimed[id])
		}
	}
}
