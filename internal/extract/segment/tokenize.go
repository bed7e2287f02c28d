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

// minMarkRun is the fewest repetitions of one punctuation mark ("!!!",
// "\"\"\"", "((((") that make one token rather than one token per mark, so
// that a text of nothing but marks does not cost a token per byte.
const minMarkRun = 3

// splitChunk tokenizes the whitespace-free text[start:end] and appends the
// tokens to out.
func splitChunk(text string, start, end int, out []news.Token) []news.Token {
	// Opening punctuation, one token each (a run of one mark is one token).
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isOpening(r, text[start+size:end]) {
			break
		}
		n := size
		if run := markRunAtStart(text[start:end], size); run > 0 && r != '\'' {
			if start+run == end {
				break // the chunk is the run: one token, made below
			}
			n = run
		}
		out = appendToken(out, text, start, start+n)
		start += n
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
		switch run := markRunAtEnd(s, size); {
		case run == len(s):
			return 0 // s is the run: one token
		case run > 0:
			return run
		}
		return size
	case '.':
		if keepsPeriod(s) {
			return 0
		}
		return size
	}
	return 0
}

// markRunAtStart returns the length in bytes of the run of the character
// of size bytes that starts s, when it repeats at least minMarkRun times;
// else 0.
func markRunAtStart(s string, size int) int {
	mark, n := s[:size], size
	for strings.HasPrefix(s[n:], mark) {
		n += size
	}
	if n < minMarkRun*size {
		return 0
	}
	return n
}

// markRunAtEnd is markRunAtStart for the run that ends s.
func markRunAtEnd(s string, size int) int {
	mark, n := s[len(s)-size:], size
	for strings.HasSuffix(s[:len(s)-n], mark) {
		n += size
	}
	if n < minMarkRun*size {
		return 0
	}
	return n
}

