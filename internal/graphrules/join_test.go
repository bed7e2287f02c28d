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

func TestNamePart(t *testing.T) {
	for _, c := range []struct {
		full, part string
		want       bool
	}{
		{"conservative solutions pac", "pac", true},
		{"missouri senate", "senate", true},
		{"us senate", "senate", true},
		{"pakistan army", "army", true},
		{"state department inspector general", "state department", true},
		{"fox news channel", "fox news", false},
		{"fox business network", "fox business", false},
		{"federal bureau of investigation", "fbi", false},
		{"senate", "senate", false},
	} {
		if got := namePart(c.full, c.part); got != c.want {
			t.Errorf("namePart(%q, %q) = %v, want %v", c.full, c.part, got, c.want)
		}
	}
}

// TestLinkNotByPartOfName: an organisation known by a name of several
// words does not join a stored one by a part of its name ("PAC"), nor
// records the part as its name, but joins by its name without a suffix
// such as "Channel".
func TestLinkNotByPartOfName(t *testing.T) {
	rows := []NameRow{
		{ID: 1, Type: "ORG", Name: "PAC", Articles: 40, Key: "pac", Kind: KindName, Stored: "PAC"},
		{ID: 2, Type: "ORG", Name: "Fox News", Articles: 30, Key: "fox news", Kind: KindName, Stored: "Fox News"},
	}
	doc := &news.Doc{Entities: []news.Entity{
		{ID: "E1", Type: news.TypeORG, Name: "Conservative Solutions PAC", Aliases: []string{"PAC"}},
		{ID: "E2", Type: news.TypeORG, Name: "Fox News Channel", Aliases: []string{"Fox News"}},
	}}
	l, err := Link(doc, &fakeLookup{next: 100, rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	if l.IDs["E1"] != 101 || l.IDs["E2"] != 2 {
		t.Errorf("ids %v: want E1 new (101), E2 Fox News (2)", l.IDs)
	}
	// Nor is the part recorded as its name, to draw a later "PAC" to it.
	for _, n := range l.Records(doc).Names {
		if n.EntityID == 101 && n.Key == "pac" {
			t.Errorf("recorded %+v", n)
		}
	}
}
