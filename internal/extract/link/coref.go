package link

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// speechVerbs mark the subject before them as a speaker ("Nisar said").
var speechVerbs = set(`
	said says say told tells added adds stated explained noted asked replied insisted claimed denied
	warned announced wrote tweeted declared continued argued stressed clarified confirmed maintained
	acknowledged admitted recalled remarked revealed urged suggested responded countered
`)

// attachTitles gives each person the titles written before its names
// ("Interior Minister Chaudhry Nisar"), inside the NER span ("Senator Haji
// Adeel") or in an apposition ("Nisar, the interior minister,"), and a
// gender when an honorific or a gendered title tells it.
func (a *analysis) attachTitles(clusters []*cluster, aliases *aliasTable) {
	for _, c := range clusters {
		if c.typ(aliases) != news.TypePER && !c.personLike() {
			continue
		}
		for _, nm := range c.names {
			if nm.innerTitleTo > nm.innerTitleFrom {
				c.addTitle(a.words[nm.innerTitleFrom:nm.innerTitleTo])
			}
			if start := titleBefore(a.words, nm.first); start >= 0 && a.sentOf[start] == a.sentOf[nm.first] {
				for start < nm.first && a.inName[start] {
					start++ // "Republican" of "Republican presidential nominee" is a name of its own
				}
				if start < nm.first {
					c.addTitle(a.words[start:nm.first])
				}
			}
			if from, to, ok := titleAfter(a.words, nm.end); ok {
				c.addTitle(a.words[from:to])
			}
			for i := max(0, nm.first-3); i < nm.first; i++ {
				if g := honorifics[wordForm(a.words[i])]; g != 0 {
					c.gender = g
				}
			}
		}
	}
}

func (c *cluster) addTitle(words []string) {
	t := titleCase(words)
	for _, have := range c.titles {
		if strings.EqualFold(have, t) {
			return
		}
	}
	c.titles = append(c.titles, t)
	if g := genderedHeads[wordForm(words[len(words)-1])]; g != 0 && c.gender == 0 {
		c.gender = g
	}
}

// groupNouns head the nominals that refer back to an organisation ("the
// militant group", "the outfit").
var groupNouns = set(`group outfit organisation organization militia movement network faction`)

// resolveNominals finds "the interior minister"-style mentions: "the", up
// to three modifiers and a title head, not followed by a name. Such a
// nominal refers to the person whose title has the same head and all its
// modifiers; when several do, to the nearest one before it, else the
// nearest after. "The militant group" refers to the organisation named
// most often whose name is not an institution's ("Foreign Office").
func (a *analysis) resolveNominals(clusters []*cluster, aliases *aliasTable) {
	var titled []*cluster
	for _, c := range clusters {
		if len(c.titles) > 0 && c.typ(aliases) == news.TypePER {
			titled = append(titled, c)
		}
	}
	group := a.groupReferent(clusters, aliases)
	w := a.words
	for i := 0; i < len(w); i++ {
		if !strings.EqualFold(w[i], "the") || a.inName[i] {
			continue
		}
		j := i + 1
		for j < len(w) && j-i <= 4 && !a.inName[j] && !isTitleHead(w[j]) && !groupNouns[wordForm(w[j])] &&
			(isTitleModifier(w[j]) || isAdjective(w[j])) {
			j++
		}
		if j >= len(w) || a.inName[j] || !(isTitleHead(w[j]) || groupNouns[wordForm(w[j])]) {
			continue
		}
		j++
		if j < len(w) && a.inName[j] {
			continue // a title before a name, not a nominal
		}
		head := wordForm(w[j-1])
		var c *cluster
		switch {
		case titleHeads[head]:
			c = a.titleHolder(titled, w[i+1:j], i)
		case groupNouns[head]:
			c = group
		}
		if c != nil {
			c.others = append(c.others, refMention{first: i, end: j, span: a.span(i, j), kind: news.MentionNominal})
			i = j - 1
		}
	}
}

