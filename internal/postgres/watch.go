package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// Watchlists, their rules and the alerts they fired (migration 0002):
// news.WatchStore, with the semantics of internal/sqlite's. Changes to
// them take the store's write lock, as article writes do, so that an
// alert and the webhook it is queued for (outbox.go) change in the order
// SQLite's single writer gives.

var _ news.WatchStore = (*DB)(nil)

// DefaultAlertLimit is the number of alerts Alerts returns when the query
// gives no limit (sqlstore.DefaultAlertLimit).
const DefaultAlertLimit = sqlstore.DefaultAlertLimit

// stamp is t as the stores keep times: RFC 3339 in UTC, to the second.
func stamp(t time.Time) string { return t.UTC().Truncate(time.Second).Format(time.RFC3339) }

// PutWatchlist implements news.WatchStore: a new watchlist, or the one
// of the same name replaced, its rules of the same names keeping their
// ids.
func (s *DB) PutWatchlist(ctx context.Context, w *news.Watchlist) (*news.Watchlist, error) {
	if w.Name == "" {
		return nil, errors.New("put watchlist: no name")
	}
	now := stamp(s.now())
	var id int64
	err := s.write(ctx, func(tx conn) error {
		var err error
		if id, err = upsertWatchlist(ctx, tx, w, now); err != nil {
			return err
		}
		return putRules(ctx, tx, id, w.Rules)
	})
	if err != nil {
		return nil, fmt.Errorf("put watchlist %s: %w", w.Name, err)
	}
	return s.Watchlist(ctx, id)
}

// upsertWatchlist stores the watchlist's row and returns its id. It
// updates first and inserts only a new name, so that replacing a
// watchlist takes no number from the id sequence (under the write lock
// no other writer comes between).
func upsertWatchlist(ctx context.Context, tx conn, w *news.Watchlist, now string) (int64, error) {
	spec := w.Spec
	if spec == nil {
		spec = []byte{}
	}
	var id int64
	err := tx.queryRow(ctx, `UPDATE watchlists SET description = ?, spec = ?, updated = ? WHERE name = ? RETURNING id`,
		w.Description, spec, now, w.Name).Scan(&id)
	if !errors.Is(err, pgx.ErrNoRows) {
		return id, err
	}
	err = tx.queryRow(ctx, `INSERT INTO watchlists (name, description, spec, created, updated) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		w.Name, w.Description, spec, now, now).Scan(&id)
	return id, err
}

// putRules makes the watchlist's rules exactly rules: those of the same
// names keep their ids (and alerts), the others go with their alerts.
func putRules(ctx context.Context, tx conn, id int64, rules []news.WatchRule) error {
	names := make([]string, 0, len(rules))
	for i, r := range rules {
		if r.Name == "" {
			return fmt.Errorf("rule %d has no name", i+1)
		}
		tag, err := tx.exec(ctx, `UPDATE watch_rules SET position = ? WHERE watchlist_id = ? AND name = ?`, i, id, r.Name)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			if _, err := tx.exec(ctx, `INSERT INTO watch_rules (watchlist_id, name, position) VALUES (?, ?, ?)`, id, r.Name, i); err != nil {
				return err
			}
		}
		names = append(names, r.Name)
	}
	_, err := tx.exec(ctx, `DELETE FROM watch_rules WHERE watchlist_id = ? AND NOT (name = ANY(?))`, id, names)
	return err
}

// DeleteWatchlist implements news.WatchStore; its rules, alerts, webhook
// and deliveries go by the schema's cascades.
func (s *DB) DeleteWatchlist(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx conn) error {
		tag, err := tx.exec(ctx, `DELETE FROM watchlists WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return news.ErrNoSuchWatchlist
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete watchlist %d: %w", id, err)
	}
	return nil
}

