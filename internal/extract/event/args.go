package event

import (
	"sort"
	"strings"

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
			a.said[k] = a.said[k] || a.doc.Quotes[qi].Kind != "partial"
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
		Negated:  (a.negated(sent, first) || t.noun && a.negated(sent, a.npStart(sent, first)+1)) && !t.ownsNegation,
		Hedged:   a.hedged(sent, first),
		Nominal:  t.noun,
	}
	switch {
	case t.noun:
		ev.Actor, ev.Target = a.nounArgs(sent, first, end, t)
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

// nounArgs finds the actor and target of an event noun: the target after
// "of"/"to"/"against"/"on"; the actor after "by" (or "from" for an
// attack), else the name or possessor inside its noun phrase ("an Israeli
// air strike", "Russia's attack", "their attacks"), else the subject of a
// light verb that governs it ("Russia launched an attack", "the Taliban
// claimed responsibility for the attack"). Other event nouns also take the
// subject of the clause when they are not the object of a preposition
// ("the group poses a threat", not "during investigations").
func (a *args) nounArgs(sent news.Sentence, first, end int, t trigger) (actor, target string) {
	target = a.afterWord(sent, end, 4, "of", "to", "against", "on", "between")
	actor = a.afterWord(sent, end, 8, "by")
	if actor == "" && t.typ == "ATTACK" {
		actor = a.afterWord(sent, end, 2, "from")
	}
	if actor == "" {
		actor = a.modifierActor(sent, first)
	}
	if actor == "" && t.typ == "ATTACK" {
		actor = a.attributedTo(sent, end)
	}
	if actor != "" {
		return actor, target
	}
	if v := a.lightVerb(sent, first); v >= 0 {
		return a.subject(sent, v), target
	}
	if t.typ != "ATTACK" && t.typ != "ARREST" && !a.prepositional(sent, first) && a.governingVerb(sent, first) < 0 {
		actor = a.subject(sent, first)
	}
	return actor, target
}

// maxAttributionWords is how far after an attack noun "attributed to X" or
// "blamed on X" is looked for.
const maxAttributionWords = 16

// attributedTo returns the party an attack is laid at later in its
// sentence: "an airstrike ... that a monitoring group attributed to
// Israel", "the bombing, blamed on the group".
func (a *args) attributedTo(sent news.Sentence, end int) string {
	for k := end; k+1 < sent.EndToken && k < end+maxAttributionWords; k++ {
		w, next := a.lower[k], a.lower[k+1]
		if w == "." || w == ";" {
			return ""
		}
		if (strings.HasPrefix(w, "attribut") && next == "to") || (strings.HasPrefix(w, "blame") && next == "on") {
			return a.afterWord(sent, k+1, 1, next)
		}
	}
	return ""
}

// npStart returns the first token of the noun phrase that ends just before
// token i: adjectives, nouns, names, numbers, possessives and bracketed
// asides, back to and including a determiner.
func (a *args) npStart(sent news.Sentence, i int) int {
	k := i - 1
	for ; k >= sent.FirstToken; k-- {
		w := a.lower[k]
		switch {
		case w == "that" && k+1 < i && (determiners[a.lower[k+1]] || a.lower[k+1] == "another"):
			return k + 1 // "that the attack": a conjunction, not a determiner
		case determiners[w] && w != "'s" && w != "’s" || w == "another":
			return k
		case w == "'s" || w == "’s" || w == `"` || w == "“" || w == "”":
		case w == ")":
			if open := a.skipAside(sent, k); open < k {
				k = open // "an IDF (Israel Defense Forces) strike"
			}
		case a.ref[k].entity != "":
		case prepositions[w] || clauseBreaks[w] || verbLike[w] || beForms[w] || conjunctions[w] || !isLowerAlpha(w) && !isNumber(w):
			return k + 1
		case a.isVerb(k):
			return k + 1
		}
	}
	return sent.FirstToken
}

// modifierActor returns the entity named inside the noun phrase before an
// event noun at i: a possessor ("Russia's attack", "their attacks") or a
// name used as a modifier ("an Israeli air strike", "Houthi attacks"). A
// place that is not a country ("the Farah attack") says where, not who.
func (a *args) modifierActor(sent news.Sentence, i int) string {
	for k := i - 1; k >= a.npStart(sent, i); k-- {
		if possessiveProns[a.lower[k]] && a.ref[k].entity == "" {
			return a.resolvePronoun(sent, k)
		}
		r := a.ref[k]
		if r.entity == "" {
			continue
		}
		possessive := r.last+1 < len(a.lower) && (a.lower[r.last+1] == "'s" || a.lower[r.last+1] == "’s")
		if r.typ == news.TypeLOC && !r.pronoun && !possessive && !a.countryLike(r) {
			k = r.first
			continue
		}
		return a.canonical(r.entity)
	}
	return ""
}

// lightVerb returns the token of the light verb whose object is the event
// noun at i ("launched an attack", "carried out the attack", "claimed
// responsibility for the attack"), or -1.
func (a *args) lightVerb(sent news.Sentence, i int) int {
	k := a.npStart(sent, i) - 1
	if k-1 >= sent.FirstToken && a.lower[k] == "for" && a.lower[k-1] == "responsibility" {
		k -= 2
	}
	if k >= sent.FirstToken && (a.lower[k] == "out" || a.lower[k] == "up") {
		k--
	}
	if k >= sent.FirstToken && lightVerbs[a.lower[k]] {
		return k
	}
	return -1
}

// governingVerb returns the token of the verb that takes the noun phrase of
// the event noun at i as its object ("condemned the attack"), or -1 when
// the phrase follows no verb (a subject: "the militant group poses").
func (a *args) governingVerb(sent news.Sentence, i int) int {
	k := a.npStart(sent, i) - 1
	if k >= sent.FirstToken && a.isVerb(k) {
		return k
	}
	return -1
}

// passiveAt reports whether the participle at i follows a form of "be"
// (adverbs between allowed): "was actually arrested".
func (a *args) passiveAt(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-3; k-- {
		w := a.lower[k]
		if beAuxiliaries[w] {
			return true
		}
		if !skipAdverbs[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// subject returns the entity that is the subject of the verb at token i:
// the nearest mention to its left in its clause that is not the object of
// a preposition, past dash or bracket asides and relative clauses ("The
// Houthis, who control most of Yemen, say"); the antecedent of a relative
// pronoun ("the government, who accused"); the subject of the first verb
// when two share it ("confirmed the strikes but denied"); and the entity a
// pronoun or a role noun stands for ("it", "the group").
func (a *args) subject(sent news.Sentence, i int) string {
	if a.participleClause(sent, i) {
		if id := a.mainSubject(sent, i); id != "" {
			return id
		}
	}
	id := a.subjectDepth(sent, i, 0)
	if id == "" && strings.HasSuffix(a.lower[i], "ing") && !a.afterBe(sent, i) {
		id = a.mainSubject(sent, i)
	}
	return id
}

// participleClause reports a participle that opens a clause after a comma
// ("..., alleging that", "..., saying it"): its subject is the sentence's.
func (a *args) participleClause(sent news.Sentence, i int) bool {
	return strings.HasSuffix(a.lower[i], "ing") && i > sent.FirstToken && a.lower[i-1] == ","
}

// afterBe reports a form of "be" just before token i ("were attacking").
func (a *args) afterBe(sent news.Sentence, i int) bool {
	return i > sent.FirstToken && (beForms[a.lower[i-1]] || auxiliaries[a.lower[i-1]])
}

// mainSubject returns the subject of the first verb of the sentence before
// token i: the subject a participle clause shares ("BJP termed the charge
// fabricated, alleging that ...").
func (a *args) mainSubject(sent news.Sentence, i int) string {
	for k := sent.FirstToken; k < i; k++ {
		if a.ref[k].entity == "" && a.isVerb(k) && !strings.HasSuffix(a.lower[k], "ing") {
			return a.subjectDepth(sent, k, 1)
		}
	}
	return ""
}

// maxSubjectDepth bounds how many verbs back a subject is looked for
// through coordinations and pronouns.
const maxSubjectDepth = 3

func (a *args) subjectDepth(sent news.Sentence, i, depth int) string {
	if depth > maxSubjectDepth {
		return ""
	}
	for k := i - 1; k >= sent.FirstToken; k-- {
		w := a.lower[k]
		switch {
		case w == "–" || w == "—" || w == ")":
			k = a.skipAside(sent, k)
			continue
		case w == ",":
			k = a.skipRelative(sent, k)
			continue
		case relativePronouns[w]:
			return a.antecedent(sent, k)
		case conjunctions[w] && a.onlyAuxBetween(k, i):
			if v := a.previousVerb(sent, k); v >= 0 {
				return a.subjectDepth(sent, v, depth+1)
			}
			return ""
		case clauseBreaks[w] || reportingVerbs[w]:
			return ""
		}
		r := a.ref[k]
		if r.entity == "" {
			if id, ok := a.pronounSubject(sent, k, depth); ok {
				return id
			}
			continue
		}
		k = r.first
		if !a.prepositional(sent, r.first) || a.ofRoleHead(sent, r.first) {
			return a.canonical(r.entity)
		}
	}
	return ""
}

// roleHeads are people who speak and act for the party after "of"/"from":
// "officials from the refinery dismissed", "a spokesman for the army said".
var roleHeads = set(`official officials spokesman spokesperson spokeswoman spokesmen member members leader
	leaders representative representatives head chief`)

// ofRoleHead reports whether the mention at first follows a role head and
// "of", "from" or "for": the party the role acts for.
func (a *args) ofRoleHead(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && articles[a.lower[k]] {
		k--
	}
	if k-1 < sent.FirstToken {
		return false
	}
	p := a.lower[k]
	return (p == "of" || p == "from" || p == "for") && roleHeads[a.lower[k-1]]
}

// pronounSubject resolves a pronoun or role noun met at k while looking
// for a subject; ok is false when the word is neither.
func (a *args) pronounSubject(sent news.Sentence, k, depth int) (string, bool) {
	w := a.lower[k]
	switch {
	case objectPronouns[w]:
		return "", false
	case firstPerson[w] || personPronouns[w] || thingPronouns[w] || pluralPronouns[w]:
		// "it attacked", "its forces attacked": the subject or its possessor
		return a.resolvePronounDepth(sent, k, depth+1), true
	case groupRoleNouns[w] && k > sent.FirstToken && a.lower[k-1] == "the":
		return a.previousEntity(k-1, func(t string) bool { return t == news.TypeORG || t == news.TypeMISC }), true
	}
	return "", false
}

// onlyAuxBetween reports whether only auxiliaries, adverbs and negations
// stand between tokens k and i: the verb at i shares its subject with the
// verb before the conjunction at k.
func (a *args) onlyAuxBetween(k, i int) bool {
	for j := k + 1; j < i; j++ {
		w := a.lower[j]
		if !auxiliaries[w] && !skipAdverbs[w] && !negations[w] && !strings.HasSuffix(w, "ly") && !beForms[w] {
			return false
		}
	}
	return true
}

// previousVerb returns the nearest verb left of the conjunction at k in
// its sentence, or -1.
func (a *args) previousVerb(sent news.Sentence, k int) int {
	for j := k - 1; j >= sent.FirstToken; j-- {
		if a.isVerb(j) && a.ref[j].entity == "" && !(a.hasNounForm(j) && a.nounReading(sent, j, j+1)) {
			return j
		}
		if clauseBreaks[a.lower[j]] {
			return -1
		}
	}
	return -1
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
	if reportingVerbs[w] || lightVerbs[w] || irregularPasts[w] {
		return true
	}
	for _, t := range a.lx.byFirst[w] {
		if !t.noun && len(t.words) == 1 {
			return true
		}
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.Contains(w, "-")
}

// skipRelative returns the comma that opens a relative clause or an aside
// closed by the comma at k ("the Houthis, who control most of Yemen,"), or
// k when none does.
func (a *args) skipRelative(sent news.Sentence, k int) int {
	for j := k - 1; j > sent.FirstToken; j-- {
		if a.lower[j] == "," {
			if relativePronouns[a.lower[j+1]] {
				return j
			}
			return k
		}
	}
	return k
}

// antecedent returns the entity a relative pronoun at k refers to: the
// mention just before it, a comma allowed between, unless it is a place
// after a preposition; or the name inside the noun phrase before it.
func (a *args) antecedent(sent news.Sentence, k int) string {
	j := k - 1
	if j >= sent.FirstToken && a.lower[j] == "," {
		j--
	}
	if j < sent.FirstToken {
		return ""
	}
	if r := a.ref[j]; r.entity != "" {
		if r.typ == news.TypeLOC && a.prepositional(sent, r.first) {
			return "" // "an organisation in Bosnia who": not the place
		}
		return a.canonical(r.entity)
	}
	return a.modifierActor(sent, j+1) // "the Syrian government, who accused"
}

// skipAside returns the index of the token that opens the aside closed at
// k ("– allegedly the commander of IS –", "(IS)"); k when no bracket opens
// it; and one before the sentence when no dash opens it (the dash that
// ends a dateline: nothing before it is a subject).
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
	if closer != ")" {
		return sent.FirstToken - 1 // a dash after a dateline ("KABUL —") ends the search
	}
	return k
}

// prepositional reports whether the mention starting at token first is the
// object of a preposition ("the commander of IS").
func (a *args) prepositional(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[a.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && prepositions[a.lower[k]]
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
			if !nounPhraseWord(a.lower[k]) {
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
			if r.pronoun {
				return a.resolvePronoun(sent, k)
			}
			return a.canonical(r.entity)
		}
		if !objectPreps[a.lower[k]] {
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

func isNumber(w string) bool {
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return w != ""
}

func (a *args) afterLocative(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[a.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && locativePreps[a.lower[k]]
}

// afterWord returns the entity of the first mention that follows one of
// the given words within n tokens after end ("the arrest of X", "by Y").
func (a *args) afterWord(sent news.Sentence, end, n int, words ...string) string {
	for k := end; k < sent.EndToken && k < end+n; k++ {
		lw := a.lower[k]
		if clauseBreaks[lw] {
			return ""
		}
		if !contains(words, lw) {
			continue
		}
		for j := k + 1; j < sent.EndToken && j <= k+4; j++ {
			if r := a.ref[j]; r.entity != "" {
				if r.pronoun {
					return a.resolvePronoun(sent, j)
				}
				return a.canonical(r.entity)
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
		w := a.lower[k]
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
