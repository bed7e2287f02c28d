package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/lemma"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Voice is a verb's voice.
type Voice uint8

// Voices. An event noun is Active.
const (
	Active Voice = iota
	Passive
)

// Predicate is a verb or an event noun with its arguments.
type Predicate struct {
	Sentence   int
	First, End int    // its tokens
	Lemma      string // WordNet base form ("attacked" -> "attack", "arrests" -> "arrest")
	Noun       bool   // an event noun ("the attack"), not a verb
	Voice      Voice
	Negated    bool   // "did not attack", "no attack"
	Modal      string // the modal verb of its verb group ("will", "may"), lower case; "" when none
	Hedge      string // a hedge before it in its sentence ("allegedly", "reportedly"), lower case; "" when none
	// LightVerb is the token of the light verb whose object the event noun
	// is ("launched an attack", "claimed responsibility for the attack"),
	// or -1.
	LightVerb int
	// Args are its arguments, agents and patients, each role's in order
	// of preference (the first is the one to take).
	Args []Arg
}

// Agent returns the first agent, or an Arg that is not Found.
func (p Predicate) Agent() Arg { return p.first(Agent) }

// Patient returns the first patient, or an Arg that is not Found.
func (p Predicate) Patient() Arg { return p.first(Patient) }

func (p Predicate) first(r Role) Arg {
	for _, a := range p.Args {
		if a.Role == r && a.Found() {
			return a
		}
	}
	return none
}

// Verb returns the predicate of the verb at tokens [first, end) (a phrasal
// verb may span several): agent and patient by its voice, coordinated
// agents after the first.
func (f *Finder) Verb(first, end int) Predicate {
	p := f.base(first, end, false)
	if p.Voice == Passive {
		p.add(f.Subject(first), Patient, PassiveSubject)
		p.add(f.After(end, maxByAgentWords, Agent, ByAgent, "by"), Agent, ByAgent)
		return p
	}
	subj := f.Subject(first)
	p.add(subj, Agent, subj.How)
	if sent, ok := f.sentence(first); ok && subj.Found() && subj.Entity != "" {
		for _, c := range f.coordinated(sent, subj) {
			p.add(c, Agent, Coordination)
		}
	}
	p.add(f.Object(end), Patient, Object)
	return p
}

// Noun returns the predicate of the event noun at tokens [first, end): the
// constructions of the package comment, agents in the order by, from,
// possessor or modifier, attributed, light verb, clause subject.
func (f *Finder) Noun(first, end int) Predicate {
	p := f.base(first, end, true)
	sent, ok := f.sentence(first)
	if !ok {
		return p
	}
	p.add(f.After(end, maxNounPatientWords, Patient, Object, "of", "to", "against", "on", "between"), Patient, Object)
	p.add(f.After(end, maxByAgentWords, Agent, ByAgent, "by"), Agent, ByAgent)
	p.add(f.After(end, maxFromAgentWords, Agent, FromAgent, "from"), Agent, FromAgent)
	p.add(f.Possessor(first), Agent, "")
	p.add(f.attributedTo(sent, end), Agent, Attributed)
	if p.LightVerb >= 0 {
		how := LightVerb
		if f.lower[p.LightVerb+1] == "responsibility" {
			how = Responsibility
		}
		p.add(f.Subject(p.LightVerb), Agent, how)
		return p
	}
	if !f.prepositional(sent, first) && f.governingVerb(sent, first) < 0 {
		p.add(f.Subject(first), Agent, ClauseSubject)
	}
	return p
}

// add appends a found argument with the given role and, unless how is
// empty, construction.
func (p *Predicate) add(a Arg, role Role, how How) {
	if !a.Found() {
		return
	}
	a.Role = role
	if how != "" {
		a.How = how
	}
	p.Args = append(p.Args, a)
}

// base fills what every predicate has: lemma, voice, negation, modality.
func (f *Finder) base(first, end int, noun bool) Predicate {
	p := Predicate{Sentence: -1, First: first, End: end, Noun: noun, LightVerb: -1}
	sent, ok := f.sentence(first)
	if !ok {
		return p
	}
	p.Sentence = f.sentOf[first]
	p.Lemma = f.lemmaOf(first, end, noun)
	p.Negated = f.Negated(first, noun)
	if noun {
		p.LightVerb = f.LightVerb(first)
	} else if f.Passive(first) && f.participle(first) {
		p.Voice = Passive
	}
	p.Modal = f.modal(sent, first, noun)
	p.Hedge = f.hedge(sent, first)
	return p
}

// lemmaOf returns the base form of the predicate's words: its last word's
// lemma for a noun ("air strikes" -> "air strike"), its first word's for a
// verb ("rounded up" -> "round up").
func (f *Finder) lemmaOf(first, end int, noun bool) string {
	words := make([]string, 0, end-first)
	for k := first; k < end; k++ {
		words = append(words, f.lower[k])
	}
	head, pos, tagPrefix := first, lemma.Verb, "VB"
	if noun {
		head, pos, tagPrefix = end-1, lemma.Noun, "NN"
	}
	base := lemma.Lemma(f.lower[head], pos)
	if t := f.tag(head); strings.HasPrefix(t, tagPrefix) {
		base = lemma.LemmaTag(f.lower[head], t)
	}
	words[head-first] = base
	return strings.Join(words, " ")
}

