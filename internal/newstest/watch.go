package newstest

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// WatchStore is a store with watchlists, as RunWatchSuite tests it.
type WatchStore interface {
	news.Store
	news.WatchStore
}

// OpenWatchFunc opens a new, empty store for one subtest; the suite
// closes it.
type OpenWatchFunc func(t *testing.T) WatchStore

// RunWatchSuite runs the behaviour every news.WatchStore must have.
func RunWatchSuite(t *testing.T, open OpenWatchFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s WatchStore)
	}{
		{"PutWatchlistReplacesByName", testPutWatchlist},
		{"AlertOncePerRuleAndArticle", testAlertOnce},
		{"DeleteWatchlistDropsAlerts", testDeleteWatchlist},
		{"MatchingQuestions", testMatchingQuestions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

// mustWatchlist stores a watchlist of rules with these names.
func mustWatchlist(t *testing.T, s WatchStore, name string, rules ...string) *news.Watchlist {
	t.Helper()
	w := &news.Watchlist{Name: name, Spec: []byte(`{"name":"` + name + `"}`)}
	for _, r := range rules {
		w.Rules = append(w.Rules, news.WatchRule{Name: r})
	}
	got, err := s.PutWatchlist(context.Background(), w)
	if err != nil {
		t.Fatalf("PutWatchlist: %v", err)
	}
	if len(got.Rules) != len(rules) || got.ID == 0 {
		t.Fatalf("PutWatchlist: got %+v, want an id and %d rules", got, len(rules))
	}
	return got
}

func ruleID(w *news.Watchlist, name string) int64 {
	for _, r := range w.Rules {
		if r.Name == name {
			return r.ID
		}
	}
	return 0
}

func testPutWatchlist(t *testing.T, s WatchStore) {
	ctx := context.Background()
	w1 := mustWatchlist(t, s, "pk", "a", "b")
	w2 := mustWatchlist(t, s, "pk", "b", "c")
	if w2.ID != w1.ID {
		t.Errorf("stored again under its name: id %d, want %d", w2.ID, w1.ID)
	}
	if ruleID(w2, "b") != ruleID(w1, "b") || ruleID(w2, "a") != 0 || ruleID(w2, "c") == 0 {
		t.Errorf("rules after replacing: %+v, before %+v; want b's id kept, a gone, c new", w2.Rules, w1.Rules)
	}
	mustWatchlist(t, s, "other", "x")
	all, err := s.Watchlists(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "pk" || string(all[0].Spec) != `{"name":"pk"}` {
		t.Errorf("Watchlists: %+v, %v; want pk (with its spec) and other", all, err)
	}
	if _, err := s.Watchlist(ctx, 999); !errors.Is(err, news.ErrNoSuchWatchlist) {
		t.Errorf("Watchlist(999): %v, want ErrNoSuchWatchlist", err)
	}
}

// alertOn is an alert of rule on the article.
func alertOn(w *news.Watchlist, rule string, article int64) news.Alert {
	return news.Alert{WatchlistID: w.ID, Watchlist: w.Name, RuleID: ruleID(w, rule), Rule: rule,
		Article: news.AlertArticle{ID: article}, Why: "because",
		Sentences: []news.AlertSpan{{Start: 0, End: 5, Text: "Floods"}}}
}

func testAlertOnce(t *testing.T, s WatchStore) {
	ctx := context.Background()
	w := mustWatchlist(t, s, "pk", "a", "b")
	doc := MustDoc(t, DocSpec{Source: "a.txt", Title: "Floods", Published: "2015-02-19", Text: "Floods hit Lahore.\n" + Filler(1, 40)})
	id := MustPut(t, s, doc).ArticleID
	got, err := s.PutAlerts(ctx, []news.Alert{alertOn(w, "a", id), alertOn(w, "b", id)})
	if err != nil || len(got) != 2 || got[0].ID == 0 || got[0].Created.IsZero() {
		t.Fatalf("PutAlerts: %+v, %v; want 2 stored with ids and times", got, err)
	}
	again, err := s.PutAlerts(ctx, []news.Alert{alertOn(w, "a", id)})
	if err != nil || len(again) != 0 {
		t.Errorf("the same rule and article again: stored %+v, %v; want none", again, err)
	}
	gone, err := s.PutAlerts(ctx, []news.Alert{{RuleID: 12345, Article: news.AlertArticle{ID: id}, Why: "x"}})
	if err != nil || len(gone) != 0 {
		t.Errorf("alert of a rule that does not exist: %+v, %v; want none stored, no error", gone, err)
	}
	list, err := s.Alerts(ctx, news.AlertQuery{WatchlistID: w.ID})
	if err != nil || len(list) != 2 {
		t.Fatalf("Alerts: %+v, %v; want 2", list, err)
	}
	a := list[1] // newest first
	if a.Rule != "a" || a.Watchlist != "pk" || a.Article.Source != "a.txt" || a.Article.Title != "Floods" ||
		a.Article.Published != "2015-02-19" || a.Why != "because" || len(a.Sentences) != 1 || a.Sentences[0].Text != "Floods" {
		t.Errorf("stored alert: %+v", a)
	}
	if l, _ := s.Alerts(ctx, news.AlertQuery{AfterID: list[0].ID}); len(l) != 0 {
		t.Errorf("alerts after the newest: %+v", l)
	}
	if l, _ := s.Alerts(ctx, news.AlertQuery{RuleID: ruleID(w, "b"), ArticleID: id}); len(l) != 1 || l[0].Rule != "b" {
		t.Errorf("alerts of rule b: %+v", l)
	}
	// A rule dropped from its watchlist takes its alerts along.
	mustWatchlist(t, s, "pk", "b")
	if l, _ := s.Alerts(ctx, news.AlertQuery{}); len(l) != 1 || l[0].Rule != "b" {
		t.Errorf("after dropping rule a: %+v, want b's alert only", l)
	}
}

func testDeleteWatchlist(t *testing.T, s WatchStore) {
	ctx := context.Background()
	w := mustWatchlist(t, s, "pk", "a")
	id := MustPut(t, s, MustDoc(t, DocSpec{Source: "a.txt", Text: "Floods hit Lahore.\n" + Filler(2, 40)})).ArticleID
	if _, err := s.PutAlerts(ctx, []news.Alert{alertOn(w, "a", id)}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteWatchlist(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Alerts(ctx, news.AlertQuery{}); len(l) != 0 {
		t.Errorf("alerts of a deleted watchlist: %+v", l)
	}
	if err := s.DeleteWatchlist(ctx, w.ID); !errors.Is(err, news.ErrNoSuchWatchlist) {
		t.Errorf("deleting it again: %v, want ErrNoSuchWatchlist", err)
	}
}

func testMatchingQuestions(t *testing.T, s WatchStore) {
	ctx := context.Background()
	pk := &news.Place{Country: "PK", Lat: 31.5, Lon: 74.3, Feature: "city"}
	first := MustPut(t, s, MustDoc(t, DocSpec{Source: "a.txt", Text: "Daesh fighters were seen.\n" + Filler(3, 40),
		Entities: []Ent{{ID: "E1", Type: "ORG", Name: "Islamic State", Aliases: []string{"Daesh"}}}})).ArticleID
	second := MustPut(t, s, MustDoc(t, DocSpec{Source: "b.txt", Text: "Islamic State in Lahore.\n" + Filler(4, 40),
		Entities: []Ent{{ID: "E1", Type: "ORG", Name: "Islamic State"}, {ID: "E2", Type: "LOC", Name: "Lahore", Place: pk}}})).ArticleID
	local, err := s.ArticleEntities(ctx, second)
	if err != nil || local["E1"] == 0 {
		t.Fatalf("ArticleEntities: %v, %v", local, err)
	}
	is := local["E1"]
	names, err := s.EntityNames(ctx, []int64{is, 99999})
	if err != nil || len(names) != 1 || len(names[is]) != 2 {
		t.Errorf("EntityNames: %v, %v; want Islamic State's two names (Daesh learnt from the first article)", names, err)
	}
	for _, tc := range []struct {
		article int64
		country string
		want    bool
	}{{first, "", false}, {second, "", true}, {second, "PK", false}, {second + 1, "PK", true}} {
		if got, err := s.MentionedBefore(ctx, is, tc.country, tc.article); err != nil || got != tc.want {
			t.Errorf("MentionedBefore(IS, %q, article %d) = %v, %v; want %v", tc.country, tc.article, got, err, tc.want)
		}
	}
	if cs, err := s.ArticleContradictions(ctx, second); err != nil || len(cs) != 0 {
		t.Errorf("ArticleContradictions: %v, %v; want none", cs, err)
	}
	if _, err := s.ArticleContradictions(ctx, 99999); !errors.Is(err, news.ErrNoSuchArticle) {
		t.Errorf("ArticleContradictions(99999): %v, want ErrNoSuchArticle", err)
	}
}
