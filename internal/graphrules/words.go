package graphrules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/names"
)

// MentionsName reports whether text holds one of names as a whole word:
// names written all in capitals (acronyms) must match case, others not,
// so that the alias "IS" does not match "is". It is the rule by which a
// quote is about an entity (news.Store.QuotesAbout) when no claim says so.
func MentionsName(text string, names []string) bool {
	lower := strings.ToLower(text)
	for _, n := range names {
		if n == "" {
			continue
		}
		hay, needle := lower, strings.ToLower(n)
		if n == strings.ToUpper(n) {
			hay, needle = text, n
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			i += from
			j := i + len(needle)
			if !wordRuneBefore(hay, i) && !wordRuneAt(hay, j) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// VariantOf reports whether every word of query has a spelling variant
// (the same names.Skeleton) among the words of name: the "did you mean"
// rule of news.Store.SuggestEntities.
func VariantOf(query, name []string) bool {
	for _, q := range query {
		sk, found := names.Skeleton(q), false
		for _, w := range name {
			if names.Skeleton(w) == sk {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
