package link

import "testing"

// TestHyphenatedAdjectiveIsNoAcronymSource: "AA" does not stand for
// "African-Americans" (one hyphenated word of a group), but "HP" still
// stands for the company "Hewlett-Packard".
func TestHyphenatedAdjectiveIsNoAcronymSource(t *testing.T) {
	text := "The clinic serves African-Americans in the city. It runs AA meetings every week."
	es := link(t, docWith(t, text, tagged{"African-Americans", 0, "MISC"}, tagged{"AA", 0, "ORG"}))
	if e := entityOf(es, "African-Americans"); e == nil || len(e.Mentions) != 1 {
		t.Errorf("entities %+v: want African-Americans alone, without AA", es)
	}
	text = "Hewlett-Packard cut 5,000 jobs. HP said the cuts would save money."
	es = link(t, docWith(t, text, tagged{"Hewlett-Packard", 0, "ORG"}, tagged{"HP", 0, "ORG"}))
	if e := entityOf(es, "Hewlett-Packard"); e == nil || len(e.Mentions) != 2 {
		t.Errorf("entities %+v: want Hewlett-Packard with HP", es)
	}
}
