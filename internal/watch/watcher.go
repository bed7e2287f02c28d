package watch

import (
	"context"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Store is what a Watcher reads and writes: the article facts rules
// read, the store questions some rules ask, the stored watchlists and
// the alerts (a news.Store with news.WatchStore has all of it).
type Store interface {
	Facts
	Querier
	Watchlists(ctx context.Context) ([]news.Watchlist, error)
	PutAlerts(ctx context.Context, alerts []news.Alert) ([]news.Alert, error)
}

// DefaultMaxAge is how long a Watcher uses the watchlists it read before
// it reads them again, at the next article: a watchlist added, replaced
// or removed by another process or by the API is watched from then on.
const DefaultMaxAge = 10 * time.Second

// Watcher evaluates the stored watchlists on each article as it is
// stored (incrementally: one article at a time, never the whole store)
// and stores the alerts. It is safe for concurrent use.
type Watcher struct {
	st     Store
	maxAge time.Duration
	mu     sync.RWMutex
	m      *Matcher
	sum    uint64 // fingerprint of the watchlists m was made of
	loaded time.Time
}

// NewWatcher returns a Watcher with the watchlists stored now, read
// again when older than maxAge (0 means DefaultMaxAge, negative never).
func NewWatcher(ctx context.Context, st Store, maxAge time.Duration) (*Watcher, error) {
	if maxAge == 0 {
		maxAge = DefaultMaxAge
	}
	w := &Watcher{st: st, maxAge: maxAge}
	if err := w.Reload(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

// Reload reads the stored watchlists again; call it after a watchlist
// was added, replaced or removed.
func (w *Watcher) Reload(ctx context.Context) error {
	lists, err := w.st.Watchlists(ctx)
	if err != nil {
		return fmt.Errorf("load watchlists: %w", err)
	}
	sum := fingerprint(lists)
	w.mu.RLock()
	same := w.m != nil && sum == w.sum
	w.mu.RUnlock()
	m := w.m
	if !same {
		// Only changed watchlists are parsed again (a file of 10,000
		// rules takes a while).
		if m, err = NewMatcher(lists); err != nil {
			return fmt.Errorf("load watchlists: %w", err)
		}
	}
	w.mu.Lock()
	w.m, w.sum, w.loaded = m, sum, time.Now()
	w.mu.Unlock()
	return nil
}

// fingerprint sums what identifies the stored watchlists: ids, rule ids
// and specs.
func fingerprint(lists []news.Watchlist) uint64 {
	h := fnv.New64a()
	for _, l := range lists {
		fmt.Fprintf(h, "%d/%d/", l.ID, len(l.Spec))
		h.Write(l.Spec)
		for _, r := range l.Rules {
			fmt.Fprintf(h, "/%d=%s", r.ID, r.Name)
		}
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// matcher returns the rules, read again first when they are too old.
func (w *Watcher) matcher(ctx context.Context) (*Matcher, error) {
	w.mu.RLock()
	m, stale := w.m, w.maxAge > 0 && time.Since(w.loaded) > w.maxAge
	w.mu.RUnlock()
	if !stale {
		return m, nil
	}
	if err := w.Reload(ctx); err != nil {
		return nil, err
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.m, nil
}

// Rules is the number of rules watched.
func (w *Watcher) Rules() int {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.m.Len()
}

// Fire evaluates the rules on a stored article and stores their alerts.
// It returns the alerts stored now: a rule that already fired on the
// article (re-ingest, a duplicate) gives none.
func (w *Watcher) Fire(ctx context.Context, articleID int64) ([]news.Alert, error) {
	m, err := w.matcher(ctx)
	if err != nil || m.Len() == 0 {
		return nil, err
	}
	alerts, err := Evaluate(ctx, m, w.st, articleID)
	if err != nil || len(alerts) == 0 {
		return nil, err
	}
	stored, err := w.st.PutAlerts(ctx, alerts)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", articleID, err)
	}
	return stored, nil
}

// EvalStore is what Evaluate reads.
type EvalStore interface {
	Facts
	Querier
}

// Evaluate loads a stored article and returns the alerts m's rules give
// on it, without storing them (a dry run: 'newsgraph watch test').
func Evaluate(ctx context.Context, m *Matcher, st EvalStore, articleID int64) ([]news.Alert, error) {
	a, err := LoadArticle(ctx, st, articleID)
	if err != nil {
		return nil, err
	}
	alerts, err := m.Evaluate(ctx, a, st)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", articleID, err)
	}
	return alerts, nil
}
