package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/searchq"
)

const claimSelect = `SELECT c.id, c.article_id, c.local_id, coalesce(c.speaker_id, 0), coalesce(sp.name, ''),
	c.polarity, coalesce(c.subject_id, 0), coalesce(su.name, ''), c.predicate, coalesce(c.object_id, 0),
	coalesce(ob.name, ''), coalesce(q.text, ''), a.published, c.word, c.object_country, c.object_feature
	FROM claims c JOIN articles a ON a.id = c.article_id
	LEFT JOIN entities sp ON sp.id = c.speaker_id
	LEFT JOIN entities su ON su.id = c.subject_id
	LEFT JOIN entities ob ON ob.id = c.object_id
	LEFT JOIN quotes q ON q.id = c.quote_id `

func scanClaim(row interface{ Scan(...any) error }) (news.StoredClaim, error) {
	var c news.StoredClaim
	err := row.Scan(&c.ID, &c.ArticleID, &c.LocalID, &c.SpeakerID, &c.SpeakerName, &c.Polarity, &c.SubjectID,
		&c.SubjectName, &c.Predicate, &c.ObjectID, &c.ObjectName, &c.Quote, &c.Published, &c.Word,
		&c.ObjectCountry, &c.ObjectFeature)
	return c, err
}

func claimByID(ctx context.Context, q querier, id int64) (news.StoredClaim, error) {
	return scanClaim(q.QueryRowContext(ctx, claimSelect+`WHERE c.id = ?`, id))
}

// maxComparedClaims bounds the stored claims a new claim is compared with
// (the most recent about its subject), so that storing an article about a
// much-discussed subject stays cheap.
const maxComparedClaims = 200

// claimsAbout returns the stored claims of other articles about the
// subject of mine that could contradict it; the comparer decides about
// predicates and objects.
func claimsAbout(ctx context.Context, q querier, mine news.StoredClaim, notArticle int64) ([]news.StoredClaim, error) {
	// Only claims that could contradict: by another, known speaker, with
	// the other polarity.
	rows, err := q.QueryContext(ctx, claimSelect+`WHERE c.id IN (SELECT id FROM claims
		WHERE subject_id = ? AND article_id != ? AND polarity != ? AND speaker_id IS NOT NULL AND speaker_id != ?
		ORDER BY id DESC LIMIT ?) ORDER BY c.id`,
		mine.SubjectID, notArticle, mine.Polarity, mine.SpeakerID, maxComparedClaims)
	if err != nil {
		return nil, err
	}
	return collectClaims(rows)
}

func collectClaims(rows *sql.Rows) ([]news.StoredClaim, error) {
	defer rows.Close()
	var out []news.StoredClaim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Search implements news.Store. A text query is answered in two steps: the
// best matching ids (FTS5 sorts by rank, joined with articles only when a
// filter needs it), then the fields and snippet of those few, so that a
// common word matching most articles costs no snippet or row per match.
//
// Ranking costs time in proportion to the matches, so a word found in most
// of 100k articles would take a tenth of a second: unless q.Exhaustive,
// the newest Config.SearchWindow articles are ranked first, and only when
// they hold fewer than a page of matches is the whole store ranked.
//
// The text is parsed into a bounded plan first (see SearchLimits): a
// query over a limit gets a *news.QueryError and costs no search. When
// ctx ends, the query running is interrupted and the error wraps
// ctx.Err().
func (s *DB) Search(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, error) {
	hits, err := s.search(ctx, q)
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("search: %w", ctx.Err())
	}
	return hits, err
}

