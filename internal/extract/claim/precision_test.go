package claim

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestClaimPrecision: no claim is made where the speaker does not assert
// the proposition (a condition, a counterfactual, a question, a demand),
// where the speaker is a city, where the subject stands only as a pronoun
// that may be someone else, or where the class word is no predicate (an
// adjective of a compound noun); "not only" is no negation. Sentences are
// the project's own.
func TestClaimPrecision(t *testing.T) {
	kessler := fent{"PER", []string{"Kessler", "he"}, "", ""}
	ortiz := fent{"PER", []string{"Ortiz"}, "", ""}
	cases := []struct {
		name string
		f    fixture
		tags string // part-of-speech tags, one per token, when the case needs them
		want []string
	}{
		{"a condition is not asserted", fixture{
			text:   "Ortiz said the union will strike if Kessler wins the vote.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"the union will strike if Kessler wins the vote", "Ortiz", "said"}},
		}, "", nil},
		{"a counterfactual is not asserted", fixture{
			text:   "Ortiz said it would have helped had Kessler supported the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"it would have helped had Kessler supported the plan", "Ortiz", "said"}},
		}, "", nil},
		{"a question is not asserted", fixture{
			text:   `Ortiz asked: "Does Kessler support the plan?"`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Does Kessler support the plan?", "Ortiz", "asked"}},
		}, "", nil},
		{"a demand is not asserted", fixture{
			text:   "Ortiz said Kessler should support the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler should support the plan", "Ortiz", "said"}},
		}, "", nil},
		{"a city is no speaker", fixture{
			text:   "Kessler supports the plan, Dunmore heard.",
			ents:   []fent{{"LOC", []string{"Dunmore"}, "US", "city"}, kessler},
			quotes: []fquote{{"Kessler supports the plan", "Dunmore", "heard"}},
		}, "", nil},
		{"a pronoun subject that is not the speaker gives no claim", fixture{
			text:   "Kessler spoke first. Ortiz said he supports the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"he supports the plan", "Ortiz", "said"}},
		}, "", nil},
		{"an adjective of a compound noun is no predicate", fixture{
			text:   "Ortiz said Kessler bought real estate in Dunmore.",
			ents:   []fent{ortiz, kessler, {"LOC", []string{"Dunmore"}, "US", "city"}},
			quotes: []fquote{{"Kessler bought real estate in Dunmore", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD JJ NN IN NNP .", nil},
		{"a class noun no verb of being or having governs is no predicate", fixture{
			text:   "Ortiz said Kessler announced new support for farmers.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler announced new support for farmers", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD JJ NN IN NNS .", nil},
		{"a class noun under a verb of having is a predicate", fixture{
			text:   "Ortiz said Kessler has no support in Dunmore.",
			ents:   []fent{ortiz, kessler, {"LOC", []string{"Dunmore"}, "US", "city"}},
			quotes: []fquote{{"Kessler has no support in Dunmore", "Ortiz", "said"}},
		}, "NNP VBD NNP VBZ DT NN IN NNP .", []string{"Ortiz deny support Kessler Dunmore"}},
		{"not only is no negation", fixture{
			text:   "Ortiz said Kessler not only opposed the plan but mocked it.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler not only opposed the plan but mocked it", "Ortiz", "said"}},
		}, "", []string{"Ortiz deny support Kessler"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.f.doc(t)
			if tc.tags != "" {
				doc.POS = strings.Fields(tc.tags)
				if len(doc.POS) != len(doc.Tokens) {
					t.Fatalf("%d tags for %d tokens", len(doc.POS), len(doc.Tokens))
				}
			}
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

// TestDenialLinks: a denial is linked to a statement only where it shows
// which one it answers; shared words alone, a denial sought or declined,
// and a name inside the denied claim link nothing. Sentences are the
// project's own.
func TestDenialLinks(t *testing.T) {
	globex, acme := fent{"ORG", []string{"Globex"}, "", ""}, fent{"ORG", []string{"Acme Corp"}, "", ""}
	tests := []struct {
		name string
		f    fixture
		want []string
	}{
		{"shared words alone link nothing",
			fixture{text: "Senator Brown said the harbour bridge will cost more money next year. " +
				"The mayor's office dismissed talk of a new harbour bridge tax next year.",
				ents:   []fent{{"PER", []string{"Brown"}, "", ""}, {"ORG", []string{"mayor's office"}, "", ""}},
				quotes: []fquote{{"the harbour bridge will cost more money next year", "Brown", "said"}},
				events: []fevent{{"DENY", "dismissed", "mayor's office", ""}}},
			nil},
		{"a denial refused is none",
			fixture{text: "Acme Corp accused Globex of dumping waste in the river. Globex refused to deny it.",
				ents:   []fent{acme, globex},
				events: []fevent{{"ACCUSE", "accused", "Acme Corp", "Globex"}, {"DENY", "deny", "Globex", ""}}},
			nil},
		{"a name inside the denied claim is not its owner",
			fixture{text: "Globex dismissed allegations that a batch of Acme Corp fuel was faulty.",
				ents:   []fent{globex, acme},
				events: []fevent{{"DENY", "dismissed", "Globex", ""}}},
			nil},
		{"a denial that names the accused's own part answers the statement naming it",
			fixture{text: "The police said Globex trucks dumped waste in the river at night. Globex denied any involvement in dumping waste.",
				ents:   []fent{{"ORG", []string{"police"}, "", ""}, globex},
				quotes: []fquote{{"Globex trucks dumped waste in the river at night", "police", "said"}},
				events: []fevent{{"DENY", "denied", "Globex", ""}}},
			[]string{"denial: police vs Globex"}},
		{"a denial of casualties answers a count of them",
			fixture{text: "General Moss said 35 rebels were killed in the strike. The rebel commander Vane denied that anyone was killed.",
				ents:   []fent{{"PER", []string{"Moss"}, "", ""}, {"PER", []string{"Vane"}, "", ""}},
				quotes: []fquote{{"35 rebels were killed in the strike", "Moss", "said"}},
				events: []fevent{{"DENY", "denied", "Vane", ""}}},
			[]string{"denial: Moss vs Vane"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.f.doc(t)
			run(t, doc)
			byID := map[string]news.Claim{}
			for _, c := range doc.Claims {
				byID[c.ID] = c
			}
			var got []string
			for _, k := range doc.Contradictions {
				if k.Kind == KindDenial {
					got = append(got, k.Kind+": "+byID[k.Claims[0]].SpeakerName+" vs "+byID[k.Claims[1]].SpeakerName)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
