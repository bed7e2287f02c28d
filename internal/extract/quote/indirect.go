package quote

import (
	"sort"

	"github.com/newsgraph/newsgraph/internal/news"
)

// maxPerSentence bounds the reported clauses read in one sentence.
const maxPerSentence = 40

var whWords = map[string]bool{"whether": true, "if": true, "how": true, "why": true, "what": true, "when": true, "where": true, "who": true}

// notClauseStart are words after which a bare "said ..." is no clause.
var notClauseStart = map[string]bool{"so": true, "nothing": true, "yes": true, "no": true, "goodbye": true,
	"anything": true, "something": true, "much": true, "little": true, "more": true, "otherwise": true,
	"enough": true, "as": true, "very": true, "too": true, "repeatedly": true, "earlier": true, "later": true,
	"not": true, "and": true, "but": true, "or": true, "of": true, "than": true, "by": true, "up": true, "out": true}

// coordinators before a parenthetical attribution show that it covers the
// words after it, not the writer's before it.
var coordinators = map[string]bool{"and": true, "but": true, "or": true}

// reported is one indirect quote found in a sentence, before the
// complements of neighbouring cues are cut apart.
type reported struct {
	c          *cand
	frameStart int // first token of the attribution (subject or cue)
	post       bool
	ca, cb     int
}

// indirectQuotes finds reported speech: a reporting verb and its
// that-clause or bare clause ("Chaudhry clarified Pakistan has no
// desire ..."), the clause before a trailing attribution ("The talks
// failed, officials said."), and "according to X". Cues inside direct
// quotes are not read. Like a direct quote, an indirect one keeps to its
// paragraph: a sentence hard-wrapped over lines is read line by line.
func (w *doc) indirectQuotes() []*cand {
	var out []*cand
	for _, s := range w.d.Sentences {
		lo, hi := max(s.FirstToken, 0), min(s.EndToken, len(w.toks))
		for lo < hi {
			end := lo + 1
			for end < hi && w.paraOf[end] == w.paraOf[lo] {
				end++
			}
			out = append(out, w.indirectIn(lo, end)...)
			lo = end
		}
	}
	return out
}

// indirectIn finds the indirect quotes of the tokens [lo, hi), a sentence
// or the part of one on one paragraph.
func (w *doc) indirectIn(lo, hi int) []*cand {
	var found []reported
	for i := lo; i < hi; i++ {
		if w.quotedTok[i] {
			continue
		}
		if n := w.lx.match("according", w.low, i); n > 0 {
			if r, ok := w.according(i, n, lo, hi); ok {
				found = append(found, r)
			}
			i += n - 1
			continue
		}
		n := w.cueAt(i, "clause", "that", "object", "infinitive", "mixed")
		if n == 0 && i+1 < hi && w.low[i+1] == "that" {
			n = w.cueAt(i, "direct") // "Hewlett sniped that ..."
		}
		if n == 0 {
			continue
		}
		if len(found) >= maxPerSentence {
			break // junk text: a "sentence" of endless cues
		}
		if r, ok := w.reportedAt(i, n, lo, hi, found); ok {
			found = append(found, r)
		}
		i += n - 1
	}
	return w.cutApart(found)
}

