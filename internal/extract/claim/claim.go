// Package claim is the last pipeline stage: it turns what people say
// (quotes, indirect speech, DENY and ASSERT events) into normalised claims
// and flags contradictions between speakers.
//
// A claim is (speaker, polarity, subject, predicate, object). The
// predicate is the class of the first predicate word of the quote or the
// denied/asserted clause (predicates.txt: presence = presence, existence,
// foothold, operating...; threat = threat, danger, risk...), or the word
// itself when it is in no class. The polarity is "deny" when the cue is a
// denial ("denied", "rejected", "ruled out") or a negation ("no", "not",
// "never") comes just before the predicate word, and "affirm" otherwise —
// both together cancel. The subject is the first organisation, person or
// other non-place entity of the clause (a pronoun at a quote's start takes
// the subject of the same speaker's previous claim); each place after the
// predicate word is an object, one claim per place, with "the country",
// "the region" and "the province" resolved to the nearest place of that
// kind before them.
//
// Two claims contradict when different speakers say opposite things about
// the same subject and the same object (or an object inside it: a province
// of the country, by the geo stage's places) with comparable predicates.
package claim

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/lemma"
	"github.com/newsgraph/newsgraph/internal/extract/quote"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// Stage fills doc.Claims and doc.Contradictions.
//
// It needs doc.Tokens, doc.Sentences and doc.Entities (link), and reads
// doc.Quotes (quote) and doc.Events (event); places (geo) let an object
// inside another compare. Claims get IDs C1, C2, ... in text order.
type Stage struct {
	preds *predicates
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the claim stage with the built-in predicate classes.
func New() (*Stage, error) {
	p, err := parsePredicates(predicatesText)
	if err != nil {
		return nil, err
	}
	lemma.Lemma("said", lemma.Verb) // load the lemma table now, not in the first document's time
	return &Stage{preds: p}, nil
}

// Name is "claim".
func (*Stage) Name() string { return "claim" }

// Process finds doc's claims and contradictions; see Stage.
func (s *Stage) Process(ctx context.Context, doc *news.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c := newContext(doc)
	var claims []news.Claim
	for _, q := range doc.Quotes {
		if q.Speaker == "" || q.Kind == news.QuotePartial {
			continue
		}
		if !reportsSpeech(q.Cue) || q.Kind == news.QuoteIndirect && circumstance(q.Text) {
			continue // "X agreed", "X sent", "X said aboard his plane as he ...": no words of X's are reported
		}
		first, end := c.tokensIn(q.Span)
		if q.Kind == news.QuoteIndirect && (c.nounCue(q.Cue, first, end) || c.relativeCue(q.Cue, first, end) || c.opensWithOther(q.Speaker, first, end)) {
			continue // "one of the two earliest states": a noun; "a story that said": the story's; "said Mr. Sperling, but she has ...": the writer's
		}
		claims = append(claims, s.fromClause(c, claims, clause{
			speaker: q.Speaker, first: first, end: end, deny: denialCues[strings.ToLower(q.Cue)],
			quote: q.ID, evidence: q.Span,
		})...)
	}
	for _, ev := range doc.Events {
		if ev.Actor == "" || ev.Negated || (ev.Type != "DENY" && ev.Type != "ASSERT") {
			continue
		}
		first, _ := c.tokensIn(ev.Trigger.Span)
		sent := doc.Sentences[ev.Sentence]
		if c.inApposition(ev.Actor, sent.FirstToken, first) || c.notADenialMade(first, sent.FirstToken) {
			continue // "Lewandowski, now a paid CNN commentator, has denied": not CNN's denial; "refuses to disavow": none made
		}
		claims = append(claims, s.fromClause(c, claims, clause{
			speaker: ev.Actor, first: first + 1, end: c.clauseEnd(first+1, sent.EndToken), deny: ev.Type == "DENY",
			target: ev.Target, event: ev.ID, evidence: sent.Span,
		})...)
	}
	claims = dedupe(claims)
	sortClaims(claims)
	for i := range claims {
		claims[i].ID = fmt.Sprintf("C%d", i+1)
		claims[i].Stance = string(claims[i].Polarity)
	}
	contradictions := s.contradictions(claims)
	answers, denied := s.denialContradictions(c, claims, contradictions, len(claims)+1)
	claims = append(claims, answers...)
	counts, differ := s.figureContradictions(c, statements(c), len(claims)+1)
	doc.Claims = append(claims, counts...)
	doc.Contradictions = append(append(contradictions, denied...), differ...)
	return nil
}

// clause is a stretch of tokens someone asserts or denies.
type clause struct {
	speaker      string
	first, end   int  // token range
	deny         bool // said with a denial cue
	target       string
	quote, event string
	evidence     news.Span
}

// denialCues are reporting verbs that deny what follows them.
var denialCues = set(`denied deny denies denying rejected rejects dismissed dismisses refuted refutes
	rebutted disputed disputes quashed`)

// negations before a predicate word turn its polarity.
var negations = set(`no not n't n’t never nor without none neither`)

// fromClause makes the claims of one clause: one per object place, or one
// without an object.
func (s *Stage) fromClause(c *docIndex, earlier []news.Claim, cl clause) []news.Claim {
	if !c.canClaim(cl.speaker) || cl.quote != "" && c.employerOnly(cl) {
		return nil
	}
	p, at := s.predicate(c, cl)
	governed := cl.first
	if cl.event != "" {
		governed-- // the event's trigger governs its clause: "denied the presence of"
	}
	if p == "" || c.notAsserted(cl, at) || c.strayWord(at, governed) || c.possessed(at) ||
		c.otherReport(cl, at) || c.option(cl, at) {
		return nil
	}
	var subject string
	tag, tagged := c.tag(at)
	_, inClass := s.preds.classOf[strings.ToLower(c.words[at])]
	if inClass && !(tagged && strings.HasPrefix(tag, "VB")) {
		subject = s.subject(c, earlier, cl, at)
	} else {
		subject = c.verbSubject(cl, at)
		if inClass && c.passive(at, cl.first) {
			return nil // "Cosby is attacked": the subject is who it is done to, not who does it
		}
	}
	if subject == "" || c.pronounSubject(at, cl.first, subject, cl.speaker) || c.namedInside(cl, subject) {
		return nil
	}
	polarity := news.PolarityAffirm
	deny := cl.deny != c.negatedAt(cl.first, at)
	if s.preds.denies[strings.ToLower(c.words[at])] {
		if cl.deny {
			return nil // "denied his opposition": polarity unclear
		}
		deny = !deny
	}
	if deny {
		polarity = news.PolarityDeny
	}
	base := news.Claim{
		Speaker: cl.speaker, Polarity: polarity, Subject: subject, Predicate: p, Quote: cl.quote, Event: cl.event,
		Word: c.words[at], SpeakerName: c.name(cl.speaker), SubjectName: c.name(subject), Evidence: cl.evidence,
		Modal: c.modalAt(cl.first, at),
	}
	objects := c.objects(cl, at, subject)
	if len(objects) == 0 {
		return []news.Claim{base}
	}
	out := make([]news.Claim, 0, len(objects))
	for _, o := range objects {
		claim := base
		claim.Object, claim.ObjectName = o, c.name(o)
		if pl := c.place(o); pl != nil {
			claim.ObjectCountry, claim.ObjectFeature = pl.Country, pl.Feature
		}
		out = append(out, claim)
	}
	return out
}

// predicate returns the class of the first predicate word of the clause
// and its token; else the lemma of its first main verb ("funneling" ->
// "funnel"), passing over auxiliaries and the verbs that introduce a claim
// rather than state one ("think", "know", "want": the claim is their
// complement). No predicate (and so no claim) when the clause has neither.
func (s *Stage) predicate(c *docIndex, cl clause) (string, int) {
	for k := cl.first; k < cl.end; k++ {
		if c.phrasal(k) {
			continue // "backed out of the debate" is no backing
		}
		if cls, ok := s.preds.classOf[strings.ToLower(c.words[k])]; ok && c.ref[k].entity == "" && !c.inName(k) {
			if prepositionalClassWords[strings.ToLower(c.words[k])] && !c.afterBe(k, cl.first) {
				continue // "the fight against terrorism": no predicate; "I was against the war": one
			}
			if t, ok := c.tag(k); ok && (t == "VB" || t == "VBP") && adjectiveClasses[cls] {
				continue // "I would correct their grammar": the verb, not the adjective "correct"
			}
			if cls == "threat" && k > cl.first && c.facedBy(k, cl.first) {
				return "", 0 // "we face a threat": the subject is the threatened, not the threat
			}
			return cls, k
		}
	}
	for k := cl.first; k < cl.end; k++ {
		if c.ref[k].entity != "" {
			continue
		}
		v, ok := c.verbAt(k)
		if !ok || auxiliaryVerbs[v] || introducingVerbs[v] || lightVerbs[v] || c.phrasal(k) ||
			k+1 < cl.end && strings.EqualFold(c.words[k+1], "that") || raisingVerbs[v] && k+1 < cl.end && c.words[k+1] == "to" {
			continue // "found that ...": the claim is the complement
		}
		return v, k
	}
	return "", 0
}

// verbAt returns the lemma of token k when it is a verb: by its part of
// speech where the syntax stage tagged the document, else when it reads as
// an inflected verb (a lower-case word that WordNet's morphy takes back to
// another verb form). Words inside a name ("Correct the Record") are not.
func (c *docIndex) verbAt(k int) (string, bool) {
	w := c.words[k]
	lw := strings.ToLower(w)
	if !isLowerWord(lw) || len(lw) < 3 || c.inName(k) {
		return "", false
	}
	if tag, ok := c.tag(k); ok {
		if !strings.HasPrefix(tag, "VB") {
			return "", false
		}
		return lemma.LemmaTag(lw, tag), true
	}
	l := lemma.Lemma(lw, lemma.Verb)
	if l == lw || stopWords[lw] {
		return "", false
	}
	return l, true
}

// auxiliaryVerbs, introducingVerbs and lightVerbs are never a claim's
// predicate: they carry tense, a mental state or speech, or too little
// meaning ("make", "take") to compare two claims by.
var (
	auxiliaryVerbs   = set(`be have do will would shall should can could may might must get`)
	introducingVerbs = set(`think know want believe feel hope expect wish mean guess suppose say tell add
		note ask seem appear consider understand realize realise see hear recall remember imagine suggest
		argue insist claim state report announce explain write tweet declare warn criticize criticise slam
		blast accuse praise urge call respond reply condemn disavow dismiss reject deny question wonder
		acknowledge admit concede point exclaim shout yell quip joke boast complain stress emphasize emphasise
		recount mention describe conclude decide venture promise hate doubt implore appeal urge assume suspect`)
	// raisingVerbs before "to" carry the speaker's stance, not the claim:
	// "I happen to think ...", "they tend to agree"
	raisingVerbs = set(`happen tend`)
	lightVerbs   = set(`make take go come give put keep let look try use start begin continue need like love`)
)

// subject is the non-place entity nearest before the predicate word
// (within eight tokens: "the militant group poses a threat"), else the one
// right after it ("the presence of Islamic State"); else the event's
// target; else, for a clause opening with "it"/"they", the subject of the
// speaker's previous claim.
func (s *Stage) subject(c *docIndex, earlier []news.Claim, cl clause, at int) string {
	usable := func(k int) bool {
		r := c.ref[k]
		return r.entity != "" && r.typ != news.TypeLOC
	}
	named := func(k int) bool {
		return usable(k) && !(c.inPrepositionalPhrase(k, cl.first) && c.verbAfter(k)) // "the polls showing him behind Trump are wrong", but "on alert to the IS threat"
	}
	if e, ok := c.taggedSubject(at, cl.first, named); ok {
		if e != "" {
			return e
		}
	} else {
		for k := at - 1; k >= cl.first && k >= at-8; k-- {
			if usable(k) {
				return c.ref[k].entity
			}
		}
	}
	for k := at + 1; k < cl.end && k <= at+4; k++ {
		if !usable(k) {
			continue
		}
		j := k - 1
		for j > at && determiners[strings.ToLower(c.words[j])] {
			j--
		}
		if w := strings.ToLower(c.words[j]); w == "of" || w == "from" {
			return c.ref[k].entity
		}
		break
	}
	if cl.quote != "" {
		for k := at - 1; k >= cl.first && k >= at-8; k-- {
			if firstPerson[strings.ToLower(c.words[k])] && !c.innerQuoted(k, cl.first) {
				return cl.speaker // "I was totally against the war"
			}
		}
	}
	if cl.target != "" && c.typeOf(cl.target) != news.TypeLOC {
		return cl.target
	}
	for k := cl.first; k < cl.end && k < cl.first+3; k++ {
		if w := strings.ToLower(c.words[k]); w == "it" || w == "they" || w == "its" {
			for i := len(earlier) - 1; i >= 0; i-- {
				if earlier[i].Speaker == cl.speaker {
					return earlier[i].Subject
				}
			}
		}
	}
	return ""
}

var firstPerson = set(`i we my our me us`)

var determiners = set(`the a an its their his her`)

var stopWords = set(`that this these those have has had been being were with from they them their there
	then than when what which would could should will shall into onto about also only just very even
	such some said says will`)

// stem strips the commonest English inflections so that a word in no
// predicate class compares with its other forms ("mocked" = "mocks").
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// verbSubject returns the entity that is the grammatical subject of the
// verb at token at: a name (or a first-person pronoun, for the speaker)
// right before it, with only auxiliaries, negations and adverbs between
// ("Gates was not working", "I never supported"), and not a possessor
// ("Obama's actions"). A verb whose subject is not named gives no claim.
func (c *docIndex) verbSubject(cl clause, at int) string {
	k := at - 1
	for k >= cl.first && (auxiliaryForms[strings.ToLower(c.words[k])] || negations[strings.ToLower(c.words[k])] ||
		strings.HasSuffix(strings.ToLower(c.words[k]), "ly") && isLowerWord(strings.ToLower(c.words[k]))) {
		k--
	}
	if k < cl.first || c.possessive(k) {
		return "" // "Trump's confused messages": a possessor is no subject
	}
	if t, ok := c.tag(at); ok && (t == "VBN" || t == "VBG") && at+1 < len(c.words) {
		if nt, _ := c.tag(at + 1); strings.HasPrefix(nt, "NN") && c.ref[at+1].entity == "" {
			return "" // "escalating sanctions": a participle that modifies a noun
		}
	}
	if c.inRelativeClause(k, cl.first) || c.inPrepositionalPhrase(k, cl.first) || c.reducedRelative(k, cl.first) {
		return "" // "the type of campaign that we run"; "Clinton's use of a server at the State Department did not show"; "the scenario Pelosi was discussing"
	}
	if r := c.ref[k]; r.entity != "" && r.typ != news.TypeLOC {
		if r.kind == news.MentionNominal && r.entity != cl.speaker {
			return "" // "the group hired": which group the link stage chose is too often wrong
		}
		return r.entity
	}
	if w := strings.ToLower(c.words[k]); cl.quote != "" && (w == "i" || w == "we") && !c.innerQuoted(k, cl.first) {
		return cl.speaker // not "our" in "at our backs", nor the "I" of words the speaker quotes
	}
	return ""
}

// inRelativeClause reports a subject at token k that opens a relative
// clause: "that"/"which"/"who" right before it, after a noun or another
// name ("the Founding Father who Beck idolizes").
func (c *docIndex) inRelativeClause(k, first int) bool {
	for k > first && c.ref[k-1].entity != "" && c.ref[k-1].entity == c.ref[k].entity {
		k-- // to the name's first word
	}
	if k-2 < first {
		return false
	}
	w := strings.ToLower(c.words[k-1])
	if w != "that" && w != "which" && w != "who" {
		return false
	}
	t, ok := c.tag(k - 2)
	return ok && strings.HasPrefix(t, "NN") && (c.ref[k-2].entity == "" || c.ref[k-2].entity != c.ref[k].entity)
}

// auxiliaryForms are the inflected auxiliaries and modals that may stand
// between a subject and its verb.
var auxiliaryForms = set(`is was are were be been being am has have had having do does did will would shall
	should can could may might must 's ’s 're ’re 've ’ve 'd ’d 'll ’ll also still never always just`)

// tag returns the part-of-speech tag of token k when the syntax stage has
// tagged the document.
func (c *docIndex) tag(k int) (string, bool) {
	if len(c.doc.POS) != len(c.words) || k < 0 || k >= len(c.words) {
		return "", false
	}
	return c.doc.POS[k], true
}

// inName reports whether token k is part of a name: tagged as a proper
// noun, or capitalised after the first word of its sentence.
func (c *docIndex) inName(k int) bool {
	if t, ok := c.tag(k); ok && strings.HasPrefix(t, "NNP") {
		return true
	}
	w := c.words[k]
	if w == "" || strings.ToLower(w) == w {
		return false
	}
	s := c.sentenceOf(k)
	return k > s.FirstToken
}

// taggedSubject reads, on a tagged document, the subject of a class word at
// token at from its noun phrase and verb: "IS has no presence", "the group
// poses a serious threat", "IS is a threat": back over determiners,
// adjectives, adverbs and negations, at most one verb and its auxiliaries,
// to a name. ok is false when the document is not tagged; the entity is ""
// when the words before the class word are not so shaped.
func (c *docIndex) taggedSubject(at, first int, usable func(int) bool) (string, bool) {
	if _, ok := c.tag(at); !ok {
		return "", false
	}
	k := at - 1
	for k >= first && c.ref[k].entity == "" {
		t, _ := c.tag(k)
		if strings.HasPrefix(t, "DT") || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "RB") || t == "PRP$" ||
			t == "CD" || negations[strings.ToLower(c.words[k])] {
			k--
			continue
		}
		break
	}
	verbs := 0
	for k >= first && c.ref[k].entity == "" {
		t, _ := c.tag(k)
		if strings.HasPrefix(t, "VB") || t == "MD" || strings.HasPrefix(t, "RB") || negations[strings.ToLower(c.words[k])] {
			if strings.HasPrefix(t, "VB") {
				verbs++
			}
			k--
			continue
		}
		break
	}
	if verbs > 3 || k < first || !usable(k) {
		return "", true
	}
	return c.ref[k].entity, true
}

