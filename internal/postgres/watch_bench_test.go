package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

// BenchmarkPutAlerts stores one alert per op on as many articles, for a
// watchlist without a webhook and one with (the trigger then queues each
// alert in the outbox in the same transaction): the outbox's cost to
// ingest, as internal/sqlite's BenchmarkPutAlerts measures it there.
func BenchmarkPutAlerts(b *testing.B) {
	for _, hooked := range []bool{false, true} {
		b.Run(fmt.Sprintf("webhook=%v", hooked), func(b *testing.B) {
			ctx := context.Background()
			db := MustOpen(b, postgres.Config{})
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

// BenchmarkClaimDeliveries claims and records, one at a time, deliveries
// queued for 20 webhooks: the deliverer's round trip per alert.
func BenchmarkClaimDeliveries(b *testing.B) {
	ctx := context.Background()
	db := MustOpen(b, postgres.Config{})
	defer db.Close()
	res, err := db.PutArticle(ctx, newstest.Input(newstest.MustDoc(b, newstest.DocSpec{Source: "a.txt", Text: "Article.\n" + newstest.Filler(1, 60)})))
	if err != nil {
		b.Fatal(err)
	}
	var lists []*news.Watchlist
	for i := range 20 {
		wl, err := db.PutWatchlist(ctx, &news.Watchlist{Name: fmt.Sprintf("w%d", i), Spec: []byte(`{}`), Rules: []news.WatchRule{{Name: "r"}}})
		if err == nil {
			err = db.PutWebhook(ctx, wl.ID, alert.Webhook{URL: "https://hooks.example/x", Secret: "0123456789abcdef"})
		}
		if err != nil {
			b.Fatal(err)
		}
		lists = append(lists, wl)
	}
	// Each watchlist's rule fires once on the article: 20 deliveries. A
	// delivery recorded pending again is due at once, so the queue stays.
	for _, wl := range lists {
		if _, err := db.PutAlerts(ctx, []news.Alert{{WatchlistID: wl.ID, RuleID: wl.Rules[0].ID, Article: news.AlertArticle{ID: res.ArticleID}, Why: "w"}}); err != nil {
			b.Fatal(err)
		}
	}
	now := time.Now()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		ds, err := db.ClaimDeliveries(ctx, now, 1, 0)
		if err != nil || len(ds) != 1 {
			b.Fatalf("claim: %v, %d", err, len(ds))
		}
		if err := db.RecordDelivery(ctx, alert.Outcome{AlertID: ds[0].AlertID, Attempts: 1, State: alert.StatePending, Next: now}); err != nil {
			b.Fatal(err)
		}
	}
}
