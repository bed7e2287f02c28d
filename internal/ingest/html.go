package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/newsgraph/newsgraph/internal/news"
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
