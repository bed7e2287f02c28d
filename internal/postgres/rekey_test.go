package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

// TestNameKeysOfOldStores: names stored under the key of an older
// release ("Wałęsa" kept its ł) get names.Key when the store is opened,
// so that a new article's "Walesa" joins the Lech Wałęsa stored before
// the upgrade.
func TestNameKeysOfOldStores(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t, postgres.Config{})
	put := func(db *postgres.DB, seed int, name string) {
		newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "w.txt", Text: name + " spoke.\n" + newstest.Filler(seed, 60),
			Entities: []newstest.Ent{{ID: "E1", Type: "PER", Name: name}}}))
	}
	put(db, 11, "Lech Wałęsa")
	schema := db.Schema()
	db.Close()

	// Turn the schema back into one of before the migration, with the old keys.
	c, err := pgx.Connect(ctx, testURL(t))
	if err != nil {
		t.Fatal(err)
	}
	s := pgx.Identifier{schema}.Sanitize()
	for _, q := range []string{
		`UPDATE ` + s + `.entity_names SET key = 'lech wałesa', loose = replace(loose, 'l', 'ł') WHERE name = 'Lech Wałęsa'`,
		`DELETE FROM ` + s + `.schema_migrations WHERE name LIKE '%_name_key_fold.sql'`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	c.Close(ctx)

	again, err := postgres.Open(ctx, postgres.Config{URL: testURL(t), Schema: schema})
	if err != nil {
		t.Fatalf("open the old store: %v", err)
	}
	defer again.Close()
	put(again, 12, "Lech Walesa")
	es, err := again.Entities(ctx, "Lech Walesa", "PER")
	if err != nil || len(es) != 1 || es[0].Articles != 2 {
		t.Errorf("Entities(Lech Walesa): %+v, %v; want the stored Lech Wałęsa in 2 articles", es, err)
	}
}
