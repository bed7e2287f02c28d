package sqlite_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
)

func TestWatchConformance(t *testing.T) {
	newstest.RunWatchSuite(t, func(t *testing.T) newstest.WatchStore { return MustOpen(t) })
}
