// Package watch is newsgraph's watchlists: named sets of rules about the
// knowledge extracted from articles ("a denial by anyone about Islamic
// State", "an ATTACK event placed in Pakistan"), read from JSON or YAML,
// and the matcher that evaluates them on each article when it is stored,
// giving alerts (news.Alert) with the sentences that made a rule fire and
// a one-line explanation.
//
// A rule's conditions must all hold for one article. Conditions about one
// kind of fact hold for one fact together: an event condition with role
// actor or target and a place is one event of that type, with that actor
// or target, placed there; a stance with role claim-subject or speaker is
// one claim; sourcing and hedging hold for the quote, claim or event the
// rule is about. Entities are store entities, named by id or by any name
// or alias the store knows for them when the article is evaluated, so an
// alias learnt after the rule was written still matches.
package watch

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Roles an entity plays in a rule (Rule.Role).
const (
	RoleMentioned    = "mentioned"     // anywhere in the article (the default)
	RoleSpeaker      = "speaker"       // speaker of a quote or claim
	RoleActor        = "actor"         // actor of an event
	RoleTarget       = "target"        // target of an event
	RoleClaimSubject = "claim-subject" // subject of a claim
)

// Roles lists the valid roles, in the order the error messages give them.
var Roles = []string{RoleMentioned, RoleSpeaker, RoleActor, RoleTarget, RoleClaimSubject}

// Stances of claims (Rule.Stance).
const (
	StanceAffirm = "affirm"
	StanceDeny   = "deny"
)

// Sourcing of quotes (Rule.Sourcing).
const (
	SourcingNamed     = "named"
	SourcingAnonymous = "anonymous"
)

// MaxRuleEvents bounds the event types of one rule, MaxRules the rules of
// one watchlist and MaxFileBytes the size of a watchlist file; a larger
// one is refused with an error.
const (
	MaxRuleEvents = 32
	MaxRules      = 10000
	MaxFileBytes  = 4 << 20
)

// Watchlist is a named set of rules. Its JSON form (json.Marshal) is the
// canonical file format; Parse reads it and its YAML form.
type Watchlist struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Rules       []Rule `json:"rules"`
}

// Rule is a conjunction of conditions on one article. Every field but
// Name is optional; a rule needs at least one condition.
type Rule struct {
	// Name identifies the rule in its watchlist and in alerts.
	Name string `json:"name"`
	// Entity is the entity the rule is about, playing Role ("mentioned"
	// when empty).
	Entity *EntityRef `json:"entity,omitempty"`
	Role   string     `json:"role,omitempty"`
	// Events are event types (any of them; the contract's event "type",
	// PLOVER names such as ATTACK, DENY). Negated, when set, requires
	// the event to be negated (true) or not (false).
	Events  []string `json:"event,omitempty"`
	Negated *bool    `json:"negated,omitempty"`
	// Stance is a claim's stance: affirm or deny.
	Stance string `json:"stance,omitempty"`
	// Sourcing is a quote's sourcing: named or anonymous. Hedged, when
	// set, requires a hedged quote or event (true) or an unhedged one.
	Sourcing string `json:"sourcing,omitempty"`
	Hedged   *bool  `json:"hedged,omitempty"`
	// Place is where: the event's place when the rule has an event
	// condition, else any place the article names.
	Place *Place `json:"place,omitempty"`
	// Contradiction: a contradiction involving Entity (as speaker,
	// subject or object of one of its claims; any contradiction without
	// Entity), within the article or with a stored claim.
	Contradiction bool `json:"contradiction,omitempty"`
	// FirstMention: the article is the first stored one that mentions
	// Entity (with a place in FirstMention.Country when set).
	FirstMention *FirstMention `json:"first_mention,omitempty"`
	// QuoteMentions: a quote by Entity (its speaker) whose words mention
	// this entity.
	QuoteMentions *EntityRef `json:"quote_mentions,omitempty"`
	// Query is a full-text query in the store's search syntax.
	Query string `json:"query,omitempty"`
	// Since and Until bound the article's publication date (YYYY-MM-DD,
	// inclusive); an article without a date is outside every window.
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
}

// EntityRef names a store entity: by its store id, or by a name (any name
// or alias of it, compared as the store compares names: case, accents,
// punctuation and titles ignored). In files it is a string (a name), a
// number (an id), or {"id": N} / {"name": "..."}.
type EntityRef struct {
	ID   int64
	Name string
}

// String is the name, or "#ID".
func (r EntityRef) String() string {
	if r.Name != "" {
		return r.Name
	}
	return "#" + strconv.FormatInt(r.ID, 10)
}

// MarshalJSON writes a name as a string and an id as a number.
func (r EntityRef) MarshalJSON() ([]byte, error) {
	if r.Name != "" {
		return json.Marshal(r.Name)
	}
	return json.Marshal(r.ID)
}

// Place is a country (ISO 3166-1 alpha-2), an admin1 region (optionally
// of a country), or a point with a radius in kilometres.
type Place struct {
	Country  string   `json:"country,omitempty"`
	Admin1   string   `json:"admin1,omitempty"`
	Lat      *float64 `json:"lat,omitempty"`
	Lon      *float64 `json:"lon,omitempty"`
	RadiusKm float64  `json:"radius_km,omitempty"`
}

// FirstMention is the condition "first mention of the rule's entity",
// optionally within a country (ISO 3166-1 alpha-2): the first stored
// article that mentions the entity and a place in that country.
type FirstMention struct {
	Country string `json:"country,omitempty"`
}

// Stored returns w as a store keeps it: its canonical JSON and the names
// of its rules (news.WatchStore.PutWatchlist gives them ids).
func (w *Watchlist) Stored() (*news.Watchlist, error) {
	spec, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("watchlist %s: %w", w.Name, err)
	}
	sw := &news.Watchlist{Name: w.Name, Description: w.Description, Spec: spec}
	for _, r := range w.Rules {
		sw.Rules = append(sw.Rules, news.WatchRule{Name: r.Name})
	}
	return sw, nil
}

// FromStored reads a stored watchlist's rules back (its Spec).
func FromStored(sw *news.Watchlist) (*Watchlist, error) {
	return Parse(fmt.Sprintf("watchlist %d (%s)", sw.ID, sw.Name), sw.Spec)
}