// reportedAt reads the indirect quote whose cue is tokens [i, i+n) of the
// sentence [lo, hi).
func (w *doc) reportedAt(i, n, lo, hi int, earlier []reported) (reported, bool) {
	if i > lo && (w.lx.has("passive", w.low[i-1]) || w.low[i-1] == "to") {
		return reported{}, false
	}
	cue := w.low[i]
	isClause := w.lx.has("clause", cue) || w.lx.match("clause", w.low, i) > 0
	isObj := w.lx.has("object", cue)
	isInf := w.lx.has("infinitive", cue)
	participle := hasSuffix(cue, "ing")

	if w.invertedAtEnd(i, n, hi) {
		// "The explosion took place on Sunday, said Shah Mahmmod Nahimi,
		// a provincial councilman.": the speaker follows the cue and ends
		// the sentence; the clause before the comma is reported
		return w.postposed(i, n, lo, hi, i, i)
	}

	// the subject
	var sa, sb int
	if participle && i > lo && w.low[i-1] == "," && len(earlier) > 0 {
		last := earlier[len(earlier)-1].c.attr
		sa, sb = last.subA, last.subB
	} else {
		sa, sb = i, i
		if participle && i > lo && w.low[i-1] == "," {
			// "BJP termed Gandhi's charge fabricated, alleging ...": the
			// participle after a comma hangs on the sentence's reporting
			// verb, not on the noun phrase before the comma
			sa, sb = w.earlierSubject(lo, i)
		}
		if sa >= sb {
			sa, sb = w.subjectBefore(i, lo)
		}
		if sa < sb && participle && mediumWords[w.low[sb-1]] {
			if a2, b2 := w.mainSubject(lo, sa); a2 < b2 {
				sa, sb = a2, b2 // "X released a statement saying ..."
			}
		}
		if sa >= sb && participle {
			sa, sb = w.earlierSubject(lo, i) // "..., Cook wrote, adding that ..."
		}
		if sa >= sb && i-1 > lo && w.low[i-1] == "and" {
			sa, sb = w.coordinatedSubject(lo, i-1)
		}
		if sa >= sb {
			sa, sb = w.mainSubject(lo, i)
		}
	}

	c := w.skipAdjuncts(i+n, hi)
	that := false
	if isObj && c < hi && w.low[c] != "that" && !whWords[w.low[c]] {
		if k := w.findThat(c, hi, 7); k >= 0 {
			c, that = k+1, true
		} else if objectWords[w.low[c]] || isCapitalized(w.toks[c].Text) && !isClause {
			c = w.skipObject(c, hi)
			c = w.skipAdjuncts(c, hi)
		}
	}
	if !that && c < hi && w.low[c] == "that" {
		c, that = c+1, true
	}
	if !that && c < hi && whWords[w.low[c]] {
		that = true
	}

	// a clause that holds quoted words: "called Mexican border-crossers
	// 'rapists' and criminals" (partial quotes inside reported speech)
	mixed := false
	if c < hi && !w.quotedTok[c] && !isPunct(w.low[c]) {
		for k := c + 1; k < hi && w.low[k] != ";"; k++ {
			if w.quotedTok[k] {
				// an embedded quotation, not one set off after a comma
				mixed = true
				break
			}
		}
	}
	speechVerb := w.lx.match("clause", w.low, i) > 0 || w.lx.match("that", w.low, i) > 0 || isObj || isInf ||
		i+n < hi && w.low[i+n] == "that"
	if !speechVerb && !mixed {
		return reported{}, false
	}
	complement := c < hi && !isPunct(w.low[c]) && (!prepositions[w.low[c]] || mixed || that) && !w.quotedTok[c]
	if c < hi && w.low[c] == "to" && isInf {
		complement = true
	}
	infNot := c+1 < hi && w.low[c] == "not" && w.low[c+1] == "to" && isInf // "urged the U.N. not to treat ..."
	if !complement {
		if c < hi && w.quotedTok[c] {
			return reported{}, false // a direct quote: read elsewhere
		}
		return w.postposed(i, n, lo, hi, sa, sb)
	}
	if sa >= sb {
		return reported{}, false
	}
	if !that && w.low[c] != "to" && !infNot && !mixed {
		if notClauseStart[w.low[c]] {
			return reported{}, false
		}
		if !isClause && !w.hasFinite(c, hi, 10) {
			return reported{}, false
		}
	}
	for k := c; k < hi; k++ {
		if w.quotedTok[k] {
			continue
		}
		if w.low[k] == ";" {
			hi = k // "...; however, ..." starts another clause
			break
		}
		if w.low[k] == "," && k+1 < hi && hasSuffix(w.low[k+1], "ing") && w.cueAt(k+1, "clause", "that", "object", "direct") > 0 {
			hi = k // "..., saying, '...'" reports something else
			break
		}
	}
	ca, cb := trimPunctTokens(w, c, hi)
	if cb-ca < 2 {
		return reported{}, false
	}
	cand := &cand{kind: KindIndirect, para: w.paraOf[i],
		attr: attribution{ok: true, cueA: i, cueB: i + n, subA: sa, subB: sb}}
	// where this attribution starts, for cutting the clause of an earlier
	// cue: its subject when that stands next to it, else the cue itself
	// ("calling him a 'stiff' and accusing him of ...")
	fs := i
	if sa < i && sb >= i-3 && sa >= i-12 {
		fs = sa
	}
	for fs-1 > lo && (w.low[fs-1] == "and" || w.low[fs-1] == "but" || w.low[fs-1] == "," || w.lx.has("aux", w.low[fs-1])) {
		fs--
	}
	return reported{c: cand, frameStart: fs, ca: ca, cb: cb}, true
}

