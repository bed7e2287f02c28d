package sqlstore

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
)

// KeepsNew reports whether input a replaces the stored article that dup
// found it a near-duplicate of (graphrules.KeepNew). An input recorded
// before as a duplicate stays one.
func KeepsNew(ctx context.Context, q Querier, a *news.ArticleInput, dup *news.Duplicate) (bool, error) {
	if dup == nil || dup.Kind != news.DupNear {
		return false, nil
	}
	var recorded, oldLen int
	var oldHash string
	err := q.QueryRow(ctx, `SELECT (SELECT count(*) FROM duplicates WHERE hash = ?), `+q.Dialect().Bytes("body")+`, hash
		FROM articles WHERE id = ?`, a.Keys.ContentHash, dup.ArticleID).Scan(&recorded, &oldLen, &oldHash)
	if err != nil || recorded > 0 {
		return false, err
	}
	return graphrules.KeepNew(len(a.Doc.Text), a.Keys.ContentHash, oldLen, oldHash), nil
}

// RetireArticle makes the stored article dup.ArticleID a copy of article
// kept, which replaced it as the copy of a near-duplicate pair the store
// keeps (graphrules.KeepNew): its copies and alerts go to kept, it is
// recorded as a near-duplicate of kept, its rows are deleted (the schema's
// cascades), and the store entities only it named are deleted, unless an
// analyst's decision names them.
func RetireArticle(ctx context.Context, w Writer, dup *news.Duplicate, kept int64) error {
	old := dup.ArticleID
	ents, err := articleEntityIDs(ctx, w, old)
	if err != nil {
		return fmt.Errorf("retire article %d: %w", old, err)
	}
	d := w.Dialect()
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE duplicates SET article_id = ? WHERE article_id = ?`, []any{kept, old}},
		{`INSERT INTO duplicates (article_id, kind, reason, similarity, hash, canonical_url, source, seen)
			SELECT ` + d.Int + `, ` + d.Text + `, ` + d.Text + `, CAST(? AS DOUBLE PRECISION), hash, canonical_url, source, ingested
			FROM articles WHERE id = ? ON CONFLICT DO NOTHING`,
			[]any{kept, news.DupNear, dup.Reason, dup.Similarity, old}},
		{`UPDATE alerts SET article_id = ? WHERE article_id = ? AND NOT EXISTS
			(SELECT 1 FROM alerts b WHERE b.rule_id = alerts.rule_id AND b.article_id = ?)`, []any{kept, old, kept}},
		{`DELETE FROM articles WHERE id = ?`, []any{old}},
	}
	for _, st := range steps {
		if err := w.Exec(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("retire article %d: %w", old, err)
		}
	}
	for _, id := range ents {
		if err := Recount(ctx, w, id); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM entity_names WHERE entity_id = ?1 AND `, `DELETE FROM entity_titles WHERE entity_id = ?1 AND `,
			`DELETE FROM entities WHERE id = ?1 AND `} {
			if err := w.Exec(ctx, q+orphan, id); err != nil {
				return fmt.Errorf("retire article %d: %w", old, err)
			}
		}
	}
	return nil
}

// orphan is true of store entity ?1 when no article names it and no
// analyst's decision (or article's join) does.
const orphan = `NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ?1)
	AND NOT EXISTS (SELECT 1 FROM entity_decisions WHERE entity_id = ?1 OR other_id = ?1)`

// articleEntityIDs are the store entities that article id names.
func articleEntityIDs(ctx context.Context, q Querier, id int64) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT DISTINCT entity_id FROM article_entities WHERE article_id = ? ORDER BY entity_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var e int64
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
