package event

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// ent gives the link stage's output by hand: an entity, its type and the
// surface forms of its mentions (every occurrence of each form).
type ent struct {
	typ   string
	forms []string
}

func docWith(t *testing.T, text string, ents ...ent) *news.Doc {
	t.Helper()
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for i, e := range ents {
		entity := news.Entity{ID: "E" + string(rune('1'+i)), Type: e.typ, Name: e.forms[0]}
		for _, f := range e.forms {
			for from := 0; ; {
				k := strings.Index(text[from:], f)
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(f)
				kind := news.MentionName
				if strings.ToLower(f) == f {
					kind = news.MentionNominal
				}
				entity.Mentions = append(entity.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(f)}, Text: f, Kind: kind})
			}
		}
		if len(entity.Mentions) == 0 {
			t.Fatalf("entity %q not in text", e.forms[0])
		}
		doc.Entities = append(doc.Entities, entity)
	}
	return doc
}

func events(t *testing.T, doc *news.Doc) []news.Event {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc.Events
}

func nameOf(doc *news.Doc, id string) string {
	for _, e := range doc.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

func TestEvents(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		ents    []ent
		trigger string
		typ     string
		actor   string
		target  string
		negated bool
		hedged  bool
	}{
		{"active deny with nominal subject", "Days after the interior minister denied the presence of Islamic State in Pakistan, officials met.",
			[]ent{{"PER", []string{"Chaudhry Nisar", "the interior minister"}}, {"ORG", []string{"Islamic State"}}, {"LOC", []string{"Pakistan"}}},
			"denied", "DENY", "Chaudhry Nisar", "Islamic State", false, false},
		{"deny after a title", "Balochistan Home Secretary Akbar Hussain Durrani denied claims of the presence of IS militants.",
			[]ent{{"LOC", []string{"Balochistan"}}, {"PER", []string{"Akbar Hussain Durrani"}}, {"ORG", []string{"IS"}}},
			"denied", "DENY", "Akbar Hussain Durrani", "IS", false, false},
		{"passive arrest without actor", "Sources revealed that al Salafi was actually arrested in December.",
			[]ent{{"PER", []string{"al Salafi"}}},
			"arrested", "ARREST", "", "al Salafi", false, false},
		{"passive arrest with by-actor", "Three men were detained by Rangers in Karachi on Monday.",
			[]ent{{"ORG", []string{"Rangers"}}, {"LOC", []string{"Karachi"}}},
			"detained", "ARREST", "Rangers", "", false, false},
		{"active arrest", "Police arrested Yousaf al Salafi in Lahore.",
			[]ent{{"ORG", []string{"Police"}}, {"PER", []string{"Yousaf al Salafi"}}, {"LOC", []string{"Lahore"}}},
			"arrested", "ARREST", "Police", "Yousaf al Salafi", false, false},
		{"nominalisation with of and by", "The arrest of Yousaf al Salafi by the Rangers was disclosed in January.",
			[]ent{{"PER", []string{"Yousaf al Salafi"}}, {"ORG", []string{"Rangers"}}},
			"arrest", "ARREST", "Rangers", "Yousaf al Salafi", false, false},
		{"confession past a dash aside", "Yousaf al Salafi – allegedly the commander of IS – had confessed during investigations.",
			[]ent{{"PER", []string{"Yousaf al Salafi"}}, {"ORG", []string{"IS"}}},
			"confessed", "CONFESS", "Yousaf al Salafi", "", false, false},
		{"attack", "Taliban militants attacked a checkpoint in Kabul.",
			[]ent{{"ORG", []string{"Taliban"}}, {"LOC", []string{"Kabul"}}},
			"attacked", "ATTACK", "Taliban", "", false, false},
		{"threat noun after a light verb", "The Foreign Office said the militant group poses a threat to Pakistan.",
			[]ent{{"ORG", []string{"Foreign Office"}}, {"ORG", []string{"Islamic State", "the militant group"}}, {"LOC", []string{"Pakistan"}}},
			"threat", "THREATEN", "Islamic State", "Pakistan", false, false},
		{"negated", "The government did not deny the report.",
			[]ent{{"ORG", []string{"The government"}}},
			"deny", "DENY", "The government", "", true, false},
		{"hedged", "Intelligence sources claimed security forces reportedly arrested a man.",
			nil, "arrested", "ARREST", "", "", false, true},
		{"meeting", "Nawaz Sharif met Narendra Modi in Ufa.",
			[]ent{{"PER", []string{"Nawaz Sharif"}}, {"PER", []string{"Narendra Modi"}}, {"LOC", []string{"Ufa"}}},
			"met", "MEET", "Nawaz Sharif", "Narendra Modi", false, false},
		{"intent to meet is agreement", "German Foreign Minister Oskar Fischer will visit Albania in June.",
			[]ent{{"PER", []string{"Oskar Fischer"}}, {"LOC", []string{"Albania"}}},
			"visit", "AGREE", "Oskar Fischer", "Albania", false, false},
		{"intent to coerce is a threat", "The army will impose a curfew in Quetta.",
			[]ent{{"ORG", []string{"army"}}, {"LOC", []string{"Quetta"}}},
			"impose", "THREATEN", "army", "", false, false},
		{"refusal", "The U.S. said it would not meet the hostage-takers' demands.",
			[]ent{{"LOC", []string{"U.S."}}},
			"meet", "REJECT", "U.S.", "", true, false},
		{"demand by must", "The Bush administration declared that China must drop barriers to exports.",
			[]ent{{"ORG", []string{"Bush administration"}}, {"LOC", []string{"China"}}},
			"declared", "DEMAND", "Bush administration", "", false, false},
		{"sanction", "Japan halted economic aid to Serbia.",
			[]ent{{"LOC", []string{"Japan"}}, {"LOC", []string{"Serbia"}}},
			"halted", "SANCTION", "Japan", "Serbia", false, false},
		{"protest", "Thousands of students protested in Islamabad on Friday.",
			[]ent{{"LOC", []string{"Islamabad"}}},
			"protested", "PROTEST", "", "", false, false},
		{"recruitment", "Two accomplices were involved in recruiting fighters for IS.",
			[]ent{{"ORG", []string{"IS"}}},
			"recruiting", "RECRUIT", "", "IS", false, false},
		{"a capitalised name is not a trigger", "Commander Ali of the Attack Helicopter Squadron spoke.",
			[]ent{{"PER", []string{"Ali"}}},
			"", "", "", "", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := docWith(t, tc.text, tc.ents...)
			evs := events(t, doc)
			var got *news.Event
			for i := range evs {
				if evs[i].Trigger.Text == tc.trigger {
					got = &evs[i]
					break
				}
			}
			if tc.trigger == "" {
				if len(evs) > 0 {
					t.Errorf("events %+v, want none from a capitalised name", evs)
				}
				return
			}
			if got == nil {
				t.Fatalf("no event with trigger %q; events %+v", tc.trigger, evs)
			}
			if got.Type != tc.typ {
				t.Errorf("type %s, want %s", got.Type, tc.typ)
			}
			if a := nameOf(doc, got.Actor); a != tc.actor {
				t.Errorf("actor %q, want %q", a, tc.actor)
			}
			if tg := nameOf(doc, got.Target); tg != tc.target {
				t.Errorf("target %q, want %q", tg, tc.target)
			}
			if got.Negated != tc.negated || got.Hedged != tc.hedged {
				t.Errorf("negated %v hedged %v, want %v %v", got.Negated, got.Hedged, tc.negated, tc.hedged)
			}
			if doc.Text[got.Trigger.Start:got.Trigger.End] != got.Trigger.Text {
				t.Errorf("trigger span does not match its text")
			}
		})
	}
}

