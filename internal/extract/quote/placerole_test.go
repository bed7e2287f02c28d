package quote

import "testing"

// TestPlaceQualifiedRole: in "the Florida senator said", the place only
// qualifies the role: the speaker is the person the article titles so,
// the one named near that place when several are, and no one (not the
// place) when none is.
func TestPlaceQualifiedRole(t *testing.T) {
	tests := []struct {
		name, text string
		ents       []ent
		titles     map[string][]string // entity name -> titles
		quote      string
		speaker    string // "" for none
	}{
		{"the one senator of the article",
			"Sen. Dana Reyes spoke in Miami on Monday.\n\n“We will not back down,” the Florida senator said.",
			[]ent{{"PER", []string{"Dana Reyes"}}, {"LOC", []string{"Miami", "Florida"}}},
			map[string][]string{"Dana Reyes": {"Sen."}},
			"We will not back down", "Dana Reyes"},
		{"of two senators, the one named near the place",
			"Sen. Omar Haddad of Ohio and Sen. Dana Reyes of Florida met donors.\n\n“The race is open,” the Florida senator said.",
			[]ent{{"PER", []string{"Omar Haddad"}}, {"PER", []string{"Dana Reyes"}}, {"LOC", []string{"Ohio"}}, {"LOC", []string{"Florida"}}},
			map[string][]string{"Omar Haddad": {"Sen."}, "Dana Reyes": {"Sen."}},
			"The race is open", "Dana Reyes"},
		{"a demonym before a two-word role",
			"Foreign Minister Ali Raza met his counterpart in Kabul.\n\n“Talks will go on,” the Pakistani foreign minister said.",
			[]ent{{"PER", []string{"Ali Raza"}}, {"LOC", []string{"Kabul"}}, {"LOC", []string{"Pakistani"}}},
			map[string][]string{"Ali Raza": {"Foreign Minister"}},
			"Talks will go on", "Ali Raza"},
		{"no one titled so: no speaker, not the place",
			"Voters lined up early.\n\n“It is a close race,” the Texas senator said.",
			[]ent{{"LOC", []string{"Texas"}}},
			nil,
			"It is a close race", ""},
		{"a person in apposition",
			"“We saw no threat,” the White House spokesman, Josh Park, said.",
			[]ent{{"LOC", []string{"White House"}}, {"PER", []string{"Josh Park"}}},
			nil,
			"We saw no threat", "Josh Park"},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			d := MustDoc(t, c.text, c.ents...)
			for i := range d.Entities {
				d.Entities[i].Titles = c.titles[d.Entities[i].Name]
			}
			q := findQuote(run(t, d), c.quote)
			if q == nil {
				t.Fatalf("no quote %q", c.quote)
			}
			if got := speakerName(d, q.Speaker); got != c.speaker {
				t.Errorf("speaker %q, want %q", got, c.speaker)
			}
		})
	}
}
