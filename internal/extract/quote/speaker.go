package quote

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// window bounds, in tokens either side of a cue, where hedges and
// anonymity phrases are looked for (sentences of junk text can be long).
const window = 60

// Sourcing values of the article contract.
const (
	SourcingNamed        = news.SourcingNamed
	SourcingAnonymous    = news.SourcingAnonymous
	SourcingUnattributed = news.SourcingUnattributed
)

// ref is one entity mention, by its entity's index in Doc.Entities.
type ref struct {
	news.Mention
	ent int
}

// speakers resolves subjects to entities: first through the mentions that
// the entity stages put on the subject's span, then by the stage's own
// fallbacks (names, titles, pronoun salience).
type speakers struct {
	w      *doc
	refs   []ref // every mention, by start
	gender map[int]byte
	// maxLen is the longest mention in bytes, to find overlapping mentions
	// by binary search.
	maxLen int
	// byID maps entity ids to their index in Doc.Entities.
	byID map[string]int
	// entsByWord lists, per lower-case name word, the entities with a name
	// or alias holding it; refsOf lists each entity's refs (indexes into
	// refs, in text order).
	entsByWord map[string][]int
	refsOf     map[int][]int
	// titled maps a normalised title to the refs it names, built on first
	// use (see byTitle).
	titled map[string][]int
}

func newSpeakers(w *doc) *speakers {
	s := &speakers{w: w, gender: map[int]byte{}, byID: map[string]int{}, entsByWord: map[string][]int{}, refsOf: map[int][]int{}}
	for ei, e := range w.d.Entities {
		s.byID[e.ID] = ei
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, f := range strings.Fields(normWord(n)) {
				if !seen[f] {
					seen[f] = true
					s.entsByWord[f] = append(s.entsByWord[f], ei)
				}
			}
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(w.text) || m.Start >= m.End {
				continue
			}
			s.refs = append(s.refs, ref{Mention: m, ent: ei})
			s.maxLen = max(s.maxLen, m.End-m.Start)
		}
	}
	sort.SliceStable(s.refs, func(a, b int) bool { return s.refs[a].Start < s.refs[b].Start })
	for i, r := range s.refs {
		s.refsOf[r.ent] = append(s.refsOf[r.ent], i)
	}
	return s
}

// firstRefFrom returns the index of the first ref that starts at or after
// off.
func (s *speakers) firstRefFrom(off int) int {
	return sort.Search(len(s.refs), func(i int) bool { return s.refs[i].Start >= off })
}

// nearestRef returns, of the given refs (indexes, in text order), the
// distance from pos of the nearest one before pos, or else of the nearest
// after it counted as 1<<20 more (a later mention only when no earlier one).
func (s *speakers) nearestRef(refIdx []int, pos int) int {
	k := sort.Search(len(refIdx), func(i int) bool { return s.refs[refIdx[i]].Start > pos })
	best := 1 << 30
	if k > 0 {
		best = pos - s.refs[refIdx[k-1]].Start
	}
	if k < len(refIdx) && best == 1<<30 {
		best = s.refs[refIdx[k]].Start - pos + 1<<20
	}
	return best
}

