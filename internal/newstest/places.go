package newstest

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// testDemonymsOffMap: an entity named by a people or adjective of a
// country ("Pakistanis", Place.Demonym) keeps its country but is not a
// place on the map; the country is.
func testDemonymsOffMap(t *testing.T, s news.Store) {
	pk := &news.Place{Country: "PK", Lat: 30, Lon: 70, GeonamesID: 1168579, Feature: "country"}
	dem := *pk
	dem.Demonym = true
	MustPut(t, s, MustDoc(t, DocSpec{Source: "pk.txt", Text: "Pakistanis voted across Pakistan on Monday.\n" + Filler(401, 60),
		Entities: []Ent{{ID: "E1", Type: "LOC", Name: "Pakistanis", Place: &dem}, {ID: "E2", Type: "LOC", Name: "Pakistan", Place: pk}}}))
	places, err := s.Places(ctx, 0)
	if err != nil || len(places) != 1 || places[0].Name != "Pakistan" {
		t.Errorf("Places: got %+v, %v; want Pakistan only", places, err)
	}
}
