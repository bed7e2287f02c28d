// Package event is the event stage: who did what to whom, where and when,
// in PLOVER-style types (see lexicon.txt).
//
// A trigger is a verb or a noun of the lexicon, never a capitalised word
// inside a sentence (that is a name), read in its context for its sense
// (sense.go: a "strike" in a sentence of violence is an attack, a general
// strike is not; "were killed" is a death toll, not an attack of its own;
// "rejected the reports" is a denial). Denials that no single word names
// ("called the reports false", "the report is patently false", "there was
// no strike") are found by the constructions of deny.go.
//
// Arguments are entities of the document, never pronouns: mentions of the
// link stage, with pronouns, "the group" and demonyms resolved here
// (coref.go):
//   - active verb: the actor is the clause's subject, the nearest mention
//     to the left that is not the object of a preposition, past dash or
//     bracket asides, relative clauses and datelines, the antecedent of a
//     relative pronoun, the subject of a coordinated verb or of the main
//     clause for a participle; the target is the first mention to the
//     right in the same clause that is not a place after "in"/"at";
//   - passive verb ("al Salafi was arrested by police"): the subject is the
//     target and the mention after "by" the actor;
//   - noun ("the arrest of X by Y", "an Israeli air strike", "Russia
//     launched an attack"): the target follows "of"/"to"/"against"/"on",
//     the actor follows "by", is named in its noun phrase, or is the
//     subject of a light verb that governs it;
//   - a denial in a quote takes the quote's speaker when it has no other
//     actor; an attack takes the actor named at another mention of the
//     same attack or by a claim of responsibility (story.go).
//
// An event is negated when "not", "never" or "no" comes just before its
// trigger or its noun phrase, and hedged when a hedge ("allegedly",
// "reportedly", "believed", "claimed") precedes it in the sentence or a
// hedged quote holds it. Its date is the nearest date expression of its
// sentence (the timex stage) and its place the nearest place after
// "in"/"at"/"near". A DENY's Denies names the quote or event it answers.
package event

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/predarg"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Stage finds events.
//
// It needs doc.Tokens, doc.Sentences and doc.Entities (link); it reads
// doc.Quotes (hedging, speakers of denials, statements denied), doc.Dates
// (timex) and the entities' places (geo: demonyms and their countries)
// when they are there. It sets doc.Events, IDs V1, V2, ... in text order.
type Stage struct {
	lx *lexicon
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the event stage with the built-in lexicon.
func New() (*Stage, error) {
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		return nil, err
	}
	predarg.Prepare()
	return &Stage{lx: lx}, nil
}

// Name is "event".
func (*Stage) Name() string { return "event" }

// PLOVER returns the default PLOVER category of an event type ("ARREST" ->
// "COERCE"), or the type itself when it is one.
func (s *Stage) PLOVER(typ string) string {
	if p, ok := s.lx.plover[typ]; ok {
		return p
	}
	return typ
}

// Category returns the PLOVER category of an event: that of its trigger
// when the lexicon gives the trigger its own ("shelled" is an ATTACK of
// PLOVER's FIGHT), else its type's default.
func (s *Stage) Category(ev news.Event) string {
	return s.lx.category(ev.Type, ev.Trigger.Text)
}

// Process finds doc's events; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := newArgs(doc, s.lx)
	doc.Events = doc.Events[:0]
	for si, sent := range doc.Sentences {
		doc.Events = s.sentenceEvents(a, si, sent, doc.Events)
		doc.Events = append(doc.Events, a.heldResponsible(si, sent)...)
		doc.Events = append(doc.Events, a.denials(si, sent, doc.Events)...)
	}
	sort.SliceStable(doc.Events, func(i, j int) bool { return doc.Events[i].Trigger.Start < doc.Events[j].Trigger.Start })
	a.finishActors(doc.Events)
	doc.Events = a.chainAttacks(doc.Events)
	for i := range doc.Events {
		doc.Events[i].ID = fmt.Sprintf("V%d", i+1)
	}
	a.linkDenials(doc.Events)
	if doc.Events == nil {
		doc.Events = []news.Event{}
	}
	return nil
}

