package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// quoted is one run of words between quotation marks. A quote that goes on
// over several paragraphs (each of them reopening the mark) has one piece
// per paragraph; pieces never leave their paragraph.
type quoted struct {
	pieces []news.Span // the words, without the marks
	open   int         // byte offset of the opening mark
	end    int         // byte offset just after the closing mark (or the paragraph end)
	closed bool        // false when the paragraph ended before a closing mark
	single bool        // opened by a single quotation mark
	// straight: opened by a straight mark, which any straight mark closes
	straight bool
}

// markAt decodes the rune at text[i:], reading two apostrophes (”) as one
// straight double mark, as some newspapers type them.
func markAt(text string, i, end int) (rune, int) {
	r, size := utf8.DecodeRuneInString(text[i:end])
	if r == '\'' && i+1 < end && text[i+1] == '\'' {
		return '"', 2
	}
	return r, size
}

// paragraphs returns the non-empty lines of text: news text puts one
// paragraph on a line (or separates them by blank lines).
func paragraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	for start <= len(text) {
		k := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if k >= 0 {
			end = start + k
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, news.Span{Start: s, End: e})
		}
		if k < 0 {
			break
		}
		start = end + 1
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// rune classes around a quotation mark
func openingContext(prev rune) bool {
	return prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:;“‘\"'…", prev)
}

func closingContext(next rune) bool {
	return next == 0 || unicode.IsSpace(next) || (unicode.IsPunct(next) && next != '\'' && next != '’') || unicode.IsSymbol(next)
}

// scanQuotes finds the quotations of text, paragraph by paragraph. Double
// marks (straight and curly, „ as an opener) make quotes; single marks make
// quotes only when they open before a word and close after one, and never
// across a paragraph, since they double as apostrophes. Marks inside a quote
// (nested quotes) are part of it. An unclosed double quote ends at its
// paragraph, unless the next paragraph opens with a mark: then it goes on
// there (the multi-paragraph convention).
func scanQuotes(text string, paras []news.Span) []quoted {
	var out []quoted
	var cur *quoted // an open double quote carried over from the previous paragraph
	for pi, p := range paras {
		pos := p.Start
		if cur != nil {
			r, size := markAt(text, pos, p.End)
			if r == '“' || r == '"' || r == '„' || r == '«' {
				pos += size
			} else {
				cur = nil // the previous paragraph's quote was not continued
			}
		}
		pieceStart := pos
		var single *quoted
		prev := rune(0)
		if pos > p.Start {
			prev = '“'
		}
		for i := pos; i < p.End; {
			r, size := markAt(text, i, p.End)
			next := rune(0)
			if i+size < p.End {
				next, _ = utf8.DecodeRuneInString(text[i+size:])
			}
			switch {
			case cur != nil:
				if isDoubleCloser(r, prev, next, cur.straight) {
					cur.pieces = appendPiece(cur.pieces, text, pieceStart, i)
					cur.end, cur.closed = i+size, true
					if len(cur.pieces) > 0 {
						out = append(out, *cur)
					}
					cur = nil
				}
			case single != nil:
				if (r == '’' || r == '\'') && !unicode.IsSpace(prev) && !isWordRune(next) {
					single.pieces = appendPiece(nil, text, pieceStart, i)
					single.end, single.closed = i+size, true
					if len(single.pieces) > 0 {
						out = append(out, *single)
					}
					single = nil
				} else if r == '“' || r == '”' || (r == '"' && openingContext(prev)) {
					// A double mark inside a "single quote": the single mark was
					// an apostrophe. Read this mark again from outside.
					single = nil
					continue
				}
			default:
				if isDoubleOpener(r, prev, next) {
					cur = &quoted{open: i, straight: r == '"'}
					pieceStart = i + size
				} else if (r == '‘' || r == '\'') && openingContext(prev) && isWordRune(next) && !isElision(text[i+size:p.End]) {
					single = &quoted{open: i, single: true}
					pieceStart = i + size
				}
			}
			prev = r
			i += size
		}
		if cur != nil {
			cur.pieces = appendPiece(cur.pieces, text, pieceStart, p.End)
			cur.end = p.End
			if pi+1 < len(paras) && opensWithMark(text[paras[pi+1].Start:]) {
				continue // the quote goes on in the next paragraph
			}
			if len(cur.pieces) > 0 {
				out = append(out, *cur)
			}
			cur = nil
		}
	}
	if cur != nil && len(cur.pieces) > 0 {
		out = append(out, *cur)
	}
	return out
}

func isDoubleOpener(r, prev, next rune) bool {
	switch r {
	case '“', '„', '«':
		return next != 0
	case '"':
		return next != 0 && !unicode.IsSpace(next) && (openingContext(prev) || !closingContext(next))
	}
	return false
}

func isDoubleCloser(r, prev, next rune, straightOpen bool) bool {
	switch r {
	case '”', '»':
		return true
	case '"':
		return straightOpen || closingContext(next) || !openingContext(prev)
	case '“':
		// a curly opener used as a closer (a typing slip): after a word,
		// before a space or punctuation
		return !unicode.IsSpace(prev) && closingContext(next)
	}
	return false
}

func opensWithMark(s string) bool {
	r, _ := markAt(s, 0, len(s))
	return r == '“' || r == '"' || r == '„' || r == '«'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isElision reports whether the text after an apostrophe makes it an
// elision rather than a quotation mark: 'em, 'til, '90s, 'n'.
func isElision(rest string) bool {
	end := 0
	for end < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	w := strings.ToLower(rest[:end])
	switch w {
	case "em", "til", "n", "cause", "tis", "twas", "s":
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(r)
}

// appendPiece appends text[start:end] trimmed of spaces and of trailing
// commas, colons and semicolons (punctuation of the sentence around the
// quote, not of the words), unless nothing is left.
func appendPiece(pieces []news.Span, text string, start, end int) []news.Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != ',' && r != ';' && r != ':' {
			break
		}
		end -= size
	}
	if start >= end {
		return pieces
	}
	return append(pieces, news.Span{Start: start, End: end})
}
