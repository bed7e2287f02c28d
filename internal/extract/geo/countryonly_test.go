package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// TestCountryOnly: a toponym the gazetteer does not know gets its country,
// and no point, when the article says where it is. The village and
// district names are made up, so that no gazetteer holds them.
func TestCountryOnly(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		locs    []string
		place   string // the unknown toponym
		country string // "" for no place at all
		why     string // in Place.Debug
	}{
		{"possessive", "Drones struck Balochistan's Qalbeen district overnight, officials said.",
			[]string{"Balochistan", "Qalbeen"}, "Qalbeen", "PK", "possessive"},
		{"area of a city", "Police sealed off the Marzookabad area of Quetta on Friday.",
			[]string{"Marzookabad", "Quetta"}, "Marzookabad", "PK", "located by Quetta"},
		{"comma and a city", "A fuel station at Tarkeshwe, Lagos, ran dry within hours.",
			[]string{"Tarkeshwe", "Lagos"}, "Tarkeshwe", "NG", "located by Lagos"},
		{"near a city", "The shells fell on Khan Dumeirat, near the northern city of Aleppo, at dawn.",
			[]string{"Khan Dumeirat", "Aleppo"}, "Khan Dumeirat", "SY", "located by Aleppo"},
		{"demonym before a place noun", "Gunmen raided the Lebanese village of Kfar Tellalim on Sunday.",
			[]string{"Kfar Tellalim"}, "Kfar Tellalim", "LB", "Lebanese village"},
		{"near a border", "Troops massed at Qarat Zubba, near the Syrian border, on Monday.",
			[]string{"Qarat Zubba"}, "Qarat Zubba", "SY", "Syrian border"},
		{"dateline", "QUETTA, June 3 — Gunmen stormed Killi Shadakzai on Monday.",
			[]string{"QUETTA", "Killi Shadakzai"}, "Killi Shadakzai", "PK", "dateline"},
		{"the article's country", "Syria said its army retook Zabdeenat. Damascus called it a victory for Syria. " +
			"Syrian state media showed Zabdeenat in ruins.",
			[]string{"Syria", "Zabdeenat", "Damascus"}, "Zabdeenat", "SY", "article is about SY"},
		{"no evidence", "Fighting in Zabdeenat went on for a week.",
			[]string{"Zabdeenat"}, "Zabdeenat", "", ""},
		{"no clear country", "Israel and Lebanon traded fire over Zabdeenat.",
			[]string{"Israel", "Lebanon", "Zabdeenat"}, "Zabdeenat", "", ""},
		{"a river may cross borders", "Pakistan said that Pakistan would dam the Zabdeen River. Pakistan's cabinet agreed.",
			[]string{"Pakistan", "Zabdeen River"}, "Zabdeen River", "", ""},
		{"and is not near", "Shells hit Zabdeenat and the city of Aleppo.",
			[]string{"Zabdeenat", "Aleppo"}, "Zabdeenat", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docWithLOCs(t, tt.text, tt.locs...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			p := entityNamed(t, doc, tt.place).Place
			switch {
			case tt.country == "":
				if p != nil {
					t.Errorf("%s: place %+v, want none", tt.place, *p)
				}
			case p == nil:
				t.Errorf("%s: no place, want country-only %s", tt.place, tt.country)
			case p.Country != tt.country || p.Feature != news.FeatureCountryOnly || p.HasPoint() || p.GeonamesID != 0:
				t.Errorf("%s: got %+v, want country-only %s with no point", tt.place, *p, tt.country)
			case !strings.Contains(p.Debug, tt.why):
				t.Errorf("%s: debug %q does not say %q", tt.place, p.Debug, tt.why)
			}
		})
	}
}

