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
	trigger int    // token of the denying word
	denies  string // the quote or event the event stage linked the denial to, or ""
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
		a, ok := answered(c, d, stmts)
		a.speaker, d.speaker = c.party(a.speaker), c.party(d.speaker)
		if !ok || a.speaker == d.speaker || c.typeOf(a.speaker) == "" {
			continue
		}
		key := pairKey(a.speaker, d.speaker)
		if seen[key] {
			continue
		}
		seen[key] = true
		subject := a.accused
		if subject == "" {
			subject = s.statementSubject(c, a, d.speaker)
		}
		pred := s.statementPredicate(c, a)
		rid := fmt.Sprintf("C%d", firstID+len(claims))
		did := fmt.Sprintf("C%d", firstID+len(claims)+1)
		report := news.Claim{ID: rid, Speaker: a.speaker, Polarity: "affirm", Stance: StanceReport, Subject: subject,
			Predicate: pred, Quote: a.quote, Event: a.event, Word: pred, SpeakerName: c.name(a.speaker),
			SubjectName: c.name(subject), Evidence: a.span}
		deny := news.Claim{ID: did, Speaker: d.speaker, Polarity: "deny", Stance: StanceDeny, Subject: subject,
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
		if q.Speaker == "" || q.Kind == "partial" {
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
		if ev.Type != "DENY" && !(ev.Type == "REJECT" && c.claimNounAfter(first+1, sent.EndToken) >= 0) || c.deniesAParty(first) ||
			c.notADenialMade(first, sent.FirstToken) {
			continue
		}
		out = append(out, denial{statement: statement{speaker: ev.Actor, event: ev.ID, span: sent.Span,
			first: sent.FirstToken, end: sent.EndToken}, trigger: first, denies: ev.Denies})
	}
	for _, q := range c.doc.Quotes {
		if q.Speaker == "" || q.Kind == "partial" {
			continue
		}
		first, end := c.tokensIn(q.Span)
		k := -1
		if denialCues[strings.ToLower(q.Cue)] {
			k = first
		}
		for i := first; i < end && k < 0; i++ {
			if falsityWords[strings.ToLower(c.words[i])] && !c.negatedAt(max(first, i-3), i) && c.callsUntrue(i, first) {
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

// answered finds what denial d answers: the owner of the claim noun it
// names ("rejected India's claim", "the baseless Indian allegations",
// "the report by Amnesty International"); else an accusation against the
// denier; else the nearest statement of another party that shares words
// with the denial.
func answered(c *docIndex, d denial, stmts []statement) (statement, bool) {
	if k := c.claimNounAfter(d.trigger, d.end); k >= 0 {
		if o := c.ownerOf(k, d.first, d.end); o != "" && o != d.speaker {
			sent := c.sentenceOf(k)
			return statement{speaker: o, span: sent.Span, first: sent.FirstToken, end: sent.EndToken, noun: c.words[k]}, true
		}
	}
	if d.denies != "" {
		for _, a := range stmts {
			if (a.quote == d.denies || a.event == d.denies) && a.speaker != d.speaker {
				return a, true
			}
		}
	}
	for i := len(stmts) - 1; i >= 0; i-- {
		a := stmts[i]
		if a.span.Start < d.span.Start && a.accused == d.speaker && a.speaker != d.speaker {
			return a, true
		}
	}
	dw := c.contentWords(d.first, d.end)
	best, bestScore := -1, 0
	for i, a := range stmts {
		if a.speaker == d.speaker || a.span.Start == d.span.Start || overlaps(a.span, d.span) ||
			abs(a.span.Start-d.span.Start) > maxAnswerDistance {
			continue
		}
		score := 0
		if a.words == nil {
			stmts[i].words = c.contentWords(a.first, a.end)
			a.words = stmts[i].words
		}
		for w := range a.words {
			if dw[w] {
				score++
			}
		}
		if score < minSharedWords {
			continue
		}
		// an earlier statement is what a denial usually answers
		score *= 2
		if a.span.Start < d.span.Start {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return statement{}, false
	}
	return stmts[best], true
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
		if w == "'s" || w == "’s" {
			continue
		}
		if !isLowerWord(w) || determiners[w] {
			break
		}
	}
	for j := k + 1; j < hi && j <= k+5; j++ {
		w := strings.ToLower(c.words[j])
		if w == "by" || w == "from" || w == "of" {
			for n := j + 1; n < hi && n <= j+3; n++ {
				if r := c.ref[n]; r.entity != "" {
					return r.entity
				}
			}
			return ""
		}
		if !isLowerWord(w) {
			return ""
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
				if claimNouns[x] || demonstratives[x] || x == "it" || x == "it's" || x == "that's" {
					return true
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

// notADenialMade reports a denial that is declined or imagined rather than
// made: "declined to rule out", "would deny", "if he denies". (A party that
// urges others to reject a result rejects it: that one stands.)
func (c *docIndex) notADenialMade(trigger, first int) bool {
	for k := trigger - 1; k >= first && k >= trigger-3; k-- {
		switch w := strings.ToLower(c.words[k]); {
		case w == "would" || w == "could" || w == "might" || w == "if" || w == "unless" || w == "whether":
			return true
		case w == "to" && k > first && declineVerbs[strings.ToLower(c.words[k-1])]:
			return true
		}
	}
	return false
}

var declineVerbs = set(`declined declines decline failed fails hesitated`)
