package sqlite

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// The browsing queries of the HTTP API and web UI (events, quotes about an
// entity, the entity graph, article entity ids, places) are the shared ones
// of internal/sqlstore.

// Events implements news.Store.
func (s *DB) Events(ctx context.Context, q news.EventQuery) ([]news.StoredEvent, error) {
	return sqlstore.Events(ctx, s.q(), q)
}

// QuotesAbout implements news.Store.
func (s *DB) QuotesAbout(ctx context.Context, q news.QuoteAboutQuery) ([]news.StoredQuote, error) {
	return sqlstore.QuotesAbout(ctx, s.q(), q)
}

// Graph implements news.Store.
func (s *DB) Graph(ctx context.Context, q news.GraphQuery) (*news.Graph, error) {
	return sqlstore.Graph(ctx, s.q(), q)
}

// ArticleEntities implements news.Store.
func (s *DB) ArticleEntities(ctx context.Context, articleID int64) (map[string]int64, error) {
	return sqlstore.ArticleEntities(ctx, s.q(), articleID)
}

// Places implements news.Store.
func (s *DB) Places(ctx context.Context, limit int) ([]news.PlaceCount, error) {
	return sqlstore.Places(ctx, s.q(), limit)
}
