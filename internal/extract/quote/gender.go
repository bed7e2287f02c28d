package quote

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/news"
)

// builtinLexicon is lexicon.txt parsed once, for the exported helpers that
// have no Stage.
var builtinLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconText) })

// PronounGender returns 'm' for "he", "him", "his", 'f' for "she", "her",
// "hers", else 0.
func PronounGender(p string) byte { return pronounGender(normWord(p)) }

// EntityGender returns the gender of a person entity of doc as the quote
// stage reads it: 'm' or 'f' when its first names, titles and the words
// before its mentions ("Mr.", "Mrs.") lean to one side of the lexicon's
// male and female lists, else 0 (unknown, or the lexicon failed to parse).
func EntityGender(doc *news.Doc, e *news.Entity) byte {
	lx, err := builtinLexicon()
	if err != nil {
		return 0
	}
	var words []string
	words = append(words, strings.Fields(normWord(e.Name))...)
	for _, t := range e.Titles {
		words = append(words, strings.Fields(normWord(t))...)
	}
	tix := news.NewTokenIndex(doc.Tokens)
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun {
			continue // the link stage's reading, not evidence
		}
		if first, _, ok := tix.Range(m.Span); ok && first > 0 {
			words = append(words, normWord(doc.Tokens[first-1].Text))
		}
		if f := strings.Fields(normWord(m.Text)); len(f) > 0 {
			words = append(words, f[0])
		}
	}
	return lx.gender(words)
}

// NameGender returns the gender that a person's names and titles give as
// EntityGender reads them, without an article: 'm' or 'f' when their words
// ("Hillary", "Mr.", "Queen") lean to one side of the lexicon's male and
// female lists, else 0. A store reads a stored person's gender with it.
func NameGender(names ...string) byte {
	lx, err := builtinLexicon()
	if err != nil {
		return 0
	}
	var words []string
	for _, n := range names {
		words = append(words, strings.Fields(normWord(n))...)
	}
	return lx.gender(words)
}

// gender counts the words (normalised) of the male and female lists and
// returns the side with more, 'm' or 'f', or 0 on a tie.
func (lx *lexicon) gender(words []string) byte {
	male, female := 0, 0
	for _, x := range words {
		if lx.has("male", x) {
			male++
		}
		if lx.has("female", x) {
			female++
		}
	}
	switch {
	case male > female:
		return 'm'
	case female > male:
		return 'f'
	}
	return 0
}
