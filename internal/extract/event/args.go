package event

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/predarg"
	"github.com/newsgraph/newsgraph/internal/news"
)

// args indexes a document for argument finding: which entity mention, if
// any, each token belongs to, which sentence and which quote holds it.
type args struct {
	doc    *news.Doc
	lx     *lexicon
	words  []string
	lower  []string
	ref    []mentionRef // per token; entity "" when none
	inName []bool       // token inside a name (not a pronoun or nominal)
	sentOf []int        // per token, its sentence
	quote  []int        // per token, the innermost quote that holds it, or -1
	said   []bool       // per token, inside a direct or indirect quote (not only a partial one)
	canon  map[string]string
	types  map[string]string // entity id -> NER type
	pa     *predarg.Finder   // the arguments of verbs and event nouns
}

type mentionRef struct {
	entity      string
	typ         string
	first, last int // token range of the mention
	pronoun     bool
}

func newArgs(doc *news.Doc, lx *lexicon) *args {
	n := len(doc.Tokens)
	a := &args{doc: doc, lx: lx, words: make([]string, n), lower: make([]string, n), ref: make([]mentionRef, n),
		inName: make([]bool, n), sentOf: make([]int, n), quote: make([]int, n), said: make([]bool, n), types: map[string]string{}}
	for i, t := range doc.Tokens {
		a.words[i] = t.Text
		a.lower[i] = strings.ToLower(t.Text)
		a.quote[i] = -1
	}
	for si, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken && k < n; k++ {
			a.sentOf[k] = si
		}
	}
	tix := news.NewTokenIndex(doc.Tokens)
	for _, e := range doc.Entities {
		a.types[e.ID] = e.Type
		for _, m := range e.Mentions {
			first, last, ok := tix.Range(m.Span)
			if ok {
				a.addMention(e, m, first, last)
			}
		}
	}
	a.indexQuotes(tix)
	a.canon = canonicalEntities(doc)
	// The lexicon's verbs, not the POS tags, tell the finder which words are
	// verbs: on newsdev the tags' verbs ("opening the meeting", "making
	// unfounded allegations") gave one more false event and no actor more.
	a.pa = predarg.New(doc, predarg.Options{IsVerb: a.isVerb, NounReading: a.lexiconNoun})
	return a
}

func (a *args) addMention(e news.Entity, m news.Mention, first, last int) {
	pron := m.Kind == news.MentionPronoun
	for k := first; k <= last; k++ {
		if r := a.ref[k]; r.entity != "" && r.last-r.first > last-first {
			continue // a place named inside a longer name ("Air Zimbabwe") leaves the name its tokens
		}
		a.ref[k] = mentionRef{entity: e.ID, typ: e.Type, first: first, last: last, pronoun: pron}
		if !pron && m.Kind != news.MentionNominal {
			a.inName[k] = true
		}
	}
}

