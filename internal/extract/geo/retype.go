package geo

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// retype gives type LOC to the entities NER typed otherwise whose names
// are places by the gazetteer's word, before geocoding:
//   - a MISC entity named only by demonyms ("Russian", "Pakistani",
//     "European"): news maps it to its country or region;
//   - an ORG entity named only by the name of a country or a first-level
//     region ("Jamaica said", "Tamil Nadu will"): a state or province
//     acting, which CoNLL-style typing calls LOC;
//   - a PER entity named only by the name of a country, a region or a city
//     of 100,000 people or more, with no title and no pronoun pointing to
//     it ("Kuala Lumpur").
//
// Organisations named after a city ("Chelsea" the club) keep their type:
// only countries and regions turn an ORG into a place.
//   - any entity whose name ends in a place noun ("Orange County", "Korean
//     Peninsula", "Glenrock Lagoon") or starts with one ("Lake Manassas");
//   - an entity whose name is a place in the gazetteer and that the text
//     puts after "in", "at" or "near" ("talks in Louisville").
func (s *Stage) retype(doc *news.Doc) {
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type == news.TypeLOC {
			continue
		}
		switch {
		case e.Type == news.TypeMISC && s.allDemonyms(e),
			e.Type != news.TypeMISC && s.onePlaceWord(e),
			len(e.Titles) == 0 && placeNounName(e.Name),
			len(e.Titles) == 0 && s.gazetteerName(e) && locativeMention(doc, e):
			e.Type = news.TypeLOC
		}
	}
}

// placeHeads end (or, for the prefixed ones, start) the names of places
// that are not in GeoNames' cities file.
var (
	placeHeads = map[string]bool{"county": true, "peninsula": true, "province": true, "island": true, "islands": true,
		"isles": true, "mountains": true, "river": true, "valley": true, "bay": true, "sea": true, "ocean": true,
		"gulf": true, "coast": true, "street": true, "avenue": true, "road": true, "square": true, "lagoon": true,
		"beach": true, "canyon": true, "desert": true, "strait": true, "lake": true, "heights": true, "district": true,
		"region": true, "plateau": true, "highlands": true, "delta": true, "basin": true}
	placePrefixes = map[string]bool{"lake": true, "mount": true, "mt": true, "port": true, "fort": true, "cape": true, "isle": true}
)

// placeNounName reports a name of two or more words that a place noun ends
// ("Orange County") or a place prefix starts ("Lake Manassas").
func placeNounName(name string) bool {
	ws := splitWords(gazetteer.Key(name))
	if len(ws) < 2 {
		return false
	}
	return placeHeads[ws[len(ws)-1]] || placePrefixes[ws[0]]
}

// gazetteerName reports whether the entity's name is a place's own name.
func (s *Stage) gazetteerName(e *news.Entity) bool {
	for _, m := range s.ix.LookupKey(gazetteer.Key(e.Name)) {
		if m.Primary {
			return true
		}
	}
	return false
}

var locativeWords = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "across": true, "throughout": true, "inside": true}

// locativeMention reports a name mention right after a locative
// preposition ("in Louisville", "near the Korean Peninsula").
func locativeMention(doc *news.Doc, e *news.Entity) bool {
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			continue
		}
		before := strings.Fields(strings.ToLower(doc.Text[max(0, m.Start-12):m.Start]))
		if n := len(before); n > 0 {
			w := before[n-1]
			if w == "the" && n > 1 {
				w = before[n-2]
			}
			if locativeWords[w] {
				return true
			}
		}
	}
	return false
}

func (s *Stage) allDemonyms(e *news.Entity) bool {
	n := 0
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			continue
		}
		if !s.demonymPlace(gazetteer.Key(m.Text)) {
			return false
		}
		n++
	}
	return n > 0
}

