package timex

import "strings"

// futureWords in a sentence point its dates forward.
var futureWords = map[string]bool{
	"will": true, "shall": true, "ll": true, "won't": true, "wont": true, "scheduled": true,
	"upcoming": true, "due": true, "planned": true, "plans": true, "plan": true, "expected": true,
	"expects": true, "going": true, "intends": true, "set": true, "would": false,
}

// pastWords right before a date point it back ("said on Monday").
var pastWords = map[string]bool{
	"said": true, "told": true, "met": true, "was": true, "were": true, "had": true, "did": true,
	"came": true, "went": true, "began": true, "took": true, "made": true, "held": true, "left": true,
	"saw": true, "gave": true, "spoke": true, "won": true, "lost": true, "fell": true, "rose": true,
	"died": true, "ago": true, "earlier": true, "last": true, "wrote": true, "found": true, "got": true,
}

// future reports whether the sentence around word i speaks of the future:
// a past-tense verb just before the date ("said on Monday", but not "will
// be held on Monday" or "scheduled for Monday") makes it past whatever
// follows; otherwise a future marker of the sentence ("will meet on
// Monday") makes it future unless a past-tense verb before the date stands
// nearer it.
// News defaults to the past.
func (p *parser) future(i int) bool {
	first, last := p.sentence(i)
	for j := i - 1; j >= first && j >= i-3; j-- {
		l := p.ws[j].lower
		if futureWords[l] {
			break
		}
		if j > 0 && (p.ws[j-1].lower == "be" || p.ws[j-1].lower == "been") {
			continue // a participle: "will be held on Monday"
		}
		if pastWords[l] || strings.HasSuffix(l, "ed") && len(l) > 4 {
			return false
		}
	}
	// Otherwise the tense nearest the date decides: a future marker
	// closer than any past-tense verb before the date ("He alleged the
	// results of Sunday's elections, according to which the party is going
	// to form the government" is past: "alleged" is nearer than "going").
	// A past tense after the date is mostly the report's ("officials
	// said"), which says nothing of the event's time.
	future, past := len(p.ws), len(p.ws)
	for j := first; j < last; j++ {
		if j == i {
			continue
		}
		d := max(j-i, i-j)
		l := p.ws[j].lower
		switch {
		case futureWords[l]:
			future = min(future, d)
		case j < i && (pastWords[l] && l != "last" && l != "earlier" || strings.HasSuffix(l, "ed") && len(l) > 4) && !p.participle(j):
			past = min(past, d) // before the date only: "will meet on Saturday, officials said" is future
		}
	}
	return future < past
}

// participle reports whether word j follows "be" or "been" ("will be
// held"): a participle of a future or passive verb, not a past tense.
func (p *parser) participle(j int) bool {
	return j > 0 && (p.ws[j-1].lower == "be" || p.ws[j-1].lower == "been")
}

// sentence returns the words [first, last) of the sentence that holds word
// i: up to a full stop, question or exclamation mark, or line break (a
// period after a one-letter word or a month abbreviation does not end it).
func (p *parser) sentence(i int) (int, int) {
	first := i
	for first > 0 && !endsSentence(p.ws[first].sep, p.ws[first-1]) {
		first--
	}
	last := i + 1
	for last < len(p.ws) && !endsSentence(p.ws[last].sep, p.ws[last-1]) {
		last++
	}
	return first, last
}

func endsSentence(sep string, prev word) bool {
	if strings.ContainsAny(sep, "!?\n") {
		return true
	}
	if !strings.Contains(sep, ".") {
		return false
	}
	return len(prev.text) > 1 && month(prev) == 0 && !abbrev[prev.lower]
}

var abbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true, "lt": true, "sen": true, "rep": true, "gov": true, "no": true, "u": true, "s": true}
