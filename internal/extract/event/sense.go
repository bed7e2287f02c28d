package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// found is a trigger matched at tokens [first, end).
type found struct {
	t          trigger
	first, end int
}

// sense reads the words around a matched trigger for what the lexicon
// cannot tell: a "strike" that is an attack or a walk-out, "killed" in a
// death toll rather than an attack of its own, "rejected the reports" as a
// denial, "was denied entry" as a refusal. It returns the trigger, retyped
// or widened when the context says so, and false when the words name no
// event. evs are the events found so far in the document.
func (s *Stage) sense(a *args, evs []news.Event, sent news.Sentence, f found) (found, bool) {
	if !a.happens(sent, f) {
		return f, false
	}
	i := f.first
	switch f.t.lemma {
	case "reject", "refuse", "rebuff", "spurn", "turn down", "rejection", "refusal", "accept":
		return a.rejectSense(sent, f)
	case "deny":
		if !f.t.noun && (a.grantObject(sent, f.end) || a.passiveAt(sent, i) && a.requestBefore(sent, i)) {
			f.t.typ = "REJECT" // "was denied entry", "denied him bail", "the requests were denied"
		}
	case "dismiss":
		if a.requestObject(sent, f.end) {
			f.t.typ = "REJECT" // "dismissed an appeal", "dismissed her proposals"
		}
	case "strike", "air strike":
		return f, a.strikeIsAttack(evs, sent, f)
	case "target":
		return f, a.violent(sent) && !a.afterEventSubject(evs, sent, i)
	case "storm":
		return f, a.lower[i] == "stormed" || a.lower[i] == "storming" || i > sent.FirstToken && a.lower[i-1] == "to"
	case "kill":
		return f, !f.t.noun && !a.casualty(evs, sent, f)
	case "firing":
		if !f.t.noun {
			return f, a.weaponNear(sent, f)
		}
		return f, a.violent(sent)
	case "fire", "hurl", "lob", "throw":
		return f, a.weaponNear(sent, f) && a.aimed(sent, f) // "fired missiles at", "a grenade was hurled at"
	case "explosion", "blast", "explode", "go off", "blow up":
		return f, a.explosiveAttack(evs, sent, f)
	case "pound", "bombard", "beat":
		return f, a.violent(sent) // "warplanes pounded", not "Clinton beats Trump by four points"
	case "abuse":
		return f, !a.abuseOfPower(sent, f)
	case "attack", "assault":
		if a.verbalAttack(sent, f) {
			f.t.typ = "DISAPPROVE" // "Trump attacked Clinton's record"
		}
	case "shoot":
		return f, f.end >= sent.EndToken || a.lower[f.end] != "out" // "shooting out shrapnel"
	case "slam":
		if a.claimObject(sent, f.end) >= 0 {
			f.t.typ = "DENY" // "slammed the layoff reports"
		}
	case "raid":
		if a.hasWord(sent, killWords) {
			f.t.typ = "ATTACK" // a raid that kills
		}
	case "charge":
		return f, a.chargeIsAccusation(sent, f)
	case "allege":
		return f, !a.adjectival(sent, i)
	case "allegation", "accusation":
		return f, a.modifierActor(sent, i) != "" || a.afterWord(sent, f.end, 4, "by", "from") != "" || a.lightVerb(sent, i) >= 0
	}
	return f, true
}

// happens reports whether the trigger names an event at all: not a verb
// read inside a noun phrase ("the storm", "a sticky bomb"); not an event
// noun that only qualifies another ("air raid alerts"), stands for a class
// ("one of the deadliest attacks") or a hypothesis ("any attack from X
// will be answered", "if there is a strike").
func (a *args) happens(sent news.Sentence, f found) bool {
	i := f.first
	if f.end < sent.EndToken && modifiedNouns[a.lower[f.end]] {
		return false
	}
	if !f.t.noun {
		return !a.verbInNounPhrase(sent, f)
	}
	switch {
	case i > sent.FirstToken && a.lower[i-1] == "any" && !a.negatedWithin(sent, i, 6):
		return false
	case a.classOf(sent, i) || a.conditional(sent, i):
		return false
	}
	return true
}

