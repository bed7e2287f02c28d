package link

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestNotNames: words that are not names are cut from a person's name or
// retype it (sentences written for this test).
func TestNotNames(t *testing.T) {
	cases := []struct {
		name string
		text string
		tags []tagged
		want map[string]string // mention text -> entity type ("" = no entity has it)
	}{
		{
			name: "headline speech verb before the name",
			text: "Former Aide Says Okafor Will Run Again.\nOkafor spoke in Lagos on Monday.",
			tags: []tagged{{"Says Okafor", 0, "PER"}, {"Okafor", 1, "PER"}},
			want: map[string]string{"Okafor": news.TypePER, "Says Okafor": ""},
		},
		{
			name: "party labels before the name",
			text: "Republican Delgado and Democrat Whitfield both toured the plant. Whitfield left early.",
			tags: []tagged{{"Republican Delgado", 0, "PER"}, {"Democrat Whitfield", 0, "PER"}, {"Whitfield", 1, "PER"}},
			want: map[string]string{"Delgado": news.TypePER, "Whitfield": news.TypePER, "Democrat Whitfield": ""},
		},
		{
			name: "Team before the name",
			text: "Team Marlowe said the ads were unfair. Marlowe later apologised.",
			tags: []tagged{{"Team Marlowe", 0, "PER"}, {"Marlowe", 1, "PER"}},
			want: map[string]string{"Marlowe": news.TypePER, "Team Marlowe": ""},
		},
		{
			name: "a religious scholar's title is not part of the name",
			text: "Prayers were led by Maulana Rafiq Ahmad Zaheer in Peshawar. Zaheer urged calm.",
			tags: []tagged{{"Maulana Rafiq Ahmad Zaheer", 0, "PER"}, {"Zaheer", 1, "PER"}},
			want: map[string]string{"Rafiq Ahmad Zaheer": news.TypePER, "Maulana Rafiq Ahmad Zaheer": ""},
		},
		{
			name: "Said is a given name, not a verb",
			text: "Said Hamdani arrived in Rabat.",
			tags: []tagged{{"Said Hamdani", 0, "PER"}},
			want: map[string]string{"Said Hamdani": news.TypePER},
		},
		{
			name: "a person's foundation is an organisation",
			text: "Money went to the Greta Lindqvist Foundation. Greta Lindqvist did not comment.",
			tags: []tagged{{"Greta Lindqvist Foundation", 0, "PER"}, {"Greta Lindqvist", 1, "PER"}},
			want: map[string]string{"Greta Lindqvist Foundation": news.TypeORG, "Greta Lindqvist": news.TypePER},
		},
		{
			name: "a foundation named after several people is an organisation",
			text: "She gave to the Anna & Greta Lindqvist Foundation. Greta Lindqvist thanked her.",
			tags: []tagged{{"Anna & Greta Lindqvist Foundation", 0, "PER"}, {"Greta Lindqvist", 1, "PER"}},
			want: map[string]string{"Anna & Greta Lindqvist Foundation": news.TypeORG, "Greta Lindqvist": news.TypePER},
		},
		{
			name: "car models are products, not places",
			text: "Police found a Toyota RAV4 and a silver Q7 near Leeds.",
			tags: []tagged{{"RAV4", 0, "LOC"}, {"Q7", 0, "PER"}, {"Leeds", 0, "LOC"}},
			want: map[string]string{"RAV4": news.TypeMISC, "Q7": news.TypeMISC, "Leeds": news.TypeLOC},
		},
		{
			name: "a romanised Chinese name is a person's, and so is its surname",
			text: "Lin Shu-fen of the opposition conceded. Opponent Lin congratulated the winner.",
			tags: []tagged{{"Lin Shu-fen", 0, "MISC"}, {"Lin", 1, "LOC"}},
			want: map[string]string{"Lin Shu-fen": news.TypePER, "Lin": news.TypePER},
		},
		{
			name: "an acronym used as a common noun is not an organisation",
			text: "He stepped out of a black SUV with two aides, and a UN official met him. An FBI agent watched.",
			tags: []tagged{{"SUV", 0, "ORG"}, {"UN", 0, "ORG"}, {"FBI", 0, "ORG"}},
			want: map[string]string{"SUV": news.TypeMISC, "UN": news.TypeORG, "FBI": news.TypeORG},
		},
		{
			name: "a refinery NER read as a place or person is an organisation; a hospital stays a place",
			text: "The wounded were taken to Mercy Harbour Hospital. Output at the Okeke Refinery and the Lagos Refinery fell.",
			tags: []tagged{{"Mercy Harbour Hospital", 0, "LOC"}, {"Okeke Refinery", 0, "PER"}, {"Lagos Refinery", 0, "LOC"}},
			want: map[string]string{"Mercy Harbour Hospital": news.TypeLOC, "Okeke Refinery": news.TypeORG, "Lagos Refinery": news.TypeORG},
		},
		{
			name: "a line between countries is a place, a TV series named Line of is not",
			text: "Shelling went on across the Line of Control. Viewers loved Line of Duty.",
			tags: []tagged{{"Line of Control", 0, "MISC"}, {"Line of Duty", 0, "MISC"}},
			want: map[string]string{"Line of Control": news.TypeLOC, "Line of Duty": news.TypeMISC},
		},
		{
			name: "seas, straits and rivers are places, also when NER split them at of",
			text: "Tankers crossed the Strait of Marmara and the Coral Sea. One sank in the Gulf of Tadjoura.",
			tags: []tagged{{"Strait of Marmara", 0, "ORG"}, {"Coral Sea", 0, "MISC"}, {"Gulf", 0, "LOC"}, {"Tadjoura", 0, "LOC"}},
			want: map[string]string{"Strait of Marmara": news.TypeLOC, "Coral Sea": news.TypeLOC, "Gulf of Tadjoura": news.TypeLOC,
				"Gulf": "", "Tadjoura": ""},
		},
		{
			name: "a party's members' plural is the party",
			text: "Socialists walked out of the chamber.",
			tags: []tagged{{"Socialists", 0, "MISC"}},
			want: map[string]string{"Socialists": news.TypeORG},
		},
		{
			name: "a noun before or after a name says it is an organisation, and so are the names listed with it",
			text: "The carmakers Velox, Arden and Quill cut jobs. Rights group Sahaar said so, according to Nahrain news website. " +
				"A spokeswoman for Arden said Quill would follow. Mara Lund, Velox's chief, agreed.",
			tags: []tagged{{"Velox", 0, "ORG"}, {"Arden", 0, "PER"}, {"Quill", 0, "PER"}, {"Sahaar", 0, "PER"}, {"Nahrain", 0, "LOC"},
				{"Arden", 1, "PER"}, {"Quill", 1, "PER"}, {"Mara Lund", 0, "PER"}},
			want: map[string]string{"Velox": news.TypeORG, "Arden": news.TypeORG, "Quill": news.TypeORG, "Sahaar": news.TypeORG,
				"Nahrain": news.TypeORG, "Mara Lund": news.TypePER},
		},
		{
			name: "an institution's head before of makes an organisation",
			text: "Protesters gathered outside the Embassy of the Republic of Korea in Lima.",
			tags: []tagged{{"Embassy of the Republic of Korea", 0, "MISC"}, {"Lima", 0, "LOC"}},
			want: map[string]string{"Embassy of the Republic of Korea": news.TypeORG, "Lima": news.TypeLOC},
		},
		{
			name: "a group known as or called a name is an organisation",
			text: "Police say a gang known as “Kestrel” ran the ring, helped by a network called Osprey.",
			tags: []tagged{{"Kestrel", 0, "PER"}, {"Osprey", 0, "PER"}},
			want: map[string]string{"Kestrel": news.TypeORG, "Osprey": news.TypeORG},
		},
		{
			name: "a role noun before a name makes a person, not a place or group",
			text: "The blast hit the gate, local police officer Tarkan said. The news was confirmed by lawyer Dessau Marin. Members of activist Chicago Teachers Union marched.",
			tags: []tagged{{"Tarkan", 0, "LOC"}, {"Dessau Marin", 0, "ORG"}, {"Chicago Teachers Union", 0, "ORG"}},
			want: map[string]string{"Tarkan": news.TypePER, "Dessau Marin": news.TypePER, "Chicago Teachers Union": news.TypeORG},
		},
		{
			name: "an adjective before a demonym is no cue",
			text: "Get daily Slovak news by email. Trade with Slovakia grew.",
			tags: []tagged{{"Slovak", 0, "LOC"}, {"Slovakia", 0, "LOC"}},
			want: map[string]string{"Slovak": news.TypeLOC},
		},
		{
			name: "a spokesman for a person leaves the person a person",
			text: "Senator Dana Whitlock flew home. A spokesman for Whitlock declined to comment.",
			tags: []tagged{{"Dana Whitlock", 0, "PER"}, {"Whitlock", 1, "PER"}},
			want: map[string]string{"Whitlock": news.TypePER},
		},
		{
			name: "ordinal street names stay places",
			text: "Crowds filled 42nd Street on Sunday.",
			tags: []tagged{{"42nd Street", 0, "LOC"}},
			want: map[string]string{"42nd Street": news.TypeLOC},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := link(t, docWith(t, tc.text, tc.tags...))
			for text, typ := range tc.want {
				e := entityOf(es, text, news.MentionName, news.MentionAlias)
				switch {
				case typ == "" && e != nil:
					t.Errorf("%q is an entity name (%s %q); entities %v", text, e.Type, e.Name, summary(es))
				case typ != "" && (e == nil || e.Type != typ):
					t.Errorf("want %s with %q; entities %v", typ, text, summary(es))
				}
			}
			if p, o := entityOf(es, "Greta Lindqvist"), entityOf(es, "Greta Lindqvist Foundation"); p != nil && p == o {
				t.Errorf("the person and her foundation are one entity: %v", summary(es))
			}
		})
	}
}

