package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
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
	return sqlstore.FillNames(ctx, s.db(), e)
}

func (s *DB) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	return sqlstore.Strings(ctx, s.db(), query, args...)
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

// TopEntities implements news.Store with the shared query
// (sqlstore.TopEntities).
func (s *DB) TopEntities(ctx context.Context, q news.EntityBrowseQuery) ([]news.StoredEntity, error) {
	return sqlstore.TopEntities(ctx, s.db(), q)
}

// EntityFacets implements news.Store with the shared query
// (sqlstore.EntityFacets).
func (s *DB) EntityFacets(ctx context.Context, q news.EntityBrowseQuery) (news.EntityFacets, error) {
	return sqlstore.EntityFacets(ctx, s.db(), q)
}