// sentenceEvents appends to evs the events that lexicon triggers name in
// sentence si.
func (s *Stage) sentenceEvents(a *args, si int, sent news.Sentence, evs []news.Event) []news.Event {
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		t, n := s.match(a, sent, i)
		if n == 0 {
			continue
		}
		f, ok := s.sense(a, evs, sent, found{t: t, first: i, end: i + n})
		if ok {
			f.t.typ = a.modalType(sent, f.first, f.t)
			evs = append(evs, a.event(si, sent, f.first, f.end, f.t))
		}
		i += n - 1
	}
	return evs
}

// finishActors gives a denial without a subject the speaker of the quote
// that holds it ("We have rejected the results", he said), and a denial
// without a target the owner of the claim it denies.
func (a *args) finishActors(evs []news.Event) {
	for i := range evs {
		ev := &evs[i]
		if ev.Type != "DENY" {
			continue
		}
		sent := a.doc.Sentences[ev.Sentence]
		first, end := a.tokensOf(sent, ev.Trigger.Span)
		if ev.Actor == "" {
			ev.Actor = a.canonical(a.speakerAt(first))
		}
		if ev.Target == "" {
			if n := a.deniedClaim(sent, first, end); n >= 0 {
				ev.Target = a.claimOwner(sent, n)
			}
		}
		if ev.Target == ev.Actor {
			ev.Target = ""
		}
	}
}

// Intent and modality, after CAMEO/PLOVER: "will visit" is an intent to
// meet (AGREE), "will impose a curfew" a threat (THREATEN), "would not
// meet the demands" a refusal (REJECT); a speaker saying another party
// "must" act makes a demand (DEMAND).
var (
	futureWords   = set(`will would shall 'll ’ll`)
	intentVerbs   = set(`ready willing prepared plans plan planned intends intend intended decided vowed vows threatened threatens`)
	conflictTypes = set(`COERCE ARREST ATTACK FIGHT SANCTION MOBILIZE`)
	cooperTypes   = set(`AID FUND MEET SUPPORT COOPERATE CONCEDE RETREAT`)
	mustWords     = set(`must should`)
	demandCues    = set(`said says declared reiterated insisted stressed told warned added`)
)

// modalType returns the event type of trigger t at token i once the words
// before it are read for intent and negation.
func (a *args) modalType(sent news.Sentence, i int, t trigger) string {
	if demandCues[strings.ToLower(a.words[i])] {
		return t.typ
	}
	intent, negated := false, false
	for k := i - 1; k >= sent.FirstToken && k >= i-4; k-- {
		w := strings.ToLower(a.words[k])
		switch {
		case futureWords[w] || intentVerbs[w]:
			intent = true
		case negations[w]:
			negated = true
		case w == "to" || w == "be" || skipAdverbs[w] || strings.HasSuffix(w, "ly"):
		default:
			k = sent.FirstToken // stop
		}
	}
	switch {
	case !intent:
		return t.typ
	case negated && cooperTypes[t.typ]:
		return "REJECT"
	case conflictTypes[t.typ]:
		return "THREATEN"
	case cooperTypes[t.typ]:
		return "AGREE"
	}
	return t.typ
}