// postposed reads "The talks failed, officials said." and "..., said
// Smith.": the reported clause is the sentence before the attribution.
func (w *doc) postposed(i, n, lo, hi, sa, sb int) (reported, bool) {
	for k := i + n; k < hi; k++ {
		if w.low[k] == ":" || w.quotedTok[k] {
			return reported{}, false // the cue introduces what follows
		}
	}
	var comma int
	switch {
	case sa < sb && sa-1 >= lo && sb <= i && w.low[sa-1] == ",":
		comma = sa - 1
	case sa >= sb && i-1 >= lo && w.low[i-1] == ",":
		comma = i - 1
		sa, sb = w.subjectAfter(i+n, hi)
		if !w.validSubject(sa, sb) {
			return reported{}, false
		}
	default:
		return reported{}, false
	}
	ca, cb := trimPunctTokens(w, lo, comma)
	if cb-ca < 3 {
		return reported{}, false
	}
	if w.quotedTok[ca] {
		return reported{}, false // a direct quote's attribution
	}
	if coordinators[w.low[cb-1]] {
		return reported{}, false // "... to help his clients and, he argued, to help stabilize Ukraine": the cue covers what follows
	}
	c := &cand{kind: KindIndirect, para: w.paraOf[i],
		attr: attribution{ok: true, cueA: i, cueB: i + n, subA: sa, subB: sb}}
	return reported{c: c, frameStart: comma, post: true, ca: ca, cb: cb}, true
}

// according reads "According to X, CLAUSE" and "CLAUSE, according to X".
func (w *doc) according(i, n, lo, hi int) (reported, bool) {
	sa, sb := w.subjectAfter(i+n, hi)
	if sa >= sb || w.low[i] == "as" && !isCapitalized(w.toks[sa].Text) {
		return reported{}, false // "as per the agreement" reports nothing
	}
	var ca, cb int
	lead := i - lo
	if lead <= 2 {
		// "According to X, CLAUSE": X runs to the first comma
		comma := -1
		for k := i + n; k < hi && k < i+n+14; k++ {
			if w.low[k] == "," {
				comma = k
				break
			}
		}
		if comma <= i+n {
			return reported{}, false
		}
		sa, sb = i+n, comma
		ca, cb = trimPunctTokens(w, comma+1, hi)
	} else if lead > 2 {
		ca, cb = trimPunctTokens(w, lo, i)
	} else {
		return reported{}, false
	}
	if cb-ca < 3 {
		return reported{}, false
	}
	if w.quotedTok[ca] {
		return reported{}, false // "'...,' according to X": a direct quote's attribution
	}
	c := &cand{kind: KindIndirect, para: w.paraOf[i],
		attr: attribution{ok: true, cueA: i, cueB: i + n, subA: sa, subB: sb}}
	fs := i
	if i > lo && w.low[i-1] == "," {
		fs = i - 1
	}
	return reported{c: c, frameStart: fs, post: lead > 2, ca: ca, cb: cb}, true
}

