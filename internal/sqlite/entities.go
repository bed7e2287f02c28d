package sqlite

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// An article's entity is merged into a store entity of the same type that
// has one of its names under the same name key, where either the article's
// canonical name or the stored entity's canonical name is part of the match
// (two aliases alone are too weak a link). A person's canonical name counts
// without its titles ("Sen. Hillary Clinton" is "Hillary Clinton").
// Without such a match, the article's canonical name may match a stored
// canonical name by names.Match: a spelling variant or transliteration
// ("Qadhafi" = "Gaddafi"), a middle name or initial left out ("Hillary
// Rodham Clinton" = "Hillary Clinton"); candidates for it are the names
// under the same loose key (names.Loose).
// A name an analyst split off an entity never links to it again
// (entity_decisions), and is not recorded as its name again.
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
	// variant is the stored name that the article's name matched by
	// names.Match, and why; "" for a match of the same key.
	variant, why string
}

// split is a name key that an analyst took away from a store entity.
type split struct {
	key string
	id  int64
}

// entityNames returns the names of an article entity to match and
// record: its canonical name first (a person's without titles, the name
// as written then being an alias), then its aliases, one per key.
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
	if e.Type == news.TypePER {
		if tail := strippedName(e.Name); tail != "" {
			add(tail, "name")
			add(e.Name, "alias")
		}
	}
	add(e.Name, "name")
	for _, a := range e.Aliases {
		if e.Type == news.TypePER && !sharesWord(a, e.Name) {
			continue
		}
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

// sharesWord reports whether names a and b have a word in common. A
// person's alias that shares none with the person's name ("Roberts" for
// "Donald Trump", from a headline the article's linking misread) is kept
// in the article but neither matched nor recorded across the store, so
// that one article's mistake does not join two people.
func sharesWord(a, b string) bool {
	words := strings.Fields(nameKey(b))
	for _, w := range strings.Fields(nameKey(a)) {
		for _, v := range words {
			if w == v {
				return true
			}
		}
	}
	return false
}

// newNames are the names of a new store entity as the rows storedNames
// would read, so that a later entity of the same article can join it:
// an article's "Republican" and "Republicans" are one group. A person is
// left as the article's linking made it (two people of one article may
// share a surname).
func newNames(id int64, typ string, refs []nameRef) []nameRow {
	out := make([]nameRow, 0, len(refs))
	for _, r := range refs {
		out = append(out, nameRow{id: id, typ: typ, name: refs[0].name, key: r.key, kind: r.kind,
			stored: r.name, loose: names.Loose(r.name, typ)})
	}
	return out
}

// strippedName is a person's name as written without the titles before
// it ("Sen. Hillary Clinton" -> "Hillary Clinton"): its shortest tail
// that names.Strip reads as it reads the whole name; "" when there is no
// title to drop.
func strippedName(name string) string {
	core := names.Strip(name)
	words := strings.Fields(name)
	for i := len(words) - 1; i > 0; i-- {
		if tail := strings.Join(words[i:], " "); names.Strip(tail) == core {
			return tail
		}
	}
	return ""
}

// nameRow is one stored name that matches a name key or loose key of the
// article.
type nameRow struct {
	id        int64
	typ, name string // the store entity's type and name
	articles  int
	key, kind string
	// stored and loose are the name as stored and its loose key.
	stored, loose string
	// stray: a person's alias that shares no word with the person's name
	// ("Roberts" of Donald Trump, from one article's misreading); it
	// links nothing.
	stray bool
}

// storedNames returns the stored names under any of the article's name
// keys, or under the loose key of an article entity's canonical name, in
// one query for the whole article.
func (w *articleWriter) storedNames(refs [][]nameRef) ([]nameRow, error) {
	keys, loose := w.lookupKeys(refs)
	if len(keys) == 0 {
		return nil, nil
	}
	if len(loose) == 0 {
		loose = []any{""}
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT e.id, e.type, e.name, e.articles, n.key, n.kind, n.name, n.loose FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.key IN (`+placeholders(len(keys))+`)
		OR (n.loose IN (`+placeholders(len(loose))+`) AND n.kind = 'name') ORDER BY e.id`, append(keys, loose...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []nameRow
	for rows.Next() {
		var r nameRow
		if err := rows.Scan(&r.id, &r.typ, &r.name, &r.articles, &r.key, &r.kind, &r.stored, &r.loose); err != nil {
			return nil, err
		}
		r.stray = r.typ == news.TypePER && r.kind == "alias" && !sharesWord(r.stored, r.name)
		out = append(out, r)
	}
	return out, rows.Err()
}

// lookupKeys returns the distinct name keys of refs, and the distinct
// loose keys of the article entities' canonical names.
func (w *articleWriter) lookupKeys(refs [][]nameRef) (keys, loose []any) {
	seen := map[string]bool{}
	for i, rs := range refs {
		for _, r := range rs {
			if !seen[r.key] {
				seen[r.key] = true
				keys = append(keys, r.key)
			}
			if l := names.Loose(r.name, w.doc.Entities[i].Type); r.kind == "name" && l != "" && !seen["~"+l] {
				seen["~"+l] = true
				loose = append(loose, l)
			}
		}
	}
	return keys, loose
}

// loadSplits returns the analyst's splits of the article's name keys.
func (w *articleWriter) loadSplits(refs [][]nameRef) (map[split]bool, error) {
	keys, _ := w.lookupKeys(refs)
	out := map[split]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT key, entity_id FROM entity_decisions
		WHERE kind = 'split' AND key IN (`+placeholders(len(keys))+`)`, keys...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sp split
		if err := rows.Scan(&sp.key, &sp.id); err != nil {
			return nil, err
		}
		out[sp] = true
	}
	return out, rows.Err()
}

// candidates returns the store entities of type typ that stored names
// link to refs, in id order: those with a name of the same key, else
// those whose canonical name names.Match joins with the article's.
// Names split off an entity (splits) do not link to it.
func candidates(stored []nameRow, typ string, refs []nameRef, splits map[split]bool) []candidate {
	if out := exactCandidates(stored, typ, refs, splits); len(out) > 0 {
		return out
	}
	return variantCandidates(stored, typ, refs, splits)
}

// variantCandidates returns the store entities of type typ with a
// canonical name that names.Match joins with a canonical name of refs,
// and none under the same loose key that it does not join: "George P.
// Bush" does not join an entity known as "George Bush" and "George W.
// Bush", which names apart.
func variantCandidates(stored []nameRow, typ string, refs []nameRef, splits map[split]bool) []candidate {
	var out []candidate
	seen := map[int64]bool{}
	for _, r := range refs {
		l := names.Loose(r.name, typ)
		if r.kind != "name" || l == "" {
			continue
		}
		found := map[int64]*candidate{}
		var order []int64
		conflict := map[int64]bool{}
		for _, row := range stored {
			if row.typ != typ || row.kind != "name" || row.loose != l || seen[row.id] || splits[split{r.key, row.id}] {
				continue
			}
			ok, why := names.Match(r.name, row.stored, typ)
			switch {
			case !ok:
				conflict[row.id] = true
			case found[row.id] == nil:
				found[row.id] = &candidate{id: row.id, name: row.name, byName: true, matched: r.name,
					articles: row.articles, variant: row.stored, why: why}
				order = append(order, row.id)
			}
		}
		for _, id := range order {
			if !conflict[id] {
				seen[id] = true
				out = append(out, *found[id])
			}
		}
	}
	return out
}

// exactCandidates returns the store entities of type typ with a name of
// the same key as one of refs, in id order.
func exactCandidates(stored []nameRow, typ string, refs []nameRef, splits map[split]bool) []candidate {
	byID := map[int64]*candidate{}
	var order []int64
	// A person known here by a full name joins a stored person only by a
	// name of two or more words: a lone surname stored as a name ("Clinton")
	// would otherwise join Hillary and Bill Clinton into one.
	fullName := typ == news.TypePER && len(refs) > 0 && strings.Contains(refs[0].key, " ")
	for _, row := range stored {
		if row.typ != typ || row.stray {
			continue
		}
		got, ok := byID[row.id]
		for _, r := range refs {
			if fullName && !strings.Contains(r.key, " ") || splits[split{r.key, row.id}] {
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
	if w.splits, err = w.loadSplits(refs); err != nil {
		return nil, err
	}
	w.known = map[int64]string{}
	for i, e := range w.doc.Entities {
		refs := refs[i]
		if len(refs) == 0 {
			continue
		}
		cands := candidates(stored, e.Type, refs, w.splits)
		switch len(cands) {
		case 0:
			id, err := w.newEntity(e.Type, refs[0].name)
			if err != nil {
				return nil, err
			}
			ids[e.ID], reasons[e.ID] = id, "new entity"
			if e.Type != news.TypePER {
				stored = append(stored, newNames(id, e.Type, refs)...)
			}
		case 1:
			c := cands[0]
			ids[e.ID], reasons[e.ID] = c.id, matchReason(e.Type, c)
			w.known[c.id] = c.name
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
		w.known[best.id] = best.name
		reasons[p.e.ID] = fmt.Sprintf("%s; chosen over %d other %s entities with that name by context (%d articles shared with this article's entities, %d articles in all)",
			matchReason(p.e.Type, best), len(p.cands)-1, p.e.Type, best.cooccurs, best.articles)
	}
	return ids, w.recordEntities(ids, reasons)
}

// recordEntities writes, in a few statements for the whole article, the
// article's entities, their names and titles, and the store entities'
// article counts and display names.
func (w *articleWriter) recordEntities(ids map[string]int64, reasons map[string]string) error {
	var nameRows, uses, titles, rows [][]any
	var touched []any
	counted := map[int64]bool{}
	for _, e := range w.doc.Entities {
		id, ok := ids[e.ID]
		if !ok {
			continue
		}
		for _, r := range entityNames(e) {
			if w.splits[split{r.key, id}] {
				continue // an analyst took this name from the entity
			}
			if known := w.known[id]; e.Type == news.TypePER && r.kind == "alias" && known != "" && !sharesWord(r.name, known) {
				continue // "Roberts" from a misread headline is not Donald Trump's
			}
			nameRows = append(nameRows, []any{r.key, id, r.name, r.kind, names.Loose(r.name, e.Type)})
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
			country, feature = p.Country, p.Feature
			if p.HasPoint() { // a country-only place is not on the map
				lat, lon = p.Lat, p.Lon
			}
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
		{`INSERT OR IGNORE INTO entity_names (key, entity_id, name, kind, loose) VALUES `, 5, nameRows, ``},
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
	if c.variant != "" {
		why := c.why
		if why == "" {
			why = "the same name"
		}
		return fmt.Sprintf("name %q matches stored %s %q by its name %q (%s)", c.matched, typ, c.name, c.variant, why)
	}
	if c.byName {
		return fmt.Sprintf("name %q matches stored %s %q", c.matched, typ, c.name)
	}
	return fmt.Sprintf("alias %q matches stored %s %q", c.matched, typ, c.name)
}

// insertEntity makes a store entity of type and name (the two arguments).
// Its id is new: never that of an entity an analyst merged away (deleted),
// which SQLite would otherwise give again when it was the highest.
const insertEntity = `INSERT INTO entities (id, type, name) VALUES (1 + max(
	coalesce((SELECT max(id) FROM entities), 0), coalesce((SELECT max(other_id) FROM entity_decisions), 0)), ?, ?)`

func (w *articleWriter) newEntity(typ, name string) (int64, error) {
	r, err := w.tx.ExecContext(w.ctx, insertEntity, typ, name)
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
