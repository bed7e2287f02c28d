package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Pronouns and role nouns that the link stage left without an entity are
// resolved here, for arguments only: an actor is always an entity of the
// document, never the word "it".

// resolvePronoun returns the entity the pronoun at k stands for, or "".
func (a *args) resolvePronoun(sent news.Sentence, k int) string {
	return a.resolvePronounDepth(sent, k, 0)
}

// resolvePronounDepth resolves the pronoun at k: the link stage's entity
// when it has one; for "we", "I", "our" the speaker of the quote that holds
// it; for a pronoun that opens a reported clause the subject of the verb
// that reports it ("Israel denied it attacked", "the Houthis say their
// attacks"); else the nearest fitting mention before it, in its sentence
// or as the subject of one of the two sentences before.
func (a *args) resolvePronounDepth(sent news.Sentence, k, depth int) string {
	if r := a.ref[k]; r.entity != "" {
		return a.canonical(r.entity)
	}
	w := a.lower[k]
	if firstPerson[w] {
		return a.canonical(a.speakerAt(k))
	}
	want := fitsThing
	switch {
	case personPronouns[w]:
		want = fitsPerson
	case pluralPronouns[w]:
		want = fitsAny
	}
	if id := a.reporterSubject(sent, k, depth, want); id != "" {
		return id
	}
	return a.previousEntity(k, want)
}

func fitsPerson(t string) bool { return t == news.TypePER }
func fitsThing(t string) bool  { return t != news.TypePER && t != "" }
func fitsAny(t string) bool    { return t != "" }

// reporterSubject returns the subject of the verb whose reported clause
// the pronoun at k opens ("denied (that) it", "saying it"), when it fits.
func (a *args) reporterSubject(sent news.Sentence, k, depth int, want func(string) bool) string {
	v := k - 1
	if v >= sent.FirstToken && a.lower[v] == "that" {
		v--
	}
	if v < sent.FirstToken || !a.isVerb(v) && !strings.HasSuffix(a.lower[v], "ing") {
		return ""
	}
	id := a.subjectDepth(sent, v, depth+1)
	if id != "" && want(a.types[id]) {
		return id
	}
	return ""
}

// maxPronounSentences is how many sentences back a pronoun's entity is
// looked for.
const maxPronounSentences = 2

// previousEntity returns the nearest mention before token k, in its
// sentence, that is no object of a preposition and whose type fits; or
// the first such mention (the subject) of one of the sentences before.
func (a *args) previousEntity(k int, want func(string) bool) string {
	if k <= 0 || k > len(a.sentOf) {
		return ""
	}
	si := a.sentOf[k-1]
	sent := a.doc.Sentences[si]
	for j := k - 1; j >= sent.FirstToken; j-- {
		if r := a.ref[j]; r.entity != "" && !r.pronoun && want(r.typ) && a.mayBeAntecedent(sent, r.first) {
			return a.canonical(r.entity)
		}
	}
	for back := 1; back <= maxPronounSentences && si-back >= 0; back++ {
		prev := a.doc.Sentences[si-back]
		for j := prev.FirstToken; j < prev.EndToken; j++ {
			if r := a.ref[j]; r.entity != "" && want(r.typ) && a.mayBeAntecedent(prev, r.first) {
				return a.canonical(r.entity)
			}
		}
	}
	return ""
}

// mayBeAntecedent reports whether the mention at first can be what a later
// pronoun stands for: not the object of a preposition, unless it is the
// agent after "by" ("claims made by the Houthis that they had attacked").
func (a *args) mayBeAntecedent(sent news.Sentence, first int) bool {
	if !a.prepositional(sent, first) {
		return true
	}
	k := first - 1
	for k >= sent.FirstToken && determiners[a.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && a.lower[k] == "by"
}

// canonical returns the entity that id stands for as an actor: the
// country of a demonym ("Israeli" -> Israel) when the article names it.
func (a *args) canonical(id string) string {
	if c, ok := a.canon[id]; ok {
		return c
	}
	return id
}

// countryLike reports whether a LOC mention names a country (its entity is
// geocoded as one, or the mention is a demonym): such a name before an
// event noun is its actor ("an Israeli air strike"), where a city's name
// says where ("the Kabul attack").
func (a *args) countryLike(r mentionRef) bool {
	if _, ok := a.canon[r.entity]; ok || r.first == r.last && news.LikelyDemonym(a.words[r.first]) {
		return true
	}
	for _, e := range a.doc.Entities {
		if e.ID == r.entity {
			return e.Place != nil && e.Place.Feature == "country"
		}
	}
	return false
}

// canonicalEntities maps each demonym entity ("Israeli", "Afghan") to the
// country entity of the same document (news.DemonymCountries), and an
// entity named by a demonym and an arm of the state ("Israeli forces") to
// the country too: as an actor the state acts through its organs.
func canonicalEntities(doc *news.Doc) map[string]string {
	out := news.DemonymCountries(doc)
	for _, e := range doc.Entities {
		if c := stateOrganCountry(doc, e, out); c != "" {
			out[e.ID] = c
		}
	}
	return out
}

// stateOrgans are the arms of a state that news names by the state's
// demonym: "Israeli forces", "the British military", "Turkish jets".
var stateOrgans = set(`forces force military army troops soldiers government authorities police navy jets
	warplanes aircraft officials administration regime security`)

// stateOrganCountry returns the country entity that an entity named by a
// demonym and an arm of the state stands for as an actor ("Israeli
// forces" -> Israel), when the article names the country or the demonym
// alone, or the party of that name ("Taliban government" -> Taliban);
// else "".
func stateOrganCountry(doc *news.Doc, e news.Entity, canon map[string]string) string {
	words := strings.Fields(e.Name)
	if len(words) < 2 || e.Type == news.TypePER {
		return ""
	}
	for _, w := range words[1:] {
		if !stateOrgans[strings.ToLower(w)] {
			return ""
		}
	}
	for _, d := range doc.Entities {
		if d.ID == e.ID || d.Type != news.TypeLOC && d.Type != news.TypeORG {
			continue
		}
		if strings.EqualFold(d.Name, words[0]) {
			if c, ok := canon[d.ID]; ok {
				return c
			}
			return d.ID
		}
		if d.Type == news.TypeLOC && news.DemonymOf(words[0], d.Name) {
			return d.ID
		}
	}
	return ""
}