// canClaim reports whether entity id can be a claim's speaker: a person or
// an organisation, or a country speaking through its government, not a
// city where something was said ("at a rally in Wilmington"), a
// nationality or a group word ("Muslims", "Republican").
func (c *docIndex) canClaim(id string) bool {
	if n := c.name(id); strings.Contains(n, " v. ") || strings.Contains(n, " vs. ") {
		return false // a court case ("Roe v. Wade") says nothing
	}
	switch c.typeOf(id) {
	case news.TypePER, news.TypeORG:
		return true
	case news.TypeLOC:
		pl := c.place(id)
		return pl == nil || pl.Feature == "country"
	}
	return false
}

// notAsserted reports a predicate the speaker does not assert: inside a
// condition ("if Trump wins", "unless", "whether", "had Clinton
// congratulated him") or a clause of time ("when Trump debates her"), a
// question, under a wish or a guess ("I hope", "I guess") or under a modal
// or adverb of demand or hedge ("should call", "must rebut", "might be
// difficult", "let the UN advise", "perhaps").
func (c *docIndex) notAsserted(cl clause, at int) bool {
	for k := cl.first; k < cl.end; k++ {
		if w := c.words[k]; w == "?" {
			return true
		}
	}
	for k := min(c.sentenceOf(cl.first).FirstToken, max(cl.first-3, 0)); k < cl.end; k++ {
		w := strings.ToLower(c.words[k])
		if w == "if" || w == "unless" || k < cl.first && k >= cl.first-3 && wishVerbs[w] {
			return true // the main clause of a condition is not asserted either: "we will win if ...", "says if elected, 'I will ...'", "he wants 'a shutdown ...'"
		}
		if k < at && (demandModals[w] || claimNouns[w] && k+1 < cl.end && strings.EqualFold(c.words[k+1], "that")) {
			return true // "must increase ... destroy networks"; "the assumption that X will ...": not the speaker's assertion
		}
	}
	if c.subordinate(cl, at) {
		return true
	}
	for k := at - 1; k >= cl.first; k-- {
		w := strings.ToLower(c.words[k])
		switch {
		case introducingVerbs[lemma.Lemma(w, lemma.Verb)] && c.negatedAt(max(cl.first, k-2), k):
			return true // "I don't think I'd be inclined": the polarity is unclear
		case conditionWords[w], k >= at-4 && (hedgeModals[w] || hedgeAdverbs[w] || questionWords[w] || w == "when" || w == "whenever"), wishVerbs[w]:
			return true
		case (w == "love" || w == "like") && k > cl.first && wouldForms[strings.ToLower(c.words[k-1])]:
			return true // "I would love to have Bloomberg run": a wish
		case beliefVerbs[w] && k-1 > cl.first && strings.EqualFold(c.words[k-1], "to") && c.otherSubject(k-2, cl.speaker):
			return true // "getting some Republicans to say Trump is unfit": what others are to say
		case uncertainWords[w], w == "sure" && c.negatedAt(max(cl.first, k-3), k):
			return true // "we're not sure how much lower Trump can sink": no assertion
		case beliefVerbs[lemma.Lemma(w, lemma.Verb)] && k > cl.first && relativeWords[strings.ToLower(c.words[k-1])]:
			return true // "we have generals who think we can win": their belief, not the speaker's claim
		case (w == "have" || w == "'ve" || w == "’ve") && k > cl.first && k >= at-3 && counterfactualModals[strings.ToLower(c.words[k-1])]:
			return true // "would have never proposed": what did not happen
		case w == "had" && k+1 < at && c.ref[k+1].entity != "" && (k == cl.first || !isLowerWord(strings.ToLower(c.words[k-1])) ||
			c.ref[k-1].entity == "" && !auxiliaryForms[strings.ToLower(c.words[k-1])]):
			return true // "had Clinton congratulated him": a counterfactual
		}
	}
	return false
}

