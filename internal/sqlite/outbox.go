package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
)

// The webhooks of watchlists and the outbox of their deliveries
// (migration 0011): alert.WebhookStore and alert.Outbox. An alert is
// queued by a trigger when it is stored, in the same transaction, if its
// watchlist has a webhook.

var (
	_ alert.WebhookStore = (*DB)(nil)
	_ alert.Outbox       = (*DB)(nil)
)

// PutWebhook implements alert.WebhookStore.
func (s *DB) PutWebhook(ctx context.Context, watchlistID int64, w alert.Webhook) error {
	now := s.now().UTC().Format(time.RFC3339)
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM watchlists WHERE id = ?`, watchlistID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return news.ErrNoSuchWatchlist
			}
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO watchlist_webhooks (watchlist_id, url, secret, updated) VALUES (?, ?, ?, ?)
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
	err := s.db.QueryRowContext(ctx, `SELECT url, secret FROM watchlist_webhooks WHERE watchlist_id = ?`, watchlistID).Scan(&w.URL, &w.Secret)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("webhook of watchlist %d: %w", watchlistID, err)
	}
	return &w, nil
}

// DeleteWebhook implements alert.WebhookStore.
func (s *DB) DeleteWebhook(ctx context.Context, watchlistID int64) error {
	now := s.now().UTC().Format(time.RFC3339)
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM watchlist_webhooks WHERE watchlist_id = ?`, watchlistID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE alert_outbox SET state = 'failed', last_error = 'the watchlist has no webhook any more', updated = ?
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
	rows, err := s.db.QueryContext(ctx, `SELECT alert_id, state, attempts, last_error, updated FROM alert_outbox
		WHERE alert_id IN (`+placeholders(len(alertIDs))+`)`, int64Args(alertIDs)...)
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

// ClaimDeliveries implements alert.Outbox: in one write transaction it
// claims, until now+lease, at most n pending deliveries due at now, the
// oldest of each watchlist that still has a webhook and has no claimed
// delivery (one try in flight per webhook), and reads their webhook and
// alert. The payload is the alert's JSON, the line 'ingest --alerts'
// writes.
func (s *DB) ClaimDeliveries(ctx context.Context, now time.Time, n int, lease time.Duration) ([]alert.Delivery, error) {
	var out []alert.Delivery
	ms := now.UnixMilli()
	// Most polls find nothing due: they read, without the write lock
	// that ingest (of this or another process) needs.
	var due int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM alert_outbox WHERE state = 'pending' AND due <= ? LIMIT 1)`, ms).Scan(&due); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	if due == 0 {
		return nil, nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE alert_outbox SET claimed_until = ? WHERE alert_id IN (
			SELECT min(o.alert_id) FROM alert_outbox o JOIN watchlist_webhooks h ON h.watchlist_id = o.watchlist_id
			WHERE o.state = 'pending' AND o.due <= ? AND NOT EXISTS (SELECT 1 FROM alert_outbox b
				WHERE b.watchlist_id = o.watchlist_id AND b.state = 'pending' AND b.claimed_until > ?)
			GROUP BY o.watchlist_id ORDER BY min(o.due) LIMIT ?)
			RETURNING alert_id, attempts`, now.Add(lease).UnixMilli(), ms, ms, n)
		if err != nil {
			return err
		}
		out, err = scanClaims(rows)
		if err != nil || len(out) == 0 {
			return err
		}
		return fillDeliveries(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	return out, nil
}

func scanClaims(rows *sql.Rows) ([]alert.Delivery, error) {
	defer rows.Close()
	var out []alert.Delivery
	for rows.Next() {
		var d alert.Delivery
		if err := rows.Scan(&d.AlertID, &d.Attempts); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// fillDeliveries sets the URL, secret and payload of claimed deliveries.
func fillDeliveries(ctx context.Context, tx *sql.Tx, ds []alert.Delivery) error {
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.AlertID
	}
	rows, err := tx.QueryContext(ctx, `SELECT al.id, r.watchlist_id, w.name, al.rule_id, r.name, al.article_id,
		a.source, a.title, a.url, a.published, al.sentences, al.why, al.created, h.url, h.secret
		FROM alerts al JOIN watch_rules r ON r.id = al.rule_id JOIN watchlists w ON w.id = r.watchlist_id
		JOIN articles a ON a.id = al.article_id JOIN watchlist_webhooks h ON h.watchlist_id = r.watchlist_id
		WHERE al.id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]*alert.Delivery{}
	for i := range ds {
		byID[ds[i].AlertID] = &ds[i]
	}
	for rows.Next() {
		var a news.Alert
		var sents, created, url, secret string
		err := rows.Scan(&a.ID, &a.WatchlistID, &a.Watchlist, &a.RuleID, &a.Rule, &a.Article.ID, &a.Article.Source,
			&a.Article.Title, &a.Article.URL, &a.Article.Published, &sents, &a.Why, &created, &url, &secret)
		if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(sents), &a.Sentences); err != nil {
			return fmt.Errorf("alert %d: sentences: %w", a.ID, err)
		}
		a.Created, _ = time.Parse(time.RFC3339, created)
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
	now := s.now()
	due := int64(0)
	if o.State == alert.StatePending {
		due = o.Next.UnixMilli()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE alert_outbox SET state = ?, attempts = ?, due = ?, claimed_until = 0, last_error = ?, updated = ?
			WHERE alert_id = ?`,
			o.State, o.Attempts, due, oneLineError(o.Error), now.UTC().Format(time.RFC3339), o.AlertID)
		return err
	})
	if err != nil {
		return fmt.Errorf("record delivery of alert %d: %w", o.AlertID, err)
	}
	return nil
}

// maxErrorBytes bounds the error text kept per delivery.
const maxErrorBytes = 500

func oneLineError(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > maxErrorBytes {
		msg = msg[:maxErrorBytes]
	}
	return msg
}

// TrimOutbox implements alert.Outbox. It takes the write lock only when
// some watchlist has more than max deliveries pending.
func (s *DB) TrimOutbox(ctx context.Context, max int) (int, error) {
	var over int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM alert_outbox WHERE state = 'pending'
		GROUP BY watchlist_id HAVING count(*) > ? LIMIT 1)`, max).Scan(&over)
	if err != nil || over == 0 {
		return 0, wrapErr("trim outbox", err)
	}
	var n int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE alert_outbox SET state = 'failed', last_error = ?, updated = ? WHERE alert_id IN (
			SELECT alert_id FROM (SELECT alert_id, row_number() OVER (PARTITION BY watchlist_id ORDER BY alert_id DESC) AS rn
				FROM alert_outbox WHERE state = 'pending') WHERE rn > ?)`,
			fmt.Sprintf("outbox full: more than %d deliveries waited for this webhook", max), s.now().UTC().Format(time.RFC3339), max)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), wrapErr("trim outbox", err)
}

func wrapErr(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
