// Package postgres is the news.Store on PostgreSQL 15 or later, for
// deployments that outgrow one SQLite file: several ingest workers and
// many readers on one database. It keeps the tables of internal/sqlite in
// PostgreSQL's types, indexes articles for full-text search with a
// tsvector column and a GIN index (ranked by ts_rank_cd, snippets by
// ts_headline), and applies the rules of internal/graphrules (entity
// merging, contradictions across articles, near-duplicates) and the
// search syntax of internal/searchq, so that both stores answer alike;
// internal/newstest's conformance suite runs on both.
//
// Each article is stored in one transaction. Article writes are
// serialised per schema by a transaction-scoped advisory lock, across
// processes: entity merging reads the stored names and then writes new
// ones, and two articles naming a new entity at once must not make two.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/searchq"
)

var _ news.Store = (*DB)(nil)

// DefaultSearchWindow is the default Config.SearchWindow, as in
// internal/sqlite.
const DefaultSearchWindow = 10000

// Config sets how the store behaves.
type Config struct {
	// URL is the database, postgres://user:password@host:port/dbname?...
	// (any connection string pgx reads, pool_max_conns included).
	URL string
	// Schema is the schema the store's tables live in, created when
	// missing; "" uses the connection's default (search_path, usually
	// public). Tests give each store its own.
	Schema string
	// CompareClaims decides whether two stored claims of different
	// articles contradict each other. Nil means
	// graphrules.DefaultCompareClaims.
	CompareClaims news.ClaimComparer
	// SearchWindow is how many of the newest articles a search ranks
	// first (see Search); 0 means DefaultSearchWindow, negative ranks
	// every match always.
	SearchWindow int
	// Search bounds what one search query may cost; zero fields take
	// searchq.DefaultLimits.
	Search searchq.Limits
	// MustExist refuses a schema that holds no store yet (ErrNoStore)
	// instead of creating the tables: the query commands set it, so that
	// a mistyped URL says so.
	MustExist bool
}

// ErrNoStore is the error of opening, with Config.MustExist, a schema
// without the store's tables.
var ErrNoStore = errors.New("no newsgraph store in this database schema")

// sessionDefaults are the settings of the store's connections, unless
// the URL sets them (postgres://...?random_page_cost=4). The store's
// queries each read a few rows by index; with PostgreSQL's default
// random_page_cost (4, for spinning disks) the planner joins a handful
// of names to every entity with a hash join over the whole table (4 ms
// instead of 0.1 on 8,000 entities, for each article stored).
var sessionDefaults = map[string]string{"random_page_cost": "1.1"}

// DB is a news.Store in a PostgreSQL database.
type DB struct {
	pool    *pgxpool.Pool
	url     string // without the password, for messages
	schema  string
	lockKey int64 // the advisory lock that serialises article writes
	window  int
	limits  searchq.Limits
	compare news.ClaimComparer
	now     func() time.Time
}

// Open connects to the database of cfg.URL, creates the schema when it
// is missing and brings its tables up to date.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.URL == "" {
		return nil, errors.New("open store: no PostgreSQL URL")
	}
	shown := Redact(cfg.URL)
	pc, err := pgxpool.ParseConfig(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", shown, err)
	}
	for k, v := range sessionDefaults {
		if _, set := pc.ConnConfig.RuntimeParams[k]; !set {
			pc.ConnConfig.RuntimeParams[k] = v
		}
	}
	if cfg.Schema != "" {
		if err := createSchema(ctx, pc, cfg.Schema); err != nil {
			return nil, fmt.Errorf("open store %s: %w", shown, err)
		}
		pc.ConnConfig.RuntimeParams["search_path"] = cfg.Schema
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", shown, err)
	}
	s := &DB{pool: pool, url: shown, schema: cfg.Schema, compare: cfg.CompareClaims, now: time.Now,
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
	if err := s.init(ctx, cfg.MustExist); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", shown, err)
	}
	return s, nil
}