func TestEventDateAndPlace(t *testing.T) {
	text := "However, sources revealed that al Salafi was actually arrested in Lahore sometimes in December last year."
	doc := docWith(t, text, ent{"PER", []string{"al Salafi"}}, ent{"LOC", []string{"Lahore"}})
	at := strings.Index(text, "December last year")
	doc.Dates = []news.DateRef{{Span: news.Span{Start: at, End: at + len("December last year")}, Text: "December last year", Value: "2014-12", Granularity: "month"}}
	evs := events(t, doc)
	if len(evs) != 1 {
		t.Fatalf("events %+v, want the arrest", evs)
	}
	if evs[0].Date != "2014-12" || nameOf(doc, evs[0].Place) != "Lahore" {
		t.Errorf("date %q place %q, want 2014-12 and Lahore", evs[0].Date, nameOf(doc, evs[0].Place))
	}
}

func TestVerbForms(t *testing.T) {
	cases := map[string][3]string{ // lemma -> third person, past, gerund
		"deny": {"denies", "denied", "denying"}, "ban": {"bans", "banned", "banning"}, "arrest": {"arrests", "arrested", "arresting"},
		"seize": {"seizes", "seized", "seizing"}, "visit": {"visits", "visited", "visiting"}, "clash": {"clashes", "clashed", "clashing"},
		"ally": {"allies", "allied", "allying"}, "stab": {"stabs", "stabbed", "stabbing"},
	}
	for lemma, want := range cases {
		got := [3]string{thirdPerson(lemma), past(lemma), gerund(lemma)}
		if got != want {
			t.Errorf("forms of %s = %v, want %v", lemma, got, want)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	doc, s := runPipeline(b, strings.Repeat("Security forces arrested a man believed to be the commander of the IS group. "+
		"Yousaf al Salafi had confessed during investigations that he has been receiving funds through the United States. ", 20))
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
