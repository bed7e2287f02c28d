package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigNewsFile writes about n bytes of real news as one article and
// returns its path.
func bigNewsFile(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(longNews(t, n)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExtractDocTimeout runs a 1 MB article with a budget of a
// millisecond: it fails with an error record on its line and exit status 1
// instead of running for seconds, and the next input is still processed.
func TestExtractDocTimeout(t *testing.T) {
	big := bigNewsFile(t, 1<<20)
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	code, out, errOut := run(t, "", "extract", "--jsonl", "--workers", "1", "--doc-timeout", "1ms", big, big)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d output lines, want an error record for each input:\n%.500s", len(lines), out)
	}
	for _, l := range lines {
		if !strings.Contains(l, `"schema":"newsgraph/error/v1"`) || !strings.Contains(l, "time budget") || !strings.Contains(l, big) {
			t.Errorf("output line %.300q, want an error record naming the file and the time budget", l)
		}
	}
	if !strings.Contains(errOut, "time budget (1ms)") || !strings.Contains(errOut, "--doc-timeout") {
		t.Errorf("stderr %q does not say the time budget ran out and how to change it", errOut)
	}
}

// TestIngestDocTimeout checks that ingest counts an article over its time
// budget as a failed source and goes on with the next one.
func TestIngestDocTimeout(t *testing.T) {
	big := bigNewsFile(t, 1<<20)
	small := filepath.Join(filepath.Dir(big), "small.txt")
	if err := os.WriteFile(small, []byte(longNews(t, 20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	db := filepath.Join(t.TempDir(), "news.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, "--workers", "1", "--doc-timeout", "1ms", big, small)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	for _, f := range []string{big, small} {
		if !strings.Contains(errOut, f+": stage ") || !strings.Contains(errOut, "time budget") {
			t.Errorf("stderr %q does not list %s as over its time budget", errOut, f)
		}
	}
	if !strings.Contains(out, "0 new articles") || !strings.Contains(out, "2 errors") {
		t.Errorf("summary %q, want 0 new articles and 2 errors", out)
	}
	if st := mustStats(t, db); st.Articles != 0 {
		t.Errorf("%d articles stored, want none", st.Articles)
	}
}

func TestDocTimeoutFlag(t *testing.T) {
	for _, cmd := range []string{"extract", "ingest", "serve"} {
		for _, bad := range []string{"-1s", "soon"} {
			code, _, errOut := run(t, "", cmd, "--doc-timeout", bad, "x.txt")
			if code != 2 || !strings.Contains(errOut, "doc-timeout") {
				t.Errorf("%s --doc-timeout %s: exit %d, stderr %q; want a usage error", cmd, bad, code, errOut)
			}
		}
		code, out, _ := run(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "-doc-timeout") || !strings.Contains(out, "1m0s") {
			t.Errorf("%s --help does not list --doc-timeout with its default of 1m0s", cmd)
		}
	}
}
