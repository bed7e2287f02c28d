package geo

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// listJoins join two names of a list ("California or Washington",
// "Utah, Colorado and Idaho"). A bare comma joins a name to the one
// before it only: after a name, a comma and a region qualify it ("Quetta,
// Balochistan"; see qualifier).
var listJoins = []string{" and ", " or ", ", and ", ", or ", " & "}

// listedWith returns a toponym other than t whose mention is listed right
// before or after one of t's mentions ms, or nil.
func (r *resolver) listedWith(t *toponym, ms []news.Mention) *toponym {
	r.indexMentions()
	text := r.doc.Text
	for _, m := range ms {
		for _, sep := range append(listJoins, ", ") {
			if m.Start-len(sep) >= 0 && text[m.Start-len(sep):m.Start] == sep {
				if q := r.endsAt[m.Start-len(sep)]; q != nil && q.key != t.key {
					return q
				}
			}
			if sep == ", " {
				continue
			}
			if e := m.End + len(sep); e <= len(text) && text[m.End:e] == sep {
				if q := r.startsAt[e]; q != nil && q.key != t.key {
					return q
				}
			}
		}
	}
	return nil
}

// listedRegion reports whether toponym q, listed with a name, reads by
// its priors as a first-level region of p's country, so that the name is
// a region as well ("California or Washington" is the state).
func (r *resolver) listedRegion(q *toponym, p *gazetteer.Place) bool {
	best := r.bestByPrior(q)
	return best != nil && best.Kind == gazetteer.KindAdmin1 && best.Country == p.Country
}

// indexMentions maps the start and end offsets of the LOC mentions that
// have readings to their toponyms, once per document.
func (r *resolver) indexMentions() {
	if r.startsAt != nil {
		return
	}
	r.startsAt, r.endsAt = map[int]*toponym{}, map[int]*toponym{}
	for i := range r.doc.Entities { // in order, so that the result is deterministic
		t := r.tops[i]
		if t == nil || len(t.cands) == 0 {
			continue
		}
		for _, m := range r.doc.Entities[i].Mentions {
			if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
				continue
			}
			if _, ok := r.startsAt[m.Start]; !ok {
				r.startsAt[m.Start] = t
			}
			if _, ok := r.endsAt[m.End]; !ok {
				r.endsAt[m.End] = t
			}
		}
	}
}

// NearKm is how far from another town of the article a city reading may
// lie to count as its neighbour (evNeighbours): about the reach of a
// metropolitan area or a county, so that "Oceanside" beside "Bellmore"
// is the town on Long Island, while a town 400 km from London is no
// neighbour of London's just because both lie in England.
const NearKm = 150

// nearby returns the name of another toponym of the article whose
// reading by its priors is a city or district within NearKm of city p,
// or "".
func (r *resolver) nearby(t *toponym, p *gazetteer.Place) string {
	r.indexTowns()
	for _, o := range r.towns {
		if o.key != t.key && distanceKm(o.p.Lat, o.p.Lon, p.Lat, p.Lon) <= NearKm {
			return o.key
		}
	}
	return ""
}

// town is a toponym's reading by its priors when that is a city or a
// district.
type town struct {
	key string
	p   *gazetteer.Place
}

// indexTowns lists the article's towns (see town) in entity order, once
// per document.
func (r *resolver) indexTowns() {
	if r.towns != nil {
		return
	}
	r.towns = []town{}
	seen := map[string]bool{}
	for i := range r.doc.Entities {
		t := r.tops[i]
		if t == nil || t.key == "" || seen[t.key] {
			continue
		}
		seen[t.key] = true
		if best := r.bestByPrior(t); best != nil && (best.Kind == gazetteer.KindCity || best.Kind == gazetteer.KindAdmin2) {
			r.towns = append(r.towns, town{t.key, best})
		}
	}
}

// areaWords before a name, in lower case, make it an area larger than a
// town: "central Washington" is the state, "upstate New York" too.
var areaWords = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"upstate": true, "downstate": true, "rural": true,
}

// areaWordBefore returns the area word (see areaWords) right before one
// of the mentions ms, or "".
func areaWordBefore(text string, ms []news.Mention) string {
	for _, m := range ms {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal || m.Start < 2 || text[m.Start-1] != ' ' {
			continue
		}
		i := m.Start - 1
		j := i
		for j > 0 && text[j-1] >= 'a' && text[j-1] <= 'z' {
			j--
		}
		if w := text[j:i]; areaWords[w] && (j == 0 || !isLetterByte(text[j-1])) {
			return w
		}
	}
	return ""
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// sameSentenceCountry returns the name of another toponym that reads, by
// its priors, as p's country (or is its demonym) and that one of the
// mentions ms shares a sentence with ("In Washington, diplomats expelled
// from the United States"), or "". A country named inside another name
// ("Canada" in "Air Canada") does not count.
func (r *resolver) sameSentenceCountry(t *toponym, p *gazetteer.Place, ms []news.Mention) string {
	r.indexCountries()
	at := r.countryAt[p.Country]
	for _, m := range ms {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			continue
		}
		s, ok := r.sentenceOf(m.Start)
		if !ok {
			continue
		}
		for i := sort.Search(len(at), func(i int) bool { return at[i].start >= s.Start }); i < len(at) && at[i].start < s.End; i++ {
			if at[i].key != t.key {
				return at[i].key
			}
		}
	}
	return ""
}

// keyAt is where a toponym of key key has a mention.
type keyAt struct {
	start int
	key   string
}

// indexCountries lists, per country and in text order, the mentions of
// the toponyms that read by their priors as that country, except those
// inside another entity's name; once per document.
func (r *resolver) indexCountries() {
	if r.countryAt != nil {
		return
	}
	r.countryAt = map[string][]keyAt{}
	nested := newSpanSet(nameSpans(r.doc, isNotLOC))
	for i := range r.doc.Entities {
		t := r.tops[i]
		if t == nil || t.key == "" {
			continue
		}
		best := r.bestByPrior(t)
		if best == nil || best.Kind != gazetteer.KindCountry {
			continue
		}
		for _, m := range r.doc.Entities[i].Mentions {
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal && !nested.contains(m.Start, m.End) {
				r.countryAt[best.Country] = append(r.countryAt[best.Country], keyAt{m.Start, t.key})
			}
		}
	}
	for _, at := range r.countryAt {
		sort.Slice(at, func(a, b int) bool { return at[a].start < at[b].start })
	}
}

// sentenceOf returns the sentence that holds byte offset at.
func (r *resolver) sentenceOf(at int) (news.Span, bool) {
	ss := r.doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > at })
	if i < len(ss) && ss[i].Start <= at {
		return ss[i].Span, true
	}
	return news.Span{}, false
}
