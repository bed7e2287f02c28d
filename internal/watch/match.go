package watch

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// MaxAlertSentences bounds the sentences one alert carries (the first in
// text order of those that made the rule fire).
const MaxAlertSentences = 5

// Querier answers the condition that needs the store beyond the article,
// "first mention of E" (news.WatchStore has it). Matcher asks it only
// for rules whose other conditions hold.
type Querier interface {
	MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error)
}

// entry is one rule of a stored watchlist, ready to evaluate.
type entry struct {
	watchlistID int64
	watchlist   string
	ruleID      int64
	rule        Rule
	key         string // names.Key of rule.Entity.Name, "" for an id
	mentionKey  string // names.Key of rule.QuoteMentions.Name
	query       *compiledQuery
}

// Matcher evaluates many rules on one article at a time. Rules are
// indexed by their most selective condition (the entity, else the event
// types, else the country), so an article costs the rules that can
// concern it, not all rules. It is safe for concurrent use once built.
type Matcher struct {
	rules     []entry
	byID      map[int64][]int32
	byName    map[string][]int32
	byEvent   map[string][]int32
	byCountry map[string][]int32
	rest      []int32 // rules with none of those conditions
}

// NewMatcher reads the rules of stored watchlists (their Spec).
func NewMatcher(lists []news.Watchlist) (*Matcher, error) {
	m := &Matcher{byID: map[int64][]int32{}, byName: map[string][]int32{}, byEvent: map[string][]int32{}, byCountry: map[string][]int32{}}
	for i := range lists {
		w, err := FromStored(&lists[i])
		if err != nil {
			return nil, err
		}
		if err := m.Add(&lists[i], w); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Add adds the rules of w, stored as sw (whose Rules give their ids by
// name).
func (m *Matcher) Add(sw *news.Watchlist, w *Watchlist) error {
	ids := map[string]int64{}
	for _, r := range sw.Rules {
		ids[r.Name] = r.ID
	}
	for _, r := range w.Rules {
		id, ok := ids[r.Name]
		if !ok {
			return fmt.Errorf("watchlist %d (%s): rule %q has no id in the store", sw.ID, sw.Name, r.Name)
		}
		e := entry{watchlistID: sw.ID, watchlist: sw.Name, ruleID: id, rule: r}
		if r.Entity != nil && r.Entity.Name != "" {
			e.key = names.Key(r.Entity.Name)
		}
		if r.QuoteMentions != nil && r.QuoteMentions.Name != "" {
			e.mentionKey = names.Key(r.QuoteMentions.Name)
		}
		if r.Query != "" {
			q, err := compileQuery(r.Query)
			if err != nil {
				return fmt.Errorf("watchlist %d (%s): rule %q: query: %w", sw.ID, sw.Name, r.Name, err)
			}
			e.query = q
		}
		m.index(int32(len(m.rules)), &e)
		m.rules = append(m.rules, e)
	}
	return nil
}

// index files rule i under its most selective condition.
func (m *Matcher) index(i int32, e *entry) {
	r := &e.rule
	switch {
	case r.Entity != nil && r.Entity.ID != 0:
		m.byID[r.Entity.ID] = append(m.byID[r.Entity.ID], i)
	case r.Entity != nil:
		m.byName[e.key] = append(m.byName[e.key], i)
	case len(r.Events) > 0:
		for _, t := range r.Events {
			m.byEvent[t] = append(m.byEvent[t], i)
		}
	case r.Place != nil && r.Place.Country != "":
		m.byCountry[r.Place.Country] = append(m.byCountry[r.Place.Country], i)
	default:
		m.rest = append(m.rest, i)
	}
}

// Len is the number of rules.
func (m *Matcher) Len() int { return len(m.rules) }

// candidates returns the rules filed under something the article has,
// sorted, each once.
func (m *Matcher) candidates(a *Article) []int32 {
	c := slices.Clone(m.rest)
	for sid := range a.byStore {
		c = append(c, m.byID[sid]...)
	}
	for k := range a.byKey {
		c = append(c, m.byName[k]...)
	}
	for t := range a.eventTypes {
		c = append(c, m.byEvent[t]...)
	}
	for cc := range a.countries {
		c = append(c, m.byCountry[cc]...)
	}
	slices.Sort(c)
	return slices.Compact(c)
}

// Evaluate returns the alerts the rules give on a, one per rule that
// holds, in rule order (not yet stored: see news.WatchStore.PutAlerts).
// q answers the conditions that need the store; it may be nil when no
// rule has a query or a first_mention.
func (m *Matcher) Evaluate(ctx context.Context, a *Article, q Querier) ([]news.Alert, error) {
	var alerts []news.Alert
	if q != nil {
		q = &memo{q: q, before: map[beforeKey]bool{}}
	}
	for _, i := range m.candidates(a) {
		e := &m.rules[i]
		f, ok, err := match(ctx, e, a, q)
		if err != nil {
			return nil, fmt.Errorf("watchlist %s, rule %s: %w", e.watchlist, e.rule.Name, err)
		}
		if ok {
			alerts = append(alerts, a.alert(e, f))
		}
	}
	return alerts, nil
}

// memo answers each store question once per article: rules about the
// same entity ask it once.
type memo struct {
	q      Querier
	before map[beforeKey]bool
}

type beforeKey struct {
	entity  int64
	country string
}

func (m *memo) MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error) {
	k := beforeKey{entity, country}
	if v, ok := m.before[k]; ok {
		return v, nil
	}
	v, err := m.q.MentionedBefore(ctx, entity, country, articleID)
	if err == nil {
		m.before[k] = v
	}
	return v, err
}

// alert makes the alert of rule e firing on a with the facts f.
func (a *Article) alert(e *entry, f *found) news.Alert {
	al := news.Alert{WatchlistID: e.watchlistID, Watchlist: e.watchlist, RuleID: e.ruleID, Rule: e.rule.Name,
		Article: a.info(), Why: f.why, Sentences: []news.AlertSpan{}}
	if pub := a.published(); pub != "" {
		al.Why += ", " + pub
	}
	slices.Sort(f.sents)
	for _, s := range slices.Compact(f.sents) {
		if s < 0 || s >= len(a.doc.Sentences) || len(al.Sentences) == MaxAlertSentences {
			continue
		}
		sp := a.doc.Sentences[s]
		al.Sentences = append(al.Sentences, news.AlertSpan{Start: sp.Start, End: sp.End, Text: a.text(sp)})
	}
	return al
}

// found is what made a rule hold: the sentences and the explanation of
// its most telling fact.
type found struct {
	sents []int
	why   string
	rank  int // the explanation's rank; a lower one replaces it
}

// Ranks of explanations, most telling first.
const (
	rankContradictedClaim = iota
	rankClaim
	rankContradiction
	rankEvent
	rankQuote
	rankFirst
	rankPlace
	rankMention
	rankQuery
	rankNone
)

func (f *found) explain(rank int, why string) {
	if rank < f.rank {
		f.rank, f.why = rank, why
	}
}

// match evaluates rule e on a: the conditions read from the article
// first, then those that ask the store.
func match(ctx context.Context, e *entry, a *Article, q Querier) (*found, bool, error) {
	r := &e.rule
	if !a.inWindow(r.Since, r.Until) {
		return nil, false, nil
	}
	ents := a.resolve(r.Entity, e.key)
	if r.Entity != nil && len(ents) == 0 {
		return nil, false, nil
	}
	f := &found{rank: rankNone}
	for _, cond := range articleConds {
		if !cond(a, e, ents, f) {
			return nil, false, nil
		}
	}
	ok, err := a.storeConds(ctx, e, ents, f, q)
	if err != nil || !ok {
		return nil, false, err
	}
	if f.rank == rankNone {
		f.explain(rankQuery, "published between "+firstOf(r.Since, "any date")+" and "+firstOf(r.Until, "any date"))
	}
	return f, true, nil
}

// articleConds are the conditions read from the article alone, cheapest
// first; each returns false when it does not hold, and otherwise adds
// its evidence to f.
var articleConds = []func(a *Article, e *entry, ents []string, f *found) bool{
	(*Article).eventCond,
	(*Article).claimCond,
	(*Article).quoteCond,
	(*Article).contradictionCond,
	(*Article).placeCond,
	(*Article).mentionCond,
	(*Article).queryCond,
}

// inWindow reports whether the article's date is inside [since, until]
// (either may be ""); an undated article is outside every window.
func (a *Article) inWindow(since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	pub := a.published()
	return pub != "" && (since == "" || pub >= since) && (until == "" || pub <= until)
}

// resolve returns the article entities that are ref: whose store entity
// is ref.ID, or one of whose names (or its store entity's) has the key.
func (a *Article) resolve(ref *EntityRef, key string) []string {
	switch {
	case ref == nil:
		return nil
	case ref.ID != 0:
		return a.byStore[ref.ID]
	}
	return a.byKey[key]
}

// bindsFacts reports whether the rule's entity is bound to a fact (an
// event, claim, quote or contradiction) rather than mentioned anywhere.
func bindsFacts(r *Rule) bool {
	return len(r.Events) > 0 || r.claims() || r.quotes() || r.Contradiction
}

// claims reports whether the rule is about a claim.
func (r *Rule) claims() bool { return r.Stance != "" || r.Role == RoleClaimSubject }

// quotes reports whether the rule is about a quote.
func (r *Rule) quotes() bool {
	if r.claims() {
		return false
	}
	return r.QuoteMentions != nil || r.Role == RoleSpeaker || r.Sourcing != "" || (r.Hedged != nil && len(r.Events) == 0)
}

// inSet reports whether the entity id is one of ents.
func inSet(id *string, ents []string) bool {
	return id != nil && slices.Contains(ents, *id)
}

// mentionedIn reports whether one of ents has a mention inside [start,
// end) (code points).
func (a *Article) mentionedIn(ents []string, start, end int) bool {
	for _, id := range ents {
		for _, m := range a.ents[id].Mentions {
			if m.Start >= start && m.End <= end {
				return true
			}
		}
	}
	return false
}

// firstMention returns the sentence of the first mention of one of ents,
// or -1.
func (a *Article) firstMention(ents []string) int {
	best := -1
	for _, id := range ents {
		for _, m := range a.ents[id].Mentions {
			if best < 0 || m.Start < best {
				best = m.Start
			}
		}
	}
	if best < 0 {
		return -1
	}
	return a.sentence(best)
}

// eventCond: an event of one of the types, negated and hedged as asked,
// with the entity in its role, placed in the place.
func (a *Article) eventCond(e *entry, ents []string, f *found) bool {
	r := &e.rule
	if len(r.Events) == 0 {
		return true
	}
	hit := false
	for _, t := range r.Events {
		for _, i := range a.eventTypes[t] {
			ev := &a.doc.Events[i]
			if (r.Negated != nil && ev.Negated != *r.Negated) ||
				(r.Hedged != nil && !r.claims() && !r.quotes() && ev.Hedged != *r.Hedged) ||
				!a.eventHasEntity(r, ev, ents) || (r.Place != nil && !a.eventIn(i, r.Place)) {
				continue
			}
			hit = true
			f.sents = append(f.sents, ev.Sentence)
			if f.rank > rankEvent {
				f.explain(rankEvent, a.explainEvent(i))
			}
		}
	}
	return hit
}

// eventHasEntity reports whether the rule's entity plays its role in ev:
// actor, target, or (mentioned) any of them, its place or a mention in
// its sentence.
func (a *Article) eventHasEntity(r *Rule, ev *cEvent, ents []string) bool {
	switch {
	case r.Entity == nil || r.claims() || r.quotes():
		return true
	case r.Role == RoleActor:
		return inSet(ev.Actor, ents)
	case r.Role == RoleTarget:
		return inSet(ev.Target, ents)
	}
	if inSet(ev.Actor, ents) || inSet(ev.Target, ents) || inSet(ev.Place, ents) {
		return true
	}
	if ev.Sentence < 0 || ev.Sentence >= len(a.doc.Sentences) {
		return false
	}
	s := a.doc.Sentences[ev.Sentence]
	return a.mentionedIn(ents, s.Start, s.End)
}

// eventIn reports whether ev is placed in p: its place, or when it has
// none, a place its sentence names after a preposition of place ("in
// northwest Pakistan", "near Quetta"; not "by Pakistan", "Pakistani
// troops"), other than the event's actor and target.
func (a *Article) eventIn(i int, p *Place) bool {
	if ev := &a.doc.Events[i]; ev.Place != nil {
		return a.entityIn(*ev.Place, p)
	}
	for _, id := range a.sentencePlaces(i) {
		if a.entityIn(id, p) {
			return true
		}
	}
	return false
}

// locatives are the prepositions before a place that say where something
// happened.
var locatives = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "into": true, "across": true,
	"outside": true, "within": true, "around": true, "throughout": true}

// sentencePlaces returns the geocoded entities that the sentence of
// event i names after a locative preposition, other than its actor and
// target (computed once per event).
func (a *Article) sentencePlaces(i int) []string {
	if a.evPlaces[i] == nil {
		a.evPlaces[i] = a.findSentencePlaces(&a.doc.Events[i])
	}
	return a.evPlaces[i]
}

func (a *Article) findSentencePlaces(ev *cEvent) []string {
	out := []string{}
	if ev.Sentence < 0 || ev.Sentence >= len(a.doc.Sentences) {
		return out
	}
	s := a.doc.Sentences[ev.Sentence]
	for _, id := range a.places {
		if (ev.Actor != nil && *ev.Actor == id) || (ev.Target != nil && *ev.Target == id) {
			continue
		}
		for _, m := range a.ents[id].Mentions {
			if m.Start >= s.Start && m.End <= s.End && locatives[strings.ToLower(a.wordBefore(m.Start))] {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// wordBefore returns the word before code point at, skipping the words
// of a place's description ("in northwest Pakistan", "in the Khyber
// region of Pakistan" are not followed that far: only one adjective of
// direction is skipped).
func (a *Article) wordBefore(at int) string {
	w := a.prevWord(at)
	if directions[strings.ToLower(w.text)] {
		w = a.prevWord(w.start)
	}
	return w.text
}

// directions are the words of direction between a preposition and a
// place.
var directions = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true, "central": true}

type word struct {
	text  string
	start int
}

// prevWord returns the word (letters) ending before code point at,
// white space skipped.
func (a *Article) prevWord(at int) word {
	end := min(at, len(a.runes))
	for end > 0 && unicode.IsSpace(a.runes[end-1]) {
		end--
	}
	start := end
	for start > 0 && unicode.IsLetter(a.runes[start-1]) {
		start--
	}
	return word{string(a.runes[start:end]), start}
}

// entityIn reports whether article entity id is a place inside p.
func (a *Article) entityIn(id string, p *Place) bool {
	e := a.ents[id]
	if e == nil || e.Place == nil {
		return false
	}
	return p.holds(e.Place)
}

// holds reports whether a geocoded place lies in p.
func (p *Place) holds(c *cPlace) bool {
	if p.Lat != nil {
		return c.Lat != nil && c.Lon != nil && distanceKm(*p.Lat, *p.Lon, *c.Lat, *c.Lon) <= p.RadiusKm
	}
	if p.Country != "" && deref(c.Country) != p.Country {
		return false
	}
	return p.Admin1 == "" || strings.EqualFold(deref(c.Admin1), p.Admin1)
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthKm = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// claimCond: a claim of the stance with the entity in its role (speaker,
// subject, or for "mentioned" any party of it or a mention in its
// evidence), sourced and hedged as asked.
func (a *Article) claimCond(e *entry, ents []string, f *found) bool {
	r := &e.rule
	if !r.claims() {
		return true
	}
	hit := false
	for i := range a.doc.Claims {
		c := &a.doc.Claims[i]
		if (r.Stance != "" && claimStance(c) != r.Stance) || !a.claimHasEntity(r, c, ents) || !a.claimSourced(r, c) {
			continue
		}
		hit = true
		f.sents = append(f.sents, a.sentence(c.Evidence.Start))
		if f.rank <= rankContradictedClaim {
			continue
		}
		if other := a.contradictor(c); other != nil {
			f.explain(rankContradictedClaim, a.explainClaim(c)+" — contradicts "+orSomeone(deref(other.SpeakerName)))
		} else {
			f.explain(rankClaim, a.explainClaim(c))
		}
	}
	return hit
}

// contradictor returns the first claim of the article that contradicts
// c, or nil.
func (a *Article) contradictor(c *cClaim) *cClaim {
	for _, k := range a.doc.Contradictions {
		if len(k.Claims) != 2 {
			continue
		}
		switch c.ID {
		case k.Claims[0]:
			return a.claim(k.Claims[1])
		case k.Claims[1]:
			return a.claim(k.Claims[0])
		}
	}
	return nil
}

// claimStance is affirm or deny: a claim's polarity (a report stance is
// an affirmation).
func claimStance(c *cClaim) string {
	if c.Stance == StanceDeny || c.Polarity == StanceDeny {
		return StanceDeny
	}
	return StanceAffirm
}

func (a *Article) claimHasEntity(r *Rule, c *cClaim, ents []string) bool {
	switch {
	case r.Entity == nil:
		return true
	case r.Role == RoleClaimSubject:
		return inSet(c.Subject, ents)
	case r.Role == RoleSpeaker:
		return inSet(c.Speaker, ents)
	case r.Role == RoleActor || r.Role == RoleTarget:
		return true // bound to the event
	}
	return inSet(c.Speaker, ents) || inSet(c.Subject, ents) || inSet(c.Object, ents) ||
		a.mentionedIn(ents, c.Evidence.Start, c.Evidence.End)
}

// claimSourced checks sourcing and hedging on the claim's quote; a claim
// without a quote has neither.
func (a *Article) claimSourced(r *Rule, c *cClaim) bool {
	if r.Sourcing == "" && r.Hedged == nil {
		return true
	}
	q := a.quote(c.Quote)
	if q == nil {
		return false
	}
	return (r.Sourcing == "" || string(q.Sourcing) == r.Sourcing) && (r.Hedged == nil || q.Hedged == *r.Hedged)
}

func (a *Article) quote(id *string) *cQuote {
	if id == nil {
		return nil
	}
	for i := range a.doc.Quotes {
		if a.doc.Quotes[i].ID == *id {
			return &a.doc.Quotes[i]
		}
	}
	return nil
}

// quoteCond: a quote by the entity (speaker role; for "mentioned" by it
// or mentioning it), sourced and hedged as asked, mentioning the
// quote_mentions entity.
func (a *Article) quoteCond(e *entry, ents []string, f *found) bool {
	r := &e.rule
	if !r.quotes() {
		return true
	}
	var about []string
	if r.QuoteMentions != nil {
		if about = a.resolve(r.QuoteMentions, e.mentionKey); len(about) == 0 {
			return false
		}
	}
	hit := false
	for i := range a.doc.Quotes {
		q := &a.doc.Quotes[i]
		if (r.Sourcing != "" && string(q.Sourcing) != r.Sourcing) || (r.Hedged != nil && q.Hedged != *r.Hedged) ||
			!a.quoteHasEntity(r, q, ents) || (about != nil && !a.mentionedIn(about, q.Start, q.End)) {
			continue
		}
		hit = true
		f.sents = append(f.sents, a.sentence(q.Start))
		if f.rank > rankQuote {
			f.explain(rankQuote, a.explainQuote(q, r.QuoteMentions))
		}
	}
	return hit
}

func (a *Article) quoteHasEntity(r *Rule, q *cQuote, ents []string) bool {
	switch {
	case r.Entity == nil || r.Role == RoleActor || r.Role == RoleTarget:
		return true
	case r.Role == RoleSpeaker || r.QuoteMentions != nil:
		return inSet(q.Speaker, ents)
	}
	return inSet(q.Speaker, ents) || a.mentionedIn(ents, q.Start, q.End)
}

// contradictionCond: a contradiction of the article, or between one of
// its claims and a stored claim, with the entity as a party of one of
// its claims.
func (a *Article) contradictionCond(e *entry, ents []string, f *found) bool {
	if !e.rule.Contradiction {
		return true
	}
	hit := false
	for _, c := range a.doc.Contradictions {
		if len(c.Claims) != 2 {
			continue
		}
		x, y := a.claim(c.Claims[0]), a.claim(c.Claims[1])
		if x == nil || y == nil {
			continue
		}
		if e.rule.Entity != nil && !claimInvolves(y, ents) {
			x, y = y, x
		}
		if e.rule.Entity != nil && !claimInvolves(y, ents) {
			continue
		}
		// y involves the entity; it is explained, contradicting x.
		hit = true
		f.sents = append(f.sents, a.sentence(y.Evidence.Start), a.sentence(x.Evidence.Start))
		f.explain(rankContradiction, a.explainClaim(y)+" — contradicts "+orSomeone(deref(x.SpeakerName)))
	}
	stores := a.storeIDs(ents)
	for _, c := range a.cross {
		mine, other := c.A, c.B
		if mine.ArticleID != a.ID {
			mine, other = other, mine
		}
		if e.rule.Entity != nil && !storedInvolves(mine, stores) && !storedInvolves(other, stores) {
			continue
		}
		own := a.claim(mine.LocalID)
		if own == nil {
			continue
		}
		hit = true
		f.sents = append(f.sents, a.sentence(own.Evidence.Start))
		why := a.explainClaim(own) + " — contradicts " + orSomeone(other.SpeakerName)
		if other.Published != "" {
			why += " (" + other.Published + ")"
		}
		f.explain(rankContradiction, why)
	}
	return hit
}

func orSomeone(name string) string {
	if name == "" {
		return "another source"
	}
	return name
}

func (a *Article) claim(id string) *cClaim {
	for i := range a.doc.Claims {
		if a.doc.Claims[i].ID == id {
			return &a.doc.Claims[i]
		}
	}
	return nil
}

func claimInvolves(c *cClaim, ents []string) bool {
	return inSet(c.Speaker, ents) || inSet(c.Subject, ents) || inSet(c.Object, ents)
}

func storedInvolves(c news.StoredClaim, stores []int64) bool {
	for _, s := range stores {
		if s != 0 && (c.SpeakerID == s || c.SubjectID == s || c.ObjectID == s) {
			return true
		}
	}
	return false
}

// storeIDs are the store entities of article entities.
func (a *Article) storeIDs(ents []string) []int64 {
	var ids []int64
	for _, id := range ents {
		if s := a.store[id]; s != 0 && !slices.Contains(ids, s) {
			ids = append(ids, s)
		}
	}
	return ids
}

// placeCond (without an event condition, which places its events): a
// place of the article lies in the rule's place.
func (a *Article) placeCond(e *entry, _ []string, f *found) bool {
	p := e.rule.Place
	if p == nil || len(e.rule.Events) > 0 {
		return true
	}
	for _, id := range a.places {
		if a.entityIn(id, p) {
			f.sents = append(f.sents, a.firstMention([]string{id}))
			f.explain(rankPlace, "mentions "+a.ents[id].Name)
			return true
		}
	}
	return false
}

// mentionCond: the entity, bound to no fact, is mentioned anywhere.
func (a *Article) mentionCond(e *entry, ents []string, f *found) bool {
	r := &e.rule
	if r.Entity == nil || bindsFacts(r) || r.FirstMention != nil {
		return true
	}
	f.sents = append(f.sents, a.firstMention(ents))
	f.explain(rankMention, "mentions "+a.ents[ents[0]].Name)
	return true
}

// storeConds are the conditions that ask the store: first mention.
func (a *Article) storeConds(ctx context.Context, e *entry, ents []string, f *found, q Querier) (bool, error) {
	r := &e.rule
	if r.FirstMention == nil {
		return true, nil
	}
	if q == nil {
		return false, fmt.Errorf("the rule needs the store (first_mention) and none was given")
	}
	return a.firstMentionCond(ctx, r, ents, f, q)
}

// queryCond: the article matches the full-text query (see query.go).
func (a *Article) queryCond(e *entry, _ []string, f *found) bool {
	if e.query == nil {
		return true
	}
	sents, ok := a.matchQuery(e.query)
	if ok {
		f.sents = append(f.sents, sents...)
		f.explain(rankQuery, fmt.Sprintf("matches “%s”", e.rule.Query))
	}
	return ok
}

// firstMentionCond: no article stored before mentions the entity (with
// a place in the country, which this article must name).
func (a *Article) firstMentionCond(ctx context.Context, r *Rule, ents []string, f *found, q Querier) (bool, error) {
	country := r.FirstMention.Country
	if country != "" && !a.hasCountry(country) {
		return false, nil
	}
	for _, s := range a.storeIDs(ents) {
		before, err := q.MentionedBefore(ctx, s, country, a.ID)
		if err != nil {
			return false, err
		}
		if !before {
			f.sents = append(f.sents, a.firstMention(ents))
			why := "first mention of " + a.ents[ents[0]].Name
			if country != "" {
				why += " with a place in " + country
			}
			f.explain(rankFirst, why)
			return true, nil
		}
	}
	return false, nil
}

func (a *Article) hasCountry(cc string) bool {
	_, ok := a.countries[cc]
	return ok
}

// DryRun returns a Matcher of the rules of a watchlist that is not
// stored, for a dry run: its alerts have watchlist id 0 and rule ids
// 1, 2, ... in rule order.
func DryRun(w *Watchlist) (*Matcher, error) {
	sw, err := w.Stored()
	if err != nil {
		return nil, err
	}
	for i := range sw.Rules {
		sw.Rules[i].ID = int64(i + 1)
	}
	m, err := NewMatcher(nil)
	if err != nil {
		return nil, err
	}
	return m, m.Add(sw, w)
}
