package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// The browsing queries of the HTTP API and web UI: events, quotes about an
// entity, the entity graph, article entity ids and places.

const eventSelect = `SELECT v.id, v.article_id, a.title, a.published, v.local_id, v.type,
	coalesce(v.actor_id, 0), coalesce(ea.name, ''), coalesce(v.target_id, 0), coalesce(et.name, ''),
	coalesce(v.place_id, 0), coalesce(ep.name, ''), v.date, v.trigger, v.negated, v.hedged
	FROM events v JOIN articles a ON a.id = v.article_id
	LEFT JOIN entities ea ON ea.id = v.actor_id
	LEFT JOIN entities et ON et.id = v.target_id
	LEFT JOIN entities ep ON ep.id = v.place_id `

// eventDate is the date an event is filtered and ordered by.
const eventDate = `coalesce(nullif(v.date, ''), a.published)`

// Events implements news.Store.
func Events(ctx context.Context, db Querier, q news.EventQuery) ([]news.StoredEvent, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var where []string
	var args []any
	byName := func(col, name string) {
		where = append(where, col+` IN (SELECT entity_id FROM entity_names WHERE key = ?)`)
		args = append(args, names.Key(name))
	}
	if q.Type != "" {
		where = append(where, `v.type = ?`)
		args = append(args, strings.ToUpper(q.Type))
	}
	if q.Actor != "" {
		byName("v.actor_id", q.Actor)
	}
	if q.Target != "" {
		byName("v.target_id", q.Target)
	}
	if q.Place != "" {
		byName("v.place_id", q.Place)
	}
	if q.Entity != "" {
		where = append(where, `EXISTS (SELECT 1 FROM entity_names n WHERE n.key = ? AND n.entity_id IN (v.actor_id, v.target_id, v.place_id))`)
		args = append(args, names.Key(q.Entity))
	}
	if q.Since != "" {
		where = append(where, eventDate+` != '' AND `+eventDate+` >= ?`)
		args = append(args, q.Since)
	}
	if q.Until != "" {
		where = append(where, eventDate+` != '' AND `+eventDate+` <= ?`)
		args = append(args, q.Until)
	}
	query := eventSelect
	if len(where) > 0 {
		query += `WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY ` + eventDate + ` DESC, v.id LIMIT ?`
	rows, err := db.Query(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []news.StoredEvent
	for rows.Next() {
		var v news.StoredEvent
		if err := rows.Scan(&v.ID, &v.ArticleID, &v.Title, &v.Published, &v.LocalID, &v.Type, &v.ActorID, &v.ActorName,
			&v.TargetID, &v.TargetName, &v.PlaceID, &v.PlaceName, &v.Date, &v.Trigger, &v.Negated, &v.Hedged); err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// QuotesAbout implements news.Store. A quote is about the entity when a
// claim about it came from the quote, or when its words hold one of the
// entity's names as a whole word (acronyms in capitals only, so that the
// alias "IS" does not match "is").
func QuotesAbout(ctx context.Context, db Querier, q news.QuoteAboutQuery) ([]news.StoredQuote, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	entityNames, err := Strings(ctx, db, `SELECT name FROM entity_names WHERE entity_id = ?`, q.EntityID)
	if err != nil {
		return nil, fmt.Errorf("quotes about %d: %w", q.EntityID, err)
	}
	// The SQL finds candidates (claims, or a name anywhere in the text,
	// ignoring case except for acronyms); Go keeps whole-word matches.
	rows, err := db.Query(ctx, `SELECT a.id, a.title, a.url, a.published, q.local_id, q.kind, q.text,
		coalesce(q.speaker_id, 0), coalesce(e.name, ''), q.cue, q.sourcing,
		q.id IN (SELECT quote_id FROM claims WHERE quote_id IS NOT NULL AND (subject_id = ?1 OR object_id = ?1))
		FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id
		WHERE q.id IN (SELECT quote_id FROM claims WHERE quote_id IS NOT NULL AND (subject_id = ?1 OR object_id = ?1))
		OR EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = ?1 AND CASE WHEN n.name = upper(n.name)
			THEN `+db.Dialect().Instr+`(q.text, n.name) ELSE `+db.Dialect().Instr+`(lower(q.text), lower(n.name)) END > 0)
		ORDER BY a.published DESC, a.id DESC, q.id LIMIT 5000`, q.EntityID)
	if err != nil {
		return nil, fmt.Errorf("quotes about %d: %w", q.EntityID, err)
	}
	defer rows.Close()
	var out []news.StoredQuote
	for rows.Next() && len(out) < limit {
		var v news.StoredQuote
		var claimed bool
		if err := rows.Scan(&v.ArticleID, &v.Title, &v.URL, &v.Published, &v.LocalID, &v.Kind, &v.Text,
			&v.SpeakerID, &v.SpeakerName, &v.Cue, &v.Sourcing, &claimed); err != nil {
			return nil, fmt.Errorf("quotes about %d: %w", q.EntityID, err)
		}
		if claimed || graphrules.MentionsName(v.Text, entityNames) {
			out = append(out, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes about %d: %w", q.EntityID, err)
	}
	return out, nil
}

// neighbours returns the edges of the given types of each of ids, in a
// few set-based queries (one per edge type and direction, whatever the
// number of ids). With within set, only edges to those entities; of
// co-occurrences, only the top strongest of each id.
//
// The query's NodeTypes keep edges to entities of those types only, and
// its From and To keep edges that articles of that window support.
func neighbours(ctx context.Context, db Querier, ids, within []int64, types map[string]bool, top int, q news.GraphQuery) (map[int64][]graphrules.GraphLink, error) {
	out := map[int64][]graphrules.GraphLink{}
	if len(ids) == 0 {
		return out, nil
	}
	// x holds the ids, w the entities an edge may lead to, t the entity
	// types it may lead to, d the publication window.
	with := `WITH x(id) AS (VALUES ` + strings.TrimSuffix(strings.Repeat("("+db.Dialect().Int+"),", len(ids)), ",") + `)`
	args := make([]any, 0, len(ids)+len(within)+len(q.NodeTypes)+2)
	for _, id := range ids {
		args = append(args, id)
	}
	var keep []string
	if within != nil {
		with += `, w(id) AS (VALUES ` + strings.TrimSuffix(strings.Repeat("("+db.Dialect().Int+"),", len(within)), ",") + `)`
		for _, id := range within {
			args = append(args, id)
		}
		keep = append(keep, ` AND %[1]s IN (SELECT id FROM w)`)
	}
	if len(q.NodeTypes) > 0 {
		with += `, t(type) AS (VALUES ` + strings.TrimSuffix(strings.Repeat("("+db.Dialect().Text+"),", len(q.NodeTypes)), ",") + `)`
		for _, typ := range q.NodeTypes {
			args = append(args, typ)
		}
		keep = append(keep, ` AND %[1]s IN (SELECT id FROM entities WHERE type IN (SELECT type FROM t))`)
	}
	to := func(col string) string {
		var b strings.Builder
		for _, k := range keep {
			fmt.Fprintf(&b, k, col)
		}
		return b.String()
	}
	in := func(col string) string { return "" }
	if q.From != "" || q.To != "" {
		hi := q.To
		if hi == "" {
			hi = "9999-12-31"
		}
		with += `, d(lo, hi) AS (VALUES (` + db.Dialect().Text + `, ` + db.Dialect().Text + `))`
		args = append(args, q.From, hi)
		in = func(col string) string {
			return ` AND ` + col + ` IN (SELECT id FROM articles WHERE published != '' AND published >= (SELECT lo FROM d) AND published <= (SELECT hi FROM d))`
		}
	}
	collect := func(typ string, isOut bool, query string) error {
		rows, err := db.Query(ctx, with+query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var from int64
			l := graphrules.GraphLink{Type: typ, Out: isOut}
			if err := rows.Scan(&from, &l.Other, &l.Weight, &l.Label); err != nil {
				return err
			}
			out[from] = append(out[from], l)
		}
		return rows.Err()
	}
	var err error
	if types[news.EdgeCoOccurrence] {
		// Popular entities co-occur with hundreds of others: when
		// expanding, only the top entities of each node come back.
		err = errors.Join(err, collect(news.EdgeCoOccurrence, false, ` SELECT src, other, n, '' FROM (
			SELECT a.entity_id AS src, b.entity_id AS other, count(DISTINCT b.article_id) AS n,
				row_number() OVER (PARTITION BY a.entity_id ORDER BY count(DISTINCT b.article_id) DESC, b.entity_id) AS rank
			FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id AND b.entity_id != a.entity_id
			WHERE a.entity_id IN (SELECT id FROM x)`+to("b.entity_id")+in("b.article_id")+` GROUP BY a.entity_id, b.entity_id) r
			WHERE rank <= `+strconv.Itoa(top)))
	}
	if types[news.EdgeQuoteAbout] {
		err = errors.Join(err, collect(news.EdgeQuoteAbout, true, ` SELECT speaker_id, other, count(*), '' FROM (
			SELECT speaker_id, subject_id AS other, article_id FROM claims WHERE speaker_id IN (SELECT id FROM x)
			UNION ALL SELECT speaker_id, object_id, article_id FROM claims WHERE speaker_id IN (SELECT id FROM x)) c
			WHERE other IS NOT NULL AND other != speaker_id`+to("other")+in("article_id")+` GROUP BY speaker_id, other`))
		err = errors.Join(err, collect(news.EdgeQuoteAbout, false, ` SELECT x.id, c.speaker_id, count(*), '' FROM x
			JOIN claims c ON c.subject_id = x.id OR c.object_id = x.id
			WHERE c.speaker_id IS NOT NULL AND c.speaker_id != x.id`+to("c.speaker_id")+in("c.article_id")+` GROUP BY x.id, c.speaker_id`))
	}
	if types[news.EdgeEvent] {
		err = errors.Join(err, collect(news.EdgeEvent, true, ` SELECT actor_id, target_id, count(*), `+db.Dialect().Agg("type")+` FROM events
			WHERE actor_id IN (SELECT id FROM x) AND target_id IS NOT NULL AND target_id != actor_id`+to("target_id")+in("article_id")+`
			GROUP BY actor_id, target_id`))
		err = errors.Join(err, collect(news.EdgeEvent, false, ` SELECT target_id, actor_id, count(*), `+db.Dialect().Agg("type")+` FROM events
			WHERE target_id IN (SELECT id FROM x) AND actor_id IS NOT NULL AND actor_id != target_id`+to("actor_id")+in("article_id")+`
			GROUP BY target_id, actor_id`))
	}
	return out, err
}

// Graph implements news.Store: the walk of graphrules.Walk over this
// store's edges.
func Graph(ctx context.Context, db Querier, q news.GraphQuery) (*news.Graph, error) {
	g, err := graphrules.Walk(q, graphSource{db: db, ctx: ctx, q: q})
	if err != nil {
		return nil, fmt.Errorf("graph of entity %d: %w", q.EntityID, err)
	}
	return g, nil
}

// graphSource is the store as graphrules.Walk reads it, for one query.
type graphSource struct {
	db  Querier
	ctx context.Context
	q   news.GraphQuery
}

// Node implements graphrules.GraphSource.
func (g graphSource) Node(id int64) (news.GraphNode, error) {
	var n news.GraphNode
	err := g.db.QueryRow(g.ctx, `SELECT id, name, type, articles FROM entities WHERE id = ?`, id).
		Scan(&n.ID, &n.Name, &n.Type, &n.Articles)
	if g.db.NoRows(err) {
		return n, news.ErrNoSuchEntity
	}
	return n, err
}

// Nodes implements graphrules.GraphSource.
func (g graphSource) Nodes(ids []int64) (map[int64]news.GraphNode, error) {
	return graphNodes(g.ctx, g.db, ids)
}

// Neighbours implements graphrules.GraphSource.
func (g graphSource) Neighbours(ids, within []int64, types map[string]bool, top int) (map[int64][]graphrules.GraphLink, error) {
	return neighbours(g.ctx, g.db, ids, within, types, top, g.q)
}

func graphNodes(ctx context.Context, db Querier, ids []int64) (map[int64]news.GraphNode, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.Query(ctx, `SELECT id, name, type, articles FROM entities WHERE id IN (`+Placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]news.GraphNode{}
	for rows.Next() {
		var n news.GraphNode
		if err := rows.Scan(&n.ID, &n.Name, &n.Type, &n.Articles); err != nil {
			return nil, err
		}
		out[n.ID] = n
	}
	return out, rows.Err()
}

// ArticleEntities implements news.Store.
func ArticleEntities(ctx context.Context, db Querier, articleID int64) (map[string]int64, error) {
	rows, err := db.Query(ctx, `SELECT local_id, entity_id FROM article_entities WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var local string
		var id int64
		if err := rows.Scan(&local, &id); err != nil {
			return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
		}
		out[local] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
	}
	if len(out) == 0 {
		var n int
		if err := db.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
			return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("article %d: %w", articleID, news.ErrNoSuchArticle)
		}
	}
	return out, nil
}

// Places implements news.Store.
func Places(ctx context.Context, db Querier, limit int) ([]news.PlaceCount, error) {
	if limit <= 0 {
		limit = 500
	}
	// Each geocoded article entity keeps its place in article_entities,
	// so no contract JSON is read here.
	rows, err := db.Query(ctx, `SELECT ae.entity_id, e.name, max(ae.country), avg(ae.lat), avg(ae.lon),
			count(DISTINCT ae.article_id) AS n
		FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
		WHERE ae.lat IS NOT NULL
		GROUP BY ae.entity_id, e.name ORDER BY n DESC, ae.entity_id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	defer rows.Close()
	var out []news.PlaceCount
	for rows.Next() {
		var p news.PlaceCount
		if err := rows.Scan(&p.EntityID, &p.Name, &p.Country, &p.Lat, &p.Lon, &p.Articles); err != nil {
			return nil, fmt.Errorf("places: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}
