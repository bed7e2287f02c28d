package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

// TestWatchPostgres: with a postgres:// store, 'watch add' keeps the
// example watchlist there, 'watch webhook' its webhook, and 'ingest
// --alerts' of the reference article writes its one alert and queues it
// for the webhook; ingested again, it writes none. 'watch list', 'show'
// and 'rm' read and change the watchlists there.
func TestWatchPostgres(t *testing.T) {
	needSeed(t)
	url := postgresURL(t)
	if code, out, errOut := run(t, "", "watch", "add", isDenialsExample, "--db", url); code != 0 || out != "added watchlist 1 is-denials: 1 rule\n" {
		t.Fatalf("watch add: exit %d, %q %q", code, out, errOut)
	}
	const hook = "https://hooks.example/newsgraph"
	if code, out, errOut := run(t, "", "watch", "webhook", "is-denials", hook, "--secret", "0123456789abcdef0123", "--db", url); code != 0 {
		t.Fatalf("watch webhook: exit %d, %q %q", code, out, errOut)
	}
	out, _ := mustIngest(t, url, "--alerts", "--published", referenceDate, seedArticle)
	alerts := decodeAlerts(t, out)
	if len(alerts) != 1 || alerts[0].Rule != "denial about Islamic State" || alerts[0].Article.Source != seedArticle ||
		!strings.Contains(alerts[0].Why, "Chaudhry Nisar denies presence of Islamic State") || len(alerts[0].Sentences) == 0 {
		t.Fatalf("ingest --alerts: got %q, want one alert of the rule on %s", out, seedArticle)
	}
	if out, _ := mustIngest(t, url, "--alerts", "--published", referenceDate, seedArticle); strings.TrimSpace(out) != "" {
		t.Errorf("ingest again: got alerts %q, want none", out)
	}
	queued := queuedDeliveries(t, url)
	if len(queued) != 1 || queued[0].URL != hook {
		t.Errorf("outbox: %+v, want the alert queued for %s", queued, hook)
	}
	code, out, _ := run(t, "", "watch", "list", "--db", url)
	if code != 0 || !strings.Contains(out, "1\tis-denials\t1 rule") {
		t.Errorf("watch list: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "watch", "show", "is-denials", "--db", url)
	if code != 0 || !strings.Contains(out, `"stance": "deny"`) || !strings.Contains(out, "latest alerts: 1") {
		t.Errorf("watch show: exit %d, %q", code, out)
	}
	code, out, _ = run(t, "", "watch", "rm", "1", "--db", url)
	if code != 0 || out != "removed watchlist 1 is-denials\n" {
		t.Errorf("watch rm: exit %d, %q", code, out)
	}
}

// queuedDeliveries claims the deliveries due in the store at url.
func queuedDeliveries(t *testing.T, url string) []alert.Delivery {
	t.Helper()
	ctx := context.Background()
	store, err := postgres.Open(ctx, postgres.Config{URL: url, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if wls, err := store.Watchlists(ctx); err != nil || len(wls) != 1 {
		t.Fatalf("watchlists in the store: %+v, %v", wls, err)
	}
	ds, err := store.ClaimDeliveries(ctx, time.Now(), 10, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}
