// Package geo is the pipeline stage that puts LOC entities on the map: it
// looks their names up in the GeoNames gazetteer and picks, for each, the
// reading the article supports best.
package geo

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Config configures the geo stage.
type Config struct {
	// Gazetteer is the place index; nil leaves every place empty (the
	// extract command says once that places are not geocoded).
	Gazetteer *gazetteer.Index
	// CountryHint is an ISO 3166-1 alpha-2 code of the country the
	// articles are mostly about ("PK"); its readings get a bonus.
	CountryHint string
	// FixedType, when set, returns the type an authority decided for a
	// name ("" for none): the link stage's alias table (link.Stage.AliasType),
	// which types "U.N." ORG. An entity whose type FixedType gives for one
	// of its names is not retyped LOC by a city namesake (the town Un); a
	// name of a country or region in the gazetteer ("EU") still makes it a
	// place.
	FixedType func(name string) string
}

// DefaultConfig has no gazetteer and no hint.
func DefaultConfig() Config { return Config{} }

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	if c.CountryHint == "" {
		return nil
	}
	if len(c.CountryHint) != 2 {
		return fmt.Errorf("geo config: country hint %q is not a two-letter ISO 3166 code", c.CountryHint)
	}
	if c.Gazetteer != nil && c.Gazetteer.Country(c.CountryHint) == nil {
		return fmt.Errorf("geo config: country hint %q is not a known country code", c.CountryHint)
	}
	return nil
}

// Stage geocodes LOC entities.
//
// It reads doc.Entities (the ner and link stages), doc.Tokens and
// doc.Text; first gives type LOC to the entities NER mistyped whose names
// are places (see retype), then sets Place on each LOC entity whose name is a place in the
// gazetteer: a country, an admin1 region, a city, or a region without a
// country (Country empty, Feature "region"). LOC entities whose names are
// not places keep a nil Place. Place.Debug says which rules and scores
// made the reading win. The stage is deterministic and read-only on the
// gazetteer, so one Stage serves concurrent documents.
type Stage struct {
	ix    *gazetteer.Index
	hint  string
	fixed func(name string) string
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the geo stage for cfg.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Stage{ix: cfg.Gazetteer, hint: strings.ToUpper(cfg.CountryHint), fixed: cfg.FixedType}, nil
}

// Name is "geo".
func (s *Stage) Name() string { return "geo" }

// Process geocodes doc; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if s.ix == nil {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.retype(doc)
	s.claimDateline(doc)
	tix := news.NewTokenIndex(doc.Tokens) // the tokens do not change here, only mentions
	s.extendNames(doc, tix)
	s.nestPlaces(doc)
	s.basedPlaces(doc)
	s.untaggedCompoundPlaces(doc)
	s.splitJoinedPlaces(doc)
	s.findMissedPlaces(doc, tix)
	r := s.newResolver(doc)
	placeOf := make([]*news.Place, len(doc.Entities))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != news.TypeLOC {
			continue
		}
		e.Place = r.resolve(i)
		placeOf[i] = e.Place
	}
	lx := newLocIndex(doc, tix)
	for i := range doc.Entities {
		if e := &doc.Entities[i]; e.Type == news.TypeLOC && e.Place == nil {
			e.Place = r.countryOnly(i, placeOf, lx)
		}
	}
	return nil
}

// toponym is one LOC entity with its candidate readings.
type toponym struct {
	entity int
	key    string
	cands  []gazetteer.Match
	// demonym is the country a demonym-named entity means ("Pakistani").
	demonym string
	// initials is true for a name written as dotted initials ("U.N.").
	initials bool
}

// resolver holds one document's evidence.
type resolver struct {
	s    *Stage
	doc  *news.Doc
	tops map[int]*toponym
	// countries weighs each country by how much of the article points to
	// it: its own mentions, its places' mentions, demonyms, the dateline.
	countries map[string]float64
	// admin1s counts the admin1 regions the article names ("PK.02").
	admin1s map[string]int
	// inAdmin1 counts the cities the article names per admin1 region.
	inAdmin1 map[string]int
	// votes is what each toponym key added to admin1s or inAdmin1, so
	// that a name is not its own evidence.
	votes map[string]int
	// topWeight is the evidence of the article's main country.
	topWeight float64
	dateline  string
	// mentions are all mentions of the LOC entities that share a key.
	mentions map[string][]news.Mention
	done     map[string]*news.Place
	datePl   *gazetteer.Place
	// startsAt and endsAt map the offsets of LOC mentions to their
	// toponyms (indexMentions).
	startsAt, endsAt map[int]*toponym
	// towns are the article's towns by their priors (indexTowns).
	towns []town
	// countryAt lists the mentions of each country (indexCountries).
	countryAt map[string][]keyAt
}

