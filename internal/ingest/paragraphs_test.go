package ingest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// manyParagraphsPage returns a page titled "Long page" with n paragraphs
// of about size bytes each.
func manyParagraphsPage(n, size int) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>Long page</title></head><body><nav><a href=\"/\">Home</a></nav><article>\n")
	const sentence = "The minister said the talks would go on. "
	words := strings.Repeat(sentence, size/len(sentence)+1)[:size]
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d. %s</p>\n", i, words)
	}
	b.WriteString("</article><footer>Footer</footer></body></html>")
	return b.String()
}

// TestPageOfManyParagraphsInLinearMemory reads a page of 4,000 paragraphs
// (1 MB of text). go-trafilatura glues the text of all paragraphs together
// once per paragraph, which allocated gigabytes for it (and took minutes
// for 10 MB); such a page is now read as its visible text, and reading it
// allocates a bounded multiple of its size.
func TestPageOfManyParagraphsInLinearMemory(t *testing.T) {
	page := manyParagraphsPage(4000, 250)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, err := FromBytes("long.html", []byte(page), Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc, limit := after.TotalAlloc-before.TotalAlloc, uint64(64*len(page)); alloc > limit {
		t.Errorf("reading a %d-byte page allocated %d bytes, want at most %d", len(page), alloc, limit)
	}
	for _, want := range []string{"Paragraph 0. The minister", "Paragraph 3999. The minister"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if doc.Title != "Long page" || strings.Contains(doc.Text, "Home") {
		t.Errorf("title %q, text starting %.80q: want the page's title and no navigation", doc.Title, doc.Text)
	}
}

func TestParagraphWork(t *testing.T) {
	root, err := parseHTML(manyParagraphsPage(10, 100) + "<p>a<p>b")
	if err != nil {
		t.Fatal(err)
	}
	text := 0
	for i := 0; i < 10; i++ {
		text += len(fmt.Sprintf("Paragraph %d. ", i)) + 100
	}
	text += 2
	if got, want := paragraphWork(root), int64(12*text/2); got != want {
		t.Errorf("paragraphWork = %d, want %d (12 paragraphs, %d bytes of text)", got, want, text)
	}
	if small := manyParagraphsPage(30, 2000); paragraphWork(mustParse(t, small)) > maxParagraphWork/100 {
		t.Errorf("a long article (30 paragraphs, 60 KB) is near maxParagraphWork")
	}
}

func mustParse(t *testing.T, page string) *xhtml.Node {
	t.Helper()
	root, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	return root
}
