package postgres

import (
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
	if loose == nil {
		loose = []string{}
	}
	rows, err := w.tx.query(w.ctx, `SELECT e.id, e.type, e.name, e.articles, n.key, n.kind, n.name, n.loose FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.key = ANY(?::text[])
		OR (n.loose = ANY(?::text[]) AND n.kind = 'name') ORDER BY e.id`, keys, loose)
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
	rows, err := w.tx.query(w.ctx, `SELECT key, entity_id FROM entity_decisions
		WHERE kind = 'split' AND key = ANY(?::text[])`, keys)
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

// nextEntityID is the id of the next new entity: one more than any entity
// had, merged away ones included (as in the SQLite store, so that both
// give the same ids). It is read under the store's write lock.
const nextEntityID = `SELECT 1 + greatest(coalesce((SELECT max(id) FROM entities), 0),
	coalesce((SELECT max(other_id) FROM entity_decisions), 0))`

// newEntity is a store entity made for the article, not yet written.
type newEntity struct {
	id        int64
	typ, name string
}

// NewEntity implements graphrules.EntityLookup. The entity's row is
// written with the article's other new entities in one statement
// (flushEntities), before anything refers to it.
func (w *articleWriter) NewEntity(typ, name string) (int64, error) {
	if w.nextEntity == 0 {
		if err := w.tx.queryRow(w.ctx, nextEntityID).Scan(&w.nextEntity); err != nil {
			return 0, err
		}
	}
	id := w.nextEntity
	w.nextEntity++
	w.newEntities = append(w.newEntities, newEntity{id, typ, name})
	return id, nil
}

// flushEntities writes the entities NewEntity made.
func (w *articleWriter) flushEntities() error {
	n := len(w.newEntities)
	if n == 0 {
		return nil
	}
	ids, types, names := make([]int64, n), make([]string, n), make([]string, n)
	for i, e := range w.newEntities {
		ids[i], types[i], names[i] = e.id, e.typ, e.name
	}
	w.newEntities = w.newEntities[:0]
	_, err := w.tx.exec(w.ctx, `INSERT INTO entities (id, type, name) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[])`,
		ids, types, names)
	return err
}

// Cooccurrence implements graphrules.EntityLookup: the stored articles
// (of the most recent graphrules.ContextArticles of entity id) in which
// id appears with any of others.
func (w *articleWriter) Cooccurrence(id int64, others []int64) (int, error) {
	if len(others) == 0 {
		return 0, nil
	}
	var n int
	err := w.tx.queryRow(w.ctx, `SELECT count(DISTINCT b.article_id) FROM article_entities b
		WHERE b.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?
			ORDER BY article_id DESC LIMIT ?)
		AND b.entity_id = ANY(?::bigint[])`, id, graphrules.ContextArticles, others).Scan(&n)
	return n, err
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
	return l.IDs, sqlstore.ApplyJoins(w.ctx, w.tx, w.article, l.Joins, w.decided)
}

// CanonicalKeys implements graphrules.EntityLookup.
func (w *articleWriter) CanonicalKeys(ids []int64) (map[int64][]string, error) {
	return sqlstore.CanonicalKeys(w.ctx, w.tx, ids)
}

// recordEntities writes, in one statement per table for the whole
// article, the article's entities, their names and titles, and the store
// entities' article counts and display names.
func (w *articleWriter) recordEntities(r graphrules.Records) error {
	if err := w.flushEntities(); err != nil {
		return err
	}
	if len(r.Articles) == 0 {
		return nil
	}
	if err := w.recordNames(r); err != nil {
		return err
	}
	if len(r.Titles) > 0 {
		ids, titles := make([]int64, len(r.Titles)), make([]string, len(r.Titles))
		for i, t := range r.Titles {
			ids[i], titles[i] = t.EntityID, t.Title
		}
		if _, err := w.tx.exec(w.ctx, `INSERT INTO entity_titles (entity_id, title)
			SELECT * FROM unnest(?::bigint[], ?::text[]) ON CONFLICT DO NOTHING`, ids, titles); err != nil {
			return err
		}
	}
	if err := w.recordArticleEntities(r.Articles); err != nil {
		return err
	}
	_, err := w.tx.exec(w.ctx, `UPDATE entities SET articles = articles + 1,
		name = (SELECT n.name FROM entity_names n WHERE n.entity_id = entities.id
			ORDER BY n.uses DESC, length(n.name) DESC, n.name LIMIT 1)
		WHERE id = ANY(?::bigint[])`, r.Touched)
	return err
}

// recordNames adds the article's names to their store entities (a name
// already there is kept), then counts each canonical name as one more
// use of it.
func (w *articleWriter) recordNames(r graphrules.Records) error {
	n := len(r.Names)
	keys, names, kinds, loose := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	ids := make([]int64, n)
	for i, x := range r.Names {
		keys[i], ids[i], names[i], kinds[i], loose[i] = x.Key, x.EntityID, x.Name, x.Kind, x.Loose
	}
	// The first of two rows with one key and entity wins, as with
	// SQLite's INSERT OR IGNORE.
	if _, err := w.tx.exec(w.ctx, `INSERT INTO entity_names (key, entity_id, name, kind, loose)
		SELECT DISTINCT ON (k, e) k, e, n, kd, l FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
			WITH ORDINALITY AS v(k, e, n, kd, l, o) ORDER BY k, e, o
		ON CONFLICT DO NOTHING`, keys, ids, names, kinds, loose); err != nil {
		return err
	}
	if len(r.Uses) == 0 {
		return nil
	}
	ukeys, uids := make([]string, len(r.Uses)), make([]int64, len(r.Uses))
	for i, x := range r.Uses {
		ukeys[i], uids[i] = x.Key, x.EntityID
	}
	_, err := w.tx.exec(w.ctx, `UPDATE entity_names SET kind = 'name', uses = uses + 1
		WHERE (key, entity_id) IN (SELECT * FROM unnest(?::text[], ?::bigint[]))`, ukeys, uids)
	return err
}

// recordArticleEntities writes the article's entities and the store
// entities they joined.
func (w *articleWriter) recordArticleEntities(as []graphrules.ArticleEntity) error {
	n := len(as)
	local, reason, country, feature := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	ids, geonames := make([]int64, n), make([]*int64, n)
	mentions := make([]int32, n)
	lat, lon := make([]*float64, n), make([]*float64, n)
	for i, a := range as {
		local[i], ids[i], mentions[i], reason[i] = a.LocalID, a.EntityID, int32(a.Mentions), a.Reason
		country[i], feature[i], lat[i], lon[i], geonames[i] = a.Country, a.Feature, a.Lat, a.Lon, a.GeonamesID
	}
	_, err := w.tx.exec(w.ctx, `INSERT INTO article_entities (article_id, local_id, entity_id, mentions, merge_reason,
		country, feature, lat, lon, geonames_id)
		SELECT ?::bigint, * FROM unnest(?::text[], ?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[],
			?::float8[], ?::float8[], ?::bigint[])
		ON CONFLICT DO NOTHING`, w.article, local, ids, mentions, reason, country, feature, lat, lon, geonames)
	return err
}
