package claim

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// otherReport reports a predicate at token at that follows, inside the
// speaker's own words, another person's report set off by a comma or colon
// ("Trump also says, we can print more money"): the words after it are that
// person's, not the speaker's. The speaker's own "I say, ..." or "she
// said, ..." is no other report.
func (c *docIndex) otherReport(cl clause, at int) bool {
	for k := cl.first; k+1 < at; k++ {
		next := c.words[k+1]
		if (next != "," && next != ":") || !c.reportingVerb(k) {
			continue
		}
		s := k - 1
		for s >= cl.first && auxiliaryForms[strings.ToLower(c.words[s])] {
			s-- // "Trump also says"
		}
		if s >= cl.first && c.otherReporter(s, cl.speaker) {
			return true
		}
	}
	return false
}

// otherReporter reports a reporting verb's subject at token k that is not
// the speaker: another entity named, or a common noun ("other people will
// say, ..."); a pronoun may be the speaker and is not counted.
func (c *docIndex) otherReporter(k int, speaker string) bool {
	if r := c.ref[k]; r.entity != "" {
		return r.entity != speaker && r.kind != news.MentionPronoun
	}
	t, _ := c.tag(k)
	return strings.HasPrefix(t, "NN")
}

// option reports a predicate at token at offered as one of alternatives:
// an "or" after it followed within two words by a modal ("we can pay now or
// we can pay later").
func (c *docIndex) option(cl clause, at int) bool {
	for k := at + 1; k < cl.end; k++ {
		if !strings.EqualFold(c.words[k], "or") {
			continue
		}
		for j := k + 1; j < cl.end && j <= k+2; j++ {
			if modals[strings.ToLower(c.words[j])] {
				return true
			}
		}
	}
	return false
}

// verbAfter reports, on a tagged document, a verb or modal right after
// token k: a name there is the verb's subject, not a noun's modifier.
func (c *docIndex) verbAfter(k int) bool {
	t, _ := c.tag(k + 1)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

// headName returns the person a name of entity e in tokens [first, end)
// modifies when lower-case nouns and another person's name follow it
// ("accused Donald Trump campaign manager Corey Lewandowski": the accused
// is Lewandowski); else e.
func (c *docIndex) headName(e string, first, end int) string {
	if e == "" {
		return ""
	}
	for k := first; k < end; k++ {
		if c.ref[k].entity != e || k+1 < end && c.ref[k+1].entity == e {
			continue
		}
		j := k + 1
		for j < end && j <= k+maxNameModifiers && c.ref[j].entity == "" && c.words[j] == strings.ToLower(c.words[j]) {
			if t, ok := c.tag(j); !ok || !strings.HasPrefix(t, "NN") {
				break
			}
			j++
		}
		if r := c.ref[min(j, end-1)]; j > k+1 && j < end && r.entity != "" && r.entity != e && r.typ == news.TypePER {
			return r.entity
		}
	}
	return e
}

// phrasal reports a verb at token k followed by a particle that changes
// its meaning ("backed out of", "backed off", "turned away"; not "lashed
// out at"): its class, if any, is not the phrase's.
func (c *docIndex) phrasal(k int) bool {
	if k+1 >= len(c.words) || !particles[strings.ToLower(c.words[k+1])] {
		return false
	}
	if strings.EqualFold(c.words[k+1], "out") && (k+2 >= len(c.words) || !strings.EqualFold(c.words[k+2], "of")) {
		return false
	}
	if t, ok := c.tag(k); ok {
		return strings.HasPrefix(t, "VB")
	}
	_, ok := c.verbAt(k)
	return ok
}

var particles = set(`out off away`)

// reducedRelative reports, on a tagged document, a name at token k (its
// last word) right after a common noun that a determiner opens ("the exact
// scenario Pelosi was discussing would be novel", "a report Kessler
// filed"): the name opens a relative clause without "that", which is not
// the claim. A noun without a determiner modifies the name ("thug Putin",
// "Alabama senator Jeff Sessions"), and a phrase that opens the clause is
// an adjunct ("In this case Democrats were fighting").
func (c *docIndex) reducedRelative(k, first int) bool {
	e := c.ref[k].entity
	j := k
	for j > first && c.ref[j-1].entity == e {
		j--
	}
	j-- // the noun
	if j < first || c.ref[j].entity != "" {
		return false
	}
	if t, ok := c.tag(j); !ok || (t != "NN" && t != "NNS") || c.words[j] != strings.ToLower(c.words[j]) {
		return false
	}
	d := j - 1
	for d >= first && d >= j-3 {
		t, _ := c.tag(d)
		if !strings.HasPrefix(t, "JJ") && t != "NN" || c.ref[d].entity != "" {
			break
		}
		d--
	}
	if d < first {
		return false
	}
	if t, _ := c.tag(d); t != "DT" && t != "PRP$" {
		return false
	}
	if p := d - 1; p >= first && (prepositions[strings.ToLower(c.words[p])] || strings.EqualFold(c.words[p], "during")) {
		return !(p == first || c.words[p-1] == "," || strings.EqualFold(c.words[p-1], "that")) // "that during his administration Scott had cut"
	}
	return true
}

// innerQuoted reports a token k inside single quotation marks opened
// within the clause starting at first ("She said, 'I refuse to ...'"):
// words the speaker quotes inside their own, not the speaker's. Double
// marks inside reported speech are the speaker's own words ('he said he
// "will win"').
func (c *docIndex) innerQuoted(k, first int) bool {
	open, straight := 0, 0
	for j := first; j < k; j++ {
		switch c.words[j] {
		case "‘":
			open++
		case "’":
			if open > 0 {
				open--
			}
		case "'":
			straight++ // a straight mark alone as a token opens or closes
		}
	}
	return open > 0 || straight%2 == 1
}

// nounCue reports, on a tagged document, an indirect quote (tokens [first,
// end)) whose cue, the nearest token of that word in its sentence outside
// the words, is a noun after an adjective, a number or a determiner ("the
// two earliest states"): no one is reported, the words are the writer's.
func (c *docIndex) nounCue(cue string, first, end int) bool {
	f := strings.Fields(cue)
	if len(f) == 0 || first >= len(c.words) {
		return false
	}
	sent := c.sentenceOf(first)
	best := -1
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if (k < first || k >= end) && strings.EqualFold(c.words[k], f[0]) && (best < 0 || dist(k, first, end) < dist(best, first, end)) {
			best = k
		}
	}
	if best < 1 {
		return false
	}
	t, ok := c.tag(best)
	if !ok || !strings.HasPrefix(t, "NN") {
		return false
	}
	p, _ := c.tag(best - 1)
	return strings.HasPrefix(p, "JJ") || p == "CD" || p == "DT" || p == "PRP$"
}

