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

// TestSurnameBeforeGivenName: a one-word name right after a person who
// bears it as a surname is that person, not the more often named person
// whose given name it is; with no such person it stays the given name's.
func TestSurnameBeforeGivenName(t *testing.T) {
	text := "John Kasich won Ohio, and Kasich said he would go on. Voters cheered John Kasich. \"We are not done,\" said Tom John, a county chairman. John is running for delegate."
	es := link(t, docWith(t, text, tagged{"John Kasich", 0, "PER"}, tagged{"Kasich", 0, "PER"}, tagged{"John Kasich", 1, "PER"}, tagged{"Tom John", 0, "PER"}, tagged{"John", 3, "PER"}))
	if e := entityOf(es, "Tom John"); e == nil || len(e.Mentions) != 2 {
		t.Errorf("entities %+v: want Tom John with the last John", es)
	}
	text = "John Kasich won Ohio, and Kasich said he would go on. John thanked voters."
	es = link(t, docWith(t, text, tagged{"John Kasich", 0, "PER"}, tagged{"Kasich", 0, "PER"}, tagged{"John", 1, "PER"}))
	if e := entityOf(es, "John Kasich"); e == nil || len(e.Mentions) != 3 {
		t.Errorf("entities %+v: want John Kasich with John", es)
	}
}