// resolve fills the speaker, speaker mention, sourcing and hedging of every
// quote, in text order (a pronoun looks back at the speakers before it).
func (s *speakers) resolve(cands []*cand) {
	w := s.w
	for ci, c := range cands {
		c.hedged = s.hedged(c)
		if c.inherit != nil {
			c.speaker, c.mention, c.sourcing = c.inherit.speaker, c.inherit.mention, c.inherit.sourcing
			continue
		}
		a := c.attr
		if !a.ok || a.subA >= a.subB {
			c.sourcing = SourcingUnattributed
			continue
		}
		sp := w.span(a.subA, a.subB)
		m := &news.Mention{Span: sp, Text: sp.Of(w.text), Kind: news.MentionNominal}
		ent := -1
		switch {
		case a.subB-a.subA == 1 && w.lx.has("pronoun", w.low[a.subA]):
			m.Kind = news.MentionPronoun
			if ent = s.overlapping(a.subA, a.subB, a.cueA < a.subA); ent < 0 {
				ent = s.pronoun(cands, ci)
			} else if s.lastMentionOblique(ent, a.subA) {
				// the link stage gave the pronoun a person named only as the
				// object of a preposition ("the imprisonment of Jacob Zuma,
				// he said"): the salient person wins when there is one
				if p := s.pronoun(cands, ci); p >= 0 {
					ent = p
				}
			}
			if ent < 0 && w.low[a.subA] == "it" {
				ent = s.organisationPronoun(cands, ci)
			}
		case w.low[a.subA] == "who" && a.subB-a.subA == 1:
			m.Kind = news.MentionPronoun
			k := a.subA - 1
			for k >= 0 && w.low[k] == "," {
				k--
			}
			if k >= 0 {
				ent = s.overlapping(k, k+1, false)
			}
		default:
			p, placeRole := s.byPlaceRole(a.subA, a.subB)
			ent = p
			if !placeRole {
				ent = s.bySubject(a.subA, a.subB, a.cueA < a.subA)
			}
			if ent < 0 {
				ent = s.statementAuthor(cands, ci)
			}
			if s.hasName(a.subA, a.subB) {
				m.Kind = news.MentionName
			}
		}
		c.mention = m
		switch {
		case s.anonymous(c):
			c.sourcing = SourcingAnonymous
		case ent >= 0:
			c.sourcing = SourcingNamed
			c.speaker = w.d.Entities[ent].ID
			m.Type = w.d.Entities[ent].Type
		case m.Kind == news.MentionName || m.Kind == news.MentionPronoun || w.low[a.subA] == "the":
			c.sourcing = SourcingNamed
		default:
			c.sourcing = SourcingAnonymous
		}
	}
}

// bySubject resolves a subject [a, b) by what it says: a unit of an
// organisation, an entity mentioned on it, a name, a title, an
// organisation's role noun, in that order; -1 when none.
func (s *speakers) bySubject(a, b int, inverted bool) int {
	for _, f := range []func() int{
		func() int { return s.unitOf(a, b) },
		func() int { return s.overlapping(a, b, inverted) },
		func() int { return s.byName(a, b) },
		func() int { return s.byTitle(a, b) },
		func() int { return s.byRole(a, b) },
	} {
		if ent := f(); ent >= 0 {
			return ent
		}
	}
	return -1
}

// head returns the head part of subject [a, b): before an appositive comma.
func (s *speakers) head(a, b int) (int, int) {
	for k := a + 1; k < b; k++ {
		if s.w.low[k] == "," {
			return a, k
		}
	}
	return a, b
}

// overlapping returns the entity with a mention on subject [a, b), or -1.
// Persons come before organisations and other types, the head of the
// subject (its end, or its start when it follows the verb) before its
// modifiers, and a possessor ("Clinton's campaign") last.
func (s *speakers) overlapping(a, b int, inverted bool) int {
	w := s.w
	ha, hb := s.head(a, b)
	best, bestScore := -1, -1
	for _, part := range [][2]int{{ha, hb}, {a, b}} {
		sp := w.span(part[0], part[1])
		for _, r := range s.refs[s.firstRefFrom(sp.Start-s.maxLen):] {
			if r.Start >= sp.End {
				break
			}
			if r.End <= sp.Start {
				continue
			}
			score := 0
			switch w.d.Entities[r.ent].Type {
			case news.TypePER:
				score = 300
			case news.TypeORG:
				score = 200
			default:
				score = 100
			}
			if k := w.tokenAt(r.End); k < len(w.toks) && w.toks[k].Start >= r.End && (w.low[k] == "'s" || w.low[k] == "'") {
				score -= 150
			}
			if r.Kind == news.MentionPronoun && part[1]-part[0] > 1 {
				score -= 250 // "his main rival Bobi Wine": the possessive is a modifier
			}
			if inverted {
				score += 50 - min(50, (r.Start-sp.Start)/4)
			} else {
				score += 50 - min(50, (sp.End-r.End)/4)
			}
			if score > bestScore {
				best, bestScore = r.ent, score
			}
		}
		if best >= 0 && (w.d.Entities[best].Type == news.TypePER || part[0] != ha || part[1] != hb) {
			return best
		}
		if best >= 0 {
			// "a PKK spokesman, Serhet Varto": a role phrase before the
			// person it describes speaks through that person
			if p := s.appositivePerson(hb, b); p >= 0 {
				return p
			}
			return best
		}
	}
	return -1
}