func (s *Stage) newResolver(doc *news.Doc) *resolver {
	r := &resolver{s: s, doc: doc, tops: map[int]*toponym{}, countries: map[string]float64{}, admin1s: map[string]int{}, inAdmin1: map[string]int{}, votes: map[string]int{},
		mentions: map[string][]news.Mention{}, done: map[string]*news.Place{}}
	for i := range doc.Entities {
		if doc.Entities[i].Type == news.TypeLOC {
			t := s.candidates(i, &doc.Entities[i])
			r.tops[i] = t
			if t.key != "" {
				r.mentions[t.key] = append(r.mentions[t.key], doc.Entities[i].Mentions...)
			}
		}
	}
	// Evidence from each toponym's most likely reading by priors alone.
	for i, t := range r.tops {
		n := float64(len(doc.Entities[i].Mentions))
		if n == 0 {
			n = 1
		}
		if t.demonym != "" {
			r.countries[t.demonym] += n
			continue
		}
		best := r.bestByPrior(t)
		if best == nil || best.Country == "" {
			continue
		}
		w := n
		if best.Kind != gazetteer.KindCountry {
			w = n / 2 // a city is weaker evidence for its country than the country's name
		}
		r.countries[best.Country] += w
		switch best.Kind {
		case gazetteer.KindAdmin1:
			r.admin1s[best.Country+"."+best.Admin1] += int(n)
			r.votes[t.key] += int(n)
		case gazetteer.KindCity, gazetteer.KindAdmin2:
			r.inAdmin1[best.Country+"."+best.Admin1] += int(n)
			r.votes[t.key] += int(n)
		}
	}
	for cc, n := range demonymCountries(doc) {
		r.countries[cc] += math.Min(float64(n), 3) / 2
	}
	if k := dateline(doc.Text); k != "" {
		var cities []gazetteer.Match
		for _, m := range s.ix.LookupKey(k) {
			if m.Kind == gazetteer.KindCity {
				cities = append(cities, m)
			}
		}
		if best := r.bestByPrior(&toponym{cands: cities}); best != nil {
			r.dateline, r.datePl = k, best
			r.countries[best.Country] += 2
		}
	}
	if s.hint != "" {
		r.countries[s.hint] += 2
	}
	for _, w := range r.countries {
		r.topWeight = max(r.topWeight, w)
	}
	return r
}

// candidates looks up an entity's names, trying its canonical name first,
// then its other mentions, then the name without words such as "northern"
// or "province".
func (s *Stage) candidates(i int, e *news.Entity) *toponym {
	t := &toponym{entity: i, initials: dottedInitials(e.Name)}
	names := []string{e.Name}
	for _, m := range e.Mentions {
		if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
			names = append(names, m.Text)
		}
	}
	for _, n := range names {
		k := gazetteer.Key(n)
		if ak, ok := admin1Demonyms[k]; ok {
			for _, m := range s.ix.LookupKey(ak) {
				if m.Kind == gazetteer.KindAdmin1 && m.Primary {
					t.key, t.cands = k, []gazetteer.Match{m}
					return t
				}
			}
		}
		if cc, ok := demonyms[k]; ok && s.ix.Country(cc) != nil {
			t.key, t.demonym = k, cc
			t.cands = []gazetteer.Match{{Place: s.ix.Country(cc), Primary: true}}
			return t
		}
		if rk, ok := regionDemonyms[k]; ok {
			if ms := s.ix.LookupKey(rk); len(ms) > 0 && ms[0].Kind == gazetteer.KindRegion {
				t.key, t.cands = k, ms[:1]
				return t
			}
		}
		if ms := s.ix.LookupKey(k); len(ms) > 0 {
			t.key, t.cands = k, s.withSameNamed(k, ms)
			return t
		}
	}
	for _, n := range names {
		if k := trimGeneric(gazetteer.Key(n)); k != "" {
			if ms := s.ix.LookupKey(k); len(ms) > 0 {
				t.key, t.cands = k, ms
				return t
			}
		}
	}
	if k, ms := s.partOfName(gazetteer.Key(e.Name)); k != "" {
		t.key, t.cands = k, ms
	}
	return t
}

