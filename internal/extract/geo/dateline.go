package geo

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// maxDatelineWords is the most words a dateline's place name has
// ("RAS AL KHAIMAH", "OKLAHOMA CITY").
const maxDatelineWords = 4

// capsLead returns the span of one to maxDatelineWords words in capitals
// that open the text and that a capitalised word in mixed case follows
// ("LONDON The Latest on ...", "OKLAHOMA CITY Teachers rallied"): a
// dateline that a lost line break or dash glued to the story. It returns
// -1, -1 when the text does not open so.
func capsLead(text string) (int, int) {
	i := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	start, end, words := i, -1, 0
	for words <= maxDatelineWords {
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		w := text[i:j]
		switch {
		case capsWord(w):
			end, words = j, words+1
		case words > 0 && mixedCaseWord(w):
			return start, end
		default:
			return -1, -1
		}
		if j >= len(text) || text[j] != ' ' {
			return -1, -1
		}
		i = j + 1
	}
	return -1, -1
}

// capsWord reports a word of letters in capitals (with periods and
// apostrophes: "ST.", "O'HARE"), with at least two letters or a period.
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2 || letters == 1 && strings.HasSuffix(w, ".")
}

// mixedCaseWord reports a capitalised word with a lower-case letter.
func mixedCaseWord(w string) bool {
	lower := false
	for _, r := range w {
		lower = lower || unicode.IsLower(r)
	}
	return w != "" && unicode.IsUpper(firstRune(w)) && lower
}

// maxWireName and maxWireMark are how many bytes a wire dateline's place
// name and its mark ("Reuters)") take at most, before and after " (".
const (
	maxWireName = 60
	maxWireMark = 12
)

// maxWireBytes is how far into the text a wire dateline after a byline
// may lie.
const maxWireBytes = 300

// wireMark is a place name in capitals right before a wire service's
// mark in brackets: "WASHINGTON (AP)", "HOUSTON (Reuters)".
var wireMark = regexp.MustCompile(`(?:^|[^\pL.'’])((?:[\p{Lu}.'’]+ ){0,3}[\p{Lu}.'’]*\p{Lu}[\p{Lu}.'’]*) \((?:\p{Lu}{2,6}|Reuters|Bloomberg|Xinhua)\)`)

// wireDateline returns the span of the place name before the first wire
// service's mark in the text's first maxWireBytes bytes, or -1, -1.
func wireDateline(text string) (int, int) {
	head := text[:min(len(text), maxWireBytes)]
	m := wireMark.FindStringSubmatchIndex(head)
	if m == nil || m[3]-m[2] < 3 {
		return -1, -1
	}
	return m[2], m[3]
}

// claimDateline gives each dateline's place (datelineSpans, when
// datelinePlace accepts it) to a LOC entity when NER put it in another
// entity: an organisation named "ATLANTA" or "Associated Press
// WASHINGTON", a MISC "LONDON The Latest", a "LOUIS" cut from "ST.
// LOUIS". A mention that runs past the dateline keeps the rest of its
// words; one inside it, or one that is only the dateline, leaves its
// entity, which becomes the LOC entity when it had no other mention.
// Mentions of the dateline's name in an entity named otherwise (the
// "Atlanta" that the link stage put in "Associated Press") leave too.
// The dateline joins the article's LOC entity of the same name, if any.
func (s *Stage) claimDateline(doc *news.Doc) {
	var spans []news.Span
	keys := map[string]bool{}
	for _, sp := range datelineSpans(doc.Text) {
		if s.datelinePlace(doc.Text, sp[0], sp[1]) {
			spans = append(spans, news.Span{Start: sp[0], End: sp[1]})
			keys[gazetteer.Key(doc.Text[sp[0]:sp[1]])] = true
		}
	}
	if len(spans) == 0 {
		return
	}
	var moved []news.Mention
	for i := range doc.Entities {
		if doc.Entities[i].Type != news.TypeLOC {
			moved = append(moved, claimFrom(doc, &doc.Entities[i], spans, keys)...)
		}
	}
	px := newPlaceIndex(doc)
	for _, sp := range spans {
		px.add(sp)
	}
	for _, m := range moved {
		px.addMention(m)
	}
	px.finish()
}

// claimFrom takes from entity e (not a LOC) what claimDateline gives to
// the datelines spans (sorted, apart) of keys: it cuts the mentions that
// overlap a dateline to the words outside it, and returns the mentions of
// a dateline's name in an entity named otherwise. An entity left without
// a mention becomes a LOC entity named by its dateline, without mentions
// (the dateline's mention joins it).
func claimFrom(doc *news.Doc, e *news.Entity, spans []news.Span, keys map[string]bool) []news.Mention {
	var keep, moved []news.Mention
	var named news.Span
	for _, m := range e.Mentions {
		if m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal {
			keep = append(keep, m)
			continue
		}
		if d, ok := overlapping(spans, m.Span); ok {
			named = d
			if rest, ok := outside(doc.Text, m, d.Start, d.End); ok {
				if e.Name == m.Text {
					e.Name = rest.Text
				}
				keep = append(keep, rest)
			}
			continue
		}
		if k := gazetteer.Key(m.Text); keys[k] && gazetteer.Key(e.Name) != k {
			moved = append(moved, m)
			continue
		}
		keep = append(keep, m)
	}
	if len(keep) == 0 && named.End > 0 {
		*e = news.Entity{ID: e.ID, Type: news.TypeLOC, Name: named.Of(doc.Text), Aliases: []string{}, Titles: []string{}}
		return moved
	}
	e.Mentions = keep
	return moved
}

// overlapping returns the span of spans (sorted, apart) that overlaps sp.
func overlapping(spans []news.Span, sp news.Span) (news.Span, bool) {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > sp.Start })
	if i < len(spans) && spans[i].Start < sp.End {
		return spans[i], true
	}
	return news.Span{}, false
}

// datelineSpans are the spans of the text's dateline (datelineSpan) and
// of the wire datelines of later stories in it ("... series. DALLAS (AP)
// - Dirk Nowitzki's ..."), in text order.
func datelineSpans(text string) [][2]int {
	var out [][2]int
	from := 0
	if st, en := datelineSpan(text); st >= 0 {
		out, from = append(out, [2]int{st, en}), en
	}
	for _, m := range findNear(wireMark, text, " (", maxWireName, maxWireMark) {
		if st, en := m[2], m[3]; st >= from && en-st >= 3 && (len(out) == 0 || st >= out[len(out)-1][1]) {
			out = append(out, [2]int{st, en})
		}
	}
	return out
}

// outside returns what is left of name mention m outside the dateline
// text[st:en], trimmed of spaces, and whether a word is left.
func outside(text string, m news.Mention, st, en int) (news.Mention, bool) {
	a, b := m.Start, m.End
	switch {
	case m.Start >= st && m.End > en:
		a = en
	case m.Start < st && m.End <= en:
		b = st
	default:
		return news.Mention{}, false
	}
	for a < b && (text[a] == ' ' || text[a] == '\n') {
		a++
	}
	for b > a && (text[b-1] == ' ' || text[b-1] == '\n') {
		b--
	}
	if a >= b {
		return news.Mention{}, false
	}
	m.Span, m.Text = news.Span{Start: a, End: b}, text[a:b]
	return m, true
}
