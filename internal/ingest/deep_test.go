package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// deepParagraphs are the article text of the generated deep pages.
var deepParagraphs = []string{
	"The interior minister said on Monday that the militant group has no presence in the province.",
	"Officials in Quetta confirmed that two suspects were arrested in December last year.",
	"The foreign secretary told reporters that the government is on alert to the threat in the region.",
}

// deepPage is an HTML page whose article sits inside depth nested <div>s,
// with a script and a menu that are not article text; closed says whether
// the <div>s are closed.
func deepPage(depth int, closed bool) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Deep page</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")
	b.WriteString(strings.Repeat(`<div class="wrap">`, depth))
	b.WriteString("<script>var hidden = 'SCRIPTTEXT';</script><article><h1>Deep page</h1>")
	for _, p := range deepParagraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article>")
	if closed {
		b.WriteString(strings.Repeat("</div>", depth))
	}
	b.WriteString("<footer>Copyright</footer></body></html>")
	return b.String()
}

// TestDeepHTML: HTML nested deeper than the HTML parser's 512 elements
// gives the text a reader sees, one paragraph a line, and no script.
func TestDeepHTML(t *testing.T) {
	for _, depth := range []int{600, 1000, 5000} {
		for _, closed := range []bool{true, false} {
			t.Run(fmt.Sprintf("%d closed=%v", depth, closed), func(t *testing.T) {
				doc, err := FromBytes("deep.html", []byte(deepPage(depth, closed)), Options{})
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(doc.Text, "\n")
				for _, p := range deepParagraphs {
					if !containsLine(lines, p) {
						t.Errorf("paragraph %q is not a line of the text:\n%s", p, doc.Text)
					}
				}
				if strings.Contains(doc.Text, "SCRIPTTEXT") || doc.Title != "Deep page" {
					t.Errorf("got title %q, text:\n%s\nwant the title and no script", doc.Title, doc.Text)
				}
			})
		}
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// TestDeepHTMLReopened: pages that the parser nests deeper than their
// markup (elements closed by "<div/>" only implicitly; formatting elements
// that it opens again in each paragraph) still give their text.
func TestDeepHTMLReopened(t *testing.T) {
	var reopened strings.Builder
	reopened.WriteString("<html><body>")
	for k := range 200 {
		reopened.WriteString("<p>")
		for j := range 7 {
			fmt.Fprintf(&reopened, "<b id=%d>", k*7+j)
		}
		fmt.Fprintf(&reopened, "%s</p>", deepParagraphs[k%3])
	}
	for name, page := range map[string]string{
		"self-closing divs":   "<html><body>" + strings.Repeat("<div/>", 2000) + "<p>" + deepParagraphs[0] + "</p></body></html>",
		"reopened formatting": reopened.String(),
	} {
		doc, err := FromBytes(name, []byte(page), Options{})
		if err != nil || !containsLine(strings.Split(doc.Text, "\n"), deepParagraphs[0]) {
			t.Errorf("%s: got %v, want the paragraph %q as a line", name, err, deepParagraphs[0])
		}
	}
}

// TestDeepHTMLWithoutText: a deep page without text is still ErrNoText.
func TestDeepHTMLWithoutText(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div><span>", 3000) + "<script>x = 1</script></body></html>"
	if _, err := FromBytes("empty.html", []byte(page), Options{}); !errors.Is(err, news.ErrNoText) {
		t.Errorf("got %v, want ErrNoText", err)
	}
}