// participle reports a past participle at i: tagged VBN, or without tags a
// form in -ed or -en or a common irregular past.
func (f *Finder) participle(i int) bool {
	w := f.lower[i]
	if t := f.tag(i); t != "" {
		return t == "VBN" || t == "VBD" || t == "NN" && pastForm(w)
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || irregularPasts[w]
}

// Negated reports whether the predicate that starts at token first is
// negated: a negation just before it, auxiliaries and adverbs between ("did
// not attack", "have never been arrested"), or for an event noun before its
// noun phrase ("no such attack").
func (f *Finder) Negated(first int, noun bool) bool {
	sent, ok := f.sentence(first)
	if !ok {
		return false
	}
	return f.negated(sent, first) || noun && f.negated(sent, f.npStart(sent, first)+1)
}

// negated reports a negation just before token i, auxiliaries and adverbs
// between ("did not attack", "have never been arrested", "no attack").
func (f *Finder) negated(sent news.Sentence, i int) bool {
	for k := i - 1; k >= sent.FirstToken && k >= i-3; k-- {
		w := f.lower[k]
		if negations[w] {
			return true
		}
		if !skipAdverbs[w] && !beAuxiliaries[w] && w != "did" && w != "does" && w != "do" && w != "will" && w != "would" {
			return false
		}
	}
	return false
}

// maxVerbGroup is how many tokens before a verb its modal may stand ("will
// not be able to attack" is beyond it; "could have been arrested" is not).
const maxVerbGroup = 4

// modal returns the modal verb of the verb group that ends at i, or "".
func (f *Finder) modal(sent news.Sentence, i int, noun bool) string {
	if noun {
		if p := f.LightVerb(i); p >= 0 {
			i = p // "will launch an attack"
		} else {
			return ""
		}
	}
	for k := i - 1; k >= sent.FirstToken && k >= i-maxVerbGroup; k-- {
		w := f.lower[k]
		switch {
		case modals[w]:
			return strings.TrimLeft(w, "'’")
		case negations[w] || beForms[w] || auxiliaries[w] || skipAdverbs[w] || w == "to" || strings.HasSuffix(w, "ly"):
		default:
			return ""
		}
	}
	return ""
}

// hedge returns the first hedge word before token i in its sentence,
// outside brackets and dashes, or "".
func (f *Finder) hedge(sent news.Sentence, i int) string {
	inAside := false
	for k := sent.FirstToken; k < i; k++ {
		switch f.words[k] {
		case "(", ")":
			inAside = f.words[k] == "("
			continue
		case "–", "—":
			inAside = !inAside
			continue
		}
		if !inAside && hedgeWords[f.lower[k]] {
			return f.lower[k]
		}
	}
	return ""
}

// hedgeWords qualify a statement as unconfirmed.
var hedgeWords = set(`allegedly reportedly purportedly apparently believed suspected alleged rumoured rumored
	possibly perhaps unconfirmed`)

// Predicates returns the predicates of sentence si in text order: every
// verb (a token tagged VB*, or guessed a verb without tags) that is not an
// auxiliary of a verb after it, and every event noun.
func (f *Finder) Predicates(si int) []Predicate {
	if si < 0 || si >= len(f.doc.Sentences) {
		return nil
	}
	sent := f.doc.Sentences[si]
	var out []Predicate
	for k := sent.FirstToken; k < sent.EndToken && k < len(f.lower); k++ {
		switch {
		case f.IsVerb(k) && !f.auxiliaryOf(sent, k):
			out = append(out, f.Verb(k, k+1))
		case f.eventNoun(k):
			out = append(out, f.Noun(k, k+1))
		}
	}
	return out
}

// auxiliaryOf reports a form of be, have or do, or a modal, that a verb
// follows in its verb group ("was arrested", "has denied").
func (f *Finder) auxiliaryOf(sent news.Sentence, k int) bool {
	w := f.lower[k]
	if !beForms[w] && !auxiliaries[w] && w != "got" && w != "get" && w != "gets" {
		return false
	}
	for j := k + 1; j < sent.EndToken && j <= k+maxVerbGroup; j++ {
		switch v := f.lower[j]; {
		case f.IsVerb(j):
			return true
		case negations[v] || skipAdverbs[v] || beForms[v] || strings.HasSuffix(v, "ly"):
		default:
			return false
		}
	}
	return false
}

// eventNoun reports an event noun at k: a lower-case word (tagged as a
// noun when tags are there) whose lemma is in eventNouns.
func (f *Finder) eventNoun(k int) bool {
	if !isLower(f.words[k]) || f.ref[k].entity != "" {
		return false
	}
	if t := f.tag(k); t != "" && t != "NN" && t != "NNS" {
		return false
	}
	return eventNouns[lemma.Lemma(f.lower[k], lemma.Noun)]
}

// eventNouns name events and statements: what happened and what was said
// about it.
var eventNouns = set(`attack bombing airstrike strike raid assault killing shooting ambush assassination massacre
	blast explosion kidnapping abduction shelling bombardment invasion offensive incursion
	arrest detention custody crackdown deportation siege blockade
	denial rejection refusal accusation allegation charge claim report statement assertion
	threat ultimatum criticism condemnation complaint warning demand
	visit meeting talks agreement deal ceasefire truce sanction`)
