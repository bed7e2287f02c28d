package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// MergeEntities implements news.Store.
func (s *DB) MergeEntities(ctx context.Context, into, from int64, note string) (news.EntityDecision, error) {
	d := news.EntityDecision{Kind: news.DecisionMerge, EntityID: into, OtherID: from, Note: strings.TrimSpace(note),
		Decided: s.now().UTC().Truncate(time.Second)}
	if into == from {
		return d, fmt.Errorf("merge entity %d into itself: %w", from, news.ErrBadDecision)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var intoType, fromType string
		if err := entityType(ctx, tx, into, &intoType, nil); err != nil {
			return err
		}
		if err := entityType(ctx, tx, from, &fromType, &d.Name); err != nil {
			return err
		}
		reason := fmt.Sprintf("merged by an analyst on %s: %q (entity %d) joined into this entity",
			d.Decided.Format("2006-01-02"), d.Name, from)
		if err := sqlstore.MoveEntity(ctx, sqlQuerier{tx}, into, from, intoType, reason); err != nil {
			return err
		}
		return insertDecision(ctx, tx, &d, "")
	})
	if err != nil {
		return d, fmt.Errorf("merge entity %d into %d: %w", from, into, err)
	}
	return d, nil
}

// entityType reads the type (and, when name is not nil, the name) of
// store entity id, or returns ErrNoSuchEntity.
func entityType(ctx context.Context, tx *sql.Tx, id int64, typ, name *string) error {
	var n string
	err := tx.QueryRowContext(ctx, `SELECT type, name FROM entities WHERE id = ?`, id).Scan(typ, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("entity %d: %w", id, news.ErrNoSuchEntity)
	}
	if name != nil {
		*name = n
	}
	return err
}

// insertDecision stores d (with key for a split) and sets its ID.
func insertDecision(ctx context.Context, tx *sql.Tx, d *news.EntityDecision, key string) error {
	r, err := tx.ExecContext(ctx, `INSERT INTO entity_decisions (kind, entity_id, other_id, key, name, note, decided)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, d.Kind, d.EntityID, d.OtherID, key, d.Name, d.Note, d.Decided.Format(time.RFC3339))
	if err != nil {
		return err
	}
	d.ID, err = r.LastInsertId()
	return err
}

// SplitAlias implements news.Store.
func (s *DB) SplitAlias(ctx context.Context, id int64, alias, note string) (news.EntityDecision, error) {
	d := news.EntityDecision{Kind: news.DecisionSplit, EntityID: id, Note: strings.TrimSpace(note),
		Decided: s.now().UTC().Truncate(time.Second)}
	key := nameKey(alias)
	err := s.write(ctx, func(tx *sql.Tx) error {
		var typ string
		if err := entityType(ctx, tx, id, &typ, nil); err != nil {
			return err
		}
		var count int
		err := tx.QueryRowContext(ctx, `SELECT name, (SELECT count(*) FROM entity_names WHERE entity_id = ?1)
			FROM entity_names WHERE entity_id = ?1 AND key = ?2`, id, key).Scan(&d.Name, &count)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("entity %d has no name %q: %w", id, alias, news.ErrNoSuchName)
		} else if err != nil {
			return err
		}
		if count < 2 {
			return fmt.Errorf("%q is the only name of entity %d: %w", d.Name, id, news.ErrBadDecision)
		}
		r, err := tx.ExecContext(ctx, insertEntity, typ, d.Name)
		if err != nil {
			return err
		}
		if d.OtherID, err = r.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entity_names SET entity_id = ?, kind = 'name', uses = max(uses, 1)
			WHERE entity_id = ? AND key = ?`, d.OtherID, id, key); err != nil {
			return err
		}
		if err := moveArticles(ctx, tx, d, key, typ); err != nil {
			return err
		}
		for _, e := range []int64{id, d.OtherID} {
			if err := sqlstore.Recount(ctx, sqlQuerier{tx}, e); err != nil {
				return err
			}
		}
		return insertDecision(ctx, tx, &d, key)
	})
	if err != nil {
		return d, fmt.Errorf("split %q from entity %d: %w", alias, id, err)
	}
	return d, nil
}

