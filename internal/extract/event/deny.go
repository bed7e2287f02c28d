package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Denials that no lexicon word names. A sentence gets at most one denial
// from these constructions, and none when a lexicon word already denies
// in it ("denied the reports, calling them baseless" is one denial):
//   - a verb of calling with a word of falsity after it, said of something
//     said: "called the reports false", "termed as fabricated Gandhi's
//     charge" (not "called him a fake");
//   - a refused recognition: "will not recognize the results";
//   - a claim said to be false: "the report is patently false", "India's
//     claim was not true", "it's false" in a quote;
//   - "there is no ..." of an event or a plot, in a quote or a reported
//     clause: "there was no strike on the hospital", "clarified that there
//     was no conspiracy" (not "there is no bigger threat");
//   - a word of falsity in a quote: "what he says is a lie", "such a
//     fabricated charge";
//   - a quoted speaker's own attack, negated: "We didn't attack".
//
// The actor is the subject of the verb of calling or recognition, else the
// subject of the verb whose "that"-clause holds the denial, else the
// speaker of the quote that holds it; the target is whoever owns the claim
// denied ("India's claim").

// denialFinder looks for one denial construction in a sentence and returns
// its trigger's token range.
type denialFinder func(a *args, sent news.Sentence, evs []news.Event) (first, end int, ok bool)

var denialFinders = []denialFinder{calledFalse, refusedRecognition, copularFalse, thereIsNo, quotedFalse, deniedOwnAttack}

// denials returns the denial of sentence si found by the constructions
// above, if any; evs are the events found so far.
func (a *args) denials(si int, sent news.Sentence, evs []news.Event) []news.Event {
	for k := len(evs) - 1; k >= 0 && evs[k].Sentence == si; k-- {
		if evs[k].Type == "DENY" {
			return nil
		}
	}
	for n, find := range denialFinders {
		if first, end, ok := find(a, sent, evs); ok {
			return []news.Event{a.denial(si, sent, first, end, n < 2)}
		}
	}
	return nil
}

// denial makes the DENY event of trigger tokens [first, end).
func (a *args) denial(si int, sent news.Sentence, first, end int, verbal bool) news.Event {
	sp := news.Span{Start: a.doc.Tokens[first].Start, End: a.doc.Tokens[end-1].End}
	ev := news.Event{Type: "DENY", Sentence: si, Trigger: news.Mention{Span: sp, Text: sp.Of(a.doc.Text)},
		Hedged: a.hedged(sent, first)}
	if verbal {
		ev.Actor = a.subject(sent, first)
	}
	if ev.Actor == "" {
		ev.Actor = a.reportedBy(sent, first)
	}
	if ev.Actor == "" {
		ev.Actor = a.canonical(a.speakerAt(first))
	}
	if n := a.deniedClaim(sent, first, end); n >= 0 {
		ev.Target = a.claimOwner(sent, n)
	}
	if ev.Target == ev.Actor {
		ev.Target = ""
	}
	ev.Date = a.date(sent, sp)
	ev.Place = a.place(sent, first)
	return ev
}

// reportedBy returns the subject of the reporting verb whose "that"-clause
// holds token k ("the committee clarified that there was no ..."), or "".
func (a *args) reportedBy(sent news.Sentence, k int) string {
	for j := k - 1; j > sent.FirstToken; j-- {
		if a.lower[j] == "that" && a.isVerb(j-1) {
			return a.subject(sent, j-1)
		}
	}
	return ""
}

// callingVerbs call what they take by a name: "called the reports false".
var callingVerbs = verbForms(`call term describe brand label dub denounce`)

// callingParticles make a verb of calling something else: "called for",
// "called on", "calling out".
var callingParticles = set(`for on out off up upon`)

// calledPronouns stand for something said: "called them baseless".
var calledPronouns = set(`it them this that these those`)

// maxClaimAfter is how many words (a name, a quotation mark or a
// possessive counting none) may come before the claim noun a word of
// falsity qualifies: "termed as 'fabricated' Rahul Gandhi's charge".
const maxClaimAfter = 4

// claimAfter reports a claim noun within maxClaimAfter words after k.
func (a *args) claimAfter(sent news.Sentence, k int) bool {
	for j, n := k+1, 0; j < sent.EndToken && n < maxClaimAfter; j++ {
		w := a.lower[j]
		if claimNouns[w] && a.ref[j].entity == "" {
			return true
		}
		if a.ref[j].entity == "" && isLowerAlpha(w) && w != "'s" {
			n++
		}
		if w == "." || w == ";" || w == "," {
			return false
		}
	}
	return false
}

