package geo

import (
	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// retype gives type LOC to the entities NER typed otherwise whose names
// are places by the gazetteer's word, before geocoding:
//   - a MISC entity named only by demonyms ("Russian", "Pakistani",
//     "European"): news maps it to its country or region;
//   - an ORG entity named by one word that is a country or a first-level
//     region ("Jamaica said", "Punjab will"): a state or province acting,
//     which CoNLL-style typing calls LOC;
//   - a PER entity named by one word that is a country, a region or a city
//     of 100,000 people or more, with no title and no pronoun pointing to
//     it (people are named by two words or come with a title).
//
// Organisations named after a city ("Chelsea" the club) keep their type:
// only countries and regions turn an ORG into a place.
func (s *Stage) retype(doc *news.Doc) {
	for i := range doc.Entities {
		e := &doc.Entities[i]
		switch e.Type {
		case news.TypeMISC:
			if s.allDemonyms(e) {
				e.Type = news.TypeLOC
			}
		case news.TypeORG, news.TypePER:
			if s.onePlaceWord(e) {
				e.Type = news.TypeLOC
			}
		}
	}
}

func (s *Stage) allDemonyms(e *news.Entity) bool {
	n := 0
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			continue
		}
		k := gazetteer.Key(m.Text)
		_, country := demonyms[k]
		_, region := regionDemonyms[k]
		_, admin1 := admin1Demonyms[k]
		if !country && !region && !admin1 {
			return false
		}
		n++
	}
	return n > 0
}

func (s *Stage) onePlaceWord(e *news.Entity) bool {
	if len(e.Titles) > 0 {
		return false
	}
	key := ""
	for _, m := range e.Mentions {
		switch {
		case m.Kind == news.MentionPronoun && e.Type == news.TypePER:
			return false // "he" or "she" points to a person
		case m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal:
			continue
		}
		k := gazetteer.Key(m.Text)
		if key != "" && k != key {
			return false
		}
		key = k
	}
	if key == "" || len(splitWords(key)) != 1 {
		return false
	}
	for _, m := range s.ix.LookupKey(key) {
		if !m.Primary {
			continue
		}
		switch m.Kind {
		case gazetteer.KindCountry, gazetteer.KindAdmin1, gazetteer.KindRegion:
			return true
		case gazetteer.KindCity:
			if e.Type == news.TypePER && m.Population >= 100_000 {
				return true
			}
		}
	}
	return false
}

func splitWords(k string) []string {
	var out []string
	start := -1
	for i, r := range k {
		if r == ' ' {
			if start >= 0 {
				out = append(out, k[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, k[start:])
	}
	return out
}