// predicativeVerbs govern a class noun or adjective that states the claim:
// "is false", "has no presence", "poses a threat", "played a role".
var predicativeVerbs = set(`be have pose represent constitute remain become seem appear look sound prove
	play maintain establish build deny see face present`)

var (
	// questionWords open an indirect question: "which Trump will show up"
	questionWords = set(`which what how why whom whose where`)
	// wishVerbs introduce what the speaker wants, not what is: "I hope the
	// Republicans are watching", "they want to see"
	wishVerbs    = set(`hope hopes hoped hoping wish wishes wished want wants wanted pray prays need needs guess suppose`)
	hedgeAdverbs = set(`perhaps maybe probably possibly`)
	demandModals = set(`must should mustn\'t shouldn\'t`)
	// counterfactualModals with "have" speak of what did not happen
	counterfactualModals = set(`would could should might must wouldn't couldn't shouldn't`)
	conditionWords       = set(`if unless whether`)
	hedgeModals          = set(`should shouldn't must mustn't might may let lets let's could couldn't ought`)
	wouldForms           = set(`would 'd ’d`)
	uncertainWords       = set(`unsure uncertain unclear`)
	relativeWords        = set(`who that which`)
	// beliefVerbs after a relative pronoun or "to" report others' views
	// ("generals who think we can win", "getting Republicans to say"),
	// unlike "differences that explain why"
	beliefVerbs = set(`think believe feel say expect suspect`)
)

