package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
	"github.com/newsgraph/newsgraph/internal/extract/event"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/watch"
)

// benchRules is the number of rules BenchmarkEvaluate10kRules watches.
const benchRules = 10000

// BenchmarkEvaluate10kRules measures what 10,000 rules cost per article
// when it is stored: the articles are the reference article and PolNeAR
// dev, ingested with GeoNames; the rules name entities (a third of them
// entities of these articles, the rest other names), event types with a
// country, countries, claims and quotes, as analysts' watchlists would.
// "evaluate" is the matcher on an article already read (ns/op is per
// article); "load+evaluate" adds reading the article's contract, store
// entities, their names and cross-article contradictions from SQLite, as
// ingest does for each new article. cpu-ms/article is the process's CPU
// time per article, which the machine's other work does not inflate.
//
//	go test -run '^$' -bench Evaluate10kRules ./cmd/newsgraph
func BenchmarkEvaluate10kRules(b *testing.B) {
	store, ids := benchWatchStore(b)
	ctx := context.Background()
	w := benchWatchlist(b, store)
	m, err := watch.DryRun(w)
	if err != nil {
		b.Fatal(err)
	}
	articles := make([]*watch.Article, len(ids))
	for i, id := range ids {
		if articles[i], err = watch.LoadArticle(ctx, store, id); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("evaluate", func(b *testing.B) {
		alerts := 0
		start := benchcpu.Now()
		for i := 0; b.Loop(); i++ {
			got, err := m.Evaluate(ctx, articles[i%len(articles)], store)
			if err != nil {
				b.Fatal(err)
			}
			alerts += len(got)
		}
		benchcpu.Report(b, start, 1, "article")
		b.ReportMetric(float64(alerts)/float64(b.N), "alerts/article")
	})
	b.Run("load+evaluate", func(b *testing.B) {
		start := benchcpu.Now()
		for i := 0; b.Loop(); i++ {
			if _, err := watch.Evaluate(ctx, m, store, ids[i%len(ids)]); err != nil {
				b.Fatal(err)
			}
		}
		benchcpu.Report(b, start, 1, "article")
	})
}

// benchWatchStore ingests the reference article and PolNeAR dev, with
// GeoNames, into a new store, and returns it with its article ids.
func benchWatchStore(b *testing.B) (*sqlite.DB, []int64) {
	b.Helper()
	if _, err := os.Stat(filepath.Join(sharedGeoNames, "cities15000.txt")); err != nil {
		b.Skipf("shared GeoNames copy not found: %v", err)
	}
	if _, err := os.Stat(seedArticle); err != nil {
		b.Skipf("reference article not found: %v", err)
	}
	dir := b.TempDir()
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := runMain(env, []string{"setup", "--from", sharedGeoNames, "--data", filepath.Join(dir, "data")}); code != 0 {
		b.Fatalf("setup: %s", errOut.String())
	}
	b.Setenv("NEWSGRAPH_DATA", filepath.Join(dir, "data"))
	db := filepath.Join(dir, "news.db")
	for _, args := range [][]string{{"--published", referenceDate, seedArticle}, {polnearDev}} {
		if code := runMain(env, append([]string{"ingest", "--db", db, "--no-progress"}, args...)); code != 0 {
			b.Fatalf("ingest: %s", errOut.String())
		}
	}
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: db})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	var ids []int64
	err = store.EachArticle(context.Background(), func(a *news.StoredArticle) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || len(ids) < 2 {
		b.Fatalf("articles: %v, %v", ids, err)
	}
	return store, ids
}

// benchQueries are the full-text queries of the benchmark's rules.
var benchQueries = []string{"election", "security OR defence", `"foreign policy"`, "taxes -estate", "immigra*", "campaign debate",
	"nuclear", "police shooting", "economy OR jobs", "terror*", "russia hack*", "health care", "border wall", "trade deal",
	"supreme court", "climate", "refugees", "military", "email*", "poll*"}

// benchWatchlist makes benchRules rules from the store's entity names and
// made-up ones, deterministically.
func benchWatchlist(b *testing.B, store *sqlite.DB) *watch.Watchlist {
	b.Helper()
	top, err := store.TopEntities(context.Background(), news.EntityBrowseQuery{Limit: 3000})
	if err != nil {
		b.Fatal(err)
	}
	var real []string
	for _, e := range top {
		real = append(real, e.Name)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	name := func() *watch.EntityRef {
		if rng.IntN(3) == 0 {
			return &watch.EntityRef{Name: real[rng.IntN(len(real))]}
		}
		return &watch.EntityRef{Name: fmt.Sprintf("Person %d", rng.IntN(20000))}
	}
	types := event.Types()
	countries := []string{"PK", "AF", "IN", "IR", "IQ", "SY", "US", "RU", "UA", "CN", "GB", "FR", "DE", "TR", "EG", "NG", "KE", "BR", "MX", "JP"}
	w := &watch.Watchlist{Name: "bench"}
	for i := range benchRules {
		r := watch.Rule{Name: fmt.Sprintf("rule %d", i)}
		switch k := rng.IntN(20); {
		case k < 10: // an entity mentioned
			r.Entity = name()
		case k < 13: // an entity as the actor of an event
			r.Entity, r.Role, r.Events = name(), watch.RoleActor, []string{types[rng.IntN(len(types))]}
		case k < 15: // a denial about an entity
			r.Entity, r.Stance = name(), watch.StanceDeny
		case k < 16: // a quote by an entity mentioning another
			r.Entity, r.QuoteMentions = name(), name()
		case k < 18: // an event type in a country
			r.Events, r.Place = []string{types[rng.IntN(len(types))]}, &watch.Place{Country: countries[rng.IntN(len(countries))]}
		case k < 19: // a country
			r.Place = &watch.Place{Country: countries[rng.IntN(len(countries))]}
		default: // an entity and words
			r.Entity, r.Query = name(), benchQueries[rng.IntN(len(benchQueries))]
		}
		w.Rules = append(w.Rules, r)
	}
	return w
}
