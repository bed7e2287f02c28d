package link

import "testing"

// TestEmphaticUSIsNoName: "US" written in capitals for the pronoun
// ("maybe it's US") is no mention of the country; the country is.
func TestEmphaticUSIsNoName(t *testing.T) {
	text := "The US embassy stayed shut. Aides asked: maybe it's US."
	es := link(t, docWith(t, text, tagged{"US", 0, "LOC"}, tagged{"US", 1, "LOC"}))
	if e := entityOf(es, "US"); e == nil || len(e.Mentions) != 1 || e.Mentions[0].Start != 4 {
		t.Errorf("entities %+v: want US with its first mention only", es)
	}
}
