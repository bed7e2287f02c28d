package geo

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// retype gives type LOC to the entities NER typed otherwise whose names
// are places by the gazetteer's word, before geocoding:
//   - a MISC entity named only by demonyms ("Russian", "Pakistani",
//     "European"): news maps it to its country or region;
//   - an ORG or MISC entity named only by a name of a country or of a
//     first-level region ("Jamaica said", "DPRK", "Tamil Nadu will", "BC"):
//     a state or province acting, which CoNLL-style typing calls LOC;
//   - a PER entity named only by the name of a country, a region or a city
//     of 100,000 people or more, with no title and no pronoun pointing to
//     it ("Kuala Lumpur").
//
// Organisations named after a city ("Chelsea" the club) keep their type:
// only countries and regions turn an ORG into a place.
//   - any entity whose name ends in a place noun ("Orange County", "Korean
//     Peninsula", "Glenrock Lagoon") or starts with one ("Lake Manassas");
//   - an entity whose name is a place in the gazetteer and that the text
//     puts after "in", "at" or "near" ("talks in Louisville");
//   - an entity, not a demonym (nor a MISC name that ends as demonyms do:
//     "Kurdish region"), that the text names as a small place
//     (see placeConstruction): "the village of Jaloud", "Komondjari
//     province", "the eastern Gouta".
//
// An entity whose type an authority decided (Config.FixedType, the link
// stage's alias table) for one of its names keeps it against a city
// namesake: "U.N." is an organisation although the gazetteer has a town
// Un (see typeFixed for the polities that are still retyped).
func (s *Stage) retype(doc *news.Doc) {
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type == news.TypeLOC || s.typeFixed(e) {
			continue
		}
		switch {
		case e.Type == news.TypeMISC && s.allDemonyms(e),
			s.onePlaceWord(e),
			len(e.Titles) == 0 && placeNounName(e.Name),
			len(e.Titles) == 0 && s.isPlaceName(e.Name) && locativeMention(doc, e),
			len(e.Titles) == 0 && !s.allDemonyms(e) && !(e.Type == news.TypeMISC && news.LikelyDemonym(e.Name)) && placeConstruction(doc, e):
			e.Type = news.TypeLOC
		}
	}
}

// typeFixed reports whether FixedType gives e's own type for e's name or
// one of its name mentions, a name that no country or region of the
// gazetteer bears. A polity that the gazetteer names as a region ("EU",
// "European Union", names of Europe there) is still retyped: geoparsing
// gold (GeoWebNews) reads it as a toponym, and only a LOC gets a place.
func (s *Stage) typeFixed(e *news.Entity) bool {
	if s.fixed == nil {
		return false
	}
	fixed := func(name string) bool { return s.fixed(name) == e.Type && !s.polityName(name) }
	if fixed(e.Name) {
		return true
	}
	for _, m := range e.Mentions {
		if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal && fixed(m.Text) {
			return true
		}
	}
	return false
}

