package geo_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// ent is an entity of a hand-made document: its type and name and the
// texts of its mentions, found in the text in order.
type ent struct {
	typ, name string
	mentions  []string
}

// entityDoc segments text and adds the entities ents.
func entityDoc(t *testing.T, text string, ents ...ent) *news.Doc {
	t.Helper()
	doc := &news.Doc{Text: text}
	if err := segment.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for i, te := range ents {
		e := news.Entity{ID: "E" + strconv.Itoa(i+1), Type: te.typ, Name: te.name}
		from := 0
		for _, m := range te.mentions {
			k := strings.Index(text[from:], m)
			if k < 0 {
				t.Fatalf("no mention %q after %d", m, from)
			}
			at := from + k
			from = at + len(m)
			e.Mentions = append(e.Mentions, news.Mention{Span: news.Span{Start: at, End: from}, Text: m, Type: te.typ, Kind: news.MentionName})
		}
		doc.Entities = append(doc.Entities, e)
	}
	return doc
}

// TestDatelineClaimed checks that a dateline's place that NER put in
// another entity becomes a LOC mention with its place, and what is left
// of the other entity.
func TestDatelineClaimed(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ents     []ent
		dateline string // the LOC mention's text, "" for none
		country  string
		others   []string // "TYPE name" of the entities left, in order, besides the dateline's
		n        int      // the dateline entity's mentions, when not 0
	}{
		{"capitals glued to the story", "LONDON The Latest on the poisoning of a former spy.",
			[]ent{{"MISC", "LONDON The Latest", []string{"LONDON The Latest"}}},
			"LONDON", "GB", []string{"MISC The Latest"}, 0},
		{"two words in capitals", "OKLAHOMA CITY Teachers rallied for higher pay on Monday.",
			[]ent{{"MISC", "OKLAHOMA CITY Teachers", []string{"OKLAHOMA CITY Teachers"}}},
			"OKLAHOMA CITY", "US", []string{"MISC Teachers"}, 0},
		{"an organisation that is only the dateline", "ATLANTA (AP) An aide to the former Atlanta mayor was indicted by AP sources.",
			[]ent{{"ORG", "Associated Press", []string{"ATLANTA", "AP", "Atlanta", "AP"}}},
			"ATLANTA", "US", []string{"ORG Associated Press"}, 2},
		{"after a byline", "By JILL COLVIN, Associated Press WASHINGTON (AP) — China vowed on Friday to fight the tariffs.",
			[]ent{{"PER", "JILL COLVIN", []string{"JILL COLVIN"}}, {"ORG", "Associated Press WASHINGTON", []string{"Associated Press WASHINGTON"}},
				{"LOC", "China", []string{"China"}}},
			"WASHINGTON", "US", []string{"PER JILL COLVIN", "ORG Associated Press", "LOC China"}, 0},
		{"a word cut from the dateline", "ST. LOUIS – Police arrested two people on Friday.",
			[]ent{{"MISC", "LOUIS", []string{"LOUIS"}}},
			"ST. LOUIS", "US", nil, 0},
		{"the team keeps its own mentions", "HOUSTON (AP) — Houston won the game 96-94 on Friday.",
			[]ent{{"ORG", "Houston", []string{"HOUSTON", "Houston"}}},
			"HOUSTON", "US", []string{"ORG Houston"}, 0},
		{"the wire dateline of a later story", strings.Repeat("The Rangers won the series on Sunday. ", 10) + "DALLAS (AP) - Dirk Nowitzki's season is over.",
			[]ent{{"ORG", "DALLAS", []string{"DALLAS"}}, {"PER", "Dirk Nowitzki", []string{"Dirk Nowitzki"}}},
			"DALLAS", "US", []string{"PER Dirk Nowitzki"}, 0},
		{"capitals that are no place", "BREAKING NEWS Storms hit the coast on Monday.",
			[]ent{{"MISC", "BREAKING NEWS Storms", []string{"BREAKING NEWS Storms"}}},
			"", "", []string{"MISC BREAKING NEWS Storms"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := entityDoc(t, tt.text, tt.ents...)
			if err := mustStage(t, "").Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var others []string
			var got *news.Entity
			for i, e := range doc.Entities {
				if e.Type == news.TypeLOC {
					for _, m := range e.Mentions {
						if m.Start == strings.Index(tt.text, tt.dateline) && m.Text == tt.dateline {
							got = &doc.Entities[i]
						}
					}
					if got == &doc.Entities[i] {
						continue
					}
				}
				others = append(others, e.Type+" "+e.Name)
			}
			if strings.Join(others, "|") != strings.Join(tt.others, "|") {
				t.Errorf("entities left %q, want %q", others, tt.others)
			}
			switch {
			case tt.dateline == "":
			case got == nil:
				t.Fatalf("no LOC mention %q; entities %+v", tt.dateline, doc.Entities)
			case got.Place == nil || got.Place.Country != tt.country:
				t.Errorf("%s: place %+v, want in %s", tt.dateline, got.Place, tt.country)
			case tt.n > 0 && len(got.Mentions) != tt.n:
				t.Errorf("%s: mentions %+v, want %d", tt.dateline, got.Mentions, tt.n)
			}
		})
	}
}
