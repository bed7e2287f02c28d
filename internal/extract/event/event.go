// Package event is the event stage: who did what to whom, where and when,
// in PLOVER-style types (see lexicon.txt).
//
// A trigger is a verb or a noun of the lexicon, never a capitalised word
// inside a sentence (that is a name). Its arguments come from the entity
// mentions of the link stage, names, titles and pronouns alike:
//   - active verb: the actor is the clause's subject, the nearest mention
//     to the left that is not the object of a preposition and not inside a
//     dash or bracket aside; the target is the first mention to the right
//     in the same clause that is not a place after "in"/"at";
//   - passive verb ("al Salafi was arrested by police"): the subject is the
//     target and the mention after "by" the actor;
//   - noun ("the arrest of X by Y", "poses a threat to X"): the target
//     follows "of"/"to"/"against", the actor follows "by" or is the
//     clause's subject.
//
// An event is negated when "not", "never" or "no" comes just before its
// trigger, and hedged when a hedge ("allegedly", "reportedly", "believed",
// "claimed") precedes it in the sentence or a hedged quote holds it. Its
// date is the nearest date expression of its sentence (the timex stage)
// and its place the nearest place after "in"/"at"/"near".
package event

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Stage finds events.
//
// It needs doc.Tokens, doc.Sentences and doc.Entities (link); it reads
// doc.Quotes (hedging) and doc.Dates (timex) when they are there. It sets
// doc.Events, IDs V1, V2, ... in text order.
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
	return &Stage{lx: lx}, nil
}

// Name is "event".
func (*Stage) Name() string { return "event" }

// PLOVER returns the PLOVER category of an event type ("ARREST" ->
// "COERCE"), or the type itself when it is one.
func (s *Stage) PLOVER(typ string) string {
	if p, ok := s.lx.plover[typ]; ok {
		return p
	}
	return typ
}

// Process finds doc's events; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a := newArgs(doc)
	doc.Events = doc.Events[:0]
	for si, sent := range doc.Sentences {
		for i := sent.FirstToken; i < sent.EndToken; i++ {
			t, n := s.match(a, sent, i)
			if n == 0 {
				continue
			}
			t.typ = a.modalType(sent, i, t)
			ev := a.event(si, sent, i, i+n, t)
			ev.ID = fmt.Sprintf("V%d", len(doc.Events)+1)
			doc.Events = append(doc.Events, ev)
			i += n - 1
		}
	}
	if doc.Events == nil {
		doc.Events = []news.Event{}
	}
	return nil
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
	nounContext := i > sent.FirstToken && nounBefore(a.words[i-1])
	var best trigger
	bestLen := 0
	for _, t := range cands {
		n := len(t.words)
		if i+n > sent.EndToken || !phraseAt(a.words, i, t.words) {
			continue
		}
		better := n > bestLen || (n == bestLen && t.noun == nounContext && best.noun != nounContext)
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

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
