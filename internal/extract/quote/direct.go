package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// maxFrame bounds the tokens read around a quotation for its attribution.
const maxFrame = 40

// attribution is where a quote's cue and subject are, as token ranges. A
// cue without a subject (cueA == cueB) happens only for the colon form
// ("Trump: 'We will win'"), which has a subject but no verb.
type attribution struct {
	ok         bool
	cueA, cueB int
	subA, subB int
	colon      bool // the colon form: a subject and no verb
	// extend, when set, is the token up to which unquoted words after the
	// quotation belong to what is reported
	extend int
}

// cand is a quote being built: its words, its kind and where its
// attribution lies.
type cand struct {
	kind    news.QuoteKind
	pieces  []news.Span
	attr    attribution
	inherit *cand // takes its speaker from this earlier quote
	// paraStart: the quotation opens its paragraph
	paraStart bool
	para      int
	// resolved speaker
	speaker  string
	mention  *news.Mention
	sourcing news.Sourcing
	hedged   bool
}

func (c *cand) start() int { return c.pieces[0].Start }
func (c *cand) end() int   { return c.pieces[len(c.pieces)-1].End }

// directQuotes turns the quotations of the document into direct and
// partial quotes with their attributions.
func (w *doc) directQuotes(qs []quoted) []*cand {
	qs = w.mergeAdjacent(qs)
	w.shortTok = make([]bool, len(w.toks))
	for _, q := range qs {
		short := q.closed && len(q.pieces) == 1 && countWords(w.text[q.open:q.end]) <= 3
		for i := w.tokenAt(q.open); i < len(w.toks) && w.toks[i].End <= q.end; i++ {
			w.quotedTok[i] = true
			w.shortTok[i] = short
		}
	}
	type item struct {
		q            quoted
		c            *cand
		open, close  int // tokens of the opening and closing marks
		after, befor attribution
	}
	items := make([]item, 0, len(qs))
	for _, q := range qs {
		open := w.tokenAt(q.open)
		close := w.tokenAt(q.end) - 1
		if open >= len(w.toks) || close < open {
			continue
		}
		it := item{q: q, open: open, close: close}
		it.c = &cand{kind: KindDirect, pieces: q.pieces, para: w.paraOf[open]}
		strong := endsLikeAttributed(w.text, q)
		it.after = w.afterAttribution(close+1, strong)
		if !it.after.ok {
			it.after = w.dashAttribution(close + 1)
		}
		b0 := open
		for b0 > 0 && b0 > open-maxFrame && w.paraOf[b0-1] == w.paraOf[open] && !w.quotedTok[b0-1] && !w.sentBreak(b0-1) {
			b0--
		}
		it.befor = w.beforeAttribution(b0, open)
		if !it.befor.ok && b0 == open && w.isParaStart(open) {
			it.befor = w.colonIntro(open)
		}
		if !it.befor.ok && b0 == open && !w.isParaStart(open) {
			it.befor = w.introSentence(open)
		}
		if !it.after.ok && !it.befor.ok && b0 < open && countWords(w.text[q.open:q.end]) > 3 {
			// "Sanders railed against 'the wasteful deportation regime'":
			// no reporting verb, but the sentence's subject speaks.
			if a, b := w.npForward(b0, open); a < b && (isCapitalized(w.toks[a].Text) || w.lx.has("pronoun", w.low[a])) {
				it.befor = attribution{ok: true, cueA: open, cueB: open, subA: a, subB: b, colon: true}
			}
		}
		if !it.after.ok && !it.befor.ok && b0 < open && countWords(w.text[q.open:q.end]) > 3 && opensSentence(w.text, q) {
			// "In a statement, the ministry “We reject the report.”": a
			// name right before a quoted sentence, with no verb, speaks it
			if a, b := w.bareSpeaker(b0, open); a < b {
				it.befor = attribution{ok: true, cueA: open, cueB: open, subA: a, subB: b, colon: true}
			}
		}
		after := false
		switch {
		case it.after.ok && strong:
			it.c.attr, after = it.after, true
		case it.befor.ok:
			it.c.attr = it.befor
		case it.after.ok:
			it.c.attr, after = it.after, true
		}
		if after {
			w.extendMixed(it.c, b0, open, close)
		}
		items = append(items, it)
	}
	var out, extra []*cand
	var prev *cand
	seen := map[int]bool{} // sentences whose verb clause was read
	for _, it := range items {
		c := it.c
		between := prev != nil && prev.attr.ok && prev.attr.cueA >= w.tokenAt(prev.end()) && prev.attr.cueA < it.open
		if prev != nil && !c.attr.ok && prev.attr.ok && prev.para == c.para && !(it.open >= prev.attr.subA && it.open < prev.attr.subB) &&
			(!w.embedded(it.q.open) || w.sentOf[w.tokenAt(prev.end())] == w.sentOf[it.open]) {
			// "'We are ready,' he said, 'to talk.'": a quote without its own
			// attribution goes on the one before. "'A,' he said. 'B.'": a new
			// sentence after the attribution is a quote of its own, by the
			// same speaker.
			if !(between && w.sentOf[it.open] != w.sentOf[prev.attr.cueA]) {
				prev.pieces = append(prev.pieces, c.pieces...)
				continue
			}
			c.inherit = prev
		}
		if between && c.attr.ok && prev.para == c.para && c.attr.cueA == prev.attr.cueA && c.attr.cueA != c.attr.cueB {
			// both halves of a split quote found the same attribution: one
			// quote when the attribution interrupts a sentence, two by the
			// same speaker when the second opens a new sentence
			if w.sentOf[it.open] == w.sentOf[prev.attr.cueA] {
				prev.pieces = append(prev.pieces, c.pieces...)
				continue
			}
			c.attr = attribution{}
			c.inherit = prev
		}
		c.paraStart = w.isParaStart(it.open)
		words := 0
		for _, p := range c.pieces {
			words += countWords(w.text[p.Start:p.End])
		}
		if !c.attr.ok && w.embedded(it.q.open) {
			// "Trump attacked Mitt Romney for being a 'failed candidate'":
			// no reporting verb, but the sentence's subject and verb
			// report the quoted words and the clause around them
			if r, ok := w.verbClause(it.open, seen); ok {
				c.attr = r.c.attr
				extra = append(extra, r.c)
			}
		}
		if words <= 3 && it.open > 0 && w.paraOf[it.open-1] == c.para && !isPunct(w.low[it.open-1]) && !w.quotedTok[it.open-1] {
			c.kind = KindPartial
			if !c.attr.ok {
				continue // scare quotes and titles are not speech
			}
		}
		out = append(out, c)
		prev = c
	}
	return append(out, extra...)
}

