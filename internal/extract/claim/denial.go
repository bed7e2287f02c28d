package claim

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Stances of a claim: a party affirms or denies a proposition, or reports
// (claims, alleges, announces) one that another party may then deny.
const (
	StanceAffirm = "affirm"
	StanceDeny   = "deny"
	StanceReport = "report"
)

// Kinds of contradiction.
const (
	// KindDenial: a party denies what another reported, claimed, alleged
	// or announced ("a newspaper reports X; the ministry calls the report
	// false").
	KindDenial = "denial"
	// KindOpposite: two parties take opposite stances on one proposition.
	KindOpposite = "opposite"
	// KindFigures: two parties give different counts of one outcome
	// ("four were killed" / "nine were killed").
	KindFigures = "figures"
)

// falsityWords call what they apply to untrue: a statement holding one
// denies something ("the report is patently false").
var falsityWords = set(`false baseless untrue unfounded fabricated fabrication fabrications lie lies
	misleading inaccurate inaccuracies propaganda illusion fiction nonsense ridiculous absurd groundless
	bogus fake concocted inconceivable falsehood falsehoods distortion disinformation misinformation
	speculation speculations rumours rumors slander smear hoax`)

// claimNouns name something a party said that another can deny.
var claimNouns = set(`report reports claim claims allegation allegations accusation accusations charge
	charges result results assertion assertions statement statements remarks rumour rumours rumor rumors
	speculation speculations finding findings story stories assessment assessments figures version`)

// statement is something a named party said or did that another may deny:
// a quote, an accusation, or the claim a denial names ("India's claim").
type statement struct {
	speaker    string
	quote      string // quote id, or ""
	event      string // event id, or ""
	span       news.Span
	first, end int // tokens
	accused    string
	noun       string // the claim noun when the statement is only named by a denial
	// words are its content words (see contentWords), computed when first
	// needed and kept for the next denial
	words map[string]bool
}

// denial is a statement that denies: a DENY event, or a quote whose cue
// denies or whose words call something untrue.
type denial struct {
	statement
	trigger int // token of the denying word
}

// minSharedWords is how many content words (or named parties) a denial
// must share with a statement to answer it when it names no owner.
const minSharedWords = 2

// maxAnswerDistance bounds, in bytes, how far from a denial the statement
// it answers may be when the denial does not name its owner.
const maxAnswerDistance = 4000

// denialContradictions links each denial to the statement it answers and
// returns the claims and contradictions that make: one pair of claims per
// two parties (the first denial between them, in text order).
func (s *Stage) denialContradictions(c *docIndex, earlier []news.Claim, found []news.Contradiction, firstID int) ([]news.Claim, []news.Contradiction) {
	stmts := statements(c)
	var claims []news.Claim
	var out []news.Contradiction
	seen := pairsOf(earlier, found)
	for _, d := range denials(c) {
		a, ok := s.answered(c, d, stmts)
		a.speaker, d.speaker = c.party(a.speaker), c.party(d.speaker)
		if !ok || a.speaker == d.speaker || !c.canSpeak(a.speaker) || !c.canSpeak(d.speaker) {
			continue
		}
		key := pairKey(a.speaker, d.speaker)
		if seen[key] {
			continue
		}
		seen[key] = true
		subject := c.headName(a.accused, a.first, a.end)
		if subject == "" {
			subject = s.statementSubject(c, a, d.speaker)
		}
		pred := s.statementPredicate(c, a)
		rid := fmt.Sprintf("C%d", firstID+len(claims))
		did := fmt.Sprintf("C%d", firstID+len(claims)+1)
		report := news.Claim{ID: rid, Speaker: a.speaker, Polarity: news.PolarityAffirm, Stance: StanceReport, Subject: subject,
			Predicate: pred, Quote: a.quote, Event: a.event, Word: pred, SpeakerName: c.name(a.speaker),
			SubjectName: c.name(subject), Evidence: a.span}
		deny := news.Claim{ID: did, Speaker: d.speaker, Polarity: news.PolarityDeny, Stance: StanceDeny, Subject: subject,
			Predicate: pred, Quote: d.quote, Event: d.event, Word: c.words[d.trigger], SpeakerName: c.name(d.speaker),
			SubjectName: c.name(subject), Evidence: d.span, Answers: rid}
		claims = append(claims, report, deny)
		out = append(out, news.Contradiction{Claims: []string{rid, did}, Kind: KindDenial,
			Why: fmt.Sprintf("%s denies what %s %s: %s", c.name(d.speaker), c.name(a.speaker), reportVerb(a), excerpt(c, a))})
	}
	return claims, out
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "\x00" + b
}

