package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// DefaultAlertLimit is the number of alerts Alerts returns when the query
// gives no limit.
const DefaultAlertLimit = 100

const watchlistSelect = `SELECT id, name, description, spec, created, updated FROM watchlists `

// Watchlists returns the stored watchlists with their rules, by id
// (news.WatchStore.Watchlists).
func Watchlists(ctx context.Context, q Querier) ([]news.Watchlist, error) {
	rows, err := q.Query(ctx, watchlistSelect+`ORDER BY id`)
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
		if out[i].Rules, err = watchRules(ctx, q, out[i].ID); err != nil {
			return nil, fmt.Errorf("watchlists: %w", err)
		}
	}
	return out, nil
}

// Watchlist returns watchlist id with its rules, or news.ErrNoSuchWatchlist
// (news.WatchStore.Watchlist).
func Watchlist(ctx context.Context, q Querier, id int64) (*news.Watchlist, error) {
	w, err := scanWatchlist(q.QueryRow(ctx, watchlistSelect+`WHERE id = ?`, id))
	if q.NoRows(err) {
		return nil, fmt.Errorf("watchlist %d: %w", id, news.ErrNoSuchWatchlist)
	}
	if err != nil {
		return nil, fmt.Errorf("watchlist %d: %w", id, err)
	}
	if w.Rules, err = watchRules(ctx, q, id); err != nil {
		return nil, fmt.Errorf("watchlist %d: %w", id, err)
	}
	return w, nil
}

func scanWatchlist(row Row) (*news.Watchlist, error) {
	var w news.Watchlist
	var created, updated string
	if err := row.Scan(&w.ID, &w.Name, &w.Description, &w.Spec, &created, &updated); err != nil {
		return nil, err
	}
	w.Created, _ = time.Parse(time.RFC3339, created)
	w.Updated, _ = time.Parse(time.RFC3339, updated)
	return &w, nil
}

// watchRules returns the rules of watchlist id in their order.
func watchRules(ctx context.Context, q Querier, id int64) ([]news.WatchRule, error) {
	rows, err := q.Query(ctx, `SELECT id, name FROM watch_rules WHERE watchlist_id = ? ORDER BY position`, id)
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

// AlertColumns and AlertFrom read an alert with its rule, watchlist and
// article (ScanAlert); a query may add columns after AlertColumns and
// joins after AlertFrom.
const (
	AlertColumns = `SELECT al.id, r.watchlist_id, w.name, al.rule_id, r.name, al.article_id, a.source, a.title, a.url, a.published,
	al.sentences, al.why, al.created `
	AlertFrom = ` FROM alerts al JOIN watch_rules r ON r.id = al.rule_id JOIN watchlists w ON w.id = r.watchlist_id
	JOIN articles a ON a.id = al.article_id`
)

// Alerts returns the stored alerts that aq selects, newest first
// (news.WatchStore.Alerts).
func Alerts(ctx context.Context, q Querier, aq news.AlertQuery) ([]news.Alert, error) {
	limit := aq.Limit
	if limit <= 0 {
		limit = DefaultAlertLimit
	}
	var where []string
	var args []any
	for _, f := range []struct {
		cond string
		v    int64
	}{{`r.watchlist_id = ?`, aq.WatchlistID}, {`al.rule_id = ?`, aq.RuleID}, {`al.article_id = ?`, aq.ArticleID}, {`al.id > ?`, aq.AfterID}} {
		if f.v != 0 {
			where = append(where, f.cond)
			args = append(args, f.v)
		}
	}
	query := AlertColumns + AlertFrom
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY al.id DESC LIMIT ?`
	rows, err := q.Query(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	defer rows.Close()
	var out []news.Alert
	for rows.Next() {
		a, err := ScanAlert(rows)
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

// ScanAlert reads a row of AlertColumns, and the columns after them into
// extra.
func ScanAlert(row Row, extra ...any) (news.Alert, error) {
	var a news.Alert
	var sents, created string
	dest := append([]any{&a.ID, &a.WatchlistID, &a.Watchlist, &a.RuleID, &a.Rule, &a.Article.ID, &a.Article.Source,
		&a.Article.Title, &a.Article.URL, &a.Article.Published, &sents, &a.Why, &created}, extra...)
	if err := row.Scan(dest...); err != nil {
		return a, err
	}
	if err := json.Unmarshal([]byte(sents), &a.Sentences); err != nil {
		return a, fmt.Errorf("alert %d: sentences: %w", a.ID, err)
	}
	a.Created, _ = time.Parse(time.RFC3339, created)
	return a, nil
}

// EntityNames returns the names of each of the store entities ids, its
// names before its aliases (news.WatchStore.EntityNames).
func EntityNames(ctx context.Context, q Querier, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	const batch = 500
	for len(ids) > 0 {
		n := min(batch, len(ids))
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		rows, err := q.Query(ctx, `SELECT entity_id, name FROM entity_names WHERE entity_id IN (?`+
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

// MentionedBefore reports whether an article stored before articleID
// names entity, with a place in country when country is set
// (news.WatchStore.MentionedBefore).
func MentionedBefore(ctx context.Context, q Querier, entity int64, country string, articleID int64) (bool, error) {
	query := `SELECT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ? AND article_id < ?)`
	args := []any{entity, articleID}
	if country != "" {
		query = `SELECT EXISTS (SELECT 1 FROM article_entities ae JOIN article_entities ap ON ap.article_id = ae.article_id
			WHERE ae.entity_id = ? AND ae.article_id < ? AND ap.country = ?)`
		args = append(args, country)
	}
	var found bool
	if err := q.QueryRow(ctx, query, args...).Scan(&found); err != nil {
		return false, fmt.Errorf("mentioned before: %w", err)
	}
	return found, nil
}
