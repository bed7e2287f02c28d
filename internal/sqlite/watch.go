package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

var _ news.WatchStore = (*DB)(nil)

// DefaultAlertLimit is the number of alerts Alerts returns when the query
// gives no limit (sqlstore.DefaultAlertLimit).
const DefaultAlertLimit = sqlstore.DefaultAlertLimit

// PutWatchlist implements news.WatchStore: a new watchlist, or the one
// of the same name replaced, its rules of the same names keeping their
// ids.
func (s *DB) PutWatchlist(ctx context.Context, w *news.Watchlist) (*news.Watchlist, error) {
	if w.Name == "" {
		return nil, errors.New("put watchlist: no name")
	}
	now := s.now().UTC().Truncate(time.Second)
	var id int64
	err := s.write(ctx, func(tx *sql.Tx) error {
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

// upsertWatchlist stores the watchlist's row and returns its id.
func upsertWatchlist(ctx context.Context, tx *sql.Tx, w *news.Watchlist, now time.Time) (int64, error) {
	stamp := now.Format(time.RFC3339)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO watchlists (name, description, spec, created, updated) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET description = excluded.description, spec = excluded.spec, updated = excluded.updated
		RETURNING id`, w.Name, w.Description, w.Spec, stamp, stamp).Scan(&id)
	return id, err
}

// putRules makes the watchlist's rules exactly rules: those of the same
// names keep their ids (and alerts), the others go.
func putRules(ctx context.Context, tx *sql.Tx, id int64, rules []news.WatchRule) error {
	keep := make([]any, 0, len(rules)+1)
	keep = append(keep, id)
	for i, r := range rules {
		if r.Name == "" {
			return fmt.Errorf("rule %d has no name", i+1)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO watch_rules (watchlist_id, name, position) VALUES (?, ?, ?)
			ON CONFLICT (watchlist_id, name) DO UPDATE SET position = excluded.position`, id, r.Name, i); err != nil {
			return err
		}
		keep = append(keep, r.Name)
	}
	// Rules no longer in the watchlist go, in batches of SQLite's
	// parameter limit at most.
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM watch_rules WHERE watchlist_id = ?`, id)
	if err != nil {
		return err
	}
	names := map[string]bool{}
	for _, n := range keep[1:] {
		names[n.(string)] = true
	}
	var gone []int64
	for rows.Next() {
		var rid int64
		var name string
		if err := rows.Scan(&rid, &name); err != nil {
			rows.Close()
			return err
		}
		if !names[name] {
			gone = append(gone, rid)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, rid := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM watch_rules WHERE id = ?`, rid); err != nil {
			return err
		}
	}
	return nil
}

// DeleteWatchlist implements news.WatchStore; its rules and alerts go by
// the schema's cascades.
func (s *DB) DeleteWatchlist(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM watchlists WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return news.ErrNoSuchWatchlist
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete watchlist %d: %w", id, err)
	}
	return nil
}

// PutAlerts implements news.WatchStore.
func (s *DB) PutAlerts(ctx context.Context, alerts []news.Alert) ([]news.Alert, error) {
	if len(alerts) == 0 {
		return nil, nil
	}
	now := s.now().UTC().Truncate(time.Second)
	var stored []news.Alert
	err := s.write(ctx, func(tx *sql.Tx) error {
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
// already fired on the article or no longer exists.
func insertAlert(ctx context.Context, tx *sql.Tx, a news.Alert, now time.Time) (int64, error) {
	sents, err := json.Marshal(nonNilSpans(a.Sentences))
	if err != nil {
		return 0, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO alerts (rule_id, article_id, sentences, why, created)
		SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM watch_rules WHERE id = ?)
		ON CONFLICT (rule_id, article_id) DO NOTHING RETURNING id`,
		a.RuleID, a.Article.ID, string(sents), a.Why, now.Format(time.RFC3339), a.RuleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
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
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, articleID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", articleID, news.ErrNoSuchArticle)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT k.claim_a, k.claim_b, k.why FROM contradictions k
		WHERE k.scope = 'cross' AND (k.claim_a IN (SELECT id FROM claims WHERE article_id = ?1)
		OR k.claim_b IN (SELECT id FROM claims WHERE article_id = ?1)) ORDER BY k.id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	type pair struct {
		a, b int64
		why  string
	}
	var pairs []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.a, &p.b, &p.why); err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
	}
	out := make([]news.StoredContradiction, 0, len(pairs))
	for _, p := range pairs {
		a, err := claimByID(ctx, s.db, p.a)
		if err != nil {
			return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
		}
		b, err := claimByID(ctx, s.db, p.b)
		if err != nil {
			return nil, fmt.Errorf("article %d contradictions: %w", articleID, err)
		}
		out = append(out, news.StoredContradiction{A: a, B: b, Why: p.why, Scope: "cross"})
	}
	return out, nil
}

// Watchlists implements news.WatchStore (sqlstore.Watchlists).
func (s *DB) Watchlists(ctx context.Context) ([]news.Watchlist, error) {
	return sqlstore.Watchlists(ctx, s.q())
}

// Watchlist implements news.WatchStore (sqlstore.Watchlist).
func (s *DB) Watchlist(ctx context.Context, id int64) (*news.Watchlist, error) {
	return sqlstore.Watchlist(ctx, s.q(), id)
}

// Alerts implements news.WatchStore (sqlstore.Alerts).
func (s *DB) Alerts(ctx context.Context, q news.AlertQuery) ([]news.Alert, error) {
	return sqlstore.Alerts(ctx, s.q(), q)
}

// EntityNames implements news.WatchStore (sqlstore.EntityNames).
func (s *DB) EntityNames(ctx context.Context, ids []int64) (map[int64][]string, error) {
	return sqlstore.EntityNames(ctx, s.q(), ids)
}

// MentionedBefore implements news.WatchStore (sqlstore.MentionedBefore).
func (s *DB) MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error) {
	return sqlstore.MentionedBefore(ctx, s.q(), entity, country, articleID)
}
