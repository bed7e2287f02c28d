package geo

import (
	"fmt"
	"regexp"
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
	for _, sp := range datelineSpans(doc.Text) {
		if s.datelinePlace(doc.Text, sp[0], sp[1]) {
			s.claimSpan(doc, sp[0], sp[1])
		}
	}
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
	for _, m := range wireMark.FindAllStringSubmatchIndex(text[from:], -1) {
		if st, en := from+m[2], from+m[3]; en-st >= 3 && (len(out) == 0 || st >= out[len(out)-1][1]) {
			out = append(out, [2]int{st, en})
		}
	}
	return out
}

// claimSpan gives the dateline text[st:en] to a LOC entity (see
// claimDateline).
func (s *Stage) claimSpan(doc *news.Doc, st, en int) {
	key := gazetteer.Key(doc.Text[st:en])
	var moved []news.Mention
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type == news.TypeLOC {
			continue
		}
		var keep []news.Mention
		for _, m := range e.Mentions {
			switch {
			case m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal:
				keep = append(keep, m)
			case m.Start < en && st < m.End:
				if rest, ok := outside(doc.Text, m, st, en); ok {
					if e.Name == m.Text {
						e.Name = rest.Text
					}
					keep = append(keep, rest)
				}
			case gazetteer.Key(m.Text) == key && gazetteer.Key(e.Name) != key:
				moved = append(moved, m)
			default:
				keep = append(keep, m)
			}
		}
		if len(keep) == 0 {
			*e = news.Entity{ID: e.ID, Type: news.TypeLOC, Name: doc.Text[st:en], Aliases: []string{}, Titles: []string{}}
			continue
		}
		e.Mentions = keep
	}
	li := s.locEntity(doc, key, doc.Text[st:en])
	dm := news.Mention{Span: news.Span{Start: st, End: en}, Text: doc.Text[st:en], Type: news.TypeLOC, Kind: news.MentionName}
	doc.Entities[li].Mentions = append(append(doc.Entities[li].Mentions, dm), moved...)
	sortMentions(&doc.Entities[li])
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

// locEntity returns the index of the article's LOC entity with a name
// mention of key k, adding a LOC entity named name when there is none.
// A LOC entity without mentions (one claimDateline retyped) counts by
// its name.
func (s *Stage) locEntity(doc *news.Doc, k, name string) int {
	for i, e := range doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		if len(e.Mentions) == 0 && gazetteer.Key(e.Name) == k {
			return i
		}
		for _, m := range e.Mentions {
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal && gazetteer.Key(m.Text) == k {
				return i
			}
		}
	}
	doc.Entities = append(doc.Entities, news.Entity{ID: fmt.Sprintf("E%d", len(doc.Entities)+1), Type: news.TypeLOC,
		Name: name, Aliases: []string{}, Titles: []string{}})
	return len(doc.Entities) - 1
}

// sortMentions puts an entity's mentions in text order.
func sortMentions(e *news.Entity) {
	ms := e.Mentions
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
