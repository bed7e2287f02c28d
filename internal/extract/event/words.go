package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/predarg"
)

// Word classes the argument finder and the sense checks read: the closed
// classes are the predicate-argument finder's own (predarg), so both read one
// list. Verb classes are written as lemmas and expanded to their inflected forms.
var (
	prepositions     = predarg.Prepositions
	locativePreps    = predarg.LocativePreps
	clauseBreaks     = predarg.ClauseBreaks
	beAuxiliaries    = predarg.BeAuxiliaries
	beForms          = predarg.BeForms
	negations        = predarg.Negations
	hedges           = predarg.Hedges
	skipAdverbs      = predarg.SkipAdverbs
	auxiliaries      = predarg.Auxiliaries
	conjunctions     = predarg.Conjunctions
	relativePronouns = predarg.RelativePronouns
	articles         = predarg.Articles
)

// Pronouns, by what they can stand for: predarg's lists too.
var (
	firstPerson     = predarg.FirstPerson
	personPronouns  = predarg.PersonPronouns
	pluralPronouns  = predarg.PluralPronouns
	possessiveProns = predarg.PossessiveProns
)

// lightVerbs give their subject to the event noun they govern: "Russia
// launched an attack", "the group claimed responsibility for the attack",
// "the militant group poses a threat".
var lightVerbs = verbForms(`launch carry conduct stage mount execute perpetrate commit make/made level/levelled/levelling lodge file
	issue pose hold/held sign impose order plan claim resume intensify step unleash undertake/undertook/undertaken
	begin/began/begun start continue deliver give/gave/given express reach announce threaten vow pledge
	orchestrate mastermind/masterminded plot/plotted organise organize`)

// irregularPasts are common irregular past forms, which no "-ed" shows to
// be verbs ("witnesses heard blasts").
var irregularPasts = set(`heard saw seen told took taken went gone came left kept felt found fled fought
	thought knew known won lost built brought bought caught sent spent stood understood wrote written
	spoke spoken led met paid put set shut hit hurt cut let read rose risen fell fallen broke broken
	chose chosen drove driven flew flown grew grown ran sat slept stole stolen swore sworn tore torn
	wore woke became become forgot forgiven hid hidden`)

// verbForms expands lemmas (with irregular forms after "/") to the set of
// their inflected forms.
func verbForms(specs string) map[string]bool {
	m := map[string]bool{}
	for _, spec := range strings.Fields(specs) {
		forms := strings.Split(spec, "/")
		v := forms[0]
		for _, f := range append(forms, thirdPerson(v), past(v), gerund(v)) {
			m[f] = true
		}
	}
	return m
}

// nounForms expands nouns to their singular and plural forms.
func nounForms(nouns string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(nouns) {
		m[n] = true
		m[plural(n)] = true
	}
	return m
}

// claimNouns name something a party said that another can deny: "rejected
// the reports", "dismissed the allegations".
var claimNouns = nounForms(`report claim allegation accusation charge result assertion statement rumour rumor
	story news speculation finding remark comment suggestion notion narrative version outcome contention
	reporting information count tally`)

// falsityWords call what they apply to untrue: "the report is patently
// false", "a fabricated charge".
var falsityWords = set(`false untrue baseless unfounded groundless fabricated fabrication fabrications
	illusion inconceivable falsehood falsehoods bogus fake nonsense misleading inaccurate inaccuracies
	incorrect ridiculous absurd concocted fictitious fiction hoax lie lies lying mendacious`)

// truthWords deny when negated: "the claim was not true".
var truthWords = set(`true correct accurate factual right`)

// grantNouns are what a party is denied when "deny" is a refusal, not a
// denial: "was denied entry", "denied him bail".
var grantNouns = nounForms(`entry access permission visa bail passage admission request application asylum
	licence license permit right pass clearance`)

func isLower(w string) bool { return w != "" && strings.ToLower(w) == w }

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// functionWords are no content words however long: "said that they would".
var functionWords = set(`that this these those there their they them with from have has had been were what
	when where which while would will could should about after before said says also into over than then
	only such some more most other very just like against because between during under until upon`)

// subjectPronouns are pronouns that are subjects: a word after one is a verb.
var subjectPronouns = set(`i we he she it they`)
