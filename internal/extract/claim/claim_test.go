package claim

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// fixture builds a document by hand: entities with their surface forms
// (every occurrence), places for LOC entities, and quotes given by their
// text, speaker name and cue, so that the tests exercise the claim rules
// alone.
type fixture struct {
	text   string
	ents   []fent
	quotes []fquote
	events []fevent
}

type fent struct {
	typ     string
	forms   []string
	country string
	feature string
}

type fquote struct{ text, speaker, cue string }

type fevent struct{ typ, trigger, actor, target string }

func (f fixture) doc(t *testing.T) *news.Doc {
	t.Helper()
	doc := &news.Doc{Text: f.text}
	doc.Sentences, doc.Tokens = segment.Segment(f.text)
	ids := map[string]string{}
	for i, e := range f.ents {
		ent := news.Entity{ID: "E" + string(rune('1'+i)), Type: e.typ, Name: e.forms[0]}
		ids[e.forms[0]] = ent.ID
		for _, form := range e.forms {
			for from := 0; ; {
				k := strings.Index(f.text[from:], form)
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(form)
				kind := news.MentionName
				if form == "it" || form == "It" || form == "he" || form == "He" || form == "she" || form == "She" {
					kind = news.MentionPronoun
				}
				ent.Mentions = append(ent.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(form)}, Text: form, Kind: kind})
			}
		}
		if e.country != "" {
			// as the geo stage places them: one GeoNames id per country
			ent.Place = &news.Place{Country: e.country, Feature: e.feature}
			if e.feature == "country" {
				ent.Place.GeonamesID = int64(e.country[0])<<8 | int64(e.country[1])
			}
		}
		doc.Entities = append(doc.Entities, ent)
	}
	for i, q := range f.quotes {
		at := strings.Index(f.text, q.text)
		if at < 0 {
			t.Fatalf("quote %q not in text", q.text)
		}
		doc.Quotes = append(doc.Quotes, news.Quote{ID: "Q" + string(rune('1'+i)), Kind: "indirect", Span: news.Span{Start: at, End: at + len(q.text)},
			Text: q.text, Speaker: ids[q.speaker], Cue: q.cue})
	}
	for i, ev := range f.events {
		at := strings.Index(f.text, ev.trigger)
		si := 0
		for k, s := range doc.Sentences {
			if s.Start <= at && at < s.End {
				si = k
			}
		}
		doc.Events = append(doc.Events, news.Event{ID: "V" + string(rune('1'+i)), Type: ev.typ, Actor: ids[ev.actor], Target: ids[ev.target],
			Sentence: si, Trigger: news.Mention{Span: news.Span{Start: at, End: at + len(ev.trigger)}, Text: ev.trigger}})
	}
	return doc
}

func run(t *testing.T, doc *news.Doc) {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}

// claimText renders a claim as "speaker polarity predicate subject object".
func claimText(c news.Claim) string {
	return strings.TrimSpace(strings.Join([]string{c.SpeakerName, string(c.Polarity), c.Predicate, c.SubjectName, c.ObjectName}, " "))
}