func (s *DB) search(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	sq, err := s.compile(ctx, q)
	if err != nil || sq.empty {
		return nil, err
	}
	var ids []int64
	var scores []float64
	if sq.match != "" {
		query := `SELECT articles_fts.rowid, rank FROM articles_fts`
		if len(sq.where) > 0 {
			query += ` JOIN articles a ON a.id = articles_fts.rowid`
		}
		query += ` WHERE articles_fts MATCH ?`
		for _, w := range sq.where {
			query += ` AND ` + w
		}
		ranked := query + ` ORDER BY rank LIMIT ?`
		all := append(append([]any{sq.match}, sq.args...), limit)
		if window := s.searchWindow(ctx, q); window > 0 {
			// Rank among the newest articles first; when they hold a
			// full page of matches that is the answer, else rank all.
			windowed := query + ` AND articles_fts.rowid > ? ORDER BY rank LIMIT ?`
			ids, scores, err = s.idsAndScores(ctx, windowed, append(append(append([]any{sq.match}, sq.args...), window), limit)...)
			if err == nil && len(ids) < limit {
				ids, scores, err = s.idsAndScores(ctx, ranked, all...)
			}
		} else {
			ids, scores, err = s.idsAndScores(ctx, ranked, all...)
		}
	} else {
		query := `SELECT a.id, 0.0 FROM articles a`
		if len(sq.where) > 0 {
			query += ` WHERE ` + strings.Join(sq.where, ` AND `)
		}
		query += ` ORDER BY a.published DESC, a.id DESC LIMIT ?`
		ids, scores, err = s.idsAndScores(ctx, query, append(sq.args, limit)...)
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return s.hitDetails(ctx, sq.match, ids, scores)
}

// compiledSearch is a search query as SQL: the FTS5 match ("" for none)
// and the conditions on articles a, with their arguments. empty says
// that nothing can match (a text of punctuation only).
type compiledSearch struct {
	match string
	where []string
	args  []any
	empty bool
}

// compile parses q's text into a bounded plan (see SearchLimits) and
// merges its field filters with q's; a filter given both ways with
// different values is a *news.QueryError.
func (s *DB) compile(ctx context.Context, q news.SearchQuery) (compiledSearch, error) {
	plan, err := s.plan(ctx, q.Text)
	if err != nil {
		return compiledSearch{}, err
	}
	f, err := plan.MergeFilters(q)
	if err != nil {
		return compiledSearch{}, err
	}
	sq := compiledSearch{match: plan.match()}
	if sq.match == "" && plan.MatchesNothing(q.Text) {
		sq.empty = true // only punctuation: nothing can match
		return sq, nil
	}
	sq.where, sq.args = searchFilters(f, q.Language)
	if sq.match == "" && len(plan.Exclude) > 0 {
		sq.where = append(sq.where, `a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
		sq.args = append(sq.args, plan.excluded())
	}
	return sq, nil
}

// CountSearch implements news.Store: the number of articles that match
// q, all of them (q.Limit and q.Exhaustive play no part). It is parsed
// and bounded as Search is; counting reads the postings of the query's
// words once, without ranking.
func (s *DB) CountSearch(ctx context.Context, q news.SearchQuery) (int, error) {
	sq, err := s.compile(ctx, q)
	if err != nil || sq.empty {
		return 0, err
	}
	query := `SELECT count(*) FROM articles a`
	args := sq.args
	if sq.match != "" {
		query = `SELECT count(*) FROM articles_fts`
		if len(sq.where) > 0 {
			query += ` JOIN articles a ON a.id = articles_fts.rowid`
		}
		query += ` WHERE articles_fts MATCH ?`
		for _, w := range sq.where {
			query += ` AND ` + w
		}
		args = append([]any{sq.match}, args...)
	} else if len(sq.where) > 0 {
		query += ` WHERE ` + strings.Join(sq.where, ` AND `)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		if ctx.Err() != nil {
			return 0, fmt.Errorf("count search: %w", ctx.Err())
		}
		return 0, fmt.Errorf("count search: %w", err)
	}
	return n, nil
}

// hitDetails returns the hits for ids in their order, with the fields and
// the snippet of each.
func (s *DB) hitDetails(ctx context.Context, match string, ids []int64, scores []float64) ([]news.SearchHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(ids)+1)
	query := `SELECT id, title, url, source, published, language, substr(body, 1, 160) FROM articles a WHERE id IN (` + placeholders(len(ids)) + `)`
	if match != "" {
		args = append(args, match)
		query = `SELECT a.id, a.title, a.url, a.source, a.published, a.language, snippet(articles_fts, 1, '[', ']', '…', 16)
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? AND articles_fts.rowid IN (` + placeholders(len(ids)) + `)`
	}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]news.SearchHit, len(ids))
	for rows.Next() {
		var h news.SearchHit
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.URL, &h.Source, &h.Published, &h.Language, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		byID[h.ArticleID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if err := s.addCopies(ctx, ids, byID); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]news.SearchHit, 0, len(ids))
	for i, id := range ids {
		if h, ok := byID[id]; ok {
			h.Score = -scores[i] // bm25 is lower for better matches
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// addCopies fills in the duplicates linked to each hit.
func (s *DB) addCopies(ctx context.Context, ids []int64, hits map[int64]news.SearchHit) error {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, source, kind, similarity FROM duplicates
		WHERE article_id IN (`+placeholders(len(ids))+`) ORDER BY id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c news.Copy
		if err := rows.Scan(&id, &c.Source, &c.Kind, &c.Similarity); err != nil {
			return err
		}
		if h, ok := hits[id]; ok {
			h.Copies = append(h.Copies, c)
			hits[id] = h
		}
	}
	return rows.Err()
}

// searchWindow returns the id above which the newest SearchWindow
// articles lie, or 0 when the whole store is to be ranked.
func (s *DB) searchWindow(ctx context.Context, q news.SearchQuery) int64 {
	if s.window <= 0 || q.Exhaustive {
		return 0
	}
	var last sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(id) FROM articles`).Scan(&last); err != nil || last.Int64 <= int64(s.window) {
		return 0
	}
	return last.Int64 - int64(s.window)
}

// searchFilters returns the conditions on articles a of a search's
// filters: every entity of f.entities mentioned (of f.typ, when an entity
// filter has no type of its own), or with no entity filter an entity of
// f.typ; published between f.from and f.to; in language lang.
func searchFilters(f searchq.Filters, lang string) ([]string, []any) {
	var where []string
	var args []any
	if f.From != "" {
		where = append(where, `a.published != '' AND a.published >= ?`)
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, `a.published != '' AND a.published <= ?`)
		args = append(args, f.To)
	}
	if lang != "" {
		where = append(where, `a.language = ?`)
		args = append(args, lang)
	}
	for _, e := range f.Entities {
		typ := e.Type
		if typ == "" {
			typ = f.Type
		}
		sub := `SELECT ae.article_id FROM article_entities ae JOIN entity_names n ON n.entity_id = ae.entity_id`
		cond := ` WHERE n.key = ?`
		args = append(args, nameKey(e.Name))
		if typ != "" {
			sub += ` JOIN entities e ON e.id = ae.entity_id`
			cond += ` AND e.type = ?`
			args = append(args, typ)
		}
		where = append(where, `a.id IN (`+sub+cond+`)`)
	}
	if len(f.Entities) == 0 && f.Type != "" {
		where = append(where, `a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE e.type = ?)`)
		args = append(args, f.Type)
	}
	return where, args
}

func (s *DB) idsAndScores(ctx context.Context, query string, args ...any) ([]int64, []float64, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []int64
	var scores []float64
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		scores = append(scores, score)
	}
	return ids, scores, rows.Err()
}

