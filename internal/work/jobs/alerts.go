package jobs

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/watch"
	"github.com/newsgraph/newsgraph/internal/work"
)

// AlertPublisher publishes a stored alert on the queue's alert stream;
// duplicate is true when the stream had it already (*jetstream.Queue).
type AlertPublisher interface {
	PublishAlert(ctx context.Context, a news.Alert) (duplicate bool, err error)
}

// AlertStore is what Alerts needs of a store that keeps watchlists: the
// watcher's store, and the stored articles and alerts.
type AlertStore interface {
	watch.Store
	Article(ctx context.Context, id int64) (*news.StoredArticle, error)
	Alerts(ctx context.Context, q news.AlertQuery) ([]news.Alert, error)
}

// Alerts fires the stored watchlists' rules on the articles a worker
// stores, stores their alerts (for webhooks, the Atom feeds and the
// alerts page) and publishes each on the queue's alert stream.
type Alerts struct {
	store   AlertStore
	watcher *watch.Watcher
	pub     AlertPublisher
	// timeout bounds the publication of one alert (the server away):
	// the job then fails and its next try publishes again.
	timeout time.Duration
}

// NewAlerts returns the alerts of the watchlists stored in store,
// published with pub, each publication given at most timeout.
func NewAlerts(ctx context.Context, store AlertStore, pub AlertPublisher, timeout time.Duration) (*Alerts, error) {
	w, err := watch.NewWatcher(ctx, store, 0)
	if err != nil {
		return nil, fmt.Errorf("load the watchlists: %w", err)
	}
	return &Alerts{store: store, watcher: w, pub: pub, timeout: timeout}, nil
}

// Store is the store the alerts are kept in.
func (a *Alerts) Store() AlertStore { return a.store }

// After fires and publishes the alerts of one try of a job that read
// source, whose outcome is out, and returns how many alerts were
// published now; a nil Alerts does nothing. A new article fires the rules.
// A duplicate fires nothing (its first copy did), except on a job's later
// try when the stored copy is this source's own: the earlier try may have
// stored the article and died before its alerts were stored or published,
// so the rules are fired (a rule fires once per article: only what is
// missing is stored) and all the article's alerts published again (the
// stream drops those it has, by their ids). An error fails the try.
func (a *Alerts) After(ctx context.Context, source string, try int, out work.Outcome) (int, error) {
	id := out.Put.ArticleID
	if a == nil || id == 0 {
		return 0, nil
	}
	var alerts []news.Alert
	var err error
	switch {
	case out.Put.Duplicate == nil:
		alerts, err = a.watcher.Fire(ctx, id)
	case try > 1:
		alerts, err = a.resume(ctx, id, source)
	}
	if err != nil {
		return 0, fmt.Errorf("alerts: %w", err)
	}
	return a.publish(ctx, alerts)
}

// resume fires the rules on stored article id again and returns all its
// alerts, when the article was stored from source; else none.
func (a *Alerts) resume(ctx context.Context, id int64, source string) ([]news.Alert, error) {
	art, err := a.store.Article(ctx, id)
	if err != nil || art.Source != source {
		return nil, err
	}
	if _, err := a.watcher.Fire(ctx, id); err != nil {
		return nil, err
	}
	// An article has at most one alert per rule: no limit is needed.
	return a.store.Alerts(ctx, news.AlertQuery{ArticleID: id, Limit: math.MaxInt32})
}

// publish publishes alerts and returns how many the stream did not have.
func (a *Alerts) publish(ctx context.Context, alerts []news.Alert) (int, error) {
	n := 0
	for _, al := range alerts {
		pctx, cancel := context.WithTimeout(ctx, a.timeout)
		dup, err := a.pub.PublishAlert(pctx, al)
		cancel()
		if err != nil {
			return n, fmt.Errorf("alerts: %w", err)
		}
		if !dup {
			n++
		}
	}
	return n, nil
}
