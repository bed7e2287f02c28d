package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// doc is the working state for one document: the tokens in lower case,
// where paragraphs and sentences lie, and which tokens are quoted.
type doc struct {
	d     *news.Doc
	lx    *lexicon
	text  string
	toks  []news.Token
	low   []string // normalised token texts
	paras []news.Span
	// paraOf and sentOf give each token's paragraph and sentence index.
	paraOf []int
	sentOf []int
	// quotedTok marks tokens inside a direct quote or that are quote marks.
	quotedTok []bool
	// shortTok marks the tokens of quotations of at most three words
	shortTok []bool
}

func newDoc(d *news.Doc, lx *lexicon) *doc {
	w := &doc{d: d, lx: lx, text: d.Text, toks: d.Tokens}
	w.low = make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		w.low[i] = normWord(t.Text)
	}
	w.paras = paragraphs(d.Text)
	w.paraOf = make([]int, len(d.Tokens))
	p := 0
	for i, t := range d.Tokens {
		for p+1 < len(w.paras) && t.Start >= w.paras[p].End {
			p++
		}
		w.paraOf[i] = p
	}
	w.sentOf = make([]int, len(d.Tokens))
	for i := range w.sentOf {
		w.sentOf[i] = -1
	}
	for si, s := range d.Sentences {
		for k := max(s.FirstToken, 0); k < min(s.EndToken, len(d.Tokens)); k++ {
			w.sentOf[k] = si
		}
	}
	w.quotedTok = make([]bool, len(d.Tokens))
	return w
}

// tokenAt returns the index of the first token that ends after byte off.
func (w *doc) tokenAt(off int) int {
	return sort.Search(len(w.toks), func(i int) bool { return w.toks[i].End > off })
}

// sentence returns the token range [first, end) of token i's sentence,
// bounded by its paragraph.
func (w *doc) sentence(i int) (int, int) {
	first, end := i, i+1
	if si := w.sentOf[i]; si >= 0 {
		s := w.d.Sentences[si]
		first, end = s.FirstToken, s.EndToken
	}
	for first < i && w.paraOf[first] != w.paraOf[i] {
		first++
	}
	for end > i+1 && w.paraOf[end-1] != w.paraOf[i] {
		end--
	}
	return first, end
}

func (w *doc) span(a, b int) news.Span {
	if a >= b {
		return news.Span{}
	}
	return news.Span{Start: w.toks[a].Start, End: w.toks[b-1].End}
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "‘", "’", "'", "„", "«", "»", "``", "''":
		return true
	}
	return false
}

func isPunct(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

func isSentenceEnd(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "..." || s == "…"
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "my": true, "our": true, "your": true, "these": true, "those": true, "this": true, "such": true,
	"'s": true, "no": true, "any": true, "every": true, "each": true}

var prepositions = map[string]bool{"in": true, "on": true, "at": true, "during": true, "to": true, "via": true,
	"through": true, "from": true, "after": true, "before": true, "with": true, "over": true, "for": true,
	"about": true, "of": true, "by": true, "while": true, "when": true, "as": true, "outside": true,
	"inside": true, "near": true, "into": true, "amid": true, "following": true, "under": true, "onto": true,
	"against": true, "toward": true, "towards": true, "across": true, "behind": true, "beyond": true, "despite": true,
	"without": true, "within": true, "alongside": true, "beside": true, "besides": true, "upon": true, "around": true, "among": true, "between": true, "than": true}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"earlier": true, "later": true, "last": true, "this": true, "next": true, "week": true, "month": true,
	"year": true, "morning": true, "afternoon": true, "evening": true, "night": true, "now": true,
	"recently": true, "then": true, "once": true, "again": true, "also": true, "previously": true,
	"weekend": true, "day": true, "ago": true, "years": true, "months": true, "weeks": true, "days": true, "sometimes": true, "often": true, "instead": true,
	"meanwhile": true, "indeed": true, "however": true, "still": true, "moreover": true, "separately": true, "perhaps": true, "maybe": true, "notably": true,
	"ultimately": true, "finally": true, "specifically": true, "similarly": true, "additionally": true,
	"plus": true, "likewise": true, "nonetheless": true, "nevertheless": true, "still,": true, "initially": true, "hastily": true, "afterwards": true, "afterward": true}

var objectWords = map[string]bool{"me": true, "him": true, "her": true, "them": true, "us": true, "you": true,
	"reporters": true, "journalists": true, "supporters": true, "voters": true, "lawmakers": true,
	"the": true, "a": true, "an": true, "his": true, "their": true, "our": true, "audience": true,
	"crowd": true, "members": true, "people": true, "everyone": true, "listeners": true, "viewers": true}

// words returns w.low[a:b].
func (w *doc) words(a, b int) []string { return w.low[max(a, 0):min(b, len(w.low))] }

// textOf returns the text from token a to token b-1.
func (w *doc) textOf(a, b int) string {
	if a >= b {
		return ""
	}
	return w.text[w.toks[a].Start:w.toks[b-1].End]
}

// cueAt returns the length in tokens of a reporting cue of one of the
// sections at token i, or 0. Nouns spelled like verbs ("the claims", "a
// report") are not cues.
func (w *doc) cueAt(i int, sections ...string) int {
	if i > 0 && (determiners[w.low[i-1]] || prepositions[w.low[i-1]] && w.low[i-1] != "as") {
		return 0
	}
	if i > 1 && determiners[w.low[i-2]] && isLower(w.toks[i-1].Text) && isAdjective(w.low[i-1]) {
		return 0 // "Trump's repeated calls", "the recent report"
	}
	if isCapitalized(w.toks[i].Text) && !w.isSentenceStart(i) && i > 0 && !isQuoteMark(w.low[i-1]) && w.low[i-1] != "," {
		return 0 // "United States", "Post" in a name
	}
	for _, s := range sections {
		if n := w.lx.match(s, w.low, i); n > 0 {
			if i+n < len(w.low) && !w.quotedTok[i+n] && (w.lx.has("clause", w.low[i+n]) && w.low[i+n] != "post" || w.lx.has("finite", w.low[i+n])) &&
				!isCapitalized(w.toks[i+n].Text) && w.low[i+n] != "that" {
				return 0 // a noun before its verb: "the report said", "claims are"
			}
			return n
		}
	}
	return 0
}

func trimPunctTokens(w *doc, a, b int) (int, int) {
	for a < b && (isPunct(w.low[a]) && w.low[a] != "(" && !isQuoteMark(w.low[a])) {
		a++
	}
	for b > a && (isPunct(w.low[b-1]) && w.low[b-1] != ")" || isQuoteMark(w.low[b-1]) && !w.quotedTok[b-1]) {
		b--
	}
	return a, b
}

func hasWord(s []string, set map[string]bool) bool {
	for _, x := range s {
		if set[x] {
			return true
		}
	}
	return false
}

func joinLower(s []string) string { return strings.Join(s, " ") }

// sentBreak reports whether token i is the last of its sentence.
func (w *doc) sentBreak(i int) bool {
	return i+1 >= len(w.toks) || w.sentOf[i+1] != w.sentOf[i] || w.paraOf[i+1] != w.paraOf[i]
}

// isAdjective guesses an adjective before a noun: a participle
// ("repeated") or a few common ones ("recent", "new"). Nouns that end like
// adjectives ("official") make a wider rule costlier than it is worth.
func isAdjective(t string) bool {
	return hasSuffix(t, "ed") || t == "new" || t == "latest" || t == "recent" || t == "own" || t == "numerous" || t == "frequent"
}
