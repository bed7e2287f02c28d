package event

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/predarg"
	"github.com/newsgraph/newsgraph/internal/news"
)

// A news story tells one attack many times: "a suicide bomber detonated
// his vehicle", "the attack", "Tuesday's attack", and names who did it once,
// often late ("TJP claimed responsibility for the attack"). Mentions that
// refer back join the attack they refer to; an attack whose actor the text
// does not name at that mention takes the actor named at another mention
// of the same attack.

// maxVerbChainSentences is how many sentences after an attack a verb with
// an unnamed subject ("six militants also opened fire") is read as part of
// it.
const maxVerbChainSentences = 2

// chainAttacks fills the actors of evs' ATTACK events from the other
// mentions of the same attack and from responsibility claims. A noun that
// refers back to an attack of its own sentence is that attack again ("a
// massacre took place, ... killed in the attack") and is dropped, unless a
// name tells it apart ("the Farah attack ... the Sari Pul attack"); it
// returns the events kept.
func (a *args) chainAttacks(evs []news.Event) []news.Event {
	head := make([]int, len(evs))
	repeat := make([]bool, len(evs))
	actor := map[int]string{}
	last := -1
	for i := range evs {
		head[i] = -1
		if evs[i].Type != "ATTACK" {
			continue
		}
		head[i] = i
		if last >= 0 && a.refersBack(evs, i, last) {
			ante := a.antecedentAttack(evs, i)
			head[i] = head[ante]
			repeat[i] = evs[i].Nominal && evs[ante].Sentence == evs[i].Sentence && !a.namedNoun(evs[i])
		}
		if evs[i].Actor != "" && actor[head[i]] == "" && !evs[i].Negated {
			actor[head[i]] = evs[i].Actor
		}
		last = i
	}
	for _, c := range a.responsibilityClaims() {
		if at := lastAttackBefore(evs, c.pos); at >= 0 && actor[head[at]] == "" {
			actor[head[at]] = c.entity
		}
	}
	kept := evs[:0]
	for i, ev := range evs {
		if head[i] >= 0 && ev.Actor == "" {
			ev.Actor = actor[head[i]]
		}
		if !repeat[i] {
			kept = append(kept, ev)
		}
	}
	return kept
}

// refersBack reports whether ATTACK i refers to an attack told before
// (last is the latest ATTACK before it): a definite noun ("the attack",
// "these strikes", "Tuesday's attack"), or a verb whose subject names no
// one and is no new one ("the militants opened fire", not "a bomb
// detonated") shortly after.
func (a *args) refersBack(evs []news.Event, i, last int) bool {
	ev := evs[i]
	sent := a.doc.Sentences[ev.Sentence]
	first, _ := a.tokensOf(sent, ev.Trigger.Span)
	if ev.Nominal {
		start := a.npStart(sent, first)
		if start < first && (a.lower[start] == "another" || articles[a.lower[start]] && a.lower[start] != "the") {
			return false
		}
		return a.definite(sent, first) || a.timePossessive(start, first)
	}
	if ev.Actor != "" || ev.Sentence-evs[last].Sentence > maxVerbChainSentences {
		return false
	}
	start := a.npStart(sent, a.verbGroupStart(sent, first))
	return start >= first || !articles[a.lower[start]] || a.lower[start] == "the"
}

// namedNoun reports an event noun whose phrase holds a name ("the Sari Pul
// attack"): it can tell one attack from another in the same sentence.
func (a *args) namedNoun(ev news.Event) bool {
	sent := a.doc.Sentences[ev.Sentence]
	first, _ := a.tokensOf(sent, ev.Trigger.Span)
	for k := a.npStart(sent, first); k < first; k++ {
		if a.ref[k].entity != "" {
			return true
		}
	}
	return false
}

// verbGroupStart returns the first token of the verb group that ends with
// the verb at i ("had also opened").
func (a *args) verbGroupStart(sent news.Sentence, i int) int {
	k := i
	for k > sent.FirstToken {
		w := a.lower[k-1]
		if !auxiliaries[w] && !skipAdverbs[w] && !negations[w] && !beForms[w] && !strings.HasSuffix(w, "ly") {
			break
		}
		k--
	}
	return k
}

