package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Entities implements news.Store.
func (s *DB) Entities(ctx context.Context, name, typ string) ([]news.StoredEntity, error) {
	key := nameKey(name)
	if key == "" {
		return nil, nil
	}
	rows, err := s.db().query(ctx, `SELECT DISTINCT e.id, e.type, e.name, e.articles FROM entity_names n
		JOIN entities e ON e.id = n.entity_id WHERE n.key = ? AND (? = '' OR e.type = ?)
		ORDER BY e.articles DESC, e.id`, key, typ, typ)
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", name, err)
	}
	var out []news.StoredEntity
	for rows.Next() {
		var e news.StoredEntity
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find entity %q: %w", name, err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find entity %q: %w", name, err)
	}
	for i := range out {
		if err := s.fillNames(ctx, &out[i]); err != nil {
			return nil, fmt.Errorf("find entity %q: %w", name, err)
		}
	}
	return out, nil
}

func (s *DB) fillNames(ctx context.Context, e *news.StoredEntity) error {
	aliases, err := s.strings(ctx, `SELECT name FROM entity_names WHERE entity_id = ? AND name != ? ORDER BY name`, e.ID, e.Name)
	if err != nil {
		return err
	}
	seen := map[string]bool{nameKey(e.Name): true}
	e.Aliases = e.Aliases[:0]
	for _, a := range aliases {
		// One spelling per name key: "U.S." and "US" are one alias.
		if k := nameKey(a); !seen[k] {
			seen[k] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	e.Titles, err = s.strings(ctx, `SELECT title FROM entity_titles WHERE entity_id = ? ORDER BY title`, e.ID)
	return err
}

func (s *DB) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db().query(ctx, query, args...)
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

// EntityProfile implements news.Store.
func (s *DB) EntityProfile(ctx context.Context, id int64, limit int) (*news.EntityProfile, error) {
	if limit <= 0 {
		limit = 20
	}
	p := &news.EntityProfile{}
	err := s.db().queryRow(ctx, `SELECT id, type, name, articles FROM entities WHERE id = ?`, id).
		Scan(&p.ID, &p.Type, &p.Name, &p.Articles)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, s.noSuchEntity(ctx, id)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	if err := s.fillNames(ctx, &p.StoredEntity); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	if p.Decisions, err = s.decisions(ctx, id); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	rows, err := s.db().query(ctx, `SELECT a.id, a.source, a.title, a.url, a.published, ae.local_id, ae.mentions, ae.merge_reason
		FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?
		ORDER BY a.published DESC, a.id DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	for rows.Next() {
		var a news.EntityArticle
		if err := rows.Scan(&a.ArticleID, &a.Source, &a.Title, &a.URL, &a.Published, &a.LocalID, &a.Mentions, &a.MergeReason); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity %d: %w", id, err)
		}
		p.ArticleList = append(p.ArticleList, a)
	}
	rows.Close()
	if p.Quotes, err = s.quotes(ctx, `WHERE q.speaker_id = ?`, []any{id}, limit); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	crows, err := s.db().query(ctx, claimSelect+`WHERE c.speaker_id = ?1 OR c.subject_id = ?1 OR c.object_id = ?1
		ORDER BY a.published DESC, c.id LIMIT ?2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	if p.Claims, err = collectClaims(crows); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	orows, err := s.db().query(ctx, `SELECT e.id, e.name, e.type, count(DISTINCT b.article_id) AS n
		FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id AND b.entity_id != a.entity_id
		JOIN entities e ON e.id = b.entity_id WHERE a.entity_id = ?
		GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	defer orows.Close()
	for orows.Next() {
		var c news.CoOccurrence
		if err := orows.Scan(&c.EntityID, &c.Name, &c.Type, &c.Articles); err != nil {
			return nil, fmt.Errorf("entity %d: %w", id, err)
		}
		p.CoOccurring = append(p.CoOccurring, c)
	}
	return p, orows.Err()
}

// Quotes implements news.Store.
func (s *DB) Quotes(ctx context.Context, q news.QuoteQuery) ([]news.StoredQuote, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	where, args := "", []any{}
	if q.Speaker != "" {
		where = `WHERE q.speaker_id IN (SELECT entity_id FROM entity_names WHERE key = ?)`
		args = append(args, nameKey(q.Speaker))
	}
	out, err := s.quotes(ctx, where, args, limit)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}

func (s *DB) quotes(ctx context.Context, where string, args []any, limit int) ([]news.StoredQuote, error) {
	rows, err := s.db().query(ctx, `SELECT a.id, a.title, a.url, a.published, q.local_id, q.kind, q.text,
		coalesce(q.speaker_id, 0), coalesce(e.name, ''), q.cue, q.sourcing
		FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id `+where+`
		ORDER BY a.published DESC, a.id DESC, q.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.StoredQuote
	for rows.Next() {
		var v news.StoredQuote
		if err := rows.Scan(&v.ArticleID, &v.Title, &v.URL, &v.Published, &v.LocalID, &v.Kind, &v.Text,
			&v.SpeakerID, &v.SpeakerName, &v.Cue, &v.Sourcing); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Contradictions implements news.Store.
func (s *DB) Contradictions(ctx context.Context, q news.ContradictionQuery) ([]news.StoredContradiction, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	query := `SELECT k.claim_a, k.claim_b, k.why, k.scope FROM contradictions k`
	args := []any{}
	if q.Entity != "" {
		query += ` JOIN claims ca ON ca.id = k.claim_a JOIN claims cb ON cb.id = k.claim_b
			WHERE EXISTS (SELECT 1 FROM entity_names n WHERE n.key = ? AND n.entity_id IN
			(ca.speaker_id, ca.subject_id, ca.object_id, cb.speaker_id, cb.subject_id, cb.object_id))`
		args = append(args, nameKey(q.Entity))
	}
	query += ` ORDER BY k.id LIMIT ?`
	rows, err := s.db().query(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("contradictions: %w", err)
	}
	type pair struct {
		a, b       int64
		why, scope string
	}
	var pairs []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.a, &p.b, &p.why, &p.scope); err != nil {
			rows.Close()
			return nil, fmt.Errorf("contradictions: %w", err)
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("contradictions: %w", err)
	}
	out := make([]news.StoredContradiction, 0, len(pairs))
	for _, p := range pairs {
		a, err := claimByID(ctx, s.db(), p.a)
		if err != nil {
			return nil, fmt.Errorf("contradictions: %w", err)
		}
		b, err := claimByID(ctx, s.db(), p.b)
		if err != nil {
			return nil, fmt.Errorf("contradictions: %w", err)
		}
		out = append(out, news.StoredContradiction{A: a, B: b, Why: p.why, Scope: p.scope})
	}
	return out, nil
}

// TopEntities implements news.Store: the entities in most of the
// articles q selects, with their names and titles, most first. Without a
// country or dates it reads the entities' own article counts.
func (s *DB) TopEntities(ctx context.Context, q news.EntityBrowseQuery) ([]news.StoredEntity, error) {
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
	rows, err := s.db().query(ctx, query, args...)
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
		if err := s.fillNames(ctx, &out[i]); err != nil {
			return nil, fmt.Errorf("top entities: %w", err)
		}
	}
	return out, nil
}

// browseArticles is the condition on articles a that q selects, with its
// arguments numbered from ?first; with country false, q.Country is left
// aside (for the country facet).
func browseArticles(q news.EntityBrowseQuery, country bool, first int) (string, []any) {
	where := []string{"TRUE"}
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

// EntityFacets implements news.Store.
func (s *DB) EntityFacets(ctx context.Context, q news.EntityBrowseQuery) (news.EntityFacets, error) {
	var f news.EntityFacets
	where, args := browseArticles(q, true, 1)
	err := s.db().queryRow(ctx, `SELECT count(*) FROM articles a WHERE `+where, args...).Scan(&f.Articles)
	if err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	if f.Types, err = s.facet(ctx, `SELECT e.type, count(DISTINCT e.id) AS n
		FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
		WHERE ae.article_id IN (SELECT a.id FROM articles a WHERE `+where+`)
		GROUP BY e.type ORDER BY n DESC, e.type`, args); err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	where, args = browseArticles(q, false, 1)
	if f.Countries, err = s.facet(ctx, `SELECT p.country, count(DISTINCT p.article_id) AS n FROM article_entities p
		WHERE p.country != '' AND p.article_id IN (SELECT a.id FROM articles a WHERE `+where+`)
		GROUP BY p.country ORDER BY n DESC, p.country LIMIT `+strconv.Itoa(news.MaxCountryFacets), args); err != nil {
		return f, fmt.Errorf("entity facets: %w", err)
	}
	return f, nil
}

// facet runs a query of (value, count) rows.
func (s *DB) facet(ctx context.Context, query string, args []any) ([]news.FacetCount, error) {
	rows, err := s.db().query(ctx, query, args...)
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