// strayWord reports a class word that is no predicate of its clause
// (which starts at token first), on a tagged document: an adjective or noun
// that modifies the next noun ("real estate", "the wrong track", "base
// camp"), or one that no verb of being or having governs in the clause
// ("the Republican base was angry", "overlook this broad base", "announced
// new support").
func (c *docIndex) strayWord(at, first int) bool {
	t, ok := c.tag(at)
	if !ok || at+1 >= len(c.words) {
		return false
	}
	next, _ := c.tag(at + 1)
	lw := strings.ToLower(c.words[at])
	if !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "NN") || t == "NNS" && lemma.Lemma(lw, lemma.Verb) != lw && !c.nounAfter(at-1) {
		return false // "ISIS only exists/NNS": a verb form the tagger took for a noun, but not "unprecedented attacks"
	}
	if strings.HasPrefix(next, "NN") && c.ref[at+1].entity == "" {
		return true
	}
	// a predicate noun or adjective follows its verb ("has no presence",
	// "is a threat", "is false"): one with none before it is the sentence's
	// subject or a modifier ("the Republican base was angry")
	for k := at - 1; k >= first && k >= at-6; k-- {
		pt, _ := c.tag(k)
		switch {
		case strings.HasPrefix(pt, "VB") || pt == "MD":
			return !predicativeVerbs[lemma.LemmaTag(strings.ToLower(c.words[k]), pt)] && !strings.HasPrefix(t, "VB")
		case pt == "IN" && k > 0 && claimNouns[strings.ToLower(c.words[k-1])], pt == "TO" && k > 0 && c.isVerbish(k-1):
			return false // "denied claims of the presence of IS", "pointed to the threat"
		case strings.HasPrefix(pt, "DT") || strings.HasPrefix(pt, "JJ") || strings.HasPrefix(pt, "RB") || pt == "PRP$" || pt == "CD" ||
			negations[strings.ToLower(c.words[k])]:
			continue
		}
		return true
	}
	return true
}

