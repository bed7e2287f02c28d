package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/lemma"
)

// Closed word classes the constructions read.
var (
	prepositions = set(`of in at on to from with against for by about over under into near between among
		across through during toward towards within without via amid`)
	locativePreps = set(`in at near across inside outside throughout around from`)
	clauseBreaks  = set(`; : that which who whom whose because although though while whereas if unless but
		after before since when`)
	beAuxiliaries = set(`was were is are be been being got gets get 's ’s`)
	beForms       = set(`is are was were be been being 's ’s`)
	negations     = set(`not n't never no without cannot`)
	hedges        = set(`allegedly reportedly purportedly apparently believed suspected claimed claims alleged
		rumoured rumored possibly perhaps may might could unconfirmed`)
	skipAdverbs = set(`actually also already reportedly allegedly later earlier then still just recently
		finally eventually apparently now had has have been`)
	auxiliaries      = set(`did does do will would shall should can could may might must had has have`)
	modals           = set(`will would shall should can could may might must 'll ’ll`)
	conjunctions     = set(`and but or`)
	relativePronouns = set(`who which`)
	articles         = set(`a an the`)
	determiners      = set(`the a an this that these those his her its their our your my 's ’s
	any no every each some new fresh further latest recent alleged suspected possible major deadly`)
	// verbLike words end a noun phrase: forms of be and have, modals, and
	// negation.
	verbLike = set(`be is are was were been being has have had will would can could may might should must
	do does did not`)
	// objectPreps link a verb or noun to its object across a noun phrase.
	objectPreps = set(`to against on with for from of into over toward towards about`)
)

// EndsSubjectSearch reports a reporting verb (ReportingVerb) or a verb of
// believing, tagged tag ("" when unknown): the speaker of "sources said X
// was arrested" is not the arrest's agent, and a search for a subject
// leftwards stops there.
func EndsSubjectSearch(word, tag string) bool {
	return ReportingVerb(word, tag) || (tag == "" || strings.HasPrefix(tag, "VB")) && lemma.Lemma(strings.ToLower(word), lemma.Verb) == "believe"
}

// Pronouns, by what they can stand for.
var (
	firstPerson    = set(`i we me us my our ours`)
	personPronouns = set(`he she him his her`)
	thingPronouns  = set(`it its`)
	pluralPronouns = set(`they them their`)
	// groupRoleNouns after "the" refer back to an organisation: "the
	// group said".
	groupRoleNouns = set(`group movement organisation organization outfit militia faction network company firm
		corporation party`)
	possessiveProns = set(`his her its their our my`)
	objectPronouns  = set(`me us him them`)
)

// roleHeads are people who speak and act for the party after "of"/"from":
// "officials from the refinery dismissed", "a spokesman for the army said".
var roleHeads = set(`official officials spokesman spokesperson spokeswoman spokesmen member members leader
	leaders representative representatives head chief`)

// lightVerbLemmas give their subject to the event noun they govern:
// "Russia launched an attack", "the group claimed responsibility for the
// attack", "the militant group poses a threat".
var lightVerbLemmas = set(`launch carry conduct stage mount execute perpetrate commit make level lodge file
	issue pose hold sign impose order plan claim resume intensify step unleash undertake
	begin start continue deliver give express reach announce threaten vow pledge
	orchestrate mastermind plot organise organize`)

// lightVerb reports a form of a light verb.
func lightVerb(w string) bool {
	return lightVerbLemmas[w] || lightVerbLemmas[lemma.Lemma(w, lemma.Verb)]
}

// irregularPasts are common irregular past forms, which no "-ed" shows to
// be verbs ("witnesses heard blasts").
var irregularPasts = set(`heard saw seen told took taken went gone came left kept felt found fled fought
	thought knew known won lost built brought bought caught sent spent stood understood wrote written
	spoke spoken led met paid put set shut hit hurt cut let read rose risen fell fallen broke broken
	chose chosen drove driven flew flown grew grown ran sat slept stole stolen swore sworn tore torn
	wore woke became become forgot forgiven hid hidden`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isLower(w string) bool { return w != "" && strings.ToLower(w) == w }

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

func nounPhraseWord(w string) bool {
	if w == "" || clauseBreaks[w] || verbLike[w] || prepositions[w] || !isLowerAlpha(w) {
		return false
	}
	return !strings.HasSuffix(w, "ed") || determiners[w]
}
