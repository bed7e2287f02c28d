package names

import "testing"

func TestKey(t *testing.T) {
	cases := []struct{ name, want string }{
		{"The Taliban", "taliban"},
		{"U.S.", "us"},
		{"Sharif's", "sharif"},
		{"SHARIF'S", "sharif"},
		{"Pakistan’s army", "pakistan army"},
		{"Trump‘s", "trump"},  // a left quote typed as the apostrophe
		{"Trumpʼs", "trump"},  // the modifier letter apostrophe
		{"O'Brien", "obrien"}, // apostrophes inside a name are dropped
		{"O‘Brien", "obrien"}, // whichever way they are written
		{"d`Estaing", "destaing"},
		{"Junot Díaz", "junot diaz"},
		{"François Hollande", "francois hollande"},
		{"Lech Wałęsa", "lech walesa"}, // ł has no decomposition
		{"Łódź", "lodz"},
		{"Søren Kierkegaard", "soren kierkegaard"},
		{"Al-Qaeda", "al qaeda"},
		{"@HillaryClinton", "hillaryclinton"},
		{"Joe Biden…Harry Reid", "joe biden harry reid"},
		{"  New   York  ", "new york"},
		{"the", "the"},
		{"...", ""},
	}
	for _, tc := range cases {
		if got := Key(tc.name); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFoldKeepsPossessives: Fold, the place key's base, keeps a
// possessive's "s" ("St. John's"), which Key drops.
func TestFoldKeepsPossessives(t *testing.T) {
	cases := []struct{ name, want string }{
		{"St. John's", "st johns"},
		{"Côte d'Ivoire", "cote divoire"},
		{"Côte d‘Ivoire", "cote divoire"},
		{"The Hague", "the hague"},
		{"Łódź", "lodz"},
	}
	for _, tc := range cases {
		if got := Fold(tc.name); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	names := []string{"Hillary Rodham Clinton", "the U.S. State Department's", "Lech Wałęsa", "François Hollande"}
	for i := 0; i < b.N; i++ {
		Key(names[i%len(names)])
	}
}
