package dedup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func TestCanonicalURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"https://www.Dawn.com/news/1164567/", "https://dawn.com/news/1164567"},
		{"http://dawn.com/news/1164567?utm_source=twitter&utm_medium=social#comments", "https://dawn.com/news/1164567"},
		{"https://dawn.com:443/news/x?b=2&a=1&fbclid=abc", "https://dawn.com/news/x?a=1&b=2"},
		{"https://dawn.com:8080/news/x", "https://dawn.com:8080/news/x"},
		{"https://dawn.com/news/index.html", "https://dawn.com/news"},
		{"https://dawn.com/News/X", "https://dawn.com/News/X"}, // paths are case-sensitive
		{"not a url", "not a url"},
	}
	for _, c := range cases {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func readTexts(tb testing.TB, n int) []string {
	tb.Helper()
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) < n {
		tb.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	out := make([]string, n)
	for i := range out {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = string(data)
	}
	return out
}

// TestNearDuplicates checks the similarity of wire copies (a byline, a
// dateline and a closing line added, a paragraph dropped) against that of
// different articles on the same subject.
func TestNearDuplicates(t *testing.T) {
	texts := readTexts(t, 40)
	cfg := DefaultConfig()
	for i, text := range texts[:10] {
		paras := strings.Split(strings.TrimSpace(text), "\n")
		edited := "By Staff Reporter\nWASHINGTON (AP) — " + strings.Join(paras[:len(paras)-1], "\n") + "\nCopyright 2016 The Associated Press."
		if len(paras) < 6 {
			continue
		}
		sim := Similarity(cfg.MinHash(text), cfg.MinHash(edited))
		if sim < cfg.Threshold {
			t.Errorf("text %d: a wire copy has similarity %.2f, want >= %.2f", i, sim, cfg.Threshold)
		}
		if !shareBand(cfg.BandKeys(cfg.MinHash(text)), cfg.BandKeys(cfg.MinHash(edited))) {
			t.Errorf("text %d: the wire copy shares no LSH band", i)
		}
	}
	worst := 0.0
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if texts[i] == texts[j] {
				continue
			}
			if sim := Similarity(cfg.MinHash(texts[i]), cfg.MinHash(texts[j])); sim > worst {
				worst = sim
			}
		}
	}
	if worst >= cfg.Threshold {
		t.Errorf("two different articles have similarity %.2f, want < %.2f", worst, cfg.Threshold)
	}
	t.Logf("highest similarity of different articles: %.2f", worst)
}

func shareBand(a, b []uint64) bool {
	for i := range a {
		if i < len(b) && a[i] == b[i] {
			return true
		}
	}
	return false
}

func TestKeys(t *testing.T) {
	doc := &news.Doc{URL: "https://www.x.example/a?utm_campaign=z", Text: "short text"}
	k := DefaultConfig().Keys(doc)
	if k.CanonicalURL != "https://x.example/a" || k.ContentHash != news.ContentID("short text") || k.MinHash != nil || k.NearThreshold != 0 {
		t.Errorf("keys of a short text: %+v, want no signature", k)
	}
	doc.Text = strings.Repeat("the council met on monday to discuss the budget ", 10)
	k = DefaultConfig().Keys(doc)
	if len(k.MinHash) != 64 || len(k.Bands) != 16 || k.NearThreshold != 0.7 {
		t.Errorf("keys: %d hashes, %d bands, threshold %v", len(k.MinHash), len(k.Bands), k.NearThreshold)
	}
	if got := DecodeSignature(EncodeSignature(k.MinHash)); Similarity(got, k.MinHash) != 1 {
		t.Error("signature does not survive encoding")
	}
	for _, b := range k.Bands {
		if int64(b) < 0 {
			t.Errorf("band key %d does not fit a signed 64-bit integer", b)
		}
	}
}

func BenchmarkMinHash(b *testing.B) {
	texts := readTexts(b, 20)
	cfg := DefaultConfig()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cfg.MinHash(texts[i%len(texts)])
	}
}
