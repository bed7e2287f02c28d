package graphrules

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// looseLookup is fakeLookup that also returns the canonical names under
// the article's loose keys, as the stores do.
type looseLookup struct{ *fakeLookup }

func (f looseLookup) StoredNames(keys, loose []string) ([]NameRow, error) {
	var out []NameRow
	for _, r := range f.rows {
		hit := false
		for _, k := range keys {
			hit = hit || r.Key == k
		}
		for _, l := range loose {
			hit = hit || r.Kind == KindName && r.Loose == l
		}
		if hit {
			out = append(out, r)
		}
	}
	return out, nil
}

// person is a stored name row of a person.
func person(id int64, display string, articles int, stored, kind string) NameRow {
	return NameRow{ID: id, Type: news.TypePER, Name: display, Articles: articles, Key: names.Key(stored), Kind: kind,
		Stored: stored, Loose: names.Loose(stored, news.TypePER)}
}

// articleDoc is a segmented article whose person entities are named by
// the given canonical names, each with one mention: the first place the
// name is written in text.
func articleDoc(text string, people ...string) *news.Doc {
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for i, name := range people {
		at := strings.Index(text, name)
		doc.Entities = append(doc.Entities, news.Entity{ID: "E" + string(rune('1'+i)), Type: news.TypePER, Name: name,
			Mentions: []news.Mention{{Span: news.Span{Start: at, End: at + len(name)}, Text: name, Kind: news.MentionName}}})
	}
	return doc
}

// TestLinkHonorificGender: an article's "Mr. Okafor" does not join a
// stored woman (a female given name) although context and article counts
// favour her, "Mrs. Okafor" does not join a stored man, and a stored
// person whose name gives the article's gender is preferred to one whose
// name gives none (a headline's words stored as a person).
func TestLinkHonorificGender(t *testing.T) {
	rows := []NameRow{
		person(1, "Ama Okafor", 40, "Okafor", KindAlias),
		person(2, "John Okafor", 3, "Okafor", KindAlias),
		person(3, "Okafor Wins Appeal", 2, "Okafor", KindAlias),
	}
	for _, c := range []struct {
		text string
		rows []NameRow
		want int64
		why  string
	}{
		{"Mr. Okafor said the vote in Lagos was fair.", rows, 2, `matches stored PER "John Okafor"`},
		{"Mrs. Okafor said the vote in Lagos was fair.", rows, 1, ""},
		{"Ms. Okafor said the vote in Lagos was fair.", rows[1:], 3, ""},
		{"Mrs. Okafor said the vote in Lagos was fair.", rows[1:2], 101, "new entity"},
		{"Okafor said the vote in Lagos was fair.", rows, 1, "chosen over 2 other"},
	} {
		f := looseLookup{&fakeLookup{next: 100, cooccurs: map[int64]int{1: 30, 3: 5}, rows: c.rows}}
		doc := articleDoc(c.text, "Okafor")
		l, err := Link(doc, f)
		if err != nil {
			t.Fatal(err)
		}
		if l.IDs["E1"] != c.want || !strings.Contains(l.Reasons["E1"], c.why) {
			t.Errorf("%q: joined %d (%s), want %d (%s)", c.text, l.IDs["E1"], l.Reasons["E1"], c.want, c.why)
		}
	}
}

