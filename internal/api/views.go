package api

import (
	"context"
	"encoding/json"
	"sort"

	"github.com/newsgraph/newsgraph/internal/news"
)

// The JSON shapes of the API (and the data of the web UI's pages). Lists
// are never null.

// NullString is an article's title, URL, source or publication date:
// JSON null when it is missing (empty), else the string, as in the
// article contract. Templates print it as the plain string.
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// Hit is one article found by search.
type Hit struct {
	ID        int64      `json:"id"`
	Title     NullString `json:"title"`
	URL       NullString `json:"url"`
	Source    NullString `json:"source"`
	Published NullString `json:"published"`
	Language  string     `json:"language"`
	Snippet   string     `json:"snippet"`
	Score     float64    `json:"score"`
	// Copies are the inputs stored as duplicates of this article (the
	// same URL or text, or a near-duplicate), in the order stored.
	Copies []Copy `json:"copies"`
}

// Copy is an input linked to a stored article as its duplicate.
type Copy struct {
	Source     NullString `json:"source"`
	Kind       string     `json:"kind"` // exact or near
	Similarity float64    `json:"similarity"`
}

// Entity is a store entity.
type Entity struct {
	ID       int64    `json:"id"`
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Titles   []string `json:"titles"`
	Articles int      `json:"articles"`
}

// Facets count what a browsing page of entities can be narrowed to (see
// news.EntityFacets).
type Facets struct {
	Articles  int          `json:"articles"`
	Types     []FacetCount `json:"types"`
	Countries []FacetCount `json:"countries"`
}

// FacetCount is one value of a facet with its count.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// FacetsOf is the view of f.
func FacetsOf(f news.EntityFacets) *Facets {
	counts := func(in []news.FacetCount) []FacetCount {
		out := make([]FacetCount, 0, len(in))
		for _, c := range in {
			out = append(out, FacetCount(c))
		}
		return out
	}
	return &Facets{Articles: f.Articles, Types: counts(f.Types), Countries: counts(f.Countries)}
}

// Quote is a stored quote.
type Quote struct {
	ArticleID int64      `json:"article_id"`
	Title     NullString `json:"title"`
	URL       NullString `json:"url"`
	Published NullString `json:"published"`
	LocalID   string     `json:"local_id"`
	Kind      string     `json:"kind"`
	Text      string     `json:"text"`
	SpeakerID int64      `json:"speaker_id,omitempty"`
	Speaker   string     `json:"speaker"`
	Cue       string     `json:"cue"`
	Sourcing  string     `json:"sourcing"`
}

// Claim is a stored claim.
type Claim struct {
	ID        int64      `json:"id"`
	ArticleID int64      `json:"article_id"`
	LocalID   string     `json:"local_id"`
	SpeakerID int64      `json:"speaker_id,omitempty"`
	Speaker   string     `json:"speaker"`
	Polarity  string     `json:"polarity"`
	SubjectID int64      `json:"subject_id,omitempty"`
	Subject   string     `json:"subject"`
	Predicate string     `json:"predicate"`
	ObjectID  int64      `json:"object_id,omitempty"`
	Object    string     `json:"object"`
	Quote     string     `json:"quote"`
	Published NullString `json:"published"`
}

// Contradiction is two claims that cannot both hold.
type Contradiction struct {
	A     Claim  `json:"a"`
	B     Claim  `json:"b"`
	Why   string `json:"why"`
	Scope string `json:"scope"`
}

// Event is a stored event.
type Event struct {
	ID        int64      `json:"id"`
	ArticleID int64      `json:"article_id"`
	Title     NullString `json:"title"`
	Published NullString `json:"published"`
	LocalID   string     `json:"local_id"`
	Type      string     `json:"type"`
	ActorID   int64      `json:"actor_id,omitempty"`
	Actor     string     `json:"actor"`
	TargetID  int64      `json:"target_id,omitempty"`
	Target    string     `json:"target"`
	PlaceID   int64      `json:"place_id,omitempty"`
	Place     string     `json:"place"`
	Date      string     `json:"date"`
	Trigger   string     `json:"trigger"`
	Negated   bool       `json:"negated"`
	Hedged    bool       `json:"hedged"`
}