// appositivePerson returns the person named right after the comma at token
// c, within the subject's end b, or -1.
func (s *speakers) appositivePerson(c, b int) int {
	w := s.w
	if c >= b || w.low[c] != "," || c+1 >= b {
		return -1
	}
	start := w.toks[c+1].Start
	for _, r := range s.refs[s.firstRefFrom(start):] {
		if r.Start != start {
			break
		}
		if w.d.Entities[r.ent].Type == news.TypePER && r.Kind != news.MentionPronoun {
			return r.ent
		}
	}
	return -1
}

// hasName reports whether subject [a, b) holds a capitalised word that is
// not its first word (sentence case) or a proper-looking first word.
func (s *speakers) hasName(a, b int) bool {
	w := s.w
	for k := a; k < b; k++ {
		t := w.toks[k].Text
		if !isCapitalized(t) || isPunct(t) || w.lx.has("pronoun", w.low[k]) || determiners[w.low[k]] {
			continue
		}
		if k > a || !w.isSentenceStart(k) || !w.lx.has("anonymous", w.low[k]) && !timeWords[w.low[k]] {
			return true
		}
		if k+1 < b && isCapitalized(w.toks[k+1].Text) {
			return true
		}
	}
	return false
}

func (w *doc) isSentenceStart(k int) bool {
	if si := w.sentOf[k]; si >= 0 {
		return w.d.Sentences[si].FirstToken == k
	}
	return k == 0
}

// byName matches the capitalised words of a subject against the names,
// aliases and surnames of entities, nearest mention first.
func (s *speakers) byName(a, b int) int {
	w := s.w
	pos := w.toks[a].Start
	best, bestDist := -1, 1<<30
	for k := a; k < b; k++ {
		if !isCapitalized(w.toks[k].Text) || determiners[w.low[k]] {
			continue
		}
		for _, ei := range s.entsByWord[w.low[k]] {
			if d := s.nearestRef(s.refsOf[ei], pos); d < bestDist || (d == bestDist && ei < best) {
				best, bestDist = ei, d
			}
		}
	}
	return best
}

// byTitle resolves "the interior minister" to the person the article
// names with that title ("Interior Minister Chaudhry Nisar"), or whose
// entity lists it among its titles: the nearest such mention.
func (s *speakers) byTitle(a, b int) int {
	w := s.w
	if w.low[a] != "the" || b-a < 2 {
		return -1
	}
	title := w.words(a+1, b)
	for _, t := range title {
		if isPunct(t) {
			return -1
		}
	}
	want := joinLower(title)
	pos := w.toks[a].Start
	best, bestDist := -1, 1<<30
	for _, ri := range s.titledRefs(want) {
		r := s.refs[ri]
		d := pos - r.Start
		if d < 0 {
			d = -d + 1<<20
		}
		if d < bestDist || (d == bestDist && r.ent < best) {
			best, bestDist = r.ent, d
		}
	}
	return best
}

// titledRefs returns the refs (indexes, in text order) of non-place
// entities that a title names: the entity lists the title, or
// the title's words stand right before the mention ("Interior Minister
// <Chaudhry Nisar>") or open it ("<Interior Minister Chaudhry Nisar>").
// The index of every such phrase is built once per document.
func (s *speakers) titledRefs(want string) []int {
	if s.titled == nil {
		s.buildTitled()
	}
	return s.titled[want]
}

// maxTitleWords bounds the titles titledRefs knows by the words around a
// mention.
const maxTitleWords = 6