// skipAdjuncts skips time words and a prepositional phrase that a "that"
// follows ("said on Monday that", "said in a statement that").
func (w *doc) skipAdjuncts(c, hi int) int {
	for c < hi {
		t := w.low[c]
		switch {
		case timeWords[t] && t != "then":
			c++
		case prepositions[t] && t != "to" && t != "that":
			if k := w.findThat(c, hi, 8); k >= 0 {
				c = k
			} else if j := w.adjunctEnd(c, hi); j > c {
				c = j // "said on Friday he had proof", "said in a statement it would"
			} else {
				return c
			}
		case t == "," && c+1 < hi && (timeWords[w.low[c+1]] || w.low[c+1] == "that"):
			c++ // "said, however, that"
		default:
			return c
		}
	}
	return c
}

// findThat returns the index of "that" within n tokens from c, not past a
// comma, a quotation or the end of the sentence, or -1.
func (w *doc) findThat(c, hi, n int) int {
	for k := c; k < hi && k < c+n; k++ {
		if w.quotedTok[k] {
			n++ // a quoted title: 'said on "This Week" that'
			continue
		}
		if isPunct(w.low[k]) {
			return -1
		}
		if w.low[k] == "that" {
			return k
		}
	}
	return -1
}

// skipObject skips the addressee of "told": a pronoun, a capitalised name
// ("told CNN"), or "the/a" and the noun after it.
func (w *doc) skipObject(c, hi int) int {
	switch {
	case c >= hi:
		return c
	case objectWords[w.low[c]] && !determiners[w.low[c]]:
		return c + 1
	case isCapitalized(w.toks[c].Text):
		k := c
		for k < hi && k < c+6 && (isCapitalized(w.toks[k].Text) || w.low[k] == "'s" || w.low[k] == "of") {
			k++
		}
		return k
	case determiners[w.low[c]]:
		k := c + 1
		for k < hi && k < c+4 && !isPunct(w.low[k]) && !w.lx.has("finite", w.low[k]) && !determiners[w.low[k]] &&
			w.low[k] != "to" && w.low[k] != "not" {
			k++
		}
		return k
	}
	return c
}

// hasFinite reports whether a finite verb form (is, was, has, will, ...)
// shows up within n tokens of c before a comma: the mark of a clause.
func (w *doc) hasFinite(c, hi, n int) bool {
	for k := c; k < hi && k < c+n; k++ {
		if w.low[k] == "," || w.low[k] == ";" {
			return false
		}
		if w.lx.has("finite", w.low[k]) && !isCapitalized(w.toks[k].Text) {
			return true
		}
	}
	return false
}

// cutApart ends each complement where the next attribution of its sentence
// begins ("He said X, and she said Y"; "A said X, adding Y"), and drops an
// indirect quote whose cue lies inside another's reported clause (a
// sentence holds each word in one attribution).
func (w *doc) cutApart(found []reported) []*cand {
	sort.SliceStable(found, func(a, b int) bool { return found[a].c.attr.cueA < found[b].c.attr.cueA })
	credit := make([]bool, len(found))
	for k, r := range found {
		credit[k] = r.post && w.holdsAttribution(r, found)
	}
	for k := range found {
		r := &found[k]
		if r.post {
			continue
		}
		for m := k + 1; m < len(found); m++ {
			fs := found[m].frameStart
			if fs > r.ca && fs < r.cb && (!found[m].post || credit[m]) {
				r.cb = fs
				r.ca, r.cb = trimPunctTokens(w, r.ca, r.cb)
				break
			}
		}
	}
	var out []*cand
	for k, r := range found {
		if r.cb-r.ca < 2 || credit[k] {
			continue
		}
		inside := false
		for m, o := range found {
			if m != k && !credit[m] && o.cb-o.ca >= 2 && r.c.attr.cueA >= o.ca && r.c.attr.cueA < o.cb && o.cb-o.ca > r.cb-r.ca {
				inside = true
			}
		}
		if inside {
			continue
		}
		r.c.pieces = []news.Span{w.span(r.ca, r.cb)}
		out = append(out, r.c)
	}
	return out
}

