package names

import "testing"

// TestInitialsRunTogether: initials written together without dots ("HW")
// or without the last dot ("H.W") are initials, so that "George HW Bush"
// is George H. W. Bush and not George W. Bush; titles and party labels in
// capitals, a surname in capitals and a name all in capitals are left as
// they are.
func TestInitialsRunTogether(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"George HW Bush", "George H. W. Bush", true},
		{"George HW Bush", "George H.W. Bush", true},
		{"George H.W Bush", "George H. W. Bush", true},
		{"Former President George HW Bush", "George Herbert Walker Bush", true},
		{"George HW Bush", "George W. Bush", false},
		{"George H.W Bush", "George W. Bush", false},
		{"George HW Bush", "George P. Bush", false},
		{"Sen. JD Vance", "J.D. Vance", true},
		{"GOP Sen. Ted Cruz", "Ted Cruz", true},
		{"Former US Rep. Joe Walsh", "Joe Walsh", true},
		{"John FOX", "John Fox", true},
	} {
		got, why := Match(c.a, c.b, "PER")
		if got != c.want {
			t.Errorf("Match(%q, %q, PER) = %v (%s), want %v", c.a, c.b, got, why, c.want)
		}
		if back, _ := Match(c.b, c.a, "PER"); back != got {
			t.Errorf("Match(%q, %q) is not symmetric", c.a, c.b)
		}
		if got && Loose(c.a, "PER") != Loose(c.b, "PER") {
			t.Errorf("Loose(%q) = %q, Loose(%q) = %q", c.a, Loose(c.a, "PER"), c.b, Loose(c.b, "PER"))
		}
	}
	for in, want := range map[string]string{
		"George HW Bush":              "george h w bush",
		"George H.W Bush":             "george h w bush",
		"GOP Sen. Ted Cruz":           "ted cruz",
		"Former US Rep. Joe Walsh":    "joe walsh",
		"John FOX":                    "john fox",
		"GEORGE HW BUSH":              "george hw bush",
		"NAACP President Ben Jealous": "naacp president ben jealous",
	} {
		if got := Strip(in); got != want {
			t.Errorf("Strip(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestInitialsWhy: initials run together are not counted as titles
// dropped.
func TestInitialsWhy(t *testing.T) {
	if ok, why := Match("George HW Bush", "George Bush", "PER"); !ok || why != "middle name left out" {
		t.Errorf(`Match("George HW Bush", "George Bush") = %v, %q; want true, "middle name left out"`, ok, why)
	}
}
