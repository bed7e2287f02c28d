package sqlite_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestOutboxConformance runs the outbox suite both stores share; another
// handle on the same file stands for another process.
func TestOutboxConformance(t *testing.T) {
	newstest.RunOutboxSuite(t, newstest.OutboxStores{
		New: func(t *testing.T) newstest.OutboxStore { return MustOpen(t) },
		Again: func(t *testing.T, s newstest.OutboxStore) newstest.OutboxStore {
			db, err := sqlite.Open(context.Background(), sqlite.Config{Path: s.(*sqlite.DB).Path()})
			if err != nil {
				t.Fatalf("open again: %v", err)
			}
			return db
		},
	})
}
