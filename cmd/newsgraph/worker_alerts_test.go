package main

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	njs "github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work/jobs"
)

// floodWatchlist is a watchlist of one rule that any article saying
// "flood" fires (a full-text rule: the stub pipeline finds no entities).
const floodWatchlist = `{"name": "floods", "rules": [{"name": "flood", "query": "flood"}]}`

// alertWorker is a stub worker on a fresh queue and store whose store
// holds floodWatchlist, publishing its alerts through wrap(queue); it
// returns the worker and the NATS server's URL.
func alertWorker(t *testing.T, cfg jetstream.Config, wrap func(jobs.AlertPublisher) jobs.AlertPublisher) (*worker, string) {
	t.Helper()
	srv := jstest.Start(t, t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	wl := writeFile(t, dir, "floods.json", []byte(floodWatchlist))
	if code, out, errOut := run(t, "", "watch", "add", wl, "--db", db); code != 0 {
		t.Fatalf("watch add: exit %d\n%s%s", code, out, errOut)
	}
	w, _ := stubWorker(t, srv.URL(), db, cfg)
	alerts, err := newWorkerAlerts(context.Background(), w.store, wrap(w.q), time.Minute)
	if err != nil || alerts == nil {
		t.Fatalf("worker alerts: %v, %v", alerts, err)
	}
	w.jobs.Alerts = alerts
	return w, srv.URL()
}

// floodJobs are a job that fires floodWatchlist and one that does not.
var floodJobs = []jetstream.Job{
	{Kind: jetstream.KindExtract, Source: "river.txt", Data: []byte("The river flood reached the town on Monday, officials said.\n")},
	{Kind: jetstream.KindExtract, Source: "cricket.txt", Data: []byte("The cricket match was won by the home side on Monday.\n")},
}

// runJobs publishes jobs and runs the worker until the queue is empty.
func runJobs(t *testing.T, w *worker, jobs ...jetstream.Job) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, j := range jobs {
		if _, err := w.q.Publish(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.run(ctx); err != nil {
		t.Fatal(err)
	}
}

// streamAlerts reads every message of the alert stream through a durable
// consumer created now (after the alerts were published, as a consumer
// that connects later would) and returns their subjects and alerts.
func streamAlerts(t *testing.T, url, durable string) ([]string, []news.Alert) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := njs.New(nc)
	cons, err := js.CreateConsumer(ctx, jetstream.AlertsStream, njs.ConsumerConfig{Durable: durable, AckPolicy: njs.AckExplicitPolicy})
	if err != nil {
		t.Fatalf("a durable consumer of %s: %v", jetstream.AlertsStream, err)
	}
	batch, err := cons.FetchNoWait(100)
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	var alerts []news.Alert
	for m := range batch.Messages() {
		var a news.Alert
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			t.Fatalf("alert message is not an alert: %v: %s", err, m.Data())
		}
		subjects = append(subjects, m.Subject())
		alerts = append(alerts, a)
		m.Ack()
	}
	return subjects, alerts
}

// TestWorkerPublishesAlerts: a worker storing an article that a stored
// watchlist's rule fires on stores the alert and publishes it once on
// newsgraph.alerts.<watchlist id>, where a consumer that connects later
// finds it; the job run again, as a new delivery or as a redelivery after
// a worker died, publishes nothing more.
func TestWorkerPublishesAlerts(t *testing.T) {
	w, url := alertWorker(t, jetstream.Config{}, func(p jobs.AlertPublisher) jobs.AlertPublisher { return p })
	runJobs(t, w, floodJobs...)
	if got := w.jobs.Count.Stored.Load(); got != 2 {
		t.Fatalf("%d articles stored, want 2", got)
	}
	subjects, alerts := streamAlerts(t, url, "first")
	if len(alerts) != 1 {
		t.Fatalf("%d alert messages, want 1: %v", len(alerts), subjects)
	}
	a := alerts[0]
	if subjects[0] != "newsgraph.alerts.1" || a.ID != 1 || a.WatchlistID != 1 || a.Rule != "flood" ||
		a.Article.Source != "river.txt" || a.Why != "matches “flood”" || a.Created.IsZero() {
		t.Errorf("alert message on %s: %+v; want rule flood of watchlist 1 on river.txt", subjects[0], a)
	}
	ctx := context.Background()
	for try := 1; try <= 2; try++ {
		if err := w.jobs.Ingest(ctx, floodJobs[0], try); err != nil {
			t.Fatalf("the job again (try %d): %v", try, err)
		}
	}
	if _, alerts := streamAlerts(t, url, "second"); len(alerts) != 1 {
		t.Errorf("after the job ran again: %d alert messages, want still 1", len(alerts))
	}
	stored, err := w.jobs.Alerts.Store().Alerts(ctx, news.AlertQuery{})
	if err != nil || len(stored) != 1 {
		t.Errorf("stored alerts: %d, %v; want 1", len(stored), err)
	}
}

// failingPublisher fails its first publication, as a worker that died
// after storing an article and before publishing its alerts.
type failingPublisher struct {
	jobs.AlertPublisher
	calls atomic.Int64
}

func (p *failingPublisher) PublishAlert(ctx context.Context, a news.Alert) (bool, error) {
	if p.calls.Add(1) == 1 {
		return false, errors.New("connection lost")
	}
	return p.AlertPublisher.PublishAlert(ctx, a)
}

// TestWorkerAlertPublishedAfterFailure: an alert stored but not published
// (the try failed after the commit) is published by the job's next try,
// once, although the article is then a duplicate.
func TestWorkerAlertPublishedAfterFailure(t *testing.T) {
	w, url := alertWorker(t, jetstream.Config{Backoff: 200 * time.Millisecond}, func(p jobs.AlertPublisher) jobs.AlertPublisher {
		return &failingPublisher{AlertPublisher: p}
	})
	runJobs(t, w, floodJobs[0])
	if got := w.jobs.Count.Failed.Load(); got != 1 {
		t.Errorf("%d failed tries, want 1 (the publication)", got)
	}
	if _, alerts := streamAlerts(t, url, "reader"); len(alerts) != 1 || alerts[0].Rule != "flood" {
		t.Errorf("alert messages: %+v; want the flood alert once", alerts)
	}
}