// maxCallingWords is how far after a verb of calling its word of falsity
// is looked for ("termed as 'fabricated' Rahul Gandhi's charge").
const maxCallingWords = 12

func calledFalse(a *args, sent news.Sentence, _ []news.Event) (int, int, bool) {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if !callingVerbs[a.lower[k]] || !isLower(a.words[k]) || k+1 < sent.EndToken && callingParticles[a.lower[k+1]] {
			continue
		}
		said := false // something said is what is called false: "the reports", "them", "Gandhi's charge"
		for j := k + 1; j < sent.EndToken && j <= k+maxCallingWords; j++ {
			w := a.lower[j]
			if w == "." || w == ";" || clauseBreaks[w] && w != "that" {
				break
			}
			said = said || claimNouns[w] || calledPronouns[w]
			if a.falsityAt(sent, j) && !a.negatedWithin(sent, j, 2) && (said || a.claimAfter(sent, j)) {
				return k, k + 1, true
			}
		}
	}
	return 0, 0, false
}

func refusedRecognition(a *args, sent news.Sentence, _ []news.Event) (int, int, bool) {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if !recognitionVerbs[a.lower[k]] || a.lower[k] == "accept" {
			continue
		}
		if neg := a.negationBefore(sent, k); neg >= 0 && a.claimObject(sent, k+1) >= 0 {
			return neg, k + 1, true
		}
	}
	return 0, 0, false
}

// copulaFillers may stand between "is" and its word of falsity: "is
// patently false", "are not only inconceivable", "is a lie".
var copulaFillers = set(`a an just simply totally completely absolutely entirely utterly patently blatantly
	pure sheer only all nothing but both " “ ” '`)

// copularFalse finds "X is false" where X is something said (a claim noun
// before it) or the words are quoted: "India's claim was not true", "the
// report is patently false", "It's false".
func copularFalse(a *args, sent news.Sentence, _ []news.Event) (int, int, bool) {
	for k := sent.FirstToken; k < sent.EndToken-1; k++ {
		if !beForms[a.lower[k]] {
			continue
		}
		first, end, ok := a.falsityAfterCopula(sent, k)
		if ok && (a.quote[first] >= 0 || a.claimBefore(sent, k) >= 0) {
			return first, end, true
		}
	}
	return 0, 0, false
}

