package jetstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	njs "github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/news"
)

// AlertsStream is the stream that keeps the alerts workers publish, on
// AlertsSubject followed by the watchlist's id (newsgraph.alerts.3).
const (
	AlertsStream  = "NEWSGRAPH_ALERTS"
	AlertsSubject = "newsgraph.alerts."
)

// AlertSubject is the subject of watchlist id's alerts.
func AlertSubject(watchlistID int64) string {
	return AlertsSubject + strconv.FormatInt(watchlistID, 10)
}

// alertsStreamConfig is the alert stream: kept on disk for AlertMaxAge,
// within MaxBytes (the oldest alerts go first: publishing an alert never
// waits for a slow reader), the same alert id published again within
// DupWindow stored once.
func alertsStreamConfig(cfg Config) njs.StreamConfig {
	return njs.StreamConfig{
		Name: AlertsStream, Subjects: []string{AlertsSubject + ">"}, Retention: njs.LimitsPolicy,
		MaxAge: cfg.AlertMaxAge, MaxBytes: cfg.MaxBytes, Discard: njs.DiscardOld,
		Duplicates: cfg.DupWindow, Storage: njs.FileStorage,
	}
}

// alertMsgID is the Nats-Msg-Id of an alert: its id in the store.
func alertMsgID(id int64) string { return "alert-" + strconv.FormatInt(id, 10) }

// PublishAlert publishes a stored alert, as JSON (the object a webhook
// receives), on AlertSubject(a.WatchlistID) and returns once the server
// has stored it. Its message id is the alert's id, so the same alert
// published again within DupWindow (a job run twice) is stored once:
// duplicate is then true. It waits while the server is away, until ctx
// is done.
func (q *Queue) PublishAlert(ctx context.Context, a news.Alert) (duplicate bool, err error) {
	if a.ID <= 0 || a.WatchlistID <= 0 {
		return false, errors.New("publish alert: the alert is not stored (no id)")
	}
	data, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("publish alert %d: %w", a.ID, err)
	}
	msg := &nats.Msg{Subject: AlertSubject(a.WatchlistID), Data: data, Header: nats.Header{}}
	msg.Header.Set(njs.MsgIDHeader, alertMsgID(a.ID))
	return q.publishMsg(ctx, msg, "alert "+strconv.FormatInt(a.ID, 10))
}