const articleSelect = `SELECT id, source, url, title, published, ingested, hash, contract FROM articles `

func scanArticle(row interface{ Scan(...any) error }) (*news.StoredArticle, error) {
	var a news.StoredArticle
	var ingested string
	if err := row.Scan(&a.ID, &a.Source, &a.URL, &a.Title, &a.Published, &ingested, &a.Hash, &a.Contract); err != nil {
		return nil, err
	}
	a.Ingested, _ = time.Parse(time.RFC3339, ingested)
	return &a, nil
}

// Article implements news.Store.
func (s *DB) Article(ctx context.Context, id int64) (*news.StoredArticle, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, articleSelect+`WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, news.ErrNoSuchArticle)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// EachArticle implements news.Store. It reads in pages so that fn may take
// its time without holding a read transaction open over the whole walk.
func (s *DB) EachArticle(ctx context.Context, fn func(*news.StoredArticle) error) error {
	var after int64
	for {
		rows, err := s.db.QueryContext(ctx, articleSelect+`WHERE id > ? ORDER BY id LIMIT 500`, after)
		if err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		var page []*news.StoredArticle
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("list articles: %w", err)
			}
			page = append(page, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
		}
		after = page[len(page)-1].ID
	}
}

// Stats implements news.Store.
func (s *DB) Stats(ctx context.Context) (news.Stats, error) {
	var st news.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT coalesce(sum(mentions), 0) FROM article_entities),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM contradictions),
		(SELECT count(*) FROM duplicates WHERE kind = 'exact'),
		(SELECT count(*) FROM duplicates WHERE kind = 'near'),
		(SELECT count(*) FROM feeds)`).Scan(&st.Articles, &st.Entities, &st.Mentions, &st.Quotes, &st.Events,
		&st.Claims, &st.Contradictions, &st.Duplicates, &st.NearDuplicates, &st.Feeds)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	var pages, size int64
	if err := s.db.QueryRowContext(ctx, `SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()`).Scan(&pages, &size); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Bytes = pages * size
	return st, nil
}

// FeedState implements news.Store.
func (s *DB) FeedState(ctx context.Context, url string) (news.FeedState, error) {
	st := news.FeedState{URL: url}
	var checked string
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, last_checked, failures, last_error FROM feeds WHERE url = ?`, url).
		Scan(&st.ETag, &st.LastModified, &checked, &st.Failures, &st.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed state %s: %w", url, err)
	}
	st.LastChecked, _ = time.Parse(time.RFC3339, checked)
	return st, nil
}

// PutFeedState implements news.Store.
func (s *DB) PutFeedState(ctx context.Context, st news.FeedState) error {
	checked := ""
	if !st.LastChecked.IsZero() {
		checked = st.LastChecked.UTC().Format(time.RFC3339)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, last_checked, failures, last_error)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
			last_modified = excluded.last_modified, last_checked = excluded.last_checked,
			failures = excluded.failures, last_error = excluded.last_error`,
			st.URL, st.ETag, st.LastModified, checked, st.Failures, st.LastError)
		return err
	})
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", st.URL, err)
	}
	return nil
}
