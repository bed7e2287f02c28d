package geo

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// A toponym the gazetteer does not know (a village, a district, a
// neighbourhood) still gets its country when the article says where it
// is. The place is country-only (news.FeatureCountryOnly): no point is
// invented. The evidence, in the order it is tried:
//
//   - a place the article names with it: "Paktika's Barmal district",
//     "Zakura area of Srinagar", "Alapere, Lagos", "Khan al-Asal, near the
//     city of Aleppo", "Noaka, in the Centre-Nord region", "X, near the
//     Syrian border";
//   - a country's demonym before a place noun: "the Lebanese village of X";
//   - the dateline's country;
//   - the country the article is about, when one clearly leads (see
//     leadCountry); not for seas, rivers and other features that often
//     lie across borders.

// maxLinkWords is the most words between an unknown toponym and the place
// that locates it ("X, near the northern restive city of Aleppo" has six).
const maxLinkWords = 8

// linkWords tie an unknown toponym to the place after it.
var linkWords = map[string]bool{",": true, "of": true, "near": true, "in": true, "outside": true, "at": true}

// breakWords end the search for a locating place: what follows them is
// not where the toponym lies ("X and Y", "X, said the governor of Y").
var breakWords = map[string]bool{
	"and": true, "or": true, "but": true, "while": true, "where": true, "which": true, "who": true,
	"said": true, "says": true, "told": true, "from": true, "to": true, "than": true, "by": true, "with": true,
	"after": true, "before": true, "against": true, "between": true, "for": true,
}

// placeNouns name kinds of small places: "the Lebanese village of X", "X
// district", "the X area".
var placeNouns = map[string]bool{
	"village": true, "villages": true, "town": true, "towns": true, "city": true, "district": true, "districts": true,
	"province": true, "provinces": true, "region": true, "area": true, "areas": true, "suburb": true, "suburbs": true,
	"neighbourhood": true, "neighborhood": true, "hamlet": true, "camp": true, "locality": true, "county": true,
	"municipality": true, "settlement": true, "mountain": true, "mountains": true, "valley": true, "governorate": true,
	"township": true, "tehsil": true, "state": true, "border": true, "outskirts": true, "port": true, "island": true,
}

// acrossBorders are last words of feature names that often lie in, or
// between, several countries: they get a country only from an explicit
// construction, never from the article's main country.
var acrossBorders = map[string]bool{
	"sea": true, "ocean": true, "gulf": true, "strait": true, "straits": true, "river": true, "lake": true,
	"bay": true, "channel": true, "desert": true, "mountains": true, "range": true, "line": true,
	"peninsula": true, "basin": true, "corridor": true, "canal": true, "coast": true,
}

// countryOnly returns a country-only place for LOC entity i, which has no
// reading, or nil when the article does not say where it is. placeOf is
// the place decided for each entity so far.
func (r *resolver) countryOnly(i int, placeOf []*news.Place, lx *locIndex) *news.Place {
	e := &r.doc.Entities[i]
	k := gazetteer.Key(e.Name)
	if k == "" || genericNames[k] || demonyms[k] != "" || isAllCapsShort(e.Name) {
		return nil
	}
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			continue
		}
		first, last, ok := lx.tix.Range(m.Span)
		if !ok {
			continue
		}
		if cc, why := r.locatedBefore(first, i, placeOf, lx); cc != "" {
			return r.countryPlace(cc, why)
		}
		if cc, why := r.locatedAfter(last, i, placeOf, lx); cc != "" {
			return r.countryPlace(cc, why)
		}
	}
	if r.datePl != nil && r.datePl.Country != "" {
		return r.countryPlace(r.datePl.Country, "the dateline "+r.dateline+" is in "+r.datePl.Country)
	}
	ws := strings.Fields(k)
	if acrossBorders[ws[len(ws)-1]] {
		return nil
	}
	if cc, w := r.leadCountry(); cc != "" {
		return r.countryPlace(cc, fmt.Sprintf("the article is about %s (weight %.1f)", cc, w))
	}
	return nil
}

// isAllCapsShort reports an abbreviation of at most four letters ("UN",
// "U.N.", "NATO"): an organisation NER took for a place, not a village.
func isAllCapsShort(name string) bool {
	n := 0
	for _, c := range name {
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.':
		default:
			return false
		}
	}
	return n <= 4
}

