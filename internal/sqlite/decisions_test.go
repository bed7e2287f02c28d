package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestLooseKeysOfOldStores: a store made before the loose name keys gets
// them for its stored names when opened, so that a spelling variant in a
// new article joins a person stored before the upgrade.
func TestLooseKeysOfOldStores(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	put := func(db *sqlite.DB, seed int, name string) {
		newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "a.txt", Text: name + " spoke.\n" + newstest.Filler(seed, 60),
			Entities: []newstest.Ent{{ID: "E1", Type: "PER", Name: name}}}))
	}
	put(db, 1, "Hillary Clinton")
	db.Close()

	// Turn the file back into one of before the migration.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP INDEX entity_names_loose`, `ALTER TABLE entity_names DROP COLUMN loose`, `DROP TABLE entity_decisions`,
		`DELETE FROM schema_migrations WHERE name LIKE '%_entity_decisions.sql'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db, err = sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatalf("open the old store: %v", err)
	}
	defer db.Close()
	put(db, 2, "Hilary Clinton")
	es, err := db.Entities(ctx, "Hilary Clinton", "PER")
	if err != nil || len(es) != 1 || es[0].Articles != 2 {
		t.Errorf("Entities(Hilary Clinton): %+v, %v; want the stored Hillary Clinton in 2 articles", es, err)
	}
}

// TestNameKeysOfOldStores: names stored under the key of an older
// release ("Wałęsa" kept its ł, "Trump‘s" its apostrophe) get names.Key
// when the store is opened, so that a new article's "Walesa" joins the
// Lech Wałęsa stored before the upgrade, and an analyst's split still
// holds.
func TestNameKeysOfOldStores(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	put := func(db *sqlite.DB, seed int, name string) {
		newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "w.txt", Text: name + " spoke.\n" + newstest.Filler(seed, 60),
			Entities: []newstest.Ent{{ID: "E1", Type: "PER", Name: name}}}))
	}
	put(db, 11, "Lech Wałęsa")
	db.Close()

	// Turn the file back into one of before the migration, with the old key.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE entity_names SET key = 'lech wałesa', loose = replace(loose, 'l', 'ł') WHERE name = 'Lech Wałęsa'`,
		`DELETE FROM schema_migrations WHERE name LIKE '%_name_key_fold.sql'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db, err = sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatalf("open the old store: %v", err)
	}
	defer db.Close()
	put(db, 12, "Lech Walesa")
	es, err := db.Entities(ctx, "Lech Walesa", "PER")
	if err != nil || len(es) != 1 || es[0].Articles != 2 {
		t.Errorf("Entities(Lech Walesa): %+v, %v; want the stored Lech Wałęsa in 2 articles", es, err)
	}
}
