package newstest

import (
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
	top, err := s.TopEntities(ctx, "", 10)
	if err != nil || len(top) != 2 || top[0].Name != "Quetta" || top[0].Articles != 2 {
		t.Errorf("TopEntities = %v, %v; want Quetta (2 articles) first of 2", top, err)
	}
	if top, err := s.TopEntities(ctx, news.TypePER, 10); err != nil || len(top) != 1 {
		t.Errorf("TopEntities(PER) = %v, %v; want one", top, err)
	}
}
