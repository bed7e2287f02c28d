package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchSyntaxCLI: 'newsgraph search' takes NOT/-term and field
// filters, ends its table with the total, and refuses a query it cannot
// parse with one line that says what to write.
func TestSearchSyntaxCLI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("Floods displaced thousands of families in Sindh province, officials said on Monday.\n"))
	writeFile(t, dir, "b.txt", []byte("The finance minister presented the budget to parliament in Islamabad on Tuesday, officials said.\n"))
	db := filepath.Join(dir, "news.db")
	if code, out, errOut := run(t, "", "ingest", "--db", db, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := run(t, "", "search", "--db", db, "officials")
	if code != 0 || !strings.HasSuffix(out, "2 articles in all, 2 shown\n") {
		t.Errorf("search officials: exit %d, %q %q; want the total last", code, out, errOut)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--limit", "1", "officials -floods")
	if code != 0 || strings.Contains(out, "a.txt") || !strings.Contains(out, "b.txt") || !strings.HasSuffix(out, "1 article in all, 1 shown\n") {
		t.Errorf("search officials -floods: exit %d, %q; want b.txt only", code, out)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--limit", "1", "officials")
	if code != 0 || !strings.HasSuffix(out, "2 articles in all, 1 shown\n") {
		t.Errorf("search --limit 1 officials: exit %d, %q; want 2 in all, 1 shown", code, out)
	}
	code, out, errOut = run(t, "", "search", "--db", db, "officials", "from:monday")
	if code == 0 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "from:monday is not a date") || !strings.Contains(errOut, "2015-01-01") {
		t.Errorf("search from:monday: exit %d, %q %q; want one line with a hint", code, out, errOut)
	}
	code, out, _ = run(t, "", "search", "--db", db, "--", "-floods")
	if code != 0 || !strings.Contains(out, "b.txt") || strings.Contains(out, "a.txt") {
		t.Errorf("search -- -floods: exit %d, %q; want b.txt only", code, out)
	}
	// Unquoted, -word is a query word wherever it stands, among flags too.
	for _, args := range [][]string{
		{"officials", "-floods"},
		{"-floods", "--limit", "5", "officials"},
		{"officials", "--limit=5", "-Floods", "--all"},
	} {
		code, out, errOut = run(t, "", append([]string{"search", "--db", db}, args...)...)
		if code != 0 || !strings.Contains(out, "b.txt") || strings.Contains(out, "a.txt") {
			t.Errorf("search %v: exit %d, %q %q; want b.txt only", args, code, out, errOut)
		}
	}
	// A mistyped flag with two dashes is still an error.
	code, _, errOut = run(t, "", "search", "--db", db, "--limt", "5", "officials")
	if code != 2 || !strings.Contains(errOut, "flag provided but not defined: -limt") {
		t.Errorf("search --limt 5: exit %d, %q; want a usage error", code, errOut)
	}
	_, out, errOut = run(t, "", "search", "--help")
	for _, want := range []string{"NOT word or -word", "entity:NAME", "place:NAME", "from:YYYY-MM-DD"} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("search --help lacks %q", want)
		}
	}
}