// holdsAttribution reports whether r is a medium's credit ("..., ARY News
// reported", "..., according to the Dawn newspaper": a cue that reports, or
// a subject whose last word names an outlet, lexicon [outlet]) after a
// clause that is itself an attribution with its subject and cue inside it
// ("Minister X said on Saturday that ..., ARY News reported"): the medium
// only carried the statement, and the inner speaker is the one who made
// it. A person's or source's trailing attribution ("..., the source
// added") is a statement of its own and is kept.
func (w *doc) holdsAttribution(r reported, found []reported) bool {
	at := r.c.attr
	if !(w.lx.has("outlet", w.low[at.cueA]) || at.subA < at.subB && w.lx.has("outlet", w.low[at.subB-1])) {
		return false
	}
	for _, o := range found {
		a := o.c.attr
		if !o.post && a.cueA >= r.ca && a.cueA < r.cb && a.subA >= r.ca && a.subA < a.subB && a.subB <= a.cueA && o.cb-o.ca >= 2 {
			return true
		}
	}
	return false
}

// invertedAtEnd reports whether the cue [i, i+n) follows a comma and is
// followed by a named speaker that runs to the end of the sentence [.., hi)
// ("..., said police spokesman Ferdus Faramarz.").
func (w *doc) invertedAtEnd(i, n, hi int) bool {
	if i == 0 || w.low[i-1] != "," || i+n >= hi || hasSuffix(w.low[i], "ing") {
		return false
	}
	a, b := w.subjectAfter(i+n, hi)
	if !w.validSubject(a, b) {
		return false
	}
	named := false
	for k := a; k < b; k++ {
		if isCapitalized(w.toks[k].Text) && !isPunct(w.low[k]) {
			named = true
		}
	}
	for k := b; k < hi; k++ {
		if !isPunct(w.low[k]) {
			return false
		}
	}
	return named
}

// coordinatedSubject returns the subject of the clause whose verb the cue
// after "and" at token and is coordinated with: "..., but his rival Bobi
// Wine has alleged fraud and said ...": the noun phrase after the last
// comma, "but" or semicolon before it, when a verb-like word stands between
// that phrase and "and"; else [and, and).
func (w *doc) coordinatedSubject(lo, and int) (int, int) {
	start := lo
	for j := and - 1; j > lo; j-- {
		if w.quotedTok[j] {
			continue
		}
		if t := w.low[j]; t == "," || t == ";" || t == "but" {
			start = j + 1
			break
		}
	}
	for start < and && (w.low[start] == "but" || w.low[start] == "and" || w.low[start] == ",") {
		start++
	}
	a, b := w.npForward(start, and)
	if a >= b || !w.validSubject(a, b) || b >= and-1 {
		return and, and
	}
	return a, b
}

// adjunctEnd returns the token after a time or medium phrase that starts
// with the preposition at c ("on Friday", "on Tuesday night", "in a
// statement", "at a news conference"), or c when there is none.
func (w *doc) adjunctEnd(c, hi int) int {
	switch w.low[c] {
	case "on", "in", "at", "during", "over", "after":
	default:
		return c // "said while briefing the committee" is no adjunct to skip
	}
	for j := c + 1; j < hi && j <= c+4; j++ {
		t := w.low[j]
		if timeWords[t] || monthWords[t] || mediumWords[t] && determiners[w.low[c+1]] {
			for j+1 < hi && (timeWords[w.low[j+1]] || isNumber(w.low[j+1]) || mediumWords[w.low[j+1]]) {
				j++ // "in a radio interview", "on Tuesday night"
			}
			if j+1 < hi && w.low[j+1] == "(" {
				// "on Wednesday (March 22)"
				for k := j + 2; k < hi && k <= j+7; k++ {
					if w.low[k] == ")" {
						return k + 1
					}
				}
			}
			return j + 1
		}
		if isPunct(t) || w.quotedTok[j] || prepositions[t] {
			return c
		}
	}
	return c
}

var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}
