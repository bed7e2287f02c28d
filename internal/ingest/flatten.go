package ingest

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	xhtml "golang.org/x/net/html"
)

// maxHTMLDepth is the depth of elements up to which a page keeps its
// structure when it is nested deeper than the HTML parser accepts (512 open
// elements, the limit of browsers' parsers too): the elements below it lose
// their tags, not their text. It leaves room for the elements the parser
// adds (html, body, tbody...).
const maxHTMLDepth = 256

// voidTags are the HTML elements that have no end tag and hold nothing.
var voidTags = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
	"meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "image")

// formattingTags are the elements that the HTML parser opens again, inside
// later blocks, after they were closed implicitly: they can nest deeper in
// the parsed tree than in the markup.
var formattingTags = setOf("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
	"strong", "tt", "u")

// parseHTML parses a page. A page nested deeper than the parser accepts is
// parsed flattened below maxHTMLDepth (see flatten), the text a reader sees
// kept; then, if the elements the parser opens again still nest it too
// deep, without its formatting elements. A page that cannot be parsed even
// so is news.ErrNoText, saying why.
func parseHTML(page string) (*xhtml.Node, error) {
	root, err := xhtml.Parse(strings.NewReader(page))
	for _, dropFormatting := range []bool{false, true} {
		if err == nil {
			return root, nil
		}
		root, err = xhtml.Parse(strings.NewReader(flatten(page, maxHTMLDepth, dropFormatting)))
	}
	if err != nil {
		return nil, fmt.Errorf("%w (the HTML parser refused the page: %v)", news.ErrNoText, err)
	}
	return root, nil
}

// flatten rewrites a page so that no element opens deeper than depth. The
// tags of deeper elements are dropped and their text kept (a block
// element's tags become <br>, so that its text keeps lines of its own);
// deeper elements without readable text (script, style, svg...) are dropped
// with what they hold. With dropFormatting, formatting elements (a, b,
// i...) are dropped at any depth, their text kept.
//
// Depth is counted on the tags as written: void elements do not nest, and
// an end tag closes the innermost open element of its name with those
// inside it, as the parser does. Everything else is copied byte for byte.
func flatten(page string, depth int, dropFormatting bool) string {
	f := flattener{depth: depth, dropFormatting: dropFormatting}
	f.out.Grow(len(page))
	z := xhtml.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return f.out.String()
		}
		f.token(z, tt)
	}
}

// flattener is the state of flatten.
type flattener struct {
	depth          int
	dropFormatting bool
	out            strings.Builder
	open           tagStack // elements open and kept
	dropped        tagStack // elements open inside them whose tags were dropped
	skip           string   // the element without text being left out, if any
	skipLevel      int      // how many of it are open
}

// token copies, drops or replaces the tokenizer's current token.
func (f *flattener) token(z *xhtml.Tokenizer, tt xhtml.TokenType) {
	if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken && tt != xhtml.EndTagToken {
		if f.skip == "" {
			f.out.Write(z.Raw()) // text, comment, doctype
		}
		return
	}
	name, _ := z.TagName()
	tag := string(name)
	switch {
	case f.skip != "":
		f.skipping(tag, tt)
	case tt == xhtml.EndTagToken:
		f.end(z, tag)
	case voidTags[tag]:
		f.out.Write(z.Raw())
	default:
		f.start(z, tag, tt)
	}
}

// skipping follows the element without text being left out to its end.
func (f *flattener) skipping(tag string, tt xhtml.TokenType) {
	switch {
	case tag != f.skip || tt == xhtml.SelfClosingTagToken:
	case tt == xhtml.StartTagToken:
		f.skipLevel++
	default:
		if f.skipLevel--; f.skipLevel == 0 {
			f.skip = ""
		}
	}
}

// start keeps a start tag within the depth, and drops it below.
func (f *flattener) start(z *xhtml.Tokenizer, tag string, tt xhtml.TokenType) {
	drop := f.dropFormatting && formattingTags[tag]
	if len(f.open.names) < f.depth && !drop {
		f.open.push(tag)
		f.out.Write(z.Raw())
		return
	}
	if skipTags[tag] {
		if tt == xhtml.StartTagToken {
			f.skip, f.skipLevel = tag, 1
		}
		return
	}
	if !drop {
		f.dropped.push(tag)
	}
	if blockTags[tag] {
		f.out.WriteString("<br>")
	}
}

// end closes the innermost open element named tag: a dropped one (its end
// tag dropped too), else a kept one, with the elements inside it.
func (f *flattener) end(z *xhtml.Tokenizer, tag string) {
	if f.dropped.popTo(tag) {
		if blockTags[tag] {
			f.out.WriteString("<br>")
		}
		return
	}
	if f.open.popTo(tag) {
		f.dropped.popAll()
		f.out.Write(z.Raw())
		return
	}
	if f.dropFormatting && formattingTags[tag] {
		return
	}
	f.out.Write(z.Raw()) // a stray end tag: the parser ignores it or makes an empty element
}

// tagStack is a stack of open elements' names. It finds the innermost
// element of a name in time proportional to the elements it pops, so that
// end tags of elements never opened cost nothing however deep the page.
type tagStack struct {
	names []string
	count map[string]int // how many of each name names holds
}

func (s *tagStack) push(name string) {
	if s.count == nil {
		s.count = map[string]int{}
	}
	s.names = append(s.names, name)
	s.count[name]++
}

// popTo pops the innermost element named name and those inside it, and
// reports whether there was one.
func (s *tagStack) popTo(name string) bool {
	if s.count[name] == 0 {
		return false
	}
	for {
		top := s.names[len(s.names)-1]
		s.names = s.names[:len(s.names)-1]
		s.count[top]--
		if top == name {
			return true
		}
	}
}

func (s *tagStack) popAll() {
	s.names = s.names[:0]
	clear(s.count)
}