func (r *resolver) countryPlace(cc, why string) *news.Place {
	if r.s.ix.Country(cc) == nil {
		return nil
	}
	return &news.Place{Country: cc, Feature: news.FeatureCountryOnly, Debug: "country-only: not in the gazetteer; " + why}
}

// leadCountry is the country the article is about: the one with the most
// evidence, when it has at least two mentions' worth and half again as
// much as the next.
func (r *resolver) leadCountry() (string, float64) {
	var best, second float64
	cc := ""
	for c, w := range r.countries {
		switch {
		case w > best || w == best && c < cc:
			second = max(second, best)
			best, cc = w, c
		case w > second:
			second = w
		}
	}
	if best < 2 || best < 1.5*second {
		return "", 0
	}
	return cc, best
}

// locIndex finds LOC mentions by their first and last token.
type locIndex struct {
	tix     news.TokenIndex
	byFirst map[int]int // token -> entity
	byLast  map[int]int
}

func newLocIndex(doc *news.Doc, tix news.TokenIndex) *locIndex {
	lx := &locIndex{tix: tix, byFirst: map[int]int{}, byLast: map[int]int{}}
	for i, e := range doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		for _, m := range e.Mentions {
			if first, last, ok := tix.Range(m.Span); ok {
				lx.byFirst[first] = i
				lx.byLast[last] = i
			}
		}
	}
	return lx
}

// knownCountry is the country of entity j's place, "" when it has none.
func knownCountry(placeOf []*news.Place, j int) string {
	if j < len(placeOf) && placeOf[j] != nil {
		return placeOf[j].Country
	}
	return ""
}

// locatedBefore reads the words before an unknown toponym (token first):
// a place's possessive ("Paktika's Barmal district") or a demonym before a
// place noun ("the Lebanese village of X").
func (r *resolver) locatedBefore(first, self int, placeOf []*news.Place, lx *locIndex) (string, string) {
	toks := r.doc.Tokens
	if first >= 2 && isPossessive(toks[first-1].Text) {
		if j, ok := lx.byLast[first-2]; ok && j != self {
			if cc := knownCountry(placeOf, j); cc != "" {
				return cc, "in " + r.doc.Entities[j].Name + " (" + cc + "), by the possessive"
			}
		}
	}
	noun := false
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		w := toks[k].Text
		lw := strings.ToLower(w)
		switch {
		case placeNouns[lw]:
			noun = true
		case lw == "of" || lw == "the" || lw == "a":
		case noun && isCapitalisedWord(w):
			if cc := demonyms[lw]; cc != "" {
				return cc, "after '" + w + " " + strings.ToLower(toks[k+1].Text) + "'"
			}
			return "", ""
		default:
			return "", ""
		}
	}
	return "", ""
}

// locatedAfter reads the words after an unknown toponym (token last) up to
// the place that locates it: "Zakura area of Srinagar", "Alapere, Lagos",
// "X, near the northern city of Aleppo", "X, near the Syrian border".
func (r *resolver) locatedAfter(last, self int, placeOf []*news.Place, lx *locIndex) (string, string) {
	toks := r.doc.Tokens
	linked, words := false, 0
	for k := last + 1; k < len(toks) && words <= maxLinkWords; k++ {
		w := toks[k].Text
		lw := strings.ToLower(w)
		if j, ok := lx.byFirst[k]; ok && j != self {
			if linked {
				if cc := knownCountry(placeOf, j); cc != "" {
					return cc, "located by " + r.doc.Entities[j].Name + " (" + cc + ") after it"
				}
			}
			return "", ""
		}
		switch {
		case linkWords[lw]:
			linked = true
		case breakWords[lw] || w == "." || w == ";" || w == ":" || w == "(" || w == ")":
			return "", ""
		case isCapitalisedWord(w):
			if cc := demonyms[lw]; cc != "" && linked && k+1 < len(toks) && placeNouns[strings.ToLower(toks[k+1].Text)] {
				return cc, "located by '" + w + " " + toks[k+1].Text + "' after it"
			}
			return "", ""
		}
		words++
	}
	return "", ""
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }
