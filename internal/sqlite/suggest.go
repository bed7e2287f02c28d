package sqlite

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlstore"
)

// SuggestEntities implements news.Store with the shared query
// (sqlstore.SuggestEntities).
func (s *DB) SuggestEntities(ctx context.Context, name, typ string, limit int) ([]news.StoredEntity, bool, error) {
	return sqlstore.SuggestEntities(ctx, s.q(), name, typ, limit)
}
