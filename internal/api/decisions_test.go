package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestMergeAndSplitEndpoints: an analyst merges and splits entities with
// the token; the decisions show in the entity's profile; without the
// token, or with bad input, nothing changes.
func TestMergeAndSplitEndpoints(t *testing.T) {
	store := MustStore(t)
	ctx := context.Background()
	newstest.MustPut(t, store, newstest.MustDoc(t, newstest.DocSpec{Source: "n2.txt", Text: "Chaudhry Nisar Ali Khan spoke.\n" + newstest.Filler(77, 60),
		Entities: []newstest.Ent{{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar Ali Khan"}}}))
	nisar := entityID(t, store, "Chaudhry Nisar")
	khan := entityID(t, store, "Chaudhry Nisar Ali Khan")
	if nisar == khan {
		t.Fatalf("the test needs two entities")
	}
	s, err := api.New(api.Config{Store: store, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	auth := []string{"Authorization", "Bearer " + token, "Content-Type", "application/json"}
	merge := fmt.Sprintf("/api/entities/%d/merge", nisar)
	body := fmt.Sprintf(`{"from": %d, "note": "one minister"}`, khan)

	for _, c := range []struct {
		target, body string
		header       []string
		status       int
		want         string
	}{
		{merge, body, nil, 401, `"code":"unauthorized"`},
		{merge, body, []string{"Authorization", "Bearer wrong"}, 401, `"code":"unauthorized"`},
		{merge, `{"from": 0}`, auth, 400, "from must be"},
		{merge, `{"from": "x"}`, auth, 400, "not the JSON expected"},
		{merge, fmt.Sprintf(`{"from": %d}`, nisar), auth, 400, "nothing to merge"},
		{merge, `{"from": 99999}`, auth, 404, "no such entity"},
		{"/api/entities/x/merge", body, auth, 400, ""},
		{fmt.Sprintf("/api/entities/%d/split", nisar), `{"name": ""}`, auth, 400, "name must be"},
		{fmt.Sprintf("/api/entities/%d/split", nisar), `{"name": "Nobody"}`, auth, 404, "has no name"},
	} {
		status, got, _ := do(s, "POST", c.target, c.body, c.header...)
		if status != c.status || !strings.Contains(got, c.want) {
			t.Errorf("POST %s %s: got %d %s, want %d with %q", c.target, c.body, status, got, c.status, c.want)
		}
	}
	if entityID(t, store, "Chaudhry Nisar Ali Khan") != khan {
		t.Fatalf("a refused request changed the store")
	}

	status, got, _ := do(s, "POST", merge, body, auth...)
	var d api.Decision
	if status != 200 || json.Unmarshal([]byte(got), &d) != nil || d.Kind != "merge" || d.OtherID != khan || !strings.Contains(d.Explain, "Merged by an analyst") {
		t.Fatalf("merge: got %d %s", status, got)
	}
	if id := entityID(t, store, "Chaudhry Nisar Ali Khan"); id != nisar {
		t.Errorf("after the merge Chaudhry Nisar Ali Khan is entity %d, want %d", id, nisar)
	}
	status, got, _ = do(s, "GET", fmt.Sprintf("/api/entities/%d", nisar), "")
	if status != 200 || !strings.Contains(got, `"decisions":[{`) || !strings.Contains(got, "one minister") {
		t.Errorf("profile after the merge: %d %s", status, got)
	}

	status, got, _ = do(s, "POST", fmt.Sprintf("/api/entities/%d/split", nisar), `{"name": "Chaudhry Nisar Ali Khan"}`, auth...)
	if status != 201 || json.Unmarshal([]byte(got), &d) != nil || d.Kind != "split" || d.OtherID == 0 {
		t.Fatalf("split: got %d %s", status, got)
	}
	if id := entityID(t, store, "Chaudhry Nisar Ali Khan"); id != d.OtherID {
		t.Errorf("after the split Chaudhry Nisar Ali Khan is entity %d, want the new %d", id, d.OtherID)
	}
	status, got, _ = do(s, "GET", fmt.Sprintf("/api/entities/%d", khan), "")
	if status != 404 || !strings.Contains(got, fmt.Sprintf("was merged into entity %d", nisar)) {
		t.Errorf("the merged-away entity: got %d %s, want 404 saying where it went", status, got)
	}
	_ = ctx
}

func entityID(t *testing.T, s *sqlite.DB, name string) int64 {
	t.Helper()
	es, err := s.Entities(context.Background(), name, news.TypePER)
	if err != nil || len(es) != 1 {
		t.Fatalf("Entities(%q): %+v, %v", name, es, err)
	}
	return es[0].ID
}