// pronounSubject reports a subject that stands in the clause only as a
// pronoun the link stage resolved ("he's become more cautious"): too
// often another person than the one meant. The speaker's own "I"/"we" is
// no such pronoun, nor is "he" in "X said he ..."; but a pronoun at the
// start of words whose speaker is named only after them ("She had
// struggled, Cruz explained") refers to someone before.
func (c *docIndex) pronounSubject(at, first int, subject, speaker string) bool {
	for k := at - 1; k >= first && k >= at-10; k-- {
		if r := c.ref[k]; r.entity == subject {
			if r.kind != news.MentionPronoun {
				return false
			}
			if subject == speaker && !c.namedOnlyAfter(first, speaker) {
				// "X said he ...": the pronoun is the speaker, unless its
				// gender is not the speaker's or another person of its
				// gender stands between
				g := quote.PronounGender(c.words[k])
				if sg := c.gender(speaker); g != 0 && sg != 0 && g != sg {
					return true
				}
				return c.otherPersonBefore(first, speaker, g)
			}
			return true
		}
	}
	return false
}

// otherPersonBefore reports another person of gender g (0: unknown)
// named or described between the speaker's last mention before the clause
// starting at token first and the clause ("Betsy McManus, Gore's
// communications director, told POLITICO that he'd wait"; "he cited the
// case of a citizen who ..., claiming he sought"): a pronoun opening the
// clause may stand for that person rather than the speaker. A person of
// known other gender, a name that modifies a noun ("Rubio supporter X") and
// people named inside the clause do not count.
func (c *docIndex) otherPersonBefore(first int, speaker string, g byte) bool {
	sent := c.sentenceOf(first)
	from := -1
	for k := first - 1; k >= sent.FirstToken; k-- {
		if c.ref[k].entity == speaker {
			from = k
			break
		}
	}
	if from < 0 {
		return false
	}
	for k := from + 1; k < first; k++ {
		r := c.ref[k]
		if r.entity != "" && r.entity != speaker && r.typ == news.TypePER && r.kind != news.MentionPronoun &&
			(k+1 >= len(c.words) || c.ref[k+1].entity != r.entity) && !c.modifiesNoun(k) && !c.listenerOrObject(k, from) {
			if pg := c.gender(r.entity); g == 0 || pg == 0 || pg == g {
				return true
			}
		}
		if r.entity == "" {
			if pg, ok := personNouns[strings.ToLower(c.words[k])]; ok && (g == 0 || pg == 0 || pg == g) {
				return true
			}
		}
	}
	return false
}

