package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/internal/api"
)

// keysOf returns the keys of a JSON object, sorted.
func keysOf(t *testing.T, obj json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(obj, &m); err != nil {
		t.Fatalf("not an object: %s", obj)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// apiKeys returns the keys the API writes for v, with the ids it leaves
// out when zero set.
func apiKeys(t *testing.T, v any) []string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return keysOf(t, data)
}

// The CLI's JSON of quotes, contradictions and an entity's claims has the
// API's keys: a claim's or quote's article is article_id, as in the API,
// not article.
func TestCLIJSONHasAPIViews(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	db := filepath.Join(t.TempDir(), "n.db")
	if code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, "--published", "2025-03-04", "../../examples/border-denial.txt"); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	quoteKeys := apiKeys(t, api.Quote{SpeakerID: 1})
	claimKeys := apiKeys(t, api.Claim{SpeakerID: 1, SubjectID: 1, ObjectID: 1})

	_, out, _ := run(t, "", "quotes", "--db", db, "--format", "json")
	var quotes []json.RawMessage
	if err := json.Unmarshal([]byte(out), &quotes); err != nil || len(quotes) == 0 {
		t.Fatalf("quotes --format json: %v\n%s", err, out)
	}
	if got := keysOf(t, quotes[0]); !reflect.DeepEqual(got, quoteKeys) {
		t.Errorf("quote keys %v, want the API's %v", got, quoteKeys)
	}

	_, out, _ = run(t, "", "contradictions", "--db", db, "--format", "json")
	var ks []struct{ A, B json.RawMessage }
	if err := json.Unmarshal([]byte(out), &ks); err != nil || len(ks) == 0 {
		t.Fatalf("contradictions --format json: %v\n%s", err, out)
	}
	for _, c := range []json.RawMessage{ks[0].A, ks[0].B} {
		if got := keysOf(t, c); !subset(got, claimKeys) || !contains(got, "article_id") || contains(got, "article") {
			t.Errorf("claim keys %v, want the API's %v", got, claimKeys)
		}
	}
}

// The CLI's JSON of an entity, of the top entities and of search hits
// has the API's keys (the entity's article count is articles, its list
// article_list; a hit carries its copies).
func TestCLIEntityAndSearchJSONHaveAPIViews(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	db := filepath.Join(t.TempDir(), "n.db")
	if code, _, errOut := run(t, "", "ingest", "--no-progress", "--db", db, "--published", "2025-03-04", "../../examples/border-denial.txt"); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"entity", "--db", db, "--format", "json", "Amina Qureshi"}, apiKeys(t, api.EntityProfile{})},
		{[]string{"entity", "--db", db, "--format", "json", "--top", "3"}, apiKeys(t, api.Entity{})},
		{[]string{"search", "--db", db, "--format", "json", "border"}, apiKeys(t, api.Hit{})},
	} {
		code, out, errOut := run(t, "", c.args...)
		var items []json.RawMessage
		if err := json.Unmarshal([]byte(out), &items); code != 0 || err != nil || len(items) == 0 {
			t.Fatalf("%v: exit %d, %v\n%s%s", c.args, code, err, out, errOut)
		}
		if got := keysOf(t, items[0]); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v: keys %v, want the API's %v", c.args, got, c.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// subset reports whether every key of a is in b.
func subset(a, b []string) bool {
	for _, k := range a {
		if !contains(b, k) {
			return false
		}
	}
	return true
}
