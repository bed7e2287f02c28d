package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// typedDoc builds a document whose entities are given as (type, name)
// pairs, one mention per occurrence of the name that is not inside a
// longer name of the list (as NER would tag them).
func typedDoc(t *testing.T, text string, ents ...[2]string) *news.Doc {
	t.Helper()
	doc := &news.Doc{Text: text}
	inside := func(at, end int) bool {
		for _, o := range ents {
			for from := 0; ; {
				k := strings.Index(text[from:], o[1])
				if k < 0 {
					break
				}
				s := from + k
				from = s + len(o[1])
				if s <= at && end <= s+len(o[1]) && len(o[1]) > end-at {
					return true
				}
			}
		}
		return false
	}
	for i, te := range ents {
		e := news.Entity{ID: "E" + string(rune('1'+i)), Type: te[0], Name: te[1]}
		for from := 0; ; {
			k := strings.Index(text[from:], te[1])
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(te[1])
			if inside(at, from) {
				continue
			}
			e.Mentions = append(e.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(te[1])}, Text: te[1], Kind: news.MentionName})
		}
		doc.Entities = append(doc.Entities, e)
	}
	return doc
}

func TestExtendCutPlaceName(t *testing.T) {
	st := mustStage(t, "")
	doc := typedDoc(t, "Officials in New Jersey said so.", [2]string{"LOC", "Jersey"})
	doc.Sentences, doc.Tokens = segment.Segment(doc.Text)
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	e := doc.Entities[0]
	if e.Name != "New Jersey" || e.Mentions[0].Text != "New Jersey" || e.Place == nil || e.Place.Country != "US" {
		t.Errorf("got %q %q %+v, want New Jersey in the US", e.Name, e.Mentions[0].Text, e.Place)
	}
}

func TestPlacesInCompoundsAndUntagged(t *testing.T) {
	st := mustStage(t, "")
	text := "The London-based fund backed anti-Russian groups in Kiev. Officials in Calgary and the UK agreed. London said so."
	doc := typedDoc(t, text, [2]string{"MISC", "London-based"}, [2]string{"MISC", "anti-Russian"}, [2]string{"LOC", "Kiev"},
		[2]string{"LOC", "London"})
	doc.Sentences, doc.Tokens = segment.Segment(doc.Text)
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	placeOf := map[string]string{} // mention text -> country of its entity
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if e.Type == news.TypeLOC && e.Place != nil {
				placeOf[m.Text] = e.Place.Country
			}
		}
	}
	for name, cc := range map[string]string{"London": "GB", "Russian": "RU", "Calgary": "CA", "UK": "GB", "Kiev": "UA"} {
		if placeOf[name] != cc {
			t.Errorf("%s placed in %q, want %s; places %v", name, placeOf[name], cc, placeOf)
		}
	}
}

// TestUsIsNoCountry: the pronoun "Us" of a title-case headline or a name
// is not the United States, which "US" in capitals is.
func TestUsIsNoCountry(t *testing.T) {
	st := mustStage(t, "")
	doc := typedDoc(t, "Join Us For A Better Town\nThe drive, called By Us For Us, reached the US on Monday.")
	doc.Sentences, doc.Tokens = segment.Segment(doc.Text)
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var us []string
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if e.Place != nil && e.Place.Country == "US" {
				us = append(us, m.Text)
			}
		}
	}
	if strings.Join(us, ",") != "US" {
		t.Errorf("mentions placed in the United States: %q, want only \"US\"", us)
	}
}

func TestRetypeAndNestedPlaces(t *testing.T) {
	st := mustStage(t, "")
	doc := typedDoc(t, "Russian officials met in Louisville. Jamaica said flights of Air Zimbabwe to Zimbabwe resumed. "+
		"Chelsea beat Arsenal. Police in Orange County and the Jamaica Cancer Society agreed with the Kidney Foundation of Canada.",
		[2]string{"MISC", "Russian"}, [2]string{"ORG", "Louisville"}, [2]string{"ORG", "Jamaica"},
		[2]string{"ORG", "Air Zimbabwe"}, [2]string{"LOC", "Zimbabwe"}, [2]string{"ORG", "Chelsea"},
		[2]string{"ORG", "Orange County"}, [2]string{"ORG", "Jamaica Cancer Society"}, [2]string{"ORG", "Kidney Foundation of Canada"})
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Russian": "LOC", "Louisville": "LOC", "Jamaica": "LOC", "Air Zimbabwe": "ORG",
		"Zimbabwe": "LOC", "Chelsea": "ORG", "Orange County": "LOC", "Jamaica Cancer Society": "ORG",
		"Kidney Foundation of Canada": "ORG", "Canada": "LOC"}
	if last := doc.Entities[len(doc.Entities)-1]; last.Name != "Canada" || last.Place == nil || last.Place.Country != "CA" {
		t.Errorf("last entity %+v, want Canada, made from the country named inside an organisation's name", last)
	}
	for _, e := range doc.Entities {
		if e.Type != want[e.Name] {
			t.Errorf("%s typed %s, want %s", e.Name, e.Type, want[e.Name])
		}
		if e.Name == "Russian" && (e.Place == nil || e.Place.Country != "RU") {
			t.Errorf("Russian placed %+v, want in RU", e.Place)
		}
		if e.Name == "Zimbabwe" && len(e.Mentions) != 2 {
			t.Errorf("Zimbabwe has %d mentions, want its own and the one inside Air Zimbabwe", len(e.Mentions))
		}
		if e.Name == "Jamaica" && len(e.Mentions) != 2 {
			t.Errorf("Jamaica has %d mentions, want its own and the one inside Jamaica Cancer Society", len(e.Mentions))
		}
		for _, m := range e.Mentions {
			if doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q has span text %q", m.Text, doc.Text[m.Start:m.End])
			}
		}
	}
}
