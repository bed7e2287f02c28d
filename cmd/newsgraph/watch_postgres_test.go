package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/postgres"
	"github.com/newsgraph/newsgraph/internal/work"
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
	code, out, errOut := run(t, "", "watch", "test", isDenialsExample, "--since", "2015-01-01", "--db", url)
	if code != 0 || len(decodeAlerts(t, out)) != 1 || !strings.Contains(errOut, "1 alert on 1 article") {
		t.Errorf("watch test: exit %d, %q, %q", code, out, errOut)
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

// TestWorkerPostgresPublishesAlerts: a worker on a postgres:// store
// fires the watchlist stored there on the article it stores, stores the
// alert and publishes it once on newsgraph.alerts.<watchlist id>; the
// job run again publishes nothing more.
func TestWorkerPostgresPublishesAlerts(t *testing.T) {
	url := postgresURL(t)
	srv := jstest.Start(t, t.TempDir())
	dir := t.TempDir()
	wl := writeFile(t, dir, "floods.json", []byte(floodWatchlist))
	if code, out, errOut := run(t, "", "watch", "add", wl, "--db", url); code != 0 {
		t.Fatalf("watch add: exit %d\n%s%s", code, out, errOut)
	}
	w := postgresStubWorker(t, srv.URL(), url)
	alerts, err := newWorkerAlerts(context.Background(), w.store, w.q, time.Minute)
	if err != nil || alerts == nil {
		t.Fatalf("worker alerts on PostgreSQL: %v, %v; want them", alerts, err)
	}
	w.jobs.Alerts = alerts
	runJobs(t, w, floodJobs...)
	subjects, published := streamAlerts(t, srv.URL(), "first")
	if len(published) != 1 || subjects[0] != "newsgraph.alerts.1" || published[0].Rule != "flood" || published[0].Article.Source != "river.txt" {
		t.Fatalf("alert messages %v %+v, want one of rule flood on river.txt", subjects, published)
	}
	if err := w.jobs.Ingest(context.Background(), floodJobs[0], 2); err != nil {
		t.Fatal(err)
	}
	if _, again := streamAlerts(t, srv.URL(), "second"); len(again) != 1 {
		t.Errorf("after the job ran again: %d alert messages, want still 1", len(again))
	}
	stored, err := alerts.Store().Alerts(context.Background(), news.AlertQuery{})
	if err != nil || len(stored) != 1 {
		t.Errorf("stored alerts: %d, %v; want 1", len(stored), err)
	}
}

// postgresStubWorker is stubWorker (no pipeline stages) on the store at a
// postgres:// URL, opened as the worker command opens it.
func postgresStubWorker(t *testing.T, natsURL, db string) *worker {
	t.Helper()
	ctx := context.Background()
	store, err := openStore(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	runner, err := pipeline.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	svc, err := work.New(work.Config{Store: store, Pipeline: runner, Dedup: dedup.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	q, err := jetstream.Open(ctx, jetstream.Config{URL: natsURL, Manage: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	env := &environment{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	w := &worker{env: env, opt: workerOptions{queue: q.Config(), parallel: 1, untilEmpty: true, feedMaxItems: 500},
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), q: q, store: store}
	w.jobs = w.newJobs(svc, &work.FeedPoller{Store: store, MaxItems: 500}, "test")
	return w
}
