package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// FindDuplicate implements news.Store.
func (s *DB) FindDuplicate(ctx context.Context, keys news.DedupKeys) (*news.Duplicate, error) {
	d, err := findDuplicate(ctx, s.db, keys)
	if err != nil {
		return nil, fmt.Errorf("find duplicate: %w", err)
	}
	return d, nil
}

func findDuplicate(ctx context.Context, q querier, k news.DedupKeys) (*news.Duplicate, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = ?`, k.ContentHash).Scan(&id)
	if err == nil {
		return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1, Reason: "same text"}, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if k.CanonicalURL != "" {
		err := q.QueryRowContext(ctx, `SELECT id FROM articles WHERE canonical_url = ?`, k.CanonicalURL).Scan(&id)
		if err == nil {
			return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1, Reason: "same URL"}, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
	}
	// An input seen before as a duplicate is the same duplicate again.
	var d news.Duplicate
	err = q.QueryRowContext(ctx, `SELECT kind, article_id, similarity, reason FROM duplicates
		WHERE hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?) LIMIT 1`,
		k.ContentHash, k.CanonicalURL).Scan(&d.Kind, &d.ArticleID, &d.Similarity, &d.Reason)
	if err == nil {
		return &d, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return findNear(ctx, q, k)
}

// findNear looks for a stored article whose MinHash signature shares a band
// with k's and whose estimated similarity reaches the threshold
// (graphrules.NearMatch decides which).
func findNear(ctx context.Context, q querier, k news.DedupKeys) (*news.Duplicate, error) {
	m := graphrules.NewNearMatch(k)
	if !m.Wanted() {
		return nil, nil
	}
	args := make([]any, len(k.Bands))
	for i, b := range k.Bands {
		args[i] = int64(b)
	}
	rows, err := q.QueryContext(ctx, `SELECT m.article_id, m.sig FROM minhash m WHERE m.article_id IN
		(SELECT DISTINCT article_id FROM minhash_bands WHERE key IN (`+placeholders(len(args))+`))
		ORDER BY m.article_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return nil, err
		}
		m.Consider(id, sig)
	}
	return m.Best(), rows.Err()
}

// articleLanguage is the language of doc as its contract gives it: English
// when no stage set one.
func articleLanguage(doc *news.Doc) string {
	if doc.Language == "" {
		return news.LangEnglish
	}
	return doc.Language
}

