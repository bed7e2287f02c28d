package main

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// BenchmarkExtractNews measures what extract does to each article after
// start-up (clean, every stage with the GeoNames index of the shared data,
// contract JSON) on the 84 PolNeAR dev articles, one at a time: articles/s,
// the CPU time per article (cpu-ms/article, which holds still on a busy
// machine) and each stage's share of the time (%stage). Issue 14 asks for
// 200 articles/s on two cores and the syntax stage at most 25%:
//
//	go test -run '^$' -bench ExtractNews -benchtime 5x -count 5 ./cmd/newsgraph
func BenchmarkExtractNews(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) == 0 {
		b.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	sort.Strings(paths)
	texts := make([]string, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = string(data)
	}
	r := scaleRunner(b)
	stages := map[string]time.Duration{}
	var total time.Duration
	b.ReportAllocs()
	cpu := benchcpu.Now()
	for b.Loop() {
		for _, text := range texts {
			for _, t := range extractTimed(b, r, text) {
				stages[t.Stage] += t.Duration
				total += t.Duration
			}
		}
	}
	benchcpu.Report(b, cpu, len(texts), "article")
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	for name, d := range stages {
		b.ReportMetric(100*float64(d)/float64(total), "%"+name)
	}
}

// extractTimed is extractText that returns the stage timings.
func extractTimed(tb testing.TB, r *pipeline.Runner, text string) []news.StageTiming {
	doc, err := ingest.FromBytes("news.txt", []byte(text), ingest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.Run(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	if _, err := news.MarshalContract(doc); err != nil {
		tb.Fatal(err)
	}
	return doc.Timings
}
