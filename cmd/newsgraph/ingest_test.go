package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const polnearDev = "../../../shared/data/polnear/dev/text"

// newsFiles copies the first n PolNeAR dev articles into a new directory.
func newsFiles(t testing.TB, n int) string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(paths) < n {
		t.Skipf("need %d PolNeAR dev texts under ../shared/data, found %d", n, len(paths))
	}
	dir := t.TempDir()
	for _, p := range paths[:n] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type statsJSON struct {
	Articles, Entities, Quotes, Events, Duplicates int
	Near                                           int `json:"near_duplicates"`
}

func mustStats(t *testing.T, db string) statsJSON {
	t.Helper()
	code, out, errOut := run(t, "", "stats", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats output is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{`"articles"`, `"entities"`, `"quotes"`, `"events"`} {
		if !strings.Contains(out, key) {
			t.Errorf("stats --format json lacks %s: %s", key, out)
		}
	}
	return st
}

// TestIngestTwiceIsIdempotent is the done-when: 60 news files
// ingested twice give 60 articles, and search and entity answer from them.
func TestIngestTwiceIsIdempotent(t *testing.T) {
	dir := newsFiles(t, 60)
	db := filepath.Join(t.TempDir(), "news.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, dir)
	if code != 0 {
		t.Fatalf("first ingest: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "60 new articles") {
		t.Errorf("first ingest summary: got %q, want 60 new articles", out)
	}
	first := mustStats(t, db)
	if first.Articles != 60 || first.Entities == 0 || first.Quotes == 0 {
		t.Fatalf("after first ingest: %+v, want 60 articles with entities and quotes", first)
	}
	code, out, errOut = run(t, "", "ingest", "--db", db, dir)
	if code != 0 {
		t.Fatalf("second ingest: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "0 new articles, 60 duplicates") {
		t.Errorf("second ingest summary: got %q, want 0 new and 60 duplicates", out)
	}
	second := mustStats(t, db)
	if second.Articles != 60 || second.Duplicates != 0 || second.Entities != first.Entities || second.Quotes != first.Quotes || second.Events != first.Events {
		t.Errorf("after second ingest: %+v, want the same as after the first: %+v", second, first)
	}

	code, out, _ = run(t, "", "search", "--db", db, "--format", "json", "clinton", "emails")
	var hits []struct {
		ID      int64
		Source  string
		Snippet string
	}
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 {
		t.Fatalf("search clinton emails: exit %d, %d hits\n%s", code, len(hits), out)
	}
	if !strings.Contains(strings.ToLower(hits[0].Snippet), "[email") && !strings.Contains(strings.ToLower(hits[0].Snippet), "[clinton]") {
		t.Errorf("first hit's snippet marks no match: %q", hits[0].Snippet)
	}

	code, out, errOut = run(t, "", "entity", "--db", db, "hillary", "clinton", "--format", "json", "--type", "PER") // flags may follow
	var profiles []struct {
		Name         string
		Aliases      []string
		ArticleCount int `json:"articles"`
		Articles     []struct {
			MergeReason string `json:"merge_reason"`
		} `json:"article_list"`
		CoOccurring []struct{ Name string } `json:"co_occurring"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &profiles) != nil || len(profiles) == 0 {
		t.Fatalf("entity hillary clinton: exit %d\n%s%s", code, out, errOut)
	}
	p := profiles[0]
	if p.ArticleCount < 10 || len(p.Articles) == 0 || p.Articles[0].MergeReason == "" || len(p.CoOccurring) == 0 {
		t.Errorf("Hillary Clinton: got %d articles, %d listed, co-occurring %d; want many, with merge reasons", p.ArticleCount, len(p.Articles), len(p.CoOccurring))
	}
	code, out, _ = run(t, "", "search", "--db", db, "--entity", "Hillary Clinton", "--format", "jsonl", "--limit", "100")
	if n := strings.Count(out, "\n"); code != 0 || n != p.ArticleCount {
		t.Errorf("search --entity 'Hillary Clinton': %d articles, want the entity's %d", n, p.ArticleCount)
	}
	code, out, _ = run(t, "", "quotes", "--db", db, "--format", "jsonl")
	if code != 0 || strings.Count(out, "\n") == 0 {
		t.Errorf("quotes: exit %d, no quotes", code)
	}
	code, out, _ = run(t, "", "export", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 60 {
		t.Errorf("export: exit %d, %d lines, want 60", code, strings.Count(out, "\n"))
	}
	code, out, _ = run(t, "", "export", "--db", db, "--format", "gkg")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 61 || strings.Count(lines[1], "\t") != 26 {
		t.Errorf("export gkg: exit %d, %d lines, want a header and 60 rows of 27 columns", code, len(lines))
	}
}

// TestIngestStoresWhatExtractPrints checks that the stored contract is the
// document extract prints for the same file.
func TestIngestStoresWhatExtractPrints(t *testing.T) {
	needSeed(t)
	db := filepath.Join(t.TempDir(), "news.db")
	if code, out, errOut := run(t, "", "ingest", "--db", db, seedArticle); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	_, want, _ := run(t, "", "extract", "--jsonl", seedArticle)
	_, got, _ := run(t, "", "export", "--db", db)
	if got != want {
		t.Errorf("exported contract differs from extract's:\n%s", firstDiff(got, want))
	}
}

func TestIngestErrorsAreListedNotFatal(t *testing.T) {
	dir := newsFiles(t, 3)
	writeFile(t, dir, "empty.txt", nil)
	writeFile(t, dir, "binary.txt", []byte("\x00\x01\x02PNG"))
	writeFile(t, dir, "photo.jpg", []byte("\xff\xd8\xff")) // not an article name: skipped
	db := filepath.Join(t.TempDir(), "news.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, dir, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit status: got %d, want 1", code)
	}
	for _, want := range []string{"empty.txt", "binary.txt", "missing.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not list %s:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "photo.jpg") {
		t.Errorf("stderr lists photo.jpg, which is no article:\n%s", errOut)
	}
	if !strings.Contains(out, "3 new articles") || !strings.Contains(out, "3 errors") {
		t.Errorf("summary: got %q, want 3 new articles and 3 errors", out)
	}
}

func TestStoreCommandsUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ingest"}, 2, "name at least one SOURCE"},
		{[]string{"ingest", "--near", "2", "x"}, 2, "--near"},
		{[]string{"search", "--db", db}, 2, "give a QUERY"},
		{[]string{"search", "--db", db, "--format", "xml", "x"}, 2, "unknown --format"},
		{[]string{"search", "--db", db, "--since", "yesterday", "x"}, 2, "not a date"},
		{[]string{"search", "--db", db, "--type", "PERSON", "x"}, 2, "not PER"},
		{[]string{"search", "--db", db, "x"}, 1, "no database at"},
		{[]string{"entity", "--db", db}, 2, "name an entity"},
		{[]string{"quotes", "--db", db, "x"}, 2, "takes no arguments"},
		{[]string{"stats", "--db", db}, 1, "no database at"},
		{[]string{"export", "--db", db, "--format", "csv"}, 2, "unknown --format"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, _, errOut := run(t, "", c.args...)
			if code != c.code || !strings.Contains(errOut, c.want) {
				t.Errorf("got exit %d, stderr %q; want exit %d and %q", code, errOut, c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a query command created %s", db)
	}
	for _, name := range []string{"ingest", "search", "entity", "quotes", "contradictions", "stats", "export"} {
		code, out, _ := run(t, "", name, "--help")
		if code != 0 || !strings.Contains(out, "usage: newsgraph "+name) || !strings.Contains(out, "Example") {
			t.Errorf("%s --help: exit %d, %q", name, code, out)
		}
	}
}

func TestIngestStandardInput(t *testing.T) {
	needSeed(t)
	data, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "news.db")
	for i, want := range []string{"1 new article,", "0 new articles, 1 duplicate,"} {
		code, out, errOut := run(t, string(data), "ingest", "--db", db, "-")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("ingest %d of stdin: exit %d, %q %s; want %q", i+1, code, out, errOut, want)
		}
	}
}
