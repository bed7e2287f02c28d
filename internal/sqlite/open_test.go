package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// latestVersion is the schema version of a store migrated alone.
func latestVersion(t *testing.T) int {
	t.Helper()
	db := MustOpen(t)
	defer db.Close()
	v, err := db.SchemaVersion(context.Background())
	if err != nil || v < 1 {
		t.Fatalf("schema version of a new store: %d, %v", v, err)
	}
	return v
}

// docFor is an article named source, distinct from those of other seeds.
func docFor(tb testing.TB, source string, seed int) *news.Doc {
	return newstest.MustDoc(tb, newstest.DocSpec{Source: source, Text: source + " was stored.\n" + newstest.Filler(seed, 40)})
}

// putOne opens the store at path, stores doc, and closes it.
func putOne(ctx context.Context, path string, doc *news.Doc) error {
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		return err
	}
	if _, err := db.PutArticle(ctx, newstest.Input(doc)); err != nil {
		db.Close()
		return fmt.Errorf("put %s: %w", doc.Source, err)
	}
	return db.Close()
}

// checkStore fails t unless the store at path has the latest schema and
// exactly articles articles.
func checkStore(t *testing.T, path string, want, articles int) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != want {
		t.Errorf("schema version %d (%v), want %d", v, err, want)
	}
	if st := newstest.MustStats(t, db); st.Articles != articles {
		t.Errorf("%d articles, want %d", st.Articles, articles)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// Several connections opening one new file at once must all migrate it
// without error: the version is checked inside the write transaction.
func TestConcurrentOpenOfNewFile(t *testing.T) {
	want := latestVersion(t)
	const rounds, openers = 6, 8
	for r := range rounds {
		path := filepath.Join(t.TempDir(), "news.db")
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, openers)
		for i := range openers {
			doc := docFor(t, fmt.Sprintf("r%d-%d.txt", r, i), i)
			wg.Go(func() {
				<-start
				errs[i] = putOne(context.Background(), path, doc)
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, opener %d: %v", r, i, err)
			}
		}
		checkStore(t, path, want, openers)
	}
}

// Open must wait while another process holds the write lock of a new file
// that is not in WAL mode yet: SQLite answers the switch to WAL with
// "database is locked" at once, without waiting for the busy timeout.
func TestOpenWaitsForTheWALSwitch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "news.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	other, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, q := range []string{"BEGIN IMMEDIATE", "CREATE TABLE other (x)"} {
		if _, err := other.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	opened := make(chan error, 1)
	go func() { opened <- putOne(ctx, path, docFor(t, "a.txt", 1)) }()
	// The pause lets Open meet the lock; nothing here depends on how long
	// Open takes.
	time.Sleep(200 * time.Millisecond)
	if _, err := other.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	if err := <-opened; err != nil {
		t.Fatalf("open while another connection sets up the file: %v", err)
	}
	other.Close()
	var mode string
	fresh, _ := sql.Open("sqlite", "file:"+path)
	defer fresh.Close()
	if err := fresh.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
	checkStore(t, path, latestVersion(t), 1)
}

// helperDBEnv names the database a helper process opens.
const helperDBEnv = "NEWSGRAPH_TEST_OPEN_DB"

// TestHelperOpenProcess is not a test: TestConcurrentProcessesOpenNewFile
// runs the test binary with helperDBEnv set, and then it waits for its
// standard input to close, stores one article and exits 0, or 1 with the
// error on stderr.
func TestHelperOpenProcess(t *testing.T) {
	path := os.Getenv(helperDBEnv)
	if path == "" {
		return
	}
	seed, _ := strconv.Atoi(os.Getenv(helperDBEnv + "_SEED"))
	io.Copy(io.Discard, os.Stdin)
	if err := putOne(context.Background(), path, docFor(t, os.Getenv(helperDBEnv+"_SOURCE"), seed)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Several processes opening one new file at once (the issue's
// "newsgraph ingest --db m.db a.txt & newsgraph ingest --db m.db a.txt")
// must all succeed.
func TestConcurrentProcessesOpenNewFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	want := latestVersion(t)
	const rounds, procs = 4, 4
	for r := range rounds {
		path := filepath.Join(t.TempDir(), "news.db")
		cmds := make([]*exec.Cmd, procs)
		gates := make([]io.WriteCloser, procs)
		outs := make([]bytes.Buffer, procs)
		for i := range cmds {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperOpenProcess$")
			cmd.Env = append(os.Environ(), helperDBEnv+"="+path, helperDBEnv+"_SOURCE="+strconv.Itoa(r)+"-"+strconv.Itoa(i)+".txt", helperDBEnv+"_SEED="+strconv.Itoa(i))
			gate, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds[i], gates[i] = cmd, gate
		}
		for _, g := range gates { // release them all at once
			g.Close()
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d, process %d: %v: %s", r, i, err, bytes.TrimSpace(outs[i].Bytes()))
			}
		}
		checkStore(t, path, want, procs)
	}
}

// A database path is a file name, whatever characters it holds: none of
// them may be read as part of a URI (%41 as "A", "#" as a fragment, "?"
// as parameters such as mode=memory).
func TestPathsWithURICharacters(t *testing.T) {
	for _, name := range []string{
		"b%41.db",
		"c#x.db",
		"d.db?mode=memory&cache=shared",
		"d.db?mode=memory&x=1",
		"e f.db",
		"f%20 #?&=+;:@.db",
		"sub dir#1/g?.db",
		"ünï çødé.db",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			if err := putOne(context.Background(), path, docFor(t, "a.txt", 1)); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("the file named %q was not written: %v", name, err)
			}
			checkStore(t, path, latestVersion(t), 1)
			var got []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					got = append(got, rel)
				}
				return nil
			})
			for _, f := range got {
				if f != name && f != name+"-wal" && f != name+"-shm" {
					t.Errorf("stray file %q beside %q (all: %q)", f, name, got)
				}
			}
		})
	}
}

// A relative path stays relative to the working directory.
func TestRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := putOne(context.Background(), filepath.Join("rel dir", "x#1.db"), docFor(t, "a.txt", 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("rel dir", "x#1.db")); err != nil {
		t.Fatal(err)
	}
}