// polityName reports whether the gazetteer gives name, by any of its
// names, to a country, a first-level region or a region without a country.
func (s *Stage) polityName(name string) bool {
	for _, m := range s.ix.LookupKey(gazetteer.Key(name)) {
		switch m.Kind {
		case gazetteer.KindCountry, gazetteer.KindAdmin1, gazetteer.KindRegion:
			return true
		}
	}
	return false
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
		if m.Kind == gazetteer.KindCountry {
			return true // also by another of its names: "DPRK", "Holy See"
		}
		if !m.Primary {
			continue
		}
		switch m.Kind {
		case gazetteer.KindAdmin1, gazetteer.KindRegion:
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
	has := map[[2]int]bool{} // entity, start of a mention: one mention per place
	keys := keyMemo{}
	for i, e := range doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		for _, m := range e.Mentions {
			has[[2]int{i, m.Start}] = true
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
				byName[keys.key(m.Text)] = i
			}
		}
	}
	parts := map[string][]namePart{} // by name, while byName keeps its size
	known := len(byName)
	n := len(doc.Entities)
	for i := 0; i < n; i++ {
		if doc.Entities[i].Type == news.TypeLOC {
			continue
		}
		for _, m := range doc.Entities[i].Mentions {
			if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
				continue
			}
			if len(byName) != known {
				parts, known = map[string][]namePart{}, len(byName)
			}
			ps, ok := parts[m.Text]
			if !ok {
				ps = append(s.placesInside(m.Text, byName), s.policeOf(m.Text)...)
				parts[m.Text] = ps
			}
			for _, part := range ps {
				start := m.Start + part.at
				li, ok := byName[keys.key(part.name)]
				if !ok {
					doc.Entities = append(doc.Entities, news.Entity{ID: fmt.Sprintf("E%d", len(doc.Entities)+1),
						Type: news.TypeLOC, Name: part.name, Aliases: []string{}, Titles: []string{}})
					li = len(doc.Entities) - 1
					byName[keys.key(part.name)] = li
				}
				if at := [2]int{li, start}; !has[at] {
					has[at] = true
					doc.Entities[li].Mentions = append(doc.Entities[li].Mentions, news.Mention{Span: news.Span{Start: start, End: start + len(part.name)},
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

// maxNestedPlaceWords is the most words a place named inside another name
// has ("South Georgia and the South Sandwich Islands" has seven). It keeps
// the search inside a long name linear in its words.
const maxNestedPlaceWords = 8

// placesInside returns the runs of name's words (split at spaces, hyphens,
// slashes and commas: "London-based", "Amsterdam/Schiphol") of at most
// maxNestedPlaceWords words that are the names of LOC entities of the
// article (known, by key), of countries, or demonyms of countries or
// regions, longest first and not overlapping. A country's name that ends a longer place name is not
// taken: "Jersey" in "New Jersey Lottery" is no island.
func (s *Stage) placesInside(name string, known map[string]int) []namePart {
	type word struct{ start, end int }
	var words []word
	start := -1
	for i, r := range name {
		sep := r == ' ' || r == '-' || r == '/' || r == '–' || r == ',' || r == ';' || r == '(' || r == ')'
		switch {
		case sep && start >= 0:
			words = append(words, word{start, i})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(name)})
	}
	if len(words) < 2 {
		return nil
	}
	var out []namePart
	taken := make([]bool, len(words))
	for n := min(len(words)-1, maxNestedPlaceWords); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if anyTaken(taken[i : i+n]) {
				continue
			}
			part := name[words[i].start:words[i+n-1].end]
			if !unicode.IsUpper(firstRune(part)) {
				continue // names are capitalised
			}
			_, isKnown := known[gazetteer.Key(part)]
			if !isKnown && len(part) <= 3 && strings.ToUpper(part) != part {
				continue // a country's abbreviation is written in capitals: "US", not the pronoun of "By Us for Us"
			}
			if !isKnown && !s.isCountryName(part) && !(n == 1 && s.isCountryDemonym(part)) && !(n == 2 && s.isRegionDemonym(part)) {
				continue
			}
			if !isKnown && i > 0 && s.longerPlace(name[words[i-1].start:words[i-1].end], name[words[i-1].start:words[i+n-1].end]) {
				continue // "Jersey" of "New Jersey"
			}
			out = append(out, namePart{part, words[i].start})
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
		}
	}
	return out
}

// isRegionDemonym reports a region's demonym of capitalised words
// ("North American" in "North American Free Trade Agreement"), which is
// taken before the country's demonym inside it.
func (s *Stage) isRegionDemonym(name string) bool {
	for _, w := range strings.Fields(name) {
		if !isCapitalisedWord(w) {
			return false
		}
	}
	_, ok := regionDemonyms[gazetteer.Key(name)]
	return ok && s.demonymPlace(gazetteer.Key(name))
}

// policeOf returns the place whose public service an organisation's name
// says it is: the one to three capitalised words that open the name
// before its service words ("Rome police", "New York City police",
// "Maryland State Police", "Boise Fire Department", "New Brunswick
// RCMP"; see serviceWords), when they are, by their own name, a region
// without a country, or a first-level region or a city of minPoliceCity
// people or more, and no country (which placesInside takes); else nil.
func (s *Stage) policeOf(name string) []namePart {
	words := strings.Fields(name)
	for n := min(3, len(words)-1); n >= 1; n-- {
		place := strings.Join(words[:n], " ")
		if !strings.HasPrefix(name, place+" ") || !serviceTail(words[n:]) || !allCapitalised(words[:n]) {
			continue
		}
		if len(strings.Fields(gazetteer.Key(place))) != n {
			continue // "Maryland State" is Maryland's key
		}
		if s.isCountryName(place) {
			return nil // a country's name is placesInside's
		}
		for _, m := range s.ix.LookupKey(gazetteer.Key(place)) {
			if m.Primary && (m.Kind == gazetteer.KindRegion || m.Population >= minPoliceCity) {
				return []namePart{{place, 0}}
			}
		}
	}
	return nil
}

// minPoliceCity is the least population of a city or first-level region
// whose name policeOf takes, so that "Federal police" is no town called
// Federal and "Peel Regional Police" no parish of the Isle of Man.
const minPoliceCity = 100_000

// serviceWords open the rest of the name of a place's public service,
// after the words of serviceLevels: "police", "Police", "Fire", "Sheriff",
// "RCMP".
var (
	serviceWords  = map[string]bool{"police": true, "Police": true, "Fire": true, "Sheriff": true, "Sheriff's": true, "RCMP": true}
	serviceLevels = map[string]bool{"State": true, "Regional": true, "City": true, "County": true, "Metropolitan": true, "Provincial": true}
)

// serviceTail reports whether words name a public service (see
// serviceWords).
func serviceTail(words []string) bool {
	for len(words) > 0 && serviceLevels[words[0]] {
		words = words[1:]
	}
	return len(words) > 0 && serviceWords[words[0]]
}

// longerPlace reports whether run, a name that capitalised word prev
// opens, is a place by its own name: "New Jersey" around "Jersey", not
// "the United States" around "United States".
func (s *Stage) longerPlace(prev, run string) bool {
	return isCapitalisedWord(prev) && len(strings.Fields(gazetteer.Key(run))) == len(strings.Fields(run)) && s.isPlaceName(run)
}

// isCountryDemonym reports a country's demonym, capitalised ("Russian" in
// "anti-Russian", "Russian-backed"): such a compound names the country.
func (s *Stage) isCountryDemonym(w string) bool {
	if !isCapitalisedWord(w) {
		return false
	}
	cc, ok := demonyms[gazetteer.Key(w)]
	return ok && s.ix.Country(cc) != nil
}

func anyTaken(ts []bool) bool {
	for _, t := range ts {
		if t {
			return true
		}
	}
	return false
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

// extendNames grows a place's mention over the capitalised word before it
// when NER cut the name short and the longer name is a place: "New" +
// "Jersey" is New Jersey, not the island of Jersey.
func (s *Stage) extendNames(doc *news.Doc, tix news.TokenIndex) {
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

// findMissedPlaces adds the places NER did not tag at all: the dateline's
// place (datelinePlace), an administrative division's name ("Barmal
// District"), the state of a politician's party-state tag ("D-N.Y."), and,
// by the gazetteer, a run of one to three capitalised words outside every
// mention that is a country (by any of its names: "UK", "US"), a
// first-level region by its own name, or a city of a million people or
// more by its own name ("Calgary", "BEIRUT"). Smaller cities are left to
// NER, since their names are often people's or common words ("Jackson",
// "Reading"). A name the article already has as a place joins that entity;
// another becomes a new LOC entity.
func (s *Stage) findMissedPlaces(doc *news.Doc, tix news.TokenIndex) {
	covered := make([]bool, len(doc.Tokens))
	byKey := map[string]int{}
	for i, e := range doc.Entities {
		for _, m := range e.Mentions {
			if first, last, ok := tix.Range(m.Span); ok {
				for k := first; k <= last; k++ {
					covered[k] = true
				}
			}
			if e.Type == news.TypeLOC {
				byKey[gazetteer.Key(m.Text)] = i
			}
		}
	}
	toks := doc.Tokens
	add := func(sp news.Span, first, last int) {
		text := sp.Of(doc.Text)
		key := gazetteer.Key(text)
		li, ok := byKey[key]
		if !ok {
			doc.Entities = append(doc.Entities, news.Entity{ID: fmt.Sprintf("E%d", len(doc.Entities)+1), Type: news.TypeLOC,
				Name: text, Aliases: []string{}, Titles: []string{}})
			li = len(doc.Entities) - 1
			byKey[key] = li
		}
		doc.Entities[li].Mentions = append(doc.Entities[li].Mentions, news.Mention{Span: sp, Text: text, Type: news.TypeLOC, Kind: news.MentionName})
		for k := first; k <= last; k++ {
			covered[k] = true
		}
	}
	if st, en := datelineSpan(doc.Text); st >= 0 && s.datelinePlace(doc.Text, st, en) {
		if first, last, ok := tix.Range(news.Span{Start: st, End: en}); ok && !anyTaken(covered[first:last+1]) {
			add(news.Span{Start: st, End: en}, first, last)
		}
	}
	for i := 0; i < len(toks); i++ {
		if sp, ok := s.partyState(doc, i, covered); ok {
			add(sp, i, i+1)
			i++
			continue
		}
		for n := 3; n >= 1; n-- {
			if i+n > len(toks) || !s.missedPlaceAt(doc, toks[i:i+n], covered[i:i+n]) && !divisionName(doc, toks, i, n, covered) {
				continue
			}
			add(news.Span{Start: toks[i].Start, End: toks[i+n-1].End}, i, i+n-1)
			i += n - 1
			break
		}
	}
}

// datelinePlace reports whether the dateline name text[st:en] is a place
// to add when NER missed it: a city, district or region by its own name,
// of any size, or any name followed by a country's ("MIRAMSHAH, Pakistan").
func (s *Stage) datelinePlace(text string, st, en int) bool {
	for _, m := range s.ix.LookupKey(gazetteer.Key(text[st:en])) {
		if m.Primary && m.Kind != gazetteer.KindCountry {
			return true
		}
	}
	if en < len(text) && text[en] == ',' {
		rest := strings.TrimSpace(text[en+1 : min(len(text), en+40)])
		for n := 3; n >= 1; n-- {
			ws := strings.Fields(rest)
			if len(ws) < n {
				continue
			}
			name := strings.TrimRight(strings.Join(ws[:n], " "), ",.:;—–-")
			if s.isCountryName(name) {
				return true
			}
		}
	}
	return false
}

// divisionHeads end the names of administrative divisions ("Barmal
// District", "Komondjari Province"), which the gazetteer may lack.
var divisionHeads = map[string]bool{"District": true, "Province": true, "Governorate": true, "County": true, "Tehsil": true}

// divisionName reports n tokens from i, outside every mention, that are
// one to three capitalised words and a division head ("Barmal District"),
// not at the start of a sentence (where a capital says nothing) and not
// right after another capitalised word (the end of a longer name).
func divisionName(doc *news.Doc, toks []news.Token, i, n int, covered []bool) bool {
	if n < 2 || !divisionHeads[toks[i+n-1].Text] || i == 0 || isCapitalisedWord(toks[i-1].Text) || sentenceStart(doc, i) {
		return false
	}
	for k := i; k < i+n; k++ {
		if covered[k] || !isCapitalisedWord(toks[k].Text) || k > i && toks[k].Start-toks[k-1].End != 1 {
			return false
		}
		if k < i+n-1 && divisionHeads[toks[k].Text] {
			return false
		}
	}
	return true
}

// sentenceStart reports whether token i opens a sentence.
func sentenceStart(doc *news.Doc, i int) bool {
	for _, s := range doc.Sentences {
		if s.FirstToken == i {
			return true
		}
	}
	return false
}

// partyState finds the state of an American politician's party-state tag
// ("Sen. Chuck Schumer, D-N.Y., said"): token i is "D-", "R-" or "I-" and
// an AP abbreviation of a state, the next token its final period. It
// returns the abbreviation's span.
func (s *Stage) partyState(doc *news.Doc, i int, covered []bool) (news.Span, bool) {
	toks := doc.Tokens
	t := toks[i]
	if i+1 >= len(toks) || covered[i] || len(t.Text) < 4 || t.Text[1] != '-' || !strings.ContainsRune("DRI", rune(t.Text[0])) ||
		toks[i+1].Text != "." || toks[i+1].Start != t.End {
		return news.Span{}, false
	}
	sp := news.Span{Start: t.Start + 2, End: toks[i+1].End}
	for _, m := range s.ix.LookupKey(gazetteer.Key(sp.Of(doc.Text))) {
		if m.Kind == gazetteer.KindAdmin1 && m.Country == "US" {
			return sp, true
		}
	}
	return news.Span{}, false
}

// missedPlaceAt reports whether the tokens, none inside a mention, all
// capitalised and written next to each other, name a place that
// findMissedPlaces adds.
func (s *Stage) missedPlaceAt(doc *news.Doc, toks []news.Token, covered []bool) bool {
	for k, t := range toks {
		if covered[k] || !isCapitalisedWord(t.Text) || (k > 0 && t.Start-toks[k-1].End != 1) {
			return false
		}
	}
	text := doc.Text[toks[0].Start:toks[len(toks)-1].End]
	if news.PronounUS(doc.Text, news.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}) {
		return false // "maybe it's US"
	}
	for _, m := range s.ix.LookupKey(gazetteer.Key(text)) {
		switch {
		case m.Kind == gazetteer.KindCountry && len(text) <= 3 && strings.ToUpper(text) != text:
			// A country's abbreviation is written in capitals: "US",
			// not the pronoun "Us" of a title-case headline.
		case m.Kind == gazetteer.KindCountry && (m.Primary || len(text) >= 2):
			return true
		case !m.Primary || len(text) < 4:
		case m.Kind == gazetteer.KindAdmin1, m.Kind == gazetteer.KindCity && m.Population >= 1_000_000:
			return true
		}
	}
	return false
}

// kindOfPlaceAfter are the nouns after a name that make it a place ("Qandil
// mountain", "Komondjari province"); kindOfPlaceOf those before "of" ("the
// village of Jaloud").
var (
	kindOfPlaceAfter = map[string]bool{"province": true, "district": true, "village": true, "town": true,
		"region": true, "governorate": true, "mountain": true, "mountains": true, "suburb": true, "suburbs": true,
		"area": true, "neighbourhood": true, "neighborhood": true, "valley": true, "tehsil": true}
	kindOfPlaceOf = map[string]bool{"village": true, "town": true, "city": true, "district": true, "province": true,
		"region": true, "suburb": true, "hamlet": true, "neighbourhood": true, "neighborhood": true, "governorate": true}
	// directionAdjectives before a name, after "the", make it a place ("the
	// eastern Gouta"): no person or organisation is written so.
	directionAdjectives = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
		"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true, "central": true}
)

// placeConstruction reports an entity with no pronoun pointing to it that
// the text names as a place by the words around one of its mentions: a
// lower-case kind of place after it ("Komondjari province", "Qandil
// mountain"; not "area" for an organisation), "village of" or the like
// before it, or "the" and a direction before it ("the eastern Gouta").
func placeConstruction(doc *news.Doc, e *news.Entity) bool {
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun {
			return false
		}
	}
	for _, m := range e.Mentions {
		if m.Kind == news.MentionNominal {
			continue
		}
		if w, comma := nextWord(doc.Text, m.End); !comma && kindOfPlaceAfter[w] && isLowerAt(doc.Text, m.End) &&
			(w != "area" || e.Type != news.TypeORG) {
			return true
		}
		before := strings.Fields(doc.Text[max(0, m.Start-24):m.Start])
		if n := len(before); n >= 2 {
			if before[n-1] == "of" && kindOfPlaceOf[before[n-2]] {
				return true
			}
			if directionAdjectives[before[n-1]] && strings.EqualFold(before[n-2], "the") {
				return true
			}
		}
	}
	return false
}

// isLowerAt reports whether the first letter after offset i is lower case.
func isLowerAt(text string, i int) bool {
	for _, r := range text[min(max(i, 0), len(text)):] {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
