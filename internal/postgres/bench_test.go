package postgres

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

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/news"
)

// benchArticles is how many articles BenchmarkSearch loads;
// NEWSGRAPH_BENCH_ARTICLES overrides it (internal/sqlite's BenchmarkSearch
// reads the same variable, so both stores can be measured on one size).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// benchLoadLimit bounds the time BenchmarkSearch spends loading articles
// (NEWSGRAPH_BENCH_LOAD_LIMIT, a Go duration; default 5m): it searches
// what it loaded by then, and logs the size reached.
func benchLoadLimit() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("NEWSGRAPH_BENCH_LOAD_LIMIT")); err == nil && d > 0 {
		return d
	}
	return 5 * time.Minute
}

// paragraphs returns the paragraphs of the PolNeAR texts (train and dev),
// as internal/sqlite's BenchmarkSearch reads them.
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

// benchDoc is article i of the generated corpus: the same draw as
// internal/sqlite's BenchmarkSearch (a run of paragraphs of one article,
// a paragraph of another, a date in 2015-2016), so that both stores hold
// the same texts.
func benchDoc(rng *rand.Rand, texts [][]string, i int) *news.Doc {
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	src := texts[rng.Intn(len(texts))]
	from := rng.Intn(len(src))
	to := min(len(src), from+2+rng.Intn(4))
	other := texts[rng.Intn(len(texts))]
	body := strings.Join(src[from:to], "\n") + "\n" + other[rng.Intn(len(other))] + fmt.Sprintf("\n(%d)", i)
	title := strings.Fields(src[from])
	return &news.Doc{Source: fmt.Sprintf("gen/%d.txt", i), Title: strings.Join(title[:min(8, len(title))], " "), Text: body,
		Language: "en", Published: day.AddDate(0, 0, rng.Intn(730))}
}

// bulkLoad writes docs straight into the articles table with COPY (their
// contract JSON, full-text vector and words as PutArticle writes them),
// without entities: search reads nothing else. It is for benchmarks only.
func bulkLoad(ctx context.Context, s *DB, docs []*news.Doc) error {
	rows := make([][]any, 0, len(docs))
	words := map[string]bool{}
	now := time.Now().UTC().Format(time.RFC3339)
	for _, d := range docs {
		contract, err := news.MarshalContract(d)
		if err != nil {
			return err
		}
		tsv, ws := tsvectorOf(d.Title, d.Text)
		for _, w := range ws {
			words[w] = true
		}
		rows = append(rows, []any{news.ContentID(d.Text), d.Source, d.Title, d.Published.Format("2006-01-02"), now, d.Text,
			contract, "en", tsv})
	}
	_, err := s.pool.CopyFrom(ctx, pgx.Identifier{"articles"},
		[]string{"hash", "source", "title", "published", "ingested", "body", "contract", "language", "tsv"}, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy articles: %w", err)
	}
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, list)
	return err
}

// BenchmarkSearch loads up to 100k generated articles (the corpus of
// internal/sqlite's BenchmarkSearch) into a schema of the test server
// (NEWSGRAPH_TEST_POSTGRES) by COPY, in batches of 5,000, for at most
// NEWSGRAPH_BENCH_LOAD_LIMIT, and measures the same searches, reporting
// the median, 95th and 99th percentile latency:
//
//	NEWSGRAPH_TEST_POSTGRES=postgres://... go test -run - -bench Search -benchtime 200x ./internal/postgres
//	go test -run - -bench Search -benchtime 200x ./internal/sqlite    # the same corpus in SQLite
func BenchmarkSearch(b *testing.B) {
	url := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if url == "" {
		b.Skip("NEWSGRAPH_TEST_POSTGRES is not set: no PostgreSQL server to measure")
	}
	texts := paragraphs(b)
	ctx := context.Background()
	schema := fmt.Sprintf("newsgraph_bench_%d", os.Getpid())
	db, err := Open(ctx, Config{URL: url, Schema: schema})
	if err != nil {
		b.Fatal(err)
	}
	defer db.DropSchema(ctx)
	n, limit := benchArticles(), benchLoadLimit()
	rng := rand.New(rand.NewSource(1))
	start := time.Now()
	loaded := 0
	for loaded < n && time.Since(start) < limit {
		batch := make([]*news.Doc, 0, 5000)
		for len(batch) < cap(batch) && loaded+len(batch) < n {
			batch = append(batch, benchDoc(rng, texts, loaded+len(batch)))
		}
		if err := bulkLoad(ctx, db, batch); err != nil {
			b.Fatal(err)
		}
		loaded += len(batch)
	}
	took := time.Since(start)
	if err := db.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d of %d articles in %s (%.0f articles/s; limit %s); %.1f MB, %d bytes per article",
		st.Articles, n, took.Round(time.Second), float64(loaded)/took.Seconds(), limit, float64(st.Bytes)/1e6,
		st.Bytes/int64(max(st.Articles, 1)))
	for _, q := range benchQueries {
		name := strings.NewReplacer(" ", "_", `"`, "", "*", "+").Replace(q.Text)
		if q.Exhaustive {
			name += "_exhaustive"
		}
		b.Run(name, func(b *testing.B) { measureSearch(b, db, q) })
	}
}

// benchQueries are internal/sqlite's BenchmarkSearch queries.
var benchQueries = []news.SearchQuery{
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

// measureSearch runs q b.N times and reports its latency percentiles.
func measureSearch(b *testing.B, db *DB, q news.SearchQuery) {
	ctx := context.Background()
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
	ms := func(p int) float64 { return float64(took[min(len(took)-1, len(took)*p/100)].Microseconds()) / 1000 }
	b.ReportMetric(ms(50), "p50-ms")
	b.ReportMetric(ms(95), "p95-ms")
	b.ReportMetric(ms(99), "p99-ms")
}
