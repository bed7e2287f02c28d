package graphrules

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/quote"
	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Two rules keep apart, across the store, people whom a name alone does
// not tell apart:
//
//   - Gender (SameGender): an article person whose article gives a gender
//     ("Mr. Clinton", "Mrs. Clinton", a given name of the quote lexicon's
//     male or female lists; quote.EntityGender) does not join a stored
//     person whose name gives the other one ("Hillary Clinton" is a
//     woman's name, "Bill Clinton" a man's; quote.NameGender). A stored
//     person known by a surname alone has no gender: such a person is a
//     candidate only when no stored person's name gives the article's
//     gender.
//   - Middle names (Candidates, ChoosePerson): "George Bush" leaves out the
//     middle names by which George W. Bush and George H. W. Bush differ.
//     When the store holds two such people, context (Rank) does not choose
//     between them: a father and a son, or two namesakes in one field,
//     share their company (the same candidates, the same wars), so the
//     one in more articles would take every mention of the other. The
//     article decides instead when it names one of them apart (the
//     article's "George W. Bush" is another entity than its "George
//     Bush": the name is the other one); otherwise the name joins the
//     stored person known by that name alone, or becomes one. That entity
//     is a split an analyst can merge (`newsgraph entity merge`); a wrong
//     join would merge two people.

// SameGender returns the candidates of article entity e (of doc) that a
// person of e's gender can be: all of them unless e is a person whose
// article gives a gender, then those whose stored name gives the same
// gender, or when there are none, those whose name gives none ("Ms.
// Trump" is Melania or Ivanka Trump, not Donald Trump nor a person stored
// under a headline's words).
func SameGender(doc *news.Doc, e news.Entity, cands []Candidate) []Candidate {
	if e.Type != news.TypePER || len(cands) == 0 {
		return cands
	}
	g := quote.EntityGender(doc, &e)
	if g == 0 {
		return cands
	}
	var same, unknown []Candidate
	for _, c := range cands {
		switch quote.NameGender(c.Name) {
		case g:
			same = append(same, c)
		case 0:
			unknown = append(unknown, c)
		}
	}
	if len(same) > 0 {
		return same
	}
	return unknown
}

// middleRivals returns the stored people whose canonical names give
// middle names that the article person's canonical name (refs[0], a given
// name and a surname) leaves out, when two of them disagree ("George W.
// Bush", "George HW Bush" for "George Bush"), each with Middle set; nil
// when the name is not open in this way.
func middleRivals(stored []NameRow, typ string, refs []NameRef, splits map[Split]bool) []Candidate {
	if typ != news.TypePER || len(refs) == 0 || refs[0].Kind != KindName {
		return nil
	}
	r := refs[0]
	if p := names.ParsePerson(r.Name); p.Given == "" || len(p.Middle) > 0 {
		return nil
	}
	l := names.Loose(r.Name, typ)
	var out []Candidate
	seen := map[int64]bool{}
	for _, row := range stored {
		if row.Type != typ || row.Kind != KindName || row.Loose != l || row.Stray || seen[row.ID] || splits[Split{r.Key, row.ID}] {
			continue
		}
		if len(names.ParsePerson(row.Stored).Middle) == 0 {
			continue
		}
		if ok, why := names.Match(r.Name, row.Stored, typ); ok {
			seen[row.ID] = true
			out = append(out, Candidate{ID: row.ID, Name: row.Name, ByName: true, Matched: r.Name,
				Articles: row.Articles, Variant: row.Stored, Why: why, Middle: row.Stored})
		}
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if ok, _ := names.Match(out[i].Middle, out[j].Middle, typ); !ok {
				return out
			}
		}
	}
	return nil
}

// mergeRivals adds the rivals to the candidates found by the same name
// key, marking those that are rivals with their Middle.
func mergeRivals(exact, rivals []Candidate) []Candidate {
	middle := map[int64]string{}
	for _, r := range rivals {
		middle[r.ID] = r.Middle
	}
	out := make([]Candidate, 0, len(exact)+len(rivals))
	for _, c := range exact {
		if m, ok := middle[c.ID]; ok {
			c.Middle = m
			delete(middle, c.ID)
		}
		out = append(out, c)
	}
	for _, r := range rivals {
		if _, ok := middle[r.ID]; ok {
			out = append(out, r)
		}
	}
	return out
}

// ChoosePerson decides an article person e whose name matched several
// stored people that context is not to choose between: rivals by their
// middle names (Candidate.Middle; see the rules above), or a given name
// alone that several stored people bear as their given name
// (givenNameAlone). taken are the store entities other entities of the
// article joined. It returns the candidate to join, or one with ID 0 for a
// new entity, and why; ok is false when context decides (Rank).
func ChoosePerson(e news.Entity, cands []Candidate, taken []int64) (c Candidate, why string, ok bool) {
	if c, why, ok := chooseByMiddle(cands, taken); ok {
		return c, why, true
	}
	plain, ok := givenNameAlone(e, cands)
	if !ok {
		return Candidate{}, "", false
	}
	why = fmt.Sprintf("a given name alone, which %d stored people share, names none of them", len(cands)-len(plain))
	if len(plain) > 0 {
		return mostArticles(plain), why + "; it stays with the stored person known by it alone", true
	}
	return Candidate{}, "new entity: " + why, true
}

