// Package segment is the first pipeline stage: it splits the cleaned
// article text into tokens and sentences, each with byte spans into the
// text.
//
// Sentences never cross a paragraph break; a single line break inside a
// sentence that goes on in lower case (hard-wrapped text) does not end it.
// Abbreviations, initials, decimals and dotted acronyms do not end a
// sentence unless the next word plainly starts one; closing quotation
// marks and brackets after a full stop stay with the sentence they close.
package segment

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Stage fills Doc.Tokens and Doc.Sentences from Doc.Text.
type Stage struct{}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the segment stage. It has no settings.
func New() *Stage { return &Stage{} }

// Name returns "segment".
func (*Stage) Name() string { return "segment" }

// Process replaces doc.Tokens and doc.Sentences with those of doc.Text.
func (*Stage) Process(_ context.Context, doc *news.Doc) error {
	doc.Sentences, doc.Tokens = Segment(doc.Text)
	return nil
}

// Segment returns the sentences and tokens of text. Every token lies in
// exactly one sentence, and sentence i covers tokens
// [FirstToken, EndToken). It is deterministic and never fails; text that
// is not valid UTF-8 is segmented byte by byte where it is broken.
func Segment(text string) ([]news.Sentence, []news.Token) {
	tokens := tokenize(text)
	sentences := make([]news.Sentence, 0, len(tokens)/20+1)
	first := 0
	for i := 0; i < len(tokens); {
		last := sentenceEnd(text, tokens, i)
		if last < 0 {
			i++
			continue
		}
		sentences = append(sentences, news.Sentence{
			Span:       news.Span{Start: tokens[first].Start, End: tokens[last].End},
			FirstToken: first,
			EndToken:   last + 1,
		})
		first = last + 1
		i = last + 1
	}
	return sentences, tokens
}

// sentenceEnd reports whether a sentence ends at or just after token i
// (after the closing quotes and brackets that follow it) and returns the
// index of its last token, or -1.
func sentenceEnd(text string, tokens []news.Token, i int) int {
	if i == len(tokens)-1 {
		return i
	}
	if lineBreakEnds(text, tokens, i) {
		return i
	}
	strength := terminator(tokens, i)
	if strength == endNever {
		return -1
	}
	last := i
	for last+1 < len(tokens) && isCloser(tokens[last+1].Text) && tokens[last+1].Start == tokens[last].End {
		last++
		if last+1 < len(tokens) && lineBreakEnds(text, tokens, last) {
			return last
		}
	}
	if last == len(tokens)-1 {
		return last
	}
	if startsSentence(tokens[last+1].Text, strength) {
		return last
	}
	return -1
}

// lineBreakEnds reports whether the gap after token i is a paragraph or line
// break that ends the sentence. A single line break followed by a
// lower-case word, after a token that does not end a sentence, is a hard
// wrap inside one sentence.
func lineBreakEnds(text string, tokens []news.Token, i int) bool {
	gap := text[tokens[i].End:tokens[i+1].Start]
	n := strings.Count(gap, "\n")
	if n == 0 {
		return false
	}
	if n > 1 || terminator(tokens, i) != endNever || isCloser(tokens[i].Text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(tokens[i+1].Text)
	return !unicode.IsLower(r)
}

// endStrength is how surely a token ends a sentence.
type endStrength int

const (
	endNever endStrength = iota
	// endWeak: an abbreviation that may end a sentence; the next word decides.
	endWeak
	// endStrong: a full stop, question or exclamation mark, ellipsis.
	endStrong
)

func terminator(tokens []news.Token, i int) endStrength {
	t := tokens[i].Text
	switch markOf(t) {
	case ".", "!", "?", "…", "...", "?!", "!?":
		return endStrong
	}
	if !strings.HasSuffix(t, ".") || len(t) < 2 {
		return endNever
	}
	word := t[:len(t)-1]
	switch abbreviationClass(word) {
	case abbrevPrefix:
		if (word == "No" || word == "Nos") && !nextIsNumber(tokens, i) {
			return endWeak
		}
		return endNever
	case abbrevFinal:
		return endWeak
	}
	if isDottedAcronym(t) {
		if utf8.RuneCountInString(word) == 1 {
			return endNever // an initial: "George W. Bush"
		}
		return endWeak
	}
	return endNever
}

func nextIsNumber(tokens []news.Token, i int) bool {
	if i+1 >= len(tokens) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tokens[i+1].Text)
	return unicode.IsDigit(r)
}

func isCloser(t string) bool {
	switch markOf(t) {
	case "\"", "”", "’", "'", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch markOf(t) {
	case "\"", "“", "‘", "'", "(", "[", "{", "«", "‹", "„", "¿", "¡":
		return true
	}
	return false
}

// startsSentence reports whether next can open a sentence after a
// terminator of the given strength.
func startsSentence(next string, strength endStrength) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if strength == endWeak {
		return sentenceStarters[next] || isOpener(next)
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(next) || unicode.Is(unicode.Lo, r)
}