// maxBareSpeaker bounds the tokens of a name that speaks a quotation
// without a verb (bareSpeaker).
const maxBareSpeaker = 6

// bareSpeaker returns the noun phrase that ends the frame [lo, open) right
// before a quotation, with no verb: the chunk after the frame's last comma
// (or the whole frame when it opens the sentence) when that chunk is a name,
// capitalised words after an optional "the" ("the Army", "Health Minister
// Ana Ruiz"); else [open, open).
func (w *doc) bareSpeaker(lo, open int) (int, int) {
	a := lo
	for k := open - 1; k >= lo; k-- {
		if w.low[k] == "," {
			a = k + 1
			break
		}
	}
	if a == lo && lo > 0 && !w.isParaStart(lo) && !w.sentBreak(lo-1) {
		return open, open // the frame stopped at other quoted words
	}
	if a < open && w.low[a] == "the" {
		a++
	}
	if a >= open || open-a > maxBareSpeaker {
		return open, open
	}
	for k := a; k < open; k++ {
		t := w.low[k]
		if !isCapitalized(w.toks[k].Text) || isPunct(t) || prepositions[t] || timeWords[t] || w.lx.has("stop", t) || w.lx.has("pronoun", t) || determiners[t] {
			return open, open
		}
	}
	if k := a - 1; k >= lo && w.low[k] == "the" {
		a = k
	}
	return a, open
}

// opensSentence reports whether the quotation's words begin with a capital
// letter, as a quoted sentence of its own does.
func opensSentence(text string, q quoted) bool {
	r, _ := utf8.DecodeRuneInString(text[q.pieces[0].Start:q.pieces[0].End])
	return unicode.IsUpper(r)
}

// extendMixed adds to a quotation attributed after it the unquoted words
// of its sentence that belong to the report: those before it when they
// hold no attribution ("The Clinton Foundation 'received $26 million,' the
// Times reported") and those between it and the attribution.
func (w *doc) extendMixed(c *cand, b0, open, close int) {
	if c.attr.extend > close+1 {
		a, b := trimPunctTokens(w, close+1, c.attr.extend)
		if a < b {
			c.pieces = append(c.pieces, w.span(a, b))
		}
	}
	if b0 < open && open-b0 <= 25 && !w.quotedTok[b0] {
		for k := b0; k < open; k++ {
			if w.cueAt(k, "clause", "that", "direct", "object", "according") > 0 || w.lx.match("according", w.low, k) > 0 {
				return
			}
		}
		a, b := trimPunctTokens(w, b0, open)
		if a < b && b-a >= 2 {
			c.pieces = append([]news.Span{w.span(a, b)}, c.pieces...)
		}
	}
}