// modifiedNouns after an event noun make it a modifier: "air raid alerts",
// "attack helicopters", "bomb squad".
var modifiedNouns = set(`alert alerts siren sirens warning warnings shelter shelters helicopter helicopters
	drill drills squad squads dog dogs plan plans victims suspect suspects survivor survivors disposal ad ads
	stance range ranges gallery`)

// verbInNounPhrase reports a verb form that is a noun where it stands:
// after an article ("the storm", "a target"), before an auxiliary ("rocket
// bombs have been found"), after a possessive and adjectives ("her
// game-winning shot"), or its bare form inside a singular noun phrase ("a
// sticky bomb").
func (a *args) verbInNounPhrase(sent news.Sentence, f found) bool {
	i := f.first
	if i == sent.FirstToken || strings.HasSuffix(a.lower[i], "ing") {
		return false
	}
	if articles[a.lower[i-1]] {
		return true
	}
	if strings.HasSuffix(a.lower[i], "s") && f.end < sent.EndToken && (auxiliaries[a.lower[f.end]] || beForms[a.lower[f.end]]) {
		return true // "rocket bombs have been found"
	}
	start := a.npStart(sent, i)
	if start < i && possessiveProns[a.lower[start]] && a.onlyAdjectives(start+1, i) {
		return true // "her game-winning shot"
	}
	if a.lower[i] != f.t.lemma {
		return false
	}
	return start < i && singularDeterminers[a.lower[start]]
}

// onlyAdjectives reports whether tokens [from, to) all look like
// adjectives: compounds with a hyphen, or words in -ing, -al, -ive, -ous,
// -ful, -ic.
func (a *args) onlyAdjectives(from, to int) bool {
	for k := from; k < to; k++ {
		w := a.lower[k]
		adj := strings.Contains(w, "-")
		for _, suf := range []string{"ing", "al", "ive", "ous", "ful", "ic"} {
			adj = adj || strings.HasSuffix(w, suf)
		}
		if !adj {
			return false
		}
	}
	return true
}

// singularDeterminers open a singular noun phrase: a verb's bare form
// after one is a noun ("a sticky bomb"), not the verb of a plural subject
// ("the militants attack").
var singularDeterminers = set(`a an another each every this`)

// classOf reports an event noun that names a class: "one of the deadliest
// attacks".
func (a *args) classOf(sent news.Sentence, i int) bool {
	start := a.npStart(sent, i)
	if start-2 < sent.FirstToken || a.lower[start] != "the" || a.lower[start-1] != "of" || a.lower[start-2] != "one" {
		return false
	}
	for k := start + 1; k < i; k++ {
		if strings.HasSuffix(a.lower[k], "est") || a.lower[k] == "most" || a.lower[k] == "worst" {
			return true
		}
	}
	return false
}

// conditional reports an event noun inside an "if" clause: "if there is
// a strike on our soil, it will be answered".
func (a *args) conditional(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken; k-- {
		switch a.lower[k] {
		case "if", "unless", "whether":
			return true
		case ",", ";", ":", "that", "because":
			return false
		}
	}
	return false
}

// rejectSense makes a rejection whose object is something said a denial:
// "rejected the reports", "refused to recognize the results", "will not
// accept these results"; a refusal of anything else stays a rejection,
// and acceptance that is not refused stays what the lexicon says.
func (a *args) rejectSense(sent news.Sentence, f found) (found, bool) {
	end := f.end
	if f.t.lemma == "refuse" {
		end = a.afterToRecognize(sent, end)
	}
	if f.t.noun && end < sent.EndToken && a.lower[end] == "of" {
		end++
	}
	if f.t.lemma == "accept" {
		neg := a.negationBefore(sent, f.first)
		if neg < 0 || a.claimObject(sent, end) < 0 {
			return f, true
		}
		f.first, f.t.ownsNegation = neg, true
		f.t.typ = "DENY"
		return f, true
	}
	if a.claimObject(sent, end) >= 0 {
		f.t.typ = "DENY"
	}
	return f, true
}

