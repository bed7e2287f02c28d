// Package sqlstore holds the queries that the SQLite and PostgreSQL stores
// share: entity suggestions, entity names, browsing the top entities with
// their facets, and the browsing queries of the API and UI (events, quotes
// about an entity, the entity graph, article entity ids, places). The queries are written with SQLite's
// placeholders (? in order, ?N by number); a store's Querier runs them in
// its own dialect (internal/postgres rewrites them to $N).
package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Rows is a result set, as both drivers give one.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is one result row.
type Row interface {
	Scan(dest ...any) error
}

// Writer is a Querier inside a store's transaction, which also writes.
type Writer interface {
	Querier
	Exec(ctx context.Context, query string, args ...any) error
}

// Querier runs a query of the shared dialect on a store's database.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	// NoRows reports whether err is the driver's "no row" of QueryRow.
	NoRows(err error) bool
	// Dialect is how the store spells what SQL leaves to each engine.
	Dialect() Dialect
}

// Strings runs a query of one text column and returns its values.
func Strings(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// FillNames sets e's aliases (one spelling per name key: "U.S." and "US"
// are one alias) and titles from the store.
func FillNames(ctx context.Context, q Querier, e *news.StoredEntity) error {
	aliases, err := Strings(ctx, q, `SELECT name FROM entity_names WHERE entity_id = ? AND name != ? ORDER BY name`, e.ID, e.Name)
	if err != nil {
		return err
	}
	seen := map[string]bool{names.Key(e.Name): true}
	e.Aliases = e.Aliases[:0]
	for _, a := range aliases {
		if k := names.Key(a); !seen[k] {
			seen[k] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	e.Titles, err = Strings(ctx, q, `SELECT title FROM entity_titles WHERE entity_id = ? ORDER BY title`, e.ID)
	return err
}

// Placeholders is n ? separated by commas.
func Placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// MaxSuggestions is the most entities SuggestEntities returns, whatever
// limit it is asked for.
const MaxSuggestions = 50

// SuggestEntities answers news.Store.SuggestEntities on q: entities with a name or alias
// that holds name's words as whole words or word beginnings ("Nisar" and
// "nis" find "Chaudhry Nisar Ali Khan"), most mentioned first; when none
// does, those with a name whose words are spelling variants of name's
// (the same names.Skeleton: "Nisaar", "Qadhafi"; among MaxVariantScan
// names), for "did you mean".
// fuzzy says which of the two the answer is. At most limit entities
// (MaxSuggestions when limit is 0 or more).
func SuggestEntities(ctx context.Context, q Querier, name, typ string, limit int) (ents []news.StoredEntity, fuzzy bool, err error) {
	if limit <= 0 || limit > MaxSuggestions {
		limit = MaxSuggestions
	}
	key := names.Key(name)
	if key == "" {
		return nil, false, nil
	}
	// Every word of the name must begin a word of the stored name.
	var conds []string
	var args []any
	for _, w := range strings.Fields(key) {
		conds = append(conds, `(n.key LIKE ? ESCAPE '\' OR n.key LIKE ? ESCAPE '\')`)
		w = LikeEscape(w)
		args = append(args, w+"%", "% "+w+"%")
	}
	ents, err = suggest(ctx, q, strings.Join(conds, " AND "), args, typ, limit)
	if err != nil || len(ents) > 0 {
		return ents, false, err
	}
	ents, err = suggestVariants(ctx, q, key, typ, limit)
	return ents, len(ents) > 0, err
}

// MaxVariantScan is the most stored names SuggestEntities reads looking
// for spelling variants: those with a word that starts with the first
// letter of the name's first word, of the entities in most articles.
const MaxVariantScan = 20000

// suggestVariants returns the entities with a name in which every word of
// key has a spelling variant (the same names.Skeleton).
func suggestVariants(ctx context.Context, q Querier, key, typ string, limit int) ([]news.StoredEntity, error) {
	words := strings.Fields(key)
	first := LikeEscape(string([]rune(words[0])[:1]))
	rows, err := q.Query(ctx, `SELECT n.entity_id, n.key FROM entity_names n JOIN entities e ON e.id = n.entity_id
		WHERE (n.key LIKE ? ESCAPE '\' OR n.key LIKE ? ESCAPE '\') AND (? = '' OR e.type = ?)
		ORDER BY e.articles DESC, e.id LIMIT ?`, first+"%", "% "+first+"%", typ, typ, MaxVariantScan)
	if err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	var ids []any
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
		if !seen[id] && len(ids) < limit && graphrules.VariantOf(words, strings.Fields(name)) {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, err
	}
	return suggest(ctx, q, `n.entity_id IN (`+Placeholders(len(ids))+`)`, ids, typ, limit)
}

// suggest returns the entities with a name that meets cond, most
// mentioned first, with their aliases.
func suggest(ctx context.Context, q Querier, cond string, args []any, typ string, limit int) ([]news.StoredEntity, error) {
	query := `SELECT e.id, e.type, e.name, e.articles FROM entities e WHERE e.id IN
		(SELECT n.entity_id FROM entity_names n WHERE ` + cond + `) AND (? = '' OR e.type = ?)
		ORDER BY e.articles DESC, e.id LIMIT ?`
	rows, err := q.Query(ctx, query, append(args, typ, typ, limit)...)
	if err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	var out []news.StoredEntity
	for rows.Next() {
		var e news.StoredEntity
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("suggest entities: %w", err)
	}
	for i := range out {
		if err := FillNames(ctx, q, &out[i]); err != nil {
			return nil, fmt.Errorf("suggest entities: %w", err)
		}
	}
	return out, nil
}

// LikeEscape escapes LIKE's wildcards and its escape character.
func LikeEscape(s string) string { return likeEscaper.Replace(s) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// TopEntities answers news.Store.TopEntities on db: the entities in most of the
// articles q selects, with their names and titles, most first. Without a
// country or dates it reads the entities' own article counts.
func TopEntities(ctx context.Context, db Querier, q news.EntityBrowseQuery) ([]news.StoredEntity, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 25
	}
	query := `SELECT id, type, name, articles FROM entities WHERE ?1 = '' OR type = ?1
		ORDER BY articles DESC, id LIMIT ?2`
	args := []any{q.Type, limit}
	if q.Filtered() {
		where, wargs := browseArticles(q, true, 3)
		query = `SELECT e.id, e.type, e.name, count(DISTINCT ae.article_id) AS n
			FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
			WHERE (?1 = '' OR e.type = ?1) AND ae.article_id IN (SELECT a.id FROM articles a WHERE ` + where + `)
			GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?2`
		args = append(args, wargs...)
	}
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("top entities: %w", err)
	}
	var out []news.StoredEntity
	for rows.Next() {
		var e news.StoredEntity
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("top entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("top entities: %w", err)
	}
	for i := range out {
		if err := FillNames(ctx, db, &out[i]); err != nil {
			return nil, fmt.Errorf("top entities: %w", err)
		}
	}
	return out, nil
}

// browseArticles is the condition on articles a that q selects, with its
// arguments numbered from ?first; with country false, q.Country is left
// aside (for the country facet).
func browseArticles(q news.EntityBrowseQuery, country bool, first int) (string, []any) {
	where := []string{"1 = 1"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "?" + strconv.Itoa(first+len(args)-1)
	}
	if q.From != "" {
		where = append(where, "a.published != '' AND a.published >= "+arg(q.From))
	}
	if q.To != "" {
		where = append(where, "a.published != '' AND a.published <= "+arg(q.To))
	}
	if country && q.Country != "" {
		where = append(where, "EXISTS (SELECT 1 FROM article_entities p WHERE p.article_id = a.id AND p.country = "+arg(strings.ToUpper(q.Country))+")")
	}
	return strings.Join(where, " AND "), args
}

// EntityFacets answers news.Store.EntityFacets on db.
func EntityFacets(ctx context.Context, db Querier, q news.EntityBrowseQuery) (news.EntityFacets, error) {
	var f news.EntityFacets
	where, args := browseArticles(q, true, 1)
	err := db.QueryRow(ctx, `SELECT count(*) FROM articles a WHERE `+where, args...).Scan(&f.Articles)
	if err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	if f.Types, err = facet(ctx, db, `SELECT e.type, count(DISTINCT e.id) AS n
		FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
		WHERE ae.article_id IN (SELECT a.id FROM articles a WHERE `+where+`)
		GROUP BY e.type ORDER BY n DESC, e.type`, args); err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	where, args = browseArticles(q, false, 1)
	if f.Countries, err = facet(ctx, db, `SELECT p.country, count(DISTINCT p.article_id) AS n FROM article_entities p
		WHERE p.country != '' AND p.article_id IN (SELECT a.id FROM articles a WHERE `+where+`)
		GROUP BY p.country ORDER BY n DESC, p.country LIMIT `+strconv.Itoa(news.MaxCountryFacets), args); err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	return f, nil
}

// facet runs a query of (value, count) rows.
func facet(ctx context.Context, db Querier, query string, args []any) ([]news.FacetCount, error) {
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.FacetCount
	for rows.Next() {
		var c news.FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Dialect is what the stores' SQL spells each its own way.
type Dialect struct {
	// Int and Text are a parameter of that type in a VALUES list ("?"
	// in SQLite; "?::bigint" and "?::text" in PostgreSQL, which cannot
	// infer it).
	Int, Text string
	// Instr is the function giving the position of a substring: instr
	// or strpos.
	Instr string
	// Agg joins the distinct values of expr with commas.
	Agg func(expr string) string
	// Bytes is the length of text expr in bytes: length(CAST(expr AS
	// BLOB)) or octet_length(expr).
	Bytes func(expr string) string
}