// verbClause reads the sentence of the quotation at token open as "NP verb
// COMPLEMENT" when the verb is past tense or third person and the
// complement holds the quotation; it returns the complement as a reported
// clause, once per sentence.
func (w *doc) verbClause(open int, seen map[int]bool) (reported, bool) {
	si := w.sentOf[open]
	if si < 0 || seen[si] {
		return reported{}, false
	}
	lo, hi := w.sentence(open)
	a, b := w.npForward(w.trimIntro(w.trimLeading(lo, open), open), open)
	if a >= b || b >= open || !w.validSubject(a, b) || !isLower(w.toks[b].Text) {
		return reported{}, false
	}
	// "has repeatedly pointed to": auxiliaries and adverbs before the verb
	for b-1 > a && isAdverb(w.low[b-1]) {
		b-- // "Trump repeatedly attacked"
	}
	sb := b
	vb := b
	for vb < open-1 && vb < b+4 && (w.lx.has("finite", w.low[vb]) || w.lx.has("aux", w.low[vb]) || isAdverb(w.low[vb])) {
		vb++
	}
	v := w.low[vb]
	if !isLower(w.toks[vb].Text) || !(hasSuffix(v, "ed") || w.lx.has("irregular", v) || hasSuffix(v, "s") && !hasSuffix(v, "ss") || vb > b && hasSuffix(v, "ing")) ||
		w.lx.has("finite", v) || w.lx.has("aux", v) {
		return reported{}, false
	}
	b = vb
	for k := b + 1; k < hi; k++ {
		if w.low[k] == ";" {
			hi = k
			break
		}
	}
	ca, cb := trimPunctTokens(w, b+1, hi)
	if cb-ca < 3 || ca >= open {
		return reported{}, false
	}
	seen[si] = true
	c := &cand{kind: KindIndirect, para: w.paraOf[open], pieces: []news.Span{w.span(ca, cb)},
		attr: attribution{ok: true, cueA: b, cueB: b + 1, subA: a, subB: sb}}
	return reported{c: c, ca: ca, cb: cb}, true
}

// mergeAdjacent joins quotations of one paragraph with nothing but spaces
// between them ("'A.' 'B,' he said"): they are one utterance.
func (w *doc) mergeAdjacent(qs []quoted) []quoted {
	text := w.text
	var out []quoted
	for _, q := range qs {
		if n := len(out); n > 0 && out[n-1].closed && strings.TrimSpace(text[out[n-1].end:q.open]) == "" &&
			!strings.Contains(text[out[n-1].end:q.open], "\n") && !w.embedded(out[n-1].open) && !w.colonIntroduced(out[n-1].open) {
			out[n-1].pieces = append(out[n-1].pieces, q.pieces...)
			out[n-1].end, out[n-1].closed = q.end, q.closed
			continue
		}
		out = append(out, q)
	}
	return out
}

// colonIntroduced reports whether the quotation opening at byte off
// follows a colon ("Smith said: 'A.' 'B,' he added"): it has its own
// attribution and is not one utterance with the quotation after it.
func (w *doc) colonIntroduced(off int) bool {
	k := w.tokenAt(off)
	return k > 0 && k < len(w.toks) && w.low[k-1] == ":" && w.paraOf[k-1] == w.paraOf[k]
}

// endsLikeAttributed reports whether a quotation ends the way a quote
// followed by its attribution does: with a comma, question or exclamation
// mark, or dash inside the marks, or a comma right after them.
func endsLikeAttributed(text string, q quoted) bool {
	last := q.pieces[len(q.pieces)-1]
	tail := text[last.End:q.end]
	if strings.ContainsAny(tail, ",") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[last.Start:last.End])
	if r == '?' || r == '!' || r == '—' || r == '–' || r == '-' {
		return true
	}
	rest := strings.TrimLeft(text[q.end:min(len(text), q.end+8)], " ")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–")
}

// embedded reports whether the quotation opening at byte off follows words
// of its own sentence ("called it 'a disgrace'").
func (w *doc) embedded(off int) bool {
	k := w.tokenAt(off)
	if k >= len(w.toks) || k == 0 || w.sentOf[k-1] != w.sentOf[k] || w.paraOf[k-1] != w.paraOf[k] {
		return false
	}
	return !isPunct(w.low[k-1]) || w.low[k-1] == ","
}

func (w *doc) isParaStart(i int) bool { return i == 0 || w.paraOf[i-1] != w.paraOf[i] }