// demonymPlace reports whether k is the demonym of a place the gazetteer
// has: a country, an admin1 region or a region without a country.
func (s *Stage) demonymPlace(k string) bool {
	if cc, ok := demonyms[k]; ok {
		return s.ix.Country(cc) != nil
	}
	for _, table := range []map[string]string{regionDemonyms, admin1Demonyms} {
		if name, ok := table[k]; ok {
			return len(s.ix.LookupKey(name)) > 0
		}
	}
	return false
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
	if key == "" || len(splitWords(key)) > 3 {
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

// nestPlaces adds the places named inside other entities' names
// ("Zimbabwe" in "Air Zimbabwe", "Canada" in "Kidney Foundation of
// Canada"): the organisation is tied to that place, and a map of the
// article should show it. The mention joins the LOC entity the article
// already has for that name; a country named only inside another name
// becomes a new LOC entity. Other places named only inside names (cities,
// regions: the "Washington" of "Washington Post") are left alone.
func (s *Stage) nestPlaces(doc *news.Doc) {
	byName := map[string]int{}
	for i, e := range doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
				byName[m.Text] = i
			}
		}
	}
	n := len(doc.Entities)
	for i := 0; i < n; i++ {
		if doc.Entities[i].Type == news.TypeLOC {
			continue
		}
		for _, m := range doc.Entities[i].Mentions {
			if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
				continue
			}
			for _, part := range s.placesInside(m.Text, byName) {
				start := m.Start + part.at
				li, ok := byName[part.name]
				if !ok {
					doc.Entities = append(doc.Entities, news.Entity{ID: fmt.Sprintf("E%d", len(doc.Entities)+1),
						Type: news.TypeLOC, Name: part.name, Aliases: []string{}, Titles: []string{}})
					li = len(doc.Entities) - 1
					byName[part.name] = li
				}
				loc := &doc.Entities[li]
				if !hasMentionAt(loc, start) {
					loc.Mentions = append(loc.Mentions, news.Mention{Span: news.Span{Start: start, End: start + len(part.name)},
						Text: part.name, Type: news.TypeLOC, Kind: news.MentionName})
				}
			}
		}
	}
	for i := range doc.Entities {
		ms := doc.Entities[i].Mentions
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
}

type namePart struct {
	name string
	at   int // byte offset in the containing name
}

// placesInside returns the word-bounded runs of name that are the names of
// LOC entities of the article, or of countries, longest first and not
// overlapping.
func (s *Stage) placesInside(name string, known map[string]int) []namePart {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	var out []namePart
	taken := make([]bool, len(name))
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			part := strings.Join(words[i:i+n], " ")
			at := indexWords(name, words, i)
			if at < 0 || taken[at] {
				continue
			}
			if _, ok := known[part]; !ok && !s.isCountryName(part) {
				continue
			}
			out = append(out, namePart{part, at})
			for k := at; k < at+len(part) && k < len(taken); k++ {
				taken[k] = true
			}
		}
	}
	return out
}

// indexWords returns the byte offset of words[i] in name, when name is
// the words joined by single spaces.
func indexWords(name string, words []string, i int) int {
	at := 0
	for k := 0; k < i; k++ {
		at += len(words[k]) + 1
	}
	if at > len(name) || !strings.HasPrefix(name[at:], words[i]) {
		return -1
	}
	return at
}

func (s *Stage) isCountryName(name string) bool {
	if !isCapitalisedWord(name) {
		return false
	}
	for _, m := range s.ix.LookupKey(gazetteer.Key(name)) {
		if m.Primary && m.Kind == gazetteer.KindCountry {
			return true
		}
	}
	return false
}

func isCapitalisedWord(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

func hasMentionAt(e *news.Entity, start int) bool {
	for _, m := range e.Mentions {
		if m.Start == start {
			return true
		}
	}
	return false
}

// extendNames grows a place's mention over the capitalised word before it
// when NER cut the name short and the longer name is a place: "New" +
// "Jersey" is New Jersey, not the island of Jersey.
func (s *Stage) extendNames(doc *news.Doc) {
	tix := news.NewTokenIndex(doc.Tokens)
	inMention := map[int]bool{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if first, last, ok := tix.Range(m.Span); ok {
				for k := first; k <= last; k++ {
					inMention[k] = true
				}
			}
		}
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != news.TypeLOC {
			continue
		}
		for k, m := range e.Mentions {
			first, _, ok := tix.Range(m.Span)
			if !ok || first == 0 || inMention[first-1] {
				continue
			}
			prev := doc.Tokens[first-1]
			if !isCapitalisedWord(prev.Text) || m.Start-prev.End != 1 {
				continue
			}
			longer := doc.Text[prev.Start:m.End]
			if !s.isPlaceName(longer) {
				continue
			}
			e.Mentions[k] = news.Mention{Span: news.Span{Start: prev.Start, End: m.End}, Text: longer, Type: m.Type, Kind: m.Kind}
			inMention[first-1] = true
			if e.Name == m.Text {
				e.Name = longer
			}
		}
	}
}

// isPlaceName reports whether name is a country's, region's or city's own
// name in the gazetteer.
func (s *Stage) isPlaceName(name string) bool {
	for _, m := range s.ix.LookupKey(gazetteer.Key(name)) {
		if m.Primary {
			return true
		}
	}
	return false
}
