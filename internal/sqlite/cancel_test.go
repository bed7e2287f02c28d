package sqlite_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestCancelStopsSearch: with the limits lifted, 166 times "t*" keeps
// SQLite busy for many seconds; a context cancelled 100 ms in must stop
// it (the driver interrupts SQLite), and the error must say so, so that
// the API answers 503 rather than "internal error". The bound on the wait
// is generous: it only tells "stopped" from "ran to the end".
func TestCancelStopsSearch(t *testing.T) {
	db := corpusStore(t, 2000, sqlite.Config{Search: sqlite.SearchLimits{MaxTerms: 1000, MinPrefix: 1, MaxExpansions: 1 << 30}})
	q := news.SearchQuery{Text: strings.Repeat("t* ", 166)}
	for _, end := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 100*time.Millisecond)
		}, context.DeadlineExceeded},
	} {
		t.Run(end.name, func(t *testing.T) {
			ctx, cancel := end.ctx()
			defer cancel()
			start := time.Now()
			hits, err := db.Search(ctx, q)
			took := time.Since(start)
			if !errors.Is(err, end.want) {
				t.Fatalf("Search = %d hits, %v after %s; want an error wrapping %v", len(hits), err, took, end.want)
			}
			if took > 10*time.Second {
				t.Errorf("Search returned %s after the context ended; want it interrupted", took)
			}
			t.Logf("stopped after %s: %v", took.Round(time.Millisecond), err)
		})
	}
}