// Place is a geocoded place with its article count.
type Place struct {
	EntityID int64   `json:"entity_id"`
	Name     string  `json:"name"`
	Country  string  `json:"country"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Articles int     `json:"articles"`
}

// Graph is an entity's neighbourhood.
type Graph struct {
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// GraphNode is one entity of a Graph.
type GraphNode struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
	Hop      int    `json:"hop"`
}

// GraphEdge joins two nodes.
type GraphEdge struct {
	From   int64  `json:"from"`
	To     int64  `json:"to"`
	Type   string `json:"type"`
	Weight int    `json:"weight"`
	Label  string `json:"label,omitempty"`
}

// EntityArticle is an article that mentions an entity.
type EntityArticle struct {
	ID          int64      `json:"id"`
	Title       NullString `json:"title"`
	URL         NullString `json:"url"`
	Source      NullString `json:"source"`
	Published   NullString `json:"published"`
	LocalID     string     `json:"local_id"`
	Mentions    int        `json:"mentions"`
	MergeReason string     `json:"merge_reason"`
}

// Period is one month of an entity's timeline ("" for undated articles).
type Period struct {
	Period   string `json:"period"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
	Quotes   int    `json:"quotes"`
}

// CoOccurrence is an entity seen in the same articles.
type CoOccurrence struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
}

// EntityProfile is everything about one entity.
type EntityProfile struct {
	Entity
	Timeline       []Period           `json:"timeline"`
	ArticleList    []EntityArticle    `json:"article_list"`
	Quotes         []Quote            `json:"quotes"`
	QuotesAbout    []Quote            `json:"quotes_about"`
	Claims         map[string][]Claim `json:"claims"` // by polarity: affirm, deny
	CoOccurring    []CoOccurrence     `json:"co_occurring"`
	Contradictions []Contradiction    `json:"contradictions"`
	Events         []Event            `json:"events"`
	// Decisions are the analyst's merges and splits of the entity.
	Decisions []Decision `json:"decisions"`
}

func entityOf(e news.StoredEntity) Entity {
	return Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: nonNil(e.Aliases), Titles: nonNil(e.Titles), Articles: e.Articles}
}

func quoteOf(q news.StoredQuote) Quote {
	return Quote{ArticleID: q.ArticleID, Title: NullString(q.Title), URL: NullString(q.URL), Published: NullString(q.Published), LocalID: q.LocalID, Kind: q.Kind,
		Text: q.Text, SpeakerID: q.SpeakerID, Speaker: q.SpeakerName, Cue: q.Cue, Sourcing: q.Sourcing}
}

func claimOf(c news.StoredClaim) Claim {
	return Claim{ID: c.ID, ArticleID: c.ArticleID, LocalID: c.LocalID, SpeakerID: c.SpeakerID, Speaker: c.SpeakerName,
		Polarity: c.Polarity, SubjectID: c.SubjectID, Subject: c.SubjectName, Predicate: c.Predicate, ObjectID: c.ObjectID,
		Object: c.ObjectName, Quote: c.Quote, Published: NullString(c.Published)}
}

func contradictionOf(k news.StoredContradiction) Contradiction {
	return Contradiction{A: claimOf(k.A), B: claimOf(k.B), Why: k.Why, Scope: k.Scope}
}

func eventOf(v news.StoredEvent) Event {
	return Event{ID: v.ID, ArticleID: v.ArticleID, Title: NullString(v.Title), Published: NullString(v.Published), LocalID: v.LocalID, Type: v.Type,
		ActorID: v.ActorID, Actor: v.ActorName, TargetID: v.TargetID, Target: v.TargetName, PlaceID: v.PlaceID,
		Place: v.PlaceName, Date: v.Date, Trigger: v.Trigger, Negated: v.Negated, Hedged: v.Hedged}
}