func (s *speakers) buildTitled() {
	w := s.w
	s.titled = map[string][]int{}
	for ri, r := range s.refs {
		e := w.d.Entities[r.ent]
		if e.Type == news.TypeLOC {
			continue // a title names a person (or, mistagged, an "organisation")
		}
		keys := map[string]bool{}
		for _, t := range e.Titles {
			keys[strings.Join(strings.Fields(normWord(t)), " ")] = true
		}
		k := w.tokenAt(r.Start)
		for n := 1; n <= maxTitleWords; n++ {
			if k-n >= 0 {
				keys[joinLower(w.words(k-n, k))] = true
			}
			if k+n <= len(w.low) && w.toks[k+n-1].End <= r.End {
				keys[joinLower(w.words(k, k+n))] = true
			}
		}
		for key := range keys {
			s.titled[key] = append(s.titled[key], ri)
		}
	}
}

// pronoun resolves a pronoun subject of cands[ci] with no entity mention on
// it: a person named earlier in the paragraph, else the last speaker of the
// previous paragraph (counted from where the quotation opens), else a
// person named as a speaker later in the same paragraph ("'...,' he said. '...,' Interior Minister Chaudhry Nisar
// said"), else the last person named in the three paragraphs before.
// Gender must agree where a first name, title or earlier pronoun tells.
func (s *speakers) pronoun(cands []*cand, ci int) int {
	w := s.w
	c := cands[ci]
	k := c.attr.subA
	g := pronounGender(w.low[k])
	if g == 0 {
		return -1
	}
	// a quotation over several paragraphs ("“...\n“...,” he said") is
	// attributed from the paragraph where it opens
	pos, para := w.toks[k].Start, min(w.paraOf[k], c.para)
	recent := func(minPara int) int {
		for i := s.firstRefFrom(pos) - 1; i >= 0; i-- {
			r := s.refs[i]
			ti := w.tokenAt(r.Start)
			if ti >= len(w.toks) || w.paraOf[ti] < minPara {
				break
			}
			if w.d.Entities[r.ent].Type != news.TypePER || w.quotedTok[ti] || r.Kind == news.MentionPronoun || s.oblique(ti) {
				continue
			}
			if s.agrees(r.ent, g) {
				return r.ent
			}
		}
		return -1
	}
	if e := recent(para); e >= 0 {
		return e
	}
	for p := ci - 1; p >= 0; p-- {
		prev := cands[p]
		if prev.para < para-1 {
			break
		}
		if prev.speaker == "" {
			continue
		}
		if e := s.entityIndex(prev.speaker); e >= 0 && w.d.Entities[e].Type == news.TypePER && s.agrees(e, g) {
			return e
		}
		break
	}
	for n := ci + 1; n < len(cands); n++ {
		next := cands[n]
		if next.para != para || !next.attr.ok || next.attr.subA >= next.attr.subB {
			continue
		}
		if e := s.overlapping(next.attr.subA, next.attr.subB, false); e >= 0 && w.d.Entities[e].Type == news.TypePER && s.agrees(e, g) &&
			!w.lx.has("pronoun", w.low[next.attr.subA]) {
			return e
		}
	}
	return recent(para - 3)
}

func (s *speakers) entityIndex(id string) int {
	if i, ok := s.byID[id]; ok {
		return i
	}
	return -1
}

func pronounGender(p string) byte {
	switch p {
	case "he", "him", "his":
		return 'm'
	case "she", "her", "hers":
		return 'f'
	}
	return 0
}

// agrees reports whether entity ei may be referred to by a pronoun of
// gender g: its first name, its titles and the word before its mentions
// ("Mr.", "Mrs.") decide; unknown agrees with both.
func (s *speakers) agrees(ei int, g byte) bool {
	eg, ok := s.gender[ei]
	if !ok {
		eg = s.entityGender(ei)
		s.gender[ei] = eg
	}
	return eg == 0 || eg == g
}

