package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// postgresURL returns a postgres:// URL of a new schema on the test
// server (NEWSGRAPH_TEST_POSTGRES), dropped when the test ends.
func postgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if base == "" {
		t.Skip("NEWSGRAPH_TEST_POSTGRES is not set: no PostgreSQL server to test against (set it to a postgres:// URL; .ci/run starts one)")
	}
	schema := fmt.Sprintf("newsgraph_cli_%d_%d", os.Getpid(), time.Now().UnixNano())
	ctx := context.Background()
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Error(err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Error(err)
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// statsLines is the output of 'stats' without the lines that name the
// database and its size.
func statsLines(t *testing.T, db string) string {
	t.Helper()
	code, out, errOut := run(t, "", "stats", "--db", db)
	if code != 0 {
		t.Fatalf("stats --db %s: exit %d: %s", db, code, errOut)
	}
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "database") && !strings.HasPrefix(l, "size") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestDBPostgresURL: --db postgres://... stores in and queries PostgreSQL,
// with the same counts and entities as the SQLite store.
func TestDBPostgresURL(t *testing.T) {
	url := postgresURL(t)
	if code, _, errOut := run(t, "", "stats", "--db", url); code == 0 || !strings.Contains(errOut, "no newsgraph store") {
		t.Errorf("stats of an empty schema: exit %d, %q; want an error saying there is no store", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "news.db")
	for _, db := range []string{url, file} {
		if code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, "--published", "2025-03-04", "../../examples/border-denial.txt"); code != 0 {
			t.Fatalf("ingest --db %s: exit %d: %s", db, code, errOut)
		}
	}
	if pg, lite := statsLines(t, url), statsLines(t, file); pg != lite || !strings.Contains(pg, "articles         1") {
		t.Errorf("stats differ:\nPostgreSQL:\n%s\nSQLite:\n%s", pg, lite)
	}
	// The same hit and total; the snippets are the stores' own passages
	// (FTS5's snippet, ts_headline), both with the matches marked.
	_, pg, _ := run(t, "", "search", "--db", url, "patently false")
	_, lite, _ := run(t, "", "search", "--db", file, "patently false")
	if p, l := strings.Split(pg, "\n"), strings.Split(lite, "\n"); len(p) != 4 || len(l) != 4 || p[0] != l[0] || p[2] != l[2] ||
		!strings.Contains(p[1], "[patently] [false]") {
		t.Errorf("search: PostgreSQL gives %q, SQLite %q", pg, lite)
	}
	for _, args := range [][]string{{"entity", "--top", "100"}, {"entity", "Amina Qureshi"}, {"contradictions"},
		{"quotes", "--speaker", "Amina Qureshi"}, {"export", "--format", "entities.csv"}, {"export", "--format", "quotes.csv"}} {
		_, pg, pgErr := run(t, "", append(args, "--db", url)...)
		_, lite, _ := run(t, "", append(args, "--db", file)...)
		if pg != lite || pg == "" {
			t.Errorf("%v: PostgreSQL gives %q (%s), SQLite %q", args, pg, pgErr, lite)
		}
	}
}
