package segment

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSegment measures tokenizing and sentence splitting on the
// PolNeAR dev articles (84 political news texts).
func BenchmarkSegment(b *testing.B) {
	texts := polnearDevTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Segment(t)
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func polnearDevTexts(b *testing.B) []string {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "data", "polnear", "dev", "text", "*.txt"))
	if len(paths) == 0 {
		b.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}
