package watch

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/searchq"
)

// A rule's full-text query is parsed by the store's parser (searchq) and
// run on the one article in memory, as the store's index would run it:
// title and text split into words at every character that is no letter
// or digit, compared folded (lower case, no accents); a phrase is words
// in a row, a prefix* a word's beginning; entity:, place:, type:, from:
// and to: filter on the article's store entities and date.

// compiledQuery is a parsed query with its words folded.
type compiledQuery struct {
	plan searchq.Plan
	alts [][]queryTerm
	excl []queryTerm
}

type queryTerm struct {
	words  []string // folded
	prefix bool
}

// compileQuery parses a query; an error is a *news.QueryError's message.
func compileQuery(text string) (*compiledQuery, error) {
	plan, err := searchq.Parse(text, searchq.Limits{}.WithDefaults())
	if err != nil {
		return nil, err
	}
	if plan.MatchesNothing(text) {
		return nil, fmt.Errorf("%q has no word to look for", text)
	}
	q := &compiledQuery{plan: plan}
	for _, alt := range plan.Alts {
		var terms []queryTerm
		for _, t := range alt {
			terms = append(terms, foldTerm(t))
		}
		q.alts = append(q.alts, terms)
	}
	for _, t := range plan.Exclude {
		q.excl = append(q.excl, foldTerm(t))
	}
	return q, nil
}

func foldTerm(t searchq.Term) queryTerm {
	qt := queryTerm{prefix: t.Prefix}
	for _, w := range t.Words {
		qt.words = append(qt.words, searchq.Fold(w))
	}
	return qt
}

// qword is one indexed word of the article and the sentence it is in
// (-1 in the title).
type qword struct {
	text     string
	sentence int
}

// words returns the article's title and text as the index splits them,
// made once.
func (a *Article) words() (title, text []qword) {
	if a.titleWords == nil && a.textWords == nil {
		a.titleWords = splitIndexed(deref(a.doc.Title), nil)
		a.textWords = splitIndexed(a.doc.Text, a.sentenceAt)
		if a.titleWords == nil {
			a.titleWords = []qword{}
		}
	}
	return a.titleWords, a.textWords
}

// sentenceAt returns the sentence of a code point offset.
func (a *Article) sentenceAt(cp int) int { return a.sentence(cp) }

// splitIndexed splits s into folded words; sentence, when set, gives the
// sentence of a word's first code point.
func splitIndexed(s string, sentence func(cp int) int) []qword {
	var out []qword
	cp, start, startCP := 0, -1, 0
	flush := func(end int) {
		if start >= 0 {
			w := qword{text: searchq.Fold(s[start:end]), sentence: -1}
			if sentence != nil {
				w.sentence = sentence(startCP)
			}
			out = append(out, w)
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start, startCP = i, cp
			}
		} else {
			flush(i)
		}
		cp++
	}
	flush(len(s))
	return out
}

// find returns the sentences of the term's occurrences in words (-1 for
// the title) and whether it occurs.
func (t queryTerm) find(words []qword) (sents []int, found bool) {
	n := len(t.words)
	for i := 0; i+n <= len(words); i++ {
		if t.at(words[i : i+n]) {
			found = true
			sents = append(sents, words[i].sentence)
		}
	}
	return sents, found
}

func (t queryTerm) at(ws []qword) bool {
	last := len(t.words) - 1
	for j, w := range t.words {
		if j == last && t.prefix {
			if !strings.HasPrefix(ws[j].text, w) {
				return false
			}
		} else if ws[j].text != w {
			return false
		}
	}
	return true
}

// matchQuery runs q on the article: its filters, then its terms. It
// returns the sentences holding the terms found.
func (a *Article) matchQuery(q *compiledQuery) ([]int, bool) {
	if !a.queryFilters(q.plan.Filters) {
		return nil, false
	}
	title, text := a.words()
	occurs := func(t queryTerm) ([]int, bool) {
		s1, in1 := t.find(title)
		s2, in2 := t.find(text)
		return append(s1, s2...), in1 || in2
	}
	for _, t := range q.excl {
		if _, ok := occurs(t); ok {
			return nil, false
		}
	}
	if len(q.alts) == 0 {
		return nil, true
	}
	for _, alt := range q.alts {
		var sents []int
		all := true
		for _, t := range alt {
			s, ok := occurs(t)
			if !ok {
				all = false
				break
			}
			sents = append(sents, s...)
		}
		if all {
			return slices.DeleteFunc(sents, func(s int) bool { return s < 0 }), true
		}
	}
	return nil, false
}

// queryFilters checks a query's field filters on the article, as the
// store's search does: every entity filter names one of its store
// entities (of the filter's type, or the query's type:), a type: alone
// needs an entity of that type, from: and to: bound its date.
func (a *Article) queryFilters(f searchq.Filters) bool {
	if (f.From != "" || f.To != "") && !a.inWindow(f.From, f.To) {
		return false
	}
	for _, ef := range f.Entities {
		typ := firstOf(ef.Type, f.Type)
		ok := false
		for _, id := range a.byKey[names.Key(ef.Name)] {
			if typ == "" || a.ents[id].Type == typ {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if len(f.Entities) == 0 && f.Type != "" {
		for i := range a.doc.Entities {
			if a.doc.Entities[i].Type == f.Type {
				return true
			}
		}
		return false
	}
	return true
}

// queryError is the message of a query the parser refuses.
func queryError(err error) string {
	if qe, ok := err.(*news.QueryError); ok {
		if qe.Hint != "" {
			return qe.Problem + "; " + qe.Hint
		}
		return qe.Problem
	}
	return err.Error()
}
