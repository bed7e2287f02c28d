package geo_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestBasedPlaces checks that the place of an "X-based" compound is a LOC
// mention with its place, whatever NER made of the compound.
func TestBasedPlaces(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ents     []ent
		place    string // the LOC mention's text, "" for none
		country  string
		mentions int // of the place's entity
	}{
		{"a compound tagged MISC", "The Calgary-based company drilled two wells.",
			[]ent{{"MISC", "Calgary-based", []string{"Calgary-based"}}}, "Calgary", "CA", 1},
		{"a compound of two words tagged PER", "The Abu Dhabi-based agency said so on Thursday.",
			[]ent{{"PER", "Abu Dhabi-based", []string{"Abu Dhabi-based"}}}, "Abu Dhabi", "AE", 1},
		{"the last words of a longer run", "The Pittsburgh, Pennsylvania-based firm grew.",
			[]ent{{"LOC", "Pittsburgh", []string{"Pittsburgh"}}}, "Pennsylvania", "US", 1},
		{"a compound NER did not tag", "Shares of the US-based producer fell on Monday.",
			nil, "US", "US", 1},
		{"the article's entity of that name", "Berlin is growing. The Berlin-based firm hired staff.",
			[]ent{{"LOC", "Berlin", []string{"Berlin"}}, {"MISC", "Berlin-based", []string{"Berlin-based"}}}, "Berlin", "DE", 2},
		{"not a place", "The Acme-based theory failed.",
			[]ent{{"MISC", "Acme-based", []string{"Acme-based"}}}, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := entityDoc(t, tt.text, tt.ents...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got *news.Entity
			for i, e := range doc.Entities {
				for _, m := range e.Mentions {
					if e.Type == news.TypeLOC && m.Text == tt.place {
						got = &doc.Entities[i]
					}
				}
			}
			switch {
			case tt.place == "":
				for _, e := range doc.Entities {
					if e.Type == news.TypeLOC {
						t.Errorf("LOC entity %q, want none", e.Name)
					}
				}
			case got == nil:
				t.Fatalf("no LOC mention %q; entities %+v", tt.place, doc.Entities)
			case got.Place == nil || got.Place.Country != tt.country:
				t.Errorf("%s: place %+v, want in %s", tt.place, got.Place, tt.country)
			case len(got.Mentions) != tt.mentions:
				t.Errorf("%s: mentions %+v, want %d", tt.place, got.Mentions, tt.mentions)
			}
		})
	}
}

// TestUntaggedCompounds checks the countries inside hyphenated compounds
// that NER left untagged.
func TestUntaggedCompounds(t *testing.T) {
	tests := []struct {
		text string
		want []string // "name country" of the LOC entities
	}{
		{"Members of the Armenia-Italy friendship group met on Monday.", []string{"Armenia AM", "Italy IT"}},
		{"The UK-bashing president was toppled.", []string{"UK GB"}},
		{"Fighters and Turkish-backed militias advanced.", []string{"Turkish TR"}},
		{"He became the best Latin-born player.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := entityDoc(t, tt.text)
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

// TestSplitJoinedPlaces checks that a LOC mention of two places joined by
// a hyphen becomes two places, and that a name the gazetteer knows whole
// stays whole.
func TestSplitJoinedPlaces(t *testing.T) {
	tests := []struct {
		text, name string
		want       []string // "name country" of the LOC entities
	}{
		{"Flights on the Amsterdam-London route were cut.", "Amsterdam-London", []string{"Amsterdam NL", "London GB"}},
		{"Floods hit Gilgit-Baltistan on Monday.", "Gilgit-Baltistan", []string{"Gilgit-Baltistan PK"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := entityDoc(t, tt.text, ent{"LOC", tt.name, []string{tt.name}})
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
