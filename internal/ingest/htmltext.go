package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags are the elements that start a new line in the text of an
// extracted page: paragraphs, headings, list items, quotes, table rows, and
// the block names of trafilatura's own trees ("item", "list", "row"...).
// Elements are matched by name because trafilatura builds nodes without
// setting their atom.
var blockTags = setOf("address", "article", "aside", "blockquote", "dd", "details", "div", "dl",
	"dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr",
	"ul", "caption", "body", "html", "item", "list", "row", "quote", "code", "head")

// skipTags hold no readable text.
var skipTags = setOf("script", "style", "noscript", "template", "svg", "math", "iframe", "img")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// nodeText renders the text of an extracted content tree with one line per
// block (paragraph, heading, list item, table row), so that paragraph breaks
// survive. Table cells on a row are separated by a space; <br> breaks a
// line. White space inside a line is left for Clean to normalise.
//
// trafilatura trims the white space around inline elements, so "for
// <b>Larry</b>" comes back as "for<b>Larry</b>". Like trafilatura's own
// text output, nodeText puts a space back where text moves into or out of
// an inline element, but only between a word or punctuation and a word or
// opening bracket, so that "<a>Smith</a>." stays "Smith.".
func nodeText(n *html.Node) string { return renderText(n, skipTags) }

// renderText is nodeText leaving out the elements named in skip.
func renderText(n *html.Node, skip map[string]bool) string {
	var b strings.Builder
	lastDepth := -1
	newline := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
		lastDepth = -1
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.TextNode:
			if lastDepth >= 0 && depth != lastDepth && needSpace(b.String(), n.Data) {
				b.WriteByte(' ')
			}
			b.WriteString(n.Data)
			lastDepth = depth
			return
		case html.ElementNode:
			switch {
			case skip[n.Data]:
				return
			case n.Data == "br" || n.Data == "lb":
				newline()
				return
			case n.Data == "td" || n.Data == "th" || n.Data == "cell":
				b.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			newline()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			newline()
		}
	}
	walk(n, 0)
	return b.String()
}

// needSpace reports whether a space belongs between the text written so far
// and the next text node, at an inline element's edge.
func needSpace(before, next string) bool {
	p, _ := utf8.DecodeLastRuneInString(before)
	r, _ := utf8.DecodeRuneInString(next)
	if p == utf8.RuneError || r == utf8.RuneError || unicode.IsSpace(p) || unicode.IsSpace(r) {
		return false
	}
	if strings.ContainsRune("([{“‘\"'«¿¡/-–—$£€#@", p) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("([{“«", r)
}

// pageSkipTags are left out of a whole page's text: what holds no text,
// and the page's head, navigation and furniture.
var pageSkipTags = setOf("script", "style", "noscript", "template", "svg", "math", "iframe", "img",
	"head", "title", "nav", "header", "footer", "aside", "form", "menu", "button", "select", "label", "dialog")

// pageText is the text of a whole page outside its head, navigation,
// header, footer and asides, one line per block. It serves pages too short
// for trafilatura (see extractHTML).
func pageText(root *html.Node) string { return renderText(root, pageSkipTags) }
