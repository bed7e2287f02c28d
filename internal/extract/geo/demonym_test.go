package geo_test

import (
	"context"
	"testing"
)

// TestDemonymIsNoMapPlace: an entity named by a people or adjective of a
// country is linked to the country and marked a demonym (not a place on
// the store's map); the country's own name is not marked.
func TestDemonymIsNoMapPlace(t *testing.T) {
	doc := docWithLOCs(t, "Afghan officials said Americans and Pakistan's army met near Kabul.",
		"Afghan", "Americans", "Pakistan", "Kabul")
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		country string
		demonym bool
	}{"Afghan": {"AF", true}, "Americans": {"US", true}, "Pakistan": {"PK", false}, "Kabul": {"AF", false}}
	for _, e := range doc.Entities {
		w, p := want[e.Name], e.Place
		if p == nil || p.Country != w.country || p.Demonym != w.demonym {
			t.Errorf("%s: place %+v, want country %s, demonym %v", e.Name, p, w.country, w.demonym)
		}
	}
}