// afterAttribution reads "..., Smith said", "..., said Smith" or "...,
// according to Smith" from token k on. When the quotation ended with a full
// stop (weak), the frame must be only the attribution, not a new sentence
// that happens to hold a reporting verb.
func (w *doc) afterAttribution(k int, strong bool) attribution {
	if k >= len(w.toks) {
		return attribution{}
	}
	para := w.paraOf[k-1]
	if w.paraOf[k] != para {
		return attribution{} // the quotation ends its paragraph
	}
	hi := k
	// a frame reads over a few quoted words ("wearing 'Ted Cruz' pins")
	for hi < len(w.toks) && hi < k+maxFrame && w.paraOf[hi] == para && (!w.quotedTok[hi] || w.shortTok[hi] && hi > k) && (hi == k || w.sentOf[hi] == w.sentOf[hi-1] || hi <= k+1) {
		hi++
		if w.sentBreak(hi-1) || w.low[hi-1] == ";" {
			break
		}
	}
	for k < hi && (w.low[k] == "," || w.low[k] == "—" || w.low[k] == "–" || w.low[k] == "-" || w.low[k] == "--" || w.low[k] == "(") {
		k++
	}
	for k < hi && (w.low[k] == "and" || w.low[k] == "but" || w.low[k] == "as") {
		k++ // "..., as Cruz said on the radio"
	}
	if k >= hi {
		return attribution{}
	}
	if n := w.lx.match("according", w.low, k); n > 0 {
		a, b := w.subjectAfter(k+n, hi)
		if a < b {
			return attribution{ok: true, cueA: k, cueB: k + n, subA: a, subB: b}
		}
		return attribution{}
	}
	if n := w.cueAt(k, "clause", "that", "direct", "object"); n > 0 && !hasSuffix(w.low[k], "ing") {
		a, b := w.subjectAfter(k+n, hi)
		if w.validSubject(a, b) {
			return attribution{ok: true, cueA: k, cueB: k + n, subA: a, subB: b}
		}
		return attribution{}
	}
	for v := k + 1; v < hi && v <= k+maxSubject+4; v++ {
		if isSentenceEnd(w.low[v]) && w.sentBreak(v) || w.low[v] == ":" || w.low[v] == ";" {
			break
		}
		if v >= k+1 && v+2 < hi && w.low[v] == "quoted" && w.low[v+1] == "as" && w.low[v+2] == "saying" {
			// "'...,' Hamdullah Fitrat, the deputy spokesman, was quoted as
			// saying by the news agency": the one quoted speaks
			b := v
			for b > k && (w.lx.has("aux", w.low[b-1]) || w.low[b-1] == ",") {
				b--
			}
			if a := w.trimIntro(w.trimLeading(k, b), b); w.validSubject(a, b) {
				return attribution{ok: true, cueA: v, cueB: v + 3, subA: a, subB: b}
			}
		}
		n := w.cueAt(v, "clause", "that", "direct", "object")
		if n == 0 || hasSuffix(w.low[v], "ing") {
			continue
		}
		if w.lx.has("passive", w.low[v-1]) {
			return attribution{}
		}
		if w.low[v-1] == "," {
			// "'...' about fixing inequality, said Marla Kilfoyle": inverted
			// after the words that go on the quotation
			if a, b := w.subjectAfter(v+n, hi); w.validSubject(a, b) && isCapitalized(w.toks[a].Text) {
				return attribution{ok: true, cueA: v, cueB: v + n, subA: a, subB: b, extend: v - 1}
			}
		}
		// everything between the quotation and the verb is the subject,
		// appositives included: "..., the bespectacled, 71-year-old
		// diplomat said"
		b := v
		for b > k && (w.lx.has("aux", w.low[b-1]) || isAdverb(w.low[b-1])) {
			b--
		}
		a := w.trimIntro(w.trimLeading(k, b), b)
		limit := 8
		if !w.validSubject(a, b) || !strong && v-k > limit {
			// "'If there had not been that intervention' by the United
			// States, NATO and others, Clinton said": the subject after the
			// last comma
			a2, b2 := w.subjectBefore(v, k)
			if a2 >= b2 || a2 == k || w.low[a2-1] != "," {
				return attribution{}
			}
			a, b, limit = a2, b2, 16
		}
		if !strong && (v-k > limit || !w.endsFrame(v+n, hi)) {
			return attribution{}
		}
		at := attribution{ok: true, cueA: v, cueB: v + n, subA: a, subB: b}
		if a > k+1 && w.low[a-1] == "," {
			// "'We don't teach anything' against homosexuality in the
			// mosque, he said": the words up to the comma are reported too
			at.extend = a - 1
		}
		return at
	}
	if strong && isLower(w.toks[k].Text) && hasSuffix(w.low[k], "ed") && k+1 < hi && isCapitalized(w.toks[k+1].Text) {
		// "'This is fantastic!' beamed Donald Hartley": inverted, with a
		// verb the lexicon lacks
		if a, b := w.subjectAfter(k+1, hi); w.validSubject(a, b) {
			return attribution{ok: true, cueA: k, cueB: k + 1, subA: a, subB: b}
		}
	}
	if strong {
		// "'...,' Hannity pressed." with a verb the lexicon lacks: a name or
		// pronoun, one past-tense verb, and the end of the sentence.
		a := k
		b := a
		if b < hi && determiners[w.low[b]] {
			b++ // "an angry Hollande retaliated", "the Republican nominee riffed"
			for b < hi && b < a+6 && !isPunct(w.low[b]) && !(isLower(w.toks[b].Text) && hasSuffix(w.low[b], "ed")) {
				b++
			}
			if b < hi && b > a+1 && isLower(w.toks[b].Text) && hasSuffix(w.low[b], "ed") &&
				(b+1 >= hi || isSentenceEnd(w.low[b+1]) || w.low[b+1] == "," || w.low[b+1] == "and" || prepositions[w.low[b+1]]) {
				return attribution{ok: true, cueA: b, cueB: b + 1, subA: a, subB: b}
			}
			b = a + 1
		}
		named := b
		for b < hi && b-a < 7 && (isCapitalized(w.toks[b].Text) || w.low[b] == "." || w.low[b] == "'s") && !isPunct(w.low[b]) || b == a && b < hi && w.lx.has("pronoun", w.low[b]) {
			b++
		}
		if b > named && b < hi && isLower(w.toks[b].Text) && hasSuffix(w.low[b], "ed") &&
			(b+1 >= hi || isSentenceEnd(w.low[b+1]) || w.low[b+1] == "," || w.low[b+1] == "and" || prepositions[w.low[b+1]]) {
			return attribution{ok: true, cueA: b, cueB: b + 1, subA: a, subB: b}
		}
	}
	return attribution{}
}

