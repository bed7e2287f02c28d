package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestContextRules checks the evidence a reading takes from the article's
// other places: a town near another town of the article, a region listed
// with regions of its country, a region after an area word ("central
// Washington") or named by another of its names too ("Wash.").
func TestContextRules(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		locs  []string
		wants []wantPlace
	}{
		{"no context: the larger Oceanside", "Kasey grew up in Oceanside before she joined the crew.",
			[]string{"Oceanside"},
			[]wantPlace{{"Oceanside", "US", "city", "California"}}},
		{"a town near another town of the article", "Kasey grew up in Oceanside and later moved to Bellmore.",
			[]string{"Oceanside", "Bellmore"},
			[]wantPlace{{"Oceanside", "US", "city", "New York"}, {"Bellmore", "US", "city", "New York"}}},
		{"a town of the same region far away is no neighbour", "Protesters marched in London on Saturday. In Washington, the embassy closed.",
			[]string{"London", "Washington"},
			[]wantPlace{{"London", "GB", "city", "England"}, {"Washington", "US", "city", ""}}},
		{"listed with a state", "Tech firms stay away from western states such as California or Washington.",
			[]string{"California", "Washington"},
			[]wantPlace{{"Washington", "US", "admin1", "Washington"}}},
		{"listed after states", "The storm hit Oregon, Idaho and Washington on Monday.",
			[]string{"Oregon", "Idaho", "Washington"},
			[]wantPlace{{"Washington", "US", "admin1", "Washington"}}},
		{"a city, state is no list", "The plant in Vancouver, Washington employs 300 people.",
			[]string{"Vancouver", "Washington"},
			[]wantPlace{{"Vancouver", "US", "city", "Washington"}}},
		{"an area word before the name", "The team drove to central Washington to meet the police.",
			[]string{"Washington"},
			[]wantPlace{{"Washington", "US", "admin1", "Washington"}}},
		{"an area word for a city named like its state", "Farms in upstate New York lost their crops.",
			[]string{"New York"},
			[]wantPlace{{"New York", "US", "admin1", "New York"}}},
		{"its country in the sentence", "British police in London and across England and Britain searched homes. In Washington, diplomats expelled from the United States packed.",
			[]string{"British", "London", "England", "Britain", "Washington", "United States"},
			[]wantPlace{{"Washington", "US", "city", "Washington, D.C."}}},
		{"WA in Australia", "Jellyfish washed up on beaches south of Perth in WA. Australia's fisheries agency is testing the water.",
			[]string{"Perth", "WA", "Australia"},
			[]wantPlace{{"WA", "AU", "admin1", "Western Australia"}}},
		{"WA in the United States", "Wildfires burned across WA and Oregon, United States officials said.",
			[]string{"WA", "Oregon", "United States"},
			[]wantPlace{{"WA", "US", "admin1", "Washington"}}},
		{"a country's short name", "Austro-Hungarian rule in Bosnia ended in 1918.",
			[]string{"Bosnia"},
			[]wantPlace{{"Bosnia", "BA", "country", ""}}},
		{"a region named by another name too", "The unit is based at a camp in Wash. and has trained across Washington since 2005.",
			[]string{"Wash.", "Washington"},
			[]wantPlace{{"Wash.", "US", "admin1", "Washington"}, {"Washington", "US", "admin1", "Washington"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docWithLOCs(t, tt.text, tt.locs...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wants {
				checkPlace(t, doc.Entities, w)
			}
		})
	}
}

// TestSentenceCountryInsideAName checks that a country named inside an
// organisation's name ("Air Canada Cargo") is no evidence for the places
// of its sentence.
func TestSentenceCountryInsideAName(t *testing.T) {
	doc := entityDoc(t, "Canada has strict rules. Experts from London and Air Canada Cargo helped.",
		ent{"LOC", "Canada", []string{"Canada"}}, ent{"LOC", "London", []string{"London"}},
		ent{"ORG", "Air Canada Cargo", []string{"Air Canada Cargo"}})
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkPlace(t, doc.Entities, wantPlace{"London", "GB", "city", "England"})
}

// checkPlace checks the place of every entity named w.name.
func checkPlace(t *testing.T, ents []news.Entity, w wantPlace) {
	t.Helper()
	found := false
	for _, e := range ents {
		if e.Name != w.name {
			continue
		}
		found = true
		p := e.Place
		switch {
		case w.country == "-":
			if p != nil {
				t.Errorf("%s: place %+v, want none", w.name, *p)
			}
		case p == nil:
			t.Errorf("%s: no place, want %s in %q", w.name, w.feature, w.country)
		case p.Country != w.country || p.Feature != w.feature || w.admin1 != "" && p.Admin1 != w.admin1:
			t.Errorf("%s: got %s %q admin1 %q (%s), want %s %q admin1 %q", w.name,
				p.Feature, p.Country, p.Admin1, p.Debug, w.feature, w.country, w.admin1)
		}
	}
	if !found {
		t.Fatalf("test has no entity %q", w.name)
	}
}

// TestMoreDemonyms checks demonyms that NER tags MISC: each becomes a
// place of its country.
func TestMoreDemonyms(t *testing.T) {
	tests := []struct {
		text, name, country, feature string
	}{
		{"Turtles nest on Saint Lucian beaches.", "Saint Lucian", "LC", "country"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := entityDoc(t, tt.text, ent{"MISC", tt.name, []string{tt.name}})
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			checkPlace(t, doc.Entities, wantPlace{tt.name, tt.country, tt.feature, ""})
		})
	}
}

// BenchmarkSentenceEvidence measures the geo stage on a document that
// names a city and a country in every sentence, one entity per mention as
// NER makes them: the time per sentence stays the same as the document
// grows.
func BenchmarkSentenceEvidence(b *testing.B) {
	st := mustStage(b, "")
	for _, n := range []struct {
		name string
		n    int
	}{{"1k", 1000}, {"4k", 4000}} {
		b.Run(n.name, func(b *testing.B) {
			text := strings.Repeat("Officials in Hyderabad met envoys from Pakistan in Karachi-Lahore talks. ", n.n)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				doc := docWithLOCs(b, text, "Hyderabad", "Pakistan", "Karachi-Lahore")
				b.StartTimer()
				if err := st.Process(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n.n), "ns/sentence")
		})
	}
}
