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

// nameRow is one stored name that matches a name key of the article.
type nameRow struct {
	id        int64
	typ, name string
	articles  int
	key, kind string
}

// storedNames returns the stored names under any of the article's name
// keys, in one query for the whole article.
func (w *articleWriter) storedNames(refs [][]nameRef) ([]nameRow, error) {
	seen := map[string]bool{}
	var args []any
	for _, rs := range refs {
		for _, r := range rs {
			if !seen[r.key] {
				seen[r.key] = true
				args = append(args, r.key)
			}
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT e.id, e.type, e.name, e.articles, n.key, n.kind FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.key IN (`+placeholders(len(args))+`) ORDER BY e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []nameRow
	for rows.Next() {
		var r nameRow
		if err := rows.Scan(&r.id, &r.typ, &r.name, &r.articles, &r.key, &r.kind); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// candidates returns the store entities of type typ that stored names
// link to refs, in id order.
func candidates(stored []nameRow, typ string, refs []nameRef) []candidate {
	byID := map[int64]*candidate{}
	var order []int64
	// A person known here by a full name joins a stored person only by a
	// name of two or more words: a lone surname stored as a name ("Clinton")
	// would otherwise join Hillary and Bill Clinton into one.
	fullName := typ == news.TypePER && len(refs) > 0 && strings.Contains(refs[0].key, " ")
	for _, row := range stored {
		if row.typ != typ {
			continue
		}
		got, ok := byID[row.id]
		for _, r := range refs {
			if fullName && !strings.Contains(r.key, " ") {
				continue
			}
			// An alias matching only a stored alias is too weak a link:
			// "Sadiq Khan" and "Imran Khan" share the alias "Khan".
			if r.key == row.key && (r.kind == "name" || row.kind == "name") {
				if !ok {
					got, ok = &candidate{id: row.id, name: row.name, articles: row.articles}, true
					byID[row.id] = got
					order = append(order, row.id)
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
	return out
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
	refs := make([][]nameRef, len(w.doc.Entities))
	for i, e := range w.doc.Entities {
		refs[i] = entityNames(e)
	}
	stored, err := w.storedNames(refs)
	if err != nil {
		return nil, err
	}
	for i, e := range w.doc.Entities {
		refs := refs[i]
		if len(refs) == 0 {
			continue
		}
		cands := candidates(stored, e.Type, refs)
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
	return ids, w.recordEntities(ids, reasons)
}

// recordEntities writes, in a few statements for the whole article, the
// article's entities, their names and titles, and the store entities'
// article counts and display names.
func (w *articleWriter) recordEntities(ids map[string]int64, reasons map[string]string) error {
	var names, uses, titles, rows [][]any
	var touched []any
	counted := map[int64]bool{}
	for _, e := range w.doc.Entities {
		id, ok := ids[e.ID]
		if !ok {
			continue
		}
		for _, r := range entityNames(e) {
			names = append(names, []any{r.key, id, r.name, r.kind})
			if r.kind == "name" {
				uses = append(uses, []any{r.key, id})
			}
		}
		for _, t := range e.Titles {
			if t = strings.TrimSpace(t); t != "" {
				titles = append(titles, []any{id, t})
			}
		}
		var country, feature string
		var lat, lon, geonames any
		if p := e.Place; p != nil {
			country, feature, lat, lon = p.Country, p.Feature, p.Lat, p.Lon
			if p.GeonamesID != 0 {
				geonames = p.GeonamesID
			}
		}
		rows = append(rows, []any{w.article, e.ID, id, len(e.Mentions), reasons[e.ID], country, feature, lat, lon, geonames})
		if !counted[id] {
			counted[id] = true
			touched = append(touched, id)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	steps := []struct {
		head string
		cols int
		rows [][]any
		tail string
	}{
		{`INSERT OR IGNORE INTO entity_names (key, entity_id, name, kind) VALUES `, 4, names, ``},
		// The canonical name of each article entity is one more use of it.
		{`UPDATE entity_names SET kind = 'name', uses = uses + 1 WHERE (key, entity_id) IN (VALUES `, 2, uses, `)`},
		{`INSERT OR IGNORE INTO entity_titles (entity_id, title) VALUES `, 2, titles, ``},
		{`INSERT OR IGNORE INTO article_entities (article_id, local_id, entity_id, mentions, merge_reason,
			country, feature, lat, lon, geonames_id) VALUES `, 10, rows, ``},
	}
	for _, st := range steps {
		if err := w.execRows(st.head, st.cols, st.rows, st.tail); err != nil {
			return err
		}
	}
	for start := 0; start < len(touched); start += 500 {
		chunk := touched[start:min(start+500, len(touched))]
		if _, err := w.tx.ExecContext(w.ctx, `UPDATE entities SET articles = articles + 1,
			name = (SELECT n.name FROM entity_names n WHERE n.entity_id = entities.id
				ORDER BY n.uses DESC, length(n.name) DESC, n.name LIMIT 1)
			WHERE id IN (`+placeholders(len(chunk))+`)`, chunk...); err != nil {
			return err
		}
	}
	return nil
}

// execRows runs head followed by one (?, ...) group of cols values per
// row, and tail, in chunks that stay far below SQLite's variable limit.
func (w *articleWriter) execRows(head string, cols int, rows [][]any, tail string) error {
	const perStatement = 200
	for start := 0; start < len(rows); start += perStatement {
		chunk := rows[start:min(start+perStatement, len(rows))]
		group := "(" + placeholders(cols) + ")"
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, cols*len(chunk))
		for i, r := range chunk {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(group)
			args = append(args, r...)
		}
		b.WriteString(tail)
		if _, err := w.tx.ExecContext(w.ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
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
