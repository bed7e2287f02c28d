package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// BenchmarkIngest ingests the 84 PolNeAR dev articles into a new database
// with the full pipeline, as 'newsgraph ingest DIR' does: reading,
// cleaning, dedup keys, every extraction stage, and the store. It reports
// articles/s and the database size per article.
//
//	go test -run - -bench Ingest -benchtime 3x ./cmd/newsgraph
func BenchmarkIngest(b *testing.B) {
	dir := newsFiles(b, 84)
	var size, articles int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "news.db")
		env := &environment{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
		b.StartTimer()
		if code := runMain(env, []string{"ingest", "--db", db, "--no-progress", dir}); code != 0 {
			b.Fatalf("ingest: exit %d", code)
		}
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), sqlite.Config{Path: db})
		if err != nil {
			b.Fatal(err)
		}
		st, _ := store.Stats(context.Background())
		store.Close()
		size, articles = st.Bytes, int64(st.Articles)
		b.StartTimer()
	}
	b.ReportMetric(float64(84*b.N)/b.Elapsed().Seconds(), "articles/s")
	if articles > 0 {
		b.ReportMetric(float64(size)/float64(articles), "db-bytes/article")
	}
}
