package ner

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// BenchmarkStageNews measures the ner stage as extract runs it (with the
// GeoNames index) on the PolNeAR dev articles, 84 political news texts
// segmented beforehand: articles/s and tokens/s, and the CPU time per
// article (cpu-ms/article), which holds still on a busy machine.
//
//	go test -run '^$' -bench StageNews -benchtime 10x -count 5 ./internal/extract/ner
func BenchmarkStageNews(b *testing.B) {
	paths, _ := filepath.Glob("../../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) == 0 {
		b.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	cfg := DefaultConfig()
	cfg.Gazetteer = gazetteertest.MustIndex(b)
	st, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*news.Doc, len(paths))
	tokens := 0
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = &news.Doc{Text: string(data)}
		docs[i].Sentences, docs[i].Tokens = segment.Segment(docs[i].Text)
		tokens += len(docs[i].Tokens)
	}
	b.ReportAllocs()
	cpu := benchcpu.Now()
	for b.Loop() {
		for _, d := range docs {
			if err := st.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	benchcpu.Report(b, cpu, len(docs), "article")
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(docs))*float64(b.N)/secs, "articles/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/secs, "tokens/s")
}
