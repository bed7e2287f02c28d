package news

import (
	"context"
	"errors"
	"time"
)

// Store keeps processed articles and what was found in them, across
// articles: one store entity per real-world thing seen in many articles,
// their quotes, events and claims, and contradictions between claims of
// different articles. It answers the query commands (search, entity,
// quotes, contradictions, stats, export).
//
// Implementations: internal/sqlite (embedded, the default) and
// internal/postgres. Their shared
// behaviour is pinned by the conformance suite in internal/newstest, which
// every implementation runs.
//
// All methods are safe for concurrent use. Writes of one article are
// atomic: after a crash either the whole article (its row, entities,
// quotes, events, claims, search index) is stored or none of it.
type Store interface {
	// FindDuplicate reports whether an article with these keys is already
	// stored: the same canonical URL or content hash (Kind DupExact) or,
	// when keys.MinHash is set, a near-duplicate text (Kind DupNear). It
	// returns nil, nil when there is none. Ingest calls it before running
	// the pipeline, to skip work; PutArticle checks again atomically.
	FindDuplicate(ctx context.Context, keys DedupKeys) (*Duplicate, error)

	// PutArticle stores one processed article in one transaction, unless
	// it duplicates a stored one: then it records the duplicate (linked
	// to the copy kept, with the similarity) and stores nothing else. Of
	// two near-duplicates the fuller one is kept, whichever comes first
	// (graphrules.KeepNew): a fuller input replaces the stored copy, which
	// becomes its duplicate (PutResult.Replaced). Storing the same
	// article twice is a no-op.
	PutArticle(ctx context.Context, a *ArticleInput) (PutResult, error)

	// Search finds articles by full text and filters, best first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// CountSearch returns how many articles match q in all (q.Limit
	// aside): the total a page of Search's hits is part of.
	CountSearch(ctx context.Context, q SearchQuery) (int, error)
	// Article returns one stored article with its contract JSON, or
	// ErrNoSuchArticle.
	Article(ctx context.Context, id int64) (*StoredArticle, error)
	// Entities returns the store entities whose name or an alias matches
	// name (case and accents ignored), most mentioned first.
	Entities(ctx context.Context, name string, typ string) ([]StoredEntity, error)
	// SuggestEntities finds entities by part of a name (whole words or
	// word beginnings: "Nisar" finds "Chaudhry Nisar Ali Khan"), most
	// mentioned first, or, when none has such a name, by a spelling
	// variant ("did you mean"; fuzzy is then true); at most limit.
	SuggestEntities(ctx context.Context, name, typ string, limit int) (ents []StoredEntity, fuzzy bool, err error)
	// TopEntities lists the entities in most of the articles q selects
	// (all articles when q has no country and no dates), browsing
	// without a name; of type q.Type when it is set. With a country or a
	// date window, each entity's Articles counts the selected articles
	// only.
	TopEntities(ctx context.Context, q EntityBrowseQuery) ([]StoredEntity, error)
	// EntityFacets counts what browsing with q would narrow to: the
	// entities of each type and the articles that mention a place in
	// each country, among the articles q selects (see EntityFacets).
	EntityFacets(ctx context.Context, q EntityBrowseQuery) (EntityFacets, error)
	// EntityProfile returns everything the store knows about one entity,
	// or ErrNoSuchEntity.
	EntityProfile(ctx context.Context, id int64, limit int) (*EntityProfile, error)
	// Quotes lists quotes, newest article first.
	Quotes(ctx context.Context, q QuoteQuery) ([]StoredQuote, error)
	// Contradictions lists contradictions between claims, within and
	// across articles.
	Contradictions(ctx context.Context, q ContradictionQuery) ([]StoredContradiction, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// EachArticle calls fn for every stored article in id order (export).
	// An error from fn stops the walk and is returned.
	EachArticle(ctx context.Context, fn func(*StoredArticle) error) error

	// Events lists stored events, newest first (see EventQuery).
	Events(ctx context.Context, q EventQuery) ([]StoredEvent, error)
	// QuotesAbout lists quotes about an entity, newest article first.
	QuotesAbout(ctx context.Context, q QuoteAboutQuery) ([]StoredQuote, error)
	// Graph returns the neighbourhood of an entity, or ErrNoSuchEntity.
	Graph(ctx context.Context, q GraphQuery) (*Graph, error)
	// ArticleEntities maps an article's entity ids (E1, ...) to the store
	// entities they were merged into, or returns ErrNoSuchArticle.
	ArticleEntities(ctx context.Context, articleID int64) (map[string]int64, error)
	// Places lists geocoded places with the number of articles that
	// mention each, most mentioned first; limit 0 means 500.
	Places(ctx context.Context, limit int) ([]PlaceCount, error)

	// MergeEntities joins store entity from into entity into, for good:
	// its names, titles, articles, quotes, events and claims become
	// into's, from no longer exists, and articles stored later that name
	// it go to into. note is the analyst's reason ("" for none). It
	// returns ErrNoSuchEntity, or ErrBadDecision when from is into.
	MergeEntities(ctx context.Context, into, from int64, note string) (EntityDecision, error)
	// SplitAlias takes the name alias (matched as Entities matches names)
	// from store entity id to a new entity of the same type, with the
	// articles whose entity had it as its main name; that name never
	// links to id again, in articles stored later either. It returns
	// ErrNoSuchEntity, ErrNoSuchName, or ErrBadDecision when the name is
	// the entity's only one.
	SplitAlias(ctx context.Context, id int64, alias, note string) (EntityDecision, error)

	// FeedState returns what was remembered of a feed (ETag,
	// Last-Modified, errors) for polite polling; a zero state when none.
	FeedState(ctx context.Context, url string) (FeedState, error)
	// PutFeedState remembers a feed's state.
	PutFeedState(ctx context.Context, s FeedState) error

	Close() error
}

// Store errors, tested with errors.Is.
var (
	ErrNoSuchArticle = errors.New("no such article in the store")
	ErrNoSuchEntity  = errors.New("no such entity in the store")
)

// Duplicate kinds.
const (
	DupExact = "exact" // same canonical URL or same text
	DupNear  = "near"  // near-duplicate text (syndicated copy)
)

// DedupKeys identify an article for deduplication (see internal/dedup).
type DedupKeys struct {
	CanonicalURL string // "" when the article has no URL
	ContentHash  string // ContentID of the cleaned text
	// MinHash is the text's MinHash signature; nil for texts too short to
	// compare. Bands are its LSH band keys, used to find candidates.
	MinHash []uint32
	Bands   []uint64
	// NearThreshold is the estimated Jaccard similarity from which a text
	// is a near-duplicate; 0 disables near-duplicate detection.
	NearThreshold float64
}

// Duplicate says which stored article an input duplicates.
type Duplicate struct {
	Kind       string // DupExact or DupNear
	ArticleID  int64  // the copy kept
	Similarity float64
	Reason     string // "same URL", "same text", "near-duplicate text"
}

// ArticleInput is one processed article to store.
type ArticleInput struct {
	Doc  *Doc
	Keys DedupKeys
	// Feed is the feed the article came from, if any.
	Feed string
}

// PutResult says what PutArticle did.
type PutResult struct {
	ArticleID int64      // the stored article, or the kept copy of a duplicate
	Duplicate *Duplicate // nil when the article was stored as new
	// Replaced is the stored near-duplicate this article replaced as the
	// copy kept (graphrules.KeepNew): it is now a copy of this article;
	// 0 when none.
	Replaced int64
	// Contradictions is the number of new cross-article contradictions
	// found for the article's claims.
	Contradictions int
}

// StoredArticle is an article as the store keeps it.
type StoredArticle struct {
	ID        int64
	Source    string
	URL       string
	Title     string
	Published string // YYYY-MM-DD or ""
	Ingested  time.Time
	Hash      string
	Contract  []byte // the article's contract JSON
}

// SearchQuery selects articles. Text is full-text syntax: words (all must
// occur), "quoted phrases", word* prefixes, OR between two terms, NOT x
// or -x to exclude a word or phrase, and field filters entity:NAME,
// place:NAME (an entity of type LOC), type:TYPE, from:YYYY-MM-DD and
// to:YYYY-MM-DD (quote a value with spaces: entity:"Chaudhry Nisar"),
// which add to the fields below; a filter given in both with different
// values, or a text a store cannot parse, is a *QueryError.
type SearchQuery struct {
	Text   string
	Entity string // articles that mention this store entity (name or alias)
	Type   string // with Entity: its type; alone: articles with an entity of this type
	Since  string // YYYY-MM-DD, inclusive, on the publication date
	Until  string // YYYY-MM-DD, inclusive
	// Language keeps only articles in this language (an ISO code as in
	// Doc.Language); "" keeps all.
	Language string
	Limit    int // 0 means 20
	// Exhaustive ranks every match; otherwise a store may rank the newest
	// articles first when they hold a full page of matches (see
	// sqlite.DB.Search), which keeps very common words fast.
	Exhaustive bool
}

// SearchHit is one article that matched.
type SearchHit struct {
	ArticleID int64
	Title     string
	URL       string
	Source    string
	Published string
	Language  string // the article's language, as in Doc.Language
	Snippet   string // the matching passage, matches marked with [ ]
	Score     float64
	// Copies are the inputs linked to this article as duplicates or
	// near-duplicates instead of being stored again.
	Copies []Copy
}

// Copy is an input that duplicates a stored article.
type Copy struct {
	Source     string
	Kind       string // DupExact or DupNear
	Similarity float64
}

// StoredEntity is one entity across articles.
type StoredEntity struct {
	ID       int64
	Type     string
	Name     string
	Aliases  []string
	Titles   []string
	Articles int // number of articles that mention it
}

// EntityBrowseQuery selects the entities to browse without a name.
type EntityBrowseQuery struct {
	Type string // TypePER, TypeORG, TypeLOC or TypeMISC; "" for any
	// Country, an ISO 3166-1 alpha-2 code, keeps the articles that
	// mention a place in that country; "" keeps all.
	Country string
	// From and To (YYYY-MM-DD, inclusive) keep the articles published in
	// that window; "" leaves that end open. With either set, undated
	// articles are left out.
	From, To string
	Limit    int // how many entities; 0 means 25
}

// Filtered reports whether q selects fewer than all articles.
func (q EntityBrowseQuery) Filtered() bool { return q.Country != "" || q.From != "" || q.To != "" }

// FacetCount is one value of a facet and how many things have it.
type FacetCount struct {
	Value string
	Count int
}

// EntityFacets are the counts beside a browsing page, each leaving its
// own filter aside so that the other values stay reachable.
type EntityFacets struct {
	// Articles is the number of articles the query selects.
	Articles int
	// Types counts the entities of each type in those articles (q.Type
	// aside), most first.
	Types []FacetCount
	// Countries counts, for each country, the selected articles (q.Country
	// aside) that mention a place in it, most first, at most MaxCountryFacets.
	Countries []FacetCount
}

// MaxCountryFacets is how many countries EntityFacets lists at most.
const MaxCountryFacets = 30

// EntityProfile is everything about one store entity.
type EntityProfile struct {
	StoredEntity
	// Decisions are the analyst's merges and splits of this entity,
	// oldest first.
	Decisions   []EntityDecision
	ArticleList []EntityArticle
	Quotes      []StoredQuote
	Claims      []StoredClaim
	CoOccurring []CoOccurrence
}

// EntityArticle is one article mentioning an entity, with how the
// article's entity was merged into the store entity.
type EntityArticle struct {
	ArticleID   int64
	Source      string
	Title       string
	URL         string
	Published   string
	LocalID     string // the entity's id in the article's contract (E3)
	Mentions    int
	MergeReason string
}

// CoOccurrence is another entity seen in the same articles.
type CoOccurrence struct {
	EntityID int64
	Name     string
	Type     string
	Articles int
}

// QuoteQuery selects quotes.
type QuoteQuery struct {
	Speaker string // speaker's store entity name or alias; "" for all
	Limit   int    // 0 means 50
}

// StoredQuote is a quote with its article and speaker.
type StoredQuote struct {
	ArticleID   int64
	Title       string
	URL         string
	Published   string
	LocalID     string
	Kind        string
	Text        string
	SpeakerID   int64 // 0 when unattributed
	SpeakerName string
	Cue         string
	Sourcing    string
}

// StoredClaim is a claim with store entities instead of article-local ids.
type StoredClaim struct {
	ID          int64
	ArticleID   int64
	LocalID     string
	SpeakerID   int64
	SpeakerName string
	Polarity    string
	SubjectID   int64
	SubjectName string
	Predicate   string
	ObjectID    int64
	ObjectName  string
	Quote       string // the quote's text, when the claim comes from one
	Published   string
	// Word is the predicate as written; ObjectCountry and ObjectFeature
	// say where the object lies when it is a geocoded place.
	Word          string
	ObjectCountry string
	ObjectFeature string
}

// ClaimComparer decides whether two claims of different articles about the
// same subject (store entity) contradict each other, and says why in a
// short human-readable reason. It is the cross-article version of the
// claim stage's rule.
type ClaimComparer func(a, b StoredClaim) (contradicts bool, why string)

// ContradictionQuery selects contradictions.
type ContradictionQuery struct {
	Entity string // involving this entity as speaker, subject or object
	Limit  int    // 0 means 50
}

// StoredContradiction is two claims that cannot both hold.
type StoredContradiction struct {
	A, B  StoredClaim
	Why   string
	Scope string // "article" (found by the claim stage) or "cross"
}

// Stats counts what the store holds.
type Stats struct {
	Articles       int   `json:"articles"`
	Entities       int   `json:"entities"`
	Mentions       int   `json:"mentions"`
	Quotes         int   `json:"quotes"`
	Events         int   `json:"events"`
	Claims         int   `json:"claims"`
	Contradictions int   `json:"contradictions"`
	Duplicates     int   `json:"duplicates"`
	NearDuplicates int   `json:"near_duplicates"`
	Feeds          int   `json:"feeds"`
	Bytes          int64 `json:"db_bytes"`
}

// FeedState is what is remembered of a feed between polls.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	LastChecked  time.Time
	Failures     int    // consecutive failures, for back-off
	LastError    string // "" after a success
}

// IsCountryCode reports whether s is written as an ISO 3166-1 alpha-2
// code: two capital Latin letters ("PK").
func IsCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
