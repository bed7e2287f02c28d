package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// MustOpen opens a new store in a temporary directory.
func MustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(tb.TempDir(), "news.db")})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	return db
}

func TestConformance(t *testing.T) {
	newstest.RunStoreSuite(t, func(t *testing.T) news.Store { return MustOpen(t) })
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "news.db")
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	doc := newstest.MustDoc(t, newstest.DocSpec{Source: "a.txt", Text: newstest.Filler(1, 50)})
	newstest.MustPut(t, db, doc)
	v1, _ := db.SchemaVersion(ctx)
	db.Close()
	db, err = sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v2, _ := db.SchemaVersion(ctx); v2 != v1 || v1 < 1 {
		t.Errorf("schema version: got %d after reopen, %d before; want equal and >= 1", v2, v1)
	}
	if st := newstest.MustStats(t, db); st.Articles != 1 || st.Bytes <= 0 {
		t.Errorf("after reopen: got %+v, want 1 article and a size", st)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
