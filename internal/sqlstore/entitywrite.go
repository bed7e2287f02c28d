package sqlstore

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/names"
)

// EntityRefs are the columns that point at store entities, besides
// entity_names, entity_titles and article_entities.
var EntityRefs = []struct{ Table, Column string }{
	{"quotes", "speaker_id"},
	{"events", "actor_id"}, {"events", "target_id"}, {"events", "place_id"},
	{"claims", "speaker_id"}, {"claims", "subject_id"}, {"claims", "object_id"},
}

// MoveEntity joins store entity from into entity into (of type typ): its
// names, titles, article entities (whose merge reason gains reason),
// decisions and every reference to it go to into, from is deleted, and
// into's article count and display name are set again. The analyst's
// merge and the joins an article makes (graphrules.Join) both call it.
func MoveEntity(ctx context.Context, w Writer, into, from int64, typ, reason string) error {
	if err := moveNames(ctx, w, into, from, typ); err != nil {
		return err
	}
	d := w.Dialect()
	stmts := []struct {
		q    string
		args []any
	}{
		{`INSERT INTO entity_titles (entity_id, title) SELECT ` + d.Int + `, title FROM entity_titles WHERE entity_id = ?
			ON CONFLICT DO NOTHING`, []any{into, from}},
		{`DELETE FROM entity_titles WHERE entity_id = ?`, []any{from}},
		{`UPDATE article_entities SET entity_id = ?, merge_reason = merge_reason || '; then ' || ` + d.Text + ` WHERE entity_id = ?`,
			[]any{into, reason, from}},
		{`UPDATE entity_decisions SET entity_id = ? WHERE entity_id = ?`, []any{into, from}},
	}
	for _, r := range EntityRefs {
		stmts = append(stmts, struct {
			q    string
			args []any
		}{`UPDATE ` + r.Table + ` SET ` + r.Column + ` = ? WHERE ` + r.Column + ` = ?`, []any{into, from}})
	}
	stmts = append(stmts, struct {
		q    string
		args []any
	}{`DELETE FROM entities WHERE id = ?`, []any{from}})
	for _, st := range stmts {
		if err := w.Exec(ctx, st.q, st.args...); err != nil {
			return err
		}
	}
	return Recount(ctx, w, into)
}

// moveNames gives entity from's names to entity into (of type typ),
// adding up the uses of a name both have.
func moveNames(ctx context.Context, w Writer, into, from int64, typ string) error {
	rows, err := w.Query(ctx, `SELECT key, name, kind, uses FROM entity_names WHERE entity_id = ?`, from)
	if err != nil {
		return err
	}
	type nameUse struct {
		key, name, kind string
		uses            int
	}
	var all []nameUse
	for rows.Next() {
		var n nameUse
		if err := rows.Scan(&n.key, &n.name, &n.kind, &n.uses); err != nil {
			rows.Close()
			return err
		}
		all = append(all, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range all {
		if err := w.Exec(ctx, `INSERT INTO entity_names (key, entity_id, name, kind, uses, loose) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (key, entity_id) DO UPDATE SET uses = entity_names.uses + excluded.uses,
				kind = CASE WHEN excluded.kind = 'name' THEN 'name' ELSE entity_names.kind END`,
			n.key, into, n.name, n.kind, n.uses, names.Loose(n.name, typ)); err != nil {
			return err
		}
	}
	return w.Exec(ctx, `DELETE FROM entity_names WHERE entity_id = ?`, from)
}

// Recount sets the article count and display name (its most used name)
// of entity id from what is stored.
func Recount(ctx context.Context, w Writer, id int64) error {
	return w.Exec(ctx, `UPDATE entities SET
		articles = (SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = entities.id),
		name = coalesce((SELECT n.name FROM entity_names n WHERE n.entity_id = entities.id
			ORDER BY n.uses DESC, length(n.name) DESC, n.name LIMIT 1), name)
		WHERE id = ?`, id)
}
