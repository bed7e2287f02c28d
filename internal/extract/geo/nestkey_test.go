package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestNestedPlaceNames checks the places taken from inside other names: a
// place the article names joins by its key whatever its case, a country's
// name that ends a longer place name is not taken, and no punctuation
// ends up in a mention.
func TestNestedPlaceNames(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []string // "LOC name: mention texts" of the LOC entities after the stage
	}{
		{"known in capitals", "NEW JERSEY won. Tickets of the New Jersey Lottery sold out.",
			[]ent{{"LOC", "NEW JERSEY", []string{"NEW JERSEY"}}, {"ORG", "New Jersey Lottery", []string{"New Jersey Lottery"}}},
			[]string{"NEW JERSEY: NEW JERSEY|New Jersey"}},
		{"a country's name ending a state's", "Tickets of the New Jersey Lottery sold out.",
			[]ent{{"ORG", "New Jersey Lottery", []string{"New Jersey Lottery"}}},
			nil},
		{"a country after 'the'", "The Office of the United States Trade Representative spoke.",
			[]ent{{"ORG", "Office of the United States Trade Representative", []string{"Office of the United States Trade Representative"}}},
			[]string{"United States: United States"}},
		{"a region's demonym before the country's", "Talks on the North American Free Trade Agreement resumed.",
			[]ent{{"ORG", "North American Free Trade Agreement", []string{"North American Free Trade Agreement"}}},
			[]string{"North American: North American"}},
		{"a city's police", "Rome police arrested two men on Monday.",
			[]ent{{"ORG", "Rome police", []string{"Rome police"}}},
			[]string{"Rome: Rome"}},
		{"a city of two words' police", "New York City police closed the street.",
			[]ent{{"ORG", "New York City police", []string{"New York City police"}}},
			[]string{"New York City: New York City"}},
		{"a state's police", "Maryland State Police charged him.",
			[]ent{{"ORG", "Maryland State Police", []string{"Maryland State Police"}}},
			[]string{"Maryland: Maryland"}},
		{"a city's fire department", "The Boise Fire Department put the fire out.",
			[]ent{{"ORG", "Boise Fire Department", []string{"Boise Fire Department"}}},
			[]string{"Boise: Boise"}},
		{"a province's RCMP", "New Brunswick RCMP are looking for the dogs.",
			[]ent{{"ORG", "New Brunswick RCMP", []string{"New Brunswick RCMP"}}},
			[]string{"New Brunswick: New Brunswick"}},
		{"a region too small", "Peel Regional Police arrested a man.",
			[]ent{{"ORG", "Peel Regional Police", []string{"Peel Regional Police"}}},
			nil},
		{"not a public service", "Washington State University opened a lab.",
			[]ent{{"ORG", "Washington State University", []string{"Washington State University"}}},
			nil},
		{"police of no place", "Federal police raided the office.",
			[]ent{{"ORG", "Federal police", []string{"Federal police"}}},
			nil},
		{"no comma in the mention", "The Women's Club of Canada, Inc. met.",
			[]ent{{"ORG", "Women's Club of Canada, Inc.", []string{"Women's Club of Canada, Inc."}}},
			[]string{"Canada: Canada"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := entityDoc(t, tt.text, tt.ents...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Entities {
				if e.Type != news.TypeLOC {
					continue
				}
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, m.Text)
				}
				got = append(got, e.Name+": "+strings.Join(ms, "|"))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("LOC entities %q, want %q", got, tt.want)
			}
		})
	}
}
