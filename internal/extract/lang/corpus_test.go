package lang_test

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/lang"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// corpus is a folder of articles in ../shared and whether all of its
// articles are English.
type corpus struct {
	name, dir, glob string
	allEnglish      bool
}

// libraryOnly is the default configuration without the English fast path.
var libraryOnly = func() lang.Config { c := lang.DefaultConfig(); c.EnglishShare = 0; return c }()

// TestCorporaLanguages reads every article of the project's English news
// sets (newsdev, PolNeAR train and dev) and the article-extraction
// benchmark's pages as ingest cleans them, and checks that no English news
// article is taken for another language, which would cost it its
// entities, and that the English fast path agrees with the library on
// every page.
// It logs how many pages of each set get which language (go test -v).
func TestCorporaLanguages(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "shared", "data")
	sets := []corpus{
		{"newsdev", filepath.Join(shared, "newsdev", "articles"), "*.txt", true},
		{"polnear-train", filepath.Join(shared, "polnear", "train", "text"), "*", true},
		{"polnear-dev", filepath.Join(shared, "polnear", "dev", "text"), "*", true},
		{"article-extraction-benchmark", filepath.Join(shared, "article_extraction_benchmark", "html"), "*", false},
	}
	if testing.Short() {
		t.Skip("reads every article of four data sets")
	}
	for _, c := range sets {
		files, _ := filepath.Glob(filepath.Join(c.dir, c.glob))
		if len(files) == 0 {
			t.Logf("%s: no articles at %s, skipped", c.name, c.dir)
			continue
		}
		counts := map[string]int{}
		for _, f := range files {
			doc, err := readArticle(f)
			if err != nil {
				counts["(unreadable)"]++
				continue
			}
			r := lang.Detect(doc.Title, doc.Text, lang.DefaultConfig())
			counts[r.Code]++
			if lib := lang.Detect(doc.Title, doc.Text, libraryOnly); lib.Code != r.Code {
				t.Errorf("%s: %s: the English fast path says %q, the library %q", c.name, filepath.Base(f), r.Code, lib.Code)
			}
			if c.allEnglish && r.Code != "en" {
				t.Errorf("%s: %s detected as %q (confidence %.2f), want en", c.name, filepath.Base(f), r.Code, r.Confidence)
			}
			if !c.allEnglish && r.Code != "en" && testing.Verbose() {
				t.Logf("%s: %s is %s (%.2f): %.80q", c.name, filepath.Base(f), r.Code, r.Confidence, doc.Title+" | "+doc.Text)
			}
		}
		t.Logf("%s: %d pages: %s", c.name, len(files), formatCounts(counts))
	}
}

// readArticle reads the article in file as ingest does, gunzipping a
// .gz file first.
func readArticle(file string) (*news.Doc, error) {
	if !strings.HasSuffix(file, ".gz") {
		return ingest.ReadFile(file, ingest.Options{})
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return ingest.ReadFrom(file, zr, ingest.Options{})
}

func formatCounts(counts map[string]int) string {
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		return counts[codes[i]] > counts[codes[j]] || counts[codes[i]] == counts[codes[j]] && codes[i] < codes[j]
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, counts[c])
	}
	return strings.Join(parts, ", ")
}