// recognitionVerbs after "refused to" deny what they take: "refused to
// recognize the results".
var recognitionVerbs = set(`recognize recognise accept acknowledge`)

// afterToRecognize returns the token after "to recognize" when it follows
// "refused" (a date between allowed: "refused Monday to recognize"), else
// end.
func (a *args) afterToRecognize(sent news.Sentence, end int) int {
	for k := end; k < sent.EndToken-1 && k <= end+2; k++ {
		if a.lower[k] == "to" && recognitionVerbs[a.lower[k+1]] {
			return k + 2
		}
	}
	return end
}

// negationBefore returns the token of a negation or a refusal within four
// tokens before i ("will not accept", "refused to accept", "not going to
// recognize"), or -1.
func (a *args) negationBefore(sent news.Sentence, i int) int {
	for k := i - 1; k >= sent.FirstToken && k >= i-4; k-- {
		w := a.lower[k]
		if negations[w] || w == "refuse" || w == "refused" || w == "refuses" || w == "refusing" {
			return k
		}
		if clauseBreaks[w] || w == "," {
			return -1
		}
	}
	return -1
}

// negatedWithin reports a negation within n tokens before i in its clause
// ("did not carry out any attack").
func (a *args) negatedWithin(sent news.Sentence, i, n int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-n; k-- {
		if negations[a.lower[k]] || a.lower[k] == "denied" || a.lower[k] == "denies" {
			return true
		}
		if clauseBreaks[a.lower[k]] {
			return false
		}
	}
	return false
}

// maxObjectWords is how far after a verb its object's head noun is looked
// for ("rejected what it called the baseless Indian allegations").
const maxObjectWords = 10

// claimObject returns the token of the claim noun that heads the object
// after token end ("the reports", "India's claim", "the baseless Indian
// allegations"), or of "that" opening a reported clause right after the
// verb; -1 when the object is something else ("a proposal", "calls for").
func (a *args) claimObject(sent news.Sentence, end int) int {
	for k := end; k < sent.EndToken && k < end+maxObjectWords; k++ {
		w := a.lower[k]
		switch {
		case claimNouns[w] && a.ref[k].entity == "":
			return k
		case w == "that" && k == end:
			return k
		case prepositions[w] || w == "," || w == "." || w == ";" || w == ":" || clauseBreaks[w] && w != "that":
			return -1
		}
	}
	return -1
}

// requestNouns are asked for: dismissing one turns it down.
var requestNouns = nounForms(`proposal offer plan request appeal call demand bid petition application motion suit
	lawsuit case invitation`)

// requestObject reports whether the object after end is something asked
// for ("dismissed an appeal from the president").
func (a *args) requestObject(sent news.Sentence, end int) bool {
	for k := end; k < sent.EndToken && k < end+maxObjectWords; k++ {
		w := a.lower[k]
		if requestNouns[w] {
			return true
		}
		if claimNouns[w] || prepositions[w] || w == "," || w == "." || clauseBreaks[w] {
			return false
		}
	}
	return false
}

// requestBefore reports a request as the subject of a passive at i ("the
// requests were denied").
func (a *args) requestBefore(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-5; k-- {
		if requestNouns[a.lower[k]] || grantNouns[a.lower[k]] {
			return true
		}
		if clauseBreaks[a.lower[k]] && a.lower[k] != "that" {
			return false
		}
	}
	return false
}

// grantObject reports whether what is denied after end is something
// granted ("entry", "bail"), an indirect object allowed before it.
func (a *args) grantObject(sent news.Sentence, end int) bool {
	for k := end; k < sent.EndToken && k < end+4; k++ {
		w := a.lower[k]
		if grantNouns[w] {
			return true
		}
		if prepositions[w] || clauseBreaks[w] || w == "," {
			return false
		}
	}
	return false
}

