package geo

import (
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// basedCompound is one to three capitalised words joined to "-based"
// ("Calgary-based", "Abu Dhabi-based", "The Pennsylvania-based").
var basedCompound = regexp.MustCompile(`\p{Lu}[\pL.'’]*(?: \p{Lu}[\pL.'’]*){0,2}-(?:based|headquartered)\b`)

// maxBasedBytes is how far before "-based" the words of its place may
// start (three words).
const maxBasedBytes = 60

// basedPlaces adds the place of each "X-based" compound whose X (the
// longest run of its last words that is one) is a place by its own name
// in the gazetteer: "a Calgary-based company" is in Calgary, whether NER
// tagged the compound, a longer name around it or nothing. The mention
// joins the article's LOC entity of that name, else a new one; a place
// that a LOC mention already covers is left alone.
func (s *Stage) basedPlaces(doc *news.Doc) {
	locs := append(findNear(basedCompound, doc.Text, "-based", maxBasedBytes, 1), findNear(basedCompound, doc.Text, "-headquartered", maxBasedBytes, 1)...)
	if len(locs) == 0 {
		return
	}
	covered := newSpanSet(nameSpans(doc, isLOC))
	px := newPlaceIndex(doc)
	for _, loc := range locs {
		end := strings.LastIndexByte(doc.Text[loc[0]:loc[1]], '-') + loc[0]
		st := s.placeSuffix(doc.Text, loc[0], end)
		if st < 0 || covered.overlaps(st, end) {
			continue
		}
		px.add(news.Span{Start: st, End: end})
	}
	px.finish()
}

// placeSuffix returns the start of the longest run of the last words of
// text[from:end] that is a place by its own name (isPlaceName), or -1.
func (s *Stage) placeSuffix(text string, from, end int) int {
	for st := from; st < end; {
		run := text[st:end]
		// A word the key drops ("The Calgary") is no part of the name.
		if len(strings.Fields(gazetteer.Key(run))) == len(strings.Fields(run)) && s.isPlaceName(run) {
			return st
		}
		sp := strings.IndexByte(text[st:end], ' ')
		if sp < 0 {
			break
		}
		st += sp + 1
	}
	return -1
}

// untaggedCompoundPlaces adds the places inside hyphenated compounds that
// no entity's mention covers, as nestPlaces does inside names: countries
// by their names or demonyms and the article's places by key ("the
// Armenia-Italy friendship group", "UK-bashing", "Turkish-backed
// militias"). The mentions join the article's LOC entities of those
// names, else new ones.
func (s *Stage) untaggedCompoundPlaces(doc *news.Doc) {
	locs := hyphenCompounds(doc.Text)
	if len(locs) == 0 {
		return
	}
	named := newSpanSet(nameSpans(doc, anyEntity))
	px := newPlaceIndex(doc)
	for _, loc := range locs {
		if named.overlaps(loc[0], loc[1]) {
			continue
		}
		for _, part := range s.placesInside(doc.Text[loc[0]:loc[1]], px.keys()) {
			st := loc[0] + part.at
			px.add(news.Span{Start: st, End: st + len(part.name)})
		}
	}
	px.finish()
}

// splitJoinedPlaces splits a LOC mention of two places joined by a hyphen
// or a slash that the gazetteer does not know as one ("the
// Amsterdam-London route", "Asian-Pacific"): the mention keeps the first
// place, and the second joins the article's LOC entity of its name, else
// a new one. A name the gazetteer knows whole ("Gilgit-Baltistan",
// "Centre-Nord") stays whole.
func (s *Stage) splitJoinedPlaces(doc *news.Doc) {
	px := newPlaceIndex(doc)
	defer px.finish()
	for i := range doc.Entities {
		if doc.Entities[i].Type != news.TypeLOC {
			continue
		}
		for k := 0; k < len(doc.Entities[i].Mentions); k++ {
			m := doc.Entities[i].Mentions[k]
			at := strings.IndexAny(m.Text, "-/")
			if m.Kind != news.MentionName || at <= 0 || len(s.ix.LookupKey(gazetteer.Key(m.Text))) > 0 {
				continue
			}
			left, right := m.Text[:at], m.Text[at+1:]
			if !s.placeOrDemonym(left) || !s.placeOrDemonym(right) {
				continue
			}
			e := &doc.Entities[i]
			if e.Name == m.Text {
				e.Name = left
			}
			e.Mentions[k] = news.Mention{Span: news.Span{Start: m.Start, End: m.Start + at}, Text: left, Type: m.Type, Kind: m.Kind}
			px.add(news.Span{Start: m.Start + at + 1, End: m.End})
		}
	}
}

// placeOrDemonym reports a capitalised name that is a place by its own
// name (isPlaceName) or the demonym of a place (demonymPlace).
func (s *Stage) placeOrDemonym(name string) bool {
	return isCapitalisedWord(name) && (s.isPlaceName(name) || s.demonymPlace(gazetteer.Key(name)))
}
