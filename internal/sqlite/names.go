package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/names"
)

// nameKey is the form under which names are matched across articles
// (names.Key): lower case, accents and punctuation dropped, spaces
// collapsed, and a leading "the" dropped ("The Taliban" = "Taliban",
// "Sharif's" = "Sharif").
func nameKey(name string) string { return names.Key(name) }

// fillLooseKeys computes the loose key (names.Loose) of every stored name
// that has none, for the names stored before migration 0008 added it. It
// runs once, inside that migration's transaction.
func fillLooseKeys(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT n.key, n.entity_id, n.name, e.type FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.loose = ''`)
	if err != nil {
		return fmt.Errorf("fill loose name keys: %w", err)
	}
	type row struct {
		key   string
		id    int64
		loose string
	}
	var todo []row
	for rows.Next() {
		var r row
		var name, typ string
		if err := rows.Scan(&r.key, &r.id, &name, &typ); err != nil {
			rows.Close()
			return fmt.Errorf("fill loose name keys: %w", err)
		}
		if r.loose = names.Loose(name, typ); r.loose != "" {
			todo = append(todo, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("fill loose name keys: %w", err)
	}
	for _, r := range todo {
		if _, err := tx.ExecContext(ctx, `UPDATE entity_names SET loose = ? WHERE key = ? AND entity_id = ?`, r.loose, r.key, r.id); err != nil {
			return fmt.Errorf("fill loose name keys: %w", err)
		}
	}
	return nil
}

// rekeyNames gives every stored name and every analyst's split the key
// names.Key gives it now (graphrules.Rekey), for the names stored before
// migration 0012. It runs once, inside that migration's transaction.
func rekeyNames(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT n.entity_id, e.type, n.key, n.name, n.kind, n.uses, n.loose
		FROM entity_names n JOIN entities e ON e.id = n.entity_id ORDER BY n.entity_id, n.key`)
	if err != nil {
		return fmt.Errorf("rekey names: %w", err)
	}
	var all []graphrules.StoredName
	for rows.Next() {
		var r graphrules.StoredName
		if err := rows.Scan(&r.EntityID, &r.Type, &r.Key, &r.Name, &r.Kind, &r.Uses, &r.Loose); err != nil {
			rows.Close()
			return fmt.Errorf("rekey names: %w", err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rekey names: %w", err)
	}
	changed, final := graphrules.Rekey(all)
	for _, id := range changed {
		if _, err := tx.ExecContext(ctx, `DELETE FROM entity_names WHERE entity_id = ?`, id); err != nil {
			return fmt.Errorf("rekey names: %w", err)
		}
		for _, n := range final[id] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO entity_names (key, entity_id, name, kind, uses, loose) VALUES (?, ?, ?, ?, ?, ?)`,
				n.Key, id, n.Name, n.Kind, n.Uses, n.Loose); err != nil {
				return fmt.Errorf("rekey names: %w", err)
			}
		}
	}
	return rekeySplits(ctx, tx)
}

// rekeySplits gives the analyst's splits the key names.Key gives the
// name they took.
func rekeySplits(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, key, name FROM entity_decisions WHERE kind = 'split'`)
	if err != nil {
		return fmt.Errorf("rekey splits: %w", err)
	}
	keys := map[int64]string{}
	for rows.Next() {
		var id int64
		var key, name string
		if err := rows.Scan(&id, &key, &name); err != nil {
			rows.Close()
			return fmt.Errorf("rekey splits: %w", err)
		}
		if k := names.Key(name); k != "" && k != key {
			keys[id] = k
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rekey splits: %w", err)
	}
	for id, k := range keys {
		if _, err := tx.ExecContext(ctx, `UPDATE entity_decisions SET key = ? WHERE id = ?`, k, id); err != nil {
			return fmt.Errorf("rekey splits: %w", err)
		}
	}
	return nil
}
