package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
)

// ApplyJoins joins the store entities that article named as one
// (graphrules.Join), inside the article's transaction, each recorded as
// a news.DecisionJoin decided at decided.
func ApplyJoins(ctx context.Context, w Writer, article int64, joins []graphrules.Join, decided time.Time) error {
	for _, j := range joins {
		var typ string
		if err := w.QueryRow(ctx, `SELECT type FROM entities WHERE id = ?`, j.Into).Scan(&typ); err != nil {
			return fmt.Errorf("join entity %d into %d: %w", j.From, j.Into, err)
		}
		reason := fmt.Sprintf("joined into entity %d by article %d: %s", j.Into, article, j.Reason)
		if err := MoveEntity(ctx, w, j.Into, j.From, typ, reason); err != nil {
			return fmt.Errorf("join entity %d into %d: %w", j.From, j.Into, err)
		}
		if err := w.Exec(ctx, `INSERT INTO entity_decisions (kind, entity_id, other_id, key, name, note, decided)
			VALUES (?, ?, ?, '', ?, ?, ?)`, news.DecisionJoin, j.Into, j.From, j.Name, j.Reason,
			decided.UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("join entity %d into %d: %w", j.From, j.Into, err)
		}
	}
	return nil
}

// CanonicalKeys returns the keys of the canonical names (kind 'name') of
// each of the store entities ids (graphrules.EntityLookup).
func CanonicalKeys(ctx context.Context, q Querier, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.Query(ctx, `SELECT entity_id, key FROM entity_names
		WHERE kind = 'name' AND entity_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`) ORDER BY entity_id, key`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		out[id] = append(out[id], key)
	}
	return out, rows.Err()
}
