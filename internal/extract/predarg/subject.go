package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// MaxSubjectDepth bounds how many verbs back a subject is followed through
// coordinations ("seized the town and arrested") and reported clauses.
const MaxSubjectDepth = 3

// Subject returns the agent of the active verb at token i (see the package
// comment), or an Arg that is not Found.
func (f *Finder) Subject(i int) Arg { return f.subject(i) }

// SubjectFrom is the search of Subject without its rules for participles,
// for a search that has already followed depth verbs (a caller resolving a
// pronoun through the verb that reports it passes the pronoun's Depth);
// beyond MaxSubjectDepth nothing is found.
func (f *Finder) SubjectFrom(i, depth int) Arg {
	sent, ok := f.sentence(i)
	if !ok {
		return none
	}
	return f.subjectDepth(sent, i, depth)
}

// subject is Subject.
func (f *Finder) subject(i int) Arg {
	sent, ok := f.sentence(i)
	if !ok {
		return none
	}
	if f.participleClause(sent, i) {
		if r := i - 2; r >= sent.FirstToken && f.ref[r].entity == "" && ReportingVerb(f.words[r], f.tag(r)) {
			// "..., he said, adding that": the reporter's subject
			return f.withHow(f.subjectDepth(sent, r, 1), MainSubject)
		}
		if arg := f.mainSubject(sent, i); arg.Found() {
			return arg
		}
	}
	arg := f.subjectDepth(sent, i, 0)
	if !arg.Found() && strings.HasSuffix(f.lower[i], "ing") && !f.afterBe(sent, i) {
		arg = f.mainSubject(sent, i)
	}
	return arg
}

// participleClause reports a participle that opens a clause after a comma
// ("..., alleging that", "..., saying it"): its subject is the sentence's,
// or that of a reporting verb just before the comma ("he said, adding").
func (f *Finder) participleClause(sent news.Sentence, i int) bool {
	return strings.HasSuffix(f.lower[i], "ing") && i > sent.FirstToken && f.lower[i-1] == ","
}

// afterBe reports a form of "be" or an auxiliary just before token i
// ("were attacking").
func (f *Finder) afterBe(sent news.Sentence, i int) bool {
	return i > sent.FirstToken && (beForms[f.lower[i-1]] || auxiliaries[f.lower[i-1]])
}

// mainSubject returns the subject of the first verb of the sentence before
// token i: the subject a participle clause shares ("the party termed the
// charge fabricated, alleging that ...").
func (f *Finder) mainSubject(sent news.Sentence, i int) Arg {
	for k := sent.FirstToken; k < i; k++ {
		if f.ref[k].entity == "" && f.IsVerb(k) && !strings.HasSuffix(f.lower[k], "ing") {
			return f.withHow(f.subjectDepth(sent, k, 1), MainSubject)
		}
	}
	return none
}

// subjectDepth looks left of the verb at i for its subject.
func (f *Finder) subjectDepth(sent news.Sentence, i, depth int) Arg {
	if depth > MaxSubjectDepth {
		return none
	}
	for k := i - 1; k >= sent.FirstToken; k-- {
		w := f.lower[k]
		switch {
		case w == "–" || w == "—" || w == ")":
			k = f.skipAside(sent, k)
			continue
		case w == ",":
			k = f.skipRelative(sent, k)
			continue
		case relativePronouns[w]:
			arg := f.antecedent(sent, k)
			arg.Depth = depth
			return arg
		case conjunctions[w] && f.onlyAuxBetween(k, i):
			if v := f.previousVerb(sent, k, i); v >= 0 {
				arg := f.subjectDepth(sent, v, depth+1)
				if arg.How == Subject {
					arg.How = SharedSubject
				}
				return arg
			}
			return none
		case clauseBreaks[w] || f.ref[k].entity == "" && EndsSubjectSearch(w, f.tag(k)):
			return none
		}
		r := f.ref[k]
		if r.entity == "" {
			if arg, ok := f.pronounSubject(sent, k, depth); ok {
				return arg
			}
			continue
		}
		k = r.first
		if !f.prepositional(sent, r.first) {
			return f.mentionArg(r, Agent, Subject, depth)
		}
		if f.ofRoleHead(sent, r.first) {
			return f.mentionArg(r, Agent, RoleOf, depth)
		}
	}
	return none
}

