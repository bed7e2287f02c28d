package geo

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// The weights of the reading score. A reading's score is its prior (what
// kind of place it is and how many people live there) plus the article's
// evidence for it; the highest score wins. The values are set so that, with
// no evidence, a country beats a city of the same name, a capital beats a
// same-named admin1 region ("Washington"), and a city of millions beats a
// town; and so that evidence of the right country outweighs a tenfold
// difference in population.
const (
	priorRegion     = 13.0 // regions without a country are asked for by name
	priorCountry    = 12.0
	bonusCapital    = 2.0 // national capital (PPLC)
	bonusSeat       = 0.5 // seat of an admin1 region (PPLA)
	bonusAdmin1     = 0.5 // on top of log10(population of its cities)
	floorAdmin1     = 4.0 // the least log10(population) an admin1 region counts with
	penaltyAltName  = 2.5 // the name is one of the place's alternate names only
	penaltySection  = 1.0 // a section of a city (PPLX), such as a neighbourhood
	penaltyAltCtry  = 4.0 // the same for a country (a translation, "Norfolk" for Norfolk Island)
	bonusCityInSame = 2.5 // a city inside a same-named admin1 region ("Moscow", "New York")
	// A country whose name is another country's or another country's
	// region's ("Korea", "Guinea", "Georgia") is decided by the article:
	// its prior drops by penaltyShared (by penaltyOtherSense more for the
	// less usual sense) and the article's evidence for its country counts.
	penaltyShared     = 3.0
	penaltyOtherSense = 1.0

	evCountry     = 3.0 // for the article's main country; others in proportion to their evidence
	evAdmin1      = 1.5 // the article names the candidate's admin1 region, or places inside the candidate region
	evQualifier   = 6.0 // "Quetta, Balochistan": the next name contains the candidate
	evDateline    = 5.0 // the dateline city
	evCapitalVerb = 3.0 // "Washington said": the capital as its government
	evKindWord    = 4.0 // "Washington state", "Punjab province": the word after the name says what it is
	// evNeighbours is for a city within NearKm of another town of the
	// article ("Oceanside" beside "Bellmore" is Oceanside, New York) and
	// for a region the article also names by another of its names
	// ("Washington" beside the dateline's "Wash.").
	evNeighbours = 1.5
	evListed     = 2.0 // "California or Washington": listed with a region of the same country, a region too
	evAreaWord   = 2.0 // "central Washington", "upstate New York": a part of an area, not of a city
	evSentence   = 1.5 // "In Washington, diplomats expelled from the United States": its country in the sentence
)

// prior scores a reading without context.
func prior(m gazetteer.Match, all []gazetteer.Match) float64 {
	var s float64
	switch m.Kind {
	case gazetteer.KindRegion:
		return priorRegion
	case gazetteer.KindCountry:
		if sharedCountryName(all) {
			s = priorCountry - penaltyShared
			if m.Place != firstCountry(all) {
				s -= penaltyOtherSense
			}
			return s
		}
		s = priorCountry
		if !m.Primary {
			return s - penaltyAltCtry
		}
	case gazetteer.KindAdmin1:
		// Its population is that of its cities in the file, none for a
		// rural province ("Paktika"), which is still a region.
		s = math.Max(math.Log10(float64(m.Population)+1), floorAdmin1) + bonusAdmin1
	default:
		s = math.Log10(float64(m.Population) + 1)
		switch m.Code {
		case "PPLC":
			s += bonusCapital
		case "PPLA":
			s += bonusSeat
		case "PPLX":
			s -= penaltySection
		}
		if cityInSameRegion(m, all) {
			// The city is named after its region ("New York" is an
			// alternate name of New York City): no alternate-name
			// penalty, and the city is what news means.
			return s + bonusCityInSame
		}
	}
	if !m.Primary {
		s -= penaltyAltName
	}
	return s
}

// sharedCountryName reports readings of a name that are two countries
// ("Korea", "Guinea", "Congo") or a country and a first-level region of
// another country ("Georgia").
func sharedCountryName(all []gazetteer.Match) bool {
	c := firstCountry(all)
	if c == nil {
		return false
	}
	for _, o := range all {
		if o.Place != c && (o.Kind == gazetteer.KindCountry || o.Kind == gazetteer.KindAdmin1 && o.Country != c.Country) {
			return true
		}
	}
	return false
}

// firstCountry is the first country among the readings, the usual sense
// of a shared name; nil when there is none.
func firstCountry(all []gazetteer.Match) *gazetteer.Place {
	for _, o := range all {
		if o.Kind == gazetteer.KindCountry {
			return o.Place
		}
	}
	return nil
}

