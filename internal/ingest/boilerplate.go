package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Where a boilerplate rule applies.
const (
	// atEdge: only in the run of lines that opens or closes the text (menus
	// and cookie banners before the article, tags, copyright and comment
	// forms after it).
	atEdge = iota
	// anywhere: also as a standalone line between paragraphs ("Advertisement",
	// "Share this", "Also read: …" link lines). In the middle of the text such
	// a line must not start with a lower-case letter, which would make it the
	// wrapped continuation of a sentence.
	anywhere
)

// A boilerplateRule describes one kind of line that sites add around an
// article. A line matches when it has at most maxWords words, is not a
// sentence (ends in . ! ? …, maybe followed by closing quotes) unless
// sentenceOK, and the whole line matches pattern (case-insensitive).
type boilerplateRule struct {
	name       string
	scope      int
	maxWords   int
	sentenceOK bool
	// listHeader: the line heads a list of links ("Related articles",
	// "Also read"). At the end of the text the short non-sentence lines
	// below it (headlines) go with it.
	listHeader bool
	// hint, when set, is a lower-case word the line must contain: a cheap
	// test that spares long lines the pattern.
	hint    string
	pattern string
	re      *regexp.Regexp
}

// boilerplateRules is the one place where boilerplate is defined. To extend
// it, add a rule with a test case in clean_test.go, including a line of real
// prose that looks similar and must stay.
var boilerplateRules = compileRules([]boilerplateRule{
	// Comment counters and forms: "No comments:", "3 comments:", "12 Responses
	// to “Title”", "Post a Comment", "Leave a Reply", "Comments are closed."
	{name: "comment count", scope: anywhere, maxWords: 12,
		pattern: `(?:no|one|two|three|\d+) (?:comments?|responses?|replies|thoughts)(?: so far)?(?: (?:to|on) .*)?:?`},
	{name: "comments heading", scope: atEdge, maxWords: 4,
		pattern: `(?:comments?|discussion|reader comments)(?: \(\d+\))?:?`},
	{name: "comment form", scope: anywhere, maxWords: 6,
		pattern: `(?:post|leave|add|write|submit|join)(?: a| your| the)? (?:comment|reply|response|discussion|conversation)s?(?: below| here)?:?(?: cancel reply)?`},
	{name: "comment toggles", scope: anywhere, maxWords: 5,
		pattern: `(?:view|show|load|hide|see|read)(?: all| the)?(?: \d+)? comments?|comments are closed\.?|cancel reply`},
	{name: "comment notice", scope: atEdge, maxWords: 20, sentenceOK: true,
		pattern: `your email address will not be published\.?.*|required fields are marked.*|you must be logged in to post a comment\.?|subscribe to: post comments.*`},

	// Advertising.
	{name: "advertisement", scope: anywhere, maxWords: 6,
		pattern: `(?:advertisement|advertising|advert|sponsored(?: content| links?)?|promoted(?: content| stories)?|paid (?:content|post)|ad)(?:\s*[-–—:|]\s*(?:continue|scroll|story continues)[\w ]*)?`},
	{name: "story continues", scope: anywhere, maxWords: 6,
		pattern: `(?:the )?(?:story|article) continues(?: below(?: advertisement)?)?`},

	// Sharing, following, printing.
	{name: "share", scope: anywhere, maxWords: 8,
		pattern: `share(?: this| it| the| on| via)?(?: article| story| post| page| link)?(?: on| via| with)?(?: facebook| twitter| x| linkedin| whatsapp| e-?mail| pinterest| reddit| your friends)?:?`},
	{name: "share bar", scope: anywhere, maxWords: 12,
		pattern: `(?:(?:share(?: on| to)?|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|tumblr|messenger|e-?mail(?: this)?|blogthis!?|print|copy link|comment)[\s|,·•/!]*)+`},
	{name: "print", scope: anywhere, maxWords: 5,
		pattern: `print(?: this)?(?: page| article| story| post)?|e-?mail this (?:page|article|story)`},
	{name: "follow us", scope: anywhere, maxWords: 12, sentenceOK: true,
		pattern: `(?:follow|like|find|connect with|join) us (?:on|at|via) .*|follow @\w+.*`},

	// Related links. These head a list of headlines at the end of a page.
	{name: "related", scope: anywhere, maxWords: 15, listHeader: true,
		pattern: `(?:also read|read also|see also|also see|related|related (?:articles?|stories|posts|links|content|news|coverage|reading|topics|videos?)|more (?:on this(?: story| topic)?|stories|news|like this|to read|from [^:.!?]{1,40}?(?:\s*[:|–—-])?)|recommended(?: for you| stories| articles| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|trending(?: now| stories| news)?|most (?:read|popular|viewed|shared)|popular (?:posts|stories|now)|editor'?s (?:picks|choice)|latest (?:news|stories|posts|articles)|top stories|don'?t miss|further reading|(?:suggested|recommended) reading|see more|watch|listen|video|watch video)(?:\s*(?:[:|»›>–—-]|\.\.\.|…)\s*.*)?`},
	{name: "read more", scope: anywhere, maxWords: 12, sentenceOK: true,
		pattern: `(?:read more|read on|continue reading|keep reading|read the (?:full|whole|complete|original) (?:story|article|report|post|piece|text)|read the rest|read full (?:story|article))(?: of (?:the|this) (?:story|article|post))?(?: the main story)?(?: here| below| at \S+| on \S+)?\s*(?:[.:!…»›>|–—-]+.*)?`},
	{name: "click here", scope: anywhere, maxWords: 12, sentenceOK: true,
		pattern: `(?:click|tap) here(?: to (?:read|see|view|watch|subscribe|sign up|download|learn|find out|listen|continue|get)\b[^.!?]*)?[.!]?`},

	// Newsletters and subscriptions.
	{name: "subscribe", scope: anywhere, maxWords: 5,
		pattern: `(?:subscribe|sign up|sign in|log in|register)(?: now| today| here| for free)?[.!]?`},
	{name: "newsletter", scope: atEdge, maxWords: 25, sentenceOK: true,
		pattern: `(?:subscribe|sign up|signup|register|join|get)\b[^.!?]*\b(?:newsletters?|mailing list|e-?mail alerts|inbox|digest|updates)\b.*`},

	// Cookie and privacy notices.
	{name: "cookie notice", scope: atEdge, maxWords: 60, sentenceOK: true, hint: "cookie",
		pattern: `(?:we|this (?:web)?site|our (?:web)?site|this page|[\w.]+)(?: and our partners)?(?: uses?| is using| may use) cookies\b.*\b` + cookieWords + `\b.*|by (?:continuing|using|browsing)\b[^.]*\bcookies\b.*`},
	{name: "cookie buttons", scope: anywhere, maxWords: 5,
		pattern: `(?:accept|allow|manage|reject|decline)(?: all)? cookies|cookie (?:settings|preferences|policy)`},
	{name: "consent buttons", scope: atEdge, maxWords: 5,
		pattern: `(?:i )?(?:accept|agree)|got it|ok|privacy policy|terms of (?:use|service)|privacy settings`},

	// Navigation.
	{name: "navigation", scope: anywhere, maxWords: 5,
		pattern: `back to top|skip to (?:main )?content|skip navigation|(?:next|previous|prev|newer|older) (?:article|post|story|page)s?|newer posts? older posts? home`},
	{name: "menu", scope: atEdge, maxWords: 3,
		pattern: `home|menu|search|close|main menu|navigation|sections`},

	// Tags, categories, bylines of blog engines.
	{name: "tags", scope: atEdge, maxWords: 30,
		pattern: `(?:tags?|tagged(?: with| as)?|topics?|filed under|categories|category|labels?|keywords?)\s*:.*`},
	{name: "posted by", scope: atEdge, maxWords: 14,
		pattern: `posted (?:by|in|on|at) .*`},

	// Bylines and date lines that open a page.
	{name: "byline", scope: atEdge, maxWords: 8,
		pattern: `by\s+\S.*`},
	{name: "date line", scope: atEdge, maxWords: 12, sentenceOK: true,
		pattern: `(?:(?:published|updated|posted|last updated|first published)(?: on| at)?:?\s*)?(?:(?:mon|tue|tues|wed|wednes|thu|thurs|fri|sat|satur|sun)(?:day)?,?\s*)?(?:` + dateRE + `)(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?|(?:published|updated|posted|last updated)(?: on| at)?:?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?\.?`},

	// Copyright lines.
	{name: "copyright notice", scope: anywhere, maxWords: 25, sentenceOK: true,
		pattern: `(?:©|\(c\)|copyright ©?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\b.*|(?:©|copyright).*\ball rights reserved\.?`},
	{name: "copyright", scope: atEdge, maxWords: 25, sentenceOK: true,
		pattern: `(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\.?`},
})

