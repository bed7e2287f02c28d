package geo_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/geo"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// docWithLOCs segments text and makes one LOC entity per occurrence of
// each name, as the ner stage does.
func docWithLOCs(tb testing.TB, text string, names ...string) *news.Doc {
	tb.Helper()
	doc := &news.Doc{Text: text}
	if err := segment.New().Process(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	type occ struct {
		span news.Span
		name string
	}
	var occs []occ
	for _, n := range names {
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			occs = append(occs, occ{news.Span{Start: i + j, End: i + j + len(n)}, n})
			i += j + len(n)
		}
	}
	for k, o := range occs {
		m := news.Mention{Span: o.span, Text: o.name, Type: news.TypeLOC, Kind: news.MentionName}
		doc.Entities = append(doc.Entities, news.Entity{ID: "E" + strconv.Itoa(k+1), Type: news.TypeLOC, Name: o.name, Mentions: []news.Mention{m}})
	}
	return doc
}

func mustStage(tb testing.TB, hint string) *geo.Stage {
	tb.Helper()
	st, err := geo.New(geo.Config{Gazetteer: gazetteertest.MustIndex(tb), CountryHint: hint})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

type wantPlace struct {
	name    string // the entity's name (every entity of that name)
	country string // "" for regions; "-" for no place at all
	feature string
	admin1  string // checked when not empty
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		hint  string
		text  string
		locs  []string
		wants []wantPlace
	}{
		{"capital as government", "", "Washington said on Monday that it would send envoys to Kabul.",
			[]string{"Washington", "Kabul"},
			[]wantPlace{{"Washington", "US", "city", "Washington, D.C."}, {"Kabul", "AF", "city", ""}}},
		{"state qualified by its cities", "", "Rain fell across Washington. Seattle and Tacoma saw floods, and Spokane was dry.",
			[]string{"Washington", "Seattle", "Tacoma", "Spokane"},
			[]wantPlace{{"Washington", "US", "admin1", "Washington"}, {"Seattle", "US", "city", "Washington"}}},
		{"state by the word after it", "", "Fires burned in Washington state on Monday.",
			[]string{"Washington"},
			[]wantPlace{{"Washington", "US", "admin1", "Washington"}}},
		{"city, region", "", "He was arrested in Quetta, Balochistan, last week.",
			[]string{"Quetta", "Balochistan"},
			[]wantPlace{{"Quetta", "PK", "city", "Balochistan"}, {"Balochistan", "PK", "admin1", "Balochistan"}}},
		{"Moscow, Idaho", "", "The students lived in Moscow, Idaho, near the university.",
			[]string{"Moscow", "Idaho"},
			[]wantPlace{{"Moscow", "US", "city", "Idaho"}}},
		{"Moscow alone", "", "Moscow has rejected the sanctions.",
			[]string{"Moscow"},
			[]wantPlace{{"Moscow", "RU", "city", ""}}},
		{"a city named like its region", "", "Police in New York arrested two men.",
			[]string{"New York"},
			[]wantPlace{{"New York", "US", "city", "New York"}}},
		{"a region's demonym", "", "The English countryside flooded.",
			[]string{"English"},
			[]wantPlace{{"English", "GB", "admin1", "England"}}},
		{"Paris, Texas", "", "The fair opened in Paris, Texas, on Friday.",
			[]string{"Paris", "Texas"},
			[]wantPlace{{"Paris", "US", "city", "Texas"}}},
		{"country context", "", "Police in Pakistan said the men fled from Hyderabad to Karachi.",
			[]string{"Pakistan", "Hyderabad", "Karachi"},
			[]wantPlace{{"Hyderabad", "PK", "city", "Sindh"}, {"Karachi", "PK", "city", "Sindh"}}},
		{"no context: the larger Hyderabad", "", "The men fled to Hyderabad.",
			[]string{"Hyderabad"},
			[]wantPlace{{"Hyderabad", "IN", "city", ""}}},
		{"country hint", "PK", "The men fled to Hyderabad.",
			[]string{"Hyderabad"},
			[]wantPlace{{"Hyderabad", "PK", "city", ""}}},
		{"demonyms", "", "Pakistani officials said the men fled to Hyderabad.",
			[]string{"Hyderabad"},
			[]wantPlace{{"Hyderabad", "PK", "city", ""}}},
		{"dateline", "", "HYDERABAD, June 3 — Floods closed the roads to the city on Tuesday.",
			[]string{"HYDERABAD"},
			[]wantPlace{{"HYDERABAD", "IN", "city", "Telangana"}}},
		{"dateline sets the country", "", "KARACHI, June 3 — The men were taken to Hyderabad.",
			[]string{"KARACHI", "Hyderabad"},
			[]wantPlace{{"KARACHI", "PK", "city", ""}, {"Hyderabad", "PK", "city", ""}}},
		{"regions", "", "The group operates in South Asia, the Middle East, the Gulf and across Africa.",
			[]string{"South Asia", "Middle East", "Gulf", "Africa"},
			[]wantPlace{{"South Asia", "", "region", ""}, {"Middle East", "", "region", ""}, {"Gulf", "", "region", ""}, {"Africa", "", "region", ""}}},
		{"countries by other names", "", "Officials in the U.S., Britain and the UAE met.",
			[]string{"U.S.", "Britain", "UAE"},
			[]wantPlace{{"U.S.", "US", "country", ""}, {"Britain", "GB", "country", ""}, {"UAE", "AE", "country", ""}}},
		{"not a place", "", "He spoke at Parliament and the Foreign Office.",
			[]string{"Parliament", "Foreign Office"},
			[]wantPlace{{"Parliament", "-", "", ""}, {"Foreign Office", "-", "", ""}}},
		{"words around the name", "", "Fighting spread in northern Punjab province of Pakistan.",
			[]string{"northern Punjab province", "Pakistan"},
			[]wantPlace{{"northern Punjab province", "PK", "admin1", "Punjab"}}},
		{"one sense per article", "", "Kingston, Ont., is a small city. Kingston is known for its prison.",
			[]string{"Kingston", "Ont."},
			[]wantPlace{{"Kingston", "CA", "city", "Ontario"}}},
		{"a building is not a city", "", "The White House said the talks in Washington Square went well.",
			[]string{"White House", "Washington Square"},
			[]wantPlace{{"White House", "-", "", ""}, {"Washington Square", "-", "", ""}}},
		{"generic names need support", "", "Troops moved West.",
			[]string{"West"},
			[]wantPlace{{"West", "-", "", ""}}},
		{"country over a same-named state", "", "Georgia and Russia fought a war in 2008.",
			[]string{"Georgia", "Russia"},
			[]wantPlace{{"Georgia", "GE", "country", ""}}},
		{"state qualified", "", "The rally was held in Atlanta, Georgia.",
			[]string{"Atlanta", "Georgia"},
			[]wantPlace{{"Atlanta", "US", "city", "Georgia"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docWithLOCs(t, tt.text, tt.locs...)
			if err := mustStage(t, tt.hint).Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wants {
				found := false
				for _, e := range doc.Entities {
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
					case p.Debug == "":
						t.Errorf("%s: no debug reason", w.name)
					}
				}
				if !found {
					t.Fatalf("test has no entity %q", w.name)
				}
			}
		})
	}
}