// dashAttribution reads the signature form "'...' — Michelle Marks,
// Philadelphia", on the quotation's line or on a short line of its own
// right after a paragraph that is only the quotation.
func (w *doc) dashAttribution(k int) attribution {
	if k >= len(w.toks) || k == 0 {
		return attribution{}
	}
	if w.paraOf[k] != w.paraOf[k-1] {
		// the next paragraph: the quotation must fill its own
		open := k - 1
		for open > 0 && w.quotedTok[open-1] && w.paraOf[open-1] == w.paraOf[k-1] {
			open--
		}
		if !w.isParaStart(open) {
			return attribution{}
		}
	}
	a := k + 1
	switch {
	case isDash(w.low[k]):
	case len(w.low[k]) > 1 && w.low[k][0] == '-' && isCapitalized(w.toks[k].Text[1:]):
		a = k // "-Michelle Marks": the dash glued to the name
	default:
		return attribution{}
	}
	b := a
	for b < len(w.toks) && w.paraOf[b] == w.paraOf[k] && !w.quotedTok[b] && b-a < 25 {
		if w.low[b] == "?" || w.low[b] == "!" || b > a && isDash(w.low[b]) || w.cueAt(b, "clause", "that") > 0 {
			return attribution{} // a headline or a sentence, not a signature
		}
		b++
	}
	if w.paraOf[k] != w.paraOf[k-1] && b < len(w.toks) && w.paraOf[b] == w.paraOf[k] {
		return attribution{} // a long line: narration, not a signature
	}
	for b > a && isPunct(w.low[b-1]) {
		b--
	}
	if a >= b {
		return attribution{} // the dash ends the text
	}
	first := strings.TrimLeft(w.toks[a].Text, "-")
	if !isCapitalized(first) || w.lx.has("stop", w.low[a]) || prepositions[w.low[a]] || hasSuffix(w.low[a], "ing") {
		return attribution{}
	}
	return attribution{ok: true, cueA: k, cueB: k, subA: a, subB: b, colon: true}
}

func isDash(t string) bool { return t == "—" || t == "–" || t == "-" || t == "--" }

// speechNouns name what someone said: "her remark that ...".
var speechNouns = map[string]bool{"comment": true, "comments": true, "remark": true, "remarks": true,
	"statement": true, "claim": true, "claims": true, "assertion": true, "warning": true, "promise": true,
	"pledge": true, "vow": true, "insistence": true, "argument": true, "suggestion": true, "declaration": true,
	"words": true, "call": true, "message": true, "response": true, "reply": true, "question": true,
	"tweet": true, "quip": true, "boast": true, "charge": true, "accusation": true, "complaint": true}

// allSkippable reports whether words are only what may come between a
// quotation and its attribution's subject ("and", "but", time words).
func allSkippable(words []string) bool {
	for _, t := range words {
		if !(t == "and" || t == "but" || t == "," || timeWords[t] || prepositions[t] || determiners[t]) {
			return false
		}
	}
	return true
}

