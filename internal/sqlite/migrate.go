package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// BusyTimeout is how long a write waits for the write lock that another
// process holds (SQLite has one writer per file) before it fails with
// "database is locked"; opening a new file waits as long for another
// process that is setting it up.
const BusyTimeout = 10 * time.Second

// migrations are the schema changes, one file each, named
// NNNN_what.sql. They run inside one transaction, so a migration must not
// hold statements that cannot (VACUUM, PRAGMA journal_mode).
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
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var all []migration
	seen := map[int]string{}
	for _, name := range names {
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

// migrate brings the file up to date: its journal in WAL mode, then its
// schema. See setWAL and migrateSchema.
func (s *DB) migrate(ctx context.Context) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := setWAL(ctx, s.wdb, BusyTimeout); err != nil {
		return err
	}
	return s.migrateSchema(ctx)
}

// setWAL puts the file in WAL journal mode, which SQLite keeps in the file,
// so this changes nothing once done. Processes that open a new file at the
// same moment all try the switch; SQLite answers SQLITE_BUSY to all but
// one without waiting (waiting could deadlock), so the switch is tried
// again until it is done or timeout has passed.
func setWAL(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		var mode string
		err := db.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
		switch {
		case err == nil:
			return nil
		case !isBusy(err) || time.Now().Add(wait).After(deadline):
			return fmt.Errorf("set WAL journal mode: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("set WAL journal mode: %w", ctx.Err())
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY ("database is
// locked"), whatever its extended code.
func isBusy(err error) bool {
	var e *msqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// migrateSchema brings the schema up to date, and may run at the same time as
// the migrate of other connections and processes on the same file: the
// applied versions are read again inside one write transaction (BEGIN
// IMMEDIATE: the DSN of wdb sets _txlock=immediate), which takes SQLite's
// write lock before reading, waiting for it up to the busy timeout. So
// exactly one opener applies each migration and the others find it done.
// The pending migrations apply in that one transaction: if one fails, the
// schema stays as it was.
// The caller holds s.writeMu.
func (s *DB) migrateSchema(ctx context.Context) error {
	all, err := loadMigrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// An up-to-date store opens without waiting for the write lock, which
	// another process may hold for long (a query while ingest runs).
	if done, err := appliedVersions(ctx, s.wdb); err == nil && len(pending(all, done)) == 0 {
		return nil
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	done, err := appliedVersions(ctx, tx)
	if err != nil {
		return fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	applied := s.now().UTC().Format(time.RFC3339)
	for _, m := range pending(all, done) {
		if err := applyMigration(ctx, tx, m, applied); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// postMigrations are the Go steps that complete a migration (by its file
// name without the number): data that SQL cannot compute. They run right
// after it, in the same transaction.
var postMigrations = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"entity_decisions.sql": fillLooseKeys,
	"name_key_fold.sql":    rekeyNames,
}

// applyMigration runs m (and its Go step, if any) in tx and records it as
// applied at the time applied.
func applyMigration(ctx context.Context, tx *sql.Tx, m migration, applied string) error {
	if _, err := tx.ExecContext(ctx, m.body); err != nil {
		return fmt.Errorf("migrate %s: %w", m.name, err)
	}
	_, base, _ := strings.Cut(m.name, "_")
	if post := postMigrations[base]; post != nil {
		if err := post(ctx, tx); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
		m.version, m.name, applied); err != nil {
		return fmt.Errorf("migrate %s: %w", m.name, err)
	}
	return nil
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

// appliedVersions returns the versions recorded in schema_migrations, none
// when the table does not exist yet.
func appliedVersions(ctx context.Context, q querier) (map[int]bool, error) {
	var tables int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&tables); err != nil {
		return nil, err
	}
	done := map[int]bool{}
	if tables == 0 {
		return done, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}
