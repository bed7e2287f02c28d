package claim

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
)

// outcomes maps the words that report a count of people to what happened
// to them: "killed", "dead", "wounded", "arrested"...
var outcomes = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "martyred": "killed", "deaths": "killed",
	"slain": "killed", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
	"arrested": "detained", "detained": "detained", "captured": "detained", "abducted": "abducted",
	"kidnapped": "abducted", "missing": "missing",
}

// countAux may stand between a count and its outcome: "20 officers were
// killed", "10 people had been detained".
var countAux = set(`were was had have has been are is being reportedly`)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12}

// figure is a count of people a party gives for an outcome.
type figure struct {
	statement
	outcome string
	count   int
	at      int    // token of the count
	victims string // the class of who it happened to ("security", "militants"), or ""
}

// victimClasses groups the nouns news uses for who was killed or held, so
// that "23 security forces" and "20 officers" are counts of the same
// people, and "27 insurgents" is not.
var victimClasses = map[string]string{}

func init() {
	for class, words := range map[string]string{
		"security":  `security officers officer policemen police policeman soldiers soldier troops guards guard personnel forces servicemen sailors`,
		"militants": `militants militant insurgents insurgent fighters fighter rebels rebel terrorists terrorist attackers attacker gunmen jihadists`,
		"civilians": `civilians civilian residents villagers protesters protester demonstrators students children women worshippers passengers`,
	} {
		for _, w := range strings.Fields(words) {
			victimClasses[w] = class
		}
	}
}

// victimsAfter returns the class of the first victim noun within three
// words after token k, or "".
func (c *docIndex) victimsAfter(k, end int) string {
	for j := k + 1; j < end && j <= k+3; j++ {
		if v, ok := victimClasses[strings.ToLower(c.words[j])]; ok {
			return v
		}
	}
	return ""
}

// figuresOf returns the counts a statement gives: "N [words] [were] killed"
// and "killed/arrested [words] N".
func (c *docIndex) figuresOf(st statement) []figure {
	var out []figure
	for k := st.first; k < st.end; k++ {
		n, ok := count(c.words[k])
		if !ok || c.pastEvent(k, st.end) {
			continue
		}
		if o, ok := c.outcomeAfter(k+1, st.end); ok {
			out = append(out, figure{statement: st, outcome: o, count: n, at: k, victims: c.victimsAfter(k, st.end)})
			continue
		}
		if o, ok := c.outcomeBefore(k-1, st.first); ok {
			out = append(out, figure{statement: st, outcome: o, count: n, at: k, victims: c.victimsAfter(k, st.end)})
		}
	}
	return out
}

// outcomeAfter reads "[up to three words] [aux...] OUTCOME" from k.
func (c *docIndex) outcomeAfter(k, end int) (string, bool) {
	for j, words := k, 0; j < end && j < k+7; j++ {
		w := strings.ToLower(c.words[j])
		if o, ok := outcomes[w]; ok {
			return o, true
		}
		switch {
		case countAux[w]:
		case isLowerWord(w) || strings.Contains(w, "-"):
			words++
			if words > 3 || w == "and" || w == "in" || w == "of" || w == "to" || w == "by" {
				return "", false
			}
		default:
			return "", false
		}
	}
	return "", false
}

// outcomeBefore reads "OUTCOME [up to two words] N" back from k.
func (c *docIndex) outcomeBefore(k, first int) (string, bool) {
	for j := k; j >= first && j >= k-2; j-- {
		w := strings.ToLower(c.words[j])
		if o, ok := outcomes[w]; ok && o != "killed" || w == "killed" {
			return outcomes[w], true
		}
		if !isLowerWord(w) || w == "and" || w == "of" {
			return "", false
		}
	}
	return "", false
}

func count(w string) (int, bool) {
	w = strings.ReplaceAll(strings.ToLower(w), ",", "")
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0 && n < 1000000 && !(n >= 1900 && n <= 2100)
}

// maxFigureSentences bounds how many sentences apart two counts may be to
// be counts of one event: an article recalls earlier events further on
// ("130 were killed in Paris in November").
const maxFigureSentences = 12

// sentenceIndex returns the index of the sentence holding token k.
func (c *docIndex) sentenceIndex(k int) int {
	return sort.Search(len(c.doc.Sentences), func(i int) bool { return c.doc.Sentences[i].EndToken > k })
}

// figureContradictions pairs statements of two parties that give
// different counts of one outcome ("23 security personnel were killed" /
// "20 officers were killed"): one pair per two parties and outcome.
func (s *Stage) figureContradictions(c *docIndex, stmts []statement, firstID int) ([]news.Claim, []news.Contradiction) {
	var figs []figure
	for _, st := range stmts {
		if st.quote == "" {
			continue
		}
		figs = append(figs, c.figuresOf(st)...)
	}
	var claims []news.Claim
	var out []news.Contradiction
	seen := map[string]bool{}
	for i := range figs {
		for j := i + 1; j < len(figs); j++ {
			a, b := figs[i], figs[j]
			a.speaker, b.speaker = c.party(a.speaker), c.party(b.speaker)
			if a.outcome != b.outcome || a.victims != b.victims && a.victims != "" && b.victims != "" || a.count == b.count || a.speaker == b.speaker || max(a.count, b.count) > 3*min(a.count, b.count) ||
				abs(a.span.Start-b.span.Start) > maxAnswerDistance || abs(c.sentenceIndex(a.at)-c.sentenceIndex(b.at)) > maxFigureSentences {
				continue
			}
			key := pairKey(a.speaker, b.speaker) + "\x00" + a.outcome
			if seen[key] {
				continue
			}
			seen[key] = true
			ida, idb := fmt.Sprintf("C%d", firstID+len(claims)), fmt.Sprintf("C%d", firstID+len(claims)+1)
			for k, f := range []figure{a, b} {
				id := ida
				if k == 1 {
					id = idb
				}
				claims = append(claims, news.Claim{ID: id, Speaker: f.speaker, Polarity: news.PolarityAffirm, Stance: StanceAffirm,
					Predicate: f.outcome, Word: c.words[f.at] + " " + f.outcome, Quote: f.quote,
					SpeakerName: c.name(f.speaker), Evidence: f.span})
			}
			out = append(out, news.Contradiction{Claims: []string{ida, idb}, Kind: KindFigures,
				Why: fmt.Sprintf("%s says %d %s; %s says %d", c.name(a.speaker), a.count, a.outcome, c.name(b.speaker), b.count)})
		}
	}
	return claims, out
}

// pastEvent reports a count said of another, earlier event: a time phrase
// of the past within eight words after it ("killed 130 people in Paris
// last November", "in 2015", "two years ago").
func (c *docIndex) pastEvent(k, end int) bool {
	for j := k + 1; j < end && j <= k+8; j++ {
		w := strings.ToLower(c.words[j])
		if w == "ago" || w == "." || w == ";" {
			return w == "ago"
		}
		if w == "last" && j+1 < end && pastUnits[strings.ToLower(c.words[j+1])] {
			return true
		}
		if n, err := strconv.Atoi(w); err == nil && n >= 1900 && n <= 2100 {
			return true
		}
	}
	return false
}

var pastUnits = set(`year month week january february march april may june july august september october november december
	spring summer autumn fall winter`)