// TestLinkMiddleNameRivals: "George Bush" leaves out the middle initials by
// which the stored George W. Bush and George HW Bush differ. Context does
// not choose between them: the name joins the other one when the article
// names one of them apart, else the stored person known by the name
// alone, else a new entity; it never silently joins the one in more
// articles, even when that one already has the name.
func TestLinkMiddleNameRivals(t *testing.T) {
	w := person(1, "George W. Bush", 60, "George W. Bush", KindName)
	hw := person(2, "George HW Bush", 13, "George HW Bush", KindName)
	wPlain := person(1, "George W. Bush", 60, "George Bush", KindName) // a store that joined the name before
	plain := person(3, "George Bush", 4, "George Bush", KindName)
	for _, c := range []struct {
		name   string
		rows   []NameRow
		people []string
		want   int64
		why    string
	}{
		{"named apart", []NameRow{w, hw}, []string{"George W. Bush", "George Bush"}, 2, `the article names "George W. Bush" apart`},
		{"named apart, the name stored with W", []NameRow{w, wPlain, hw}, []string{"George W. Bush", "George Bush"}, 2, "apart"},
		{"nothing in the article", []NameRow{w, hw}, []string{"George Bush"}, 101, "new entity: the name leaves out the middle names"},
		{"the name stored with W", []NameRow{w, wPlain, hw}, []string{"George Bush"}, 101, "new entity"},
		{"a person known by the name alone", []NameRow{w, hw, plain}, []string{"George Bush"}, 3, "stays with the stored person known by it"},
		{"one stored person with a middle name", []NameRow{w}, []string{"George Bush"}, 1, "middle name left out"},
		{"a full name", []NameRow{w, hw}, []string{"George H. W. Bush"}, 2, ""},
	} {
		f := looseLookup{&fakeLookup{next: 100, cooccurs: map[int64]int{1: 40, 2: 9}, rows: c.rows}}
		doc := articleDoc(strings.Join(c.people, " met ")+" in Texas.", c.people...)
		l, err := Link(doc, f)
		if err != nil {
			t.Fatal(err)
		}
		e := doc.Entities[len(doc.Entities)-1].ID
		if l.IDs[e] != c.want || !strings.Contains(l.Reasons[e], c.why) {
			t.Errorf("%s: %s joined %d (%s), want %d (%s)", c.name, c.people[len(c.people)-1], l.IDs[e], l.Reasons[e], c.want, c.why)
		}
	}
}

// TestLinkGivenNameKnownAlone: a given name alone that several stored
// people bear as their given name joins the stored person known by that
// one word ("Joe" of a show's name, stored before), not the one of them
// the context favours; with no such person it is a new entity.
func TestLinkGivenNameKnownAlone(t *testing.T) {
	rows := []NameRow{
		person(1, "Joe Adeyemi", 30, "Joe", KindName),
		person(2, "Joe Mensah", 6, "Joe", KindName),
		person(3, "Joe", 1, "Joe", KindName),
	}
	for _, c := range []struct {
		rows []NameRow
		want int64
		why  string
	}{
		{rows, 3, "a given name alone, which 2 stored people share, names none of them; it stays with the stored person known by it alone"},
		{rows[:2], 101, "new entity: a given name alone"},
		{[]NameRow{rows[0], rows[2]}, 1, "chosen over 1 other"},
	} {
		f := looseLookup{&fakeLookup{next: 100, cooccurs: map[int64]int{1: 20}, rows: c.rows}}
		doc := articleDoc("Joe said on the show that Lagos was calm.", "Joe")
		l, err := Link(doc, f)
		if err != nil {
			t.Fatal(err)
		}
		if l.IDs["E1"] != c.want || !strings.Contains(l.Reasons["E1"], c.why) {
			t.Errorf("%d stored: joined %d (%s), want %d (%s)", len(c.rows), l.IDs["E1"], l.Reasons["E1"], c.want, c.why)
		}
	}
}

// TestLinkSurnameCloseCall: a surname that several stored people bear is
// chosen by context only when context clearly prefers one of them
// (MinContextMargin); a close call stays with the stored person known by
// the surname alone, or becomes one.
func TestLinkSurnameCloseCall(t *testing.T) {
	rows := []NameRow{
		person(1, "Kojo Mensah", 80, "Mensah", KindAlias),
		person(2, "Kwame Mensah", 50, "Mensah", KindAlias),
		person(3, "Mensah", 2, "Mensah", KindName),
	}
	for _, c := range []struct {
		rows     []NameRow
		cooccurs map[int64]int
		want     int64
		why      string
	}{
		{rows[:2], map[int64]int{1: 54, 2: 36}, 101, "new entity: context does not tell the 2 stored people named so apart"},
		{rows, map[int64]int{1: 54, 2: 36}, 3, "it stays with the stored person known by the name alone"},
		{rows[:2], map[int64]int{1: 7, 2: 4}, 1, "chosen over 1 other"},
		{rows[:2], map[int64]int{}, 1, "chosen over 1 other"},
	} {
		f := looseLookup{&fakeLookup{next: 100, cooccurs: c.cooccurs, rows: c.rows}}
		doc := articleDoc("Mensah said the war had been a mistake.", "Mensah")
		l, err := Link(doc, f)
		if err != nil {
			t.Fatal(err)
		}
		if l.IDs["E1"] != c.want || !strings.Contains(l.Reasons["E1"], c.why) {
			t.Errorf("%v: joined %d (%s), want %d (%s)", c.cooccurs, l.IDs["E1"], l.Reasons["E1"], c.want, c.why)
		}
	}
}