// mentionArg makes the argument of mention r.
func (f *Finder) mentionArg(r mentionRef, role Role, how How, depth int) Arg {
	return Arg{Role: role, How: how, First: r.first, End: r.last + 1, Head: r.first, Entity: r.entity, Pronoun: r.pronoun, Depth: depth}
}

// pronounSubject makes the argument of a pronoun or role noun without an
// entity met at k while looking for a subject; ok is false when the word
// is neither ("them" is no subject: the search goes on).
func (f *Finder) pronounSubject(sent news.Sentence, k, depth int) (Arg, bool) {
	w := f.lower[k]
	switch {
	case objectPronouns[w]:
		return none, false
	case firstPerson[w] || personPronouns[w] || thingPronouns[w] || pluralPronouns[w]:
		// "it attacked", "its forces attacked": the subject or its possessor
		return Arg{Role: Agent, How: Subject, First: k, End: k + 1, Head: k, Pronoun: true, Depth: depth + 1}, true
	case groupRoleNouns[w] && k > sent.FirstToken && f.lower[k-1] == "the":
		return Arg{Role: Agent, How: Subject, First: k - 1, End: k + 1, Head: k, RoleNoun: true, Depth: depth}, true
	}
	return none, false
}

// ofRoleHead reports whether the mention at first follows a role head and
// "of", "from" or "for": the party the role acts for.
func (f *Finder) ofRoleHead(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && articles[f.lower[k]] {
		k--
	}
	if k-1 < sent.FirstToken {
		return false
	}
	p := f.lower[k]
	return (p == "of" || p == "from" || p == "for") && roleHeads[f.lower[k-1]]
}

// onlyAuxBetween reports whether only auxiliaries, adverbs and negations
// stand between tokens k and i: the verb at i shares its subject with the
// verb before the conjunction at k.
func (f *Finder) onlyAuxBetween(k, i int) bool {
	for j := k + 1; j < i; j++ {
		w := f.lower[j]
		if !auxiliaries[w] && !skipAdverbs[w] && !negations[w] && !strings.HasSuffix(w, "ly") && !beForms[w] {
			return false
		}
	}
	return true
}

// previousVerb returns the nearest verb left of the conjunction at k in
// its sentence that can be coordinated with the verb at i, or -1. With
// POS tags that is a verb of the same form ("said the Senate will move
// forward and pledged": "pledged" goes with "said", not "move").
func (f *Finder) previousVerb(sent news.Sentence, k, i int) int {
	for j := k - 1; j >= sent.FirstToken; j-- {
		if f.IsVerb(j) && f.ref[j].entity == "" && !f.nounReading(j) && f.sameForm(j, i) {
			return j
		}
		if clauseBreaks[f.lower[j]] {
			return -1
		}
	}
	return -1
}

// skipRelative returns the comma that opens a relative clause or an
// apposition closed by the comma at k ("the Houthis, who control most of
// Yemen,"; "Ali Khan, a spokesman for the Taliban,"), or k when none does.
func (f *Finder) skipRelative(sent news.Sentence, k int) int {
	for j := k - 1; j > sent.FirstToken; j-- {
		if f.lower[j] == "," {
			if relativePronouns[f.lower[j+1]] || f.apposition(sent, j, k) {
				return j
			}
			return k
		}
	}
	return k
}

// maxAppositionWords bounds an apposition, in tokens.
const maxAppositionWords = 10

// apposition reports whether the words between the commas at open and
// close are a noun phrase that describes the name just before open:
// "Ali Khan, the group's spokesman, said". It opens with an article or a
// possessive pronoun, holds no verb, and the name before it is no object
// of a preposition.
func (f *Finder) apposition(sent news.Sentence, open, close int) bool {
	if close-open-1 < 2 || close-open-1 > maxAppositionWords || open-1 < sent.FirstToken {
		return false
	}
	if first := f.lower[open+1]; !articles[first] && !possessiveProns[first] {
		return false
	}
	for j := open + 1; j < close; j++ {
		if f.IsVerb(j) || clauseBreaks[f.lower[j]] || conjunctions[f.lower[j]] {
			return false
		}
	}
	r := f.ref[open-1]
	return r.entity != "" && !r.pronoun && r.typ == news.TypePER && !f.prepositional(sent, r.first)
}