// relativeCue reports an indirect quote (tokens [first, end)) whose cue,
// the nearest token of that word before the words, follows "that" or
// "which" ("a story that said FEMA would ..."): the thing before the
// relative pronoun says it, not the speaker the quote stage chose.
func (c *docIndex) relativeCue(cue string, first, end int) bool {
	f := strings.Fields(cue)
	if len(f) == 0 || first >= len(c.words) {
		return false
	}
	sent := c.sentenceOf(first)
	for k := first - 1; k > sent.FirstToken && k >= first-4; k-- {
		if strings.EqualFold(c.words[k], f[0]) {
			w := strings.ToLower(c.words[k-1])
			return w == "that" || w == "which"
		}
	}
	return false
}

// opensWithOther reports indirect words (tokens [first, end)) that open
// with another person's name and a comma: the name is an attribution's
// speaker after its cue ("'not a backslapper,' said Mr. Sperling, but she
// has ..."), and the words after it are the writer's.
func (c *docIndex) opensWithOther(speaker string, first, end int) bool {
	k := first
	for k < end && (c.words[k] == "Mr." || c.words[k] == "Ms." || c.words[k] == "Mrs." || c.words[k] == "Dr.") {
		k++
	}
	r := c.ref[min(k, len(c.ref)-1)]
	if k >= end || r.entity == "" || r.entity == speaker || r.typ != news.TypePER {
		return false
	}
	for k < end && c.ref[k].entity == r.entity {
		k++
	}
	return k < end && c.words[k] == ","
}

// dist is how far token k lies from the range [first, end).
func dist(k, first, end int) int {
	if k < first {
		return first - k
	}
	return k - end + 1
}

// otherSubject reports, on a tagged document, a noun or a name other than
// the speaker at token k: the subject of an infinitive after it ("getting
// some Republicans to say"), not the speaker's "I happen to think".
func (c *docIndex) otherSubject(k int, speaker string) bool {
	if r := c.ref[k]; r.entity != "" {
		return r.entity != speaker && r.kind != news.MentionPronoun
	}
	t, ok := c.tag(k)
	return ok && strings.HasPrefix(t, "NN")
}