// dateRE matches a date written out in English: "October 12, 2017",
// "Oct. 12 2017", "12 October 2017", "2017-10-12", "10/12/2017".
const dateRE = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
	`|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}` +
	`|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}`

// cookieWords are what a cookie notice talks about, besides cookies; a
// sentence that merely mentions cookies has none of them.
const cookieWords = `(?:experience|consent|agree|accept|privacy|polic(?:y|ies)|brows\w*|personali[sz]\w*|analy[sz]\w*|advertis\w*|services?|(?:web)?site|settings|preferences|traffic)`

// compileRules compiles each rule's pattern as a case-insensitive match of a
// whole line.
func compileRules(rules []boilerplateRule) []boilerplateRule {
	for i := range rules {
		rules[i].re = regexp.MustCompile(`(?i)^(?:` + rules[i].pattern + `)$`)
	}
	return rules
}

// maxRuleWords is the largest maxWords of any rule; longer lines are never
// boilerplate and skip the patterns.
var maxRuleWords = func() int {
	n := 0
	for _, r := range boilerplateRules {
		n = max(n, r.maxWords)
	}
	return n
}()

// maxListItemWords and maxListItems bound what counts as the list of
// headlines under a related-links header at the end of the text.
const (
	maxListItemWords = 16
	maxListItems     = 12
)