// moveArticles gives the new entity of split d the article entities of
// d.EntityID whose canonical name (a person's without titles) has key,
// with their quotes, events and claims when the article has no other
// entity merged into d.EntityID.
func moveArticles(ctx context.Context, tx *sql.Tx, d news.EntityDecision, key, typ string) error {
	rows, err := tx.QueryContext(ctx, `SELECT ae.article_id, ae.local_id, coalesce(json_extract(j.value, '$.name'), ''),
		(SELECT count(*) FROM article_entities o WHERE o.article_id = ae.article_id AND o.entity_id = ae.entity_id)
		FROM article_entities ae JOIN articles a ON a.id = ae.article_id, json_each(CAST(a.contract AS TEXT), '$.entities') j
		WHERE ae.entity_id = ? AND json_extract(j.value, '$.id') = ae.local_id`, d.EntityID)
	if err != nil {
		return err
	}
	type move struct {
		article int64
		local   string
		alone   bool
	}
	var moves []move
	for rows.Next() {
		var m move
		var name string
		var n int
		if err := rows.Scan(&m.article, &m.local, &name, &n); err != nil {
			rows.Close()
			return err
		}
		if nameKey(name) == key || typ == news.TypePER && names.Strip(name) == key {
			m.alone = n == 1
			moves = append(moves, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	reason := fmt.Sprintf("split by an analyst on %s: the name %q taken from entity %d to this one",
		d.Decided.Format("2006-01-02"), d.Name, d.EntityID)
	for _, m := range moves {
		if _, err := tx.ExecContext(ctx, `UPDATE article_entities SET entity_id = ?, merge_reason = ?
			WHERE article_id = ? AND local_id = ?`, d.OtherID, reason, m.article, m.local); err != nil {
			return err
		}
		if !m.alone {
			continue
		}
		for _, r := range sqlstore.EntityRefs {
			if _, err := tx.ExecContext(ctx, `UPDATE `+r.Table+` SET `+r.Column+` = ? WHERE `+r.Column+` = ? AND article_id = ?`,
				d.OtherID, d.EntityID, m.article); err != nil {
				return err
			}
		}
	}
	return nil
}

// decisions returns the analyst's decisions about entity id, oldest
// first.
func (s *DB) decisions(ctx context.Context, id int64) ([]news.EntityDecision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, entity_id, other_id, name, note, decided FROM entity_decisions
		WHERE entity_id = ?1 OR other_id = ?1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.EntityDecision
	for rows.Next() {
		var d news.EntityDecision
		var decided string
		if err := rows.Scan(&d.ID, &d.Kind, &d.EntityID, &d.OtherID, &d.Name, &d.Note, &decided); err != nil {
			return nil, err
		}
		d.Decided, _ = time.Parse(time.RFC3339, decided)
		out = append(out, d)
	}
	return out, rows.Err()
}

// noSuchEntity is the error for an entity id that is not stored: a
// news.MergedError when an analyst (or an article) merged it into another, else
// news.ErrNoSuchEntity.
func (s *DB) noSuchEntity(ctx context.Context, id int64) error {
	var into int64
	var kind, decided string
	err := s.db.QueryRowContext(ctx, `SELECT entity_id, kind, decided FROM entity_decisions
		WHERE kind IN ('merge', 'join') AND other_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&into, &kind, &decided)
	if err != nil {
		return fmt.Errorf("entity %d: %w", id, news.ErrNoSuchEntity)
	}
	d, _ := time.Parse(time.RFC3339, decided)
	return &news.MergedError{ID: id, Into: into, Decided: d, Kind: kind}
}