// PutAlerts implements news.WatchStore. The trigger of migration 0002
// queues each alert stored for its watchlist's webhook, in the same
// transaction.
func (s *DB) PutAlerts(ctx context.Context, alerts []news.Alert) ([]news.Alert, error) {
	if len(alerts) == 0 {
		return nil, nil
	}
	now := s.now().UTC().Truncate(time.Second)
	var stored []news.Alert
	err := s.write(ctx, func(tx conn) error {
		stored = stored[:0]
		for _, a := range alerts {
			id, err := insertAlert(ctx, tx, a, now)
			if err != nil {
				return err
			}
			if id != 0 {
				a.ID, a.Created = id, now
				stored = append(stored, a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("put alerts: %w", err)
	}
	return stored, nil
}

// insertAlert stores one alert and returns its id, or 0 when its rule
// already fired on the article or no longer exists. Both are tested
// before the insert, so that a skipped alert takes no id.
func insertAlert(ctx context.Context, tx conn, a news.Alert, now time.Time) (int64, error) {
	sents, err := json.Marshal(nonNilSpans(a.Sentences))
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.queryRow(ctx, `INSERT INTO alerts (rule_id, article_id, sentences, why, created)
		SELECT ?1::bigint, ?2::bigint, ?3::text, ?4::text, ?5::text WHERE EXISTS (SELECT 1 FROM watch_rules WHERE id = ?1)
			AND NOT EXISTS (SELECT 1 FROM alerts WHERE rule_id = ?1 AND article_id = ?2)
		ON CONFLICT (rule_id, article_id) DO NOTHING RETURNING id`,
		a.RuleID, a.Article.ID, string(sents), a.Why, now.Format(time.RFC3339)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func nonNilSpans(s []news.AlertSpan) []news.AlertSpan {
	if s == nil {
		return []news.AlertSpan{}
	}
	return s
}

// ArticleContradictions implements news.WatchStore: the contradictions
// of scope "cross" with a claim of the article.
func (s *DB) ArticleContradictions(ctx context.Context, articleID int64) ([]news.StoredContradiction, error) {
	var exists bool
	if err := s.db().queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)`, articleID).Scan(&exists); err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	if !exists {
		return nil, fmt.Errorf("article %d: %w", articleID, news.ErrNoSuchArticle)
	}
	type pair struct {
		a, b int64
		why  string
	}
	rows, err := s.db().query(ctx, `SELECT k.claim_a, k.claim_b, k.why FROM contradictions k
		WHERE k.scope = 'cross' AND (k.claim_a IN (SELECT id FROM claims WHERE article_id = ?1)
		OR k.claim_b IN (SELECT id FROM claims WHERE article_id = ?1)) ORDER BY k.id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	pairs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (pair, error) {
		var p pair
		err := row.Scan(&p.a, &p.b, &p.why)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	out := make([]news.StoredContradiction, 0, len(pairs))
	for _, p := range pairs {
		a, err := claimByID(ctx, s.db(), p.a)
		if err != nil {
			return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
		}
		b, err := claimByID(ctx, s.db(), p.b)
		if err != nil {
			return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
		}
		out = append(out, news.StoredContradiction{A: a, B: b, Why: p.why, Scope: "cross"})
	}
	return out, nil
}

// Watchlists implements news.WatchStore (sqlstore.Watchlists).
func (s *DB) Watchlists(ctx context.Context) ([]news.Watchlist, error) {
	return sqlstore.Watchlists(ctx, s.db())
}

// Watchlist implements news.WatchStore (sqlstore.Watchlist).
func (s *DB) Watchlist(ctx context.Context, id int64) (*news.Watchlist, error) {
	return sqlstore.Watchlist(ctx, s.db(), id)
}

// Alerts implements news.WatchStore (sqlstore.Alerts).
func (s *DB) Alerts(ctx context.Context, q news.AlertQuery) ([]news.Alert, error) {
	return sqlstore.Alerts(ctx, s.db(), q)
}

// EntityNames implements news.WatchStore (sqlstore.EntityNames).
func (s *DB) EntityNames(ctx context.Context, ids []int64) (map[int64][]string, error) {
	return sqlstore.EntityNames(ctx, s.db(), ids)
}

// MentionedBefore implements news.WatchStore (sqlstore.MentionedBefore).
func (s *DB) MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error) {
	return sqlstore.MentionedBefore(ctx, s.db(), entity, country, articleID)
}
