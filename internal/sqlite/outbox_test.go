package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// BenchmarkPutAlerts stores one alert per op on as many articles, for a
// watchlist without a webhook and one with (the trigger then queues each
// alert in the outbox in the same transaction): the outbox's cost to
// ingest.
func BenchmarkPutAlerts(b *testing.B) {
	for _, hooked := range []bool{false, true} {
		b.Run(fmt.Sprintf("webhook=%v", hooked), func(b *testing.B) {
			ctx := context.Background()
			db, err := sqlite.Open(ctx, sqlite.Config{Path: filepath.Join(b.TempDir(), "news.db")})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			const articles = 200
			var ids []int64
			for i := range articles {
				doc := newstest.MustDoc(b, newstest.DocSpec{Source: fmt.Sprintf("a%d.txt", i), Text: fmt.Sprintf("Article %d.\n", i) + newstest.Filler(i, 60)})
				res, err := db.PutArticle(ctx, newstest.Input(doc))
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, res.ArticleID)
			}
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				wl, err := db.PutWatchlist(ctx, &news.Watchlist{Name: fmt.Sprintf("w%d", n), Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
				if err == nil && hooked {
					err = db.PutWebhook(ctx, wl.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"})
				}
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for _, id := range ids {
					if _, err := db.PutAlerts(ctx, []news.Alert{{WatchlistID: wl.ID, RuleID: wl.Rules[0].ID, Article: news.AlertArticle{ID: id}, Why: "w"}}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*articles), "µs/alert")
		})
	}
}