func TestClaims(t *testing.T) {
	cases := []struct {
		name string
		f    fixture
		want []string
	}{
		{"indirect speech affirms a threat to a place", fixture{
			text:   "The Foreign Office said IS poses a threat to Pakistan.",
			ents:   []fent{{"ORG", []string{"Foreign Office"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"IS poses a threat to Pakistan", "Foreign Office", "said"}},
		}, []string{"Foreign Office affirm threat IS Pakistan"}},
		{"negation denies, one claim per place", fixture{
			text:   "Nisar said IS has no presence in Afghanistan and Pakistan.",
			ents:   []fent{{"PER", []string{"Nisar"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Afghanistan"}, "AF", "country"}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"IS has no presence in Afghanistan and Pakistan", "Nisar", "said"}},
		}, []string{"Nisar deny presence IS Afghanistan", "Nisar deny presence IS Pakistan"}},
		{"synonyms normalise: foothold is presence", fixture{
			text:   "Durrani said the group had not gained a foothold in Balochistan.",
			ents:   []fent{{"PER", []string{"Durrani"}, "", ""}, {"ORG", []string{"the group"}, "", ""}, {"LOC", []string{"Balochistan"}, "PK", "admin1"}},
			quotes: []fquote{{"the group had not gained a foothold in Balochistan", "Durrani", "said"}},
		}, []string{"Durrani deny presence the group Balochistan"}},
		{"denial cue denies", fixture{
			text:   "Nisar denied that IS operates in Pakistan.",
			ents:   []fent{{"PER", []string{"Nisar"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"IS operates in Pakistan", "Nisar", "denied"}},
		}, []string{"Nisar deny presence IS Pakistan"}},
		{"denial cue and negation cancel", fixture{
			text:   "Nisar denied that IS has no presence in Pakistan.",
			ents:   []fent{{"PER", []string{"Nisar"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"IS has no presence in Pakistan", "Nisar", "denied"}},
		}, []string{"Nisar affirm presence IS Pakistan"}},
		{"pronoun subject continues the speaker's previous claim", fixture{
			text:   "Nisar said ISIS only exists in Syria. Nisar said it has no presence in Pakistan.",
			ents:   []fent{{"PER", []string{"Nisar"}, "", ""}, {"ORG", []string{"ISIS"}, "", ""}, {"LOC", []string{"Syria"}, "SY", "country"}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"ISIS only exists in Syria", "Nisar", "said"}, {"it has no presence in Pakistan", "Nisar", "said"}},
		}, []string{"Nisar affirm presence ISIS Syria", "Nisar deny presence ISIS Pakistan"}},
		{"the country refers back to the nearest country", fixture{
			text:   "Pakistan was on alert. The Foreign Office said IS poses a threat to the country.",
			ents:   []fent{{"LOC", []string{"Pakistan"}, "PK", "country"}, {"ORG", []string{"Foreign Office"}, "", ""}, {"ORG", []string{"IS"}, "", ""}},
			quotes: []fquote{{"IS poses a threat to the country", "Foreign Office", "said"}},
		}, []string{"Foreign Office affirm threat IS Pakistan"}},
		{"DENY event with its denied clause", fixture{
			text:   "Home Secretary Durrani denied claims of the presence of IS militants in Balochistan.",
			ents:   []fent{{"PER", []string{"Durrani"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Balochistan"}, "PK", "admin1"}},
			events: []fevent{{"DENY", "denied", "Durrani", "IS"}},
		}, []string{"Durrani deny presence IS Balochistan"}},
		{"an event clause stops before another speaker's report", fixture{
			text:   "Days after Nisar denied the presence of IS in Syria, the Foreign Office said IS poses a threat to Pakistan.",
			ents:   []fent{{"PER", []string{"Nisar"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Syria"}, "SY", "country"}, {"ORG", []string{"Foreign Office"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			events: []fevent{{"DENY", "denied", "Nisar", "IS"}},
		}, []string{"Nisar deny presence IS Syria"}},
		{"no speaker, no claim", fixture{
			text:   "Sources said IS has no presence in Pakistan.",
			ents:   []fent{{"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}},
			quotes: []fquote{{"IS has no presence in Pakistan", "", "said"}},
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.f.doc(t)
			run(t, doc)
			var got []string
			for _, c := range doc.Claims {
				got = append(got, claimText(c))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("claims\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestContradictions(t *testing.T) {
	f := fixture{
		text: "The Foreign Office said IS poses a threat to Pakistan. Nisar said IS has no presence in Pakistan. " +
			"Durrani said IS has no presence in Balochistan. Nisar also said IS poses no threat to Syria. Aziz said IS is a threat to Pakistan.",
		ents: []fent{{"ORG", []string{"Foreign Office"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"},
			{"PER", []string{"Nisar"}, "", ""}, {"PER", []string{"Durrani"}, "", ""}, {"LOC", []string{"Balochistan"}, "PK", "admin1"},
			{"LOC", []string{"Syria"}, "SY", "country"}, {"PER", []string{"Aziz"}, "", ""}},
		quotes: []fquote{
			{"IS poses a threat to Pakistan", "Foreign Office", "said"},
			{"IS has no presence in Pakistan", "Nisar", "said"},
			{"IS has no presence in Balochistan", "Durrani", "said"},
			{"IS poses no threat to Syria", "Nisar", "said"},
			{"IS is a threat to Pakistan", "Aziz", "said"},
		},
	}
	doc := f.doc(t)
	run(t, doc)
	byID := map[string]news.Claim{}
	for _, c := range doc.Claims {
		byID[c.ID] = c
	}
	var got []string
	for _, k := range doc.Contradictions {
		if len(k.Claims) != 2 || k.Why == "" {
			t.Fatalf("malformed contradiction %+v", k)
		}
		got = append(got, byID[k.Claims[0]].SpeakerName+" vs "+byID[k.Claims[1]].SpeakerName)
	}
	want := []string{"Foreign Office vs Nisar", "Foreign Office vs Durrani", "Nisar vs Aziz", "Durrani vs Aziz"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("contradictions %q, want %q (Syria is another place; a speaker never contradicts the FO by agreeing)", got, want)
	}
}

func TestPolarityWordsFirstPersonAndModality(t *testing.T) {
	f := fixture{
		text: "Mook said Trump lashed out at the generals. Flynn said Trump has enormous respect for the military. " +
			"Clinton said Trump supported the invasion. Trump said I was against the war in Iraq. " +
			"Cruz said Trump won the primary. Bush said Trump can't win.",
		ents: []fent{{"PER", []string{"Mook"}, "", ""}, {"PER", []string{"Trump"}, "", ""}, {"PER", []string{"Flynn"}, "", ""},
			{"PER", []string{"Clinton"}, "", ""}, {"LOC", []string{"Iraq"}, "IQ", "country"}, {"PER", []string{"Cruz"}, "", ""}, {"PER", []string{"Bush"}, "", ""}},
		quotes: []fquote{
			{"Trump lashed out at the generals", "Mook", "said"},
			{"Trump has enormous respect for the military", "Flynn", "said"},
			{"Trump supported the invasion", "Clinton", "said"},
			{"I was against the war in Iraq", "Trump", "said"},
			{"Trump won the primary", "Cruz", "said"},
			{"Trump can't win", "Bush", "said"},
		},
	}
	doc := f.doc(t)
	run(t, doc)
	var claims []string
	for _, c := range doc.Claims {
		claims = append(claims, claimText(c))
	}
	wantClaims := []string{"Mook deny respect Trump", "Flynn affirm respect Trump", "Clinton affirm support Trump",
		"Trump deny support Trump Iraq", "Cruz affirm victory Trump", "Bush deny victory Trump"}
	if strings.Join(claims, "; ") != strings.Join(wantClaims, "; ") {
		t.Errorf("claims %q\nwant %q", claims, wantClaims)
	}
	byID := map[string]news.Claim{}
	for _, c := range doc.Claims {
		byID[c.ID] = c
	}
	var got []string
	for _, k := range doc.Contradictions {
		got = append(got, byID[k.Claims[0]].SpeakerName+" vs "+byID[k.Claims[1]].SpeakerName)
	}
	want := []string{"Mook vs Flynn", "Clinton vs Trump"} // "won" and "can't win" speak of different times
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("contradictions %q, want %q", got, want)
	}
}

func TestContradictsAcrossDocuments(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := news.Claim{Speaker: "E1", SpeakerName: "Foreign Office", Polarity: "affirm", Subject: "E2", SubjectName: "Islamic State",
		Predicate: "threat", Object: "E3", ObjectName: "Pakistan", ObjectCountry: "PK", ObjectFeature: "country"}
	b := news.Claim{Speaker: "E7", SpeakerName: "Chaudhry Nisar", Polarity: "deny", Subject: "E1", SubjectName: "islamic state",
		Predicate: "presence", Object: "E4", ObjectName: "Balochistan", ObjectCountry: "PK", ObjectFeature: "admin1"}
	if why, ok := s.Contradicts(a, b, true); !ok || !strings.Contains(why, "Chaudhry Nisar denies presence") {
		t.Errorf("across documents: ok %v why %q, want a contradiction", ok, why)
	}
	if _, ok := s.Contradicts(a, b, false); ok {
		t.Errorf("within one document the subject ids differ: want no contradiction")
	}
	b.SpeakerName = "FOREIGN OFFICE"
	if _, ok := s.Contradicts(a, b, true); ok {
		t.Errorf("the same speaker does not contradict itself")
	}
	// Opinions change with the day: they compare within an article only.
	x := news.Claim{SpeakerName: "Cruz", Polarity: "affirm", SubjectName: "Trump", Predicate: "victory", ObjectName: "Ohio", ObjectCountry: "US"}
	y := news.Claim{SpeakerName: "Bush", Polarity: "deny", SubjectName: "Trump", Predicate: "victory", ObjectName: "Ohio", ObjectCountry: "US"}
	if _, ok := s.Contradicts(x, y, true); ok {
		t.Errorf("an opinion class compared across articles")
	}
	// A claim of fact without a place does not compare across articles.
	b.SpeakerName, b.ObjectName = "Chaudhry Nisar", ""
	if _, ok := s.Contradicts(a, b, true); ok {
		t.Errorf("a claim without a place compared across articles")
	}
}

// TestContradictsAcrossDocumentsByTheOneNameKey: across articles names
// compare by names.Key, as the store matches them: accents, apostrophes
// and punctuation aside.
func TestContradictsAcrossDocumentsByTheOneNameKey(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := news.Claim{SpeakerName: "Interior Ministry", Polarity: "affirm", SubjectName: "Boko Haram", Predicate: "presence",
		ObjectName: "Côte d'Ivoire"}
	b := news.Claim{SpeakerName: "Alassane Ouattara", Polarity: "deny", SubjectName: "Boko-Haram", Predicate: "presence",
		ObjectName: "Cote d’Ivoire"}
	if _, ok := s.Contradicts(a, b, true); !ok {
		t.Errorf("%q on %q in %q and %q on %q in %q: want a contradiction", a.SpeakerName, a.SubjectName, a.ObjectName,
			b.SpeakerName, b.SubjectName, b.ObjectName)
	}
}

func BenchmarkClaims(b *testing.B) {
	f := fixture{
		text:   strings.Repeat("The Foreign Office said IS poses a threat to Pakistan. Nisar said IS has no presence in Pakistan. ", 30),
		ents:   []fent{{"ORG", []string{"Foreign Office"}, "", ""}, {"ORG", []string{"IS"}, "", ""}, {"LOC", []string{"Pakistan"}, "PK", "country"}, {"PER", []string{"Nisar"}, "", ""}},
		quotes: []fquote{{"IS poses a threat to Pakistan", "Foreign Office", "said"}, {"IS has no presence in Pakistan", "Nisar", "said"}},
	}
	doc := f.doc(&testing.T{})
	s, _ := New()
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// checkClaims runs the stage on fixture f, tagged with tags (space-separated
// POS tags, one a token; "" keeps the fixture's own), and checks its claims,
// as claimText writes them, against want.
func checkClaims(t *testing.T, f fixture, tags string, want []string) {
	t.Helper()
	doc := f.doc(t)
	if tags != "" {
		doc.POS = strings.Fields(tags)
		if len(doc.POS) != len(doc.Tokens) {
			t.Fatalf("%d tags for %d tokens", len(doc.POS), len(doc.Tokens))
		}
	}
	run(t, doc)
	var got []string
	for _, c := range doc.Claims {
		got = append(got, claimText(c))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
