package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestJSONMissingMetadataIsNull checks that the JSON of search, quotes,
// entity and contradictions writes null, never "", for the title, URL and
// publication date of an article stored without them (issue 16).
func TestJSONMissingMetadataIsNull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	ents := []newstest.Ent{
		{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar", Aliases: []string{"Nisar"}},
		{ID: "E2", Type: news.TypeORG, Name: "Islamic State", Aliases: []string{"IS"}},
		{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
	}
	deny := newstest.MustDoc(t, newstest.DocSpec{Source: "deny.txt", Entities: ents,
		Text:   "Chaudhry Nisar said IS had no presence in Pakistan.\n" + newstest.Filler(1, 60),
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS had no presence in Pakistan", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "deny", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
	office := []newstest.Ent{{ID: "E1", Type: news.TypeORG, Name: "Foreign Office"}, ents[1], ents[2]}
	affirm := newstest.MustDoc(t, newstest.DocSpec{Source: "affirm.txt", Entities: office,
		Text:   "The Foreign Office said IS has a presence in Pakistan.\n" + newstest.Filler(2, 60),
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS has a presence in Pakistan", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "affirm", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
	newstest.MustPut(t, db, deny)
	newstest.MustPut(t, db, affirm)
	db.Close()
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"search", "--db", path, "--format", "json", "presence"}, []string{`"title":null`, `"url":null`, `"published":null`, `"source":"deny.txt"`}},
		{[]string{"quotes", "--db", path, "--format", "json"}, []string{`"title":null`, `"url":null`, `"published":null`}},
		{[]string{"entity", "--db", path, "--format", "json", "Chaudhry Nisar"}, []string{`"title":null`, `"url":null`, `"published":null`}},
		{[]string{"contradictions", "--db", path, "--format", "json"}, []string{`"published":null`}},
	}
	for _, c := range cases {
		code, out, errOut := run(t, "", c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		compact := strings.Join(strings.Fields(out), "")
		for _, w := range c.want {
			if !strings.Contains(compact, w) {
				t.Errorf("%v: output lacks %s: %s", c.args, w, out)
			}
		}
		for _, bad := range []string{`"title":""`, `"url":""`, `"published":""`} {
			if strings.Contains(compact, bad) {
				t.Errorf("%v: output has %s: %s", c.args, bad, out)
			}
		}
	}
}
