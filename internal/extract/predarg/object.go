package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// maxObjectHops is how many noun phrase and preposition steps the object
// of a verb may stand after it ("halted economic aid to Serbia").
const maxObjectHops = 3

// maxObjectNPWords bounds each noun phrase an object search crosses.
const maxObjectNPWords = 5

// Object returns the patient of the active verb (or the noun) whose tokens
// end before token end: a mention that opens the words after it
// ("arrested Yousaf al Salafi"), or that follows a short noun phrase and a
// preposition ("halted economic aid to Serbia"), at most maxObjectHops
// such steps away. A place after a locative preposition is where, not
// whom; a phrase that goes on with a verb ("a man believed to be the
// commander of the group") has no object.
func (f *Finder) Object(end int) Arg {
	sent, ok := f.sentence(end - 1)
	if !ok {
		return none
	}
	k := end
	for hop := 0; hop < maxObjectHops && k < sent.EndToken; hop++ {
		for n := 0; k < sent.EndToken && f.ref[k].entity == "" && n < maxObjectNPWords; n++ {
			if !nounPhraseWord(f.lower[k]) {
				break
			}
			k++
		}
		if k >= sent.EndToken {
			return none
		}
		if r := f.ref[k]; r.entity != "" {
			if r.typ == news.TypeLOC && f.afterLocative(sent, r.first) {
				return none
			}
			return f.mentionArg(r, Patient, Object, 0)
		}
		if !objectPreps[f.lower[k]] {
			return none
		}
		k++
	}
	return none
}

// afterLocative reports whether the mention at first follows a locative
// preposition ("in", "at", "near" ...).
func (f *Finder) afterLocative(sent news.Sentence, first int) bool {
	k := first - 1
	for k >= sent.FirstToken && determiners[f.lower[k]] {
		k--
	}
	return k >= sent.FirstToken && locativePreps[f.lower[k]]
}

// maxAfterWordMention is how many tokens after its preposition a mention
// may start ("by the Pakistani army").
const maxAfterWordMention = 4

// After returns the argument after one of words (lower case) found within
// n tokens after token end and before a clause break: the first mention
// within maxAfterWordMention tokens after the word ("the arrest of X",
// "by Y"), with role and how as given.
func (f *Finder) After(end, n int, role Role, how How, words ...string) Arg {
	sent, ok := f.sentence(end - 1)
	if !ok {
		return none
	}
	for k := end; k < sent.EndToken && k < end+n; k++ {
		lw := f.lower[k]
		if clauseBreaks[lw] {
			return none
		}
		if !contains(words, lw) {
			continue
		}
		for j := k + 1; j < sent.EndToken && j <= k+maxAfterWordMention; j++ {
			if r := f.ref[j]; r.entity != "" {
				return f.mentionArg(r, role, how, 0)
			}
		}
	}
	return none
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Passive reports whether the participle at i follows a form of "be" or
// "get" (adverbs between allowed): "was actually arrested".
func (f *Finder) Passive(i int) bool {
	sent, ok := f.sentence(i)
	if !ok {
		return false
	}
	for k := i - 1; k >= sent.FirstToken && k >= i-3; k-- {
		w := f.lower[k]
		if beAuxiliaries[w] {
			return true
		}
		if !skipAdverbs[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// maxByAgentWords is how far after a passive verb or an event noun its
// "by" is looked for ("was arrested in Quetta on Monday by police").
const maxByAgentWords = 8
