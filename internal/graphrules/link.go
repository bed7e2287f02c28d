package graphrules

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// EntityLookup is what Link asks of a store, inside the transaction that
// stores the article.
type EntityLookup interface {
	// StoredNames returns the stored names under any of keys, and the
	// canonical names (KindName) under any of loose, in store entity id
	// order.
	StoredNames(keys, loose []string) ([]NameRow, error)
	// Splits returns the analyst's splits of any of keys.
	Splits(keys []string) (map[Split]bool, error)
	// NewEntity makes a store entity of type typ and name, with an id no
	// entity had before (not even one merged away), and returns the id.
	NewEntity(typ, name string) (int64, error)
	// Cooccurrence counts the stored articles, of the most recent
	// ContextArticles articles of entity id, in which id appears with
	// any of others.
	Cooccurrence(id int64, others []int64) (int, error)
	// CanonicalKeys returns the keys of the canonical names (KindName)
	// of each of the store entities ids, including entities made for
	// this article.
	CanonicalKeys(ids []int64) (map[int64][]string, error)
}

// Linked is the outcome of linking one article's entities.
type Linked struct {
	// IDs maps the article's entity ids (E1) to store entity ids, and
	// Reasons says why each joined its store entity.
	IDs     map[string]int64
	Reasons map[string]string
	// Known are the names of the stored entities the article's entities
	// joined, by id.
	Known map[int64]string
	// Splits are the analyst's splits of the article's names.
	Splits map[Split]bool
	// Joins are the store entities the article showed to be one with
	// another (see join.go), in the order the store is to join them.
	Joins []Join
}

// Link maps every entity of doc to a store entity (see the rules above),
// making new store entities through st where none matches.
func Link(doc *news.Doc, st EntityLookup) (*Linked, error) {
	refs := make([][]NameRef, len(doc.Entities))
	for i, e := range doc.Entities {
		refs[i] = EntityNames(e)
	}
	keys, loose := LookupKeys(refs, doc.Entities)
	var stored []NameRow
	l := &Linked{IDs: make(map[string]int64, len(doc.Entities)), Reasons: make(map[string]string, len(doc.Entities)),
		Known: map[int64]string{}, Splits: map[Split]bool{}}
	if len(keys) > 0 {
		var err error
		if stored, err = st.StoredNames(keys, loose); err != nil {
			return nil, err
		}
		MarkStray(stored)
		if l.Splits, err = st.Splits(keys); err != nil {
			return nil, err
		}
	}
	type pending struct {
		e     news.Entity
		cands []Candidate
	}
	var ambiguous []pending
	var resolved []int64
	created := map[int64][]string{} // canonical name keys of the entities made for this article
	for i, e := range doc.Entities {
		refs := refs[i]
		if len(refs) == 0 {
			continue
		}
		cands := SameGender(doc, e, Candidates(stored, e.Type, refs, l.Splits))
		switch len(cands) {
		case 0:
			id, err := st.NewEntity(e.Type, refs[0].Name)
			if err != nil {
				return nil, err
			}
			l.IDs[e.ID], l.Reasons[e.ID] = id, "new entity"
			if e.Type != news.TypePER {
				stored = append(stored, newNames(id, e.Type, refs)...)
				created[id] = canonicalKeys(refs)
			}
		case 1:
			c := cands[0]
			l.IDs[e.ID], l.Reasons[e.ID] = c.ID, MatchReason(e.Type, c)
			l.Known[c.ID] = c.Name
			resolved = append(resolved, c.ID)
		default:
			into, from, err := planJoin(st, e.Type, refs, cands, l.Splits, created)
			if err != nil {
				return nil, err
			}
			if len(from) == 0 {
				ambiguous = append(ambiguous, pending{e, cands})
				continue
			}
			l.join(e, into, from, stored, resolved)
			resolved = append(resolved, into.ID)
		}
	}
	for _, p := range ambiguous {
		if c, why, ok := ChoosePerson(p.e, p.cands, resolved); ok {
			if err := l.choose(st, p.e, c, why); err != nil {
				return nil, err
			}
			continue
		}
		for i := range p.cands {
			n, err := st.Cooccurrence(p.cands[i].ID, resolved)
			if err != nil {
				return nil, err
			}
			p.cands[i].Cooccurs = n
		}
		Rank(p.cands)
		if c, why, ok := CloseCall(p.e, p.cands); ok {
			if err := l.choose(st, p.e, c, why); err != nil {
				return nil, err
			}
			continue
		}
		best := p.cands[0]
		l.IDs[p.e.ID] = best.ID
		l.Known[best.ID] = best.Name
		l.Reasons[p.e.ID] = fmt.Sprintf("%s; chosen over %d other %s entities with that name by context (%d articles shared with this article's entities, %d articles in all)",
			MatchReason(p.e.Type, best), len(p.cands)-1, p.e.Type, best.Cooccurs, best.Articles)
	}
	return l, nil
}