func (s *speakers) entityGender(ei int) byte {
	w := s.w
	e := w.d.Entities[ei]
	var words []string
	words = append(words, strings.Fields(normWord(e.Name))...)
	for _, t := range e.Titles {
		words = append(words, strings.Fields(normWord(t))...)
	}
	for _, m := range e.Mentions {
		if k := w.tokenAt(m.Start); k > 0 && k < len(w.toks) {
			words = append(words, w.low[k-1])
		}
		if f := strings.Fields(normWord(m.Text)); len(f) > 0 {
			words = append(words, f[0])
		}
	}
	male, female := 0, 0
	for _, x := range words {
		if w.lx.has("male", x) {
			male++
		}
		if w.lx.has("female", x) {
			female++
		}
	}
	switch {
	case male > female:
		return 'm'
	case female > male:
		return 'f'
	}
	return 0
}

// anonymous reports whether the quote's source goes unnamed: "sources
// said", "a senior official", "officials who spoke on condition of
// anonymity".
func (s *speakers) anonymous(c *cand) bool {
	w := s.w
	a := c.attr
	lo, hi := w.sentence(a.cueA)
	lo, hi = max(lo, a.cueA-window), min(hi, a.cueA+window)
	if w.lx.contains("anonymity", w.words(min(lo, a.subA), max(hi, a.subB))) {
		return true
	}
	ha, hb := s.head(a.subA, a.subB)
	for k := ha + 1; k < hb; k++ {
		t := w.low[k]
		if t == "who" || t == "familiar" || t == "close" || t == "with" || t == "for" || t == "of" || t == "from" ||
			t == "in" || t == "at" || t == "on" || t == "inside" || t == "within" || t == "involved" || t == "briefed" ||
			t == "knowledgeable" || t == "speaking" || t == "'s" || t == "(" {
			hb = k
			break
		}
	}
	if !w.lx.has("anonymous", w.low[hb-1]) {
		return false
	}
	for _, r := range s.refs {
		if r.Start >= w.toks[hb-1].End {
			break
		}
		if r.End > w.toks[ha].Start && w.d.Entities[r.ent].Type == news.TypePER {
			return false // "Trump adviser Kellyanne Conway" is named
		}
	}
	return true
}

// hedged reports hedging on the quote: a cue that only claims or alleges,
// or a hedge ("reportedly", "believed to") in its sentence outside the
// quoted words.
func (s *speakers) hedged(c *cand) bool {
	w := s.w
	a := c.attr
	if a.ok && a.cueA < a.cueB && w.lx.match("hedgecue", w.low, a.cueA) > 0 {
		return true
	}
	center := a.cueA
	if !a.ok || center >= len(w.toks) {
		center = w.tokenAt(c.start())
		if center >= len(w.toks) {
			return false
		}
	}
	lo, hi := w.sentence(center)
	lo, hi = max(lo, center-window), min(hi, center+window)
	for k := lo; k < hi; k++ {
		if w.quotedTok[k] {
			continue
		}
		if n := w.lx.match("hedge", w.low, k); n > 0 {
			return true
		}
	}
	return false
}

// roleWindow is how many paragraphs back a role noun ("the company") or
// "it" looks for the organisation it refers to.
const roleWindow = 3

// byRole resolves a subject whose head is an organisation noun ("the
// company", "the UN agency", "the ministry") to the organisation the
// article named last before it, within roleWindow paragraphs: one whose
// name holds the head word first ("the commission": "Election
// Commission"), else the nearest.
func (s *speakers) byRole(a, b int) int {
	w := s.w
	ha, hb := s.head(a, b)
	if hb-ha < 2 || w.low[ha] != "the" || !w.lx.has("orgrole", w.low[hb-1]) {
		return -1
	}
	head := w.low[hb-1]
	nearest := -1
	for i := s.firstRefFrom(w.toks[a].Start) - 1; i >= 0; i-- {
		r := s.refs[i]
		ti := w.tokenAt(r.Start)
		if ti >= len(w.toks) || w.paraOf[ti] < w.paraOf[a]-roleWindow {
			break
		}
		if w.d.Entities[r.ent].Type != news.TypeORG || w.quotedTok[ti] {
			continue
		}
		if strings.Contains(" "+normWord(w.d.Entities[r.ent].Name)+" ", " "+head+" ") {
			return r.ent
		}
		if nearest < 0 {
			nearest = r.ent
		}
	}
	return nearest
}

