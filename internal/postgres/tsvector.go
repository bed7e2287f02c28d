package postgres

import (
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/searchq"
)

// The full-text index is written by the store, not by PostgreSQL's text
// parser, so that it splits and folds words exactly as the search syntax
// does (searchq.SplitWords, searchq.Fold: letters and digits, lower case,
// no diacritics, any script) and as the SQLite store's unicode61
// tokenizer does. Each article's tsvector holds the title's words with
// weight A and the body's with weight B, with their positions (for
// phrases and ts_rank_cd).

// PostgreSQL's limits on a tsvector.
const (
	maxPositions    = 256     // positions kept per word
	maxPosition     = 16383   // the highest position; later words get it
	maxLexemeBytes  = 2046    // a longer word is not indexed
	maxTSVectorSize = 1 << 19 // bytes of the literal, far below the 1 MiB limit
)

// lexeme is one indexed word with its positions.
type lexeme struct {
	word string
	pos  []string // "12A"
}

// tsvectorOf returns title and body as a tsvector literal, and the
// distinct words in it (for the vocabulary table). Past maxTSVectorSize
// bytes (an article of many megabytes) further words and positions are
// left out, as PostgreSQL would refuse the whole vector.
func tsvectorOf(title, body string) (string, []string) {
	lex := map[string]*lexeme{}
	size, pos := 0, 0
	add := func(text string, weight byte) {
		for _, w := range searchq.SplitWords(text) {
			pos++
			w = searchq.Fold(w)
			if len(w) > maxLexemeBytes || size > maxTSVectorSize {
				continue
			}
			l := lex[w]
			if l == nil {
				l = &lexeme{word: w}
				lex[w] = l
				size += len(w) + 4
			}
			if len(l.pos) < maxPositions {
				p := strconv.Itoa(min(pos, maxPosition)) + string(weight)
				l.pos = append(l.pos, p)
				size += len(p) + 1
			}
		}
	}
	add(title, 'A')
	add(body, 'B')
	words := make([]string, 0, len(lex))
	for w := range lex {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	b.Grow(size)
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		b.WriteString(w)
		b.WriteString("':")
		b.WriteString(strings.Join(lex[w].pos, ","))
	}
	return b.String(), words
}

// tsTerm is a term of the plan in tsquery syntax: 'word', 'word':* for a
// prefix, 'a' <-> 'b' for a phrase. Words are letters and digits only, so
// quoting them is safe.
func tsTerm(t searchq.Term) string {
	parts := make([]string, len(t.Words))
	for i, w := range t.Words {
		parts[i] = "'" + searchq.Fold(w) + "'"
	}
	if t.Prefix {
		parts[len(parts)-1] += ":*"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " <-> ") + ")"
}

// tsMatch returns the plan's terms to find as a tsquery ("" for none):
// alternatives joined by |, the terms of each by &, and the excluded
// terms after & !( ... ).
func tsMatch(p searchq.Plan) string {
	alts := make([]string, len(p.Alts))
	for i, alt := range p.Alts {
		terms := make([]string, len(alt))
		for j, t := range alt {
			terms[j] = tsTerm(t)
		}
		alts[i] = "(" + strings.Join(terms, " & ") + ")"
	}
	m := strings.Join(alts, " | ")
	if m == "" || len(p.Exclude) == 0 {
		return m
	}
	return "(" + m + ") & !(" + tsExcluded(p) + ")"
}

// tsExcluded returns the excluded terms as a tsquery joined by |, ""
// when there are none.
func tsExcluded(p searchq.Plan) string {
	terms := make([]string, len(p.Exclude))
	for i, t := range p.Exclude {
		terms[i] = tsTerm(t)
	}
	return strings.Join(terms, " | ")
}