// timePossessive reports a possessive that is not a name in the noun phrase
// [start, end): "Tuesday's attack", "last week's bombing".
func (a *args) timePossessive(start, end int) bool {
	for k := start; k < end; k++ {
		if (a.lower[k] == "'s" || a.lower[k] == "’s") && k > 0 && !a.inName[k-1] {
			return true
		}
	}
	return false
}

// attackFamily groups attack nouns that refer to each other: a strike to
// strikes and raids, a blast to bombs and explosions.
func attackFamily(trigger string) string {
	t := strings.ToLower(trigger)
	switch {
	case strings.Contains(t, "strike") || strings.Contains(t, "raid") || strings.Contains(t, "shell"):
		return "strike"
	case strings.Contains(t, "bomb") || strings.Contains(t, "blast") || strings.Contains(t, "explo") || strings.Contains(t, "detonat"):
		return "bomb"
	}
	return ""
}

// antecedentAttack returns the ATTACK that ATTACK i refers to: the latest
// one of its family before it ("the strike" -> the air strike), else the
// latest one.
func (a *args) antecedentAttack(evs []news.Event, i int) int {
	fam := attackFamily(evs[i].Trigger.Text)
	latest := -1
	for k := i - 1; k >= 0; k-- {
		if evs[k].Type != "ATTACK" {
			continue
		}
		if latest < 0 {
			latest = k
		}
		if fam == "" || attackFamily(evs[k].Trigger.Text) == fam {
			return k
		}
	}
	return latest
}

// responsibility is a party claiming an attack: "X claimed responsibility".
type responsibility struct {
	entity string
	pos    int // byte offset of "responsibility"
}

// responsibilityClaims lists who claimed responsibility where, when the
// claim is not negated and names no attack noun of its own (that noun
// has the claimant as actor already).
func (a *args) responsibilityClaims() []responsibility {
	var out []responsibility
	for _, sent := range a.doc.Sentences {
		for k := sent.FirstToken + 1; k < sent.EndToken; k++ {
			if a.lower[k] != "responsibility" || !lightVerbs[a.lower[k-1]] || a.negatedWithin(sent, k-1, 3) {
				continue
			}
			if id := a.subject(sent, k-1); id != "" {
				out = append(out, responsibility{entity: id, pos: a.doc.Tokens[k].Start})
			}
		}
	}
	return out
}

// lastAttackBefore returns the index of the latest ATTACK event whose
// trigger starts before pos, or -1.
func lastAttackBefore(evs []news.Event, pos int) int {
	for k := len(evs) - 1; k >= 0; k-- {
		if evs[k].Type == "ATTACK" && evs[k].Trigger.Start < pos {
			return k
		}
	}
	return -1
}

// maxAnswerSentences bounds how far back a denial that names no owner
// ("denied the reports") looks for the statement it answers.
const maxAnswerSentences = 12

// linkDenials sets Denies on each DENY event that names what it denies:
// the statement (quote or ACCUSE/ASSERT event) of the claim's owner
// ("rejected India's claim"), or, for a denial by a named party of a claim
// noun without owner that refers back ("such reports", "the allegations",
// not "claims of"), the latest statement by another party before it that
// shares a word or a name with the denial's sentence.
func (a *args) linkDenials(evs []news.Event) {
	for i := range evs {
		ev := &evs[i]
		if ev.Type != "DENY" {
			continue
		}
		sent := a.doc.Sentences[ev.Sentence]
		first, end := a.tokensOf(sent, ev.Trigger.Span)
		n := a.deniedClaim(sent, first, end)
		if n < 0 {
			continue
		}
		owner := a.claimOwner(sent, n)
		switch {
		case owner != "" && owner != ev.Actor:
			ev.Denies = a.statementBy(evs, owner, ev.Trigger.Start)
		case owner == "" && ev.Actor != "" && a.refersBackTo(sent, n):
			ev.Denies = a.statementBefore(evs, ev.Actor, sent, ev.Trigger.Start)
		}
	}
}

