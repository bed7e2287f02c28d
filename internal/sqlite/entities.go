package sqlite

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// An article's entity is merged into a store entity of the same type that
// has one of its names under the same name key, where either the article's
// canonical name or the stored entity's canonical name is part of the match
// (two aliases alone are too weak a link).
// When several store entities match ("Khan"), context decides: the one
// seen most often in articles with the other entities of this article,
// then the one named by the article's canonical name, then the one in most
// articles, then the oldest. Without a match a new store entity is made.
// The reason is kept with each article entity (article_entities).

type nameRef struct {
	key, name, kind string // kind: name or alias
}

type candidate struct {
	id       int64
	name     string
	byName   bool // the article's canonical name matched
	matched  string
	articles int
	cooccurs int
}

func entityNames(e news.Entity) []nameRef {
	var refs []nameRef
	seen := map[string]bool{}
	add := func(name, kind string) {
		name = strings.TrimSpace(name)
		k := nameKey(name)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		refs = append(refs, nameRef{k, name, kind})
	}
	add(e.Name, "name")
	for _, a := range e.Aliases {
		add(a, "alias")
	}
	if len(refs) == 0 {
		for _, m := range e.Mentions {
			if m.Kind == news.MentionName || m.Kind == news.MentionAlias || m.Kind == news.MentionAcronym || m.Kind == "" {
				add(m.Text, "name")
				break
			}
		}
	}
	return refs
}

