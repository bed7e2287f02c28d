package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// pgxQuerier is what a pool, a connection and a transaction offer.
type pgxQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// conn runs queries written with SQLite's placeholders (? in order, ?N by
// number), the dialect of the queries both stores share in shape, as
// PostgreSQL's $N.
type conn struct{ q pgxQuerier }

func (c conn) query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return c.q.Query(ctx, rebind(sql), args...)
}

func (c conn) queryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return c.q.QueryRow(ctx, rebind(sql), args...)
}

func (c conn) exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return c.q.Exec(ctx, rebind(sql), args...)
}

// db is the store's pool as a conn.
func (s *DB) db() conn { return conn{s.pool} }

// rebound caches rebind's answers: the queries are a few hundred shapes.
var rebound sync.Map

// maxRebound bounds the cache (queries with IN lists of many lengths).
const maxRebound = 4096

var reboundCount int64
var reboundMu sync.Mutex

// rebind turns ? placeholders into $1, $2, ... in order, and ?N into $N,
// outside quoted strings and identifiers.
func rebind(sql string) string {
	if v, ok := rebound.Load(sql); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(sql) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			j := i + 1
			for j < len(sql) && sql[j] >= '0' && sql[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(sql[i+1 : j])
				i = j - 1
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			continue
		}
		b.WriteByte(c)
	}
	out := b.String()
	reboundMu.Lock()
	if reboundCount < maxRebound {
		reboundCount++
		rebound.Store(sql, out)
	}
	reboundMu.Unlock()
	return out
}

// placeholders is n ? separated by commas.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// int64s is ids as query arguments.
func int64s(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// Query runs a query of the shared dialect (internal/sqlstore's Querier).
func (c conn) Query(ctx context.Context, sql string, args ...any) (sqlstore.Rows, error) {
	return c.query(ctx, sql, args...)
}

// QueryRow runs a query of one row of the shared dialect.
func (c conn) QueryRow(ctx context.Context, sql string, args ...any) sqlstore.Row {
	return c.queryRow(ctx, sql, args...)
}

// Exec runs a statement of the shared dialect (sqlstore.Writer).
func (c conn) Exec(ctx context.Context, sql string, args ...any) error {
	_, err := c.exec(ctx, sql, args...)
	return err
}

// NoRows reports pgx's "no rows".
func (conn) NoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// Dialect is PostgreSQL's: typed VALUES parameters, strpos, string_agg.
func (conn) Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{Int: "?::bigint", Text: "?::text", Instr: "strpos", Agg: func(expr string) string { return "string_agg(DISTINCT " + expr + ", ',')" },
		Bytes: func(expr string) string { return "octet_length(" + expr + ")" }}
}