// listenerOrObject reports a name ending at token k that is spoken to
// ("told the senator", "told CNN's Jake Tapper") or the object of a
// preposition ("has tangled with Cruz", "met with Trump"), after the token
// from: seldom the one a following "he" stands for.
func (c *docIndex) listenerOrObject(k, from int) bool {
	if c.inPrepositionalPhrase(k, from+1) {
		return true
	}
	j := k
	for j > from && c.ref[j-1].entity == c.ref[k].entity {
		j--
	}
	for j-1 > from && (determiners[strings.ToLower(c.words[j-1])] || c.possessive(j-1) || c.words[j-1] == "'s" || c.words[j-1] == "’s") {
		j--
	}
	return j-1 > from && listenerVerbs[strings.ToLower(c.words[j-1])]
}

// listenerVerbs take the person spoken to as their object.
var listenerVerbs = set(`told tell tells telling asked asks informed assured reminded warned`)

// modifiesNoun reports, on a tagged document, a name ending at token k
// that a lower-case noun follows: "Rubio supporter", "a Verizon customer".
func (c *docIndex) modifiesNoun(k int) bool {
	if k+1 >= len(c.words) || c.ref[k+1].entity != "" {
		return false
	}
	w := c.words[k+1]
	t, ok := c.tag(k + 1)
	return ok && strings.HasPrefix(t, "NN") && w == strings.ToLower(w)
}

// gender returns a person entity's gender as the quote stage reads it
// ('m', 'f', or 0 when unknown), computed once per entity.
func (c *docIndex) gender(id string) byte {
	if g, ok := c.genders[id]; ok {
		return g
	}
	var g byte
	if e := c.entities[id]; e != nil {
		g = quote.EntityGender(c.doc, e)
	}
	if c.genders == nil {
		c.genders = map[string]byte{}
	}
	c.genders[id] = g
	return g
}

// personNouns are common nouns for a person whom a later "he" or "she" may
// stand for, with their gender (0: either).
var personNouns = map[string]byte{"man": 'm', "woman": 'f', "boy": 'm', "girl": 'f', "citizen": 0, "person": 0,
	"resident": 0, "voter": 0, "son": 'm', "daughter": 'f', "father": 'm', "mother": 'f', "husband": 'm', "wife": 'f',
	"brother": 'm', "sister": 'f', "friend": 0, "gunman": 'm', "suspect": 0, "shooter": 0, "bomber": 0, "attacker": 0,
	"victim": 0, "immigrant": 0}

