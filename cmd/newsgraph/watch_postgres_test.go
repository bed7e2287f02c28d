package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
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

// TestServePostgresDeliversWebhook: 'serve' on a postgres:// store
// stores a watchlist and its webhook through the API, fires its rule on
// the reference article ingested through the API, and its deliverer
// POSTs the alert, signed, to the webhook and records it delivered.
func TestServePostgresDeliversWebhook(t *testing.T) {
	needSeed(t)
	ctx := context.Background()
	store, err := openStore(ctx, postgresURL(t), false)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	const secret = "a-secret-of-16-bytes-or-more"
	got := make(chan string, 4)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := alert.Verify(secret, r.Header, body, time.Now(), 0); err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		got <- string(body)
	}))
	defer receiver.Close()
	env := &environment{stdout: io.Discard, stderr: io.Discard}
	opt, err := parseServeFlags(env, []string{"--token", "tok", "--data", t.TempDir(), "--webhook-allow-private",
		"--webhook-poll", "50ms", "--webhook-backoff", "50ms"})
	if err != nil {
		t.Fatal(err)
	}
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if status, body := call("POST", "/api/watchlists", string(mustRead(t, isDenialsExample))); status != 201 {
		t.Fatalf("create watchlist: %d %s", status, body)
	}
	if status, body := call("PUT", "/api/watchlists/1/webhook", `{"url":`+strconv.Quote(receiver.URL+"/hook")+`,"secret":"`+secret+`"}`); status/100 != 2 {
		t.Fatalf("set webhook: %d %s", status, body)
	}
	seed, _ := os.ReadFile(seedArticle)
	status, body := call("POST", "/api/ingest", `{"articles":[{"text":`+strconv.Quote(string(seed))+`,"published":"2015-02-19"}]}`)
	if status != 201 || !strings.Contains(body, `"status":"stored"`) {
		t.Fatalf("ingest: %d %s", status, body)
	}
	runCtx, stop := context.WithCancel(ctx)
	wait, err := startDeliverer(runCtx, env, store, opt.webhooks)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { stop(); wait() }()
	select {
	case payload := <-got:
		if !strings.Contains(payload, `"rule":"denial about Islamic State"`) || !strings.Contains(payload, `"why":"Chaudhry Nisar denies`) {
			t.Errorf("webhook payload %.400s, want the denial's alert", payload)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the webhook got nothing in 60 s")
	}
	ws := store.(watchingStore)
	deadline := time.Now().Add(30 * time.Second)
	for {
		alerts, err := ws.Alerts(ctx, news.AlertQuery{WatchlistID: 1})
		if err != nil || len(alerts) != 1 {
			t.Fatalf("alerts: %+v, %v; want one", alerts, err)
		}
		st, err := ws.DeliveryStatus(ctx, []int64{alerts[0].ID})
		if err == nil && st[alerts[0].ID].State == alert.StateDelivered {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("delivery not recorded: %+v, %v", st, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
