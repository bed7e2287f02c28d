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
