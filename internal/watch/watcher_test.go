package watch_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/watch"
)

func mustAdd(t *testing.T, db *sqlite.DB, spec string) {
	t.Helper()
	w, err := watch.Parse("w.yaml", []byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	sw, _ := w.Stored()
	if _, err := db.PutWatchlist(context.Background(), sw); err != nil {
		t.Fatal(err)
	}
}

// TestWatcherFiresOnceAndReloads: a rule fires once per article however
// often it is evaluated, and a watchlist added later is watched after a
// reload.
func TestWatcherFiresOnceAndReloads(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustAdd(t, db, "name: a\nrules:\n  - {name: floods, query: floods}\n")
	w, err := watch.NewWatcher(ctx, db, -1) // never re-read on its own
	if err != nil || w.Rules() != 1 {
		t.Fatalf("NewWatcher: %v, %d rules", err, w.Rules())
	}
	put := func(seed int) int64 {
		return newstest.MustPut(t, db, newstest.MustDoc(t, newstest.DocSpec{Source: "a.txt", Published: "2025-03-04",
			Text: "Floods hit Lahore.\n" + newstest.Filler(seed, 40)})).ArticleID
	}
	first := put(1)
	for i, want := range []int{1, 0} {
		got, err := w.Fire(ctx, first)
		if err != nil || len(got) != want {
			t.Fatalf("Fire #%d: %+v, %v; want %d alerts", i+1, got, err, want)
		}
		if want == 1 && (got[0].ID == 0 || got[0].Sentences[0].Text != "Floods hit Lahore.") {
			t.Errorf("stored alert: %+v", got[0])
		}
	}
	mustAdd(t, db, "name: b\nrules:\n  - {name: lahore, query: lahore}\n")
	second := put(2)
	if got, _ := w.Fire(ctx, second); len(got) != 1 || got[0].Rule != "floods" {
		t.Errorf("before reload: %+v, want the floods rule only", got)
	}
	if err := w.Reload(ctx); err != nil || w.Rules() != 2 {
		t.Fatalf("Reload: %v, %d rules", err, w.Rules())
	}
	if got, _ := w.Fire(ctx, second); len(got) != 1 || got[0].Rule != "lahore" {
		t.Errorf("after reload: %+v, want the lahore rule (floods fired already)", got)
	}
}
