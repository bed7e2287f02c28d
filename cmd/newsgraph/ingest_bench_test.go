package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// BenchmarkIngest ingests the 840 PolNeAR train articles into a new database
// with the full pipeline, as 'newsgraph ingest DIR' does: reading,
// cleaning, dedup keys, every extraction stage, and the store. It reports
// articles/s, the CPU time per article (which, unlike articles/s, does not
// depend on what else the machine runs: 2 cores give at most 2000/cpu-ms
// articles/s) and the database size per article.
//
//	go test -run - -bench Ingest -benchtime 2x ./cmd/newsgraph
func BenchmarkIngest(b *testing.B) {
	const n = 840
	dir := copyTexts(b, "../../../shared/data/polnear/train/text", n)
	var size, articles int64
	cpu0 := cpuTime()
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
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n*b.N), "cpu-ms/article")
	if articles > 0 {
		b.ReportMetric(float64(size)/float64(articles), "db-bytes/article")
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// copyTexts copies the first n .txt files of src into a new directory.
func copyTexts(tb testing.TB, src string, n int) string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(src, "*.txt"))
	if len(paths) < n {
		tb.Skipf("need %d texts in %s, found %d", n, src, len(paths))
	}
	dir := tb.TempDir()
	for _, p := range paths[:n] {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
