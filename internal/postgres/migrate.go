package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// migrations are the schema changes, one file each, named
// NNNN_what.sql. Each pending one runs inside the one transaction of
// migrate.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migration is one embedded schema change.
type migration struct {
	version int
	name    string // the file name, e.g. 0001_init.sql
	body    string
}

// loadMigrations returns the embedded migrations in version order.
func loadMigrations() ([]migration, error) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var all []migration
	seen := map[int]string{}
	for _, name := range files {
		base := path.Base(name)
		num, _, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if err != nil || version < 1 {
			return nil, fmt.Errorf("migration %s has no number", base)
		}
		if other, dup := seen[version]; dup {
			return nil, fmt.Errorf("migrations %s and %s have the same number", other, base)
		}
		seen[version] = base
		body, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		all = append(all, migration{version: version, name: base, body: string(body)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].version < all[j].version })
	return all, nil
}

// migrate brings the schema up to date. Processes that open the store at
// the same moment take turns: the applied versions are read under the
// store's write lock, inside the transaction that applies the pending
// migrations, so exactly one applies each and the others find it done.
// If one fails, the schema stays as it was.
func (s *DB) migrate(ctx context.Context) error {
	all, err := loadMigrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if done, err := appliedVersions(ctx, s.pool); err == nil && len(pending(all, done)) == 0 {
		return nil
	}
	return s.write(ctx, func(c conn) error {
		tx := c.q
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)`); err != nil {
			return fmt.Errorf("migrate: create schema_migrations: %w", err)
		}
		done, err := appliedVersions(ctx, tx)
		if err != nil {
			return fmt.Errorf("migrate: read schema_migrations: %w", err)
		}
		applied := s.now().UTC().Format(time.RFC3339)
		for _, m := range pending(all, done) {
			if _, err := tx.Exec(ctx, m.body); err != nil {
				return fmt.Errorf("migrate %s: %w", m.name, err)
			}
			_, base, _ := strings.Cut(m.name, "_")
			if post := postMigrations[base]; post != nil {
				if err := post(ctx, c); err != nil {
					return fmt.Errorf("migrate %s: %w", m.name, err)
				}
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)`,
				m.version, m.name, applied); err != nil {
				return fmt.Errorf("migrate %s: %w", m.name, err)
			}
		}
		return nil
	})
}

// pending returns the migrations of all whose version is not in done, in
// order.
func pending(all []migration, done map[int]bool) []migration {
	var out []migration
	for _, m := range all {
		if !done[m.version] {
			out = append(out, m)
		}
	}
	return out
}

// appliedVersions returns the versions recorded in schema_migrations of
// the current schema, none when the table does not exist yet.
func appliedVersions(ctx context.Context, q pgxQuerier) (map[int]bool, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, err
	}
	done := map[int]bool{}
	if !exists {
		return done, nil
	}
	rows, err := q.Query(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, err
	}
	for _, v := range versions {
		done[int(v)] = true
	}
	return done, nil
}

// SchemaVersion returns the highest applied migration.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v *int32
	if err := s.pool.QueryRow(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	return int(*v), nil
}
