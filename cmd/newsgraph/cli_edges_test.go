package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// serve refuses a database that does not exist unless --create, and says
// so naming the path, instead of serving a new empty one (issue 16).
func TestServeRefusesMissingDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	code, _, errOut := run(t, "", "serve", "--addr", "127.0.0.1:0", "--db", db)
	if code != 1 || !strings.Contains(errOut, "no database at "+db) {
		t.Errorf("serve --db %s: exit %d, stderr %q; want exit 1 naming the path", db, code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("serve created %s", db)
	}
}

// ingest of nothing (a path that does not exist) creates no database.
func TestIngestOfNothingCreatesNothing(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, filepath.Join(dir, "nonexistent"))
	if code != 1 || !strings.Contains(errOut, "nonexistent") {
		t.Errorf("exit %d, stderr %q; want 1 naming the missing path", code, errOut)
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		t.Errorf("ingest of nothing left %s behind", e.Name())
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n          int
		noun, want string
	}{
		{1, "new article", "1 new article"}, {2, "error", "2 errors"}, {0, "duplicate", "0 duplicates"},
		{3, "new cross-article contradiction", "3 new cross-article contradictions"},
		{2, "match", "2 matches"}, {2, "entity", "2 entities"}, {2, "day", "2 days"},
	} {
		if got := plural(tc.n, tc.noun); got != tc.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}

// The ingest summary says "1 new article", not "1 new articles".
func TestIngestSummaryPlurals(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	code, out, errOut := run(t, "", "ingest", "--no-progress", "--db", db, "../../examples/border-denial.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "ingest: 1 new article, 0 duplicates, 0 near-duplicates, 0 errors,") || !strings.Contains(out, "holds 1 article\n") {
		t.Errorf("summary %q, want singular forms for 1", out)
	}
}

// When stderr is not a terminal, ingest writes a one-line status each
// interval instead of a bar, with counts in the right number and a rate
// over the time since the start.
func TestIngestStatusLines(t *testing.T) {
	var errOut syncBuffer
	in := &ingester{env: &environment{stderr: &errOut}}
	status := in.startStatus(2, time.Millisecond)
	status.done.Add(1)
	status.errors.Add(1)
	for !strings.Contains(errOut.String(), "ingest: 1 of 2 articles, 1 error, ") {
		time.Sleep(time.Millisecond) // until the next line; the test's own timeout bounds it
	}
	status.stop()
	line := strings.SplitN(errOut.String(), "\n", 2)[0]
	if !strings.HasSuffix(line, " articles/s") {
		t.Errorf("status line %q", line)
	}
	quiet := &ingester{env: &environment{stderr: &errOut}, opt: ingestOptions{noProgress: true}}
	if s := quiet.startStatus(2, time.Millisecond); s.quit != nil {
		t.Errorf("--no-progress started status lines")
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// export names the file it cannot create.
func TestExportErrorNamesPath(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	db := filepath.Join(t.TempDir(), "e.db")
	if code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, "../../examples/border-denial.txt"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	out := filepath.Join(t.TempDir(), "nonexist", "dir", "x.jsonl")
	code, _, errOut := run(t, "", "export", "--db", db, "--out", out)
	if code != 1 || !strings.Contains(errOut, out) {
		t.Errorf("export --out %s: exit %d, stderr %q; want 1 naming the path", out, code, errOut)
	}
}

// Table output shows text as written: no \u00a0, no \" (issue 16).
func TestTablesShowNoEscapes(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	dir := t.TempDir()
	article := filepath.Join(dir, "nbsp.txt")
	text := "Ministry denies report\n\n\"The report is\u00a0patently false,\" Foreign Office spokeswoman Amina Qureshi told reporters in Islamabad on Tuesday.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, article); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	for _, args := range [][]string{{"quotes", "--db", db}, {"entity", "--db", db, "Amina Qureshi"}} {
		code, out, errOut := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "“The report is patently false") {
			t.Errorf("%s: exit %d, stderr %q, output lacks the quote as written:\n%s", args[0], code, errOut, out)
		}
		if strings.Contains(out, `\u`) || strings.Contains(out, `\"`) {
			t.Errorf("%s shows escapes:\n%s", args[0], out)
		}
	}
}