// antecedent returns the argument a relative pronoun at k refers to: the
// mention just before it, a comma allowed between, unless it is a place
// after a preposition; or the name inside the noun phrase before it.
func (f *Finder) antecedent(sent news.Sentence, k int) Arg {
	j := k - 1
	if j >= sent.FirstToken && f.lower[j] == "," {
		j--
	}
	if j < sent.FirstToken {
		return none
	}
	if r := f.ref[j]; r.entity != "" {
		if r.typ == news.TypeLOC && f.prepositional(sent, r.first) {
			return none // "an organisation in Bosnia who": not the place
		}
		return f.mentionArg(r, Agent, Relative, 0)
	}
	arg := f.Possessor(j + 1) // "the Syrian government, who accused"
	if arg.Found() {
		arg.Role, arg.How = Agent, Relative
	}
	return arg
}

// skipAside returns the index of the token that opens the aside closed at
// k ("– allegedly the commander of IS –", "(IS)"); k when no bracket opens
// it; and one before the sentence when no dash opens it (the dash that
// ends a dateline: nothing before it is a subject).
func (f *Finder) skipAside(sent news.Sentence, k int) int {
	closer := f.words[k]
	opener := closer
	if closer == ")" {
		opener = "("
	}
	for j := k - 1; j >= sent.FirstToken; j-- {
		if f.words[j] == opener {
			return j
		}
	}
	if closer != ")" {
		return sent.FirstToken - 1 // a dash after a dateline ("KABUL —") ends the search
	}
	return k
}

// Prepositional reports whether the mention starting at token first is the
// object of a preposition ("the commander of IS").
func (f *Finder) Prepositional(first int) bool {
	sent, ok := f.sentence(first)
	return ok && f.prepositional(sent, first)
}

func (f *Finder) prepositional(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[f.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && prepositions[f.lower[k]]
}

// coordinated returns the further names coordinated with the subject arg
// ("Hamas and Islamic Jihad fighters attacked": Hamas), nearest first.
func (f *Finder) coordinated(sent news.Sentence, arg Arg) []Arg {
	var out []Arg
	for k := arg.First - 1; k-1 >= sent.FirstToken; {
		if w := f.lower[k]; w != "and" && w != "," {
			break
		}
		r := f.ref[k-1]
		if r.entity == "" || r.pronoun || f.prepositional(sent, r.first) {
			break
		}
		c := f.mentionArg(r, Agent, Coordination, arg.Depth)
		out = append(out, c)
		k = r.first - 1
	}
	return out
}

// sameForm reports whether the verbs at j and i can be conjuncts: without
// tags (or with the caller's IsVerb, or when the tagger did not take the
// word at i for a verb) any two can; with tags two forms of
// the past (VBD, VBN: the tagger confuses them), two of the present (VBZ,
// VBP), or two of the same tag.
func (f *Finder) sameForm(j, i int) bool {
	if f.pos == nil || f.opt.IsVerb != nil || !f.IsVerb(i) {
		return true // "or open fire" with "open" tagged JJ: any verb
	}
	return verbForm(f.pos[j], f.lower[j]) == verbForm(f.pos[i], f.lower[i])
}

// verbForm groups Penn verb tags by the form a coordinated verb shares.
func verbForm(tag, w string) string {
	switch {
	case tag == "VBD" || tag == "VBN" || tag == "NN" && pastForm(w):
		return "past"
	case tag == "VBZ" || tag == "VBP":
		return "present"
	}
	return tag
}

// withHow renames a plain subject's construction to how.
func (f *Finder) withHow(arg Arg, how How) Arg {
	if arg.How == Subject {
		arg.How = how
	}
	return arg
}