// unitOf resolves "the UN agency", "the EU commission": a subject whose
// head is a unit role (lexicon [unitrole]) after the name of an
// organisation is a unit of that organisation, the institution the article
// named last before it within roleWindow paragraphs (one whose name holds
// the head word first, else one named like an institution: lexicon
// [institution]), never the organisation of the modifier itself. It
// returns -1 when the subject has another shape or no such institution is
// named.
func (s *speakers) unitOf(a, b int) int {
	w := s.w
	ha, hb := s.head(a, b)
	if hb-ha < 3 || w.low[ha] != "the" || !isLower(w.toks[hb-1].Text) || !w.lx.has("unitrole", w.low[hb-1]) {
		return -1
	}
	for k := ha + 1; k < hb-1; k++ {
		if !isCapitalized(w.toks[k].Text) {
			return -1
		}
	}
	parent := s.typedIn(ha+1, hb-1, news.TypeORG)
	if parent < 0 {
		return -1
	}
	head := w.low[hb-1]
	institution := -1
	for i := s.firstRefFrom(w.toks[a].Start) - 1; i >= 0; i-- {
		r := s.refs[i]
		ti := w.tokenAt(r.Start)
		if ti >= len(w.toks) || w.paraOf[ti] < w.paraOf[a]-roleWindow {
			break
		}
		e := w.d.Entities[r.ent]
		if r.ent == parent || e.Type != news.TypeORG || w.quotedTok[ti] {
			continue
		}
		words := strings.Fields(normWord(e.Name))
		for _, x := range words {
			if x == head {
				return r.ent
			}
		}
		if institution < 0 && slices.ContainsFunc(words, func(x string) bool { return w.lx.has("institution", x) }) {
			institution = r.ent
		}
	}
	return institution
}

// organisationPronoun resolves "it" as a speaker ("..., it said in a
// statement"): the organisation (or country) that spoke last in this
// paragraph or the one before, or that the last speaker's subject names
// ("Beijing's Taiwan Affairs Office spokesperson Chen Binhua said ... ;
// '...,' it said"), else the organisation named last in the paragraph.
func (s *speakers) organisationPronoun(cands []*cand, ci int) int {
	w := s.w
	c := cands[ci]
	para := w.paraOf[c.attr.subA]
	for p := ci - 1; p >= 0; p-- {
		prev := cands[p]
		if prev.para < para-1 {
			break
		}
		if !prev.attr.ok || prev.attr.subA >= prev.attr.subB {
			continue
		}
		if e := s.entityIndex(prev.speaker); e >= 0 && w.d.Entities[e].Type != news.TypePER {
			return e
		}
		if e := s.typedIn(prev.attr.subA, prev.attr.subB, news.TypeORG); e >= 0 {
			return e
		}
		break
	}
	for i := s.firstRefFrom(w.toks[c.attr.subA].Start) - 1; i >= 0; i-- {
		r := s.refs[i]
		ti := w.tokenAt(r.Start)
		if ti >= len(w.toks) || w.paraOf[ti] < para-1 {
			break
		}
		if w.d.Entities[r.ent].Type == news.TypeORG && !w.quotedTok[ti] && !s.oblique(ti) {
			return r.ent
		}
	}
	return -1
}

// typedIn returns the first entity of type typ with a mention inside
// tokens [a, b), or -1.
func (s *speakers) typedIn(a, b int, typ string) int {
	w := s.w
	sp := w.span(a, b)
	for _, r := range s.refs[s.firstRefFrom(sp.Start):] {
		if r.Start >= sp.End {
			break
		}
		if r.End <= sp.End && w.d.Entities[r.ent].Type == typ {
			return r.ent
		}
	}
	return -1
}

// oblique reports whether the mention starting at token k is the object of
// a preposition ("the imprisonment of former president Jacob Zuma"), read
// back over up to three lower-case title words: such a mention is less
// salient than a subject as the referent of a later pronoun.
func (s *speakers) oblique(k int) bool {
	w := s.w
	for j := k - 1; j >= 0 && j >= k-4 && w.sentOf[j] == w.sentOf[k]; j-- {
		t := w.low[j]
		if prepositions[t] && t != "as" && t != "while" && t != "when" {
			return true
		}
		if !isLower(w.toks[j].Text) || determiners[t] || w.cueAt(j, "clause", "that", "direct", "object") > 0 || hasSuffix(t, "ed") {
			return false
		}
	}
	return false
}