func mapList[T, U any](in []T, f func(T) U) []U {
	out := make([]U, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Hits converts search hits.
func Hits(hs []news.SearchHit) []Hit {
	return mapList(hs, func(h news.SearchHit) Hit {
		return Hit{ID: h.ArticleID, Title: NullString(h.Title), URL: NullString(h.URL), Source: NullString(h.Source), Published: NullString(h.Published), Language: h.Language,
			Snippet: h.Snippet, Score: h.Score, Copies: mapList(h.Copies, func(c news.Copy) Copy {
				return Copy{Source: NullString(c.Source), Kind: c.Kind, Similarity: c.Similarity}
			})}
	})
}

// Entities converts store entities.
func Entities(es []news.StoredEntity) []Entity { return mapList(es, entityOf) }

// Quotes converts stored quotes.
func Quotes(qs []news.StoredQuote) []Quote { return mapList(qs, quoteOf) }

// Claims converts stored claims.
func Claims(cs []news.StoredClaim) []Claim { return mapList(cs, claimOf) }

// EntityArticles converts the articles of an entity's profile.
func EntityArticles(as []news.EntityArticle) []EntityArticle {
	return mapList(as, func(a news.EntityArticle) EntityArticle {
		return EntityArticle{ID: a.ArticleID, Title: NullString(a.Title), URL: NullString(a.URL), Source: NullString(a.Source), Published: NullString(a.Published),
			LocalID: a.LocalID, Mentions: a.Mentions, MergeReason: a.MergeReason}
	})
}

// CoOccurrences converts the entities seen with an entity.
func CoOccurrences(cs []news.CoOccurrence) []CoOccurrence {
	return mapList(cs, func(c news.CoOccurrence) CoOccurrence {
		return CoOccurrence{ID: c.EntityID, Name: c.Name, Type: c.Type, Articles: c.Articles}
	})
}

// Events converts stored events.
func Events(vs []news.StoredEvent) []Event { return mapList(vs, eventOf) }

// Contradictions converts stored contradictions.
func Contradictions(ks []news.StoredContradiction) []Contradiction {
	return mapList(ks, contradictionOf)
}

// Places converts places.
func Places(ps []news.PlaceCount) []Place {
	return mapList(ps, func(p news.PlaceCount) Place {
		return Place{EntityID: p.EntityID, Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Articles: p.Articles}
	})
}

// GraphOf converts a graph.
func GraphOf(g *news.Graph) Graph {
	return Graph{
		Nodes: mapList(g.Nodes, func(n news.GraphNode) GraphNode {
			return GraphNode{ID: n.ID, Name: n.Name, Type: n.Type, Articles: n.Articles, Hop: n.Hop}
		}),
		Edges: mapList(g.Edges, func(e news.GraphEdge) GraphEdge {
			return GraphEdge{From: e.From, To: e.To, Type: e.Type, Weight: e.Weight, Label: e.Label}
		}),
	}
}

// Profile gathers everything about entity id: its names, a monthly
// timeline of mentions and quotes, up to limit articles, quotes by and
// about it, claims by polarity, co-occurring entities, events and the
// contradictions it is part of.
func Profile(ctx context.Context, store news.Store, id int64, limit int) (*EntityProfile, error) {
	// The timeline counts more articles than the page lists.
	p, err := store.EntityProfile(ctx, id, max(limit, 500))
	if err != nil {
		return nil, err
	}
	about, err := store.QuotesAbout(ctx, news.QuoteAboutQuery{EntityID: id, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := &EntityProfile{Entity: entityOf(p.StoredEntity), Claims: map[string][]Claim{"affirm": {}, "deny": {}},
		QuotesAbout: Quotes(about), Decisions: []Decision{}}
	for _, d := range p.Decisions {
		out.Decisions = append(out.Decisions, DecisionOf(d, id))
	}
	periods := map[string]*Period{}
	period := func(date string) *Period {
		if len(date) >= 7 {
			date = date[:7]
		}
		if periods[date] == nil {
			periods[date] = &Period{Period: date}
		}
		return periods[date]
	}
	for _, a := range p.ArticleList {
		pe := period(a.Published)
		pe.Articles++
		pe.Mentions += a.Mentions
	}
	for _, q := range p.Quotes {
		period(q.Published).Quotes++
	}
	for _, pe := range periods {
		out.Timeline = append(out.Timeline, *pe)
	}
	sort.Slice(out.Timeline, func(i, j int) bool { return out.Timeline[i].Period < out.Timeline[j].Period })
	out.Timeline = nonNil(out.Timeline)
	out.ArticleList = EntityArticles(p.ArticleList[:min(limit, len(p.ArticleList))])
	out.Quotes = Quotes(p.Quotes[:min(limit, len(p.Quotes))])
	for _, c := range p.Claims[:min(limit, len(p.Claims))] {
		out.Claims[c.Polarity] = append(out.Claims[c.Polarity], claimOf(c))
	}
	out.CoOccurring = CoOccurrences(p.CoOccurring[:min(limit, len(p.CoOccurring))])
	ks, err := store.Contradictions(ctx, news.ContradictionQuery{Entity: p.Name, Limit: 200})
	if err != nil {
		return nil, err
	}
	out.Contradictions = []Contradiction{}
	for _, k := range ks {
		if involves(k.A, id) || involves(k.B, id) {
			out.Contradictions = append(out.Contradictions, contradictionOf(k))
		}
	}
	out.Contradictions = out.Contradictions[:min(limit, len(out.Contradictions))]
	vs, err := store.Events(ctx, news.EventQuery{Entity: p.Name, Limit: 200})
	if err != nil {
		return nil, err
	}
	out.Events = []Event{}
	for _, v := range vs {
		if (v.ActorID == id || v.TargetID == id || v.PlaceID == id) && len(out.Events) < limit {
			out.Events = append(out.Events, eventOf(v))
		}
	}
	return out, nil
}

func involves(c news.StoredClaim, id int64) bool {
	return c.SpeakerID == id || c.SubjectID == id || c.ObjectID == id
}
