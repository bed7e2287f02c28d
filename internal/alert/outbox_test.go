package alert_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// watched is a watchlist of one rule with a webhook, in a store.
type watched struct {
	list *news.Watchlist
}

func addWatched(t *testing.T, db *sqlite.DB, name, url string) watched {
	t.Helper()
	ctx := context.Background()
	wl, err := db.PutWatchlist(ctx, &news.Watchlist{Name: name, Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutWebhook(ctx, wl.ID, alert.Webhook{URL: url, Secret: "0123456789abcdef"}); err != nil {
		t.Fatal(err)
	}
	return watched{wl}
}

// testDoc is the i-th of distinct test articles.
func testDoc(t *testing.T, i int) *news.Doc {
	return newstest.MustDoc(t, newstest.DocSpec{Source: fmt.Sprintf("a%d.txt", i), Title: fmt.Sprintf("Article %d", i),
		Text: fmt.Sprintf("Islamic State denied it %d.\n", i) + newstest.Filler(100+i, 80)})
}

// ingestOne stores doc and an alert of w's rule on it, as ingest does
// (the article's transaction, then the alerts').
func ingestOne(ctx context.Context, db *sqlite.DB, w watched, doc *news.Doc) error {
	res, err := db.PutArticle(ctx, newstest.Input(doc))
	if err != nil {
		return err
	}
	_, err = db.PutAlerts(ctx, []news.Alert{{WatchlistID: w.list.ID, RuleID: w.list.Rules[0].ID, Rule: "r",
		Article: news.AlertArticle{ID: res.ArticleID}, Why: "a denial"}})
	return err
}

// TestHangingReceiverDoesNotBlockIngest runs a deliverer whose webhook
// hangs (it answers only when the test ends) and checks that, while a
// try hangs, articles and their alerts are stored (each queued), and
// another watchlist's webhook still gets its alert.
func TestHangingReceiverDoesNotBlockIngest(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hung := make(chan struct{}, 100)
	release := make(chan struct{})
	var answered atomic.Int32
	dead := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hung <- struct{}{}
		<-release
		answered.Add(1)
	}))
	defer dead.Close()
	defer close(release)
	good := make(chan string, 10)
	live := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		good <- r.Header.Get(alert.HeaderIdempotencyKey)
	}))
	defer live.Close()
	slow, fast := addWatched(t, db, "slow", dead.URL), addWatched(t, db, "fast", live.URL)

	cfg := testConfig()
	cfg.Timeout, cfg.Workers = time.Hour, 2 // the hanging try outlasts the test
	d, err := alert.NewDeliverer(db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() { d.Run(runCtx); close(stopped) }()
	defer func() { stop(); <-stopped }()

	if err := ingestOne(ctx, db, slow, testDoc(t, 0)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-hung:
	case <-time.After(60 * time.Second):
		t.Fatal("the webhook got no request in 60 s")
	}
	// The deliverer is now waiting on the receiver: ingest goes on.
	const n = 30
	var docs []*news.Doc
	for i := 1; i <= n+1; i++ {
		docs = append(docs, testDoc(t, i))
	}
	done := make(chan error, 1)
	go func() {
		for _, doc := range docs[:n] {
			if err := ingestOne(ctx, db, slow, doc); err != nil {
				done <- err
				return
			}
		}
		done <- ingestOne(ctx, db, fast, docs[n])
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("ingest was blocked while a webhook hung")
	}
	if answered.Load() != 0 {
		t.Fatal("the receiver answered before ingest ended: the test proves nothing")
	}
	select {
	case <-good:
	case <-time.After(60 * time.Second):
		t.Fatal("the other watchlist's webhook got nothing while one hung")
	}
	alerts, err := db.Alerts(ctx, news.AlertQuery{WatchlistID: slow.list.ID, Limit: 100})
	if err != nil || len(alerts) != n+1 {
		t.Fatalf("%d alerts stored, %v; want %d", len(alerts), err, n+1)
	}
	ids := make([]int64, len(alerts))
	for i, a := range alerts {
		ids[i] = a.ID
	}
	st, err := db.DeliveryStatus(ctx, ids)
	if err != nil || len(st) != n+1 {
		t.Fatalf("%d queued, %v; want every alert", len(st), err)
	}
}
