package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// twoSharifs stores two articles whose Nawaz Sharifs the store keeps
// apart, and returns the database and the two entity ids.
func twoSharifs(t *testing.T) (db string, a, b int64) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "news.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, name := range []string{"Nawaz Sharif", "Mian Muhammad Nawaz Sharif"} {
		newstest.MustPut(t, s, newstest.MustDoc(t, newstest.DocSpec{Source: fmt.Sprintf("%d.txt", i),
			Text: name + " spoke.\n" + newstest.Filler(i+1, 60), Entities: []newstest.Ent{{ID: "E1", Type: "PER", Name: name}}}))
	}
	ea, _ := s.Entities(ctx, "Nawaz Sharif", "PER")
	eb, _ := s.Entities(ctx, "Mian Muhammad Nawaz Sharif", "PER")
	if len(ea) != 1 || len(eb) != 1 || ea[0].ID == eb[0].ID {
		t.Fatalf("the test needs two entities: %+v %+v", ea, eb)
	}
	return db, ea[0].ID, eb[0].ID
}

func TestEntityMergeAndSplitCommands(t *testing.T) {
	db, a, b := twoSharifs(t)
	code, out, errOut := run(t, "", "entity", "merge", "--db", db, "--note", "one prime minister", fmt.Sprint(a), fmt.Sprint(b))
	if code != 0 || !strings.Contains(out, "Merged by an analyst on") || !strings.Contains(out, "one prime minister") {
		t.Fatalf("entity merge: exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "entity", "--db", db, "Mian Muhammad Nawaz Sharif")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("entity %d): 2 articles", a)) || !strings.Contains(out, "Merged by an analyst on") {
		t.Errorf("entity after the merge: exit %d, out:\n%s", code, out)
	}
	code, out, errOut = run(t, "", "entity", "split", "--db", db, fmt.Sprint(a), "Mian", "Muhammad", "Nawaz", "Sharif")
	if code != 0 || !strings.Contains(out, "Split by an analyst on") {
		t.Fatalf("entity split: exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = run(t, "", "entity", "--db", db, "--top", "5")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "Mian Muhammad Nawaz Sharif") {
		t.Errorf("entity --top 5: exit %d, out:\n%s", code, out)
	}
}

func TestEntityDecisionErrors(t *testing.T) {
	db, a, _ := twoSharifs(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"merge", "--db", db, fmt.Sprint(a)}, 2, "usage: newsgraph entity merge"},
		{[]string{"merge", "--db", db, "x", "2"}, 2, "is not an entity id"},
		{[]string{"merge", "--db", db, fmt.Sprint(a), fmt.Sprint(a)}, 1, "nothing to merge or split"},
		{[]string{"merge", "--db", db, fmt.Sprint(a), "999"}, 1, "no such entity"},
		{[]string{"split", "--db", db, fmt.Sprint(a), "Nobody"}, 1, "has no name"},
		{[]string{"split", "--db", db, fmt.Sprint(a), "Nawaz Sharif"}, 1, "only name"},
		{[]string{"--db", db, "--top", "-1"}, 2, "--top must be"},
		{[]string{"--db", db, "--top", "3", "Sharif"}, 2, "name an entity, or give --top"},
	} {
		code, _, errOut := run(t, "", append([]string{"entity"}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 || strings.Contains(errOut, "panic") {
			t.Errorf("entity %v: exit %d, stderr %q; want exit %d and one line with %q", c.args, code, errOut, c.code, c.want)
		}
	}
	code, out, _ := run(t, "", "entity", "merge", "--help")
	if code != 0 || !strings.Contains(out, "newsgraph entity split") {
		t.Errorf("entity merge --help: exit %d, out %q", code, out)
	}
}
