package link

import (
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// repairMentions fixes two boundary errors NER makes on news copy, by
// rules that hold for any article:
//   - a title inside a non-person span ("Balochistan Home Secretary Akbar
//     Hussain Durrani" tagged ORG) splits into the jurisdiction before the
//     title (a place), the title, and the person after it;
//   - a name cut short of the form the alias table knows ("Islamic" +
//     "State") is extended to that form.
func (s *Stage) repairMentions(a *analysis, ms []nameMention) []nameMention {
	known := make(map[string]string, len(ms)) // name key -> NER type, of every mention
	for _, m := range ms {
		known[m.key] = m.typ
	}
	a.markHeadlines(ms)
	body := a.bodyNames(ms)
	out := make([]nameMention, 0, len(ms))
	for _, m := range ms {
		if calendarWords[m.key] {
			continue // "Wednesday", "September": dates, not names
		}
		if news.PronounUS(a.doc.Text, m.span) {
			continue // "maybe it's US": the pronoun, not the country
		}
		if a.titleCased(m.first) {
			var ok bool
			if m, ok = s.confirmHeadlineName(a, m, body); !ok {
				continue
			}
		}
		if a.commonNounAcronym(m) {
			m.typ = news.TypeMISC // "a blue SUV": a thing, not an organisation
		}
		m = a.trimSpeechVerb(m)
		m = a.trimTimePhrase(m)
		for _, part := range a.splitAtAnd(m, known) {
			part.typ = retypeNonPerson(a.words[part.first:part.end], part.typ) // a half takes the type of a known name
			out = append(out, a.splitAtTitle(part)...)
		}
	}
	for i := range out {
		s.extendToAlias(a, out, i)
		a.extendAfterTitle(out, i)
		a.extendPersonName(out, i)
	}
	return a.retypeByCue(joinFeatureOf(a, joinCountryInstitution(a, joinPlaceOrganisation(a, joinAdjacentPeople(a, dropOverlaps(out))))))
}

// orgCueNouns, written in lower case right before a name (or before
// "called", "named" or "known as" and the name), say that the name is an
// organisation's: "rights group B'Tselem", "car giants Honda", "news
// agency Anadolu", "a network known as “Foxtrot”".
var orgCueNouns = set(`group groups gang gangs militia faction outfit network agency company companies firm firms carmaker carmakers automaker automakers
	giant giants newspaper broadcaster channel outlet party parties movement organisation organization charity
	charities website insurer insurers lender lenders retailer retailers manufacturer manufacturers airline airlines`)

// orgCueAfter, in lower case right after a name, say the same: "Shafaq
// news website", "Dawn newspaper".
var orgCueAfter = set(`newspaper website broadcaster`)

// spokesNouns followed by "for" name whom the spokesperson speaks for.
var spokesNouns = set(`spokesman spokeswoman spokesperson`)

// retypeByCue makes a person or MISC name an organisation when the words
// around it say so (see orgCueNouns, orgCueAfter; "a spokeswoman for
// Mazda" for a one-word name), and so are the names listed after such a
// name with only commas and "and" between ("car giants Honda, Mazda and
// Nissan"). A name that the cue made an organisation counts as a
// multi-word name in its entity's type vote.
func (a *analysis) retypeByCue(ms []nameMention) []nameMention {
	listed := -1 // the end of the last cued name, for the names listed after it
	for i := range ms {
		m := &ms[i]
		if m.typ != news.TypePER && a.personCue(*m) {
			m.typ, m.cued = news.TypePER, true
			listed = -1
			continue
		}
		before, after := a.orgCue(*m)
		if !before && !after && (listed < 0 || !a.onlyListWords(listed, m.first)) {
			listed = -1
			continue
		}
		listed = m.end
		if m.typ == news.TypePER || m.typ == news.TypeMISC || after && m.typ == news.TypeLOC {
			m.typ, m.cued = news.TypeORG, true
		}
	}
	return ms
}

// personRoles, in lower case right before a capitalised name, say that
// the name is a person's: "local police officer Kamal said", "Taliban
// spokesman Zabihullah Mujahid". Only nouns that stand for a person and
// never modify another noun as an adjective would ("chief", "leader" or
// "general" do: "chief Taliban negotiator").
var personRoles = set(`officer spokesman spokeswoman spokesperson minister secretary senator governor ambassador
	commander mayor judge envoy commissioner prosecutor lawmaker correspondent reporter activist analyst
	cleric imam inspector superintendent constable policeman soldier journalist lawyer`)

// personCue reports whether the word right before m, in its sentence, is
// a lower-case personRoles noun, and m's name does not end in an
// organisation's head noun.
func (a *analysis) personCue(m nameMention) bool {
	p := m.first - 1
	last := strings.ToLower(m.words[len(m.words)-1])
	return p >= a.doc.Sentences[a.sentOf[m.first]].FirstToken && isLowerWord(a.words[p]) && personRoles[a.words[p]] &&
		!organisationEnds[last] && !institutionHeads[last] // "activist Chicago Teachers Union" stays a union
}

// orgCue reports whether the words before m (before) or after it
// (after) say it names an organisation.
func (a *analysis) orgCue(m nameMention) (before, after bool) {
	sentFirst := a.doc.Sentences[a.sentOf[m.first]].FirstToken
	if p := m.first - 1; p >= sentFirst && isLowerWord(a.words[p]) && orgCueNouns[a.words[p]] {
		before = true
	}
	if p := m.first - 2; len(m.words) == 1 && p >= sentFirst && a.words[p+1] == "for" && spokesNouns[strings.ToLower(a.words[p])] {
		before = true
	}
	// "a network called X", "a gang known as “X”": the cue noun before
	// "called", "named" or "known as", and an opening quote mark.
	if p := a.skipQuote(m.first-1, sentFirst); p-2 >= sentFirst {
		noun := p - 2
		if a.words[p-1] == "as" && a.words[p-2] == "known" {
			noun = p - 3
		} else if a.words[p-1] != "called" && a.words[p-1] != "named" {
			noun = -1
		}
		if noun >= sentFirst && orgCueNouns[a.words[noun]] {
			before = true
		}
	}
	if n := m.end; n < len(a.words) && a.sentOf[n] == a.sentOf[m.first] {
		w := a.words[n]
		after = orgCueAfter[w] || w == "news" && n+1 < len(a.words) && (a.words[n+1] == "agency" || orgCueAfter[a.words[n+1]])
	}
	return before, after
}

// skipQuote returns i+1, the token after which a name begins, moved left
// over an opening quotation mark at i (“Foxtrot”): the index of the first
// token before the name that is not a quotation mark, plus one.
func (a *analysis) skipQuote(i, sentFirst int) int {
	for i >= sentFirst && isQuoteMark(a.words[i]) {
		i--
	}
	return i + 1
}

// isQuoteMark reports whether w is a quotation mark.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// onlyListWords reports whether the tokens from..to (exclusive) are only
// commas and "and", at least one, within one sentence.
func (a *analysis) onlyListWords(from, to int) bool {
	if to <= from || a.sentOf[from] != a.sentOf[to] {
		return false
	}
	for _, w := range a.words[from:to] {
		if w != "," && w != "and" {
			return false
		}
	}
	return true
}

// joinFeatureOf makes a feature head, "of" and the place name after it
// one place, whether NER tagged the head apart or not at all: "[Gulf] of
// [Aden]" and "Gulf of [Aden]" -> "Gulf of Aden", a sea, not the city.
func joinFeatureOf(a *analysis, ms []nameMention) []nameMention {
	out := ms[:0]
	for _, m := range ms {
		h := m.first - 2
		if h < 0 || a.words[m.first-1] != "of" || !featureHeads[strings.ToLower(a.words[h])] || !isCapitalised(a.words[h]) ||
			a.sentOf[h] != a.sentOf[m.first] || m.typ == news.TypePER {
			out = append(out, m)
			continue
		}
		n := len(out)
		head := n > 0 && out[n-1].first == h && out[n-1].end == h+1 // NER tagged the head alone
		if n > 0 && out[n-1].end > h && !head {
			out = append(out, m) // the head belongs to another name
			continue
		}
		joined, ok := a.cleanMention(h, m.end, news.TypeLOC)
		if !ok {
			out = append(out, m)
			continue
		}
		if head {
			out[n-1] = joined
		} else {
			out = append(out, joined)
		}
	}
	return out
}

// institutionNouns follow a country or its demonym to name one of its
// institutions: "Pakistan army", "the Israeli military", "Afghan police".
var institutionNouns = set(`army military navy police`)

// joinCountryInstitution makes a place or demonym name followed by an
// institution noun one organisation ("[Pakistan] army said" -> "Pakistan
// army"): the institution, not the country, is who acts and speaks.
func joinCountryInstitution(a *analysis, ms []nameMention) []nameMention {
	for i, m := range ms {
		k := m.end
		if m.typ != news.TypeLOC && m.typ != news.TypeMISC || k >= len(a.words) || a.sentOf[k] != a.sentOf[m.first] ||
			!institutionNouns[strings.ToLower(a.words[k])] || a.doc.Tokens[k].Start-a.doc.Tokens[k-1].End != 1 ||
			i+1 < len(ms) && ms[i+1].first <= k {
			continue
		}
		if joined, ok := a.cleanMention(m.first, k+1, news.TypeORG); ok {
			ms[i] = joined
		}
	}
	return ms
}

// joinPlaceOrganisation joins a place and the organisation name right
// after it, with only a space between, into one organisation: NER splits
// "[United States] [Institute of Peace]" and "[Pakistan] [Army]" at the
// place name that begins the organisation's name.
func joinPlaceOrganisation(a *analysis, ms []nameMention) []nameMention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].typ == news.TypeLOC && m.typ == news.TypeORG && out[n-1].end == m.first &&
			a.doc.Tokens[m.first].Start-a.doc.Tokens[m.first-1].End == 1 && a.sentOf[m.first] == a.sentOf[m.first-1] {
			if joined, ok := a.cleanMention(out[n-1].first, m.end, news.TypeORG); ok {
				out[n-1] = joined
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// extendAfterTitle grows a person's name leftwards over capitalised words
// NER left untagged between it and a title: "Home Secretary [Akbar]
// [Hussain Durrani]" is one name after the title.
func (a *analysis) extendAfterTitle(ms []nameMention, i int) {
	m := &ms[i]
	if m.typ != news.TypePER {
		return
	}
	first := m.first
	for first > 0 && isCapitalised(a.words[first-1]) && !isTitleHead(a.words[first-1]) && !isTitleModifier(a.words[first-1]) &&
		(i == 0 || ms[i-1].end < first) && first-1 >= a.doc.Sentences[a.sentOf[m.first]].FirstToken+1 {
		first--
	}
	if first == m.first || first == 0 || !isTitleHead(a.words[first-1]) {
		return
	}
	if grown, ok := a.cleanMention(first, m.end, news.TypePER); ok {
		*m = grown
	}
}

// joinAdjacentPeople joins person mentions that touch with nothing
// between them: NER sometimes splits one name in two ("Akbar" "Hussain
// Durrani").
func joinAdjacentPeople(a *analysis, ms []nameMention) []nameMention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].typ == news.TypePER && m.typ == news.TypePER && out[n-1].end == m.first &&
			a.doc.Tokens[m.first].Start-a.doc.Tokens[m.first-1].End <= 1 {
			if joined, ok := a.cleanMention(out[n-1].first, m.end, news.TypePER); ok {
				joined.innerTitleFrom, joined.innerTitleTo = out[n-1].innerTitleFrom, out[n-1].innerTitleTo
				out[n-1] = joined
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday
	january february march april june july august september october november december`)

// markHeadlines finds the sentences written in headline title case: at
// least three words of three letters or more outside the NER names (not
// the first word, not title words), nearly all of them capitalised. NER
// finds names everywhere in such a line.
func (a *analysis) markHeadlines(ms []nameMention) {
	inMention := make([]bool, len(a.words))
	for _, m := range ms {
		for i := m.first; i < m.end; i++ {
			inMention[i] = true
		}
	}
	a.headline = make([]bool, len(a.doc.Sentences))
	for si, sent := range a.doc.Sentences {
		words, capital := 0, 0
		for k := sent.FirstToken + 1; k < sent.EndToken; k++ {
			w := a.words[k]
			if inMention[k] || len(w) < 3 || !hasLetterOrDigit(w) || isTitleHead(w) || isTitleModifier(w) {
				continue
			}
			words++
			if isCapitalised(w) {
				capital++
			}
		}
		a.headline[si] = words >= 3 && capital*10 >= words*8
	}
}

func (a *analysis) titleCased(i int) bool { return a.headline[a.sentOf[i]] }

// bodyNames are the name keys used outside title-cased lines, with the
// surnames of people's full names.
func (a *analysis) bodyNames(ms []nameMention) map[string]bool {
	body := map[string]bool{}
	for _, m := range ms {
		if a.titleCased(m.first) {
			continue
		}
		body[m.key] = true
		if m.typ == news.TypePER && len(m.words) >= 2 {
			body[m.words[len(m.words)-1]] = true
		}
	}
	return body
}

// confirmHeadlineName keeps a name found in a title-cased line only as far
// as the body (or the alias table) confirms it: the longest run of its
// words that is a known name.
func (s *Stage) confirmHeadlineName(a *analysis, m nameMention, body map[string]bool) (nameMention, bool) {
	for n := m.end - m.first; n >= 1; n-- {
		for first := m.first; first+n <= m.end; first++ {
			c, ok := a.cleanMention(first, first+n, m.typ)
			if ok && (body[c.key] || s.aliases.group(c.key) >= 0) {
				return c, true
			}
		}
	}
	return m, false
}

// trimSpeechVerb drops a capitalised speech verb that a headline's title
// case glued to a name ("Lindsey Graham Says").
func (a *analysis) trimSpeechVerb(m nameMention) nameMention {
	if m.end-m.first < 2 || !speechVerbs[strings.ToLower(a.words[m.end-1])] {
		return m
	}
	if t, ok := a.cleanMention(m.first, m.end-1, m.typ); ok {
		return t
	}
	return m
}

// trimTimePhrase drops a time phrase NER glued to the end of a name: "the
// World Health Organization on Wednesday", "Foreign Office on Saturday",
// "Kabul last week". A name never ends in a weekday or month after a
// lower-case preposition or "last"/"this"/"next".
func (a *analysis) trimTimePhrase(m nameMention) nameMention {
	for k := m.first + 1; k < m.end-1; k++ {
		w := strings.ToLower(a.words[k])
		if !timePrepositions[w] || !calendarWords[strings.ToLower(a.words[k+1])] || a.words[k] != w {
			continue
		}
		if t, ok := a.cleanMention(m.first, k, m.typ); ok {
			return t
		}
		return m
	}
	return m
}

var timePrepositions = set(`on last this next since until by in`)

// splitAtAnd splits "Jeb Bush and Rand Paul" into two names when the
// article also uses one of the halves on its own; a name that merely
// contains "and" ("Bosnia and Herzegovina") stays whole.
func (a *analysis) splitAtAnd(m nameMention, known map[string]string) []nameMention {
	for k := m.first + 1; k < m.end-1; k++ {
		if w := a.words[k]; w != "and" && w != "&" {
			continue
		}
		left, okL := a.cleanMention(m.first, k, m.typ)
		right, okR := a.cleanMention(k+1, m.end, m.typ)
		if !okL || !okR {
			continue
		}
		tl, inL := knownName(known, left)
		tr, inR := knownName(known, right)
		if !inL && !inR {
			continue
		}
		if inL {
			left.typ = tl
		}
		if inR {
			right.typ = tr
		}
		if !inL && inR {
			left.typ = tr
		}
		if inL && !inR {
			right.typ = tl
		}
		return []nameMention{left, right}
	}
	return []nameMention{m}
}

// knownName looks a name up among the article's other mentions, by its
// whole key or, for a person's full name, by its surname alone.
func knownName(known map[string]string, m nameMention) (string, bool) {
	if t, ok := known[m.key]; ok {
		return t, true
	}
	if len(m.words) >= 2 {
		if t, ok := known[m.words[len(m.words)-1]]; ok && t == news.TypePER {
			return t, true
		}
	}
	return "", false
}

// splitAtTitle splits a non-person mention holding "TITLE Name Name".
func (a *analysis) splitAtTitle(m nameMention) []nameMention {
	if m.typ == news.TypePER {
		return []nameMention{m}
	}
	w := a.words
	for k := m.first; k < m.end; k++ {
		if !isTitleHead(w[k]) || !isCapitalised(w[k]) {
			continue
		}
		titleStart := k
		for titleStart > m.first && isTitleModifier(w[titleStart-1]) && isCapitalised(w[titleStart-1]) {
			titleStart--
		}
		nameWordsCount := m.end - k - 1
		if nameWordsCount < 1 || (nameWordsCount < 2 && titleStart == k) || !nameLike(w[k+1:m.end]) {
			return []nameMention{m}
		}
		var parts []nameMention
		if titleStart > m.first {
			if p, ok := a.cleanMention(m.first, titleStart, news.TypeLOC); ok {
				parts = append(parts, p)
			}
		}
		if p, ok := a.cleanMention(titleStart, m.end, news.TypePER); ok {
			parts = append(parts, p)
		}
		return parts
	}
	return []nameMention{m}
}

// nameParticles are the lower-case words inside people's names ("Bill de
// Blasio", "Yousaf al Salafi", "Osama bin Laden").
var nameParticles = set(`de da di del della der den van von al el bin ibn ul ud la le du dos das`)

// nameLike reports whether ws could be a person's name: capitalised words,
// with lower-case particles between them.
func nameLike(ws []string) bool {
	if len(ws) == 0 || !isCapitalised(ws[0]) || !isCapitalised(ws[len(ws)-1]) {
		return false
	}
	for _, w := range ws {
		if !isCapitalised(w) && !nameParticles[w] {
			return false
		}
	}
	return true
}

func allCapitalised(ws []string) bool {
	for _, w := range ws {
		if !isCapitalised(w) {
			return false
		}
	}
	return len(ws) > 0
}

// extendToAlias grows mention i by up to two capitalised words on either
// side when the longer name is in the alias table and the shorter is not.
func (s *Stage) extendToAlias(a *analysis, ms []nameMention, i int) {
	m := &ms[i]
	if s.aliases.group(m.key) >= 0 {
		return
	}
	for _, d := range [][2]int{{0, 1}, {0, 2}, {-1, 0}, {-1, 1}} {
		first, end := m.first+d[0], m.end+d[1]
		if first < 0 || end > len(a.words) {
			continue
		}
		if added := append(append([]string{}, a.words[first:m.first]...), a.words[m.end:end]...); !allCapitalised(added) {
			continue
		}
		text := a.span(first, end).Of(a.doc.Text)
		if s.aliases.group(names.Key(text)) < 0 {
			continue
		}
		grown, ok := a.cleanMention(first, end, m.typ)
		if ok {
			grown.typ = s.aliases.entries[s.aliases.group(grown.key)].Type
			*m = grown
		}
		return
	}
}

// dropOverlaps keeps the first of any mentions that overlap after repair.
func dropOverlaps(ms []nameMention) []nameMention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.first < out[n-1].end {
			if m.end-m.first > out[n-1].end-out[n-1].first {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// arabicParticle matches a name part that NER leaves outside a person's
// name: "al-Askari", "bin-Laden" ("Abu Ali [al-Askari]").
var arabicParticle = regexp.MustCompile(`^(?i:al|el|ad|as|ash|ul|ud|bin|ibn)-\p{Lu}`)

// extendPersonName grows a person's name over the parts NER left out: an
// "al-X" part right after it, and one capitalised word right before it
// after a speech verb ("said [Shah] Mahmmod Nahimi": an inverted
// attribution names a person whole).
func (a *analysis) extendPersonName(ms []nameMention, i int) {
	m := &ms[i]
	if m.typ != news.TypePER {
		return
	}
	first, end := m.first, m.end
	if end < len(a.words) && arabicParticle.MatchString(a.words[end]) && a.sentOf[end] == a.sentOf[m.first] &&
		(i+1 == len(ms) || ms[i+1].first > end || ms[i+1].first == end && ms[i+1].end == end+1) &&
		a.doc.Tokens[end].Start-a.doc.Tokens[end-1].End == 1 {
		// the part alone, if NER tagged it, is dropped as overlapping
		end++
	}
	if k := first - 1; k > 0 && isCapitalised(a.words[k]) && !isTitleHead(a.words[k]) && !isTitleModifier(a.words[k]) &&
		!calendarWords[strings.ToLower(a.words[k])] && (i == 0 || ms[i-1].end <= k) && a.sentOf[k] == a.sentOf[m.first] &&
		speechVerbs[strings.ToLower(a.words[k-1])] {
		first = k
	}
	if first == m.first && end == m.end {
		return
	}
	if grown, ok := a.cleanMention(first, end, news.TypePER); ok {
		*m = grown
	}
}
