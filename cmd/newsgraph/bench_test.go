package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/ingest"
)

// BenchmarkCleanAndSegment measures reading, cleaning and segmenting the
// PolNeAR dev articles (84 political news texts), as extract does before
// the NLP stages: MB/s of input and articles/s.
func BenchmarkCleanAndSegment(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) == 0 {
		b.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	inputs := make([][]byte, len(paths))
	var size int64
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs[i] = data
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, data := range inputs {
			doc, err := ingest.FromBytes(paths[k], data, ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			doc.Sentences, doc.Tokens = segment.Segment(doc.Text)
		}
	}
	b.ReportMetric(float64(len(inputs))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