// reportVerb says how the answered statement was made.
func reportVerb(a statement) string {
	switch {
	case a.accused != "":
		return "alleged"
	case a.noun != "":
		return "reported (" + strings.ToLower(a.noun) + ")"
	}
	return "said"
}

// excerpt is the answered statement's words, cut to a readable length.
func excerpt(c *docIndex, a statement) string {
	t := strings.Join(strings.Fields(a.span.Of(c.doc.Text)), " ")
	if r := []rune(t); len(r) > 120 {
		t = string(r[:117]) + "..."
	}
	return "“" + strings.Trim(t, "“”\" ") + "”"
}

// statements lists, in text order, what named parties said (quotes with a
// speaker) and alleged (ACCUSE events with an actor).
func statements(c *docIndex) []statement {
	var out []statement
	for _, q := range c.doc.Quotes {
		if q.Speaker == "" || q.Kind == news.QuotePartial {
			continue
		}
		first, end := c.tokensIn(q.Span)
		out = append(out, statement{speaker: q.Speaker, quote: q.ID, span: q.Span, first: first, end: end})
	}
	for _, ev := range c.doc.Events {
		if ev.Type != "ACCUSE" || ev.Actor == "" || ev.Negated || ev.Sentence < 0 || ev.Sentence >= len(c.doc.Sentences) {
			continue
		}
		sent := c.doc.Sentences[ev.Sentence]
		out = append(out, statement{speaker: ev.Actor, event: ev.ID, span: sent.Span, first: sent.FirstToken,
			end: sent.EndToken, accused: ev.Target})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// denials lists DENY events with an actor and quotes whose speaker denies:
// by the cue ("denied that") or by calling something untrue.
func denials(c *docIndex) []denial {
	var out []denial
	for _, ev := range c.doc.Events {
		if ev.Actor == "" || ev.Negated || ev.Sentence < 0 || ev.Sentence >= len(c.doc.Sentences) {
			continue
		}
		first, _ := c.tokensIn(ev.Trigger.Span)
		sent := c.doc.Sentences[ev.Sentence]
		if ev.Type != "DENY" && !(ev.Type == "REJECT" && c.rejectsClaimNoun(first, sent.EndToken)) || c.deniesAParty(first) ||
			c.notADenialMade(first, sent.FirstToken) || c.inApposition(ev.Actor, sent.FirstToken, first) || c.opinionOfFact(first) {
			continue
		}
		out = append(out, denial{statement: statement{speaker: ev.Actor, event: ev.ID, span: sent.Span,
			first: sent.FirstToken, end: sent.EndToken}, trigger: first})
	}
	for _, q := range c.doc.Quotes {
		if q.Speaker == "" || q.Kind == news.QuotePartial {
			continue
		}
		first, end := c.tokensIn(q.Span)
		k := -1
		if denialCues[strings.ToLower(q.Cue)] {
			k = first
		}
		for i := first; i < end && k < 0; i++ {
			if falsityWords[strings.ToLower(c.words[i])] && !c.negatedAt(max(first, i-3), i) && c.callsUntrue(i, first) && !c.opinionOfFact(i) {
				k = i
			}
		}
		if k >= 0 {
			out = append(out, denial{statement: statement{speaker: q.Speaker, quote: q.ID, span: q.Span, first: first, end: end}, trigger: k})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// claimNounAfter returns the token of the first claim noun in [from, end)
// before the clause ends, or -1.
func (c *docIndex) claimNounAfter(from, end int) int {
	for k := from; k < end && k < from+12; k++ {
		w := strings.ToLower(c.words[k])
		if w == "." || w == ";" || w == "that" && k > from {
			return -1
		}
		if claimNouns[w] && c.ref[k].entity == "" {
			return k
		}
	}
	return -1
}

// answered finds what denial d answers, only where the denial shows it
// (precision first: a denial linked to the wrong statement is a false
// contradiction):
//   - the owner of the claim noun it names ("rejected India's claim", "the
//     baseless Indian allegations", "the report by Amnesty", "the Houthis'
//     report ... is false");
//   - else an accusation against the denier made before it;
//   - else, for a denial that refers back ("denied the reports", "rejected
//     the result", "It is false") or denies the denier's own doing ("denied
//     any involvement", "denied it attacked"), the latest earlier statement
//     by another party that names the denier and shares a word or another
//     name with what is denied;
//   - else, for a denial of a clause ("denied that X did Y"), an earlier
//     statement by another party with the same predicate and at least
//     minSharedWords other content words;
//   - else, for a denial of casualties ("denied they caused any
//     casualties"), the nearest earlier count of them by another party.
//
// No link when none of these holds, whatever words the two share.
func (s *Stage) answered(c *docIndex, d denial, stmts []statement) (statement, bool) {
	if k := c.deniedNoun(d); k >= 0 {
		if o := c.ownerOf(k, d.first, d.end); o != "" && c.party(o) != c.party(d.speaker) {
			sent := c.sentenceOf(k)
			return statement{speaker: o, span: sent.Span, first: sent.FirstToken, end: sent.EndToken, noun: c.words[k]}, true
		}
	}
	if o := c.fabricator(d); o != "" {
		if a, ok := latestBy(c, d, stmts, o); ok {
			return a, true
		}
		return statement{}, false
	}
	denied := c.contentWords(d.trigger+1, d.end)
	for _, i := range c.candidates(d, stmts) {
		if a := stmts[i]; a.accused != "" && c.party(a.accused) == c.party(d.speaker) && (c.refersBack(d) ||
			c.sentencesApart(a, d) <= maxAccusationSentences && (c.deniesOwnDoing(d) || c.sharesWith(&stmts[i], c.contentWords(d.first, d.end), d.speaker))) {
			return a, true
		}
	}
	if c.refersBack(d) || c.deniesOwnDoing(d) {
		result := c.deniesResult(d)
		for _, i := range c.candidates(d, stmts) {
			if a := stmts[i]; result && s.announcesResult(c, a) || c.names(a, d.speaker) && c.sharesWith(&stmts[i], denied, d.speaker) {
				return a, true
			}
		}
	}
	if from, to, ok := c.deniedClause(d); ok {
		if p, _ := s.predicate(c, clause{first: from, end: to}); p != "" {
			dw := c.contentWords(from, to)
			for _, i := range c.candidates(d, stmts) {
				if q, _ := s.predicate(c, clause{first: stmts[i].first, end: stmts[i].end}); q == p && c.shared(&stmts[i], dw) >= minSharedWords+1 {
					return stmts[i], true
				}
			}
		}
	}
	if o := c.deniedOutcome(d); o != "" {
		for _, i := range c.candidates(d, stmts) {
			for _, f := range c.figuresOf(stmts[i]) {
				if f.outcome == o && f.quote != "" {
					return stmts[i], true
				}
			}
		}
	}
	return statement{}, false
}

// maxAccusationSentences bounds how many sentences after an accusation a
// denial by the accused that does not refer back to it ("the charges", "It
// is false") may be taken to answer it; such a denial must also deny the
// accused's own part or share a word or a name with the accusation.
const maxAccusationSentences = 3

// sentencesApart returns how many sentences lie between a's start and d's.
func (c *docIndex) sentencesApart(a statement, d denial) int {
	i := sort.Search(len(c.doc.Sentences), func(i int) bool { return c.doc.Sentences[i].EndToken > a.first })
	j := sort.Search(len(c.doc.Sentences), func(i int) bool { return c.doc.Sentences[i].EndToken > d.trigger })
	return abs(j - i)
}

// fabricator returns the party a denial says made something up: the name
// before "fabricated"/"invented"/"made up" ("Fields had fabricated the
// story"), or "".
func (c *docIndex) fabricator(d denial) string {
	switch strings.ToLower(c.words[d.trigger]) {
	case "fabricated", "invented", "concocted", "lied", "made":
	default:
		return ""
	}
	k := d.trigger - 1
	for k >= d.first && auxiliaryForms[strings.ToLower(c.words[k])] {
		k--
	}
	if k >= d.first && c.ref[k].entity != "" && c.party(c.ref[k].entity) != c.party(d.speaker) && c.ref[k].kind != news.MentionPronoun {
		return c.ref[k].entity
	}
	return ""
}

// latestBy returns the statement of party o that denial d may answer,
// nearest first.
func latestBy(c *docIndex, d denial, stmts []statement, o string) (statement, bool) {
	for _, i := range c.candidates(d, stmts) {
		if c.party(stmts[i].speaker) == c.party(o) {
			return stmts[i], true
		}
	}
	return statement{}, false
}

// leadSentences is how many sentences open an article: a denial there
// may answer a statement the body gives after it ("X denied reports
// that ...; ... Y wrote that ...").
const leadSentences = 2

// candidates returns the indexes of the statements denial d may answer,
// nearest first: those of other parties within maxAnswerDistance that end
// before its trigger, latest first; then, for a denial in the article's
// lead, those after it, earliest first.
func (c *docIndex) candidates(d denial, stmts []statement) []int {
	at := c.doc.Tokens[d.trigger].Start
	other := func(a statement) bool { return c.party(a.speaker) != c.party(d.speaker) && !c.hedged(a) }
	var out []int
	for i := len(stmts) - 1; i >= 0; i-- {
		if a := stmts[i]; other(a) && a.span.End <= at && at-a.span.Start <= maxAnswerDistance {
			out = append(out, i)
		}
	}
	if len(c.doc.Sentences) > leadSentences && d.span.End > c.doc.Sentences[leadSentences-1].Span.End {
		return out
	}
	for i, a := range stmts {
		if other(a) && a.span.Start >= d.span.End && a.span.Start-at <= maxAnswerDistance {
			out = append(out, i)
		}
	}
	return out
}

// deniesResult reports a denial of a result ("rejected the results").
func (c *docIndex) deniesResult(d denial) bool {
	k := c.deniedNoun(d)
	return k >= 0 && strings.HasPrefix(strings.ToLower(c.words[k]), "result")
}

// announcesResult reports a statement that announces who won or lost.
func (s *Stage) announcesResult(c *docIndex, a statement) bool {
	p, _ := s.predicate(c, clause{first: a.first, end: a.end})
	return p == "victory" || p == "loss"
}

// deniedNoun returns the claim noun a denial names: after its trigger
// ("rejected the report"), or, for a denial by a word of falsity, the
// subject of the copula before it ("the report ... is false"); -1 if none.
func (c *docIndex) deniedNoun(d denial) int {
	if k := c.claimNounAfter(d.trigger, d.end); k >= 0 {
		return k
	}
	if !falsityWords[strings.ToLower(c.words[d.trigger])] {
		return -1
	}
	for j := d.trigger - 1; j >= d.first && j >= d.trigger-4; j-- {
		if !copulas[strings.ToLower(c.words[j])] {
			continue
		}
		for k := j - 1; k >= d.first && k >= j-12; k-- {
			w := strings.ToLower(c.words[k])
			if w == "," || w == ";" {
				break
			}
			if claimNouns[w] && c.ref[k].entity == "" {
				return k
			}
		}
		break
	}
	return -1
}

// refersBack reports a denial whose object is something said before: a
// claim noun without its owner ("denied the reports", "rejected the
// result") or a word of falsity said of it ("It is false").
func (c *docIndex) refersBack(d denial) bool {
	if c.deniedNoun(d) >= 0 {
		return true
	}
	return falsityWords[strings.ToLower(c.words[d.trigger])] && c.callsUntrue(d.trigger, max(d.first, c.quoteStart(d.trigger)))
}

// quoteStart returns the first token of the quote holding token k, or -1.
func (c *docIndex) quoteStart(k int) int {
	at := c.doc.Tokens[k].Start
	for _, q := range c.doc.Quotes {
		if q.Span.Start <= at && at < q.Span.End {
			first, _ := c.tokensIn(q.Span)
			return first
		}
	}
	return -1
}

// deniesOwnDoing reports a denial of the denier's own part in something:
// "denied any involvement", "denied responsibility", "denied it attacked",
// "denied having links".
func (c *docIndex) deniesOwnDoing(d denial) bool {
	for k := d.trigger + 1; k < d.end && k <= d.trigger+3; k++ {
		w := strings.ToLower(c.words[k])
		switch {
		case involvementNouns[w]:
			return true
		case (w == "it" || w == "they" || w == "he" || w == "she" || w == "having" || c.ref[k].entity != "" && c.party(c.ref[k].entity) == c.party(d.speaker)) &&
			k+1 < d.end && c.isVerbish(k+1):
			return true
		case w == "any" || w == "that" || w == "its" || w == "their" || w == "his" || w == "her" || w == "the":
			continue
		}
		return false
	}
	return false
}

var involvementNouns = set(`involvement role responsibility wrongdoing link links part knowledge connection
	connections ties hand complicity`)

// isVerbish reports a verb or auxiliary at k (by its tag on a tagged
// document, else by form).
func (c *docIndex) isVerbish(k int) bool {
	if auxiliaryForms[strings.ToLower(c.words[k])] {
		return true
	}
	_, ok := c.verbAt(k)
	return ok
}

// deniedClause returns the tokens [from, to) of the clause a denial
// denies: after "denied that", "denied the report that", or the clause of
// the claim noun called false ("the report that X did Y is false").
func (c *docIndex) deniedClause(d denial) (from, to int, ok bool) {
	if k := c.deniedNoun(d); k >= 0 && k < d.trigger && k+1 < d.trigger && strings.EqualFold(c.words[k+1], "that") {
		return k + 2, d.trigger, true
	}
	for k := d.trigger + 1; k < d.end && k <= d.trigger+4; k++ {
		w := strings.ToLower(c.words[k])
		if w == "that" {
			return k + 1, d.end, true
		}
		if w == "," || w == ";" || c.ref[k].entity != "" {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// deniedOutcome returns the outcome a denial denies ("denied they caused
// any casualties", "denied anyone was killed"), or "".
func (c *docIndex) deniedOutcome(d denial) string {
	for k := d.trigger + 1; k < d.end && k <= d.trigger+8; k++ {
		w := strings.ToLower(c.words[k])
		if w == "casualties" || w == "deaths" || w == "fatalities" {
			return "killed"
		}
		if o, ok := outcomes[w]; ok {
			return o
		}
	}
	return ""
}

// names reports whether statement a names party p (not as its speaker).
func (c *docIndex) names(a statement, p string) bool {
	p = c.party(p)
	for k := a.first; k < a.end; k++ {
		if e := c.ref[k].entity; e != "" && e != a.speaker && c.party(e) == p {
			return true
		}
	}
	return false
}

// sharesWith reports whether statement a shares a content word, or a name
// other than the denier's, with the denied words.
func (c *docIndex) sharesWith(a *statement, denied map[string]bool, denier string) bool {
	if a.words == nil {
		a.words = c.contentWords(a.first, a.end)
	}
	for w := range a.words {
		if denied[w] && w != "@"+denier && (!strings.HasPrefix(w, "@") || c.party(w[1:]) != c.party(denier)) {
			return true
		}
	}
	return false
}

// shared counts the content words and names a statement shares with words.
func (c *docIndex) shared(a *statement, words map[string]bool) int {
	if a.words == nil {
		a.words = c.contentWords(a.first, a.end)
	}
	n := 0
	for w := range a.words {
		if words[w] {
			n++
		}
	}
	return n
}

// ownerOf returns the party a claim noun at token k belongs to, within the
// clause [lo, hi): a possessor or a name right before it ("India's claim",
// "Indian allegations", over adjectives), or the name after "by", "from"
// or "of" just after it ("allegations levelled by Amnesty").
func (c *docIndex) ownerOf(k, lo, hi int) string {
	for j := k - 1; j >= lo && j >= k-4; j-- {
		w := strings.ToLower(c.words[j])
		if r := c.ref[j]; r.entity != "" {
			return r.entity
		}
		if w == "'s" || w == "’s" || w == "'" || w == "’" {
			continue
		}
		if !isLowerWord(w) || determiners[w] || stopWords[w] || ownerStops[w] || c.isVerbish(j) {
			break // the owner stands right before the noun, over adjectives: not "X said on Monday it denied claims"
		}
	}
	for j := k + 1; j < hi && j <= k+5; j++ {
		w := strings.ToLower(c.words[j])
		if w == "by" || w == "from" { // not "of": "allegations of torture" name their topic
			for n := j + 1; n < hi && n <= j+3; n++ {
				if r := c.ref[n]; r.entity != "" {
					return r.entity
				}
			}
			return ""
		}
		if !isLowerWord(w) || w == "that" || w == "which" || c.isVerbish(j) && w != "made" && w != "levelled" && w != "leveled" {
			return "" // "allegations that a batch of X ...": X is in the claim, not its owner
		}
	}
	return ""
}

func (c *docIndex) sentenceOf(k int) news.Sentence {
	ss := c.doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].EndToken > k })
	if i < len(ss) {
		return ss[i]
	}
	return news.Sentence{}
}

// contentWords returns the stems of the content words of tokens [a, b):
// lower-case words of five letters or more that are not stop words, and
// the entities named there.
func (c *docIndex) contentWords(a, b int) map[string]bool {
	out := map[string]bool{}
	for k := max(a, 0); k < b && k < len(c.words); k++ {
		if r := c.ref[k]; r.entity != "" {
			out["@"+r.entity] = true
			continue
		}
		w := strings.ToLower(c.words[k])
		if len(w) >= 5 && isLowerWord(w) && !stopWords[w] && !reportingWords[w] {
			out[stem(w)] = true
		}
	}
	return out
}

// reportingWords share no content between two statements.
var reportingWords = set(`said says saying added stated told statement according reported reports claimed
	denied rejected dismissed insisted noted called described people would could there their about after`)

// statementSubject is the first named party in the statement other than
// its speaker and the denier and not a place, else the denier (a denial is
// most often about the denier's own doing).
func (s *Stage) statementSubject(c *docIndex, a statement, denier string) string {
	for k := a.first; k < a.end; k++ {
		r := c.ref[k]
		if r.entity != "" && r.entity != a.speaker && r.typ != news.TypeLOC {
			return r.entity
		}
	}
	return denier
}

// statementPredicate is the predicate class or lemma of the statement, or
// its claim noun.
func (s *Stage) statementPredicate(c *docIndex, a statement) string {
	if a.noun != "" {
		return strings.ToLower(a.noun)
	}
	if a.accused != "" {
		return "accusation" // what the accuser says of the accused, not the sentence's first verb
	}
	if p, _ := s.predicate(c, clause{first: a.first, end: a.end}); p != "" {
		return p
	}
	return "statement"
}

func overlaps(a, b news.Span) bool { return a.Start < b.End && b.Start < a.End }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// party returns the entity that speaks for id: the country itself when id
// is its demonym ("Indian allegations" are India's), else id.
func (c *docIndex) party(id string) string {
	if c.countries == nil {
		c.countries = news.DemonymCountries(c.doc)
	}
	if p, ok := c.countries[id]; ok {
		return p
	}
	return id
}

// canSpeak reports whether entity id can be a party to a contradiction: a
// person, an organisation or a place acting as one (a country's
// government), not a work, event, group word or nationality ("Republican",
// "Islamic").
func (c *docIndex) canSpeak(id string) bool {
	switch c.typeOf(id) {
	case news.TypePER, news.TypeORG:
		return true
	case news.TypeLOC:
		pl := c.place(id)
		return pl == nil || pl.Feature == "country" // not a state or city where something was said
	}
	return false
}

// pairsOf returns the speaker pairs that contradictions already found
// join, so that a denial between the same two parties is not flagged again.
func pairsOf(claims []news.Claim, found []news.Contradiction) map[string]bool {
	speaker := make(map[string]string, len(claims))
	for _, cl := range claims {
		speaker[cl.ID] = cl.Speaker
	}
	seen := map[string]bool{}
	for _, k := range found {
		if len(k.Claims) == 2 {
			seen[pairKey(speaker[k.Claims[0]], speaker[k.Claims[1]])] = true
		}
	}
	return seen
}

// callsUntrue reports whether the falsity word at token i, in a statement
// starting at token first, is said of something stated: it comes within the
// statement's first words ("It's false", "Completely baseless"), qualifies
// a claim noun ("false claims", "baseless allegations"), or is predicated
// of one or of a pronoun ("the report is patently false", "this is a lie").
func (c *docIndex) callsUntrue(i, first int) bool {
	if i-first <= 3 {
		return true
	}
	if i+1 < len(c.words) && claimNouns[strings.ToLower(c.words[i+1])] {
		return true
	}
	for j := i - 1; j >= first && j >= i-5; j-- {
		w := strings.ToLower(c.words[j])
		if copulas[w] {
			for k := j - 1; k >= first && k >= j-10; k-- {
				x := strings.ToLower(c.words[k])
				if claimNouns[x] || k >= j-2 && (demonstratives[x] || x == "it") || x == "it's" || x == "that's" {
					return true // "the report ... is false", "this is a lie", not "claiming that X is in decline is fiction"
				}
			}
			return false
		}
	}
	return false
}

var (
	copulas        = set(`is was are were be been being 's ’s`)
	demonstratives = set(`this that these those such`)
)

// deniesAParty reports a denial of something to someone rather than of
// something said: "denied him the nomination", "denied Sanders a win".
func (c *docIndex) deniesAParty(trigger int) bool {
	k := trigger + 1
	if k+1 >= len(c.words) {
		return false
	}
	w, next := strings.ToLower(c.words[k]), strings.ToLower(c.words[k+1])
	if objectPronouns[w] {
		return true
	}
	if c.ref[k].entity == "" {
		return false
	}
	for k < len(c.words) && c.ref[k].entity != "" {
		k++
	}
	next = ""
	if k < len(c.words) {
		next = strings.ToLower(c.words[k])
	}
	return next != "'s" && next != "’s" && (determiners[next] || next == "a" || next == "any")
}

var objectPronouns = set(`him her them us me you`)

// ownerStops end the words between a claim noun and its owner.
var ownerStops = set(`on in at of for to by and or but as after before since over against about with`)

// notADenialMade reports a denial that is declined, sought or imagined
// rather than made: "declined to rule out", "refused to disavow", "tried to
// quash", "would deny", "if he denies", or one that rules out a course
// rather than denies a statement ("ruled out a run"). (A party that says
// others should reject a result rejects it: that one stands.)
func (c *docIndex) notADenialMade(trigger, first int) bool {
	if t := strings.ToLower(c.words[trigger]); (t == "rule" || t == "ruled" || t == "rules" || t == "ruling") &&
		trigger+1 < len(c.words) && strings.EqualFold(c.words[trigger+1], "out") {
		return true
	}
	for k := trigger - 1; k >= first && k >= trigger-3; k-- {
		switch w := strings.ToLower(c.words[k]); {
		case w == "would" || w == "could" || w == "might" || w == "must" || w == "if" || w == "unless" || w == "whether":
			return true
		case w == "to" && k == trigger-1:
			return true // "refused to disavow", "sought to quash", "a mistake to rule out": asked, tried or declined, not made
		}
	}
	return false
}

// hedged reports a statement that opens under a modal of possibility
// ("could raise new questions"): it asserts nothing to deny.
func (c *docIndex) hedged(a statement) bool {
	for k := a.first; k < a.end && k < a.first+3; k++ {
		if w := strings.ToLower(c.words[k]); w == "could" || w == "might" || w == "may" {
			return true
		}
	}
	return false
}

// rejectsClaimNoun reports a rejection whose object is a claim noun
// ("rejected the claims", "rejects Trump's remarks"), not a refusal to do
// something about one ("refusing to recant earlier remarks").
func (c *docIndex) rejectsClaimNoun(trigger, end int) bool {
	k := c.claimNounAfter(trigger+1, end)
	if k < 0 || k > trigger+5 {
		return false
	}
	for j := trigger + 1; j < k; j++ {
		if strings.EqualFold(c.words[j], "to") || c.isVerbish(j) && c.ref[j].entity == "" {
			return false
		}
	}
	return true
}

// inApposition reports a denier named in the denial's sentence only inside
// another person's apposition ("Patricia Smith, mother of victim Sean
// Smith, rejected the claim"): the event stage took the wrong name.
func (c *docIndex) inApposition(actor string, first, trigger int) bool {
	named := false
	for k := first; k < trigger; k++ {
		if c.ref[k].entity != actor || k > first && c.ref[k-1].entity == actor {
			continue
		}
		named = true
		if !c.afterLink(k, first) {
			return false
		}
	}
	return named
}

// afterLink reports a name at token k inside an apposition: a preposition
// within the four words before it that follows a comma and a noun or two
// (", mother of Benghazi victim Y").
func (c *docIndex) afterLink(k, first int) bool {
	for j := k - 1; j >= first && j >= k-4; j-- {
		w := strings.ToLower(c.words[j])
		if appositionLinks[w] {
			// in an apposition ("X, mother of Y"), not "officials from Y"
			return j-2 >= first && (c.words[j-2] == "," || j-3 >= first && c.words[j-3] == ",")
		}
		if (w == "a" || w == "an") && j-1 >= first && (c.words[j-1] == "," || j-2 >= first && c.words[j-2] == ",") {
			return true // "X, (now) a paid Y commentator,"
		}
		if !isLowerWord(w) && c.ref[j].entity == "" && !isCapitalised(c.words[j]) {
			return false
		}
	}
	return false
}

func isCapitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

var appositionLinks = set(`of for to with by from`)

// opinionOfFact reports a falsity adjective said of a fact rather than of a
// statement: "It is absurd that you had 400 ...".
func (c *docIndex) opinionOfFact(k int) bool {
	return k+1 < len(c.words) && strings.EqualFold(c.words[k+1], "that") && k >= 2 && copulas[strings.ToLower(c.words[k-1])] &&
		strings.EqualFold(c.words[k-2], "it") || k+1 < len(c.words) && strings.EqualFold(c.words[k+1], "that") && k >= 1 &&
		(strings.EqualFold(c.words[k-1], "it's") || strings.EqualFold(c.words[k-1], "it’s"))
}
