package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

// testURL is the server the tests use: NEWSGRAPH_TEST_POSTGRES, a
// postgres:// URL (.ci/run starts a throw-away cluster and sets it).
func testURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if u == "" {
		tb.Skip("NEWSGRAPH_TEST_POSTGRES is not set: no PostgreSQL server to test against (set it to a postgres:// URL; .ci/run starts one)")
	}
	return u
}

var schemas atomic.Int64

// MustOpen opens a store in a new schema of the test server, dropped when
// the test ends, so that tests and test runs do not see each other's
// rows.
func MustOpen(tb testing.TB, cfg postgres.Config) *postgres.DB {
	tb.Helper()
	cfg.URL = testURL(tb)
	cfg.Schema = fmt.Sprintf("newsgraph_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemas.Add(1))
	ctx := context.Background()
	db, err := postgres.Open(ctx, cfg)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { dropSchema(tb, cfg.URL, cfg.Schema) })
	return db
}

// dropSchema drops schema on its own connection: the store may be closed.
func dropSchema(tb testing.TB, url, schema string) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		tb.Errorf("drop schema %s: %v", schema, err)
		return
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
		tb.Errorf("drop schema %s: %v", schema, err)
	}
}

func TestConformance(t *testing.T) {
	newstest.RunStoreSuite(t, func(t *testing.T) news.Store { return MustOpen(t, postgres.Config{}) })
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	db := MustOpen(t, postgres.Config{})
	ctx := context.Background()
	newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "a.txt", Text: newstest.Filler(1, 50)}))
	v1, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := postgres.Open(ctx, postgres.Config{URL: testURL(t), Schema: db.Schema()})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if v2, _ := again.SchemaVersion(ctx); v2 != v1 || v1 < 1 {
		t.Errorf("schema version: got %d after reopen, %d before; want equal and >= 1", v2, v1)
	}
	if st := newstest.MustStats(t, again); st.Articles != 1 || st.Bytes <= 0 {
		t.Errorf("after reopen: got %+v, want 1 article and a size", st)
	}
}

func TestOpenTogether(t *testing.T) {
	// Several processes opening one new schema at once: one applies the
	// migrations, the others find them done.
	url := testURL(t)
	schema := fmt.Sprintf("newsgraph_test_together_%d", os.Getpid())
	t.Cleanup(func() { dropSchema(t, url, schema) })
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			db, err := postgres.Open(context.Background(), postgres.Config{URL: url, Schema: schema})
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestSearchWindow(t *testing.T) {
	db := MustOpen(t, postgres.Config{SearchWindow: 5})
	ctx := context.Background()
	put := func(i int, title, text string) {
		doc := newstest.MustDoc(t, newstest.DocSpec{Source: fmt.Sprintf("%02d.txt", i), Title: title, Text: text + "\n" + newstest.Filler(i, 40)})
		newstest.MustPut(t, db, doc)
	}
	put(0, "Drought", "drought drought drought rare")
	for i := 1; i <= 20; i++ {
		put(i, "", "a drought was mentioned once")
	}
	hits, err := db.Search(ctx, news.SearchQuery{Text: "drought", Limit: 3})
	if err != nil || len(hits) != 3 {
		t.Fatalf("Search: %v, %v", hits, err)
	}
	for _, h := range hits {
		if h.ArticleID <= 16 {
			t.Errorf("windowed search returned article %d, want one of the newest 5", h.ArticleID)
		}
	}
	hits, err = db.Search(ctx, news.SearchQuery{Text: "drought", Limit: 3, Exhaustive: true})
	if err != nil || len(hits) == 0 || hits[0].Source != "00.txt" {
		t.Errorf("exhaustive search: got %v, %v; want 00.txt (title and three matches) first", hits, err)
	}
	if hits, _ := db.Search(ctx, news.SearchQuery{Text: "rare"}); len(hits) != 1 {
		t.Errorf("a word only outside the window: got %d hits, want 1", len(hits))
	}
}

func TestSearchAccentsAndScripts(t *testing.T) {
	db := MustOpen(t, postgres.Config{})
	ctx := context.Background()
	newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "fr.txt", Title: "Théâtre",
		Text: "Le théâtre de Córdoba a rouvert. 서울에서 회의가 열렸다.\n" + newstest.Filler(2, 40)}))
	for _, q := range []string{"theatre", "THÉÂTRE", "cordoba", "서울에서", "théât*", `"theatre de cordoba"`} {
		hits, err := db.Search(ctx, news.SearchQuery{Text: q})
		if err != nil || len(hits) != 1 {
			t.Errorf("Search(%q): got %d hits, %v; want 1", q, len(hits), err)
		}
	}
}

func TestSearchPathSchema(t *testing.T) {
	// A schema named by the URL's search_path is created by the first
	// store opened on it; a query (MustExist) finds no store there before.
	base := testURL(t)
	schema := fmt.Sprintf("newsgraph_test_path_%d", os.Getpid())
	t.Cleanup(func() { dropSchema(t, base, schema) })
	url := base + "?search_path=" + schema
	if strings.Contains(base, "?") {
		url = base + "&search_path=" + schema
	}
	ctx := context.Background()
	if _, err := postgres.Open(ctx, postgres.Config{URL: url, MustExist: true}); !errors.Is(err, postgres.ErrNoStore) {
		t.Fatalf("MustExist on a missing schema: %v, want ErrNoStore", err)
	}
	db, err := postgres.Open(ctx, postgres.Config{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Schema() != schema {
		t.Errorf("schema %q, want %q", db.Schema(), schema)
	}
	again, err := postgres.Open(ctx, postgres.Config{URL: url, MustExist: true})
	if err != nil {
		t.Fatalf("MustExist on the store: %v", err)
	}
	again.Close()
}
