package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/searchq"
)

// rankWeights are ts_rank_cd's weights of D, C, B and A words: title
// words (A) weigh four times body words (B), as in the SQLite store's
// bm25(4.0, 1.0).
const rankWeights = `'{0.1, 0.1, 0.25, 1.0}'`

// rankNormalization divides a rank by 1 + the logarithm of the
// article's length, so that a long article that mentions a word once does
// not outrank a short one about it.
const rankNormalization = 1

// headlineOptions make ts_headline's snippets like the SQLite store's: the
// matches in [ ], one passage of about 16 words.
const headlineOptions = `StartSel=[, StopSel=], MinWords=10, MaxWords=20, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

// Search implements news.Store. A text query is answered in two steps: the
// best matching ids (ranked by ts_rank_cd), then the fields and snippet of
// those few (ts_headline), so that a common word matching most articles
// costs no snippet per match.
//
// Ranking costs time in proportion to the matches, so unless
// q.Exhaustive the newest Config.SearchWindow articles are ranked first,
// and only when they hold fewer than a page of matches is the whole store
// ranked, as in the SQLite store.
//
// The text is parsed into a bounded plan first (internal/searchq): a
// query over a limit gets a *news.QueryError and costs no search.
func (s *DB) Search(ctx context.Context, q news.SearchQuery) ([]news.SearchHit, error) {
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
		query := `SELECT a.id, ts_rank_cd(` + rankWeights + `, a.tsv, ?::tsquery, ` + fmt.Sprint(rankNormalization) + `) AS score
			FROM articles a WHERE a.tsv @@ ?::tsquery`
		for _, w := range sq.where {
			query += ` AND ` + w
		}
		ranked := query + ` ORDER BY score DESC, a.id LIMIT ?`
		args := append([]any{sq.match, sq.match}, sq.args...)
		if window := s.searchWindow(ctx, q); window > 0 {
			windowed := query + ` AND a.id > ? ORDER BY score DESC, a.id LIMIT ?`
			ids, scores, err = s.idsAndScores(ctx, windowed, append(append(args, window), limit)...)
			if err == nil && len(ids) < limit {
				ids, scores, err = s.idsAndScores(ctx, ranked, append(args, limit)...)
			}
		} else {
			ids, scores, err = s.idsAndScores(ctx, ranked, append(args, limit)...)
		}
	} else {
		query := `SELECT a.id, 0.0::float8 FROM articles a`
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

// compiledSearch is a search query as SQL: the tsquery ("" for none) and
// the conditions on articles a, with their arguments. empty says that
// nothing can match (a text of punctuation only).
type compiledSearch struct {
	match string
	where []string
	args  []any
	empty bool
}

// compile parses q's text into a bounded plan and merges its field
// filters with q's.
func (s *DB) compile(ctx context.Context, q news.SearchQuery) (compiledSearch, error) {
	plan, err := s.plan(ctx, q.Text)
	if err != nil {
		return compiledSearch{}, err
	}
	f, err := plan.MergeFilters(q)
	if err != nil {
		return compiledSearch{}, err
	}
	sq := compiledSearch{match: tsMatch(plan)}
	if sq.match == "" && plan.MatchesNothing(q.Text) {
		sq.empty = true
		return sq, nil
	}
	sq.where, sq.args = searchFilters(f, q.Language)
	if sq.match == "" && len(plan.Exclude) > 0 {
		sq.where = append(sq.where, `NOT (a.tsv @@ ?::tsquery)`)
		sq.args = append(sq.args, tsExcluded(plan))
	}
	return sq, nil
}

// plan parses text within the store's limits, counting in the index's
// vocabulary (search_words) what each prefix stands for.
func (s *DB) plan(ctx context.Context, text string) (searchq.Plan, error) {
	p, err := searchq.Parse(text, s.limits)
	if err != nil {
		return p, err
	}
	budget := s.limits.MaxExpansions
	for _, w := range p.Prefixes() {
		var n int
		// Every word starting with w sorts (by bytes) between w and w
		// followed by the last code point.
		err := s.db().queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM search_words
			WHERE word >= ? AND word < ? LIMIT ?) s`, w, w+"\U0010FFFF", budget+1).Scan(&n)
		if err != nil {
			return p, fmt.Errorf("search: expand %s*: %w", w, err)
		}
		if budget -= n; budget < 0 {
			return p, &news.QueryError{Problem: searchq.TooManyExpansions(p.Prefixes(), s.limits.MaxExpansions),
				Hint: "write more letters before *, or whole words"}
		}
	}
	return p, nil
}

// CountSearch implements news.Store: the number of articles that match
// q, all of them (q.Limit and q.Exhaustive play no part).
func (s *DB) CountSearch(ctx context.Context, q news.SearchQuery) (int, error) {
	sq, err := s.compile(ctx, q)
	if err != nil || sq.empty {
		return 0, err
	}
	where, args := sq.where, sq.args
	if sq.match != "" {
		where = append([]string{`a.tsv @@ ?::tsquery`}, where...)
		args = append([]any{sq.match}, args...)
	}
	query := `SELECT count(*) FROM articles a`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	var n int
	if err := s.db().queryRow(ctx, query, args...).Scan(&n); err != nil {
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
	query := `SELECT id, title, url, source, published, language, left(body, 160) FROM articles a WHERE id = ANY(?::bigint[])`
	args := []any{ids}
	if match != "" {
		query = `SELECT id, title, url, source, published, language,
			ts_headline('simple', body, ?::tsquery, '` + headlineOptions + `'), left(body, 400), right(body, 400)
			FROM articles a WHERE id = ANY(?::bigint[])`
		args = []any{match, ids}
	}
	rows, err := s.db().query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]news.SearchHit, len(ids))
	for rows.Next() {
		var h news.SearchHit
		dest := []any{&h.ArticleID, &h.Title, &h.URL, &h.Source, &h.Published, &h.Language, &h.Snippet}
		var head, tail string
		if match != "" {
			dest = append(dest, &head, &tail)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		if match != "" {
			h.Snippet = elide(h.Snippet, head, tail)
		}
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
			h.Score = scores[i]
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// addCopies fills in the duplicates linked to each hit.
func (s *DB) addCopies(ctx context.Context, ids []int64, hits map[int64]news.SearchHit) error {
	rows, err := s.db().query(ctx, `SELECT article_id, source, kind, similarity FROM duplicates
		WHERE article_id = ANY(?::bigint[]) ORDER BY id`, ids)
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
	var last *int64
	if err := s.db().queryRow(ctx, `SELECT max(id) FROM articles`).Scan(&last); err != nil || last == nil || *last <= int64(s.window) {
		return 0
	}
	return *last - int64(s.window)
}

// searchFilters returns the conditions on articles a of a search's
// filters, as in the SQLite store.
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
	rows, err := s.db().query(ctx, query, args...)
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

// elide marks with "…" the ends of a snippet that are not the ends of
// the article's text (head and tail are its first and last few hundred
// characters), as the SQLite store's snippets do.
func elide(snippet, head, tail string) string {
	plain := strings.NewReplacer("[", "", "]", "").Replace(snippet)
	if plain == "" {
		return snippet
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	words := strings.Fields(plain)
	if !strings.HasPrefix(norm(head), words[0]) {
		snippet = "…" + snippet
	}
	if !strings.HasSuffix(norm(tail), words[len(words)-1]) {
		snippet += "…"
	}
	return snippet
}