// statementAuthor resolves "the statement said" (or "added", "read"): the
// speaker of the last quote before it, within roleWindow paragraphs, whose
// attribution sentence mentions a statement ("claimed responsibility in a
// statement, saying ...").
func (s *speakers) statementAuthor(cands []*cand, ci int) int {
	w := s.w
	c := cands[ci]
	a := c.attr
	if a.subB-a.subA != 2 || w.low[a.subA] != "the" || w.low[a.subA+1] != "statement" {
		return -1
	}
	for p := ci - 1; p >= 0; p-- {
		prev := cands[p]
		if prev.para < c.para-roleWindow {
			break
		}
		e := s.entityIndex(prev.speaker)
		if e < 0 || !prev.attr.ok {
			continue
		}
		lo, hi := w.sentence(prev.attr.cueA)
		for k := lo; k < hi; k++ {
			if w.low[k] == "statement" && !w.quotedTok[k] {
				return e
			}
		}
	}
	// "Olufemi Soneye issued a statement rejecting the accusations.
	// '...,' the statement read."
	for k := a.subA - 1; k >= 2 && w.paraOf[k] >= c.para-roleWindow; k-- {
		if w.low[k] != "statement" || w.quotedTok[k] || (w.low[k-1] != "a" && w.low[k-1] != "an") || !issuingVerbs[w.low[k-2]] {
			continue
		}
		lo, _ := w.sentence(k)
		if sa, sb := w.subjectBefore(k-2, lo); sa < sb {
			if e := s.overlapping(sa, sb, false); e >= 0 {
				return e
			}
		}
		return -1
	}
	return -1
}

// issuingVerbs put out a statement.
var issuingVerbs = map[string]bool{"issued": true, "released": true, "published": true, "sent": true, "posted": true,
	"issues": true, "releases": true, "made": true}

// lastMentionOblique reports whether entity ei's last name mention before
// token k is the object of a preposition (see oblique).
func (s *speakers) lastMentionOblique(ei, k int) bool {
	w := s.w
	refs := s.refsOf[ei]
	pos := w.toks[k].Start
	for i := len(refs) - 1; i >= 0; i-- {
		r := s.refs[refs[i]]
		if r.Start >= pos || r.Kind == news.MentionPronoun {
			continue
		}
		return s.oblique(w.tokenAt(r.Start))
	}
	return false
}

// titleAbbrevs are the abbreviated titles of the person roles
// ([personrole]) that articles write before names ("Sen. Bernie Sanders").
var titleAbbrevs = map[string]string{"sen": "senator", "gov": "governor", "rep": "representative",
	"gen": "general", "pres": "president", "sec": "secretary", "amb": "ambassador", "cmdr": "commander"}