// Words of violence: a sentence that holds one is about armed conflict.
var violentWords = set(`killed kill killing wounded wounding injured dead died casualties attack attacks
	bomb bombs bombing bombings missile missiles rocket rockets drone drones jets warplanes aircraft troops
	forces militants fighters insurgents gunmen soldiers army military artillery shelling airstrike
	airstrikes explosive explosives weapons checkpoint checkpoints terrorist terrorists rebels guerrillas
	offensive fire shells mortar mortars`)

var killWords = set(`killed kill killing kills dead died deaths`)

// violent reports whether the sentence speaks of armed violence.
func (a *args) violent(sent news.Sentence) bool { return a.hasWord(sent, violentWords) }

func (a *args) hasWord(sent news.Sentence, words map[string]bool) bool {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if words[a.lower[k]] {
			return true
		}
	}
	return false
}

// labourWords before "strike" make it a walk-out: "a general strike".
var labourWords = set(`hunger general labour labor workers workers' nationwide national transport rail teachers
	doctors sit-down wildcat token indefinite open-ended one-day two-day day-long week-long`)

// dealNouns after the verb "strike" make it an agreement: "struck a deal".
var dealNouns = set(`deal agreement accord compromise balance chord note tone pose bargain blow`)

// disasterWords in a sentence make "struck" the work of nature.
var disasterWords = set(`earthquake quake storm cyclone hurricane typhoon tsunami flood floods lightning
	tornado landslide`)

// strikeIsAttack tells a military strike from a walk-out or a deal: an
// air, drone or missile strike (the lexicon's phrases), a strike named by
// its actor ("an IDF strike", "Turkish strikes"), launched or carried out,
// one people were wounded or killed in, one "on"/"against" a target in a
// sentence of violence, or "the strike" after such a strike; the verb in
// a sentence of violence, unless it strikes a deal.
func (a *args) strikeIsAttack(evs []news.Event, sent news.Sentence, f found) bool {
	i := f.first
	if !f.t.noun {
		if f.end < sent.EndToken && (a.lower[f.end] == "down" || a.lower[f.end] == "out" || a.lower[f.end] == "off") {
			return false
		}
		for k := f.end; k < sent.EndToken && k < f.end+3; k++ {
			if dealNouns[a.lower[k]] {
				return false
			}
		}
		return a.violent(sent) && !a.hasWord(sent, disasterWords)
	}
	if len(f.t.words) > 1 {
		return true // "air strike", "drone strike"
	}
	start := a.npStart(sent, i)
	for k := start; k < i; k++ {
		if labourWords[a.lower[k]] {
			return false
		}
	}
	if start > sent.FirstToken && a.lower[start-1] == "on" {
		return false // "on strike"
	}
	switch {
	case a.modifierActor(sent, i) != "" || a.lightVerb(sent, i) >= 0:
		return true
	case a.woundedIn(sent, start):
		return true
	case f.end < sent.EndToken && (a.lower[f.end] == "on" || a.lower[f.end] == "against") && a.violent(sent):
		return true
	}
	return a.definite(sent, i) && a.earlierStrike(evs)
}

// woundedIn reports "wounded/killed in" just before the noun phrase at
// start: "several Palestinians were wounded in the strike".
func (a *args) woundedIn(sent news.Sentence, start int) bool {
	k := start - 1
	if k-1 < sent.FirstToken || a.lower[k] != "in" {
		return false
	}
	w := a.lower[k-1]
	return w == "wounded" || w == "injured" || w == "killed" || w == "died" || w == "hurt"
}

// definite reports whether the noun phrase of the noun at i refers back:
// "the", "this", "these", "such".
func (a *args) definite(sent news.Sentence, i int) bool {
	start := a.npStart(sent, i)
	if start >= i {
		return false
	}
	w := a.lower[start]
	return w == "the" || w == "this" || w == "these" || w == "those" || w == "such" || w == "that"
}

// earlierStrike reports an earlier ATTACK named by a strike.
func (a *args) earlierStrike(evs []news.Event) bool {
	for _, ev := range evs {
		if ev.Type == "ATTACK" && strings.Contains(strings.ToLower(ev.Trigger.Text), "strike") {
			return true
		}
	}
	return false
}

