package claim

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestClaimPrecision: no claim is made where the speaker does not assert
// the proposition (a condition, a counterfactual, a question, a demand, a
// hope, a clause of time), where the speaker is a city, an employer or
// named inside the words, where the subject stands only as a pronoun that
// may be someone else, or where the class word is no predicate (an
// adjective of a compound noun, a passive, a preposition); "not only" is no
// negation. Sentences are the project's own.
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
		{"a cue that reports no words gives no claim", fixture{
			text:   "Ortiz agreed that Kessler supports the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler supports the plan", "Ortiz", "agreed"}},
		}, "", nil},
		{"a hope is not asserted", fixture{
			text:   "Ortiz said he hopes Kessler supports the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"he hopes Kessler supports the plan", "Ortiz", "said"}},
		}, "", nil},
		{"the main clause of a condition is not asserted", fixture{
			text:   "Ortiz said Kessler will support the plan if the council pays.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler will support the plan if the council pays", "Ortiz", "said"}},
		}, "", nil},
		{"a clause of time is not asserted", fixture{
			text:   "Ortiz said that when Kessler supports a plan, the council listens.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"when Kessler supports a plan, the council listens", "Ortiz", "said"}},
		}, "", nil},
		{"a speaker named inside their own words is someone else's quote", fixture{
			text:   `"Many feel Ortiz will support Kessler," she said.`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Many feel Ortiz will support Kessler", "Ortiz", "said"}},
		}, "", nil},
		{"an organisation named as the speaker's employer does not speak", fixture{
			text:   "An analyst at Dunmore Bank said Kessler supports the plan.",
			ents:   []fent{{"ORG", []string{"Dunmore Bank"}, "", ""}, kessler},
			quotes: []fquote{{"Kessler supports the plan", "Dunmore Bank", "said"}},
		}, "", nil},
		{"a passive class verb gives no claim", fixture{
			text:   "Ortiz said Kessler was attacked by the press.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler was attacked by the press", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD VBN IN DT NN .", nil},
		{"a preposition of the support class states a position only after be: the verb is the predicate", fixture{
			text:   "Ortiz said Kessler joined the fight against the dam.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler joined the fight against the dam", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD DT NN IN DT NN .", []string{"Ortiz affirm join Kessler"}},
		{"a demand anywhere before the predicate is not asserted", fixture{
			text:   "Ortiz said the council must review its rules and support Kessler.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"the council must review its rules and support Kessler", "Ortiz", "said"}},
		}, "", nil},
		{"the content of a claim noun is not the speaker's assertion", fixture{
			text:   "Ortiz said the rumour that Kessler opposed the plan spread fast.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"the rumour that Kessler opposed the plan spread fast", "Ortiz", "said"}},
		}, "", nil},
		{"a counterfactual with would have is not asserted", fixture{
			text:   "Ortiz said Kessler would have supported the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler would have supported the plan", "Ortiz", "said"}},
		}, "", nil},
		{"an indirect quote that opens with a circumstance reports no words", fixture{
			text:   "Ortiz spoke aboard the ferry as Kessler supported the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"aboard the ferry as Kessler supported the plan", "Ortiz", "spoke"}},
		}, "", nil},
		{"a speaker named only as a possessor does not speak", fixture{
			text:   "Ortiz's brother said Kessler supports the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler supports the plan", "Ortiz", "said"}},
		}, "", nil},
		{"a threat one faces is not one's threat", fixture{
			text:   `Ortiz said: "We face a serious threat from the floods."`,
			ents:   []fent{ortiz},
			quotes: []fquote{{"We face a serious threat from the floods.", "Ortiz", "said"}},
		}, "", nil},
		{"an adjective class word used as a verb is the verb, not its class", fixture{
			text:   `Ortiz said: "We correct the errors."`,
			ents:   []fent{ortiz},
			quotes: []fquote{{"We correct the errors.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBP DT NNS . ''", []string{"Ortiz affirm correct Ortiz"}},
		{"a condition opening the sentence before the quote is not asserted", fixture{
			text:   "If the vote fails, Ortiz said, Kessler will support the plan.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler will support the plan", "Ortiz", "said"}},
		}, "", nil},
		{"a denial refused is no claim", fixture{
			text:   "Kessler refuses to deny the presence of the militia in Dunmore.",
			ents:   []fent{kessler, {"ORG", []string{"militia"}, "", ""}, {"LOC", []string{"Dunmore"}, "US", "country"}},
			events: []fevent{{"DENY", "deny", "Kessler", "militia"}},
		}, "", nil},
		{"a court case is no speaker", fixture{
			text:   "Kessler supports the plan, Doe v. Dunmore held.",
			ents:   []fent{{"ORG", []string{"Doe v. Dunmore"}, "", ""}, kessler},
			quotes: []fquote{{"Kessler supports the plan", "Doe v. Dunmore", "held"}},
		}, "", nil},
		{"a name inside a prepositional phrase is not the verb's subject", fixture{
			text:   "Ortiz said the spending at Globex did not help.",
			ents:   []fent{ortiz, {"ORG", []string{"Globex"}, "", ""}},
			quotes: []fquote{{"the spending at Globex did not help", "Ortiz", "said"}},
		}, "", nil},
		{"a pronoun before a speaker named only after the words is someone else", fixture{
			text:   "Kessler left early. He had lost the vote, Ortiz explained.",
			ents:   []fent{{"PER", []string{"Ortiz", "He"}, "", ""}, kessler},
			quotes: []fquote{{"He had lost the vote", "Ortiz", "explained"}},
		}, "", nil},
		{"a pronoun after the named speaker's cue is the speaker", fixture{
			text:   "Ortiz said he had lost the vote.",
			ents:   []fent{{"PER", []string{"Ortiz", "he"}, "", ""}},
			quotes: []fquote{{"he had lost the vote", "Ortiz", "said"}},
		}, "", []string{"Ortiz affirm loss Ortiz"}},
		{"a subordinate clause opening the words is not the claim", fixture{
			text:   "Ortiz said as Kessler supports the plan, the budget grows.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"as Kessler supports the plan, the budget grows", "Ortiz", "said"}},
		}, "", nil},
		{"a negated belief leaves the polarity unclear", fixture{
			text:   `Ortiz said: "I don't think Kessler supports the plan."`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"I don't think Kessler supports the plan.", "Ortiz", "said"}},
		}, "", nil},
		{"not only is no negation", fixture{
			text:   "Ortiz said Kessler not only opposed the plan but mocked it.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler not only opposed the plan but mocked it", "Ortiz", "said"}},
		}, "", []string{"Ortiz deny support Kessler"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkClaims(t, tc.f, tc.tags, tc.want)
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
		{"a name in another person's apposition is not the denier",
			fixture{text: "Acme Corp accused Globex of dumping waste in the river. Maria Lund, mother of Globex driver Tom Lund, denied the accusation.",
				ents:   []fent{acme, globex, {"PER", []string{"Maria Lund"}, "", ""}},
				events: []fevent{{"ACCUSE", "accused", "Acme Corp", "Globex"}, {"DENY", "denied", "Globex", ""}}},
			nil},
		{"a rejection of doing something about a claim is no denial of it",
			fixture{text: "Acme Corp said Globex dumped waste. Globex refused to retract earlier statements about Acme Corp.",
				ents:   []fent{acme, globex},
				quotes: []fquote{{"Globex dumped waste", "Acme Corp", "said"}},
				events: []fevent{{"REJECT", "refused", "Globex", ""}}},
			nil},
		{"an opinion of a fact is no denial",
			fixture{text: "Acme Corp said Globex dumped waste in the river. Globex said it is absurd that the river was never cleaned.",
				ents:   []fent{acme, globex},
				quotes: []fquote{{"Globex dumped waste in the river", "Acme Corp", "said"}, {"it is absurd that the river was never cleaned", "Globex", "said"}}},
			nil},
		{"a country names a party, a state does not",
			fixture{text: "Kessler said Globex dumped waste in Ohio. Globex denied the report by Ohio.",
				ents:   []fent{{"PER", []string{"Kessler"}, "", ""}, globex, {"LOC", []string{"Ohio"}, "US", "admin1"}},
				quotes: []fquote{{"Globex dumped waste in Ohio", "Kessler", "said"}},
				events: []fevent{{"DENY", "denied", "Globex", ""}}},
			nil},
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