// TestSalientSurname: a bare surname goes to the bearer the article is
// about, not to a relative named once just before it; and a real name
// given in a relative clause is the same person.
func TestSalientSurname(t *testing.T) {
	text := "Senator Maria Okonkwo opened her campaign in Ohio. Maria Okonkwo promised lower taxes. " +
		"Her son, Daniel Okonkwo, introduced her. Okonkwo said the race would be close."
	es := link(t, docWith(t, text, tagged{"Maria Okonkwo", 0, "PER"}, tagged{"Maria Okonkwo", 1, "PER"},
		tagged{"Daniel Okonkwo", 0, "PER"}, tagged{"Okonkwo", 3, "PER"}, tagged{"Ohio", 0, "LOC"}))
	maria, daniel, bare := entityOf(es, "Maria Okonkwo"), entityOf(es, "Daniel Okonkwo"), entityOf(es, "Okonkwo")
	if maria == nil || bare != maria || daniel == maria {
		t.Errorf("want the bare Okonkwo with Maria, Daniel apart; entities %v", summary(es))
	}

	text = "The singer Kofi Mensah, whose real name is Kwabena Owusu, sang. Mensah left at noon."
	es = link(t, docWith(t, text, tagged{"Kofi Mensah", 0, "PER"}, tagged{"Kwabena Owusu", 0, "PER"}, tagged{"Mensah", 1, "PER"}))
	if e := entityOf(es, "Kwabena Owusu"); e == nil || e != entityOf(es, "Kofi Mensah") {
		t.Errorf("want the real name with the stage name; entities %v", summary(es))
	}
}