// speechCues are the lemmas of the cues that report words (a quote's cue
// may be any verb the quote stage read, "agreed", "sent").
var speechCues = set(`say tell write explain continue respond note tweet add insist claim state report announce
	declare warn argue assert contend maintain acknowledge admit concede confirm deny reject dismiss reply ask
	suggest predict promise vow pledge recall testify allege charge accuse stress emphasize emphasise tell
	describe call told quote post comment observe remark recount conclude caution threaten vow refute rebut
	dispute insist according`)

// reportsSpeech reports whether a quote's cue reports the speaker's words.
func reportsSpeech(cue string) bool {
	f := strings.Fields(strings.ToLower(cue))
	if len(f) == 0 {
		return false
	}
	return speechCues[f[0]] || speechCues[lemma.Lemma(f[0], lemma.Verb)]
}

// namedInside reports a speaker named (not as "I"/"we") inside the clause
// they are said to say, other than as its subject: people seldom name
// themselves, so the quote is more likely someone else's ("Some people
// feel Trump will bring revolution," she said).
func (c *docIndex) namedInside(cl clause, subject string) bool {
	for k := cl.first; k < cl.end; k++ {
		if r := c.ref[k]; r.entity == cl.speaker && r.kind != news.MentionPronoun {
			return true
		}
	}
	return false
}

// possessive reports a name at token k that is a possessor ("Trump's").
func (c *docIndex) possessive(k int) bool {
	w := c.words[k]
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	if k+1 < len(c.words) {
		n := c.words[k+1]
		return n == "'s" || n == "’s" || n == "'" || n == "’"
	}
	return false
}

// prepositionalClassWords are class words that are prepositions: they
// state a position only after a form of "be" ("I was against the war").
var prepositionalClassWords = set(`against behind`)

