package watch

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Rules read the article contract (../shared/contract/README.md) as
// news.UnmarshalContract reads it, the one codec of the contract; the
// short names keep the matcher readable. Offsets count code points, as in
// the contract.
type (
	cDoc           = news.Contract
	cSpan          = news.ContractSpan
	cEntity        = news.ContractEntity
	cPlace         = news.ContractPlace
	cQuote         = news.ContractQuote
	cEvent         = news.ContractEvent
	cClaim         = news.ContractClaim
	cContradiction = news.ContractContradiction
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Article is what rules are evaluated on (by one goroutine at a time): one stored article's contract,
// which store entity each of its entities became, every name the store
// knows for those entities, and the cross-article contradictions found
// when it was stored. NewArticle or LoadArticle makes one.
type Article struct {
	ID     int64
	Source string
	doc    cDoc
	runes  []rune // doc.Text, to cut code-point spans
	ents   map[string]*cEntity
	// store maps the article's entity ids to store entities.
	store map[string]int64
	cross []news.StoredContradiction
	// The index of what the article has, for Matcher.candidates and the
	// conditions: article entities by store entity and by name key (of
	// every name of theirs and of their store entity's), the
	// event types, the countries of its places, and its geocoded
	// entities.
	byStore    map[int64][]string
	byKey      map[string][]string
	eventTypes map[string][]int // event type -> indexes in doc.Events
	// evPlaces caches sentencePlaces per event (nil: not computed yet).
	evPlaces  [][]string
	countries map[string]struct{}
	places    []string
	// titleWords and textWords are the words a full-text query reads,
	// made at the first query (see words).
	titleWords, textWords []qword
}

// NewArticle reads a stored article's contract JSON. local maps its
// entity ids (E1, ...) to store entities (news.Store.ArticleEntities),
// storeNames gives the names of those store entities
// (news.WatchStore.EntityNames) and cross the cross-article
// contradictions of its claims (news.WatchStore.ArticleContradictions).
func NewArticle(sa *news.StoredArticle, local map[string]int64, storeNames map[int64][]string, cross []news.StoredContradiction) (*Article, error) {
	a := &Article{ID: sa.ID, Source: sa.Source, store: local, cross: cross, ents: map[string]*cEntity{}}
	doc, err := news.UnmarshalContract(sa.Contract)
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", sa.ID, err)
	}
	a.doc = *doc
	if a.Source == "" {
		a.Source = deref(a.doc.Source)
	}
	a.runes = []rune(a.doc.Text)
	a.index(storeNames)
	return a, nil
}

// index fills the article's lookup tables.
func (a *Article) index(storeNames map[int64][]string) {
	a.byStore, a.byKey = map[int64][]string{}, map[string][]string{}
	a.eventTypes, a.countries = map[string][]int{}, map[string]struct{}{}
	for i := range a.doc.Entities {
		e := &a.doc.Entities[i]
		a.ents[e.ID] = e
		sid := a.store[e.ID]
		if sid != 0 {
			a.byStore[sid] = append(a.byStore[sid], e.ID)
		}
		for _, k := range entityKeys(e, storeNames[sid]) {
			a.byKey[k] = append(a.byKey[k], e.ID)
		}
		if e.Place != nil {
			a.places = append(a.places, e.ID)
			if c := deref(e.Place.Country); c != "" {
				a.countries[c] = struct{}{}
			}
		}
	}
	for i, ev := range a.doc.Events {
		a.eventTypes[ev.Type] = append(a.eventTypes[ev.Type], i)
	}
	a.evPlaces = make([][]string, len(a.doc.Events))
}

// entityKeys returns the distinct name keys of an article entity and of
// the names its store entity has.
func entityKeys(e *cEntity, stored []string) []string {
	var keys []string
	add := func(name string) {
		k := names.Key(name)
		if k == "" {
			return
		}
		for _, have := range keys {
			if have == k {
				return
			}
		}
		keys = append(keys, k)
	}
	add(e.Name)
	for _, n := range e.Aliases {
		add(n)
	}
	for _, n := range stored {
		add(n)
	}
	return keys
}

// Facts is what LoadArticle reads from a store.
type Facts interface {
	Article(ctx context.Context, id int64) (*news.StoredArticle, error)
	ArticleEntities(ctx context.Context, articleID int64) (map[string]int64, error)
	EntityNames(ctx context.Context, ids []int64) (map[int64][]string, error)
	ArticleContradictions(ctx context.Context, articleID int64) ([]news.StoredContradiction, error)
}

// LoadArticle reads a stored article and what rules need about it.
func LoadArticle(ctx context.Context, st Facts, id int64) (*Article, error) {
	sa, err := st.Article(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load article %d: %w", id, err)
	}
	local, err := st.ArticleEntities(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load article %d: %w", id, err)
	}
	ids := make([]int64, 0, len(local))
	for _, sid := range local {
		ids = append(ids, sid)
	}
	storeNames, err := st.EntityNames(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load article %d: %w", id, err)
	}
	cross, err := st.ArticleContradictions(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load article %d: %w", id, err)
	}
	return NewArticle(sa, local, storeNames, cross)
}

// published is the article's date, "" when unknown.
func (a *Article) published() string { return deref(a.doc.Published) }

// info is the article as alerts carry it.
func (a *Article) info() news.AlertArticle {
	return news.AlertArticle{ID: a.ID, Source: a.Source, Title: deref(a.doc.Title), URL: deref(a.doc.URL), Published: a.published()}
}

// text returns the text of a code-point span, clamped to the text.
func (a *Article) text(s cSpan) string {
	start, end := max(0, s.Start), min(len(a.runes), s.End)
	if start >= end {
		return ""
	}
	return string(a.runes[start:end])
}

// sentence returns the index of the sentence holding code point at, or
// -1.
func (a *Article) sentence(at int) int {
	ss := a.doc.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].End <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) && ss[lo].Start <= at {
		return lo
	}
	return -1
}

// name is the name of an article entity, or "" for none.
func (a *Article) name(id *string) string {
	if id == nil {
		return ""
	}
	if e := a.ents[*id]; e != nil {
		return e.Name
	}
	return ""
}
