package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadClean measures decoding and cleaning the PolNeAR dev texts
// (84 political news articles, plain text), reporting MB/s of input.
func BenchmarkReadClean(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) == 0 {
		b.Skip("shared data absent: PolNeAR dev texts")
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
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for k, data := range inputs {
			if _, err := FromBytes(paths[k], data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractHTML measures reading benchmark pages through
// go-trafilatura and cleaning, reporting MB/s of HTML.
func BenchmarkExtractHTML(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(benchDir, "html", "*.html.gz"))
	if len(paths) == 0 {
		b.Skip("shared data absent: article extraction benchmark")
	}
	paths = paths[:min(len(paths), 40)]
	inputs := make([][]byte, len(paths))
	var size int64
	for i, p := range paths {
		inputs[i] = mustReadGz(b, p)
		size += int64(len(inputs[i]))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for k, data := range inputs {
			FromBytes(paths[k], data, Options{})
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/b.Elapsed().Seconds(), "pages/s")
}
