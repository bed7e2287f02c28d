package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
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

func TestSearchWindow(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db"), SearchWindow: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The oldest article matches best (the word three times, and in its title).
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
	hits, _ = db.Search(ctx, news.SearchQuery{Text: "drought", Limit: 3, Exhaustive: true})
	if len(hits) == 0 || hits[0].Source != "00.txt" {
		t.Errorf("exhaustive search: got %v, want the oldest, best match first", hits)
	}
	// Fewer than a page of matches among the newest: the whole store is ranked.
	hits, _ = db.Search(ctx, news.SearchQuery{Text: "rare", Limit: 3})
	if len(hits) != 1 || hits[0].Source != "00.txt" {
		t.Errorf("rare word: got %v, want the oldest article", hits)
	}
}

func TestPlacesOfArticleEntitiesAreStored(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := newstest.MustDoc(t, newstest.DocSpec{Source: "a.txt", Text: "Floods hit Lahore.\n" + newstest.Filler(3, 40),
		Entities: []newstest.Ent{{ID: "E1", Type: "LOC", Name: "Lahore"}}})
	doc.Entities[0].Place = &news.Place{Country: "PK", Admin1: "Punjab", Lat: 31.558, Lon: 74.351, GeonamesID: 1172451, Feature: "city"}
	newstest.MustPut(t, db, doc)
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var country, feature string
	var lat, lon float64
	var id int64
	if err := raw.QueryRow(`SELECT country, feature, lat, lon, geonames_id FROM article_entities WHERE local_id = 'E1'`).
		Scan(&country, &feature, &lat, &lon, &id); err != nil {
		t.Fatal(err)
	}
	if country != "PK" || feature != "city" || lat != 31.558 || lon != 74.351 || id != 1172451 {
		t.Errorf("got %s %s %v %v %d", country, feature, lat, lon, id)
	}
}
