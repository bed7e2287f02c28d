package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// nameKey is the form under which names are matched across articles
// (names.Key).
func nameKey(name string) string { return names.Key(name) }

const claimSelect = `SELECT c.id, c.article_id, c.local_id, coalesce(c.speaker_id, 0), coalesce(sp.name, ''),
	c.polarity, coalesce(c.subject_id, 0), coalesce(su.name, ''), c.predicate, coalesce(c.object_id, 0),
	coalesce(ob.name, ''), coalesce(q.text, ''), a.published, c.word, c.object_country, c.object_feature
	FROM claims c JOIN articles a ON a.id = c.article_id
	LEFT JOIN entities sp ON sp.id = c.speaker_id
	LEFT JOIN entities su ON su.id = c.subject_id
	LEFT JOIN entities ob ON ob.id = c.object_id
	LEFT JOIN quotes q ON q.id = c.quote_id `

func scanClaim(row pgx.Row) (news.StoredClaim, error) {
	var c news.StoredClaim
	err := row.Scan(&c.ID, &c.ArticleID, &c.LocalID, &c.SpeakerID, &c.SpeakerName, &c.Polarity, &c.SubjectID,
		&c.SubjectName, &c.Predicate, &c.ObjectID, &c.ObjectName, &c.Quote, &c.Published, &c.Word,
		&c.ObjectCountry, &c.ObjectFeature)
	return c, err
}

func claimByID(ctx context.Context, q conn, id int64) (news.StoredClaim, error) {
	return scanClaim(q.queryRow(ctx, claimSelect+`WHERE c.id = ?`, id))
}

// maxComparedClaims bounds the stored claims a new claim is compared with
// (the most recent about its subject), as in the SQLite store.
const maxComparedClaims = 200

// claimsAbout returns the stored claims of other articles about the
// subject of mine that could contradict it: by another, known speaker,
// with the other polarity.
func claimsAbout(ctx context.Context, q conn, mine news.StoredClaim, notArticle int64) ([]news.StoredClaim, error) {
	rows, err := q.query(ctx, claimSelect+`WHERE c.id IN (SELECT id FROM claims
		WHERE subject_id = ? AND article_id != ? AND polarity != ? AND speaker_id IS NOT NULL AND speaker_id != ?
		ORDER BY id DESC LIMIT ?) ORDER BY c.id`,
		mine.SubjectID, notArticle, mine.Polarity, mine.SpeakerID, maxComparedClaims)
	if err != nil {
		return nil, err
	}
	return collectClaims(rows)
}

func collectClaims(rows pgx.Rows) ([]news.StoredClaim, error) {
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

const articleSelect = `SELECT id, source, url, title, published, ingested, hash, contract FROM articles `

func scanArticle(row pgx.Row) (*news.StoredArticle, error) {
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
	a, err := scanArticle(s.db().queryRow(ctx, articleSelect+`WHERE id = ?`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, news.ErrNoSuchArticle)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// EachArticle implements news.Store. It reads in pages so that fn may take
// its time without holding a query open over the whole walk.
func (s *DB) EachArticle(ctx context.Context, fn func(*news.StoredArticle) error) error {
	var after int64
	for {
		rows, err := s.db().query(ctx, articleSelect+`WHERE id > ? ORDER BY id LIMIT 500`, after)
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

// Stats implements news.Store. Bytes is the size of the store's tables
// and indexes in its schema.
func (s *DB) Stats(ctx context.Context) (news.Stats, error) {
	var st news.Stats
	err := s.db().queryRow(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM entities),
		(SELECT coalesce(sum(mentions), 0) FROM article_entities),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM contradictions),
		(SELECT count(*) FROM duplicates WHERE kind = 'exact'),
		(SELECT count(*) FROM duplicates WHERE kind = 'near'),
		(SELECT count(*) FROM feeds),
		(SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r')`).
		Scan(&st.Articles, &st.Entities, &st.Mentions, &st.Quotes, &st.Events,
			&st.Claims, &st.Contradictions, &st.Duplicates, &st.NearDuplicates, &st.Feeds, &st.Bytes)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// FeedState implements news.Store.
func (s *DB) FeedState(ctx context.Context, url string) (news.FeedState, error) {
	st := news.FeedState{URL: url}
	var checked string
	err := s.db().queryRow(ctx, `SELECT etag, last_modified, last_checked, failures, last_error FROM feeds WHERE url = ?`, url).
		Scan(&st.ETag, &st.LastModified, &checked, &st.Failures, &st.LastError)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed state %s: %w", url, err)
	}
	st.LastChecked, _ = time.Parse(time.RFC3339, checked)
	return st, nil
}

// PutFeedState implements news.Store. Feed states are not article writes:
// they take no write lock.
func (s *DB) PutFeedState(ctx context.Context, st news.FeedState) error {
	checked := ""
	if !st.LastChecked.IsZero() {
		checked = st.LastChecked.UTC().Format(time.RFC3339)
	}
	_, err := s.db().exec(ctx, `INSERT INTO feeds (url, etag, last_modified, last_checked, failures, last_error)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
		last_modified = excluded.last_modified, last_checked = excluded.last_checked,
		failures = excluded.failures, last_error = excluded.last_error`,
		st.URL, st.ETag, st.LastModified, checked, st.Failures, st.LastError)
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", st.URL, err)
	}
	return nil
}
