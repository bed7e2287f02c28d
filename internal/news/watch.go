package news

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// ErrNoSuchWatchlist is returned for a watchlist id the store does not
// hold; test it with errors.Is.
var ErrNoSuchWatchlist = errors.New("no such watchlist in the store")

// WatchStore keeps watchlists (named sets of alert rules, see package
// internal/watch) and the alerts their rules fired, and answers the few
// questions about a stored article that matching a rule needs beyond
// Store. It is separate from Store so that a store can add it on its own.
//
// Implementations: internal/sqlite, internal/postgres. All methods are
// safe for concurrent use.
type WatchStore interface {
	// PutWatchlist stores w. A watchlist with w's name already stored is
	// replaced (its id stays): its rules of the same names keep their ids,
	// so the alerts they fired still count and never fire again; rules no
	// longer in w go, with their alerts. It returns the watchlist as
	// stored, with the ids of it and its rules.
	PutWatchlist(ctx context.Context, w *Watchlist) (*Watchlist, error)
	// Watchlists lists every stored watchlist, by id.
	Watchlists(ctx context.Context) ([]Watchlist, error)
	// Watchlist returns one watchlist, or ErrNoSuchWatchlist.
	Watchlist(ctx context.Context, id int64) (*Watchlist, error)
	// DeleteWatchlist removes a watchlist, its rules and their alerts, or
	// returns ErrNoSuchWatchlist.
	DeleteWatchlist(ctx context.Context, id int64) error

	// PutAlerts stores alerts in one transaction. An alert whose rule
	// already fired on its article (the pair is unique in the store), or
	// whose rule no longer exists, is skipped: a rule fires at most once
	// per article, across re-ingest and duplicates. It returns the
	// alerts stored now, with their ids and times, in input order.
	PutAlerts(ctx context.Context, alerts []Alert) ([]Alert, error)
	// Alerts lists stored alerts, newest first (see AlertQuery).
	Alerts(ctx context.Context, q AlertQuery) ([]Alert, error)

	// EntityNames returns every stored name and alias of each store
	// entity in ids (entities that do not exist are left out).
	EntityNames(ctx context.Context, ids []int64) (map[int64][]string, error)
	// ArticleContradictions returns the cross-article contradictions
	// that involve a claim of the article (those found when it was
	// stored, with claims of articles stored before), or
	// ErrNoSuchArticle.
	ArticleContradictions(ctx context.Context, articleID int64) ([]StoredContradiction, error)
	// MentionedBefore reports whether an article stored before articleID
	// mentions store entity entity and, when country is not "", also a
	// place in that country (ISO 3166-1 alpha-2).
	MentionedBefore(ctx context.Context, entity int64, country string, articleID int64) (bool, error)
}

// Watchlist is a named set of alert rules as a store keeps it. Spec is
// the watchlist as canonical JSON (package internal/watch writes and
// reads it); the store only needs the rules' names, to give each rule an
// id that alerts refer to.
type Watchlist struct {
	ID          int64       `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Spec        []byte      `json:"-"`
	Rules       []WatchRule `json:"rules"`
	Created     time.Time   `json:"created"`
	Updated     time.Time   `json:"updated"`
}

// WatchRule is one rule of a stored watchlist: its id in the store
// (unique across watchlists) and its name (unique in its watchlist).
type WatchRule struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Alert is one firing of one rule on one article. Its JSON form is the
// line `newsgraph ingest --alerts` writes.
type Alert struct {
	ID          int64        `json:"id,omitempty"` // 0 until stored
	WatchlistID int64        `json:"watchlist_id"`
	Watchlist   string       `json:"watchlist"` // the watchlist's name
	RuleID      int64        `json:"rule_id"`
	Rule        string       `json:"rule"` // the rule's name
	Article     AlertArticle `json:"article"`
	// Sentences are the sentence(s) of the article that made the rule
	// fire, in text order.
	Sentences []AlertSpan `json:"sentences"`
	// Why is a one-line human explanation ("Chaudhry Nisar denies
	// presence of Islamic State in Pakistan — contradicts the Foreign
	// Office, 2015-02-19").
	Why     string    `json:"why"`
	Created time.Time `json:"created,omitzero"` // when it was stored
}

// AlertArticle is the article an alert fired on. In JSON a missing
// title, URL or date is null, as in the contract.
type AlertArticle struct {
	ID        int64  `json:"id"`
	Source    string `json:"source"` // the input it was read from (file, URL, "stdin")
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD or ""
}

// MarshalJSON writes "" as null for the title, URL and date.
func (a AlertArticle) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID        int64   `json:"id"`
		Source    string  `json:"source"`
		Title     *string `json:"title"`
		URL       *string `json:"url"`
		Published *string `json:"published"`
	}{a.ID, a.Source, optional(a.Title), optional(a.URL), optional(a.Published)})
}

// UnmarshalJSON reads what MarshalJSON writes (null as "").
func (a *AlertArticle) UnmarshalJSON(data []byte) error {
	var v struct {
		ID        int64   `json:"id"`
		Source    string  `json:"source"`
		Title     *string `json:"title"`
		URL       *string `json:"url"`
		Published *string `json:"published"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*a = AlertArticle{ID: v.ID, Source: v.Source}
	for _, f := range []struct {
		from *string
		to   *string
	}{{v.Title, &a.Title}, {v.URL, &a.URL}, {v.Published, &a.Published}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	return nil
}

// AlertSpan is a span of an article's text: Start and End count Unicode
// code points into the contract's "text", as every contract span does;
// Text is what it covers.
type AlertSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// AlertQuery selects alerts; zero fields select all.
type AlertQuery struct {
	WatchlistID int64
	RuleID      int64
	ArticleID   int64
	// AfterID keeps only alerts with a greater id (newer ones), for
	// paging and for deliveries that resume.
	AfterID int64
	Limit   int // 0 means 100
}