// endsFrame reports whether the cue's clause ends at token i: the frame
// ends, or only an adjunct follows ("in a statement", "on Monday").
func (w *doc) endsFrame(i, hi int) bool {
	if i >= hi {
		return true
	}
	t := w.low[i]
	return isSentenceEnd(t) || t == "," || prepositions[t] || timeWords[t] || t == "reporters" || isCapitalized(w.toks[i].Text)
}

// beforeAttribution reads "Smith said: '...'", "Smith told reporters that
// '...'", "According to Smith, '...'" and the embedded "Smith called it
// 'a disgrace'" from the frame [lo, hi) that ends at the opening mark.
func (w *doc) beforeAttribution(lo, hi int) attribution {
	e := hi
	for e > lo && (w.low[e-1] == ":" || w.low[e-1] == "," || w.low[e-1] == "—" || w.low[e-1] == "–" || w.low[e-1] == "-" || w.low[e-1] == "--") {
		e--
	}
	colon := e < hi && w.low[e] == ":"
	if e > lo && w.low[e-1] == "that" {
		e--
	}
	if e <= lo {
		return attribution{}
	}
	// "her remark that '...'", "Trump's claim that '...'": the possessor
	// speaks
	if e-lo >= 2 && speechNouns[w.low[e-1]] && !w.quotedTok[e-2] {
		switch p := w.low[e-2]; {
		case p == "his" || p == "her" || p == "their" || p == "its":
			return attribution{ok: true, cueA: e - 1, cueB: e, subA: e - 2, subB: e - 1}
		case p == "'s" && e-3 >= lo && isCapitalized(w.toks[e-3].Text):
			a := w.walkNP(e-3, lo)
			if a = w.trimLeading(a, e-2); a < e-2 && w.validSubject(a, e-2) {
				return attribution{ok: true, cueA: e - 1, cueB: e, subA: a, subB: e - 2}
			}
		}
	}
	// "According to Smith, '...'"
	for k := lo; k < e && k < lo+3; k++ {
		if n := w.lx.match("according", w.low, k); n > 0 {
			a, b := w.subjectAfter(k+n, e)
			if a < b {
				return attribution{ok: true, cueA: k, cueB: k + n, subA: a, subB: b}
			}
		}
	}
	if v := w.trimLeading(lo, e); v < e && isCapitalized(w.toks[v].Text) {
		// "Said Dorothy Poynter, who grew up with Ali, '...'"
		if n := w.cueAt(v, "clause", "direct"); n > 0 && !hasSuffix(w.low[v], "ing") {
			if a, b := w.subjectAfter(v+n, e); w.validSubject(a, b) {
				return attribution{ok: true, cueA: v, cueB: v + n, subA: a, subB: b}
			}
		}
	}
	for v := e - 1; v >= lo && v >= e-8; v-- {
		if w.quotedTok[v] {
			break
		}
		n := w.cueAt(v, "clause", "that", "object", "direct", "infinitive", "mixed")
		if n == 0 || v+n > e {
			continue
		}
		if v > lo && w.lx.has("passive", w.low[v-1]) {
			return attribution{}
		}
		a, b := w.subjectBefore(v, lo)
		if a < b && hasSuffix(w.low[v], "ing") && mediumWords[w.low[b-1]] {
			// "Black Lives Matter released a statement saying ...": the
			// statement's author speaks
			if a2, b2 := w.mainSubject(lo, a); a2 < b2 {
				a, b = a2, b2
			}
		}
		if a >= b && hasSuffix(w.low[v], "ing") {
			a, b = w.earlierSubject(lo, v)
			if a >= b {
				// "X welcomed the 'supportive stance' of Y, noting ...": the
				// participle's subject is the sentence's, before any
				// quoted words the frame stopped at
				slo, _ := w.sentence(v)
				a, b = w.mainSubject(slo, v)
			}
		}
		if a >= b {
			a, b = w.mainSubject(lo, v)
		}
		if a >= b {
			return attribution{}
		}
		if b-a == 1 && w.lx.has("pronoun", w.low[a]) {
			// "Alamgir said they will reveal their plan 'when the time
			// comes'": the quoted words are the outer speaker's report
			if u, ua, ub := w.outerCue(a, lo); u >= 0 {
				return attribution{ok: true, cueA: u, cueB: u + 1, subA: ua, subB: ub}
			}
		}
		return attribution{ok: true, cueA: v, cueB: v + n, subA: a, subB: b}
	}
	if colon {
		// "with Trump reportedly yelling: '...'": a verb the lexicon lacks,
		// right before the colon
		v := e - 1
		for v > lo && isAdverb(w.low[v]) {
			v--
		}
		if v > lo && isLower(w.toks[v].Text) && (hasSuffix(w.low[v], "ed") || hasSuffix(w.low[v], "ing")) {
			if a, b := w.subjectBefore(v, lo); a < b {
				if !w.hasCapital(a, b) && !(b-a == 1 && w.lx.has("pronoun", w.low[a])) {
					// "Vega said the crew stayed until the storm passed:
					// '...'": the named reporter, not "the storm"
					if at := w.namedReporter(lo, v); at.ok {
						return at
					}
				}
				return attribution{ok: true, cueA: v, cueB: v + 1, subA: a, subB: b}
			}
		}
	}
	if colon {
		// "HEADLINE - Michael P. McDonald: '...'": the name after a dash
		for k := e - 1; k > lo; k-- {
			if isDash(w.low[k]) {
				lo = k + 1
				break
			}
		}
	}
	if colon {
		// "Deo Akiiki said security officers were assessing threats he
		// could face by going out: '...'": a reporting verb with a named
		// subject, far from the colon
		if at := w.namedReporter(lo, e); at.ok {
			return at
		}
	}
	if colon {
		// "The Vermont senator emailed supporters: '...'"
		if a, b := w.npForward(lo, e); a < b && b < e && w.validSubject(a, b) && isLower(w.toks[b].Text) {
			return attribution{ok: true, cueA: e, cueB: e, subA: a, subB: b, colon: true}
		}
	}
	if colon && e-lo <= 6 {
		// "Trump: 'We will win'" in headlines and transcripts
		a := w.trimLeading(lo, e)
		if a < e && isCapitalized(w.toks[a].Text) {
			return attribution{ok: true, cueA: e, cueB: e, subA: a, subB: e, colon: true}
		}
	}
	if colon {
		// "Rubio fired back forcefully: '...'": a clause that introduces the
		// quotation; its subject speaks.
		if a, b := w.npForward(lo, e); a < b {
			return attribution{ok: true, cueA: e, cueB: e, subA: a, subB: b, colon: true}
		}
	}
	return attribution{}
}

