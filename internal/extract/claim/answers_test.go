package claim

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestDenialsAndFigures: a denial is linked to the statement it answers,
// by the owner of the claim noun it names, by the accusation against the
// denier, or by the words it shares with an earlier statement; two parties
// giving different counts of one outcome contradict.
func TestDenialsAndFigures(t *testing.T) {
	tests := []struct {
		name string
		f    fixture
		want []string // "kind: speaker vs speaker"
	}{
		{"the owner of the denied report, by possessive",
			fixture{text: "The ministry of Freedonia rejected Sylvania's claim that its troops crossed the river.",
				ents:   []fent{{"ORG", []string{"ministry of Freedonia"}, "", ""}, {"LOC", []string{"Sylvania"}, "SV", "country"}},
				events: []fevent{{"DENY", "rejected", "ministry of Freedonia", ""}}},
			[]string{"denial: Sylvania vs ministry of Freedonia"}},
		{"the owner of the allegations, by a demonym standing for its country",
			fixture{text: "Armenia closed the road. Azerbaijan has rejected the baseless Armenian allegations of shelling.",
				ents: []fent{{"LOC", []string{"Armenia"}, "AM", "country"}, {"LOC", []string{"Azerbaijan"}, "AZ", "country"},
					{"LOC", []string{"Armenian"}, "AM", "country"}},
				events: []fevent{{"DENY", "rejected", "Azerbaijan", ""}}},
			[]string{"denial: Armenia vs Azerbaijan"}},
		{"the owner after by",
			fixture{text: "The army denied the allegations made by Rights Watch about the raid.",
				ents:   []fent{{"ORG", []string{"army"}, "", ""}, {"ORG", []string{"Rights Watch"}, "", ""}},
				events: []fevent{{"DENY", "denied", "army", ""}}},
			[]string{"denial: Rights Watch vs army"}},
		{"an accusation against the denier",
			fixture{text: "Acme Corp accused Globex of dumping waste in the river. Globex denied any wrongdoing.",
				ents:   []fent{{"ORG", []string{"Acme Corp"}, "", ""}, {"ORG", []string{"Globex"}, "", ""}},
				events: []fevent{{"ACCUSE", "accused", "Acme Corp", "Globex"}, {"DENY", "denied", "Globex", ""}}},
			[]string{"denial: Acme Corp vs Globex"}},
		{"a quote that calls an earlier statement false, by shared words",
			fixture{text: "Senator Brown said the governor ordered the dam opened before the flood. " +
				"The governor's office said the report that the governor ordered the dam opened was completely false.",
				ents: []fent{{"PER", []string{"Brown"}, "", ""}, {"ORG", []string{"governor's office"}, "", ""}},
				quotes: []fquote{{"the governor ordered the dam opened before the flood", "Brown", "said"},
					{"the report that the governor ordered the dam opened was completely false", "governor's office", "said"}}},
			[]string{"denial: Brown vs governor's office"}},
		{"no shared words, no accusation, no owner: nothing is linked",
			fixture{text: "Senator Brown said taxes will rise next year. The governor's office said the weather report was false.",
				ents: []fent{{"PER", []string{"Brown"}, "", ""}, {"ORG", []string{"governor's office"}, "", ""}},
				quotes: []fquote{{"taxes will rise next year", "Brown", "said"},
					{"the weather report was false", "governor's office", "said"}}},
			nil},
		{"a falsity word in an opinion is no denial",
			fixture{text: "Senator Brown said the governor ordered the dam opened before the flood. " +
				"The governor's office said the governor ordered the dam opened to avoid a ridiculous flood.",
				ents: []fent{{"PER", []string{"Brown"}, "", ""}, {"ORG", []string{"governor's office"}, "", ""}},
				quotes: []fquote{{"the governor ordered the dam opened before the flood", "Brown", "said"},
					{"the governor ordered the dam opened to avoid a ridiculous flood", "governor's office", "said"}}},
			nil},
		{"a denial declined is no denial",
			fixture{text: "Acme Corp accused Globex of dumping waste in the river. Globex declined to deny it.",
				ents:   []fent{{"ORG", []string{"Acme Corp"}, "", ""}, {"ORG", []string{"Globex"}, "", ""}},
				events: []fevent{{"ACCUSE", "accused", "Acme Corp", "Globex"}, {"DENY", "deny", "Globex", ""}}},
			nil},
		{"a denial of something to someone denies no statement",
			fixture{text: "Acme Corp accused Globex of dumping waste in the river. Globex denied Acme Corp a permit.",
				ents:   []fent{{"ORG", []string{"Acme Corp"}, "", ""}, {"ORG", []string{"Globex"}, "", ""}},
				events: []fevent{{"ACCUSE", "accused", "Acme Corp", "Globex"}, {"DENY", "denied", "Globex", ""}}},
			nil},
		{"conflicting figures of one outcome",
			fixture{text: "The police chief said nine guards were killed in the raid. The rebels said twelve guards were killed.",
				ents: []fent{{"PER", []string{"police chief"}, "", ""}, {"ORG", []string{"rebels"}, "", ""}},
				quotes: []fquote{{"nine guards were killed in the raid", "police chief", "said"},
					{"twelve guards were killed", "rebels", "said"}}},
			[]string{"figures: police chief vs rebels"}},
		{"counts of other people are no contradiction",
			fixture{text: "The police chief said nine guards were killed in the raid. The rebels said twelve fighters were killed.",
				ents: []fent{{"PER", []string{"police chief"}, "", ""}, {"ORG", []string{"rebels"}, "", ""}},
				quotes: []fquote{{"nine guards were killed in the raid", "police chief", "said"},
					{"twelve fighters were killed", "rebels", "said"}}},
			nil},
		{"counts of another scale are another event, not a contradiction",
			fixture{text: "The minister said 140 people died this year. The agency said 143,000 people died worldwide.",
				ents: []fent{{"PER", []string{"minister"}, "", ""}, {"ORG", []string{"agency"}, "", ""}},
				quotes: []fquote{{"140 people died this year", "minister", "said"},
					{"143,000 people died worldwide", "agency", "said"}}},
			nil},
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
				if k.Kind != KindDenial && k.Kind != KindFigures {
					continue
				}
				a, b := byID[k.Claims[0]], byID[k.Claims[1]]
				if k.Why == "" || a.ID == "" || b.ID == "" {
					t.Fatalf("malformed contradiction %+v", k)
				}
				if k.Kind == KindDenial && (b.Answers != a.ID || a.Stance != StanceReport || b.Stance != StanceDeny) {
					t.Errorf("denial %+v does not answer report %+v", b, a)
				}
				got = append(got, k.Kind+": "+a.SpeakerName+" vs "+b.SpeakerName)
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