// indexQuotes marks each token with the shortest quote that holds it.
func (a *args) indexQuotes(tix news.TokenIndex) {
	order := make([]int, len(a.doc.Quotes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { // longest first, so the shortest is marked last
		return a.doc.Quotes[order[x]].Len() > a.doc.Quotes[order[y]].Len()
	})
	for _, qi := range order {
		first, last, ok := tix.Range(a.doc.Quotes[qi].Span)
		if !ok {
			continue
		}
		for k := first; k <= last; k++ {
			a.quote[k] = qi
			a.said[k] = a.said[k] || a.doc.Quotes[qi].Kind != news.QuotePartial
		}
	}
}

// speakerAt returns the speaker of the innermost quote holding token k
// that has one, or "".
func (a *args) speakerAt(k int) string {
	if k < 0 || k >= len(a.quote) || a.quote[k] < 0 {
		return ""
	}
	q := a.doc.Quotes[a.quote[k]]
	if q.Speaker != "" {
		return q.Speaker
	}
	pos := a.doc.Tokens[k].Start
	for _, o := range a.doc.Quotes { // a partial quote inside a longer, attributed one
		if o.Speaker != "" && o.Start <= pos && pos < o.End {
			return o.Speaker
		}
	}
	return ""
}

func (a *args) event(si int, sent news.Sentence, first, end int, t trigger) news.Event {
	sp := news.Span{Start: a.doc.Tokens[first].Start, End: a.doc.Tokens[end-1].End}
	ev := news.Event{
		Type:     t.typ,
		Sentence: si,
		Trigger:  news.Mention{Span: sp, Text: sp.Of(a.doc.Text)},
		Negated:  a.pa.Negated(first, t.noun) && !t.ownsNegation,
		Hedged:   a.hedged(sent, first),
		Nominal:  t.noun,
	}
	switch {
	case t.noun:
		ev.Actor, ev.Target = a.nounArgs(first, end, t)
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

// nounArgs finds the actor and target of an event noun from its
// predicate (package predarg): the target after "of"/"to"/"against"/"on";
// the actor after "by" (or "from" for an attack), else the name or
// possessor inside its noun phrase ("an Israeli air strike", "Russia's
// attack", "their attacks"), else, for an attack, the party it is
// attributed to, else the subject of a light verb that governs it
// ("Russia launched an attack", "the Taliban claimed responsibility for
// the attack"). Other event nouns also take the subject of the clause
// when they are not the object of a verb or a preposition ("the group
// poses a threat", not "during investigations").
func (a *args) nounArgs(first, end int, t trigger) (actor, target string) {
	p := a.pa.Noun(first, end)
	target = a.entityOf(p.Patient())
	for _, arg := range p.Args {
		if arg.Role != predarg.Agent {
			continue
		}
		switch arg.How {
		case predarg.FromAgent, predarg.Attributed:
			if t.typ != "ATTACK" {
				continue
			}
		case predarg.LightVerb, predarg.Responsibility:
			return a.entityOf(arg), target
		case predarg.ClauseSubject:
			if t.typ == "ATTACK" || t.typ == "ARREST" {
				continue
			}
		}
		if id := a.entityOf(arg); id != "" {
			return id, target
		}
	}
	return "", target
}

// lexiconNoun reports a word the lexicon has as a noun that reads as one
// where it stands ("the strikes"): no verb for a coordination to share.
func (a *args) lexiconNoun(k int) bool {
	return a.hasNounForm(k) && a.nounReading(a.doc.Sentences[a.sentOf[k]], k, k+1)
}

// entityOf returns the entity an argument stands for as an actor or
// target: its mention's (a demonym's country, see canonical); for a
// pronoun without entity the one it refers to (coref.go); for "the group"
// the organisation named before it.
func (a *args) entityOf(arg predarg.Arg) string {
	switch {
	case !arg.Found():
		return ""
	case arg.Entity != "":
		return a.canonical(arg.Entity)
	case arg.RoleNoun:
		return a.previousEntity(arg.Head-1, func(t string) bool { return t == news.TypeORG || t == news.TypeMISC })
	case arg.Pronoun:
		return a.resolvePronounDepth(a.doc.Sentences[a.sentOf[arg.Head]], arg.Head, arg.Depth)
	}
	return ""
}

// npStart returns the first token of the noun phrase that ends just before
// token i (predarg.Finder.NPStart).
func (a *args) npStart(sent news.Sentence, i int) int { return a.pa.NPStart(sent, i) }

// modifierActor returns the entity named inside the noun phrase before an
// event noun at i: a possessor ("Russia's attack", "their attacks") or a
// name used as a modifier ("an Israeli air strike").
func (a *args) modifierActor(_ news.Sentence, i int) string { return a.entityOf(a.pa.Possessor(i)) }

// lightVerb returns the token of the light verb whose object is the event
// noun at i ("launched an attack", "claimed responsibility for the
// attack"), or -1.
func (a *args) lightVerb(_ news.Sentence, i int) int { return a.pa.LightVerb(i) }

// passiveAt reports whether the participle at i follows a form of "be".
func (a *args) passiveAt(_ news.Sentence, i int) bool { return a.pa.Passive(i) }

// subject returns the entity that is the subject of the verb at token i
// (predarg.Finder.Subject).
func (a *args) subject(_ news.Sentence, i int) string { return a.entityOf(a.pa.Subject(i)) }

// subjectDepth is subject for a search that has followed depth verbs.
func (a *args) subjectDepth(_ news.Sentence, i, depth int) string {
	return a.entityOf(a.pa.SubjectFrom(i, depth))
}

// prepositional reports whether the mention starting at token first is the
// object of a preposition ("the commander of IS").
func (a *args) prepositional(_ news.Sentence, first int) bool { return a.pa.Prepositional(first) }

// object returns the entity the verb whose tokens end before end acts on
// (predarg.Finder.Object).
func (a *args) object(_ news.Sentence, end int) string { return a.entityOf(a.pa.Object(end)) }

// afterWord returns the entity of the first mention that follows one of
// the given words within n tokens after end ("the arrest of X", "by Y").
func (a *args) afterWord(_ news.Sentence, end, n int, words ...string) string {
	return a.entityOf(a.pa.After(end, n, predarg.Agent, predarg.ByAgent, words...))
}

// isLowerAlpha and isNumber are the finder's word tests.
var (
	isLowerAlpha = predarg.IsLowerAlpha
	isNumber     = predarg.IsNumber
)

func (a *args) afterLocative(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[a.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && locativePreps[a.lower[k]]
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
		if !inAside && hedges[a.lower[k]] {
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

// hasNounForm reports whether the lexicon has the word at k as a noun
// ("strikes", "attack").
func (a *args) hasNounForm(k int) bool {
	for _, t := range a.lx.byFirst[a.lower[k]] {
		if t.noun && len(t.words) == 1 {
			return true
		}
	}
	return false
}

// isVerb guesses whether token k is a finite or participle verb: a form of
// a lexicon verb, a reporting or light verb, a common irregular past, or a
// lower-case word in -ed.
func (a *args) isVerb(k int) bool {
	w := a.lower[k]
	if !isLower(a.words[k]) || determiners[w] {
		return false
	}
	if predarg.EndsSubjectSearch(w, "") || lightVerbs[w] || irregularPasts[w] {
		return true
	}
	for _, t := range a.lx.byFirst[w] {
		if !t.noun && len(t.words) == 1 {
			return true
		}
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.Contains(w, "-")
}