// match returns the longest trigger starting at token i and its length in
// tokens, or n = 0. A noun and a verb of the same spelling ("attack") are
// told apart by the word before: a determiner, possessive, number or
// adjective makes it a noun.
func (s *Stage) match(a *args, sent news.Sentence, i int) (trigger, int) {
	w := a.words[i]
	if a.inName[i] || (i > sent.FirstToken && isCapitalised(w)) {
		return trigger{}, 0
	}
	if demandCues[strings.ToLower(w)] && a.mustFollows(sent, i) {
		return trigger{typ: "DEMAND", plover: "DEMAND", lemma: strings.ToLower(w), words: []string{w}}, 1
	}
	cands := s.lx.byFirst[strings.ToLower(w)]
	if len(cands) == 0 {
		return trigger{}, 0
	}
	var best trigger
	bestLen := 0
	for _, t := range cands {
		n := len(t.words)
		if i+n > sent.EndToken || !phraseAt(a.words, i, t.words) {
			continue
		}
		better := n > bestLen || (n == bestLen && t.noun == a.nounReading(sent, i, i+n) && best.noun != t.noun)
		if better {
			best, bestLen = t, n
		}
	}
	return best, bestLen
}

// mustFollows reports "must" or "should" within the clause reported by
// the verb at i: "declared that China must drop barriers".
func (a *args) mustFollows(sent news.Sentence, i int) bool {
	for k := i + 1; k < sent.EndToken && k <= i+8; k++ {
		if mustWords[strings.ToLower(a.words[k])] {
			return true
		}
		if a.words[k] == ";" || a.words[k] == "." {
			return false
		}
	}
	return false
}

func phraseAt(words []string, i int, phrase []string) bool {
	for k, p := range phrase {
		if !strings.EqualFold(words[i+k], p) {
			return false
		}
	}
	return true
}

var determiners = set(`the a an this that these those his her its their our your my 's ’s
	any no every each some new fresh further latest recent alleged suspected possible major deadly`)

// nounReading tells whether a word at [i, end) that the lexicon has both as
// a verb and as a noun ("attack", "bombing") is the noun: after a
// determiner, a number or an adjective ("the attack", "a deadly attack");
// when no object follows ("under attack from", "in killing of", "Houthi
// attacks on ships", not "by bombing the embassy", "recruiting fighters"),
// or a verb follows ("a roadside bombing claimed by"). After an auxiliary,
// "to", a subject pronoun or a comma it is the verb.
func (a *args) nounReading(sent news.Sentence, i, end int) bool {
	if i > sent.FirstToken {
		p := a.lower[i-1]
		switch {
		case nounBefore(p) || p == "'" || p == "’":
			return true // "the Saudis' bombing campaign"
		case beForms[p] || auxiliaries[p] || p == "to" || subjectPronouns[p] || p == ",":
			return false
		case prepositions[p]:
			return a.noObjectAt(sent, end)
		case a.ref[i-1].entity != "" && a.namesModifyNoun(sent, i):
			return true
		}
	}
	return a.noObjectAt(sent, end) || a.isVerb(end)
}

// namesModifyNoun reports whether the words before i are a determiner and
// names, so that the word at i heads their noun phrase: "the Mosul attack",
// "a Taliban attack".
func (a *args) namesModifyNoun(sent news.Sentence, i int) bool {
	start := a.npStart(sent, i)
	if start >= i || !determiners[a.lower[start]] {
		return false
	}
	for k := start + 1; k < i; k++ {
		if a.ref[k].entity == "" && !strings.HasSuffix(a.lower[k], "al") && !strings.HasSuffix(a.lower[k], "ed") {
			return false
		}
	}
	return true
}

// noObjectAt reports whether no object can start at token k: the sentence
// ends, or a preposition, a conjunction, a punctuation mark or an auxiliary
// comes.
func (a *args) noObjectAt(sent news.Sentence, k int) bool {
	if k >= sent.EndToken {
		return true
	}
	w := a.lower[k]
	return prepositions[w] || clauseBreaks[w] || conjunctions[w] || (!isLowerAlpha(w) && !isNumber(w) && a.ref[k].entity == "") ||
		beForms[w] || auxiliaries[w]
}

func nounBefore(prev string) bool {
	p := strings.ToLower(prev)
	if determiners[p] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsDigit(r) || strings.HasSuffix(p, "al") || strings.HasSuffix(p, "ive") || strings.HasSuffix(p, "ous")
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
