package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// args indexes a document for argument finding: which entity mention, if
// any, each token belongs to.
type args struct {
	doc    *news.Doc
	words  []string
	ref    []mentionRef // per token; entity "" when none
	inName []bool       // token inside a name (not a pronoun or nominal)
}

type mentionRef struct {
	entity      string
	typ         string
	first, last int // token range of the mention
}

func newArgs(doc *news.Doc) *args {
	a := &args{doc: doc, words: make([]string, len(doc.Tokens)), ref: make([]mentionRef, len(doc.Tokens)), inName: make([]bool, len(doc.Tokens))}
	for i, t := range doc.Tokens {
		a.words[i] = t.Text
	}
	tix := news.NewTokenIndex(doc.Tokens)
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			first, last, ok := tix.Range(m.Span)
			if !ok {
				continue
			}
			for k := first; k <= last; k++ {
				if r := a.ref[k]; r.entity != "" && r.last-r.first > last-first {
					continue // a place named inside a longer name ("Air Zimbabwe") leaves the name its tokens
				}
				a.ref[k] = mentionRef{entity: e.ID, typ: e.Type, first: first, last: last}
				if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
					a.inName[k] = true
				}
			}
		}
	}
	return a
}

var (
	prepositions = set(`of in at on to from with against for by about over under into near between among
		across through during toward towards within without via amid`)
	locativePreps = set(`in at near across inside outside throughout around from`)
	clauseBreaks  = set(`; : that which who whom whose because although though while whereas if unless but
		after before since when`)
	beAuxiliaries = set(`was were is are be been being got gets get 's`)
	negations     = set(`not n't never no without`)
	hedges        = set(`allegedly reportedly purportedly apparently believed suspected claimed claims alleged
		rumoured rumored possibly perhaps may might could unconfirmed`)
	skipAdverbs = set(`actually also already reportedly allegedly later earlier then still just recently
		finally eventually apparently now had has have been`)
)

// reportingVerbs end the search for a subject: the speaker of "sources said
// X was arrested" is not the arrest's actor.
var reportingVerbs = set(`said says say told claimed claim claims revealed reveal reported report added
	stated announced confirmed believed believe insisted warned explained noted`)

func (a *args) event(si int, sent news.Sentence, first, end int, t trigger) news.Event {
	sp := news.Span{Start: a.doc.Tokens[first].Start, End: a.doc.Tokens[end-1].End}
	ev := news.Event{
		Type:     t.typ,
		Sentence: si,
		Trigger:  news.Mention{Span: sp, Text: sp.Of(a.doc.Text)},
		Negated:  a.negated(sent, first),
		Hedged:   a.hedged(sent, first),
		Nominal:  t.noun,
	}
	switch {
	case t.noun:
		ev.Target = a.afterWord(sent, end, 4, "of", "to", "against", "on", "between")
		ev.Actor = a.afterWord(sent, end, 8, "by")
		if ev.Actor == "" && !a.prepositional(sent, first) {
			ev.Actor = a.subject(sent, first) // "the group poses a threat", not "during investigations"
		}
	case t.passive && a.passiveAt(sent, first):
		ev.Target = a.subject(sent, first)
		ev.Actor = a.afterWord(sent, end, 8, "by")
	default:
		ev.Actor = a.subject(sent, first)
		ev.Target = a.object(sent, end)
	}
	if ev.Target == ev.Actor {
		ev.Target = ""
	}
	ev.Date = a.date(sent, sp)
	ev.Place = a.place(sent, first)
	return ev
}

