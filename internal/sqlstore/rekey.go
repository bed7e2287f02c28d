package sqlstore

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/names"
)

// RekeyNames gives every stored name and every analyst's split the key
// names.Key gives it now (graphrules.Rekey), for the names a store kept
// before names.Key changed. A store's migration runs it once, inside the
// migration's transaction.
func RekeyNames(ctx context.Context, w Writer) error {
	rows, err := w.Query(ctx, `SELECT n.entity_id, e.type, n.key, n.name, n.kind, n.uses, n.loose
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
		if err := w.Exec(ctx, `DELETE FROM entity_names WHERE entity_id = ?`, id); err != nil {
			return fmt.Errorf("rekey names: %w", err)
		}
		for _, n := range final[id] {
			if err := w.Exec(ctx, `INSERT INTO entity_names (key, entity_id, name, kind, uses, loose) VALUES (?, ?, ?, ?, ?, ?)`,
				n.Key, id, n.Name, n.Kind, n.Uses, n.Loose); err != nil {
				return fmt.Errorf("rekey names: %w", err)
			}
		}
	}
	return rekeySplits(ctx, w)
}

// rekeySplits gives the analyst's splits the key names.Key gives the
// name they took.
func rekeySplits(ctx context.Context, w Writer) error {
	rows, err := w.Query(ctx, `SELECT id, key, name FROM entity_decisions WHERE kind = 'split'`)
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
		if err := w.Exec(ctx, `UPDATE entity_decisions SET key = ? WHERE id = ?`, k, id); err != nil {
			return fmt.Errorf("rekey splits: %w", err)
		}
	}
	return nil
}