// afterBe reports a form of "be" before token k, over adverbs, in the
// clause starting at first.
func (c *docIndex) afterBe(k, first int) bool {
	for j := k - 1; j >= first && j >= k-3; j-- {
		w := strings.ToLower(c.words[j])
		if beForms[w] {
			return true
		}
		if !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

var beForms = set(`be is are was were been being am 'm ’m 's ’s 're ’re`)

// employerOnly reports a quote whose speaker is named in its sentence, out
// of the quote, only as someone's employer or client ("a producer for
// Yahoo Studios told", "an analyst at Jefferies said") or as a possessor
// ("according to Lazar's plea agreement", "Bennett's sister told"): the
// words are another's.
func (c *docIndex) employerOnly(cl clause) bool {
	sent := c.sentenceOf(cl.first)
	named := false
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if c.ref[k].entity != cl.speaker || k >= cl.first && k < cl.end || k > sent.FirstToken && c.ref[k-1].entity == cl.speaker {
			continue
		}
		named = true
		end := k
		for end+1 < sent.EndToken && c.ref[end+1].entity == cl.speaker {
			end++
		}
		if c.possessive(end) || c.ref[k].kind == news.MentionPronoun && c.possessivePronoun(k) {
			continue // "Lazar's plea agreement", "Bennett's sister told", "her advisers say"
		}
		j := k - 1
		for j >= sent.FirstToken && j >= k-2 && determiners[strings.ToLower(c.words[j])] {
			j--
		}
		if j < sent.FirstToken || !employerLinks[strings.ToLower(c.words[j])] {
			return false
		}
	}
	return named
}

var employerLinks = set(`for at with`)

// passive reports a past participle after a form of "be" (over adverbs
// and negations): "was attacked", "is not supported".
func (c *docIndex) passive(at, first int) bool {
	if t, ok := c.tag(at); ok && t != "VBN" {
		return false
	}
	for k := at - 1; k >= first && k >= at-3; k-- {
		w := strings.ToLower(c.words[k])
		if beForms[w] && w != "'s" && w != "’s" {
			return true
		}
		if !negations[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// circumstance reports an indirect quote that opens with a preposition of
// place, time or manner rather than a reported clause ("said aboard his
// plane as he crisscrossed Nevada", "said in an interview aired Monday").
func circumstance(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && circumstancePrepositions[f[0]]
}

var circumstancePrepositions = set(`in on at aboard during after before while with without from by near outside inside`)

// possessed reports a class noun with a possessive determiner ("led to
// her victory"): its subject is the possessor, whom a pronoun leaves
// unclear.
func (c *docIndex) possessed(at int) bool {
	t, ok := c.tag(at)
	if !ok || !strings.HasPrefix(t, "NN") {
		return false
	}
	for k := at - 1; k >= 0 && k >= at-3; k-- {
		pt, _ := c.tag(k)
		if pt == "PRP$" {
			return true
		}
		if !strings.HasPrefix(pt, "JJ") && !strings.HasPrefix(pt, "RB") {
			return false
		}
	}
	return false
}

// adjectiveClasses are predicate classes of adjectives ("true", "stable"):
// a word of theirs used as a verb ("correct their grammar") is another word.
var adjectiveClasses = map[string]bool{"reality": true, "stability": true}

// facedBy reports a class noun that is the object of "face" ("we face a
// threat", "facing the danger"), over determiners and adjectives.
func (c *docIndex) facedBy(k, first int) bool {
	for j := k - 1; j >= first && j >= k-5; j-- {
		w := strings.ToLower(c.words[j])
		if w == "face" || w == "faces" || w == "faced" || w == "facing" {
			return true
		}
		if !isLowerWord(w) || c.isVerbish(j) {
			return false
		}
	}
	return false
}

// inPrepositionalPhrase reports a name at token k (its last word) that is
// the object of a preposition ("at the State Department"): the verb after
// it has another subject, the noun the phrase modifies.
func (c *docIndex) inPrepositionalPhrase(k, first int) bool {
	e := c.ref[k].entity
	if e == "" {
		return false
	}
	j := k
	for j > first && c.ref[j-1].entity == e {
		j--
	}
	j--
	for j >= first && j >= k-maxNameModifiers-1 && (determiners[strings.ToLower(c.words[j])] || c.nameModifier(j, e)) {
		j--
	}
	if j > first && (strings.EqualFold(c.words[j], "and") || strings.EqualFold(c.words[j], "or")) && c.ref[j-1].entity != "" && c.ref[j-1].entity != e {
		return c.inPrepositionalPhrase(j-1, first) // "the meeting between Obama and Sanders was raised"
	}
	return j >= first && prepositions[strings.ToLower(c.words[j])]
}

// maxNameModifiers bounds the modifiers read back over between a name and
// its preposition ("behind GOP front-runner Donald Trump").
const maxNameModifiers = 5

// nameModifier reports, on a tagged document, a token j that modifies the
// name e after it: a lower-case adjective or number ("former"), a hyphen,
// a lower-case noun that is one of e's titles or follows another name
// ("GOP front-runner", "Globex chief"), or such a name itself; but not a
// name right before another ("in Iowa Trump leads": Iowa ends the phrase)
// nor a plain noun ("a tweet Labott posted": Labott opens a clause).
func (c *docIndex) nameModifier(j int, e string) bool {
	t, ok := c.tag(j)
	if !ok {
		return false
	}
	w := c.words[j]
	if r := c.ref[j].entity; r != "" {
		for j+1 < len(c.words) && c.ref[j+1].entity == r {
			j++
		}
		return j+1 < len(c.words) && c.ref[j+1].entity == "" && c.nounModifier(j+1, e)
	}
	if w == "-" || w == "‑" || t == "HYPH" {
		return true
	}
	if w != strings.ToLower(w) {
		return false
	}
	if strings.HasPrefix(t, "JJ") || t == "CD" {
		return true
	}
	return strings.HasPrefix(t, "NN") && c.nounModifier(j, e)
}

// nounModifier reports a lower-case noun at token j, before the name e,
// that is one of e's titles or follows another name over lower-case
// nouns ("GOP campaign manager").
func (c *docIndex) nounModifier(j int, e string) bool {
	t, _ := c.tag(j)
	w := c.words[j]
	if !strings.HasPrefix(t, "NN") || w != strings.ToLower(w) {
		return false
	}
	if ent := c.entities[e]; ent != nil {
		for _, title := range ent.Titles {
			for _, f := range strings.Fields(strings.ToLower(title)) {
				if f == w {
					return true
				}
			}
		}
	}
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if c.ref[k].entity != "" {
			return c.ref[k].entity != e
		}
		kt, _ := c.tag(k)
		if !strings.HasPrefix(kt, "NN") || c.words[k] != strings.ToLower(c.words[k]) {
			return false
		}
	}
	return false
}

var prepositions = set(`of for to with by from in at on behind against about than between among`)

// namedOnlyAfter reports a speaker named in the sentence of the clause
// starting at token first only after it.
func (c *docIndex) namedOnlyAfter(first int, speaker string) bool {
	sent := c.sentenceOf(first)
	after := false
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if r := c.ref[k]; r.entity == speaker && r.kind != news.MentionPronoun {
			if k < first {
				return false
			}
			after = true
		}
	}
	return after
}

// possessivePronoun reports "his", "her", "its" or "their" before a noun at
// token k.
func (c *docIndex) possessivePronoun(k int) bool {
	switch strings.ToLower(c.words[k]) {
	case "his", "its", "their":
		return true
	case "her":
		if t, ok := c.tag(k); ok {
			return t == "PRP$"
		}
		return k+1 < len(c.words) && isLowerWord(c.words[k+1])
	}
	return false
}

// subordinate reports a predicate in a subordinate clause that opens the
// clause, before its first comma ("As Election Day nears, Stone says, ...",
// "Because it rained, ..."): not the claim's main assertion.
func (c *docIndex) subordinate(cl clause, at int) bool {
	if cl.first >= cl.end || !subordinators[strings.ToLower(c.words[cl.first])] {
		return false
	}
	for k := cl.first; k < at; k++ {
		if c.words[k] == "," {
			return false
		}
	}
	return true
}

var subordinators = set(`as when while after before since although though because once whenever`)

// nounAfter reports, on a tagged document, a token k that only a noun
// follows: an adjective, determiner, possessive, number or preposition
// ("in the face of unprecedented attacks").
func (c *docIndex) nounAfter(k int) bool {
	if k < 0 {
		return false
	}
	t, _ := c.tag(k)
	return strings.HasPrefix(t, "JJ") || t == "DT" || t == "PRP$" || t == "CD" || t == "POS" ||
		t == "IN" && prepositions[strings.ToLower(c.words[k])] // not "that ISIS exists"
}