// cityInSameRegion reports a city reading whose admin1 region is another
// reading of the same name ("Geneva": the canton and its city, Genève).
func cityInSameRegion(m gazetteer.Match, all []gazetteer.Match) bool {
	if m.Kind != gazetteer.KindCity {
		return false
	}
	for _, o := range all {
		if o.Kind == gazetteer.KindAdmin1 && o.Country == m.Country && o.Admin1 == m.Admin1 {
			return true
		}
	}
	return false
}

type reading struct {
	m        gazetteer.Match
	score    float64
	reasons  []string
	evidence int // how many evidence terms were added to the prior
}

// resolve picks the reading of entity i, or nil when it has none.
//
// Every LOC entity with the same name gets the same reading (one sense per
// article), decided on the evidence around all their mentions: the ner
// stage makes one entity per mention, and "Nelson, B.C." early in a story
// settles the later "Nelson"s.
func (r *resolver) resolve(i int) *news.Place {
	t := r.tops[i]
	if t == nil || len(t.cands) == 0 {
		return nil
	}
	p, ok := r.done[t.key]
	if !ok {
		p = r.decide(t)
		r.done[t.key] = p
	}
	if p == nil {
		return nil
	}
	cp := *p
	return &cp
}

func (r *resolver) decide(t *toponym) *news.Place {
	ms := r.mentions[t.key]
	reads := make([]reading, 0, len(t.cands))
	for _, m := range t.cands {
		rd := reading{m: m, score: prior(m, t.cands)}
		rd.reasons = append(rd.reasons, fmt.Sprintf("prior %.1f", rd.score))
		if t.demonym != "" {
			rd.reasons = append(rd.reasons, "demonym of "+m.Country)
		}
		if m.Kind == gazetteer.KindCountry && sharedCountryName(t.cands) {
			rd.reasons = append(rd.reasons, "a name of several places, decided by the article")
		}
		r.evidence(&rd, t, ms)
		reads = append(reads, rd)
	}
	sort.SliceStable(reads, func(a, b int) bool {
		if reads[a].score != reads[b].score {
			return reads[a].score > reads[b].score
		}
		if reads[a].m.Population != reads[b].m.Population {
			return reads[a].m.Population > reads[b].m.Population
		}
		return reads[a].m.ID < reads[b].m.ID
	})
	win := reads[0]
	if weak(t, win) || r.foreignTown(t, win) {
		return nil
	}
	p := win.m.Place
	out := &news.Place{Country: p.Country, Lat: round(p.Lat), Lon: round(p.Lon), GeonamesID: p.ID, Feature: p.Kind.String(),
		Demonym: t.demonym != ""}
	if a := r.s.ix.Admin1(p); a != nil {
		out.Admin1 = a.Name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s %s, pop %d): %s = %.1f", p.Kind, p.Name, orDash(p.Country), p.Code, p.Population,
		strings.Join(win.reasons, " + "), win.score)
	if len(reads) > 1 {
		ru := reads[1]
		fmt.Fprintf(&b, "; next %s %s (%s) %.1f of %d readings", ru.m.Kind, ru.m.Name, orDash(ru.m.Country), ru.score, len(reads))
	}
	if p.Kind == gazetteer.KindRegion {
		if cc, why := r.spanCountry(p); cc != "" {
			out.Country = cc
			fmt.Fprintf(&b, "; country %s: %s", cc, why)
		}
	}
	out.Debug = b.String()
	return out
}

// admin1Words after a name mark it as a region ("Punjab province").
var admin1Words = map[string]bool{
	"state": true, "province": true, "region": true, "governorate": true, "prefecture": true,
	"oblast": true, "territory": true, "emirate": true,
}

// admin2Words after a name mark it as a district ("Barmal district").
var admin2Words = map[string]bool{"district": true, "county": true, "tehsil": true, "agency": true, "municipality": true}

// minScore is the least score a reading needs: a town of about a thousand
// people named by its own name, or less with the article's support.
const minScore = 3.0

// facilityWords end names of buildings, streets and the like, which the
// gazetteer does not hold: "White House" must not become Casablanca
// through one of its alternate names (Dar el Beida, "the white house").
var facilityWords = map[string]bool{
	"house": true, "street": true, "st": true, "square": true, "road": true, "avenue": true, "bridge": true,
	"tower": true, "center": true, "centre": true, "hall": true, "palace": true, "airport": true,
	"station": true, "park": true, "stadium": true, "church": true, "cathedral": true, "hospital": true,
	"university": true, "college": true, "school": true, "building": true, "mall": true, "market": true,
	"plaza": true, "boulevard": true, "lane": true, "court": true, "museum": true, "library": true,
}

