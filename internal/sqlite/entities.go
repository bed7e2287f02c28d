package sqlite

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// Entities are merged across articles by the rules of
// internal/graphrules (graphrules.Link); this file reads the stored names
// those rules need and writes what they decided.

// StoredNames implements graphrules.EntityLookup: the stored names under
// any of the article's name keys, or under the loose key of an article
// entity's canonical name, in one query for the whole article.
func (w *articleWriter) StoredNames(keys, loose []string) ([]graphrules.NameRow, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	if len(loose) == 0 {
		loose = []string{""}
	}
	args := make([]any, 0, len(keys)+len(loose))
	for _, k := range keys {
		args = append(args, k)
	}
	for _, l := range loose {
		args = append(args, l)
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT e.id, e.type, e.name, e.articles, n.key, n.kind, n.name, n.loose FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.key IN (`+placeholders(len(keys))+`)
		OR (n.loose IN (`+placeholders(len(loose))+`) AND n.kind = 'name') ORDER BY e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []graphrules.NameRow
	for rows.Next() {
		var r graphrules.NameRow
		if err := rows.Scan(&r.ID, &r.Type, &r.Name, &r.Articles, &r.Key, &r.Kind, &r.Stored, &r.Loose); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Splits implements graphrules.EntityLookup: the analyst's splits of the
// article's name keys.
func (w *articleWriter) Splits(keys []string) (map[graphrules.Split]bool, error) {
	out := map[graphrules.Split]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT key, entity_id FROM entity_decisions
		WHERE kind = 'split' AND key IN (`+placeholders(len(keys))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sp graphrules.Split
		if err := rows.Scan(&sp.Key, &sp.ID); err != nil {
			return nil, err
		}
		out[sp] = true
	}
	return out, rows.Err()
}

// linkEntities maps every entity of the article to a store entity and
// records the article's entities, names and titles.
func (w *articleWriter) linkEntities() (map[string]int64, error) {
	l, err := graphrules.Link(w.doc, w)
	if err != nil {
		return nil, err
	}
	if err := w.recordEntities(l.Records(w.doc)); err != nil {
		return nil, err
	}
	return l.IDs, sqlstore.ApplyJoins(w.ctx, sqlQuerier{w.tx.Tx}, w.article, l.Joins, w.decided)
}

// CanonicalKeys implements graphrules.EntityLookup.
func (w *articleWriter) CanonicalKeys(ids []int64) (map[int64][]string, error) {
	return sqlstore.CanonicalKeys(w.ctx, sqlQuerier{w.tx.Tx}, ids)
}

// recordEntities writes, in a few statements for the whole article, the
// article's entities, their names and titles, and the store entities'
// article counts and display names.
func (w *articleWriter) recordEntities(r graphrules.Records) error {
	if len(r.Articles) == 0 {
		return nil
	}
	var nameRows, uses, titles, rows [][]any
	for _, n := range r.Names {
		nameRows = append(nameRows, []any{n.Key, n.EntityID, n.Name, n.Kind, n.Loose})
	}
	for _, n := range r.Uses {
		uses = append(uses, []any{n.Key, n.EntityID})
	}
	for _, t := range r.Titles {
		titles = append(titles, []any{t.EntityID, t.Title})
	}
	for _, a := range r.Articles {
		rows = append(rows, []any{w.article, a.LocalID, a.EntityID, a.Mentions, a.Reason, a.Country, a.Feature,
			nullable(a.Lat), nullable(a.Lon), nullable(a.GeonamesID)})
	}
	steps := []struct {
		head string
		cols int
		rows [][]any
		tail string
	}{
		{`INSERT OR IGNORE INTO entity_names (key, entity_id, name, kind, loose) VALUES `, 5, nameRows, ``},
		// The canonical name of each article entity is one more use of it.
		{`UPDATE entity_names SET kind = 'name', uses = uses + 1 WHERE (key, entity_id) IN (VALUES `, 2, uses, `)`},
		{`INSERT OR IGNORE INTO entity_titles (entity_id, title) VALUES `, 2, titles, ``},
		{`INSERT OR IGNORE INTO article_entities (article_id, local_id, entity_id, mentions, merge_reason,
			country, feature, lat, lon, geonames_id) VALUES `, 10, rows, ``},
	}
	for _, st := range steps {
		if err := w.execRows(st.head, st.cols, st.rows, st.tail); err != nil {
			return err
		}
	}
	touched := make([]any, len(r.Touched))
	for i, id := range r.Touched {
		touched[i] = id
	}
	for start := 0; start < len(touched); start += 500 {
		chunk := touched[start:min(start+500, len(touched))]
		if _, err := w.tx.ExecContext(w.ctx, `UPDATE entities SET articles = articles + 1,
			name = (SELECT n.name FROM entity_names n WHERE n.entity_id = entities.id
				ORDER BY n.uses DESC, length(n.name) DESC, n.name LIMIT 1)
			WHERE id IN (`+placeholders(len(chunk))+`)`, chunk...); err != nil {
			return err
		}
	}
	return nil
}

// nullable is *p, or nil (SQL NULL) when p is nil.
func nullable[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// execRows runs head followed by one (?, ...) group of cols values per
// row, and tail, in chunks that stay far below SQLite's variable limit.
func (w *articleWriter) execRows(head string, cols int, rows [][]any, tail string) error {
	const perStatement = 200
	for start := 0; start < len(rows); start += perStatement {
		chunk := rows[start:min(start+perStatement, len(rows))]
		group := "(" + placeholders(cols) + ")"
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, cols*len(chunk))
		for i, r := range chunk {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(group)
			args = append(args, r...)
		}
		b.WriteString(tail)
		if _, err := w.tx.ExecContext(w.ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// insertEntity makes a store entity of type and name (the two arguments).
// Its id is new: never that of an entity an analyst merged away (deleted),
// which SQLite would otherwise give again when it was the highest.
const insertEntity = `INSERT INTO entities (id, type, name) VALUES (1 + max(
	coalesce((SELECT max(id) FROM entities), 0), coalesce((SELECT max(other_id) FROM entity_decisions), 0)), ?, ?)`

// NewEntity implements graphrules.EntityLookup.
func (w *articleWriter) NewEntity(typ, name string) (int64, error) {
	r, err := w.tx.ExecContext(w.ctx, insertEntity, typ, name)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// Cooccurrence implements graphrules.EntityLookup: the stored articles
// (of the most recent graphrules.ContextArticles of entity id) in which
// id appears with any of others.
func (w *articleWriter) Cooccurrence(id int64, others []int64) (int, error) {
	if len(others) == 0 {
		return 0, nil
	}
	args := []any{id}
	for _, o := range others {
		args = append(args, o)
	}
	var n int
	err := w.tx.QueryRowContext(w.ctx, `SELECT count(DISTINCT b.article_id) FROM article_entities b
		WHERE b.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?
			ORDER BY article_id DESC LIMIT `+fmt.Sprint(graphrules.ContextArticles)+`)
		AND b.entity_id IN (`+placeholders(len(others))+`)`, args...).Scan(&n)
	return n, err
}