// passiveAt reports whether the participle at i follows a form of "be"
// (adverbs between allowed): "was actually arrested".
func (a *args) passiveAt(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-3; k-- {
		w := strings.ToLower(a.words[k])
		if beAuxiliaries[w] {
			return true
		}
		if !skipAdverbs[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// subject returns the entity of the nearest mention left of token i in its
// clause that is not the object of a preposition and not inside a dash or
// bracket aside.
func (a *args) subject(sent news.Sentence, i int) string {
	for k := i - 1; k >= sent.FirstToken; k-- {
		w := a.words[k]
		lw := strings.ToLower(w)
		switch {
		case w == "–" || w == "—" || w == ")":
			k = a.skipAside(sent, k)
			continue
		case clauseBreaks[lw] || reportingVerbs[lw]:
			return ""
		}
		r := a.ref[k]
		if r.entity == "" {
			continue
		}
		k = r.first
		if !a.prepositional(sent, r.first) {
			return r.entity
		}
	}
	return ""
}

// skipAside returns the index of the token that opens the aside closed at
// k ("– allegedly the commander of IS –", "(IS)"), or k when none opens it.
func (a *args) skipAside(sent news.Sentence, k int) int {
	closer := a.words[k]
	opener := closer
	if closer == ")" {
		opener = "("
	}
	for j := k - 1; j >= sent.FirstToken; j-- {
		if a.words[j] == opener {
			return j
		}
	}
	return k
}

// prepositional reports whether the mention starting at token first is the
// object of a preposition ("the commander of IS").
func (a *args) prepositional(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && (determiners[strings.ToLower(a.words[k])] || a.words[k] == "'s") {
		k--
	}
	return k >= sent.FirstToken && prepositions[strings.ToLower(a.words[k])]
}

// object returns the entity the verb acts on: a mention that opens the
// words after the verb ("arrested Yousaf al Salafi"), or that follows a
// short noun phrase and a preposition ("halted economic aid to Serbia",
// "the presence of IS"), at most three such steps away. A place after a
// locative preposition is where, not whom; and a phrase that goes on with
// a verb ("a man believed to be the commander of the IS group") has no
// entity object.
func (a *args) object(sent news.Sentence, end int) string {
	k := end
	for hop := 0; hop < 3 && k < sent.EndToken; hop++ {
		for n := 0; k < sent.EndToken && a.ref[k].entity == "" && n < 5; n++ {
			lw := strings.ToLower(a.words[k])
			if !nounPhraseWord(lw) {
				break
			}
			k++
		}
		if k >= sent.EndToken {
			return ""
		}
		if r := a.ref[k]; r.entity != "" {
			if r.typ == news.TypeLOC && a.afterLocative(sent, r.first) {
				return ""
			}
			return r.entity
		}
		if !objectPreps[strings.ToLower(a.words[k])] {
			return ""
		}
		k++
	}
	return ""
}

// objectPreps link a verb or noun to its object across a noun phrase.
var objectPreps = set(`to against on with for from of into over toward towards about`)

// verbLike words end a noun phrase: forms of be and have, modals, and
// past participles.
var verbLike = set(`be is are was were been being has have had will would can could may might should must
	do does did not`)

func nounPhraseWord(w string) bool {
	if w == "" || clauseBreaks[w] || verbLike[w] || prepositions[w] || !isLowerAlpha(w) {
		return false
	}
	return !strings.HasSuffix(w, "ed") || determiners[w]
}

func isLowerAlpha(w string) bool {
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

func (a *args) afterLocative(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[strings.ToLower(a.words[k])] {
		k--
	}
	return k >= sent.FirstToken && locativePreps[strings.ToLower(a.words[k])]
}

// afterWord returns the entity of the first mention that follows one of
// the given words within n tokens after end ("the arrest of X", "by Y").
func (a *args) afterWord(sent news.Sentence, end, n int, words ...string) string {
	for k := end; k < sent.EndToken && k < end+n; k++ {
		lw := strings.ToLower(a.words[k])
		if clauseBreaks[lw] {
			return ""
		}
		if !contains(words, lw) {
			continue
		}
		for j := k + 1; j < sent.EndToken && j <= k+4; j++ {
			if a.ref[j].entity != "" {
				return a.ref[j].entity
			}
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (a *args) negated(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-3; k-- {
		w := strings.ToLower(a.words[k])
		if negations[w] {
			return true
		}
		if !skipAdverbs[w] && !beAuxiliaries[w] && w != "did" && w != "does" && w != "do" && w != "will" && w != "would" {
			return false
		}
	}
	return false
}

// hedged reports a hedge before token i in its sentence, or a hedged quote
// that holds the token.
func (a *args) hedged(sent news.Sentence, i int) bool {
	inAside := false
	for k := sent.FirstToken; k < i; k++ {
		switch a.words[k] { // a hedge inside an aside qualifies the aside, not the event
		case "(":
			inAside = true
			continue
		case ")":
			inAside = false
			continue
		case "–", "—":
			inAside = !inAside
			continue
		}
		if !inAside && hedges[strings.ToLower(a.words[k])] {
			return true
		}
	}
	pos := a.doc.Tokens[i].Start
	for _, q := range a.doc.Quotes {
		if q.Hedged && q.Start <= pos && pos < q.End {
			return true
		}
	}
	return false
}

// date returns the value of the date expression in the sentence nearest
// the trigger, preferring one after it.
func (a *args) date(sent news.Sentence, trig news.Span) string {
	best, bestDist := "", 1<<62
	for _, d := range a.doc.Dates {
		if d.Start < sent.Start || d.End > sent.End || d.Value == "" {
			continue
		}
		dist := d.Start - trig.End
		if dist < 0 {
			dist = (trig.Start - d.End) * 2 // a date before the trigger counts double
		}
		if dist < bestDist {
			best, bestDist = d.Value, dist
		}
	}
	return best
}

// place returns the place entity after "in"/"at"/"near" in the sentence
// nearest to token i.
func (a *args) place(sent news.Sentence, i int) string {
	best, bestDist := "", 1<<62
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		r := a.ref[k]
		if r.entity == "" || r.typ != news.TypeLOC || k != r.first || !a.afterLocative(sent, k) {
			continue
		}
		dist := k - i
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = r.entity, dist
		}
	}
	return best
}
