package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// NPStart returns the first token of the noun phrase that ends just before
// token i: adjectives, nouns, names, numbers, possessives and bracketed
// asides, back to and including a determiner, inside sent (the sentence
// that holds token i-1).
func (f *Finder) NPStart(sent news.Sentence, i int) int { return f.npStart(sent, i) }

func (f *Finder) npStart(sent news.Sentence, i int) int {
	k := i - 1
	for ; k >= sent.FirstToken; k-- {
		w := f.lower[k]
		switch {
		case w == "that" && k+1 < i && (determiners[f.lower[k+1]] || f.lower[k+1] == "another"):
			return k + 1 // "that the attack": a conjunction, not a determiner
		case determiners[w] && w != "'s" && w != "’s" || w == "another":
			return k
		case w == "'s" || w == "’s" || w == `"` || w == "“" || w == "”":
		case w == ")":
			if open := f.skipAside(sent, k); open < k {
				k = open // "an IDF (Israel Defense Forces) strike"
			}
		case f.ref[k].entity != "":
		case prepositions[w] || clauseBreaks[w] || verbLike[w] || beForms[w] || conjunctions[w] || !isLowerAlpha(w) && !isNumber(w):
			return k + 1
		case f.IsVerb(k):
			return k + 1
		}
	}
	return sent.FirstToken
}

// Possessor returns the agent named inside the noun phrase before an event
// noun at i: a possessor ("Russia's attack", "their attacks": a pronoun
// without entity is returned for the caller to resolve) or a name used as
// a modifier ("an Israeli air strike", "Houthi attacks"). A place that is
// not a country ("the Farah attack") says where, not who.
func (f *Finder) Possessor(i int) Arg {
	sent, ok := f.sentence(i - 1)
	if !ok {
		return none
	}
	for k := i - 1; k >= f.npStart(sent, i); k-- {
		if possessiveProns[f.lower[k]] && f.ref[k].entity == "" {
			return Arg{Role: Agent, How: Possessor, First: k, End: k + 1, Head: k, Pronoun: true}
		}
		r := f.ref[k]
		if r.entity == "" {
			continue
		}
		possessive := r.last+1 < len(f.lower) && (f.lower[r.last+1] == "'s" || f.lower[r.last+1] == "’s")
		if r.typ == news.TypeLOC && !r.pronoun && !possessive && !f.countryLike(r) {
			k = r.first
			continue
		}
		how := Modifier
		if possessive || r.pronoun {
			how = Possessor
		}
		return f.mentionArg(r, Agent, how, 0)
	}
	return none
}

// countryLike reports whether a LOC mention names a country (its entity is
// geocoded as one, or is a demonym): such a name before an event noun is
// its agent ("an Israeli air strike"), where a city's name says where
// ("the Kabul attack").
func (f *Finder) countryLike(r mentionRef) bool {
	return f.countries[r.entity] || r.first == r.last && news.LikelyDemonym(f.words[r.first])
}

// LightVerb returns the token of the light verb whose object is the event
// noun at i ("launched an attack", "carried out the attack", "claimed
// responsibility for the attack"), or -1.
func (f *Finder) LightVerb(i int) int {
	sent, ok := f.sentence(i)
	if !ok {
		return -1
	}
	k := f.npStart(sent, i) - 1
	if k-1 >= sent.FirstToken && f.lower[k] == "for" && f.lower[k-1] == "responsibility" {
		k -= 2
	}
	if k >= sent.FirstToken && (f.lower[k] == "out" || f.lower[k] == "up") {
		k--
	}
	if k >= sent.FirstToken && lightVerb(f.lower[k]) && !f.nounTagged(k) {
		return k
	}
	return -1
}

// nounTagged reports a token the syntax stage tagged as a noun ("the
// plan", "a claim").
func (f *Finder) nounTagged(k int) bool {
	return strings.HasPrefix(f.tag(k), "NN")
}

// governingVerb returns the token of the verb that takes the noun phrase of
// the event noun at i as its object ("condemned the attack"), or -1 when
// the phrase follows no verb (a subject: "the militant group poses").
func (f *Finder) governingVerb(sent news.Sentence, i int) int {
	k := f.npStart(sent, i) - 1
	if k >= sent.FirstToken && f.IsVerb(k) {
		return k
	}
	return -1
}

// maxAttributionWords is how far after an event noun "attributed to X" or
// "blamed on X" is looked for.
const maxAttributionWords = 16

// attributedTo returns the party an event is laid at later in its clause:
// "an airstrike ... that a monitoring group attributed to Israel", "the
// bombing, blamed on the group".
func (f *Finder) attributedTo(sent news.Sentence, end int) Arg {
	for k := end; k+1 < sent.EndToken && k < end+maxAttributionWords; k++ {
		w, next := f.lower[k], f.lower[k+1]
		if w == "." || w == ";" {
			return none
		}
		if (strings.HasPrefix(w, "attribut") && next == "to") || (strings.HasPrefix(w, "blame") && next == "on") {
			return f.After(k+1, 1, Agent, Attributed, next)
		}
	}
	return none
}

// maxNounPatientWords is how far after an event noun its "of", "to",
// "against", "on" or "between" is looked for ("the arrest last week of").
const maxNounPatientWords = 4

// maxFromAgentWords is how far after an attack noun "from" may stand
// ("rocket fire from Hezbollah").
const maxFromAgentWords = 2