// matchBoilerplate returns the first rule that line matches, or nil.
func matchBoilerplate(line string) *boilerplateRule {
	if line == "" {
		return nil
	}
	words := countWords(line, maxRuleWords+1)
	if words > maxRuleWords {
		return nil
	}
	sentence := isSentence(line)
	for i := range boilerplateRules {
		r := &boilerplateRules[i]
		if words > r.maxWords || sentence && !r.sentenceOK || r.hint != "" && !containsFold(line, r.hint) {
			continue
		}
		if r.re.MatchString(line) {
			return r
		}
	}
	return nil
}

// dropBoilerplate removes boilerplate lines from normalised lines (blank
// lines are paragraph separators). The rule:
//
//   - From the start, the lines that match any rule are dropped, up to the
//     first line that matches none.
//   - From the end likewise; besides, a list header rule ("Related
//     articles", "Also read:") at the end takes with it the short
//     non-sentence lines below it (the headlines it links to).
//   - Between them, only lines that match an "anywhere" rule as a whole and
//     do not begin with a lower-case letter are dropped. Lines of real prose
//     are long or end as sentences, so they match no rule.
func dropBoilerplate(lines []string) []string {
	drop := boilerplateLines(lines)
	kept := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	return kept
}

// boilerplateLines marks the lines dropBoilerplate drops. lines are
// normalised (normaliseLine), one per element.
func boilerplateLines(lines []string) []bool {
	drop := make([]bool, len(lines))
	rules := make([]*boilerplateRule, len(lines))
	for i, l := range lines {
		rules[i] = matchBoilerplate(l)
	}

	// Leading run.
	start := 0
	for ; start < len(lines); start++ {
		if lines[start] == "" {
			continue
		}
		if rules[start] == nil {
			break
		}
		drop[start] = true
	}

	// Trailing run, with the headlines under a list header.
	end := len(lines) - 1
	var items []int
	for ; end >= start; end-- {
		if lines[end] == "" {
			continue
		}
		if r := rules[end]; r != nil {
			drop[end] = true
			if r.listHeader {
				for _, i := range items {
					drop[i] = true
				}
				items = items[:0]
			}
			continue
		}
		if len(items) < maxListItems && isListItem(lines[end]) {
			items = append(items, end)
			continue
		}
		break
	}

	// Standalone lines in between.
	for i := start; i <= end; i++ {
		if r := rules[i]; r != nil && r.scope == anywhere && !startsLower(lines[i]) {
			drop[i] = true
		}
	}
	return drop
}

// containsFold reports whether s contains the lower-case ASCII word, in any
// case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// isListItem reports whether line could be a linked headline: short and not
// a sentence.
func isListItem(line string) bool {
	return countWords(line, maxListItemWords+1) <= maxListItemWords && !isSentence(line)
}

// countWords counts space-separated words in a normalised line, stopping at
// limit.
func countWords(line string, limit int) int {
	n := 1
	for i := 0; i < len(line) && n < limit; i++ {
		if line[i] == ' ' {
			n++
		}
	}
	return n
}

// isSentence reports whether line ends like a sentence: . ! ? or …,
// possibly followed by closing quotes or brackets.
func isSentence(line string) bool {
	s := strings.TrimRight(line, "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// startsLower reports whether line begins with a lower-case letter.
func startsLower(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}