// introSentence attributes a quotation that opens a sentence to the
// sentence before it in the paragraph when that one ends with an
// attribution and no complement: "Sam Lau, the party's spokesman, said in a
// statement. 'There are no paper ballots to recount.'"
func (w *doc) introSentence(open int) attribution {
	pe := open // the previous sentence is [ps, pe)
	if pe == 0 || w.paraOf[pe-1] != w.paraOf[open] || w.quotedTok[pe-1] {
		return attribution{}
	}
	ps := pe - 1
	for ps > 0 && ps > pe-maxFrame && !w.sentBreak(ps-1) && !w.quotedTok[ps-1] {
		ps--
	}
	end := pe
	for end > ps && isPunct(w.low[end-1]) {
		end--
	}
	for v := end - 1; v > ps && v >= end-6; v-- {
		n := w.cueAt(v, "clause", "that", "direct")
		if n == 0 || hasSuffix(w.low[v], "ing") {
			continue
		}
		for k := v + n; k < end; k++ {
			if !(prepositions[w.low[k]] || determiners[w.low[k]] || timeWords[w.low[k]] || mediumWords[w.low[k]] || isLower(w.toks[k].Text) && k > v+n) {
				return attribution{}
			}
		}
		if a, b := w.subjectBefore(v, ps); a < b {
			return attribution{ok: true, cueA: v, cueB: v + n, subA: a, subB: b}
		}
		return attribution{}
	}
	return attribution{}
}

// colonIntro attributes a quotation that opens a paragraph to the previous
// paragraph when that ends in a colon ("Smith said:").
func (w *doc) colonIntro(open int) attribution {
	k := open - 1
	if k < 0 || w.low[k] != ":" {
		return attribution{}
	}
	lo := k
	for lo > 0 && lo > k-maxFrame && w.paraOf[lo-1] == w.paraOf[k] && !w.quotedTok[lo-1] && !w.sentBreak(lo-1) {
		lo--
	}
	if at := w.beforeAttribution(lo, k+1); at.ok {
		return at
	}
	// "Deo Akiiki said security officers were assessing threats: '...'":
	// the sentence's reporting verb, far from the colon
	return w.namedReporter(lo, k)
}

// namedReporter returns the attribution of the first reporting verb in
// tokens [lo, hi) when its subject is a name, else none.
func (w *doc) namedReporter(lo, hi int) attribution {
	for v := lo + 1; v < hi; v++ {
		if w.quotedTok[v] || w.cueAt(v, "clause", "that") == 0 || hasSuffix(w.low[v], "ing") || w.lx.has("passive", w.low[v-1]) {
			continue
		}
		if a, b := w.subjectBefore(v, lo); a < b && w.hasCapital(a, b) {
			return attribution{ok: true, cueA: v, cueB: v + 1, subA: a, subB: b}
		}
		break
	}
	return attribution{}
}