func (w *articleWriter) candidates(typ string, refs []nameRef) ([]candidate, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	args := []any{typ}
	for _, r := range refs {
		args = append(args, r.key)
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT e.id, e.name, e.articles, n.key, n.kind FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE e.type = ? AND n.key IN (`+placeholders(len(refs))+`)
		ORDER BY e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]*candidate{}
	var order []int64
	for rows.Next() {
		var c candidate
		var key, kind string
		if err := rows.Scan(&c.id, &c.name, &c.articles, &key, &kind); err != nil {
			return nil, err
		}
		got, ok := byID[c.id]
		for _, r := range refs {
			// An alias matching only a stored alias is too weak a link:
			// "Sadiq Khan" and "Imran Khan" share the alias "Khan".
			if r.key == key && (r.kind == "name" || kind == "name") {
				if !ok {
					got, ok = &c, true
					byID[c.id] = got
					order = append(order, c.id)
				}
				if r.kind == "name" {
					got.byName = true
				}
				if got.matched == "" || r.kind == "name" {
					got.matched = r.name
				}
			}
		}
	}
	out := make([]candidate, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	return out, rows.Err()
}

// linkEntities maps every entity of the article to a store entity and
// records the article's entities, names and titles.
func (w *articleWriter) linkEntities() (map[string]int64, error) {
	type pending struct {
		e     news.Entity
		refs  []nameRef
		cands []candidate
	}
	ids := make(map[string]int64, len(w.doc.Entities))
	reasons := make(map[string]string, len(w.doc.Entities))
	var ambiguous []pending
	var resolved []int64
	for _, e := range w.doc.Entities {
		refs := entityNames(e)
		if len(refs) == 0 {
			continue
		}
		cands, err := w.candidates(e.Type, refs)
		if err != nil {
			return nil, err
		}
		switch len(cands) {
		case 0:
			id, err := w.newEntity(e.Type, refs[0].name)
			if err != nil {
				return nil, err
			}
			ids[e.ID], reasons[e.ID] = id, "new entity"
		case 1:
			c := cands[0]
			ids[e.ID], reasons[e.ID] = c.id, matchReason(e.Type, c)
			resolved = append(resolved, c.id)
		default:
			ambiguous = append(ambiguous, pending{e, refs, cands})
			continue
		}
	}
	for _, p := range ambiguous {
		for i := range p.cands {
			n, err := w.cooccurrence(p.cands[i].id, resolved)
			if err != nil {
				return nil, err
			}
			p.cands[i].cooccurs = n
		}
		sort.SliceStable(p.cands, func(i, j int) bool {
			a, b := p.cands[i], p.cands[j]
			if a.cooccurs != b.cooccurs {
				return a.cooccurs > b.cooccurs
			}
			if a.byName != b.byName {
				return a.byName
			}
			if a.articles != b.articles {
				return a.articles > b.articles
			}
			return a.id < b.id
		})
		best := p.cands[0]
		ids[p.e.ID] = best.id
		reasons[p.e.ID] = fmt.Sprintf("%s; chosen over %d other %s entities with that name by context (%d articles shared with this article's entities, %d articles in all)",
			matchReason(p.e.Type, best), len(p.cands)-1, p.e.Type, best.cooccurs, best.articles)
	}
	counted := map[int64]bool{}
	for _, e := range w.doc.Entities {
		id, ok := ids[e.ID]
		if !ok {
			continue
		}
		if err := w.addNames(id, e); err != nil {
			return nil, err
		}
		var country, feature string
		var lat, lon, geonames any
		if p := e.Place; p != nil {
			country, feature, lat, lon = p.Country, p.Feature, p.Lat, p.Lon
			if p.GeonamesID != 0 {
				geonames = p.GeonamesID
			}
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO article_entities
			(article_id, local_id, entity_id, mentions, merge_reason, country, feature, lat, lon, geonames_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.article, e.ID, id, len(e.Mentions), reasons[e.ID], country, feature, lat, lon, geonames); err != nil {
			return nil, err
		}
		if !counted[id] {
			counted[id] = true
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE entities SET articles = articles + 1 WHERE id = ?`, id); err != nil {
				return nil, err
			}
		}
	}
	return ids, nil
}

func matchReason(typ string, c candidate) string {
	if c.byName {
		return fmt.Sprintf("name %q matches stored %s %q", c.matched, typ, c.name)
	}
	return fmt.Sprintf("alias %q matches stored %s %q", c.matched, typ, c.name)
}

func (w *articleWriter) newEntity(typ, name string) (int64, error) {
	r, err := w.tx.ExecContext(w.ctx, `INSERT INTO entities (type, name) VALUES (?, ?)`, typ, name)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// addNames records the article entity's names and titles with the store
// entity, which is named by the canonical name most articles used (the
// longest of those on a tie).
func (w *articleWriter) addNames(id int64, e news.Entity) error {
	for _, r := range entityNames(e) {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO entity_names (key, entity_id, name, kind)
			VALUES (?, ?, ?, ?)`, r.key, id, r.name, r.kind); err != nil {
			return err
		}
		if r.kind == "name" {
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE entity_names SET kind = 'name', uses = uses + 1
				WHERE key = ? AND entity_id = ?`, r.key, id); err != nil {
				return err
			}
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE entities SET name = (SELECT name FROM entity_names
				WHERE entity_id = ?1 ORDER BY uses DESC, length(name) DESC, name LIMIT 1) WHERE id = ?1`, id); err != nil {
				return err
			}
		}
	}
	for _, t := range e.Titles {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO entity_titles (entity_id, title) VALUES (?, ?)`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// contextArticles is how many of an entity's most recent articles are
// looked at to weigh it as a merge candidate: enough to know its company,
// few enough that a much-mentioned entity costs no more than a rare one.
const contextArticles = 200

// cooccurrence counts the stored articles (of the most recent
// contextArticles of entity id) in which id appears with any of others.
func (w *articleWriter) cooccurrence(id int64, others []int64) (int, error) {
	if len(others) == 0 {
		return 0, nil
	}
	args := []any{id}
	for _, o := range others {
		args = append(args, o)
	}
	var n int
	err := w.tx.QueryRowContext(w.ctx, `SELECT count(DISTINCT b.article_id) FROM article_entities b
		WHERE b.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?
			ORDER BY article_id DESC LIMIT `+fmt.Sprint(contextArticles)+`)
		AND b.entity_id IN (`+placeholders(len(others))+`)`, args...).Scan(&n)
	return n, err
}
