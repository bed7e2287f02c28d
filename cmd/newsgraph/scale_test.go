package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
)

// longNews returns about n bytes of real news text with non-ASCII
// characters mixed in (é, ü, “ ”, —, 中国), as one article: the PolNeAR
// train texts one after another, repeated as needed, cut at a line end. It
// skips when the texts are absent.
func longNews(tb testing.TB, n int) string {
	tb.Helper()
	paths, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(paths) == 0 {
		tb.Skip("PolNeAR train texts not found under ../shared/data")
	}
	sort.Strings(paths)
	var b strings.Builder
	for k := 0; b.Len() < n; k++ {
		data, err := os.ReadFile(paths[k%len(paths)])
		if err != nil {
			tb.Fatal(err)
		}
		b.WriteString(strings.TrimSpace(mixUnicode(string(data), k)))
		b.WriteString("\n\n")
	}
	text := b.String()[:n]
	if i := strings.LastIndexByte(text, '\n'); i > 0 {
		text = text[:i]
	}
	return text
}

// mixUnicode writes every 40th "e" as "é", every 30th "u" as "ü", and
// adds " 中国 —" after every 50th full stop.
func mixUnicode(s string, seed int) string {
	var b strings.Builder
	ne, nu, nd := seed, seed, seed
	for _, r := range s {
		switch r {
		case 'e':
			if ne++; ne%40 == 0 {
				r = 'é'
			}
		case 'u':
			if nu++; nu%30 == 0 {
				r = 'ü'
			}
		case '.':
			if nd++; nd%50 == 0 {
				b.WriteString(". 中国 —")
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// scaleRunner returns the extraction pipeline as extract wires it, with
// the GeoNames index of the shared data.
func scaleRunner(tb testing.TB) *pipeline.Runner {
	tb.Helper()
	r, err := stages.New(stages.Options{Gazetteer: gazetteertest.MustIndex(tb)})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// extractText runs text through what extract does to a file: clean, run
// the stages, write the contract JSON.
func extractText(tb testing.TB, r *pipeline.Runner, text string) []byte {
	doc, err := ingest.FromBytes("long.txt", []byte(text), ingest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.Run(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	data, err := news.MarshalContract(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

var scaleSizes = []struct {
	name string
	n    int
}{{"100KB", 100 << 10}, {"1MB", 1 << 20}, {"4MB", 4 << 20}}

// BenchmarkPipelineScale measures the whole extraction of one long
// mixed-Unicode article (clean, every stage, contract JSON) at 100 KB, 1 MB
// and 4 MB. Every stage is linear or n log n in the text, so MB/s stays
// about the same across the sizes:
//
//	go test -run '^$' -bench PipelineScale -benchtime 1x ./cmd/newsgraph
func BenchmarkPipelineScale(b *testing.B) {
	r := scaleRunner(b)
	for _, size := range scaleSizes {
		text := longNews(b, size.n)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				extractText(b, r, text)
			}
		})
	}
}

// BenchmarkMarshalContractScale measures the contract writer alone on the
// documents of BenchmarkPipelineScale.
func BenchmarkMarshalContractScale(b *testing.B) {
	r := scaleRunner(b)
	for _, size := range scaleSizes {
		doc, err := ingest.FromBytes("long.txt", []byte(longNews(b, size.n)), ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			for i := 0; i < b.N; i++ {
				if _, err := news.MarshalContract(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// peakHeap returns the most heap in use while f runs, above what was in
// use before: the live heap at the end of each garbage collection, with
// collections made frequent (GOGC=10) so that the peak is not missed by
// much.
func peakHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	live := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	runtime.GC()
	base := live()
	var mu sync.Mutex
	peak, done := base, false
	var watch func()
	watch = func() { // a finalizer that sets itself again runs after every collection
		type sentinel struct{ _ [16]byte }
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			mu.Lock()
			defer mu.Unlock()
			if !done {
				peak = max(peak, live())
				watch()
			}
		})
	}
	watch()
	f()
	runtime.GC()
	mu.Lock()
	done = true
	mu.Unlock()
	return peak - base
}

// TestPipelineMemoryIsLinear guards the memory of extracting one article
// (clean, every stage, contract JSON): per byte of text it does not grow
// with the text, and a text of nothing but marks (which took 2.1 GB for
// 10 MB, a 32-byte token per byte) stays small.
func TestPipelineMemoryIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over 1.5 MB of text")
	}
	r := scaleRunner(t)
	extractText(t, r, longNews(t, 50<<10)) // load what stages load once (tables, pools)
	perByte := func(text string) float64 {
		return float64(peakHeap(func() { extractText(t, r, text) })) / float64(len(text))
	}
	// Each figure is the mean over three sizes around it: buffers and maps
	// that double as they grow make one size's figure swing by up to a
	// half, depending on where it falls between two doublings.
	mean := func(sizes ...int) float64 {
		sum := 0.0
		for _, n := range sizes {
			sum += perByte(longNews(t, n))
		}
		return sum / float64(len(sizes))
	}
	small, large := mean(192<<10, 256<<10, 320<<10), mean(768<<10, 1<<20, 1280<<10)
	t.Logf("news: %.1f bytes of heap per byte of text at 256 KB, %.1f at 1 MB", small, large)
	if large > 1.5*small {
		t.Errorf("news: %.1f bytes of heap per byte of text at 1 MB, %.1f at 256 KB; want about the same", large, small)
	}
	marks := perByte(strings.Repeat(`"`, 1<<20))
	t.Logf("1 MB of quotation marks: %.1f bytes of heap per byte", marks)
	// 209 bytes per byte before the segmenter kept a run of one mark as one
	// token; what is left (14-18 measured, depending on when collections
	// fall) is the text, its JSON escaping and the stages' buffers.
	if marks > 32 {
		t.Errorf("1 MB of quotation marks: %.1f bytes of heap per byte of text, want at most 32", marks)
	}
}