// markOf returns the mark a token repeats when it is a run of one mark
// ("!!!" -> "!"), else the token itself.
func markOf(t string) string {
	if _, size := utf8.DecodeRuneInString(t); size < len(t) && markRunAtStart(t, size) == len(t) {
		return t[:size]
	}
	return t
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
// commas, ellipses and slashes between words (see innerSeparator), currency
// signs.
func splitCore(text string, start, end int, out []news.Token) []news.Token {
	c := newCoreSplitter(text, end)
	return c.split(start, end, out)
}

func newCoreSplitter(text string, end int) *coreSplitter {
	c := &coreSplitter{text: text, end: end}
	for d := range c.from {
		c.from[d] = end + 1 // nothing searched yet
	}
	return c
}

// innerDashes join words without spaces ("Syria—Iraq"), in the order they
// are looked for.
var innerDashes = [...]string{"—", "–", "--"}

// coreSplitter splits text[start:end] of one chunk in time linear in its
// length, however many dashes and commas it holds: it remembers where it
// found each dash, and splits the part after a dash or comma in a loop
// rather than by recursion.
type coreSplitter struct {
	text string
	end  int
	from [len(innerDashes)]int // where the last search for each dash started
	at   [len(innerDashes)]int // the first occurrence at or after from, or -1
	read int                   // bytes searched for dashes and commas, for a test of the cost
}

// split appends the tokens of text[start:end] to out: the first of these
// that applies splits it, and the parts are split again.
//   - a currency sign before more: "$5" -> "$" "5";
//   - an opening double quote before a letter (only a part after a
//     separator starts with one: `Clinton:"We`);
//   - a dash between two parts: "Syria—Iraq" (see innerDash);
//   - a comma, semicolon, ellipsis or slash between words: "Iraq,Syria",
//     "Biden…Harry", "Clinton/Obama" (see innerSeparator);
//   - a clitic: "minister's" -> "minister" "'s"; "don't" -> "do" "n't".
func (c *coreSplitter) split(start, end int, out []news.Token) []news.Token {
	text := c.text
	for start < end {
		core := text[start:end]
		if r, size := utf8.DecodeRuneInString(core); size < len(core) && strings.ContainsRune("$£€¥₹", r) {
			out = appendToken(out, text, start, start+size)
			start += size
			continue
		}
		if r, size := utf8.DecodeRuneInString(core); size < len(core) && (r == '"' || r == '“') && startsWithLetter(core[size:]) {
			out = appendToken(out, text, start, start+size) // a quote opening the part after a separator: `:"We`
			start += size
			continue
		}
		if k, n := c.innerDash(start, end); k > 0 {
			out = c.split(start, start+k, out) // holds no dash that splits, so this recursion is shallow
			out = appendToken(out, text, start+k, start+k+n)
			start += k + n
			continue
		}
		k, n := innerSeparator(core)
		c.read += k
		if k > 0 {
			out = c.split(start, start+k, out)
			out = appendToken(out, text, start+k, start+k+n)
			start += k + n
			continue
		}
		c.read += len(core)
		if k := cliticStart(core); k > 0 {
			out = appendToken(out, text, start, start+k)
			return appendToken(out, text, start+k, end)
		}
		return appendToken(out, text, start, end)
	}
	return out
}

// innerDash returns where the dash that splits text[start:end] starts,
// relative to start, and its length; 0, 0 when none does. For each kind of
// dash in turn, only its first occurrence counts, and only when it lies
// strictly inside.
func (c *coreSplitter) innerDash(start, end int) (at, size int) {
	for d, dash := range innerDashes {
		p := c.dashAt(d, start)
		if p < 0 || p+len(dash) > end {
			continue // none in text[start:end]
		}
		if p > start && p+len(dash) < end {
			return p - start, len(dash)
		}
	}
	return 0, 0
}

// dashAt returns the first occurrence of innerDashes[d] in the chunk at or
// after start, or -1. Searches start further on each time (the parts of a
// chunk are split left to right), so the chunk is read once per dash.
func (c *coreSplitter) dashAt(d, start int) int {
	if c.from[d] > start || (c.at[d] >= 0 && c.at[d] < start) {
		c.from[d], c.at[d] = start, -1
		c.read += c.end - start
		if k := strings.Index(c.text[start:c.end], innerDashes[d]); k >= 0 {
			c.at[d] = start + k
			c.read -= c.end - c.at[d] - len(innerDashes[d])
		}
	}
	return c.at[d]
}

// innerSeparator returns where the first mark that separates two words
// inside s starts, and its length in bytes; 0, 0 when none does:
//   - a comma or semicolon between letters: "Iraq,Syria" (not "1,000");
//   - an ellipsis ("…" or "...") between letters: "Biden…Harry Reid",
//     which runs two clauses together and is never part of a name;
//   - a colon between a letter and a capital or an opening double quote
//     with a letter after it: a transcript's `Clinton:"We learned`,
//     "Trump:You" (not "10:30", "http://", "float:left");
//   - a slash when s is two capitalised words and the slash, one of them
//     not all capitals: "Clinton/Obama", "Times/CBS" (not "and/or",
//     "HIV/AIDS", "CNN/ORC", or a path or URL, which hold more than two
//     words).
func innerSeparator(s string) (at, size int) {
	lead := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) // only a slash here can follow one word
	for k := 1; k < len(s)-1; k++ {
		n := 0
		switch {
		case s[k] == ',' || s[k] == ';':
			n = 1
		case strings.HasPrefix(s[k:], "…"):
			n = len("…")
		case strings.HasPrefix(s[k:], "..."):
			n = len("...")
		case s[k] == '/' && k == lead && slashJoinsNames(s[:k], s[k+1:]):
			return k, 1
		case s[k] == ':':
			if before, _ := utf8.DecodeLastRuneInString(s[:k]); unicode.IsLetter(before) && colonStartsSpeech(s[k+1:]) {
				return k, 1
			}
			continue
		default:
			continue
		}
		if k+n >= len(s) {
			return 0, 0
		}
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+n:])
		if n == 1 && unicode.IsDigit(before) && unicode.IsDigit(after) {
			continue // 1,000
		}
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			return k, n
		}
	}
	return 0, 0
}

// startsWithLetter reports whether s starts with a letter.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// colonStartsSpeech reports whether rest, the text after a colon, starts
// with a capital letter or an opening double quote and a letter.
func colonStartsSpeech(rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	if r == '"' || r == '“' {
		return startsWithLetter(rest[size:])
	}
	return unicode.IsUpper(r)
}

// slashJoinsNames reports whether a and b, the text on either side of a
// slash, are each one capitalised word of two letters or more, one of them
// not all capitals: two names written with a slash between them.
func slashJoinsNames(a, b string) bool {
	ca, la := capitalisedWord(a)
	cb, lb := capitalisedWord(b)
	return ca && cb && (la || lb)
}

// capitalisedWord reports whether w is letters only, two or more, the
// first upper case, and whether it has a lower-case letter.
func capitalisedWord(w string) (ok, lower bool) {
	n := 0
	for _, r := range w {
		switch {
		case n == 0 && !unicode.IsUpper(r), !unicode.IsLetter(r):
			return false, false
		case unicode.IsLower(r):
			lower = true
		}
		n++
	}
	return n >= 2, lower
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