// statementBy returns the id of the statement by entity owner nearest to
// pos, an earlier one preferred: a quote it speaks (not one that holds
// pos: that is the denial's own) or an ACCUSE/ASSERT event it is the
// actor of.
func (a *args) statementBy(evs []news.Event, owner string, pos int) string {
	best, bestDist := "", 1<<62
	consider := func(id string, at int) {
		d := pos - at
		if d < 0 {
			d = -d * 2 // a later statement is a weaker answer
		}
		if d < bestDist {
			best, bestDist = id, d
		}
	}
	for _, q := range a.doc.Quotes {
		if q.Speaker != "" && a.canonical(q.Speaker) == owner && (pos < q.Start || pos >= q.End) {
			consider(q.ID, q.Start)
		}
	}
	for _, v := range evs {
		if (v.Type == "ACCUSE" || v.Type == "ASSERT") && v.Actor == owner {
			consider(v.ID, v.Trigger.Start)
		}
	}
	return best
}

// refersBackTo reports whether the claim noun at n refers to something
// said before: "such reports", "these claims", "the allegations".
func (a *args) refersBackTo(sent news.Sentence, n int) bool {
	start := a.npStart(sent, n)
	if start >= n {
		return false
	}
	switch a.lower[start] {
	case "such", "these", "those", "this", "that", "the":
		return true
	}
	return false
}

// statementBefore returns the id of the latest statement before pos by a
// party other than denier, within maxAnswerSentences sentences, that
// shares a content word or a name with the denial's sentence.
func (a *args) statementBefore(evs []news.Event, denier string, sent news.Sentence, pos int) string {
	si := a.sentOf[sent.FirstToken]
	from := 0
	if si-maxAnswerSentences > 0 {
		from = a.doc.Sentences[si-maxAnswerSentences].Start
	}
	words := a.contentWords(sent.FirstToken, sent.EndToken)
	best, bestAt := "", -1
	for _, q := range a.doc.Quotes {
		if q.Speaker != "" && a.canonical(q.Speaker) != denier && q.Start >= from && q.End <= pos && q.Start > bestAt &&
			a.shares(q.Span, words) {
			best, bestAt = q.ID, q.Start
		}
	}
	for _, v := range evs {
		if (v.Type == "ACCUSE" || v.Type == "ASSERT") && v.Actor != "" && v.Actor != denier && v.Trigger.Start >= from &&
			v.Trigger.End <= pos && v.Trigger.Start > bestAt && a.shares(a.doc.Sentences[v.Sentence].Span, words) {
			best, bestAt = v.ID, v.Trigger.Start
		}
	}
	return best
}

// minContentWord is the length from which a word that is no function word
// counts as content ("arms", not "the").
const minContentWord = 4

// contentWords returns the content words and entity ids of tokens
// [first, end), without claim nouns and words of denial or falsity.
func (a *args) contentWords(first, end int) map[string]bool {
	out := map[string]bool{}
	for k := first; k < end; k++ {
		w := a.lower[k]
		switch {
		case a.ref[k].entity != "":
			out[a.canonical(a.ref[k].entity)] = true
		case len(w) >= minContentWord && isLowerAlpha(w) && !functionWords[w] && !claimNouns[w] && !falsityWords[w] &&
			!predarg.EndsSubjectSearch(w, "") && !a.isDenial(k):
			out[w] = true
		}
	}
	return out
}

// isDenial reports a word of the lexicon's DENY triggers at k.
func (a *args) isDenial(k int) bool {
	for _, t := range a.lx.byFirst[a.lower[k]] {
		if t.typ == "DENY" || t.typ == "REJECT" {
			return true
		}
	}
	return false
}

// shares reports whether the tokens of span hold a word or name of words.
func (a *args) shares(sp news.Span, words map[string]bool) bool {
	for k := a.tokenAt(sp.Start); k < len(a.lower) && a.doc.Tokens[k].Start < sp.End; k++ {
		if a.ref[k].entity != "" && words[a.canonical(a.ref[k].entity)] || words[a.lower[k]] {
			return true
		}
	}
	return false
}

// tokenAt returns the first token that ends after byte offset pos.
func (a *args) tokenAt(pos int) int {
	return sort.Search(len(a.doc.Tokens), func(k int) bool { return a.doc.Tokens[k].End > pos })
}