// afterEventSubject reports whether the verb at i has an event noun of
// its sentence as subject ("the attack targeted the police station",
// "the bombing killed ten soldiers", "the raid that killed him"): the verb
// then tells of that event, it is no event of its own.
func (a *args) afterEventSubject(evs []news.Event, sent news.Sentence, i int) bool {
	if len(evs) == 0 {
		return false
	}
	last := evs[len(evs)-1]
	if !last.Nominal || last.Trigger.Start < sent.Start || (last.Type != "ATTACK" && last.Type != "FIGHT") {
		return false
	}
	for k := i - 1; k >= sent.FirstToken && a.doc.Tokens[k].Start >= last.Trigger.End; k-- {
		w := a.lower[k]
		if (w == "that" || w == "which") && k > sent.FirstToken && a.doc.Tokens[k-1].End == last.Trigger.End {
			continue // "the raid that killed bin Laden"
		}
		if clauseBreaks[w] || w == "," && !a.passiveBy(k+1) {
			return false
		}
		if a.isVerb(k) && !a.passiveBy(k+1) {
			return false
		}
	}
	return true
}

// passiveBy reports "by" at token k: a participle before it is passive
// ("a bombing claimed by the Taliban killed ...").
func (a *args) passiveBy(k int) bool { return k < len(a.lower) && a.lower[k] == "by" }

// disasterSubjects are causes of death that are no attack.
var disasterSubjects = set(`cholera disease outbreak virus epidemic earthquake earthquakes quake quakes tremor
	flood floods storm storms cyclone hurricane typhoon fire blaze crash accident heat landslide landslides
	avalanche tsunami famine drought leak eruption explosion explosions blast blasts`)

// disasterBefore reports a cause of death of disasterSubjects before the
// verb at i in its clause, in a sentence that names no weapon or attacker
// ("a strong earthquake on Java killed eight", "a gas explosion killed
// five").
func (a *args) disasterBefore(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken; k-- {
		w := a.lower[k]
		if clauseBreaks[w] || w == ";" {
			return false
		}
		if disasterSubjects[w] {
			return !a.hasWord(sent, attackCues)
		}
	}
	return false
}

// attackCues are weapons and attackers: a sentence that names one tells of
// an attack when something explodes in it.
var attackCues = set(`bomb bombs bomber bombers bombing bombings explosive explosives ied ieds device devices
	suicide militant militants insurgent insurgents terrorist terrorists attack attacks attacker attackers
	gunmen rebels jihadists grenade grenades rocket rockets missile missiles mortar mortars shell shells
	landmine landmines mine mines minefield responsibility drone drones airstrike airstrikes`)

// accidentWords name what explodes by accident: "a gas explosion", "a
// furnace exploded".
var accidentWords = set(`gas cylinder cylinders plant factory furnace boiler pipeline transformer warehouse
	tanker fireworks chemical chemicals fertilizer fertiliser refinery reactor propane leak coal volcanic
	volcano kitchen`)

// explosiveAttack tells a bomb going off from an accident: an explosion,
// a blast or something exploding is an attack in a sentence (or next to
// one) that names a weapon, an attacker or a claim of responsibility, or
// after an attack told earlier; never in one that names what explodes by
// accident.
func (a *args) explosiveAttack(evs []news.Event, sent news.Sentence, f found) bool {
	if a.hasWord(sent, accidentWords) {
		return false
	}
	if a.hasWord(sent, attackCues) {
		return true
	}
	si := a.sentOf[f.first]
	for _, near := range []int{si - 1, si + 1} {
		if near >= 0 && near < len(a.doc.Sentences) && a.hasWord(a.doc.Sentences[near], attackCues) {
			return true
		}
	}
	return f.t.noun && lastAttackBefore(evs, a.doc.Tokens[f.first].Start) >= 0
}

// powerNouns are what is abused without violence: "abuse of power".
var powerNouns = set(`power powers authority office position trust process discretion privilege privileges
	system dominance`)

