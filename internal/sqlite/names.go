package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
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

// rekeyNames gives the names stored before migration 0012 the key
// names.Key gives them now (sqlstore.RekeyNames). It runs once, inside
// that migration's transaction.
func rekeyNames(ctx context.Context, tx *sql.Tx) error {
	return sqlstore.RekeyNames(ctx, sqlQuerier{tx})
}