// TestCountryOnlyContract: a country-only place is written with null
// coordinates, so that no point is invented on the map.
func TestCountryOnlyContract(t *testing.T) {
	doc := docWithLOCs(t, "Gunmen raided the Lebanese village of Kfar Tellalim on Sunday.", "Kfar Tellalim")
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	out, err := news.MarshalContract(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"lat":null,"lon":null`) || !strings.Contains(string(out), `"feature":"country-only"`) {
		t.Errorf("contract %s: want a country-only place with null lat and lon", out)
	}
}

func entityNamed(t *testing.T, doc *news.Doc, name string) *news.Entity {
	t.Helper()
	for i := range doc.Entities {
		if doc.Entities[i].Name == name {
			return &doc.Entities[i]
		}
	}
	t.Fatalf("no entity %q", name)
	return nil
}

// TestPlacesDecidedByContext: regions that borders cut, country names that
// several countries share, and names of districts and states in
// constructions NER misses, each with the reason in Place.Debug.
func TestPlacesDecidedByContext(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		locs     []string
		place    string
		country  string
		feature  string
		whyParts []string
	}{
		{"a cross-border region by the places in it", "Militants were killed in Srinagar. Police in Kashmir said the search goes on.",
			[]string{"Srinagar", "Kashmir"}, "Kashmir", "IN", "region", []string{"spans IN, PK, CN", "Srinagar"}},
		{"a cross-border region by the article's country", "Pakistan said Pakistan will raise Kashmir at the UN. Pakistan's envoy agreed.",
			[]string{"Pakistan", "Kashmir"}, "Kashmir", "PK", "region", []string{"article is about PK"}},
		{"a region with no clue", "Kashmir is cold in winter.",
			[]string{"Kashmir"}, "Kashmir", "", "region", nil},
		{"a region of one country", "Drone strikes hit North Waziristan again.",
			[]string{"North Waziristan"}, "North Waziristan", "PK", "region", []string{"lies in PK"}},
		{"Korea alone is South Korea", "Exports from Korea rose in May.",
			[]string{"Korea"}, "Korea", "KR", "country", []string{"name of several places"}},
		{"Korea in an article about the North", "Pyongyang tested a missile. Korea's leader Kim watched, North Korean media said.",
			[]string{"Pyongyang", "Korea"}, "Korea", "KP", "country", []string{"country KP in article"}},
		{"Guinea by its capital", "Flights from Port Moresby resumed. Guinea's airline said more would follow.",
			[]string{"Port Moresby", "Guinea"}, "Guinea", "PG", "country", []string{"country PG in article"}},
		{"Guinea alone", "Guinea held elections on Sunday.",
			[]string{"Guinea"}, "Guinea", "GN", "country", nil},
		{"Georgia the state", "Voters in Atlanta and Savannah went to the polls. Georgia will count by Friday.",
			[]string{"Atlanta", "Savannah", "Georgia"}, "Georgia", "US", "admin1", nil},
		{"Georgia the country", "Tbilisi protested. Georgia and Russia fought a war in 2008.",
			[]string{"Tbilisi", "Georgia", "Russia"}, "Georgia", "GE", "country", []string{"name of several places"}},
		{"Geneva is the Swiss city", "He presented his report at the U.N. office in Geneva on Tuesday.",
			[]string{"Geneva"}, "Geneva", "CH", "city", nil},
		{"initials of a country", "Officials in the U.S. and the U.K. agreed.",
			[]string{"U.S.", "U.K."}, "U.K.", "GB", "country", nil},
		{"initials of a capital", "Protesters marched in D.C. on Sunday.",
			[]string{"D.C."}, "D.C.", "US", "city", nil},
		{"a rural province", "Airstrikes hit Paktika in Afghanistan on Monday.",
			[]string{"Paktika", "Afghanistan"}, "Paktika", "AF", "admin1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docWithLOCs(t, tt.text, tt.locs...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			p := entityNamed(t, doc, tt.place).Place
			if p == nil {
				t.Fatalf("%s: no place, want %s %q", tt.place, tt.feature, tt.country)
			}
			if p.Country != tt.country || p.Feature != tt.feature {
				t.Errorf("%s: got %s %q (%s), want %s %q", tt.place, p.Feature, p.Country, p.Debug, tt.feature, tt.country)
			}
			for _, w := range tt.whyParts {
				if !strings.Contains(p.Debug, w) {
					t.Errorf("%s: debug %q does not say %q", tt.place, p.Debug, w)
				}
			}
		})
	}
}

// TestInitialsAreNoTown: an organisation's dotted initials that NER took
// for a place ("U.N.") are not a small town of that name (Un, India), nor
// a country-only place.
func TestInitialsAreNoTown(t *testing.T) {
	doc := docWithLOCs(t, "Afghanistan asked the U.N. office in Kabul for help.", "U.N.", "Afghanistan", "Kabul")
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if p := entityNamed(t, doc, "U.N.").Place; p != nil {
		t.Errorf("U.N. placed %+v, want no place", *p)
	}
}

// TestMissedPlaceConstructions: places NER leaves untagged in two general
// constructions, an administrative division's name ("Barmal District")
// and an American politician's party-state tag ("R-Ky.").
func TestMissedPlaceConstructions(t *testing.T) {
	text := "Airstrikes hit Paktika's Sarobay District on Monday. Sen. John Doe, R-Ky., and Sen. Jane Roe, D-N.Y., agreed."
	doc := &news.Doc{Text: text}
	if err := segment.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, "Paktika")
	doc.Entities = []news.Entity{{ID: "E1", Type: news.TypeLOC, Name: "Paktika",
		Mentions: []news.Mention{{Span: news.Span{Start: at, End: at + len("Paktika")}, Text: "Paktika", Type: news.TypeLOC, Kind: news.MentionName}}}}
	if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Sarobay District": "AF", "Ky.": "US", "N.Y.": "US"}
	for _, e := range doc.Entities {
		cc, ok := want[e.Name]
		if !ok {
			continue
		}
		delete(want, e.Name)
		if e.Type != news.TypeLOC || e.Place == nil || e.Place.Country != cc {
			t.Errorf("%s: %s %+v, want a LOC in %s", e.Name, e.Type, e.Place, cc)
		}
	}
	for n := range want {
		t.Errorf("no entity %q", n)
	}
}

// TestSmallPlacesRetyped: NER's PER, MISC or ORG for a small place that
// the text names as one becomes LOC; people and organisations stay.
func TestSmallPlacesRetyped(t *testing.T) {
	tests := []struct {
		text string
		ent  [2]string
		want string
	}{
		{"Settlers attacked the village of Jalloudeh at night.", [2]string{"PER", "Jalloudeh"}, "LOC"},
		{"Four were killed in the eastern Komondjaro province.", [2]string{"PER", "Komondjaro"}, "LOC"},
		{"Jets struck the Qandeel mountain where the group met.", [2]string{"PER", "Qandeel"}, "LOC"},
		{"Bodies lay in the eastern Ghoutaa and beyond.", [2]string{"MISC", "Ghoutaa"}, "LOC"},
		{"The Hezbollah area was shelled.", [2]string{"ORG", "Hezbollah"}, "ORG"},
		{"Smith district manager Jones resigned.", [2]string{"PER", "Jones"}, "PER"},
		{"Officials said the Kurdish region voted.", [2]string{"MISC", "Kurdish"}, "MISC"},
	}
	for _, tt := range tests {
		doc := typedDoc(t, tt.text, tt.ent)
		doc.Sentences, doc.Tokens = segment.Segment(doc.Text)
		if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if got := doc.Entities[0].Type; got != tt.want {
			t.Errorf("%q: %s %q is %s, want %s", tt.text, tt.ent[0], tt.ent[1], got, tt.want)
		}
	}
}

// TestDatelines: the place of a dateline NER missed, in capitals or as
// "City, Month day:", is a place of the article and sets its country.
func TestDatelines(t *testing.T) {
	tests := []struct {
		text    string
		locs    []string
		want    map[string]string // entity -> country
		feature map[string]string // entity -> feature, when checked
	}{
		{"MIRAMSHAH, Pakistan — Drones struck a compound overnight.", []string{"Pakistan"},
			map[string]string{"MIRAMSHAH": "PK"}, map[string]string{"MIRAMSHAH": news.FeatureCountryOnly}},
		{"HYDERABAD, June 3 — Floods closed the roads on Tuesday.", nil,
			map[string]string{"HYDERABAD": "IN"}, map[string]string{"HYDERABAD": "city"}},
		{"Srinagar, Feb 5: Police killed two militants in Zakuraabad on Saturday.", []string{"Zakuraabad"},
			map[string]string{"Srinagar": "IN", "Zakuraabad": "IN"}, map[string]string{"Zakuraabad": news.FeatureCountryOnly}},
		{"Officials, in a statement, said the talks failed.", nil, map[string]string{}, nil},
	}
	for _, tt := range tests {
		doc := docWithLOCs(t, tt.text, tt.locs...)
		if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, e := range doc.Entities {
			if e.Type == news.TypeLOC && e.Place != nil && e.Place.Country != "" {
				got[e.Name] = e.Place.Country
				if f, ok := tt.feature[e.Name]; ok && e.Place.Feature != f {
					t.Errorf("%q: %s is a %s (%s), want a %s", tt.text, e.Name, e.Place.Feature, e.Place.Debug, f)
				}
			}
		}
		for n, cc := range tt.want {
			if got[n] != cc {
				t.Errorf("%q: %s in %q, want %s (places %v)", tt.text, n, got[n], cc, got)
			}
		}
		if len(tt.want) == 0 && len(got) > 0 {
			t.Errorf("%q: places %v, want none", tt.text, got)
		}
	}
}