// genericNames are names that are places only in some countries ("West"
// is a region of Cameroon) and need the article's support for them.
var genericNames = map[string]bool{
	"west": true, "western": true, "east": true, "eastern": true, "north": true, "northern": true,
	"south": true, "southern": true, "central": true, "centre": true, "center": true, "valley": true,
	"capital": true, "coast": true, "west coast": true, "east coast": true, "north west": true,
	"north east": true, "south west": true, "south east": true, "midlands": true, "interior": true,
}

// weak reports a winning reading too poor to give: below minScore; a
// facility's name matched to a city's alternate name; an alternate name of
// a smaller city that nothing in the article supports; a generic name
// without support; dotted initials read as a town under a million people
// that is no capital ("D.C." is Washington).
func weak(t *toponym, win reading) bool {
	if win.m.Kind == gazetteer.KindRegion || win.m.Kind == gazetteer.KindCountry && win.m.Primary {
		return false
	}
	words := strings.Fields(t.key)
	switch {
	case win.score < minScore:
		return true
	case len(words) > 1 && facilityWords[words[len(words)-1]] && !win.m.Primary:
		return true
	case !win.m.Primary && win.evidence == 0 && win.m.Population < 500_000 && !cityInSameRegion(win.m, t.cands):
		return true
	case genericNames[t.key] && win.evidence == 0:
		return true
	case t.initials && win.m.Kind == gazetteer.KindCity && win.m.Population < 1_000_000 && win.m.Code != "PPLC":
		return true // "U.N." is no town called Un
	}
	return false
}

// foreignTownMax is the population under which a town that nothing in
// the article supports, in a country the article does not mention, is not
// taken for the name (foreignTown).
const foreignTownMax = 50_000

// foreignTown reports a winning reading that is a town of fewer than
// foreignTownMax people, read from a one-word name with no evidence at
// all, in a country nothing else in the article points to while it
// points clearly (topWeight of 2 or more) to another, and never after a
// preposition of place nor in a list of places: the "Obama" of an
// American political story ("Obama's cabinet", "the Obama
// administration") is no town of Japan.
func (r *resolver) foreignTown(t *toponym, win reading) bool {
	m := win.m
	if m.Kind != gazetteer.KindCity || m.Population >= foreignTownMax || win.evidence > 0 || strings.Contains(t.key, " ") {
		return false
	}
	own := float64(max(1, len(r.mentions[t.key]))) / 2 // the town's own vote for its country (newResolver)
	if r.topWeight < 2 || r.countries[m.Country] > own {
		return false
	}
	for _, mn := range r.mentions[t.key] {
		if locative(r.doc.Text, mn.Span) || r.listedWithPlaces(mn.Span) {
			return false // "in Saipan", "Saipan, Guam, Alaska": the article uses it as a place
		}
	}
	return true
}

// listedWithPlaces reports whether the mention at sp is in a list with
// another place: a LOC mention right before it or right after it, past a
// comma or "and" ("Saipan, Guam and Alaska").
func (r *resolver) listedWithPlaces(sp news.Span) bool {
	text := r.doc.Text
	for _, e := range r.doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		for _, m := range e.Mentions {
			switch {
			case m.Start >= sp.End && m.Start-sp.End <= 6:
				if sep := strings.TrimSpace(text[sp.End:m.Start]); sep == "," || sep == "and" || sep == ", and" {
					return true
				}
			case m.End <= sp.Start && sp.Start-m.End <= 6:
				if sep := strings.TrimSpace(text[m.End:sp.Start]); sep == "," || sep == "and" || sep == ", and" {
					return true
				}
			}
		}
	}
	return false
}

// locative reports whether the mention at sp follows a preposition of
// place (locativeWords: "in Saipan") and is not a possessor ("in Obama's
// cabinet").
func locative(text string, sp news.Span) bool {
	if rest := text[sp.End:]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return false
	}
	before := strings.Fields(text[max(0, sp.Start-16):sp.Start])
	return len(before) > 0 && locativeWords[strings.ToLower(before[len(before)-1])]
}