// givenNameAlone reports whether e is a person named by one word that two
// or more stored people of a full name among cands bear, none of them as
// a surname: "John" of John Kasich and John Schlafly. It returns the
// candidates known by that one word alone (a "John" stored before). A
// surname ("Khan") is chosen among its bearers by context; a given name
// shared by several people identifies none of them, and context (the
// article's other entities) would give a voter called John to the
// candidate the article is about.
func givenNameAlone(e news.Entity, cands []Candidate) (plain []Candidate, ok bool) {
	refs := EntityNames(e)
	if e.Type != news.TypePER || len(refs) == 0 || strings.Contains(refs[0].Key, " ") {
		return nil, false
	}
	full := 0
	for _, c := range cands {
		words := strings.Fields(Key(names.Strip(c.Name)))
		switch {
		case len(words) < 2:
			plain = append(plain, c)
		case words[len(words)-1] == refs[0].Key:
			return nil, false
		default:
			full++
		}
	}
	return plain, full >= 2
}

// mostArticles returns the candidate in most articles, the oldest of
// those.
func mostArticles(cands []Candidate) Candidate {
	best := cands[0]
	for _, c := range cands[1:] {
		if c.Articles > best.Articles || c.Articles == best.Articles && c.ID < best.ID {
			best = c
		}
	}
	return best
}

// chooseByMiddle is ChoosePerson for rivals by their middle names.
func chooseByMiddle(cands []Candidate, taken []int64) (c Candidate, why string, ok bool) {
	isTaken := map[int64]bool{}
	for _, id := range taken {
		isTaken[id] = true
	}
	var open, apart, plain []Candidate
	for _, c := range cands {
		switch {
		case c.Middle == "":
			plain = append(plain, c)
		case isTaken[c.ID]:
			apart = append(apart, c)
		default:
			open = append(open, c)
		}
	}
	if len(open)+len(apart) == 0 {
		return Candidate{}, "", false
	}
	if len(open) == 1 && len(apart) > 0 {
		return open[0], fmt.Sprintf("the article names %s apart", middles(apart)), true
	}
	rivals := middles(append(open, apart...))
	if len(plain) > 0 {
		return mostArticles(plain), fmt.Sprintf("the name leaves out the middle names by which %s differ; it stays with the stored person known by it", rivals), true
	}
	return Candidate{}, fmt.Sprintf("new entity: the name leaves out the middle names by which %s differ, and the article names none of them apart", rivals), true
}

// middles lists the candidates' full names for a reason.
func middles(cands []Candidate) string {
	q := make([]string, len(cands))
	for i, c := range cands {
		q[i] = fmt.Sprintf("%q", c.Middle)
	}
	return strings.Join(q, " and ")
}

// choose records ChoosePerson's decision for article entity e: c, or a
// new store entity when c.ID is 0.
func (l *Linked) choose(st EntityLookup, e news.Entity, c Candidate, why string) error {
	if c.ID == 0 {
		id, err := st.NewEntity(e.Type, EntityNames(e)[0].Name)
		if err != nil {
			return fmt.Errorf("new entity for %q: %w", e.Name, err)
		}
		l.IDs[e.ID], l.Reasons[e.ID] = id, why
		return nil
	}
	l.IDs[e.ID], l.Reasons[e.ID] = c.ID, MatchReason(e.Type, c)+"; "+why
	l.Known[c.ID] = c.Name
	return nil
}

// MinContextMargin is how many times as many articles shared with the
// article's other entities (Candidate.Cooccurs) the best-ranked stored
// person must have as the next one for context to choose a person by a
// one-word name. Below it the name is left with the stored person known
// by that word alone, or becomes one. It is set from the 194 such choices
// of the PolNeAR train store: those at 1.0 to 1.5 were all wrong ("Bush"
// in a quote about the Iraq war given to Jeb Bush over George W. Bush, 54
// to 36; "Johnson" of 1964 to Ron Johnson; "Khan" to Sadiq Khan in an
// article about Khizr Khan), those from 1.75 on mostly right ("Carter" of
// 1980 to Jimmy Carter over Ash Carter, 7 to 4; "Clinton" to Hillary
// rather than Bill, 2.2 and more); "Justice Kennedy" given to Ted Kennedy
// at 2.0 shows that context alone stays a guess.
const MinContextMargin = 1.6

// CloseCall decides an article person named by one word whose candidates
// Rank ordered when context does not clearly prefer the first
// (MinContextMargin): it returns the stored person known by the word
// alone, or one with ID 0 for a new entity, and why; ok is false when
// context decides.
func CloseCall(e news.Entity, ranked []Candidate) (c Candidate, why string, ok bool) {
	refs := EntityNames(e)
	if e.Type != news.TypePER || len(refs) == 0 || strings.Contains(refs[0].Key, " ") || len(ranked) < 2 {
		return Candidate{}, "", false
	}
	best, next := ranked[0], ranked[1]
	if best.Cooccurs == 0 || float64(best.Cooccurs) >= MinContextMargin*float64(next.Cooccurs) {
		return Candidate{}, "", false
	}
	why = fmt.Sprintf("context does not tell the %d stored people named so apart (%q %d, %q %d articles shared with this article's entities)",
		len(ranked), best.Name, best.Cooccurs, next.Name, next.Cooccurs)
	var plain []Candidate
	for _, c := range ranked {
		if len(strings.Fields(Key(names.Strip(c.Name)))) < 2 {
			plain = append(plain, c)
		}
	}
	if len(plain) > 0 {
		return mostArticles(plain), why + "; it stays with the stored person known by the name alone", true
	}
	return Candidate{}, "new entity: " + why, true
}
