package geo_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestPronounUsInsideANameIsNoCountry: inside another name, "Us" in title
// case is the pronoun, not the United States, which is written "US"; a
// place the article itself names keeps joining ("R-Fla." with Florida's
// "Fla").
func TestPronounUsInsideANameIsNoCountry(t *testing.T) {
	tests := []struct {
		text string
		ents []ent
		want []string // "name country" of the LOC entities with a place
	}{
		{"The charity works with By Us for Us, a youth project.",
			[]ent{{"ORG", "By Us for Us", []string{"By Us for Us"}}}, nil},
		{"Officials of the US Trade Office met on Monday.",
			[]ent{{"ORG", "US Trade Office", []string{"US Trade Office"}}}, []string{"US US"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := entityDoc(t, tt.text, tt.ents...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Entities {
				if e.Type == news.TypeLOC && e.Place != nil {
					got = append(got, e.Name+" "+e.Place.Country)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("LOC entities %q, want %q", got, tt.want)
			}
		})
	}
}