// falsityAfterCopula returns the predicate of falsity after the copula at
// k: a word of falsity ("false", "a lie") or a negated word of truth ("not
// true"); a negated falsity ("not false") is none.
func (a *args) falsityAfterCopula(sent news.Sentence, k int) (int, int, bool) {
	negated := false
	for j := k + 1; j < sent.EndToken && j <= k+5; j++ {
		w := a.lower[j]
		switch {
		case falsityWords[w] && !negated:
			return j, j + 1, a.falsityAt(sent, j)
		case truthWords[w] && negated && (negations[a.lower[j-1]] || truthDegrees[a.lower[j-1]]):
			return j - 1, j + 1, true
		case truthWords[w]:
			return 0, 0, false // "not politically correct"
		case w == "not" || w == "n't":
			negated = j+1 >= sent.EndToken || a.lower[j+1] != "only"
		case copulaFillers[w] || strings.HasSuffix(w, "ly"):
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// truthDegrees may stand between "not" and a word of truth: "not entirely
// true".
var truthDegrees = set(`entirely quite completely wholly totally at all even remotely`)

// claimBefore returns the token of a claim noun within eight tokens before
// k in its clause, or -1.
func (a *args) claimBefore(sent news.Sentence, k int) int {
	for j := k - 1; j >= sent.FirstToken && j >= k-8; j-- {
		w := a.lower[j]
		if claimNouns[w] && a.ref[j].entity == "" {
			return j
		}
		if clauseBreaks[w] || w == ";" {
			return -1
		}
	}
	return -1
}

// noDenialNouns after "there is no" state a fact, not a denial: "there was
// no immediate information", "there were no casualties".
var noDenialNouns = set(`immediate further information word comment comments details detail casualties
	injuries damage sign signs reports report claim official change need time choice way doubt question
	justification excuse room alternative`)

// proofNouns after "no" deny: "no indication that", "no evidence of".
var proofNouns = set(`indication evidence truth basis proof substance`)

// thereIsNo finds "there is/was/has been no X" where X is an event or a
// thing whose existence is in question ("no strike on the hospital", "no
// conspiracy"), and "no evidence/indication that", in a quote or a
// reported clause.
func thereIsNo(a *args, sent news.Sentence, _ []news.Event) (int, int, bool) {
	for k := sent.FirstToken; k < sent.EndToken-1; k++ {
		if a.lower[k] != "no" || k+1 >= sent.EndToken || noDenialNouns[a.lower[k+1]] {
			continue
		}
		reported := a.quote[k] >= 0 || a.reportedBy(sent, k) != ""
		if !reported {
			continue
		}
		if proofNouns[a.lower[k+1]] {
			generic := k > sent.FirstToken && beForms[a.lower[k-1]] && a.thereBefore(sent, k) < 0 // "past results are no indication of"
			if k+2 < sent.EndToken && proofLinks[a.lower[k+2]] && !generic {
				return k, k + 2, true
			}
			continue
		}
		if t := a.thereBefore(sent, k); t >= 0 && a.deniedThing(sent, k+1) {
			return t, k + 1, true
		}
	}
	return 0, 0, false
}

// proofLinks after a word of proof say what it would prove: "no evidence
// that", "no basis for"; "offered no proof." proves nothing.
var proofLinks = set(`that of for to linking`)

// existenceNouns are what "there is no ..." denies when it denies: an
// event, a party's presence or part in something, a plot or a deal.
var existenceNouns = nounForms(`presence conspiracy plot involvement link links connection contact contacts
	interference fraud rigging wrongdoing cover-up coverup deal agreement plan truth evidence proof basis
	attempt infiltration incursion violation intrusion operation order instruction decision`)

// maxDeniedWords bounds the noun phrase after "there is no", in words (a
// bracketed aside counts as one).
const maxDeniedWords = 6

// deniedThing reports whether the noun phrase from k, after "there is no",
// is headed by an event noun of the lexicon or a noun of existenceNouns
// ("no IDF strike", "no conspiracy"); "no bigger threat", "no one", "no
// legal way" deny nothing.
func (a *args) deniedThing(sent news.Sentence, k int) bool {
	for j, n := k, 0; j < sent.EndToken && n < maxDeniedWords; j, n = j+1, n+1 {
		w := a.lower[j]
		if existenceNouns[w] || a.hasNounForm(j) {
			return true
		}
		switch {
		case w == "(":
			if close := a.closing(sent, j); close > j {
				j = close // a bracket counts as one word
			}
		case genericWords[w] || strings.HasSuffix(w, "est"):
			return false
		case a.ref[j].entity != "" || isLowerAlpha(w) && !prepositions[w] && !clauseBreaks[w] && !strings.HasSuffix(w, "er"):
		default:
			return false
		}
	}
	return false
}

// genericWords after "there is no" make a general statement, not a denial:
// "there is no perfect agreement", "there is no one way".
var genericWords = set(`one more way perfect easy simple single magic quick good right such other doubt`)

// closing returns the token that closes the bracket opened at k, or k.
func (a *args) closing(sent news.Sentence, k int) int {
	for j := k + 1; j < sent.EndToken; j++ {
		if a.words[j] == ")" {
			return j
		}
	}
	return k
}

// thereBefore returns the token of "there" when "there is/was/has been"
// ends just before token k, or -1.
func (a *args) thereBefore(sent news.Sentence, k int) int {
	for j := k - 1; j >= sent.FirstToken && j >= k-3; j-- {
		w := a.lower[j]
		switch {
		case w == "there":
			return j
		case beForms[w] || w == "has" || w == "have" || w == "had" || w == "'s" || w == "’s":
		default:
			return -1
		}
	}
	return -1
}

// falsityIdioms are words of falsity that deny nothing: "false flag",
// "false hope".
var falsityIdioms = set(`flag alarm alarms start positive positives hope hopes sense impression modesty
	teeth idea ideas candidate`)

// weakFalsity are words that call a claim untrue only when said of it
// ("the report is ridiculous", "ridiculous claims"), not of anything else
// ("a ridiculous candidate").
var weakFalsity = set(`ridiculous absurd misleading inaccurate incorrect fake bogus fictitious concocted fabricated`)

// quotedFalse finds a word of falsity inside a quote: "is consistently
// lying", "a deliberate falsehood", "such a fabricated charge". A word
// quoted alone inside the reporter's own sentence ("delivering
// 'inaccurate reports'") is not enough.
func quotedFalse(a *args, sent news.Sentence, _ []news.Event) (int, int, bool) {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if a.said[k] && a.falsityAt(sent, k) && !a.negatedWithin(sent, k, 2) {
			return k, k + 1, true
		}
	}
	return 0, 0, false
}

// falsityAt reports a word of falsity at k that calls something untrue: not
// an idiom ("a false flag"), "lie" or "lying" only of untruth, and a weak
// word only of something said.
func (a *args) falsityAt(sent news.Sentence, k int) bool {
	w := a.lower[k]
	switch {
	case !falsityWords[w]:
		return false
	case k+1 < sent.EndToken && falsityIdioms[a.lower[k+1]]:
		return false
	case w == "lying" || w == "lie":
		return a.liesAbout(sent, k)
	case weakFalsity[w]:
		return a.predicative(sent, k) || a.claimAfter(sent, k)
	}
	return true
}

// predicative reports a form of "be" within three words before k: "is
// simply ridiculous".
func (a *args) predicative(sent news.Sentence, k int) bool {
	for j := k - 1; j >= sent.FirstToken && j >= k-3; j-- {
		if beForms[a.lower[j]] {
			return true
		}
	}
	return false
}

// liesAbout tells "lie" and "lying" of untruth ("he is lying", "a lie")
// from lying somewhere ("bodies lying in the street").
func (a *args) liesAbout(sent news.Sentence, k int) bool {
	if k == sent.FirstToken {
		return false
	}
	p := a.lower[k-1]
	if a.lower[k] == "lie" {
		return articles[p] || possessiveProns[p] || strings.HasSuffix(p, "ate") || p == "blatant" || p == "big"
	}
	next := ""
	if k+1 < sent.EndToken {
		next = a.lower[k+1]
	}
	return (beForms[p] || strings.HasSuffix(p, "ly")) && !locativePreps[next] && next != "on" && next != "dead"
}

// deniedOwnAttack finds a quoted speaker's negated attack: "We didn't
// attack ...", said in answer to a claim, denies it.
func deniedOwnAttack(a *args, sent news.Sentence, evs []news.Event) (int, int, bool) {
	for k := len(evs) - 1; k >= 0 && evs[k].Trigger.Start >= sent.Start; k-- {
		ev := evs[k]
		if ev.Type != "ATTACK" || !ev.Negated || ev.Nominal {
			continue
		}
		first, end := a.tokensOf(sent, ev.Trigger.Span)
		if a.quote[first] < 0 {
			continue
		}
		j := first - 1
		for j > sent.FirstToken && (auxiliaries[a.lower[j]] || negations[a.lower[j]]) {
			j--
		}
		if j >= sent.FirstToken && (a.lower[j] == "we" || a.lower[j] == "i") {
			return j, end, true
		}
	}
	return 0, 0, false
}

// tokensOf returns the token range of a span inside sent.
func (a *args) tokensOf(sent news.Sentence, sp news.Span) (first, end int) {
	first, end = sent.FirstToken, sent.FirstToken
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		t := a.doc.Tokens[k]
		if t.End <= sp.Start {
			first = k + 1
		}
		if t.Start < sp.End {
			end = k + 1
		}
	}
	return first, end
}

// deniedClaim returns the token of the claim noun a denial with trigger
// tokens [first, end) answers: its object ("rejected the reports") or,
// for a predicate of falsity, its subject ("India's claim was not true");
// -1 when it names none.
func (a *args) deniedClaim(sent news.Sentence, first, end int) int {
	if n := a.claimObject(sent, end); n >= 0 && a.lower[n] != "that" {
		return n
	}
	for j := end; j < sent.EndToken && j < end+maxCallingWords; j++ { // "termed as fabricated Gandhi's charge"
		if claimNouns[a.lower[j]] && a.ref[j].entity == "" {
			return j
		}
		if a.lower[j] == "." || a.lower[j] == ";" {
			break
		}
	}
	return a.claimBefore(sent, first)
}

// claimOwner returns who made the claim whose noun is at n: its possessor
// or the name before it ("India's claim", "Indian allegations"), or the
// party after "by"/"from" right after it ("a report from the U.N.",
// "claims made by the Houthis").
func (a *args) claimOwner(sent news.Sentence, n int) string {
	if id := a.modifierActor(sent, n); id != "" {
		return id
	}
	k := n + 1
	if k < sent.EndToken && ownerParticiples[a.lower[k]] {
		k++ // "claims made by", "the allegations levelled by"
	}
	if k < sent.EndToken && (a.lower[k] == "by" || a.lower[k] == "from") {
		return a.afterWord(sent, k, 1, a.lower[k])
	}
	return ""
}

// ownerParticiples stand between a claim noun and its author's "by":
// "claims made by the Houthis"; a "by" after anything else is another
// verb's ("the rumours were denied by IBM").
var ownerParticiples = set(`made levelled leveled levied raised issued published released circulated spread
	brought filed lodged contained`)