// earlierSubject returns the subject of the last reporting verb before a
// participle cue at v in the same sentence ("a strategist said ...,
// saying, '...'"), or [v, v).
func (w *doc) earlierSubject(lo, v int) (int, int) {
	for u := v - 2; u >= lo; u-- {
		if w.quotedTok[u] || hasSuffix(w.low[u], "ing") || u > lo && w.lx.has("passive", w.low[u-1]) {
			continue // "Gandhi's charge that he was denied entry, alleging ...": not a report
		}
		if w.cueAt(u, "clause", "that", "object") > 0 {
			if a, b := w.subjectBefore(u, lo); a < b {
				return a, b
			}
			return v, v
		}
	}
	return v, v
}

// mainSubject returns the subject of the clause that a participle or
// coordinated cue at v hangs on ("The group placed ads, calling the deal a
// mistake"): the noun phrase that opens the sentence after introductory
// phrases, else clauseSubject.
func (w *doc) mainSubject(lo, v int) (int, int) {
	a := w.trimIntro(w.trimLeading(lo, v), v)
	if a2, b2 := w.npForward(a, v); a2 < b2 && w.validSubject(a2, b2) {
		return a2, b2
	}
	return w.clauseSubject(lo, v)
}

// clauseSubject returns the subject at the start of the clause [lo, v) for a
// participle or coordinated cue ("Trump spoke at a rally, saying ...",
// "Smith stood and said"): a pronoun, or a run of capitalised words.
func (w *doc) clauseSubject(lo, v int) (int, int) {
	a := w.trimLeading(lo, v)
	for a < v && (w.low[a] == "," || w.low[a] == "but" || w.low[a] == "and" || w.low[a] == "however") {
		a++
	}
	if a >= v {
		return v, v
	}
	if w.lx.has("pronoun", w.low[a]) {
		return a, a + 1
	}
	b := a
	for b < v && b-a < 6 && (isCapitalized(w.toks[b].Text) || w.low[b] == "'s" || w.low[b] == "of" && b > a) && !w.quotedTok[b] {
		b++
	}
	if b == a || (b == a+1 && determiners[w.low[a]]) || !w.validSubject(a, b) {
		return v, v
	}
	return a, b
}

// npForward reads the noun phrase that opens the clause [lo, hi): a
// pronoun, or words up to the first that looks like a verb.
func (w *doc) npForward(lo, hi int) (int, int) {
	a := w.trimLeading(lo, hi)
	for a < hi && (w.low[a] == "," || w.low[a] == "but" || w.low[a] == "and") {
		a++
	}
	if a >= hi || prepositions[w.low[a]] || w.lx.has("stop", w.low[a]) {
		return hi, hi
	}
	if w.lx.has("pronoun", w.low[a]) {
		return a, a + 1
	}
	b := a
	for b < hi && b-a < 8 {
		t := w.low[b]
		if isPunct(t) && t != "'s" || w.lx.has("finite", t) && t != "'s" || w.lx.has("aux", t) || w.quotedTok[b] {
			break
		}
		if b > a && isLower(w.toks[b].Text) && (hasSuffix(t, "ed") || w.lx.has("irregular", t) || w.cueAt(b, "clause", "that", "direct") > 0 ||
			hasSuffix(t, "s") && isLower(w.toks[b-1].Text) && !determiners[w.low[b-1]]) {
			break
		}
		b++
	}
	if b == a || b >= hi || b-a >= 8 {
		return hi, hi
	}
	return a, b
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// outerCue returns the reporting verb right before the clause whose
// subject starts at token a ("said [that] they ...") and that verb's named
// subject, or u = -1.
func (w *doc) outerCue(a, lo int) (u, sa, sb int) {
	u = a - 1
	if u > lo && w.low[u] == "that" {
		u--
	}
	if u <= lo || w.quotedTok[u] || w.cueAt(u, "clause", "that") == 0 || hasSuffix(w.low[u], "ing") {
		return -1, 0, 0
	}
	sa, sb = w.subjectBefore(u, lo)
	if sa >= sb || !w.hasCapital(sa, sb) {
		return -1, 0, 0
	}
	return u, sa, sb
}

// hasCapital reports whether tokens [a, b) hold a capitalised word that is
// not a pronoun: a name.
func (w *doc) hasCapital(a, b int) bool {
	for k := a; k < b; k++ {
		if isCapitalized(w.toks[k].Text) && !w.lx.has("pronoun", w.low[k]) && !isPunct(w.low[k]) {
			return true
		}
	}
	return false
}