// TestSeedPlaces resolves the reference article's gold toponyms: every one
// must get the gold country, and those with gold points must lie within
// 161 km of them.
func TestSeedPlaces(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(gazetteertest.SharedDir(), "..", "..", "examples", "seed", "article.txt"))
	if err != nil {
		t.Skip("../shared/examples/seed is absent")
	}
	golds := []struct {
		name, country string
		lat, lon      float64 // 0,0: no gold point
	}{
		{"South Asia", "", 0, 0}, {"Middle East", "", 0, 0},
		{"Pakistan", "PK", 30, 70}, {"Syria", "SY", 35, 38}, {"Iraq", "IQ", 33, 44}, {"Afghanistan", "AF", 33, 66},
		{"Islamabad", "PK", 33.72, 73.04}, {"Washington", "US", 38.895, -77.036}, {"Balochistan", "PK", 0, 0},
		{"Lahore", "PK", 31.558, 74.351}, {"Quetta", "PK", 30.187, 67.012}, {"Karachi", "PK", 24.861, 67.010},
		{"United States", "US", 39.76, -98.5},
	}
	var names []string
	for _, g := range golds {
		names = append(names, g.name)
	}
	doc := docWithLOCs(t, string(data), names...)
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		for _, e := range doc.Entities {
			if e.Name != g.name {
				continue
			}
			p := e.Place
			if p == nil {
				t.Errorf("%s: no place", g.name)
				continue
			}
			if p.Country != g.country {
				t.Errorf("%s: country %q, want %q (%s)", g.name, p.Country, g.country, p.Debug)
			}
			if g.lat != 0 || g.lon != 0 {
				if d := haversineKm(g.lat, g.lon, p.Lat, p.Lon); d > 161 {
					t.Errorf("%s: %.0f km from the gold point (%s)", g.name, d, p.Debug)
				}
			}
		}
	}
}

func TestNoGazetteer(t *testing.T) {
	st, err := geo.New(geo.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := docWithLOCs(t, "Quetta is in Pakistan.", "Quetta", "Pakistan")
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entities {
		if e.Place != nil {
			t.Errorf("%s got a place without a gazetteer", e.Name)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	ix := gazetteertest.MustIndex(t)
	for _, tt := range []struct {
		hint string
		ok   bool
	}{{"", true}, {"PK", true}, {"pk", true}, {"PAK", false}, {"XQ", false}} {
		_, err := geo.New(geo.Config{Gazetteer: ix, CountryHint: tt.hint})
		if (err == nil) != tt.ok {
			t.Errorf("New(hint %q) error = %v, want ok=%v", tt.hint, err, tt.ok)
		}
	}
}

// BenchmarkGeo geocodes the 200 GeoWebNews articles given their gold
// toponyms; b.N counts articles.
func BenchmarkGeo(b *testing.B) {
	st := mustStage(b, "")
	docs, gold := loadGeoWebNews(b)
	for i, doc := range docs {
		segment.New().Process(context.Background(), doc)
		goldEntities(doc, gold[i])
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		doc := docs[i%len(docs)]
		for j := range doc.Entities {
			doc.Entities[j].Place = nil
		}
		if err := st.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
