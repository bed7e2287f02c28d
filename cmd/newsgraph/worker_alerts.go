package main

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/internal/work/jobs"
)

// newWorkerAlerts returns the worker's alerts (see jobs.Alerts) on store,
// published with pub; nil when the store keeps no watchlists.
func newWorkerAlerts(ctx context.Context, store appStore, pub jobs.AlertPublisher, timeout time.Duration) (*jobs.Alerts, error) {
	ws, ok := store.(watchingStore)
	if !ok {
		return nil, nil
	}
	return jobs.NewAlerts(ctx, ws, pub, timeout)
}