// evidence adds the article's evidence for one reading.
func (r *resolver) evidence(rd *reading, t *toponym, ms []news.Mention) {
	p := rd.m.Place
	add := func(v float64, why string) {
		rd.evidence++
		rd.score += v
		rd.reasons = append(rd.reasons, fmt.Sprintf("%s %.1f", why, v))
	}
	if p.Kind == gazetteer.KindRegion || p.Kind == gazetteer.KindCountry && !sharedCountryName(t.cands) {
		return // nothing in the article makes a country less a country
	}
	// Evidence for the country, not counting this toponym's own vote.
	w := r.countries[p.Country]
	if best := r.bestByPrior(t); best != nil && best.Country == p.Country {
		n := float64(max(1, len(ms)))
		if best.Kind != gazetteer.KindCountry {
			n /= 2
		}
		w -= n
	}
	if w > 0 && r.topWeight > 0 {
		add(evCountry*math.Min(1, w/r.topWeight), "country "+p.Country+" in article")
	}
	self := 0
	if best := r.bestByPrior(t); best != nil && best.Country == p.Country && best.Admin1 == p.Admin1 {
		self = r.votes[t.key] // this name's own vote for its region
	}
	ownA1 := r.ownVotes(t, p)
	if p.Kind == gazetteer.KindAdmin1 && r.inAdmin1[p.Country+"."+p.Admin1]-self > 0 {
		add(evAdmin1, "places in it named")
	}
	if p.Kind == gazetteer.KindAdmin1 && r.admin1s[p.Country+"."+p.Admin1]-ownA1 > 0 {
		add(evNeighbours, "named by another name too")
	}
	if p.Kind == gazetteer.KindAdmin1 {
		if w := areaWordBefore(r.doc.Text, ms); w != "" {
			add(evAreaWord, "after "+w)
		}
		if q := r.listedWith(t, ms); q != nil && r.listedRegion(q, p) {
			add(evListed, "listed with "+q.key)
		}
		for _, m := range ms {
			if w, comma := nextWord(r.doc.Text, m.End); !comma && admin1Words[w] {
				add(evKindWord, "followed by "+w)
				break
			}
		}
	}
	if p.Kind == gazetteer.KindAdmin2 {
		if r.admin1s[p.Country+"."+p.Admin1]-self > 0 {
			add(evAdmin1, "its region named")
		}
		for _, m := range ms {
			if w, comma := nextWord(r.doc.Text, m.End); !comma && admin2Words[w] {
				add(evKindWord, "followed by "+w)
				break
			}
		}
	}
	if p.Kind == gazetteer.KindCity {
		if r.admin1s[p.Country+"."+p.Admin1]-self > 0 {
			add(evAdmin1, "its region named")
		}
		if q := r.nearby(t, p); q != "" {
			add(evNeighbours, "near "+q)
		}
		if r.dateline != "" && r.dateline == t.key && r.datePl == p {
			add(evDateline, "dateline")
		}
		if p.Code == "PPLC" && rd.m.Primary {
			for _, m := range ms {
				if w, comma := nextWord(r.doc.Text, m.End); !comma && reportingVerbs[w] {
					add(evCapitalVerb, "capital as government ("+w+")")
					break
				}
			}
		}
	}
	if p.Kind != gazetteer.KindCountry {
		if q := r.sameSentenceCountry(t, p, ms); q != "" {
			add(evSentence, "its country "+q+" in the sentence")
		}
	}
	if q := r.qualifier(ms); q != nil && r.contains(q, p) {
		add(evQualifier, "qualified by "+q.key)
	}
}

// ownVotes is what toponym t itself added to admin1s for p's admin1
// region, so that a name is not its own evidence.
func (r *resolver) ownVotes(t *toponym, p *gazetteer.Place) int {
	best := r.bestByPrior(t)
	if best == nil || best.Kind != gazetteer.KindAdmin1 || best.Country != p.Country || best.Admin1 != p.Admin1 {
		return 0
	}
	return r.votes[t.key]
}

// qualifier returns the toponym right after one of the mentions, past a
// comma ("Quetta, Balochistan"), or nil.
func (r *resolver) qualifier(ms []news.Mention) *toponym {
	text := r.doc.Text
	for _, m := range ms {
		i := m.End
		if i < 0 || i >= len(text) || text[i] != ',' {
			continue
		}
		i++
		for i < len(text) && text[i] == ' ' {
			i++
		}
		for j := range r.doc.Entities { // in order, so that the result is deterministic
			t := r.tops[j]
			if t == nil || len(t.cands) == 0 {
				continue
			}
			for _, m2 := range r.doc.Entities[j].Mentions {
				if m2.Start == i {
					return t
				}
			}
		}
	}
	return nil
}

// contains reports whether some reading of q is p's admin1 region or
// country.
func (r *resolver) contains(q *toponym, p *gazetteer.Place) bool {
	for _, m := range q.cands {
		switch m.Kind {
		case gazetteer.KindCountry:
			if m.Country == p.Country && p.Kind != gazetteer.KindCountry {
				return true
			}
		case gazetteer.KindAdmin1:
			if p.Kind == gazetteer.KindCity && m.Country == p.Country && m.Admin1 == p.Admin1 {
				return true
			}
		}
	}
	return false
}

func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
