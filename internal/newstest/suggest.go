package newstest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// testSuggestEntities: part of a name finds an entity ("Nisar", "nis"),
// a misspelling finds it as a suggestion ("Nisaar"), and browsing
// without a name lists the entities in most articles.
func testSuggestEntities(t *testing.T, s news.Store) {
	MustPut(t, s, MustDoc(t, DocSpec{Source: "a.txt", Text: "Chaudhry Nisar Ali Khan spoke in Quetta.\n" + Filler(1, 60),
		Entities: []Ent{{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar Ali Khan"}, {ID: "E2", Type: news.TypeLOC, Name: "Quetta"}}}))
	MustPut(t, s, MustDoc(t, DocSpec{Source: "b.txt", Text: "Officials in Quetta said nothing.\n" + Filler(2, 60),
		Entities: []Ent{{ID: "E1", Type: news.TypeLOC, Name: "Quetta"}}}))
	cases := []struct {
		name, typ string
		want      string
		fuzzy     bool
	}{
		{"Nisar", "", "Chaudhry Nisar Ali Khan", false},
		{"nis", "PER", "Chaudhry Nisar Ali Khan", false},
		{"nisar khan", "", "Chaudhry Nisar Ali Khan", false},
		{"Nisaar", "", "Chaudhry Nisar Ali Khan", true},
		{"quet", "LOC", "Quetta", false},
	}
	for _, c := range cases {
		ents, fuzzy, err := s.SuggestEntities(ctx, c.name, c.typ, 5)
		if err != nil || len(ents) != 1 || ents[0].Name != c.want || fuzzy != c.fuzzy {
			t.Errorf("SuggestEntities(%q, %q) = %v, fuzzy %v, %v; want %s, fuzzy %v", c.name, c.typ, ents, fuzzy, err, c.want, c.fuzzy)
		}
	}
	for _, name := range []string{"isar", "Nisar Quetta", "%", "_"} {
		if ents, _, err := s.SuggestEntities(ctx, name, "", 5); err != nil || len(ents) != 0 {
			t.Errorf("SuggestEntities(%q) = %v, %v; want none", name, ents, err)
		}
	}
	top, err := s.TopEntities(ctx, news.EntityBrowseQuery{Limit: 10})
	if err != nil || len(top) != 2 || top[0].Name != "Quetta" || top[0].Articles != 2 {
		t.Errorf("TopEntities = %v, %v; want Quetta (2 articles) first of 2", top, err)
	}
	if top, err := s.TopEntities(ctx, news.EntityBrowseQuery{Type: news.TypePER, Limit: 10}); err != nil || len(top) != 1 {
		t.Errorf("TopEntities(PER) = %v, %v; want one", top, err)
	}
}

// testBrowseEntities: browsing narrows to the articles that mention a
// place in a country and to a publication window, counts each entity's
// articles among those only, and gives the facets (types, countries)
// with each facet's own filter left aside.
func testBrowseEntities(t *testing.T, s news.Store) {
	pk := &news.Place{Country: "PK", Lat: 30.2, Lon: 67, Feature: "city"}
	ir := &news.Place{Country: "IR", Lat: 29.5, Lon: 60.9, Feature: "city"}
	for _, d := range []DocSpec{
		{Source: "a.txt", Published: "2015-02-10", Text: "Chaudhry Nisar spoke in Quetta.\n" + Filler(11, 60),
			Entities: []Ent{{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar"}, {ID: "E2", Type: news.TypeLOC, Name: "Quetta", Place: pk}}},
		{Source: "b.txt", Published: "2015-03-05", Text: "Chaudhry Nisar visited Quetta again.\n" + Filler(12, 60),
			Entities: []Ent{{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar"}, {ID: "E2", Type: news.TypeLOC, Name: "Quetta", Place: pk}}},
		{Source: "c.txt", Published: "2015-02-20", Text: "Javad Zarif spoke in Zahedan.\n" + Filler(13, 60),
			Entities: []Ent{{ID: "E1", Type: news.TypePER, Name: "Javad Zarif"}, {ID: "E2", Type: news.TypeLOC, Name: "Zahedan", Place: ir}}},
		{Source: "d.txt", Text: "Javad Zarif said nothing about Zahedan.\n" + Filler(14, 60),
			Entities: []Ent{{ID: "E1", Type: news.TypePER, Name: "Javad Zarif"}, {ID: "E2", Type: news.TypeLOC, Name: "Zahedan", Place: ir}}},
	} {
		MustPut(t, s, MustDoc(t, d))
	}
	names := func(q news.EntityBrowseQuery) string {
		ents, err := s.TopEntities(ctx, q)
		if err != nil {
			t.Fatalf("TopEntities(%+v): %v", q, err)
		}
		var out []string
		for _, e := range ents {
			out = append(out, fmt.Sprintf("%s %d", e.Name, e.Articles))
		}
		return strings.Join(out, ", ")
	}
	cases := []struct {
		q    news.EntityBrowseQuery
		want string
	}{
		{news.EntityBrowseQuery{Type: news.TypePER}, "Chaudhry Nisar 2, Javad Zarif 2"},
		{news.EntityBrowseQuery{Type: news.TypePER, Country: "IR"}, "Javad Zarif 2"},
		{news.EntityBrowseQuery{Type: news.TypePER, Country: "ir"}, "Javad Zarif 2"},
		{news.EntityBrowseQuery{Type: news.TypePER, From: "2015-02-01", To: "2015-02-28"}, "Chaudhry Nisar 1, Javad Zarif 1"},
		{news.EntityBrowseQuery{Type: news.TypeLOC, Country: "PK", From: "2015-03-01"}, "Quetta 1"},
		{news.EntityBrowseQuery{Type: news.TypeLOC, To: "2015-01-31"}, ""},
		{news.EntityBrowseQuery{Country: "PK", Limit: 1}, "Chaudhry Nisar 2"},
	}
	for _, c := range cases {
		if got := names(c.q); got != c.want {
			t.Errorf("TopEntities(%+v) = %q; want %q", c.q, got, c.want)
		}
	}
	f, err := s.EntityFacets(ctx, news.EntityBrowseQuery{Type: news.TypePER, Country: "PK", From: "2015-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	want := news.EntityFacets{Articles: 2,
		Types:     []news.FacetCount{{Value: "LOC", Count: 1}, {Value: "PER", Count: 1}},
		Countries: []news.FacetCount{{Value: "PK", Count: 2}, {Value: "IR", Count: 1}}}
	if fmt.Sprint(f) != fmt.Sprint(want) {
		t.Errorf("EntityFacets = %+v; want %+v", f, want)
	}
}
