package sqlite_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// BenchmarkSearchAndCount measures a page of search hits and the total
// that the API and the UI add to it (CountSearch), on 2,000 synthetic
// articles (corpusStore), for a prefix, a prefix with an exclusion, and a
// word:
//
//	go test -run '^$' -bench SearchAndCount ./internal/sqlite
func BenchmarkSearchAndCount(b *testing.B) {
	db := corpusStore(b, 2000, sqlite.Config{})
	ctx := context.Background()
	for _, text := range []string{"tat*", "tat* -kak*", "tata"} {
		q := news.SearchQuery{Text: text}
		b.Run("search "+text, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("count "+text, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.CountSearch(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
