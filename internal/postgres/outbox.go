package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// The webhooks of watchlists and the outbox of their deliveries
// (migration 0002): alert.WebhookStore and alert.Outbox, with the
// semantics of internal/sqlite's. An alert is queued by a trigger when it
// is stored, in the same transaction, if its watchlist has a webhook.
//
// Webhook changes take the store's write lock, as alerts do (watch.go),
// so that an alert stored while its webhook is removed is either queued
// and then marked failed, or not queued. Deliveries do not: claiming and
// recording them never waits for ingest. Deliverers of several
// processes take turns per webhook by locking its row (FOR UPDATE SKIP
// LOCKED) while they claim its next delivery.

var (
	_ alert.WebhookStore = (*DB)(nil)
	_ alert.Outbox       = (*DB)(nil)
)

// PutWebhook implements alert.WebhookStore.
func (s *DB) PutWebhook(ctx context.Context, watchlistID int64, w alert.Webhook) error {
	now := stamp(s.now())
	err := s.write(ctx, func(tx conn) error {
		var exists bool
		if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM watchlists WHERE id = ?)`, watchlistID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return news.ErrNoSuchWatchlist
		}
		_, err := tx.exec(ctx, `INSERT INTO watchlist_webhooks (watchlist_id, url, secret, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT (watchlist_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated = excluded.updated`,
			watchlistID, w.URL, w.Secret, now)
		return err
	})
	if err != nil {
		return fmt.Errorf("put webhook of watchlist %d: %w", watchlistID, err)
	}
	return nil
}

// Webhook implements alert.WebhookStore.
func (s *DB) Webhook(ctx context.Context, watchlistID int64) (*alert.Webhook, error) {
	var w alert.Webhook
	err := s.db().queryRow(ctx, `SELECT url, secret FROM watchlist_webhooks WHERE watchlist_id = ?`, watchlistID).Scan(&w.URL, &w.Secret)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("webhook of watchlist %d: %w", watchlistID, err)
	}
	return &w, nil
}

// DeleteWebhook implements alert.WebhookStore.
func (s *DB) DeleteWebhook(ctx context.Context, watchlistID int64) error {
	now := stamp(s.now())
	err := s.write(ctx, func(tx conn) error {
		if _, err := tx.exec(ctx, `DELETE FROM watchlist_webhooks WHERE watchlist_id = ?`, watchlistID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `UPDATE alert_outbox SET state = 'failed', last_error = 'the watchlist has no webhook any more', updated = ?
			WHERE watchlist_id = ? AND state = 'pending'`, now, watchlistID)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete webhook of watchlist %d: %w", watchlistID, err)
	}
	return nil
}

// DeliveryStatus implements alert.WebhookStore.
func (s *DB) DeliveryStatus(ctx context.Context, alertIDs []int64) (map[int64]alert.Status, error) {
	out := map[int64]alert.Status{}
	if len(alertIDs) == 0 {
		return out, nil
	}
	rows, err := s.db().query(ctx, `SELECT alert_id, state, attempts, last_error, updated FROM alert_outbox
		WHERE alert_id = ANY(?)`, alertIDs)
	if err != nil {
		return nil, fmt.Errorf("delivery status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st alert.Status
		var updated string
		if err := rows.Scan(&id, &st.State, &st.Attempts, &st.LastError, &updated); err != nil {
			return nil, fmt.Errorf("delivery status: %w", err)
		}
		st.Updated, _ = time.Parse(time.RFC3339, updated)
		out[id] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("delivery status: %w", err)
	}
	return out, nil
}

// ClaimDeliveries implements alert.Outbox: in one transaction it claims,
// until now+lease, at most n pending deliveries due at now, the oldest of
// each watchlist that still has a webhook and has no claimed delivery
// (one try in flight per webhook), and reads their webhook and alert.
// The payload is the alert's JSON, the line 'ingest --alerts' writes.
//
// It is safe with deliverers in several processes: it first locks the
// webhook rows of the watchlists with something due (FOR UPDATE SKIP
// LOCKED: those another deliverer is claiming from are left to it), then,
// in a statement that sees every claim committed before those locks were
// granted, claims the oldest due delivery of each watchlist that has
// none claimed.
func (s *DB) ClaimDeliveries(ctx context.Context, now time.Time, n int, lease time.Duration) ([]alert.Delivery, error) {
	if n <= 0 {
		return nil, nil
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	defer tx.Rollback(ctx)
	c := conn{tx}
	ms := now.UnixMilli()
	lists, err := lockDueWebhooks(ctx, c, ms, n)
	if err != nil || len(lists) == 0 {
		return nil, wrapErr("claim deliveries", err)
	}
	rows, err := c.query(ctx, `UPDATE alert_outbox SET claimed_until = ?1 WHERE state = 'pending' AND alert_id IN (
		SELECT min(o.alert_id) FROM alert_outbox o
		WHERE o.watchlist_id = ANY(?2) AND o.state = 'pending' AND o.due <= ?3 AND NOT EXISTS (SELECT 1 FROM alert_outbox b
			WHERE b.watchlist_id = o.watchlist_id AND b.state = 'pending' AND b.claimed_until > ?3)
		GROUP BY o.watchlist_id)
		RETURNING alert_id, attempts`, now.Add(lease).UnixMilli(), lists, ms)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (alert.Delivery, error) {
		var d alert.Delivery
		err := row.Scan(&d.AlertID, &d.Attempts)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	slices.SortFunc(out, func(a, b alert.Delivery) int { return cmp.Compare(a.AlertID, b.AlertID) })
	if err := fillDeliveries(ctx, c, out); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return out, nil
}

// lockDueWebhooks locks, for the transaction, the webhook rows of at most
// n watchlists with a pending delivery due at ms and none claimed, those
// whose oldest due delivery waited longest first, and returns their
// watchlist ids. Rows another transaction holds are skipped.
func lockDueWebhooks(ctx context.Context, c conn, ms int64, n int) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT h.watchlist_id FROM watchlist_webhooks h
		WHERE EXISTS (SELECT 1 FROM alert_outbox o WHERE o.watchlist_id = h.watchlist_id AND o.state = 'pending' AND o.due <= ?1)
		AND NOT EXISTS (SELECT 1 FROM alert_outbox b WHERE b.watchlist_id = h.watchlist_id AND b.state = 'pending' AND b.claimed_until > ?1)
		ORDER BY (SELECT min(o.due) FROM alert_outbox o WHERE o.watchlist_id = h.watchlist_id AND o.state = 'pending' AND o.due <= ?1),
			h.watchlist_id
		LIMIT ?2 FOR UPDATE OF h SKIP LOCKED`, ms, n)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// fillDeliveries sets the URL, secret and payload of claimed deliveries.
func fillDeliveries(ctx context.Context, c conn, ds []alert.Delivery) error {
	ids := make([]int64, len(ds))
	byID := map[int64]*alert.Delivery{}
	for i := range ds {
		ids[i] = ds[i].AlertID
		byID[ds[i].AlertID] = &ds[i]
	}
	rows, err := c.query(ctx, sqlstore.AlertColumns+`, h.url, h.secret`+sqlstore.AlertFrom+` JOIN watchlist_webhooks h ON h.watchlist_id = r.watchlist_id
		WHERE al.id = ANY(?)`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var url, secret string
		a, err := sqlstore.ScanAlert(rows, &url, &secret)
		if err != nil {
			return err
		}
		d := byID[a.ID]
		d.URL, d.Secret = url, secret
		if d.Payload, err = json.Marshal(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// RecordDelivery implements alert.Outbox.
func (s *DB) RecordDelivery(ctx context.Context, o alert.Outcome) error {
	due := int64(0)
	if o.State == alert.StatePending {
		due = o.Next.UnixMilli()
	}
	_, err := s.db().exec(ctx, `UPDATE alert_outbox SET state = ?, attempts = ?, due = ?, claimed_until = 0, last_error = ?, updated = ?
		WHERE alert_id = ?`, o.State, o.Attempts, due, oneLineError(o.Error), stamp(s.now()), o.AlertID)
	if err != nil {
		return fmt.Errorf("record delivery of alert %d: %w", o.AlertID, err)
	}
	return nil
}

// maxErrorBytes bounds the error text kept per delivery, as in
// internal/sqlite.
const maxErrorBytes = 500

// oneLineError is msg on one line, at most maxErrorBytes long (cut at a
// character boundary).
func oneLineError(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > maxErrorBytes {
		msg = strings.ToValidUTF8(msg[:maxErrorBytes], "")
	}
	return msg
}

// TrimOutbox implements alert.Outbox: the oldest pending deliveries of a
// watchlist beyond the newest max are marked failed.
func (s *DB) TrimOutbox(ctx context.Context, max int) (int, error) {
	tag, err := s.db().exec(ctx, `UPDATE alert_outbox SET state = 'failed', last_error = ?, updated = ? WHERE state = 'pending' AND alert_id IN (
		SELECT alert_id FROM (SELECT alert_id, row_number() OVER (PARTITION BY watchlist_id ORDER BY alert_id DESC) AS rn
			FROM alert_outbox WHERE state = 'pending') p WHERE rn > ?)`,
		fmt.Sprintf("outbox full: more than %d deliveries waited for this webhook", max), stamp(s.now()), max)
	if err != nil {
		return 0, fmt.Errorf("trim outbox: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// wrapErr is err with what before it, nil when err is nil.
func wrapErr(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}