// isAdjective accepts the lower-case descriptive words that may sit in a
// nominal ("the ruthless militant outfit"): any lower-case word ending like
// an adjective.
func isAdjective(w string) bool {
	if w == "" || isCapitalised(w) {
		return false
	}
	for _, suf := range []string{"ant", "ent", "ous", "ive", "al", "ic", "less", "ful", "ist"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func (a *analysis) titleHolder(titled []*cluster, nominal []string, at int) *cluster {
	var matches []*cluster
	for _, c := range titled {
		if c.hasTitle(nominal) {
			matches = append(matches, c)
		}
	}
	return nearest(matches, at)
}

// hasTitle reports whether one of c's titles has the nominal's head and
// every one of its modifiers.
func (c *cluster) hasTitle(nominal []string) bool {
	head := wordForm(nominal[len(nominal)-1])
	for _, t := range c.titles {
		words := strings.Fields(strings.ToLower(strings.ReplaceAll(t, ".", "")))
		if len(words) == 0 || words[len(words)-1] != head {
			continue
		}
		all := true
		for _, m := range nominal[:len(nominal)-1] {
			if !names.ContainsWords(words, []string{wordForm(m)}) && !isAdjective(m) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// nearest returns the cluster with a name mention closest before token at,
// else the one closest after it.
func nearest(cs []*cluster, at int) *cluster {
	var before, after *cluster
	bestBefore, bestAfter := -1, 1<<62
	for _, c := range cs {
		for _, nm := range c.names {
			if nm.first < at && nm.first > bestBefore {
				before, bestBefore = c, nm.first
			}
			if nm.first > at && nm.first < bestAfter {
				after, bestAfter = c, nm.first
			}
		}
	}
	if before != nil {
		return before
	}
	return after
}

func (a *analysis) groupReferent(clusters []*cluster, aliases *aliasTable) *cluster {
	var best *cluster
	for _, c := range clusters {
		if c.typ(aliases) != news.TypeORG || institutionHeads[c.full[len(c.full)-1]] {
			continue
		}
		if best == nil || len(c.names) > len(best.names) {
			best = c
		}
	}
	return best
}

// Pronouns by gender ('m', 'f') and the organisation pronoun.
var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
	"its": 'o',
}

// resolvePronouns links he/she/his/her... outside quotation marks to the
// most salient person of the same or the previous window sentences:
// nearer sentences first, then a subject or speaker over other mentions,
// then the later mention; a person whose gender is known must agree. "Its"
// goes to the latest organisation in the same or previous sentence. A
// pronoun that attributes a quote ("…," he said.) with no person close
// before it, when the next sentence continues with a quote by a named
// person, refers to that person (the attribution is spelled out there).
func (a *analysis) resolvePronouns(clusters []*cluster, aliases *aliasTable, window int) {
	points := a.mentionPoints(clusters, aliases)
	for i, w := range a.words {
		g, ok := pronounGender[strings.ToLower(w)]
		if !ok || a.inQuote[i] {
			continue
		}
		var c *cluster
		if g == 'o' {
			c = a.latestOrganisation(points, i)
		} else {
			var dist int
			c, dist = a.salientPerson(points, i, g, window)
			if (c == nil || dist >= 2) && a.isQuoteAttribution(i) {
				if next := a.nextQuoteSpeaker(points, i); next != nil {
					c = next
				}
			}
		}
		if c != nil {
			c.others = append(c.others, refMention{first: i, end: i + 1, span: a.span(i, i+1), kind: news.MentionPronoun})
			c.last = max(c.last, i)
			s := a.sentOf[i]
			points[s] = append(points[s], point{pos: i, end: i + 1, c: c, typ: c.typ(aliases)})
		}
	}
}

// mentionPoints lists, per sentence, the mentions of people and
// organisations: names and the nominals resolved so far.
func (a *analysis) mentionPoints(clusters []*cluster, aliases *aliasTable) [][]point {
	points := make([][]point, len(a.doc.Sentences))
	for _, c := range clusters {
		t := c.typ(aliases)
		if t != news.TypePER && t != news.TypeORG {
			continue
		}
		for _, nm := range c.names {
			s := a.sentOf[nm.first]
			points[s] = append(points[s], point{pos: nm.first, end: nm.end, c: c, typ: t, name: true})
		}
		for _, o := range c.others {
			s := a.sentOf[o.first]
			points[s] = append(points[s], point{pos: o.first, end: o.end, c: c, typ: t})
		}
	}
	return points
}

// point is one mention of a person or organisation, for salience.
type point struct {
	pos, end int
	c        *cluster
	typ      string
	name     bool
}

func (a *analysis) salientPerson(points [][]point, at int, g byte, window int) (*cluster, int) {
	sent := a.sentOf[at]
	var best *cluster
	bestScore, bestPos, bestDist := -1<<31, -1, 0
	for s := max(0, sent-window); s <= sent; s++ {
		for _, p := range points[s] {
			if p.pos >= at || p.typ != news.TypePER || (p.c.gender != 0 && p.c.gender != g) {
				continue
			}
			dist := sent - s
			score := -100*dist + p.pos/1000
			if a.isSubject(p.pos) {
				score += 50
			}
			if score > bestScore || (score == bestScore && p.pos > bestPos) {
				best, bestScore, bestPos, bestDist = p.c, score, p.pos, dist
			}
		}
	}
	return best, bestDist
}

// isSubject reports whether the mention at token p is a sentence's subject
// or a speaker: it opens its sentence (after titles, quotes or an
// introductory word and comma) or a speech verb follows its name.
func (a *analysis) isSubject(p int) bool {
	end := p
	for end < len(a.words) && a.inName[end] {
		end++
	}
	if end < len(a.words) && speechVerbs[strings.ToLower(a.words[end])] {
		return true
	}
	start := a.doc.Sentences[a.sentOf[p]].FirstToken
	for i := start; i < p; i++ {
		w := a.words[i]
		if !(isTitleHead(w) || isTitleModifier(w) || !hasLetterOrDigit(w) || (i+1 < p && a.words[i+1] == ",")) {
			return false
		}
	}
	return true
}

// isQuoteAttribution reports whether the pronoun at i is the subject of a
// speech verb right after a closing quotation mark: "…," he said.
func (a *analysis) isQuoteAttribution(i int) bool {
	if i+1 >= len(a.words) || !speechVerbs[strings.ToLower(a.words[i+1])] || i == 0 {
		return false
	}
	prev := a.words[i-1]
	return prev == "”" || prev == "\""
}

// nextQuoteSpeaker returns the person who is the named speaker of a quote
// opening the sentence after token i.
func (a *analysis) nextQuoteSpeaker(points [][]point, i int) *cluster {
	s := a.sentOf[i] + 1
	if s >= len(a.doc.Sentences) {
		return nil
	}
	sent := a.doc.Sentences[s]
	if w := a.words[sent.FirstToken]; w != "“" && w != "\"" {
		return nil
	}
	var best *point
	for k, p := range points[s] {
		if p.name && p.typ == news.TypePER && p.end < sent.EndToken && speechVerbs[strings.ToLower(a.words[p.end])] &&
			(best == nil || p.pos < best.pos) {
			best = &points[s][k]
		}
	}
	if best == nil {
		return nil
	}
	return best.c
}

func (a *analysis) latestOrganisation(points [][]point, at int) *cluster {
	var best *cluster
	bestPos := -1
	for s := max(0, a.sentOf[at]-1); s <= a.sentOf[at]; s++ {
		for _, p := range points[s] {
			if p.typ == news.TypeORG && p.pos < at && p.pos > bestPos {
				best, bestPos = p.c, p.pos
			}
		}
	}
	return best
}