// abuseOfPower reports "abuse of power" or "abused her authority".
func (a *args) abuseOfPower(sent news.Sentence, f found) bool {
	for k := f.end; k < sent.EndToken && k <= f.end+2; k++ {
		if powerNouns[a.lower[k]] {
			return true
		}
	}
	return false
}

// verbalTargets are what words attack: "attacked his record".
var verbalTargets = nounForms(`record policy plan remark comment statement decision proposal loophole media press
	critic opponent rival speech campaign position view stance character integrity judgment judgement`)

// verbalModifiers before "attack" make it one of words: "personal attacks".
var verbalModifiers = set(`personal verbal political rhetorical partisan negative scathing blistering
	stinging withering`)

// verbalAttack tells an attack in words from one by force: with no word of
// violence in its sentence or the ones around it, an attack on a person or
// on what words attack ("attacked Clinton", "attacked his record", "a
// personal attack on the senator") is criticism.
func (a *args) verbalAttack(sent news.Sentence, f found) bool {
	if a.violentAround(f.first) {
		return false
	}
	if f.t.noun && f.first > sent.FirstToken && verbalModifiers[a.lower[f.first-1]] {
		return true
	}
	k := f.end
	if f.t.noun {
		if k >= sent.EndToken || a.lower[k] != "on" && a.lower[k] != "against" {
			return false
		}
		k++
	}
	for j := k; j < sent.EndToken && j < k+5; j++ {
		if r := a.ref[j]; r.entity != "" {
			return r.typ == news.TypePER
		}
		if verbalTargets[a.lower[j]] {
			return true
		}
		if prepositions[a.lower[j]] || clauseBreaks[a.lower[j]] || !isLowerAlpha(a.lower[j]) && a.lower[j] != "'s" && a.lower[j] != "’s" {
			return false
		}
	}
	return false
}

// violentAround reports a word of violence, other than the word at k, in
// the sentence of token k or the sentences next to it.
func (a *args) violentAround(k int) bool {
	si := a.sentOf[k]
	for s := si - 1; s <= si+1; s++ {
		if s < 0 || s >= len(a.doc.Sentences) {
			continue
		}
		sent := a.doc.Sentences[s]
		for j := sent.FirstToken; j < sent.EndToken; j++ {
			w := a.lower[j]
			if j != k && violentWords[w] && w != "attack" && w != "attacks" && w != "attacked" && w != "attacking" {
				return true
			}
		}
	}
	return false
}

// harmWords tell that what was fired hit someone or something.
var harmWords = set(`killed killing wounded wounding injured injuring dead hit destroyed damaged casualties`)

// aimed reports that what the verb f fired or threw was aimed at a target
// ("fired missiles at the base", "lobbed a grenade on a police station")
// or did harm; a missile fired into the sea in a test is no attack.
func (a *args) aimed(sent news.Sentence, f found) bool {
	for k := f.end; k < sent.EndToken && k < f.end+8; k++ {
		w := a.lower[k]
		if w == "at" || w == "against" || w == "on" && k+1 < sent.EndToken && determiners[a.lower[k+1]] {
			return true // "at the base", "on a police station", not "on Friday"
		}
		if w == "," || w == ";" || clauseBreaks[w] {
			break
		}
	}
	return a.hasWord(sent, harmWords)
}

// weapons are what is fired, thrown or launched at a target.
var weapons = set(`grenade grenades bomb bombs missile missiles rocket rockets mortar mortars shell shells
	projectile projectiles bullets rounds shots molotov cocktails`)

// weaponNear reports a weapon as the object of the verb f ("fired six
// missiles", "hurled a grenade") or as its passive subject ("grenades were
// hurled at", "rockets fired from").
func (a *args) weaponNear(sent news.Sentence, f found) bool {
	for k := f.end; k < sent.EndToken && k < f.end+5; k++ {
		if weapons[a.lower[k]] {
			return true
		}
		if prepositions[a.lower[k]] || clauseBreaks[a.lower[k]] {
			break
		}
	}
	for k := f.first - 1; k >= sent.FirstToken && k >= f.first-4; k-- {
		if weapons[a.lower[k]] {
			return true
		}
	}
	return false
}

