package newstest

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// RunBrowseSuite runs the behaviour of the browsing queries (Events,
// QuotesAbout, Graph, ArticleEntities, Places) that the HTTP API and web
// UI use. RunStoreSuite runs it too.
func RunBrowseSuite(t *testing.T, open OpenFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s news.Store)
	}{
		{"Events", testEvents},
		{"QuotesAbout", testQuotesAbout},
		{"Graph", testGraph},
		{"ArticleEntitiesAndPlaces", testArticleEntities},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

// browseDocs stores two articles: Nisar denies that IS is in Pakistan
// (an event, a claim from a quote, a geocoded place), and an article
// whose quote says "this is" without naming IS.
func browseDocs(t *testing.T, s news.Store) (nisar, other int64) {
	t.Helper()
	doc := nisarDoc(t, 3)
	at := strings.Index(doc.Text, "denied")
	doc.Events = []news.Event{{ID: "V1", Type: "DENY", Actor: "E1", Target: "E2", Place: "E3",
		Trigger: news.Mention{Span: news.Span{Start: at, End: at + len("denied")}, Text: "denied"}}}
	doc.Entities[2].Place = &news.Place{Country: "PK", Lat: 30, Lon: 70, Feature: "country"}
	nisar = MustPut(t, s, doc).ArticleID
	doc2 := MustDoc(t, DocSpec{
		Source: "mayor.txt", Title: "Mayor opens bridge", Published: "2015-03-01",
		Text: "Mayor Jane Roe opened the bridge in Pakistan.\nRoe said this is a good day for the city.\n" + Filler(4, 60),
		Entities: []Ent{
			{ID: "E1", Type: news.TypePER, Name: "Jane Roe", Aliases: []string{"Roe"}, Titles: []string{"Mayor"}},
			{ID: "E2", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "this is a good day for the city", Speaker: "E1", Cue: "said", Sourcing: "named"}},
	})
	doc2.Entities[1].Place = &news.Place{Country: "PK", Lat: 30, Lon: 70, Feature: "country"}
	other = MustPut(t, s, doc2).ArticleID
	return nisar, other
}

// mustEntity returns the one store entity named name.
func mustEntity(t *testing.T, s news.Store, name string) news.StoredEntity {
	t.Helper()
	ents, err := s.Entities(ctx, name, "")
	if err != nil || len(ents) != 1 {
		t.Fatalf("Entities(%q): got %v, %v; want one", name, ents, err)
	}
	return ents[0]
}

func testEvents(t *testing.T, s news.Store) {
	browseDocs(t, s)
	tests := []struct {
		name string
		q    news.EventQuery
		want int
	}{
		{"all", news.EventQuery{}, 1},
		{"by type, any case", news.EventQuery{Type: "deny"}, 1},
		{"other type", news.EventQuery{Type: "ATTACK"}, 0},
		{"by actor alias", news.EventQuery{Actor: "nisar"}, 1},
		{"by target", news.EventQuery{Target: "IS"}, 1},
		{"by place", news.EventQuery{Place: "Pakistan"}, 1},
		{"by entity", news.EventQuery{Entity: "Islamic State"}, 1},
		{"wrong actor", news.EventQuery{Actor: "Jane Roe"}, 0},
		{"in the date range", news.EventQuery{Since: "2015-02-01", Until: "2015-02-16"}, 1},
		{"after the date", news.EventQuery{Since: "2015-02-17"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Events(ctx, tc.q)
			if err != nil || len(got) != tc.want {
				t.Fatalf("Events(%+v): got %+v, %v; want %d events", tc.q, got, err, tc.want)
			}
			if tc.want == 1 {
				v := got[0]
				if v.Type != "DENY" || v.ActorName != "Chaudhry Nisar" || v.TargetName != "Islamic State" ||
					v.PlaceName != "Pakistan" || v.Trigger != "denied" || v.Published != "2015-02-16" || v.LocalID != "V1" {
					t.Errorf("event: got %+v", v)
				}
			}
		})
	}
}

func testQuotesAbout(t *testing.T, s news.Store) {
	browseDocs(t, s)
	is := mustEntity(t, s, "Islamic State")
	got, err := s.QuotesAbout(ctx, news.QuoteAboutQuery{EntityID: is.ID})
	if err != nil || len(got) != 1 || got[0].SpeakerName != "Chaudhry Nisar" {
		t.Fatalf("QuotesAbout(Islamic State): got %+v, %v; want Nisar's quote only (not 'this is')", got, err)
	}
	city := mustEntity(t, s, "Jane Roe")
	if got, err := s.QuotesAbout(ctx, news.QuoteAboutQuery{EntityID: city.ID}); err != nil || len(got) != 0 {
		t.Errorf("QuotesAbout(Jane Roe): got %+v, %v; want none", got, err)
	}
}

func testGraph(t *testing.T, s news.Store) {
	browseDocs(t, s)
	nisar := mustEntity(t, s, "Chaudhry Nisar")
	is := mustEntity(t, s, "Islamic State")
	g, err := s.Graph(ctx, news.GraphQuery{EntityID: nisar.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 3 || g.Nodes[0].ID != nisar.ID || g.Nodes[0].Hop != 0 {
		t.Fatalf("one hop from Nisar: got nodes %+v, want Nisar first and 2 neighbours", g.Nodes)
	}
	has := func(g *news.Graph, from, to int64, typ string) bool {
		for _, e := range g.Edges {
			if e.From == from && e.To == to && e.Type == typ {
				return true
			}
		}
		return false
	}
	if !has(g, nisar.ID, is.ID, news.EdgeEvent) || !has(g, nisar.ID, is.ID, news.EdgeQuoteAbout) {
		t.Errorf("edges: got %+v, want Nisar->IS event and quote-about", g.Edges)
	}
	lo, hi := min(nisar.ID, is.ID), max(nisar.ID, is.ID)
	if !has(g, lo, hi, news.EdgeCoOccurrence) {
		t.Errorf("edges: got %+v, want a co-occurrence of Nisar and IS", g.Edges)
	}
	// Two hops reach Jane Roe through Pakistan.
	g2, err := s.Graph(ctx, news.GraphQuery{EntityID: nisar.ID, Hops: 2})
	if err != nil || len(g2.Nodes) != 4 || g2.Nodes[3].Name != "Jane Roe" || g2.Nodes[3].Hop != 2 {
		t.Errorf("two hops: got %+v, %v; want Jane Roe at hop 2", g2, err)
	}
	// Only event edges: Nisar and IS.
	g3, err := s.Graph(ctx, news.GraphQuery{EntityID: nisar.ID, Types: []string{news.EdgeEvent}, Hops: 3})
	if err != nil || len(g3.Nodes) != 2 || len(g3.Edges) != 1 || g3.Edges[0].Label != "DENY" {
		t.Errorf("event edges only: got %+v, %v; want Nisar -DENY-> IS", g3, err)
	}
	testGraphFilters(t, s, nisar.ID)
	if _, err := s.Graph(ctx, news.GraphQuery{EntityID: 98765}); !errors.Is(err, news.ErrNoSuchEntity) {
		t.Errorf("Graph(98765): got %v, want ErrNoSuchEntity", err)
	}
}

// testGraphFilters: neighbours of chosen entity types only, and edges
// from the articles of a publication window only (Nisar's article is of
// 2015-02-16, Jane Roe's of 2015-03-01; both name Pakistan).
func testGraphFilters(t *testing.T, s news.Store, nisar int64) {
	pakistan := mustEntity(t, s, "Pakistan").ID
	cases := []struct {
		q    news.GraphQuery
		want string // the entity, then its neighbours in name order
	}{
		{news.GraphQuery{EntityID: nisar, NodeTypes: []string{news.TypeORG}}, "Chaudhry Nisar, Islamic State"},
		{news.GraphQuery{EntityID: nisar, NodeTypes: []string{news.TypeLOC, news.TypePER}, Hops: 2}, "Chaudhry Nisar, Jane Roe, Pakistan"},
		{news.GraphQuery{EntityID: nisar, From: "2015-03-01"}, "Chaudhry Nisar"},
		{news.GraphQuery{EntityID: pakistan, From: "2015-03-01"}, "Pakistan, Jane Roe"},
		{news.GraphQuery{EntityID: pakistan, To: "2015-02-28", NodeTypes: []string{news.TypePER}}, "Pakistan, Chaudhry Nisar"},
		{news.GraphQuery{EntityID: pakistan, From: "2015-02-01", To: "2015-02-28"}, "Pakistan, Chaudhry Nisar, Islamic State"},
	}
	for _, c := range cases {
		g, err := s.Graph(ctx, c.q)
		if err != nil {
			t.Fatalf("Graph(%+v): %v", c.q, err)
		}
		var names []string
		for _, n := range g.Nodes {
			names = append(names, n.Name)
		}
		sort.Strings(names[1:])
		if got := strings.Join(names, ", "); got != c.want {
			t.Errorf("Graph(%+v) nodes = %q; want %q", c.q, got, c.want)
		}
	}
}

func testArticleEntities(t *testing.T, s news.Store) {
	id, _ := browseDocs(t, s)
	m, err := s.ArticleEntities(ctx, id)
	if err != nil || len(m) != 3 || m["E2"] != mustEntity(t, s, "IS").ID {
		t.Errorf("ArticleEntities(%d): got %v, %v; want E1-E3 with E2 = Islamic State", id, m, err)
	}
	if _, err := s.ArticleEntities(ctx, 12345); !errors.Is(err, news.ErrNoSuchArticle) {
		t.Errorf("ArticleEntities(12345): got %v, want ErrNoSuchArticle", err)
	}
	places, err := s.Places(ctx, 0)
	if err != nil || len(places) != 1 {
		t.Fatalf("Places: got %+v, %v; want Pakistan", places, err)
	}
	if p := places[0]; p.Name != "Pakistan" || p.Country != "PK" || p.Lat != 30 || p.Lon != 70 || p.Articles != 2 {
		t.Errorf("Places: got %+v, want Pakistan at 30,70 in 2 articles", p)
	}
}
