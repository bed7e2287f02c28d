package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

// benchDir is the article-extraction benchmark in the shared data beside
// the repository (../shared from the repository root).
const benchDir = "../../../shared/data/article_extraction_benchmark"

// mustReadGz returns the decompressed content of a .gz file, skipping the
// test when the shared data is absent.
func mustReadGz(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("shared data absent: %s", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(zr); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// shingles counts the lower-cased word 4-grams of text, as
// ../shared/tools/score_extraction.py does.
func shingles(text string) map[string]int {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
	})
	out := map[string]int{}
	if len(words) == 0 {
		return out
	}
	for i := 0; i < max(len(words)-3, 1); i++ {
		out[strings.Join(words[i:min(i+4, len(words))], " ")]++
	}
	return out
}

// precisionRecall is the shingle precision and recall of pred against gold.
func precisionRecall(gold, pred string) (p, r float64) {
	g, s := shingles(gold), shingles(pred)
	if len(g) == 0 && len(s) == 0 {
		return 1, 1
	}
	hit, ng, ns := 0, 0, 0
	for k, n := range g {
		ng += n
		hit += min(n, s[k])
	}
	for _, n := range s {
		ns += n
	}
	if ns > 0 {
		p = float64(hit) / float64(ns)
	}
	if ng > 0 {
		r = float64(hit) / float64(ng)
	}
	return p, r
}

// TestExtractionQuality is the quality floor of HTML main-text extraction on
// the article-extraction benchmark: F1 over word 4-grams, averaged over pages,
// must stay at or above 0.95. With NEWSGRAPH_EXTRACT_JSONL=FILE it also
// writes the documents in the form ../shared/tools/score_extraction.py reads,
// so that the official scorer can check the figure.
func TestExtractionQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction benchmark skipped in -short mode")
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	raw, err := os.ReadFile(filepath.Join(benchDir, "ground-truth.json"))
	if os.IsNotExist(err) {
		t.Skip("shared data absent: article extraction benchmark")
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(benchDir, "html", "*.html.gz"))
	if err != nil || len(files) == 0 {
		t.Skip("shared data absent: benchmark pages")
	}
	sort.Strings(files)

	var jsonl bytes.Buffer
	var sumP, sumR float64
	var elapsed time.Duration
	var inBytes int
	for _, f := range files {
		id := strings.SplitN(filepath.Base(f), ".", 2)[0]
		data := mustReadGz(t, f)
		inBytes += len(data)
		start := time.Now()
		doc, err := FromBytes(f, data, Options{})
		elapsed += time.Since(start)
		text := ""
		if err != nil {
			t.Logf("%s: %v", id, err)
		} else {
			text = doc.Text
		}
		p, r := precisionRecall(truth[id].ArticleBody, text)
		if os.Getenv("NEWSGRAPH_EXTRACT_VERBOSE") != "" {
			t.Logf("%s p=%.3f r=%.3f", id, p, r)
		}
		sumP += p
		sumR += r
		line, _ := json.Marshal(map[string]string{"url": truth[id].URL, "text": text})
		jsonl.Write(line)
		jsonl.WriteByte('\n')
	}
	n := float64(len(files))
	P, R := sumP/n, sumR/n
	F := 2 * P * R / (P + R)
	t.Logf("main-text extraction F1 %.3f (precision %.3f, recall %.3f, %d pages, %.1f pages/s, %.1f MB/s)",
		F, P, R, len(files), n/elapsed.Seconds(), float64(inBytes)/1e6/elapsed.Seconds())
	if out := os.Getenv("NEWSGRAPH_EXTRACT_JSONL"); out != "" {
		if err := os.WriteFile(out, jsonl.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if F < 0.95 {
		t.Errorf("extraction F1 = %.3f, want >= 0.95", F)
	}
}
