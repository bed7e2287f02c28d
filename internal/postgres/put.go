package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// FindDuplicate implements news.Store.
func (s *DB) FindDuplicate(ctx context.Context, keys news.DedupKeys) (*news.Duplicate, error) {
	d, err := findDuplicate(ctx, s.db(), keys)
	if err != nil {
		return nil, fmt.Errorf("find duplicate: %w", err)
	}
	return d, nil
}

func findDuplicate(ctx context.Context, q conn, k news.DedupKeys) (*news.Duplicate, error) {
	var id int64
	err := q.queryRow(ctx, `SELECT id FROM articles WHERE hash = ?`, k.ContentHash).Scan(&id)
	if err == nil {
		return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1, Reason: "same text"}, nil
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return nil, err
	}
	if k.CanonicalURL != "" {
		err := q.queryRow(ctx, `SELECT id FROM articles WHERE canonical_url = ?`, k.CanonicalURL).Scan(&id)
		if err == nil {
			return &news.Duplicate{Kind: news.DupExact, ArticleID: id, Similarity: 1, Reason: "same URL"}, nil
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return nil, err
		}
	}
	// An input seen before as a duplicate is the same duplicate again.
	var d news.Duplicate
	err = q.queryRow(ctx, `SELECT kind, article_id, similarity, reason FROM duplicates
		WHERE hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?) LIMIT 1`,
		k.ContentHash, k.CanonicalURL).Scan(&d.Kind, &d.ArticleID, &d.Similarity, &d.Reason)
	if err == nil {
		return &d, nil
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return nil, err
	}
	return findNear(ctx, q, k)
}