// init learns the schema the tables live in (the lock key is made from
// it), checks that the store is there when mustExist, and applies the
// migrations.
func (s *DB) init(ctx context.Context, mustExist bool) error {
	schema, err := s.currentSchema(ctx, mustExist)
	if err != nil {
		return err
	}
	s.schema = schema
	if mustExist {
		var exists bool
		if err := s.pool.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
			return fmt.Errorf("connect: %w", err)
		}
		if !exists {
			return fmt.Errorf("schema %s: %w", schema, ErrNoStore)
		}
	}
	h := fnv.New64a()
	h.Write([]byte("newsgraph article writes " + schema))
	s.lockKey = int64(h.Sum64())
	return s.migrate(ctx)
}

// currentSchema returns the schema the tables live in: the first of the
// connection's search_path, created when it does not exist yet (as with
// postgres://...?search_path=news), unless mustExist.
func (s *DB) currentSchema(ctx context.Context, mustExist bool) (string, error) {
	var schema *string
	if err := s.pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	if schema != nil {
		return *schema, nil
	}
	var path string
	if err := s.pool.QueryRow(ctx, `SELECT current_setting('search_path')`).Scan(&path); err != nil {
		return "", fmt.Errorf("connect: %w", err)
	}
	first, _, _ := strings.Cut(path, ",")
	first = strings.Trim(strings.TrimSpace(first), `"`)
	switch {
	case first == "" || first == "$user":
		return "", fmt.Errorf("no schema to create tables in (search_path %q): name one with ?search_path=SCHEMA", path)
	case mustExist:
		return "", fmt.Errorf("schema %s: %w", first, ErrNoStore)
	}
	if err := createSchemaOn(ctx, s.pool, first); err != nil {
		return "", err
	}
	return first, nil
}

// createSchemaLock is the advisory lock under which schemas are created:
// two CREATE SCHEMA IF NOT EXISTS at once may both try to create it, and
// one then fails on a unique index of the catalog.
const createSchemaLock = 0x6e657773 // "news"

// createSchema creates schema, if missing, on one connection of pc.
func createSchema(ctx context.Context, pc *pgxpool.Config, schema string) error {
	conn, err := pgx.ConnectConfig(ctx, pc.ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return createSchemaOn(ctx, conn, schema)
}

// createSchemaOn creates schema, if missing, in a transaction of db.
func createSchemaOn(ctx context.Context, db interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}, schema string) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, createSchemaLock); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	if _, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	return tx.Commit(ctx)
}

// Redact is a connection URL without its password, for messages.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a SQLite file.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql")
}

// Close closes the connections.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// Path returns the database's URL without its password, and its schema.
func (s *DB) Path() string { return s.url + " (schema " + s.schema + ")" }

// Schema returns the schema the store's tables live in.
func (s *DB) Schema() string { return s.schema }

// DropSchema deletes the store's schema with everything in it, and
// closes the store: for throw-away stores (tests, benchmarks).
func (s *DB) DropSchema(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{s.schema}.Sanitize()+` CASCADE`)
	s.pool.Close()
	if err != nil {
		return fmt.Errorf("drop schema %s: %w", s.schema, err)
	}
	return nil
}

// storeTables are the tables Optimize vacuums and analyzes.
const storeTables = `articles, search_words, minhash, minhash_bands, duplicates, entities, entity_names,
	entity_titles, article_entities, quotes, events, claims, contradictions, entity_decisions`

// Optimize vacuums the store's tables and updates the query planner's
// statistics (VACUUM (ANALYZE)), as ingest does after large batches:
// searches then read fewer pages (the visibility map is set) and the
// planner knows the tables' sizes. Autovacuum does the same, later.
func (s *DB) Optimize(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `VACUUM (ANALYZE) `+storeTables); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// SetSearchLimits sets the limits of the searches to come; zero fields
// take searchq.DefaultLimits. Call it before the store serves searches.
func (s *DB) SetSearchLimits(l searchq.Limits) { s.limits = l.WithDefaults() }

// write runs fn in one transaction that holds the store's write lock
// (pg_advisory_xact_lock), so that article writes of every process using
// the schema run one at a time.
func (s *DB) write(ctx context.Context, fn func(tx conn) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, s.lockKey); err != nil {
		return fmt.Errorf("take the write lock: %w", err)
	}
	if err := fn(conn{tx}); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
