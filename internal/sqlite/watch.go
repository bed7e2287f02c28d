package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

var _ news.WatchStore = (*DB)(nil)

// DefaultAlertLimit is the number of alerts Alerts returns when the query
// gives no limit.
const DefaultAlertLimit = 100

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

const watchlistSelect = `SELECT id, name, description, spec, created, updated FROM watchlists `

// Watchlists implements news.WatchStore.
func (s *DB) Watchlists(ctx context.Context) ([]news.Watchlist, error) {
	rows, err := s.db.QueryContext(ctx, watchlistSelect+`ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	var out []news.Watchlist
	for rows.Next() {
		w, err := scanWatchlist(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("watchlists: %w", err)
		}
		out = append(out, *w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("watchlists: %w", err)
	}
	for i := range out {
		if out[i].Rules, err = s.watchRules(ctx, out[i].ID); err != nil {
			return nil, fmt.Errorf("watchlists: %w", err)
		}
	}
	return out, nil
}

// Watchlist implements news.WatchStore.
func (s *DB) Watchlist(ctx context.Context, id int64) (*news.Watchlist, error) {
	w, err := scanWatchlist(s.db.QueryRowContext(ctx, watchlistSelect+`WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("watchlist %d: %w", id, news.ErrNoSuchWatchlist)
	}
	if err != nil {
		return nil, fmt.Errorf("watchlist %d: %w", id, err)
	}
	if w.Rules, err = s.watchRules(ctx, id); err != nil {
		return nil, fmt.Errorf("watchlist %d: %w", id, err)
	}
	return w, nil
}

func scanWatchlist(row interface{ Scan(...any) error }) (*news.Watchlist, error) {
	var w news.Watchlist
	var created, updated string
	if err := row.Scan(&w.ID, &w.Name, &w.Description, &w.Spec, &created, &updated); err != nil {
		return nil, err
	}
	w.Created, _ = time.Parse(time.RFC3339, created)
	w.Updated, _ = time.Parse(time.RFC3339, updated)
	return &w, nil
}

func (s *DB) watchRules(ctx context.Context, id int64) ([]news.WatchRule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM watch_rules WHERE watchlist_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.WatchRule
	for rows.Next() {
		var r news.WatchRule
		if err := rows.Scan(&r.ID, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
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

// Alerts implements news.WatchStore.
func (s *DB) Alerts(ctx context.Context, q news.AlertQuery) ([]news.Alert, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultAlertLimit
	}
	var where []string
	var args []any
	for _, f := range []struct {
		cond string
		v    int64
	}{{`r.watchlist_id = ?`, q.WatchlistID}, {`al.rule_id = ?`, q.RuleID}, {`al.article_id = ?`, q.ArticleID}, {`al.id > ?`, q.AfterID}} {
		if f.v != 0 {
			where = append(where, f.cond)
			args = append(args, f.v)
		}
	}
	query := `SELECT al.id, r.watchlist_id, w.name, al.rule_id, r.name, al.article_id, a.source, a.title, a.url, a.published,
		al.sentences, al.why, al.created
		FROM alerts al JOIN watch_rules r ON r.id = al.rule_id JOIN watchlists w ON w.id = r.watchlist_id
		JOIN articles a ON a.id = al.article_id`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY al.id DESC LIMIT ?`
	rows, err := s.db.QueryContext(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	defer rows.Close()
	var out []news.Alert
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("alerts: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	return out, nil
}

func scanAlert(rows *sql.Rows) (news.Alert, error) {
	var a news.Alert
	var sents, created string
	err := rows.Scan(&a.ID, &a.WatchlistID, &a.Watchlist, &a.RuleID, &a.Rule, &a.Article.ID, &a.Article.Source,
		&a.Article.Title, &a.Article.URL, &a.Article.Published, &sents, &a.Why, &created)
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal([]byte(sents), &a.Sentences); err != nil {
		return a, fmt.Errorf("alert %d: sentences: %w", a.ID, err)
	}
	a.Created, _ = time.Parse(time.RFC3339, created)
	return a, nil
}

// EntityNames implements news.WatchStore.
func (s *DB) EntityNames(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	const batch = 500
	for len(ids) > 0 {
		n := min(batch, len(ids))
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		rows, err := s.db.QueryContext(ctx, `SELECT entity_id, name FROM entity_names WHERE entity_id IN (?`+
			strings.Repeat(`, ?`, n-1)+`) ORDER BY entity_id, kind DESC, name`, args...)
		if err != nil {
			return nil, fmt.Errorf("entity names: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("entity names: %w", err)
			}
			out[id] = append(out[id], name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("entity names: %w", err)
		}
	}
	return out, nil
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

// MentionedBefore implements news.WatchStore.
func (s *DB) MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error) {
	query := `SELECT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ? AND article_id < ?)`
	args := []any{entity, articleID}
	if country != "" {
		query = `SELECT EXISTS (SELECT 1 FROM article_entities ae JOIN article_entities ap ON ap.article_id = ae.article_id
			WHERE ae.entity_id = ? AND ae.article_id < ? AND ap.country = ?)`
		args = append(args, country)
	}
	var found bool
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&found); err != nil {
		return false, fmt.Errorf("mentioned before: %w", err)
	}
	return found, nil
}
