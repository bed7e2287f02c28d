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
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ news.Store = (*DB)(nil)

// Config sets how the store behaves.
type Config struct {
	// Path is the database file; its directory is created if missing.
	Path string
	// CompareClaims decides whether two stored claims of different
	// articles contradict each other. Nil means
	// graphrules.DefaultCompareClaims.
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
	// The journal mode is set once, by migrate (see setWAL).
	for _, p := range []string{fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()), "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := fileURI(cfg.Path) + "?" + q.Encode()
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
		limits: cfg.Search.WithDefaults()}
	if s.compare == nil {
		s.compare = graphrules.DefaultCompareClaims
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

// fileURI is path as a SQLite "file:" URI. Every byte but letters,
// digits, "-._~/:" is percent-encoded (SQLite decodes %HH in the path), so
// that "%", "#", "?", "&" and spaces are part of the file name instead of
// an escape, a fragment or URI parameters such as mode=memory. An
// absolute path gets an empty authority ("file:///tmp/x.db"), so that a
// path starting with "//" is not read as a host; a relative path stays
// relative to the working directory.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	var b strings.Builder
	b.WriteString("file:")
	switch {
	case strings.HasPrefix(p, "/"):
		b.WriteString("//")
	case filepath.VolumeName(path) != "":
		b.WriteString("///")
	}
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/:", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
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

// q is the store's reader pool as the shared queries' Querier.
func (s *DB) q() sqlstore.Querier { return sqlQuerier{s.db} }

// sqlQuerier runs the shared queries (internal/sqlstore) on database/sql:
// the reader pool, or a transaction (which also writes: sqlstore.Writer).
type sqlQuerier struct{ db querier }

// Exec runs a statement of the shared dialect.
func (q sqlQuerier) Exec(ctx context.Context, query string, args ...any) error {
	_, err := q.db.ExecContext(ctx, query, args...)
	return err
}

func (q sqlQuerier) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (q sqlQuerier) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	return q.db.QueryRowContext(ctx, query, args...)
}

// sqlRows is *sql.Rows with a Close that returns nothing, as pgx's.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

func (sqlQuerier) NoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// Dialect is SQLite's: untyped parameters, instr, group_concat.
func (sqlQuerier) Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{Int: "?", Text: "?", Instr: "instr", Agg: func(expr string) string { return "group_concat(DISTINCT " + expr + ")" },
		Bytes: func(expr string) string { return "length(CAST(" + expr + " AS BLOB))" }}
}