// NameRecord is a name to record for a store entity (kept when the
// entity already has a name under Key).
type NameRecord struct {
	Key      string
	EntityID int64
	Name     string
	Kind     string
	Loose    string
}

// ArticleEntity is one article entity and the store entity it joined,
// with where it lies when it is a geocoded place (Lat, Lon and
// GeonamesID nil when unknown).
type ArticleEntity struct {
	LocalID          string
	EntityID         int64
	Mentions         int
	Reason           string
	Country, Feature string
	Lat, Lon         *float64
	GeonamesID       *int64
}

// Title is a title of a store entity.
type Title struct {
	EntityID int64
	Title    string
}

// Records are the rows a store writes for an article's entities once
// they are linked.
type Records struct {
	Names []NameRecord
	// Uses are the names (key, entity) that the article used as an
	// entity's canonical name: each is one more use of that name, and it
	// is a name (not an alias) from now on.
	Uses     []NameRecord
	Titles   []Title
	Articles []ArticleEntity
	// Touched are the store entities the article mentions, each once:
	// their article counts grow by one and their display name is their
	// most used name.
	Touched []int64
}

// Records returns the rows to write for doc's entities as l linked them.
// A name an analyst split off an entity is not recorded for it, nor a
// person's alias that shares no word with the stored person's name.
func (l *Linked) Records(doc *news.Doc) Records {
	var r Records
	counted := map[int64]bool{}
	for _, e := range doc.Entities {
		id, ok := l.IDs[e.ID]
		if !ok {
			continue
		}
		refs := EntityNames(e)
		for _, n := range refs {
			if l.Splits[Split{n.Key, id}] {
				continue // an analyst took this name from the entity
			}
			if e.Type != news.TypePER && n.Kind == KindAlias && namePart(refs[0].Key, n.Key) {
				continue // "PAC" of "Conservative Solutions PAC" would draw every other PAC to it
			}
			if known := l.Known[id]; e.Type == news.TypePER && n.Kind == KindAlias && known != "" && !SharesWord(n.Name, known) {
				continue // "Roberts" from a misread headline is not Donald Trump's
			}
			rec := NameRecord{Key: n.Key, EntityID: id, Name: n.Name, Kind: n.Kind, Loose: names.Loose(n.Name, e.Type)}
			r.Names = append(r.Names, rec)
			if n.Kind == KindName {
				r.Uses = append(r.Uses, rec)
			}
		}
		for _, t := range e.Titles {
			if t = strings.TrimSpace(t); t != "" {
				r.Titles = append(r.Titles, Title{id, t})
			}
		}
		r.Articles = append(r.Articles, articleEntity(e, id, l.Reasons[e.ID]))
		if !counted[id] {
			counted[id] = true
			r.Touched = append(r.Touched, id)
		}
	}
	return r
}

// articleEntity is the row of article entity e, joined to store entity id
// for reason.
func articleEntity(e news.Entity, id int64, reason string) ArticleEntity {
	a := ArticleEntity{LocalID: e.ID, EntityID: id, Mentions: len(e.Mentions), Reason: reason}
	if p := e.Place; p != nil {
		a.Country, a.Feature = p.Country, p.Feature
		if p.HasPoint() && !p.Demonym { // a country-only place or a demonym is not on the map
			lat, lon := p.Lat, p.Lon
			a.Lat, a.Lon = &lat, &lon
		}
		if p.GeonamesID != 0 {
			g := p.GeonamesID
			a.GeonamesID = &g
		}
	}
	return a
}
