package api_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestMissingMetadataIsNull checks that an article stored without a title,
// URL or publication date has them null in every API view that carries
// them (issue 16), as in the article contract, never "".
func TestMissingMetadataIsNull(t *testing.T) {
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	doc := newstest.MustDoc(t, newstest.DocSpec{
		Source: "bare.txt",
		Text:   "Chaudhry Nisar denied the presence of Islamic State.\nNisar said IS had no network.\n" + newstest.Filler(3, 60),
		Entities: []newstest.Ent{
			{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar", Aliases: []string{"Nisar"}},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State", Aliases: []string{"IS"}},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS had no network", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "deny", Subject: "E2", Predicate: "presence", Quote: "Q1"}},
	})
	at := strings.Index(doc.Text, "denied")
	doc.Events = []news.Event{{ID: "V1", Type: "DENY", Actor: "E1", Target: "E2",
		Trigger: news.Mention{Span: news.Span{Start: at, End: at + 6}, Text: "denied"}}}
	newstest.MustPut(t, db, doc)
	s, err := api.New(api.Config{Store: db, Extract: &fakePipeline{}, Ingest: &fakePipeline{}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		target string
		want   []string
	}{
		{"/api/articles", []string{`"title":null`, `"url":null`, `"published":null`, `"source":"bare.txt"`}},
		{"/api/articles?q=network", []string{`"title":null`, `"url":null`, `"published":null`}},
		{"/api/quotes?speaker=Nisar", []string{`"title":null`, `"url":null`, `"published":null`}},
		{"/api/events?type=deny", []string{`"title":null`, `"published":null`}},
		{"/api/entities/1", []string{`"title":null`, `"url":null`, `"published":null`}},
	}
	for _, c := range cases {
		code, body, _ := do(s, "GET", c.target, "")
		if code != 200 {
			t.Fatalf("%s: status %d: %s", c.target, code, body)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: body lacks %s: %s", c.target, w, body)
			}
		}
		if strings.Contains(body, `"title":""`) || strings.Contains(body, `"url":""`) || strings.Contains(body, `"published":""`) {
			t.Errorf("%s: an empty string for a missing field: %s", c.target, body)
		}
	}
}