// findNear looks for a stored article whose MinHash signature shares a band
// with k's and whose estimated similarity reaches the threshold
// (graphrules.NearMatch decides which).
func findNear(ctx context.Context, q conn, k news.DedupKeys) (*news.Duplicate, error) {
	m := graphrules.NewNearMatch(k)
	if !m.Wanted() {
		return nil, nil
	}
	bands := make([]int64, len(k.Bands))
	for i, b := range k.Bands {
		bands[i] = int64(b)
	}
	rows, err := q.query(ctx, `SELECT m.article_id, m.sig FROM minhash m WHERE m.article_id IN
		(SELECT DISTINCT article_id FROM minhash_bands WHERE key = ANY(?::bigint[]))
		ORDER BY m.article_id`, bands)
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
	tsv, words := tsvectorOf(doc.Title, doc.Text)
	var res news.PutResult
	err = s.write(ctx, func(tx conn) error {
		res = news.PutResult{}
		dup, err := findDuplicate(ctx, tx, a.Keys)
		if err != nil {
			return err
		}
		now := s.now().UTC().Format(time.RFC3339)
		replace, err := sqlstore.KeepsNew(ctx, tx, a, dup)
		if err != nil {
			return err
		}
		if dup != nil && !replace {
			res.ArticleID, res.Duplicate = dup.ArticleID, dup
			return putDuplicate(ctx, tx, a, dup, now)
		}
		published := ""
		if !doc.Published.IsZero() {
			published = doc.Published.Format("2006-01-02")
		}
		var id int64
		err = tx.queryRow(ctx, `INSERT INTO articles
			(hash, canonical_url, url, source, feed, title, published, ingested, body, contract, language, tsv)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector) RETURNING id`,
			a.Keys.ContentHash, nullString(a.Keys.CanonicalURL), doc.URL, doc.Source, a.Feed, doc.Title,
			published, now, doc.Text, contract, articleLanguage(doc), tsv).Scan(&id)
		if err != nil {
			return err
		}
		res.ArticleID = id
		if _, err := tx.exec(ctx, `INSERT INTO search_words (word) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING`, words); err != nil {
			return err
		}
		if err := putMinHash(ctx, tx, id, a.Keys); err != nil {
			return err
		}
		if replace {
			// The copy it replaces goes first, so that the article's
			// entities, claims and contradictions are found as if it
			// had come first.
			res.Replaced = dup.ArticleID
			if err := sqlstore.RetireArticle(ctx, tx, dup, id); err != nil {
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

// putDuplicate records input a as a duplicate of a stored article, unless
// it is the same input again (same source and text): re-ingesting
// changes nothing.
func putDuplicate(ctx context.Context, tx conn, a *news.ArticleInput, dup *news.Duplicate, now string) error {
	if dup.Kind == news.DupExact {
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM articles WHERE id = ? AND source = ? AND hash = ?`,
			dup.ArticleID, a.Doc.Source, a.Keys.ContentHash).Scan(&n); err != nil || n > 0 {
			return err
		}
	}
	_, err := tx.exec(ctx, `INSERT INTO duplicates
		(article_id, kind, reason, similarity, hash, canonical_url, source, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`,
		dup.ArticleID, dup.Kind, dup.Reason, dup.Similarity, a.Keys.ContentHash, nullString(a.Keys.CanonicalURL), a.Doc.Source, now)
	return err
}

func putMinHash(ctx context.Context, tx conn, id int64, k news.DedupKeys) error {
	if len(k.MinHash) == 0 {
		return nil
	}
	if _, err := tx.exec(ctx, `INSERT INTO minhash (article_id, sig) VALUES (?, ?)`, id, dedup.EncodeSignature(k.MinHash)); err != nil {
		return err
	}
	bands := make([]int64, len(k.Bands))
	for i, b := range k.Bands {
		bands[i] = int64(b)
	}
	_, err := tx.exec(ctx, `INSERT INTO minhash_bands (key, article_id) SELECT unnest(?::bigint[]), ? ON CONFLICT DO NOTHING`, bands, id)
	return err
}

// articleWriter writes the normalised rows of one new article inside the
// article's transaction.
type articleWriter struct {
	tx        conn
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
	// nextEntity is the id of the next new entity (0: not read yet), and
	// newEntities those made and not yet written.
	nextEntity  int64
	newEntities []newEntity
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

// entity is the store entity of an article's entity id, nil (NULL) when
// none.
func (w *articleWriter) entity(local string) *int64 {
	if id, ok := w.entities[local]; ok {
		return &id
	}
	return nil
}

// writeQuotes stores the article's quotes in one statement.
func (w *articleWriter) writeQuotes() error {
	w.quotes = make(map[string]int64, len(w.doc.Quotes))
	if len(w.doc.Quotes) == 0 {
		return nil
	}
	n := len(w.doc.Quotes)
	local, kind, text, cue, sourcing := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	speaker := make([]*int64, n)
	for i, q := range w.doc.Quotes {
		local[i], kind[i], text[i], speaker[i], cue[i], sourcing[i] = q.ID, string(q.Kind), q.Text, w.entity(q.Speaker), q.Cue, string(q.Sourcing)
	}
	rows, err := w.tx.query(w.ctx, `INSERT INTO quotes (article_id, local_id, kind, text, speaker_id, cue, sourcing)
		SELECT ?::bigint, * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
		ON CONFLICT DO NOTHING RETURNING local_id, id`, w.article, local, kind, text, speaker, cue, sourcing)
	if err != nil {
		return err
	}
	return collectIDs(rows, w.quotes)
}

// collectIDs reads (local id, id) rows into m.
func collectIDs(rows pgx.Rows, m map[string]int64) error {
	defer rows.Close()
	for rows.Next() {
		var local string
		var id int64
		if err := rows.Scan(&local, &id); err != nil {
			return err
		}
		m[local] = id
	}
	return rows.Err()
}

// writeEvents stores the article's events in one statement.
func (w *articleWriter) writeEvents() error {
	n := len(w.doc.Events)
	if n == 0 {
		return nil
	}
	local, typ, date, trigger := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	actor, target, place := make([]*int64, n), make([]*int64, n), make([]*int64, n)
	negated, hedged := make([]bool, n), make([]bool, n)
	for i, v := range w.doc.Events {
		local[i], typ[i], date[i], trigger[i] = v.ID, v.Type, v.Date, v.Trigger.Text
		actor[i], target[i], place[i] = w.entity(v.Actor), w.entity(v.Target), w.entity(v.Place)
		negated[i], hedged[i] = v.Negated, v.Hedged
	}
	_, err := w.tx.exec(w.ctx, `INSERT INTO events
		(article_id, local_id, type, actor_id, target_id, place_id, date, trigger, negated, hedged)
		SELECT ?::bigint, * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::boolean[])
		ON CONFLICT DO NOTHING`, w.article, local, typ, actor, target, place, date, trigger, negated, hedged)
	return err
}

// writeClaims stores the article's claims in one statement.
func (w *articleWriter) writeClaims() error {
	w.claims = make(map[string]int64, len(w.doc.Claims))
	n := len(w.doc.Claims)
	if n == 0 {
		return nil
	}
	local, polarity, predicate, event, word, country, feature := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	speaker, subject, object, quote := make([]*int64, n), make([]*int64, n), make([]*int64, n), make([]*int64, n)
	for i, c := range w.doc.Claims {
		local[i], polarity[i], predicate[i], event[i], word[i], country[i], feature[i] = c.ID, string(c.Polarity), c.Predicate,
			c.Event, c.Word, c.ObjectCountry, c.ObjectFeature
		speaker[i], subject[i], object[i] = w.entity(c.Speaker), w.entity(c.Subject), w.entity(c.Object)
		if id, ok := w.quotes[c.Quote]; ok {
			quote[i] = &id
		}
	}
	rows, err := w.tx.query(w.ctx, `INSERT INTO claims
		(article_id, local_id, speaker_id, polarity, subject_id, predicate, object_id, quote_id, event,
		word, object_country, object_feature)
		SELECT ?::bigint, * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
			?::text[], ?::text[], ?::text[])
		ON CONFLICT DO NOTHING RETURNING local_id, id`,
		w.article, local, speaker, polarity, subject, predicate, object, quote, event, word, country, feature)
	if err != nil {
		return err
	}
	return collectIDs(rows, w.claims)
}

// writeContradictions stores the article's own contradictions, then
// compares each new claim with the stored claims of other articles about
// the same subject (the cross-article claim rule, w.compare).
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
		if _, err := w.tx.exec(w.ctx, `INSERT INTO contradictions (claim_a, claim_b, scope, why)
			VALUES (?, ?, 'article', ?) ON CONFLICT DO NOTHING`, a, b, k.Why); err != nil {
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
		n, err := w.crossContradictions(id)
		if err != nil {
			return 0, err
		}
		found += n
	}
	return found, nil
}

// crossContradictions compares stored claim id of this article with the
// claims of other articles about its subject, and stores the
// contradictions found: one per two speakers and subject, as within an
// article (the first found stands for the others).
func (w *articleWriter) crossContradictions(id int64) (int, error) {
	mine, err := claimByID(w.ctx, w.tx, id)
	if err != nil {
		return 0, err
	}
	if mine.SubjectID == 0 || mine.SpeakerID == 0 {
		return 0, nil
	}
	others, err := claimsAbout(w.ctx, w.tx, mine, w.article)
	if err != nil {
		return 0, err
	}
	found := 0
	for _, other := range others {
		ok, why := w.compare(other, mine)
		if !ok {
			continue
		}
		var seen int
		if err := w.tx.queryRow(w.ctx, `SELECT count(*) FROM contradictions k
			JOIN claims a ON a.id = k.claim_a JOIN claims b ON b.id = k.claim_b
			WHERE a.subject_id = ?1 AND ((a.speaker_id = ?2 AND b.speaker_id = ?3) OR (a.speaker_id = ?3 AND b.speaker_id = ?2))`,
			mine.SubjectID, other.SpeakerID, mine.SpeakerID).Scan(&seen); err != nil {
			return 0, err
		}
		if seen > 0 {
			continue
		}
		tag, err := w.tx.exec(w.ctx, `INSERT INTO contradictions (claim_a, claim_b, scope, why)
			VALUES (?, ?, 'cross', ?) ON CONFLICT DO NOTHING`, other.ID, mine.ID, why)
		if err != nil {
			return 0, err
		}
		found += int(tag.RowsAffected())
	}
	return found, nil
}

// nullString is s, or nil (NULL) when s is "".
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
