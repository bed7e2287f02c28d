package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/newsgraph/newsgraph/internal/news"
	xhtml "golang.org/x/net/html"
)

// sniffLen is how far into the text looksLikeHTML looks.
const sniffLen = 1024

// htmlMarkers are tags that open an HTML page or fragment.
var htmlMarkers = []string{
	"<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<link",
	"<script", "<style", "<article", "<main", "<section", "<div", "<p>", "<p ",
	"<h1", "<h2", "<h3", "<table", "<ul", "<br", "<span", "<a ", "<!--", "<?xml",
}

// looksLikeHTML reports whether text is an HTML page or fragment: it opens
// (after white space) with "<" and one of htmlMarkers appears in its first
// KiB, or "<!doctype html" or "<html" appears there anywhere. Plain text
// that quotes a tag later on stays plain text.
func looksLikeHTML(text string) bool {
	head := text
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	head = strings.ToLower(head)
	if strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") {
		return true
	}
	if !strings.HasPrefix(strings.TrimLeft(head, " \t\n\f"), "<") {
		return false
	}
	for _, m := range htmlMarkers {
		if strings.Contains(head, m) {
			return true
		}
	}
	return false
}

// page is what extractHTML finds in an HTML page.
type page struct {
	Text      string // main text, not yet cleaned
	Title     string
	URL       string
	Published time.Time
}

// trafilaturaOptions are the extraction settings, chosen on the
// article-extraction benchmark (TestExtractionQuality; 181 pages, F1 over
// word 4-grams):
//
//	fallback on,  balanced          F1 0.964, ~70 pages/s
//	fallback on,  favour recall     F1 0.957
//	fallback off, balanced          F1 0.966
//	fallback off, favour precision  F1 0.919
//	fallback off, favour recall     F1 0.968, ~120 pages/s
//
// The readability and dom-distiller fallbacks cost a third of the speed
// and do not help here. Comments are left out: they are not the article.
func trafilaturaOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  false,
		Focus:           trafilatura.FavorRecall,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// shortPage is the length in characters under which trafilatura's
// baseline returns the whole page's text.
const shortPage = 100

// extractOptions are the options extractHTML uses; tests may change them.
var extractOptions = trafilaturaOptions()

// maxParagraphWork bounds the bytes go-trafilatura copies to glue the text
// of all the paragraphs (<p>) of a page together, which it does once per
// paragraph: about paragraphs × their text / 2, so a page of thousands of
// paragraphs and megabytes of text costs gigabytes and minutes. No news
// article comes near it (1,000 paragraphs with 500 KB of text cost a
// quarter of it). A page over it is read as all its text outside
// navigation and its <title>, as a short page is.
const maxParagraphWork = 1 << 28

// extractHTML finds the main text and metadata of an HTML page with
// go-trafilatura. A page without main text is news.ErrNoText. The
// extractor is third-party code fed with outside input, so a panic in it is
// turned into news.ErrNoText too.
func extractHTML(html string) (p page, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = page{}, fmt.Errorf("%w (the HTML extractor failed)", news.ErrNoText)
		}
	}()
	// The text is UTF-8 already: parse it as such, rather than let
	// trafilatura.Extract guess a charset (it takes pages without a charset
	// declaration for Windows-1252).
	root, err := parseHTML(html)
	if err != nil {
		return page{}, err
	}
	if paragraphWork(root) > maxParagraphWork {
		return page{Text: pageText(root), Title: titleText(root)}, nil
	}
	res, err := trafilatura.ExtractDocument(root, extractOptions)
	if err != nil || res == nil {
		return page{}, news.ErrNoText
	}
	text := res.ContentText
	switch {
	case utf8.RuneCountInString(res.ContentText) <= shortPage:
		// On a page this short trafilatura gives up and returns all the
		// text of the page, title and menus glued together.
		text = pageText(root)
	case res.ContentNode != nil:
		text = nodeText(res.ContentNode)
	}
	p = page{
		Text:      text,
		Title:     strings.TrimSpace(res.Metadata.Title),
		URL:       strings.TrimSpace(res.Metadata.URL),
		Published: res.Metadata.Date,
	}
	return p, nil
}

// paragraphWork estimates the bytes go-trafilatura copies to glue the text
// of the <p> elements of a page together: their number times the length of
// their text, halved. Text inside nested <p> elements counts once.
func paragraphWork(root *xhtml.Node) int64 {
	var paragraphs, text int64
	var walk func(n *xhtml.Node, inP bool)
	walk = func(n *xhtml.Node, inP bool) {
		for ; n != nil; n = n.NextSibling {
			switch {
			case n.Type == xhtml.TextNode && inP:
				text += int64(len(n.Data))
			case n.Type == xhtml.ElementNode && n.Data == "p":
				paragraphs++
				walk(n.FirstChild, true)
				continue
			}
			walk(n.FirstChild, inP)
		}
	}
	walk(root, false)
	return paragraphs * text / 2
}

// titleText returns the text of the page's first <title> element, or "".
func titleText(n *xhtml.Node) string {
	for ; n != nil; n = n.NextSibling {
		if n.Type == xhtml.ElementNode && n.Data == "title" {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == xhtml.TextNode {
					b.WriteString(c.Data)
				}
			}
			return strings.TrimSpace(b.String())
		}
		if t := titleText(n.FirstChild); t != "" {
			return t
		}
	}
	return ""
}
