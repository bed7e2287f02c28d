package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestKillDuringIngest kills an ingest with SIGKILL while it writes, then
// checks that the database is sound and holds only whole articles, and
// that ingesting again completes it.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	paths, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(paths) < 300 {
		t.Skip("PolNeAR train texts not found under ../shared/data")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	for _, p := range paths[:300] {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(src, filepath.Base(p)), data, 0o644)
	}
	db := filepath.Join(dir, "news.db")

	cmd := exec.Command(bin, "ingest", "--db", db, "--no-progress", src)
	cmd.Env = append(os.Environ(), "NEWSGRAPH_DATA="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has stored some articles but not all.
	deadline := time.Now().Add(60 * time.Second)
	killedAt := -1
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if n := countArticles(db); n >= 30 {
			killedAt = n
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if killedAt < 0 {
		t.Fatal("ingest stored fewer than 30 articles in 60 s")
	}

	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	if err := store.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after kill: %v", err)
	}
	st, _ := store.Stats(ctx)
	t.Logf("killed with %d articles seen; %d stored", killedAt, st.Articles)
	if st.Articles < killedAt || st.Articles >= 300 {
		t.Errorf("after kill: %d articles, want between %d and 299", st.Articles, killedAt)
	}
	checkWholeArticles(t, store, db)
	store.Close()

	cmd = exec.Command(bin, "ingest", "--db", db, "--no-progress", src)
	cmd.Env = append(os.Environ(), "NEWSGRAPH_DATA="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ingest after kill: %v\n%s", err, out)
	}
	store, err = sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// Every file is now an article, or linked to one as a (near-)duplicate.
	if st, _ = store.Stats(ctx); st.Articles+st.Duplicates+st.NearDuplicates != 300 {
		t.Errorf("after the second ingest: %+v, want 300 files accounted for\n%s", st, out)
	}
}

func countArticles(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0
	}
	return n
}

// checkWholeArticles checks that every stored article has its rows: the
// contract parses and names the stored hash, each of its quotes and
// claims is stored, and the search index has it.
func checkWholeArticles(t *testing.T, store *sqlite.DB, path string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	checked := 0
	err = store.EachArticle(context.Background(), func(a *news.StoredArticle) error {
		var c struct {
			ID       string
			Entities []json.RawMessage
			Quotes   []json.RawMessage
			Claims   []json.RawMessage
		}
		if err := json.Unmarshal(a.Contract, &c); err != nil {
			t.Errorf("article %d: contract: %v", a.ID, err)
			return nil
		}
		if c.ID != a.Hash {
			t.Errorf("article %d: contract id %s, stored hash %s", a.ID, c.ID, a.Hash)
		}
		var quotes, claims, ents, fts int
		raw.QueryRow(`SELECT count(*) FROM quotes WHERE article_id = ?`, a.ID).Scan(&quotes)
		raw.QueryRow(`SELECT count(*) FROM claims WHERE article_id = ?`, a.ID).Scan(&claims)
		raw.QueryRow(`SELECT count(*) FROM article_entities WHERE article_id = ?`, a.ID).Scan(&ents)
		raw.QueryRow(`SELECT count(*) FROM articles_fts WHERE rowid = ?`, a.ID).Scan(&fts)
		if quotes != len(c.Quotes) || claims != len(c.Claims) || ents == 0 && len(c.Entities) > 0 || fts != 1 {
			t.Errorf("article %d is not whole: %d/%d quotes, %d/%d claims, %d/%d entities, %d index rows",
				a.ID, quotes, len(c.Quotes), claims, len(c.Claims), ents, len(c.Entities), fts)
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 || strings.Contains(t.Name(), "never") {
		t.Errorf("no article checked")
	}
}
