package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	htmlLineEnds  = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n")
	plainLineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")
)

// Clean turns the text extracted from an HTML page into the Text of a
// news.Doc (plain text goes through CleanPlain, which keeps it as written):
//
//   - Inside a line, every run of white space (spaces, tabs, no-break and
//     other Unicode spaces) becomes one space, and lines are trimmed. Control
//     characters, zero-width spaces and stray byte order marks are dropped.
//     All other characters are kept as they are (curly quotes, dashes).
//   - Line breaks are kept: one paragraph per line stays so, and paragraphs
//     separated by blank lines keep one blank line between them (runs of
//     blank lines become one). Leading and trailing blank lines go.
//   - Boilerplate lines of blogs and news sites are dropped by the rules of
//     boilerplate.go (see dropBoilerplate).
//
// The result has no trailing newline; it is empty when nothing is left.
func Clean(text string) string {
	text = htmlLineEnds.Replace(text)
	raw := strings.Split(text, "\n")
	lines := make([]string, 0, len(raw))
	blank := true // drop leading blank lines
	for _, l := range raw {
		l = normaliseLine(l)
		if l == "" {
			if !blank {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		lines = append(lines, l)
		blank = false
	}
	lines = dropBoilerplate(lines)
	return joinLines(lines)
}

// CleanPlain turns a plain-text article into the Text of a news.Doc and
// keeps it as written: the same characters in the same places, so that a
// span of the document also indexes the user's own file. Only line ends
// become LF, the boilerplate lines of Clean's rules are dropped (whole, with
// their line break), and white space after the last line goes. Text
// extracted from HTML has no such original and goes through Clean.
func CleanPlain(text string) string {
	text = plainLineEnds.Replace(text)
	raw := strings.Split(text, "\n")
	norm := make([]string, len(raw))
	for i, l := range raw {
		norm[i] = normaliseLine(l)
	}
	drop := boilerplateLines(norm)
	var b strings.Builder
	b.Grow(len(text))
	first := true
	for i, l := range raw {
		if drop[i] {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(l)
	}
	out := strings.TrimRightFunc(b.String(), unicode.IsSpace)
	if strings.TrimSpace(out) == "" {
		return ""
	}
	return out
}

// joinLines joins lines with LF, collapsing runs of blank lines into one and
// dropping blank lines at either end.
func joinLines(lines []string) string {
	var b strings.Builder
	pendingBlank := false
	for _, l := range lines {
		if l == "" {
			pendingBlank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if pendingBlank {
				b.WriteByte('\n')
			}
		}
		pendingBlank = false
		b.WriteString(l)
	}
	return b.String()
}

// normaliseLine collapses white space inside one line and trims it. It
// returns the line itself (no copy) when there is nothing to change, which is
// the common case for ASCII prose.
func normaliseLine(l string) string {
	if lineIsClean(l) {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	space := false
	for _, r := range l {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case dropRune(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// dropRune reports whether r is removed from the text: control characters
// (line breaks are handled before), zero-width spaces and byte order marks.
func dropRune(r rune) bool {
	return r == '\uFEFF' || r == '\u200B' || unicode.IsControl(r)
}

// lineIsClean reports whether l needs no change: valid UTF-8 with single
// inner ASCII spaces, no space at either end, and no rune that
// normaliseLine drops or turns into a space.
func lineIsClean(l string) bool {
	if l == "" {
		return true
	}
	if l[0] == ' ' || l[len(l)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(l[i:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || dropRune(r) {
				return false
			}
			i += size - 1
			prevSpace = false
			continue
		}
		if c < 0x20 || c == 0x7F {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return true
}
