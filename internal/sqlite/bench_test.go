package sqlite_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// benchArticles is how many articles BenchmarkSearch stores;
// NEWSGRAPH_BENCH_ARTICLES overrides it (for a quicker run).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// paragraphs returns the paragraphs of the PolNeAR texts (train and dev).
func paragraphs(tb testing.TB) [][]string {
	paths, _ := filepath.Glob("../../../shared/data/polnear/*/text/*.txt")
	if len(paths) < 100 {
		tb.Skip("PolNeAR texts not found under ../shared/data")
	}
	sort.Strings(paths)
	var out [][]string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var paras []string
		for _, para := range strings.Split(string(data), "\n") {
			if len(strings.TrimSpace(para)) > 40 {
				paras = append(paras, strings.TrimSpace(para))
			}
		}
		if len(paras) > 0 {
			out = append(out, paras)
		}
	}
	return out
}

// BenchmarkSearch stores 100k articles made by repeating and varying real
// texts (a run of paragraphs from one article, a paragraph of another, a
// date) and measures full-text search with and without filters. It
// reports the median, 95th and 99th percentile latency and the database
// size per article. internal/postgres's BenchmarkSearch stores the same
// articles.
//
//	go test -run - -bench Search -benchtime 200x ./internal/sqlite
func BenchmarkSearch(b *testing.B) {
	texts := paragraphs(b)
	n := benchArticles()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewSource(1))
	start := time.Now()
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		src := texts[rng.Intn(len(texts))]
		from := rng.Intn(len(src))
		to := min(len(src), from+2+rng.Intn(4))
		other := texts[rng.Intn(len(texts))]
		body := strings.Join(src[from:to], "\n") + "\n" + other[rng.Intn(len(other))] + fmt.Sprintf("\n(%d)", i)
		doc := &news.Doc{Source: fmt.Sprintf("gen/%d.txt", i), Title: firstWords(src[from], 8), Text: body, Language: "en",
			Published: day.AddDate(0, 0, rng.Intn(730))}
		// No MinHash: variants of one text would be linked as near-duplicates.
		in := &news.ArticleInput{Doc: doc, Keys: news.DedupKeys{ContentHash: news.ContentID(body)}}
		if _, err := db.PutArticle(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	loaded := time.Since(start)
	if os.Getenv("NEWSGRAPH_BENCH_NO_OPTIMIZE") == "" {
		t := time.Now()
		if err := db.Optimize(ctx); err != nil {
			b.Fatal(err)
		}
		b.Logf("optimized the full-text index in %s", time.Since(t).Round(time.Millisecond))
	}
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("stored %d articles in %s (%.0f articles/s); %.1f MB, %d bytes per article",
		st.Articles, loaded.Round(time.Second), float64(n)/loaded.Seconds(), float64(st.Bytes)/1e6, st.Bytes/int64(max(st.Articles, 1)))

	queries := []news.SearchQuery{
		{Text: "clinton emails"},
		{Text: `"white house"`},
		{Text: "russia hack*"},
		{Text: "debate moderator"},
		{Text: "trump"},
		{Text: "trump", Exhaustive: true},
		{Text: "islamic state"},
		{Text: "supreme court nominee"},
		{Text: "polls OR survey"},
		{Text: "campaign", Since: "2015-06-01", Until: "2015-08-31"},
		{Text: "obamacare premiums"},
	}
	for _, q := range queries {
		name := strings.NewReplacer(" ", "_", `"`, "", "*", "+").Replace(q.Text)
		if q.Exhaustive {
			name += "_exhaustive"
		}
		b.Run(name, func(b *testing.B) {
			var took []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				if _, err := db.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t))
			}
			sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
