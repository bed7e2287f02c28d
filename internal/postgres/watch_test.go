package postgres_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

func TestWatchConformance(t *testing.T) {
	newstest.RunWatchSuite(t, func(t *testing.T) newstest.WatchStore { return MustOpen(t, postgres.Config{}) })
}

// TestOutboxConformance runs the outbox suite both stores share; another
// store opened on the same schema (its own connections) stands for
// another process.
func TestOutboxConformance(t *testing.T) {
	newstest.RunOutboxSuite(t, newstest.OutboxStores{
		New: func(t *testing.T) newstest.OutboxStore { return MustOpen(t, postgres.Config{}) },
		Again: func(t *testing.T, s newstest.OutboxStore) newstest.OutboxStore {
			db, err := postgres.Open(context.Background(), postgres.Config{URL: testURL(t), Schema: s.(*postgres.DB).Schema()})
			if err != nil {
				t.Fatalf("open again: %v", err)
			}
			return db
		},
	})
}
