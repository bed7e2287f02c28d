package news

// The nouns of the browsing queries that the HTTP API and the web UI ask
// of a Store: events across articles, quotes about an entity, the graph
// around an entity, and which store entity each of an article's entities
// became.

// EventQuery selects stored events. Names match a store entity's name or
// any alias (case and accents ignored). Dates are YYYY-MM-DD, inclusive,
// on the event's own date, or the article's publication date when the
// event has none.
type EventQuery struct {
	Type   string // DENY, ATTACK, ...; "" for all
	Actor  string // the actor's name or alias
	Target string // the target's name or alias
	Place  string // the place's name or alias
	Entity string // as actor, target or place
	Since  string
	Until  string
	Limit  int // 0 means 50
}

// StoredEvent is an event with store entities instead of article-local ids.
type StoredEvent struct {
	ID         int64
	ArticleID  int64
	Title      string
	Published  string
	LocalID    string // V3
	Type       string
	ActorID    int64 // 0 when none
	ActorName  string
	TargetID   int64
	TargetName string
	PlaceID    int64
	PlaceName  string
	Date       string // the event's own date, "" when unknown
	Trigger    string
	Negated    bool
	Hedged     bool
}

// QuoteAboutQuery selects quotes whose words name an entity (its name or
// an alias, as a whole word) or that a claim about it came from.
type QuoteAboutQuery struct {
	EntityID int64
	Limit    int // 0 means 50
}

// Edge types of the entity graph.
const (
	EdgeCoOccurrence = "co-occurrence" // both mentioned in the same article
	EdgeQuoteAbout   = "quote-about"   // the source's quote or claim is about the target
	EdgeEvent        = "event"         // the source is the actor of an event whose target is the target
)

// GraphQuery asks for the neighbourhood of an entity.
type GraphQuery struct {
	EntityID int64
	Hops     int      // 1 to 3; 0 means 1
	Types    []string // edge types to follow; none means all
	// Fanout is how many neighbours of each node are followed, strongest
	// first; 0 means 10. MaxNodes caps the whole graph; 0 means 50.
	Fanout   int
	MaxNodes int
	// NodeTypes keeps only neighbours of these entity types (TypePER,
	// TypeORG, TypeLOC, TypeMISC); none means all. The entity itself is
	// always the first node.
	NodeTypes []string
	// From and To (YYYY-MM-DD, inclusive) keep only the edges that
	// articles published in that window support (co-occurrences in them,
	// their claims and events), and weigh edges by those articles alone;
	// "" leaves that end open. With either set, undated articles count
	// for nothing.
	From, To string
}

// Graph is the neighbourhood of an entity: its nodes (the entity first,
// at hop 0) and the edges between them, each with how many articles,
// quotes or events support it.
type Graph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// GraphNode is one entity of a graph.
type GraphNode struct {
	ID       int64
	Name     string
	Type     string
	Articles int
	Hop      int
}

// GraphEdge joins two entities. Co-occurrence edges are undirected (From
// is the smaller id); the others go from speaker or actor to what the
// quote or event is about.
type GraphEdge struct {
	From, To int64
	Type     string
	Weight   int
	Label    string // event types, for event edges ("ATTACK, DENY")
}

// PlaceCount is a geocoded place with how many stored articles mention it.
type PlaceCount struct {
	EntityID int64
	Name     string
	Country  string
	Lat, Lon float64
	Articles int
}
