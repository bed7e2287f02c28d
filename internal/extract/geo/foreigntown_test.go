package geo_test

import (
	"context"
	"testing"
)

// TestForeignTownIsNoPlace: a one-word name that is only a small town of
// a country the article never points to, in a story clearly about
// another country, is not put at that town ("Obama" of an American
// political story is not Obama, Japan); used as a place ("in Obama",
// listed with places) it is.
func TestForeignTownIsNoPlace(t *testing.T) {
	for _, c := range []struct {
		name, text string
		locs       []string
		japan      bool // Obama is read as the town of Japan
	}{
		{"a person's name", "Voters in Ohio, Texas and Florida watched as Obama's team toured Iowa. The Obama administration said nothing in Washington.",
			[]string{"Ohio", "Texas", "Florida", "Obama", "Iowa", "Washington"}, false},
		{"after a preposition of place", "Voters in Ohio, Texas and Florida watched. The delegation flew on to a festival in Obama.",
			[]string{"Ohio", "Texas", "Florida", "Obama"}, true},
		{"listed with places", "Voters in Ohio, Texas and Florida watched. Trips to Obama, Kyoto and Osaka followed.",
			[]string{"Ohio", "Texas", "Florida", "Obama", "Kyoto", "Osaka"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := docWithLOCs(t, c.text, c.locs...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			for _, e := range doc.Entities {
				if e.Name != "Obama" {
					continue
				}
				got := e.Place != nil && e.Place.Country == "JP" && e.Place.HasPoint()
				if got != c.japan {
					t.Errorf("Obama: place %+v, want the town of Japan: %v", e.Place, c.japan)
				}
			}
		})
	}
}