// sameNamed are country names that news uses for more than one country,
// the usual sense first: "Korea" is mostly South Korea, but North Korea in
// an article about Pyongyang.
var sameNamed = map[string][]string{
	"korea": {"KR", "KP"}, "guinea": {"GN", "GW", "GQ", "PG"}, "congo": {"CD", "CG"},
	"sudan": {"SD", "SS"}, "samoa": {"WS", "AS"}, "virgin islands": {"VG", "VI"},
}

// withSameNamed puts the countries that share name key k (sameNamed) among
// its readings ms, in sameNamed's order, in place of the ones ms has.
func (s *Stage) withSameNamed(k string, ms []gazetteer.Match) []gazetteer.Match {
	ccs, ok := sameNamed[k]
	if !ok {
		return ms
	}
	var out []gazetteer.Match
	for _, cc := range ccs {
		if c := s.ix.Country(cc); c != nil {
			out = append(out, gazetteer.Match{Place: c, Primary: true})
		}
	}
	for _, m := range ms {
		if m.Kind != gazetteer.KindCountry {
			out = append(out, m)
		}
	}
	return out
}

// dottedInitials reports a name written as capital letters each followed
// by a period ("U.N.", "U.K.").
func dottedInitials(name string) bool {
	if len(name) < 4 {
		return false
	}
	for i := 0; i < len(name); i += 2 {
		if name[i] < 'A' || name[i] > 'Z' || i+1 >= len(name) || name[i+1] != '.' {
			return false
		}
	}
	return true
}

// partOfName looks up the longest run of a place name's words that is a
// place when the whole name is none: "Maiduguri Borno State" is in
// Maiduguri, "Nelson-Creston" at Nelson, "DPRK-South Korea" in South Korea.
// A single word must be a country, a first-level region, a region without
// a country, or a city of 100,000 people or more, so that "Third Street"
// does not land in some town called Third.
func (s *Stage) partOfName(k string) (string, []gazetteer.Match) {
	words := strings.Fields(k)
	for n := len(words) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			sub := strings.Join(words[i:i+n], " ")
			if n == 1 && (placeHeads[sub] || genericWords[sub]) {
				continue // "Nile Delta" is not in Delta State
			}
			var keep []gazetteer.Match
			for _, m := range s.ix.LookupKey(sub) {
				if !m.Primary {
					continue
				}
				big := m.Kind != gazetteer.KindCity || m.Population >= 100_000
				if n > 1 || big {
					keep = append(keep, m)
				}
			}
			if len(keep) > 0 {
				return sub, keep
			}
		}
	}
	return "", nil
}

var genericWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "greater": true, "upper": true, "lower": true,
	// Not "county" or "district": GeoNames' cities file has no counties,
	// and "Suffolk County" is not the city of Suffolk.
	"province": true, "state": true, "region": true, "city": true, "governorate": true, "prefecture": true, "territory": true, "republic": true, "of": true,
}

// trimGeneric drops direction and administrative words from both ends of
// a key ("northern punjab province" -> "punjab"); "" when nothing changed.
func trimGeneric(k string) string {
	w := strings.Fields(k)
	orig := len(w)
	for len(w) > 1 && genericWords[w[0]] {
		w = w[1:]
	}
	for len(w) > 1 && genericWords[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	if len(w) == orig {
		return ""
	}
	return strings.Join(w, " ")
}

func (r *resolver) bestByPrior(t *toponym) *gazetteer.Place {
	var best *gazetteer.Place
	bs := math.Inf(-1)
	for _, m := range t.cands {
		if sc := prior(m, t.cands); sc > bs {
			best, bs = m.Place, sc
		}
	}
	return best
}
