package graphrules

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func TestOtherName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"vt", "vermont", true},
		{"isil", "islamic state", true},
		{"america", "united states", true},
		{"nafta", "north american free trade agreement", true},
		{"republicans", "republicans", true},
		{"new york post", "washington post", false},
		{"chelsea clinton foundation", "clinton foundation", false},
		{"pac", "conservative solutions pac", false},
		{"committee", "house oversight committee", false},
		{"philadelphia", "north philadelphia", false},
	} {
		if got := otherName(c.a, c.b); got != c.want {
			t.Errorf("otherName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := otherName(c.b, c.a); got != c.want {
			t.Errorf("otherName(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

// TestLinkJoinsOtherNames: an article's place named "Vermont" with the
// alias "Vt." joins the stored "Vt." and Vermont: into the one in more
// articles when both are known only by the article's names, into the
// one with a name of its own otherwise, unless the other is in more
// articles than it.
func TestLinkJoinsOtherNames(t *testing.T) {
	for _, c := range []struct {
		vtArticles int
		ownName    bool // Vermont is also known as "State of Vermont"
		into, from int64
	}{
		{2, false, 2, 1},
		{9, false, 1, 2},
		{2, true, 2, 1},
		{9, true, 0, 0},
	} {
		rows := []NameRow{
			{ID: 1, Type: "LOC", Name: "Vt.", Articles: c.vtArticles, Key: "vt", Kind: KindName, Stored: "Vt."},
			{ID: 2, Type: "LOC", Name: "Vermont", Articles: 5, Key: "vermont", Kind: KindName, Stored: "Vermont"},
		}
		if c.ownName {
			rows = append(rows, NameRow{ID: 2, Type: "LOC", Name: "Vermont", Articles: 5, Key: "state of vermont", Kind: KindName})
		}
		doc := &news.Doc{Entities: []news.Entity{{ID: "E1", Type: news.TypeLOC, Name: "Vermont", Aliases: []string{"Vt."}}}}
		l, err := Link(doc, &fakeLookup{next: 100, rows: rows})
		if err != nil {
			t.Fatal(err)
		}
		if c.into == 0 {
			if len(l.Joins) != 0 {
				t.Errorf("Vt. in %d articles, Vermont with a name of its own: joins %+v, want none", c.vtArticles, l.Joins)
			}
			continue
		}
		if len(l.Joins) != 1 || l.Joins[0].Into != c.into || l.Joins[0].From != c.from || l.IDs["E1"] != c.into {
			t.Errorf("Vt. in %d articles, own name %v: joins %+v, ids %v; want %d into %d", c.vtArticles, c.ownName,
				l.Joins, l.IDs, c.from, c.into)
		}
	}
}