// byPlaceRole resolves "the Vermont senator", "the Pakistani foreign
// minister": a subject that is "the", then at least one place or demonym
// (a LOC mention; a MISC one such as "Democratic" counts as a word of the
// role), then a role in lower case whose head is a person role
// ([personrole]). The place only qualifies the role and is not the
// speaker: the speaker is a person named in apposition ("the White House
// spokesman, Josh Earnest"), else the person the article titles with that
// role (the title's head written out or abbreviated, "Sen." for senator,
// and the role's other words among the title's) and names near that place
// ("Florida Sen. Marco Rubio", "Rubio of Florida"), else any person so
// titled: the nearest before the subject, else after it; -1 when none
// (the place is still not the speaker). shape reports whether the subject
// has that form.
func (s *speakers) byPlaceRole(a, b int) (ent int, shape bool) {
	w := s.w
	ha, hb := s.head(a, b)
	if hb-ha < 3 || w.low[ha] != "the" || !w.lx.has("personrole", w.low[hb-1]) {
		return -1, false
	}
	k := ha + 1
	var role []string
	places := 0
	for ; k < hb-1 && isCapitalized(w.toks[k].Text); k++ {
		switch s.typeAt(k) {
		case news.TypeLOC:
			places++
		case news.TypeMISC:
			role = append(role, w.low[k]) // "the Democratic nominee": part of the role
		default:
			return -1, false
		}
	}
	if places == 0 {
		return -1, false
	}
	for j := k; j < hb; j++ {
		if !isLower(w.toks[j].Text) {
			return -1, false
		}
	}
	role = append(role, w.words(k, hb)...)
	if p := s.appositivePerson(hb, b); p >= 0 {
		return p, true // "the White House spokesman, Josh Earnest"
	}
	var titled, near []int
	for ei, e := range w.d.Entities {
		if e.Type == news.TypePER && titledAs(e.Titles, role) {
			titled = append(titled, ei)
			if s.nearPlace(ei, ha+1, k) {
				near = append(near, ei)
			}
		}
	}
	if len(near) > 0 {
		return s.nearestOf(near, w.toks[a].Start), true
	}
	return s.nearestOf(titled, w.toks[a].Start), true
}

// nearPlace reports whether a mention of person ei lies within a few
// words of a mention of a place named on tokens [a, b) ("Florida Sen.
// Marco Rubio", "Rubio (R-Fla.)", "Christie of New Jersey").
func (s *speakers) nearPlace(ei, a, b int) bool {
	w := s.w
	places := map[int]bool{}
	for k := a; k < b; k++ {
		t := w.toks[k]
		for _, r := range s.refs[s.firstRefFrom(t.Start-s.maxLen):] {
			if r.Start >= t.End {
				break
			}
			if r.End > t.Start && w.d.Entities[r.ent].Type == news.TypeLOC {
				places[r.ent] = true
			}
		}
	}
	const near = 24 // bytes between the two mentions
	for _, ri := range s.refsOf[ei] {
		r := s.refs[ri]
		for _, pi := range s.refs[s.firstRefFrom(r.Start-near-s.maxLen):] {
			if pi.Start > r.End+near {
				break
			}
			if places[pi.ent] && pi.End >= r.Start-near && pi.Start <= r.End+near {
				return true
			}
		}
	}
	return false
}

// nearestOf returns the entity of ents with a mention (not a pronoun)
// nearest before pos, else nearest after it.
func (s *speakers) nearestOf(ents []int, pos int) int {
	best, bestDist := -1, 1<<30
	for _, ei := range ents {
		for _, ri := range s.refsOf[ei] {
			r := s.refs[ri]
			if r.Kind == news.MentionPronoun {
				continue
			}
			d := pos - r.Start
			if d < 0 {
				d = -d + 1<<20 // after the subject: only when none is before
			}
			if d < bestDist {
				best, bestDist = ei, d
			}
		}
	}
	return best
}

// typeAt returns the type of the entity with a mention on token k (a
// place's before any other), or "".
func (s *speakers) typeAt(k int) string {
	w := s.w
	t := w.toks[k]
	typ := ""
	for _, r := range s.refs[s.firstRefFrom(t.Start-s.maxLen):] {
		if r.Start >= t.End {
			break
		}
		if r.End > t.Start {
			if typ = w.d.Entities[r.ent].Type; typ == news.TypeLOC {
				return typ
			}
		}
	}
	return typ
}

// titledAs reports whether one of titles names role: its last word is
// the role's head (or its abbreviation) and every other word of the role
// is among its words ("Foreign Minister" for "foreign minister", "Sen."
// for "senator").
func titledAs(titles []string, role []string) bool {
	head := role[len(role)-1]
	for _, t := range titles {
		words := strings.Fields(strings.ReplaceAll(normWord(t), ".", ""))
		if len(words) == 0 {
			continue
		}
		last := words[len(words)-1]
		if full, ok := titleAbbrevs[last]; ok {
			last = full
		}
		if last != head {
			continue
		}
		ok := true
		for _, r := range role[:len(role)-1] {
			ok = ok && slices.Contains(words, r)
		}
		if ok {
			return true
		}
	}
	return false
}