// PutArticle implements news.Store.
func (s *DB) PutArticle(ctx context.Context, a *news.ArticleInput) (news.PutResult, error) {
	doc := a.Doc
	contract, err := news.MarshalContract(doc)
	if err != nil {
		return news.PutResult{}, fmt.Errorf("store %s: %w", doc.Source, err)
	}
	if a.Keys.ContentHash == "" {
		a.Keys.ContentHash = news.ContentID(doc.Text)
	}
	var res news.PutResult
	err = s.writeCached(ctx, func(tx *cachedTx) error {
		res = news.PutResult{}
		dup, err := findDuplicate(ctx, tx, a.Keys)
		if err != nil {
			return err
		}
		now := s.now().UTC().Format(time.RFC3339)
		replace, err := sqlstore.KeepsNew(ctx, sqlQuerier{tx.Tx}, a, dup)
		if err != nil {
			return err
		}
		if dup != nil && !replace {
			res.ArticleID, res.Duplicate = dup.ArticleID, dup
			if dup.Kind == news.DupExact {
				// The same input again (same source and text) is not a
				// new duplicate: re-ingesting changes nothing.
				var n int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ? AND source = ? AND hash = ?`,
					dup.ArticleID, doc.Source, a.Keys.ContentHash).Scan(&n); err != nil || n > 0 {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO duplicates
				(article_id, kind, reason, similarity, hash, canonical_url, source, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				dup.ArticleID, dup.Kind, dup.Reason, dup.Similarity, a.Keys.ContentHash, nullString(a.Keys.CanonicalURL), doc.Source, now)
			return err
		}
		published := ""
		if !doc.Published.IsZero() {
			published = doc.Published.Format("2006-01-02")
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO articles
			(hash, canonical_url, url, source, feed, title, published, ingested, body, contract, language)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Keys.ContentHash, nullString(a.Keys.CanonicalURL), doc.URL, doc.Source, a.Feed, doc.Title,
			published, now, doc.Text, contract, articleLanguage(doc))
		if err != nil {
			return err
		}
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		res.ArticleID = id
		if err := putMinHash(ctx, tx, id, a.Keys); err != nil {
			return err
		}
		if replace {
			// The copy it replaces goes first, so that the article's
			// entities, claims and contradictions are found as if it
			// had come first.
			res.Replaced = dup.ArticleID
			if err := sqlstore.RetireArticle(ctx, sqlQuerier{tx.Tx}, dup, id); err != nil {
				return err
			}
		}
		w := &articleWriter{tx: tx, ctx: ctx, article: id, doc: doc, published: published, compare: s.compare,
			decided: s.now().UTC().Truncate(time.Second)}
		n, err := w.write()
		res.Contradictions = n
		return err
	})
	if err != nil {
		return news.PutResult{}, fmt.Errorf("store %s: %w", doc.Source, err)
	}
	return res, nil
}

func putMinHash(ctx context.Context, tx querier, id int64, k news.DedupKeys) error {
	if len(k.MinHash) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO minhash (article_id, sig) VALUES (?, ?)`, id, dedup.EncodeSignature(k.MinHash)); err != nil {
		return err
	}
	for _, b := range k.Bands {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO minhash_bands (key, article_id) VALUES (?, ?)`, int64(b), id); err != nil {
			return err
		}
	}
	return nil
}

// articleWriter writes the normalised rows of one new article inside the
// article's transaction.
type articleWriter struct {
	tx        *cachedTx
	ctx       context.Context
	article   int64
	doc       *news.Doc
	published string
	compare   news.ClaimComparer
	decided   time.Time // when the article is stored: the time of the joins it makes
	// entities maps the article's entity ids (E1) to store entity ids.
	entities map[string]int64
	quotes   map[string]int64
	claims   map[string]int64
}

// write stores entities, quotes, events, claims and contradictions, and
// returns the number of new cross-article contradictions.
func (w *articleWriter) write() (int, error) {
	var err error
	if w.entities, err = w.linkEntities(); err != nil {
		return 0, fmt.Errorf("entities: %w", err)
	}
	if err := w.writeQuotes(); err != nil {
		return 0, fmt.Errorf("quotes: %w", err)
	}
	if err := w.writeEvents(); err != nil {
		return 0, fmt.Errorf("events: %w", err)
	}
	if err := w.writeClaims(); err != nil {
		return 0, fmt.Errorf("claims: %w", err)
	}
	n, err := w.writeContradictions()
	if err != nil {
		return 0, fmt.Errorf("contradictions: %w", err)
	}
	return n, nil
}

func (w *articleWriter) entity(local string) any {
	if id, ok := w.entities[local]; ok {
		return id
	}
	return nil
}

func (w *articleWriter) writeQuotes() error {
	w.quotes = make(map[string]int64, len(w.doc.Quotes))
	for _, q := range w.doc.Quotes {
		r, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO quotes
			(article_id, local_id, kind, text, speaker_id, cue, sourcing) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			w.article, q.ID, q.Kind, q.Text, w.entity(q.Speaker), q.Cue, q.Sourcing)
		if err != nil {
			return err
		}
		if id, err := r.LastInsertId(); err == nil {
			w.quotes[q.ID] = id
		}
	}
	return nil
}

func (w *articleWriter) writeEvents() error {
	for _, v := range w.doc.Events {
		_, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO events
			(article_id, local_id, type, actor_id, target_id, place_id, date, trigger, negated, hedged)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.article, v.ID, v.Type, w.entity(v.Actor), w.entity(v.Target), w.entity(v.Place), v.Date,
			v.Trigger.Text, v.Negated, v.Hedged)
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *articleWriter) writeClaims() error {
	w.claims = make(map[string]int64, len(w.doc.Claims))
	for _, c := range w.doc.Claims {
		var quote any
		if id, ok := w.quotes[c.Quote]; ok {
			quote = id
		}
		r, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO claims
			(article_id, local_id, speaker_id, polarity, subject_id, predicate, object_id, quote_id, event,
			word, object_country, object_feature)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.article, c.ID, w.entity(c.Speaker), c.Polarity, w.entity(c.Subject), c.Predicate,
			w.entity(c.Object), quote, c.Event, c.Word, c.ObjectCountry, c.ObjectFeature)
		if err != nil {
			return err
		}
		if id, err := r.LastInsertId(); err == nil {
			w.claims[c.ID] = id
		}
	}
	return nil
}

// writeContradictions stores the article's own contradictions, then
// compares each new claim with the stored claims of other articles about
// the same subject and object (the cross-article claim rule).
func (w *articleWriter) writeContradictions() (int, error) {
	for _, k := range w.doc.Contradictions {
		if len(k.Claims) < 2 {
			continue
		}
		a, okA := w.claims[k.Claims[0]]
		b, okB := w.claims[k.Claims[1]]
		if !okA || !okB {
			continue
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO contradictions (claim_a, claim_b, scope, why)
			VALUES (?, ?, 'article', ?)`, a, b, k.Why); err != nil {
			return 0, err
		}
	}
	if w.compare == nil {
		return 0, nil
	}
	found := 0
	for _, c := range w.doc.Claims {
		id, ok := w.claims[c.ID]
		if !ok || !graphrules.Comparable(c) {
			continue
		}
		mine, err := claimByID(w.ctx, w.tx, id)
		if err != nil {
			return 0, err
		}
		if mine.SubjectID == 0 || mine.SpeakerID == 0 {
			continue
		}
		others, err := claimsAbout(w.ctx, w.tx, mine, w.article)
		if err != nil {
			return 0, err
		}
		for _, other := range others {
			ok, why := w.compare(other, mine)
			if !ok {
				continue
			}
			// One contradiction per two speakers and subject, as within an
			// article: the first found stands for the others.
			var seen int
			if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM contradictions k
				JOIN claims a ON a.id = k.claim_a JOIN claims b ON b.id = k.claim_b
				WHERE a.subject_id = ?1 AND ((a.speaker_id = ?2 AND b.speaker_id = ?3) OR (a.speaker_id = ?3 AND b.speaker_id = ?2))`,
				mine.SubjectID, other.SpeakerID, mine.SpeakerID).Scan(&seen); err != nil {
				return 0, err
			}
			if seen > 0 {
				continue
			}
			r, err := w.tx.ExecContext(w.ctx, `INSERT OR IGNORE INTO contradictions (claim_a, claim_b, scope, why)
				VALUES (?, ?, 'cross', ?)`, other.ID, mine.ID, why)
			if err != nil {
				return 0, err
			}
			if n, _ := r.RowsAffected(); n > 0 {
				found++
			}
		}
	}
	return found, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	b := make([]byte, 0, 2*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}