// casualty reports whether "killed"/"killing" at f tells the toll of an
// attack told elsewhere, not an attack of its own: "ten soldiers were
// killed", "the 23 officers killed were buried", "a bombing killed ten",
// "..., killing four", "shot and killed", or a death by disease or
// disaster.
func (a *args) casualty(evs []news.Event, sent news.Sentence, f found) bool {
	i := f.first
	w := a.lower[i]
	next := ""
	if f.end < sent.EndToken {
		next = a.lower[f.end]
	}
	switch {
	case a.passiveAt(sent, i) && a.afterWord(sent, f.end, 8, "by") == "" && !a.hasWordAfter(sent, f.end, 8, "by"):
		return true
	case w == "killed" && reducedRelativeNext[next] && !(next == "at" && f.end+1 < sent.EndToken && a.lower[f.end+1] == "least"):
		return true
	case a.disasterBefore(sent, i):
		return true
	case a.afterEventSubject(evs, sent, i):
		return true
	case w == "killing" && i > sent.FirstToken && a.lower[i-1] == "," && a.violentEventIn(evs, sent):
		return true
	case i > sent.FirstToken && (a.lower[i-1] == "and" || a.lower[i-1] == "or") && a.attackVerbAt(evs, i-2):
		return true
	case i-2 >= sent.FirstToken && (a.lower[i-1] == "and" || a.lower[i-1] == "or") && a.passiveAt(sent, i-2):
		return true // "were either arrested or killed"
	}
	return false
}

// reducedRelativeNext are words after "killed" that show it has no object:
// "the militants killed in the raid", "the officers killed were".
var reducedRelativeNext = set(`in on at during when while were was are , . and or since after last so`)

func (a *args) hasWordAfter(sent news.Sentence, end, n int, w string) bool {
	for k := end; k < sent.EndToken && k < end+n; k++ {
		if a.lower[k] == w {
			return true
		}
	}
	return false
}

// violentEventIn reports an ATTACK or FIGHT event found before in the
// sentence.
func (a *args) violentEventIn(evs []news.Event, sent news.Sentence) bool {
	for k := len(evs) - 1; k >= 0 && evs[k].Trigger.Start >= sent.Start; k-- {
		if evs[k].Type == "ATTACK" || evs[k].Type == "FIGHT" {
			return true
		}
	}
	return false
}

// attackVerbAt reports an ATTACK verb event whose trigger ends at token k
// ("shot" in "shot and killed").
func (a *args) attackVerbAt(evs []news.Event, k int) bool {
	if k < 0 || len(evs) == 0 {
		return false
	}
	last := evs[len(evs)-1]
	return last.Type == "ATTACK" && !last.Nominal && last.Trigger.End == a.doc.Tokens[k].End
}

// adjectival reports "alleged" used as an adjective ("the alleged
// incidents", "and alleged corruption"): after a determiner, a preposition
// or a conjunction.
func (a *args) adjectival(sent news.Sentence, i int) bool {
	if a.lower[i] != "alleged" || i == sent.FirstToken {
		return false
	}
	p := a.lower[i-1]
	return determiners[p] || prepositions[p] || conjunctions[p] || p == "," || p == "“" || p == `"`
}

// chargeIsAccusation keeps "charge" when it is an accusation: someone's
// charge ("Gandhi's charge that"), "charges against", or a charge that
// something is so; not "in charge", not the charge one is acquitted of,
// not a price or a battery.
func (a *args) chargeIsAccusation(sent news.Sentence, f found) bool {
	i := f.first
	if start := a.npStart(sent, i); start > sent.FirstToken && (a.lower[start-1] == "in" || a.lower[start-1] == "of") {
		return false // "in charge of", "acquitted of the most serious charge"
	}
	if f.end < sent.EndToken && (a.lower[f.end] == "that" || a.lower[f.end] == "against") {
		return true
	}
	return a.modifierActor(sent, i) != ""
}
