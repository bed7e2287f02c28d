package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// tokenize splits text into Penn-Treebank-like tokens: punctuation split
// from words, clitics ('s, n't, 're, ...) split off, while abbreviations
// ("U.S.", "Dr.", "Jan."), initials, decimals, thousands separators, times,
// URLs and hyphenated words stay whole. Spans are byte offsets into text.
func tokenize(text string) []news.Token {
	tokens := make([]news.Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		tokens = splitChunk(text, i, j, tokens)
		i = j
	}
	return tokens
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// splitChunk tokenizes the whitespace-free text[start:end] and appends the
// tokens to out.
func splitChunk(text string, start, end int, out []news.Token) []news.Token {
	// Opening punctuation, one token each.
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isOpening(r, text[start+size:end]) {
			break
		}
		out = appendToken(out, text, start, start+size)
		start += size
	}
	// Closing punctuation, collected from the end, emitted after the core.
	var tail []news.Token
	for start < end {
		n := trailingPunctLen(text[start:end])
		if n == 0 {
			break
		}
		tail = append(tail, news.Token{Span: news.Span{Start: end - n, End: end}, Text: text[end-n : end]})
		end -= n
	}
	out = splitCore(text, start, end, out)
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

func appendToken(out []news.Token, text string, start, end int) []news.Token {
	if start >= end {
		return out
	}
	return append(out, news.Token{Span: news.Span{Start: start, End: end}, Text: text[start:end]})
}

// isOpening reports whether r opens the chunk as punctuation of its own.
// A straight apostrophe opens only before a letter that is not a clitic
// ('s, 'em) or a decade ('90s).
func isOpening(r rune, rest string) bool {
	switch r {
	case '"', '“', '‘', '(', '[', '{', '«', '‹', '¿', '¡', '„', '‚':
		return rest != ""
	case '\'':
		if rest == "" {
			return false
		}
		lower := strings.ToLower(rest)
		for _, c := range []string{"s", "em", "til", "n", "cause"} {
			if lower == c {
				return false
			}
		}
		next, _ := utf8.DecodeRuneInString(rest)
		return !unicode.IsDigit(next)
	case '—', '–':
		return rest != ""
	}
	return false
}

// trailingPunctLen returns the byte length of the punctuation token that
// ends s, or 0 when s ends in a word character or an abbreviation period.
func trailingPunctLen(s string) int {
	if strings.HasSuffix(s, "...") && len(s) > 3 {
		return 3
	}
	r, size := utf8.DecodeLastRuneInString(s)
	if size == len(s) {
		return 0 // a lone character is a token by itself
	}
	switch r {
	case '"', '”', '’', '\'', ')', ']', '}', '»', '›', ',', ';', ':', '!', '?', '…', '—', '–':
		return size
	case '.':
		if keepsPeriod(s) {
			return 0
		}
		return size
	}
	return 0
}

// keepsPeriod reports whether the final period of s belongs to the word:
// known abbreviations, initials and dotted acronyms ("U.S.", "a.m."), and
// ordinal-free number words are decided here.
func keepsPeriod(s string) bool {
	word := s[:len(s)-1]
	if word == "" || strings.HasSuffix(word, ".") {
		return false // "..", "word.." : the period is punctuation
	}
	if isDottedAcronym(s) {
		return true
	}
	return abbreviationClass(word) != abbrevNone
}

// isDottedAcronym reports whether s is letters each followed by a period:
// "U.S.", "a.m.", "J.", "U.S.A.", "Ph.D." is handled by the abbreviation list.
func isDottedAcronym(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return false
		}
		i += size
		if i >= len(s) || s[i] != '.' {
			return false
		}
		i++
		n++
	}
	return n > 0
}

// splitCore splits the inside of a chunk: clitics, em dashes between words,
// commas and slashes between words, currency signs.
func splitCore(text string, start, end int, out []news.Token) []news.Token {
	if start >= end {
		return out
	}
	core := text[start:end]
	// A currency sign before a number: "$5" -> "$" "5".
	if r, size := utf8.DecodeRuneInString(core); size < len(core) && strings.ContainsRune("$£€¥₹", r) {
		out = appendToken(out, text, start, start+size)
		return splitCore(text, start+size, end, out)
	}
	// Dashes and double hyphens join words without spaces: "Syria—Iraq".
	if k, n := innerDash(core); k > 0 {
		out = splitCore(text, start, start+k, out)
		out = appendToken(out, text, start+k, start+k+n)
		return splitCore(text, start+k+n, end, out)
	}
	// A comma or semicolon glued between words (not digits): "Iraq,Syria".
	if k := innerComma(core); k > 0 {
		out = splitCore(text, start, start+k, out)
		out = appendToken(out, text, start+k, start+k+1)
		return splitCore(text, start+k+1, end, out)
	}
	// Clitics: "minister's" -> "minister" "'s"; "don't" -> "do" "n't".
	if k := cliticStart(core); k > 0 {
		out = appendToken(out, text, start, start+k)
		return appendToken(out, text, start+k, end)
	}
	return appendToken(out, text, start, end)
}

func innerDash(s string) (at, size int) {
	for _, d := range []string{"—", "–", "--"} {
		if k := strings.Index(s, d); k > 0 && k+len(d) < len(s) {
			return k, len(d)
		}
	}
	return 0, 0
}

func innerComma(s string) int {
	for k := 1; k < len(s)-1; k++ {
		if s[k] != ',' && s[k] != ';' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+1:])
		if unicode.IsDigit(before) && unicode.IsDigit(after) {
			continue // 1,000
		}
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			return k
		}
	}
	return 0
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// cliticStart returns where a clitic suffix starts in word, or 0.
func cliticStart(word string) int {
	lower := strings.ToLower(word)
	for _, c := range clitics {
		if len(lower) > len(c) && strings.HasSuffix(lower, c) {
			k := len(word) - len(c)
			r, _ := utf8.DecodeLastRuneInString(word[:k])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
				return k
			}
		}
	}
	return 0
}