// TestHonorificGender: "Mr. X" and "Mrs. X" are two people when the
// article names a man and a woman with the surname X, and a pronoun after
// "Mrs. X" goes to her (sentences written for this test).
func TestHonorificGender(t *testing.T) {
	text := "Governor Elena Varga and her husband, Peter Varga, opened the school. Mrs. Varga spoke first. " +
		"Mr. Varga thanked the teachers. Mrs. Varga said she would return. Mr. Varga left early."
	es := link(t, docWith(t, text, tagged{"Elena Varga", 0, "PER"}, tagged{"Peter Varga", 0, "PER"},
		tagged{"Varga", 2, "PER"}, tagged{"Varga", 3, "PER"}, tagged{"Varga", 4, "PER"}, tagged{"Varga", 5, "PER"}))
	elena, peter := entityOf(es, "Elena Varga"), entityOf(es, "Peter Varga")
	if elena == nil || peter == nil || elena == peter {
		t.Fatalf("want Elena and Peter Varga apart; entities %v", summary(es))
	}
	at := func(nth int) int { return findWord(t, text, "Varga", nth) }
	for nth, want := range map[int]*news.Entity{2: elena, 3: peter, 4: elena, 5: peter} {
		if got := entityAt(es, at(nth)); got != want {
			t.Errorf("Varga #%d: got %v, want %s; entities %v", nth, got, want.Name, summary(es))
		}
	}
	if got := entityAt(es, findWord(t, text, "she", 0)); got != elena {
		t.Errorf("'she' after Mrs. Varga is not Elena; entities %v", summary(es))
	}
}

// entityAt returns the entity with a mention starting at byte offset at.
func entityAt(es []news.Entity, at int) *news.Entity {
	for i := range es {
		for _, m := range es[i].Mentions {
			if m.Start == at {
				return &es[i]
			}
		}
	}
	return nil
}
