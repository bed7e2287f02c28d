package postgres

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// postMigrations are the Go steps that complete a migration (by its file
// name without the number): data that SQL cannot compute. They run right
// after it, in the same transaction.
var postMigrations = map[string]func(ctx context.Context, tx conn) error{
	"name_key_fold.sql": rekeyNames,
}

// rekeyNames gives the names stored before migration 0003 the key
// names.Key gives them now (sqlstore.RekeyNames). It runs once, inside
// that migration's transaction.
func rekeyNames(ctx context.Context, tx conn) error { return sqlstore.RekeyNames(ctx, tx) }
