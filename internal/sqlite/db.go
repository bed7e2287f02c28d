// Package sqlite is the embedded news.Store: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode, with FTS5 full-text search and schema
// migrations embedded in the binary.
//
// Writes are serialised (SQLite has one writer) and each article is one
// transaction, so that a process killed at any moment leaves every
// committed article whole and no half-written one.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ news.Store = (*DB)(nil)

// Config sets how the store behaves.
type Config struct {
	// Path is the database file; its directory is created if missing.
	Path string
	// CompareClaims decides whether two stored claims of different
	// articles contradict each other. Nil means DefaultCompareClaims.
	CompareClaims news.ClaimComparer
	// SearchWindow is how many of the newest articles a search ranks
	// first (see Search); 0 means DefaultSearchWindow, negative ranks
	// every match always.
	SearchWindow int
	// Search bounds what one search query may cost; zero fields take
	// DefaultSearchLimits.
	Search SearchLimits
}

// maxStatements bounds the prepared statements kept for the writer.
const maxStatements = 1024

// DefaultSearchWindow is the default Config.SearchWindow.
const DefaultSearchWindow = 10000

// DB is a news.Store in one SQLite file.
type DB struct {
	db *sql.DB // readers
	// wdb is the one connection that writes, with the prepared statements
	// of the write queries seen so far (parsing SQL is a third of the cost
	// of storing an article otherwise).
	wdb     *sql.DB
	stmts   map[string]*sql.Stmt
	misses  map[string]int // queries parsed, not yet prepared
	path    string
	window  int
	limits  SearchLimits
	compare news.ClaimComparer
	// writeMu serialises write transactions: SQLite allows one writer,
	// and waiting here is cheaper and fairer than busy retries.
	writeMu sync.Mutex
	now     func() time.Time
}

// Open opens (creating if needed) the store at cfg.Path and brings its
// schema up to date.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.Path == "" {
		return nil, errors.New("open store: no database path")
	}
	if dir := filepath.Dir(cfg.Path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + cfg.Path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", cfg.Path, err)
	}
	db.SetMaxOpenConns(8)
	// The writer reads the pages of indexes all over the file; a larger
	// page cache (64 MiB instead of 2) keeps them in memory.
	wdb, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-65536)")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", cfg.Path, err)
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	s := &DB{db: db, wdb: wdb, stmts: map[string]*sql.Stmt{}, misses: map[string]int{}, path: cfg.Path, compare: cfg.CompareClaims, now: time.Now,
		limits: cfg.Search.withDefaults()}
	if s.compare == nil {
		s.compare = DefaultCompareClaims
	}
	switch {
	case cfg.SearchWindow == 0:
		s.window = DefaultSearchWindow
	case cfg.SearchWindow > 0:
		s.window = cfg.SearchWindow
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open store %s: %w", cfg.Path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	werr := s.wdb.Close()
	if err := s.db.Close(); err != nil {
		return err
	}
	return werr
}

// Path returns the database file.
func (s *DB) Path() string { return s.path }

// migrate applies the embedded migrations not yet applied, each in its own
// transaction, in the order of their numbered file names.
func (s *DB) migrate(ctx context.Context) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if _, err := s.wdb.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		base := filepath.Base(name)
		num, _, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("migrate: migration %s has no number", base)
		}
		var n int
		if err := s.wdb.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
			version, base, s.now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", base, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %s: %w", base, err)
		}
	}
	return nil
}

// Optimize merges the full-text index into one segment and updates the
// query planner's statistics. Searches that match many articles get
// faster; it takes a while on a large store, so ingest runs it only after
// large batches.
func (s *DB) Optimize(ctx context.Context) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('optimize')`)
		return err
	})
	if err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if _, err := s.wdb.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// SchemaVersion returns the highest applied migration.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// IntegrityCheck runs PRAGMA integrity_check and returns nil when the file
// is sound.
func (s *DB) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	var fts int
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("full-text index check: %w", err)
	}
	_ = fts
	return nil
}

// write runs fn in one write transaction (BEGIN IMMEDIATE), serialised with
// every other write of this process.
func (s *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeCached(ctx, func(tx *cachedTx) error { return fn(tx.Tx) })
}

// writeCached is write with a transaction that runs the queries it has
// seen before as prepared statements.
func (s *DB) writeCached(ctx context.Context, fn func(tx *cachedTx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	ctx2 := &cachedTx{Tx: tx, s: s}
	if err := fn(ctx2); err != nil {
		tx.Rollback()
		return err
	}
	err = tx.Commit()
	// The connection is free again: prepare the queries parsed a second
	// time (multi-row inserts come in many lengths; most recur).
	for _, q := range ctx2.missed {
		if _, ok := s.stmts[q]; ok || len(s.stmts) >= maxStatements {
			continue
		}
		if s.misses[q]++; s.misses[q] < 2 {
			continue
		}
		delete(s.misses, q)
		if st, err := s.wdb.PrepareContext(ctx, q); err == nil {
			s.stmts[q] = st
		}
	}
	if len(s.misses) > 4*maxStatements {
		clear(s.misses)
	}
	return err
}

// cachedTx is a write transaction that runs known queries as statements
// prepared on the write connection, and notes the others.
type cachedTx struct {
	*sql.Tx
	s      *DB
	missed []string
}

func (c *cachedTx) stmt(ctx context.Context, query string) *sql.Stmt {
	if st, ok := c.s.stmts[query]; ok {
		return c.Tx.StmtContext(ctx, st)
	}
	c.missed = append(c.missed, query)
	return nil
}

func (c *cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.Tx.ExecContext(ctx, query, args...)
}

func (c *cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.Tx.QueryContext(ctx, query, args...)
}

func (c *cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.Tx.QueryRowContext(ctx, query, args...)
}
