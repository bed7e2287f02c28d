package geo

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// spanSet answers in O(log n) whether a span overlaps, or lies inside,
// one of a set of spans.
type spanSet struct {
	starts []int // sorted
	maxEnd []int // maxEnd[i] is the greatest end of the spans up to i
}

// newSpanSet indexes spans.
func newSpanSet(spans []news.Span) spanSet {
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	ss := spanSet{starts: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	for i, sp := range spans {
		ss.starts[i], ss.maxEnd[i] = sp.Start, sp.End
		if i > 0 {
			ss.maxEnd[i] = max(ss.maxEnd[i], ss.maxEnd[i-1])
		}
	}
	return ss
}

// overlaps reports whether a span of the set overlaps [st, en).
func (ss spanSet) overlaps(st, en int) bool {
	i := sort.SearchInts(ss.starts, en) // the spans before i start before en
	return i > 0 && ss.maxEnd[i-1] > st
}

// contains reports whether a span of the set holds [st, en).
func (ss spanSet) contains(st, en int) bool {
	i := sort.Search(len(ss.starts), func(i int) bool { return ss.starts[i] > st })
	return i > 0 && ss.maxEnd[i-1] >= en
}

// nameSpans returns the spans of the name mentions (not pronouns or
// nominals) of the entities keep accepts.
func nameSpans(doc *news.Doc, keep func(e *news.Entity) bool) []news.Span {
	var out []news.Span
	for i := range doc.Entities {
		if !keep(&doc.Entities[i]) {
			continue
		}
		for _, m := range doc.Entities[i].Mentions {
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
				out = append(out, m.Span)
			}
		}
	}
	return out
}

func isLOC(e *news.Entity) bool    { return e.Type == news.TypeLOC }
func isNotLOC(e *news.Entity) bool { return e.Type != news.TypeLOC }
func anyEntity(*news.Entity) bool  { return true }

// placeIndex finds the article's LOC entity of a name key, and adds LOC
// name mentions to it (or to a new LOC entity), during one pass over a
// document; finish puts the mentions of the entities it touched in text
// order.
type placeIndex struct {
	doc     *news.Doc
	byKey   map[string]int
	touched map[int]bool
}

// newPlaceIndex returns the index of doc's LOC entities, built when it is
// first used (see keys).
func newPlaceIndex(doc *news.Doc) *placeIndex {
	return &placeIndex{doc: doc, touched: map[int]bool{}}
}

// keys returns the index: the LOC entities by the keys of their name
// mentions, an entity without mentions (one claimDateline retyped) first
// by the key of its name.
func (px *placeIndex) keys() map[string]int {
	if px.byKey != nil {
		return px.byKey
	}
	px.byKey = map[string]int{}
	for i, e := range px.doc.Entities {
		if e.Type != news.TypeLOC {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind != news.MentionPronoun && m.Kind != news.MentionNominal {
				px.keep(gazetteer.Key(m.Text), i)
			}
		}
	}
	for i, e := range px.doc.Entities {
		if e.Type == news.TypeLOC && len(e.Mentions) == 0 {
			px.byKey[gazetteer.Key(e.Name)] = i // it takes its dateline
		}
	}
	return px.byKey
}

// keep indexes entity i under key k unless an earlier entity has it.
func (px *placeIndex) keep(k string, i int) {
	if _, ok := px.byKey[k]; !ok {
		px.byKey[k] = i
	}
}

// add gives the name mention text[sp] to the LOC entity of its key, or
// to a new LOC entity named so.
func (px *placeIndex) add(sp news.Span) {
	px.addMention(news.Mention{Span: sp, Text: sp.Of(px.doc.Text), Type: news.TypeLOC, Kind: news.MentionName})
}

// addMention gives mention m, typed LOC, to the LOC entity of its text's
// key, or to a new LOC entity named by its text.
func (px *placeIndex) addMention(m news.Mention) {
	doc := px.doc
	k := gazetteer.Key(m.Text)
	li, ok := px.keys()[k]
	if !ok {
		doc.Entities = append(doc.Entities, news.Entity{ID: fmt.Sprintf("E%d", len(doc.Entities)+1), Type: news.TypeLOC,
			Name: m.Text, Aliases: []string{}, Titles: []string{}})
		li = len(doc.Entities) - 1
		px.byKey[k] = li
	}
	m.Type = news.TypeLOC
	doc.Entities[li].Mentions = append(doc.Entities[li].Mentions, m)
	px.touched[li] = true
}

// finish sorts the mentions of the entities add touched.
func (px *placeIndex) finish() {
	for i := range px.touched {
		ms := px.doc.Entities[i].Mentions
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
}

// findNear returns, in text order, the matches of re (with submatch
// indices, as FindAllStringSubmatchIndex gives them, in text offsets)
// that hold an occurrence of needle, looking only within before bytes
// before and after bytes after each occurrence: a regular expression with
// Unicode classes is slow over a long text, and the needle is rare. A
// match (its first group, when it has one) must not start inside a word.
func findNear(re *regexp.Regexp, text, needle string, before, after int) [][]int {
	var out [][]int
	last := -1 // the end of the last match kept
	for from := 0; ; {
		i := strings.Index(text[from:], needle)
		if i < 0 {
			return out
		}
		i += from
		from = i + len(needle)
		lo, hi := max(0, i-before), min(len(text), i+len(needle)+after)
		for lo > 0 && lo < i && isWordByte(text[lo-1]) {
			lo++ // start the window at a word
		}
		for _, m := range re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += lo
				}
			}
			st := m[0]
			if len(m) > 2 && m[2] >= 0 {
				st = m[2]
			}
			if m[0] > i || m[1] < i+len(needle) || m[0] < last || st > 0 && isWordByte(text[st-1]) {
				continue
			}
			out = append(out, m)
			last = m[1]
		}
	}
}

// isWordByte reports an ASCII letter or digit, or a byte of a multi-byte
// character (a letter in the texts this reads).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// hyphenCompounds returns the spans of the capitalised words that hyphens
// join to others ("Armenia-Italy", "UK-bashing", "U.S.-led"), not inside
// a longer word, in text order.
func hyphenCompounds(text string) [][2]int {
	var out [][2]int
	end := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '-' || i < end {
			continue
		}
		st := i
		for st > 0 && compoundByte(text[st-1]) {
			st--
		}
		r, _ := utf8.DecodeRuneInString(text[st:])
		if st == i || !unicode.IsUpper(r) || st > 0 && isWordByte(text[st-1]) {
			continue
		}
		end = i
		for end < len(text) && (compoundByte(text[end]) || text[end] == '-' && end+1 < len(text) && compoundByte(text[end+1])) {
			end++
		}
		if end > i+1 {
			out = append(out, [2]int{st, end})
		}
	}
	return out
}

// compoundByte is a byte of a word of a compound: a letter (or a byte of a
// multi-byte letter), a period or an apostrophe.
func compoundByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 || b == '.' || b == '\''
}

// keyMemo remembers the gazetteer keys of the names of one document, which
// repeat: gazetteer.Key folds every character.
type keyMemo map[string]string

// key is gazetteer.Key(name), computed once per name.
func (km keyMemo) key(name string) string {
	k, ok := km[name]
	if !ok {
		k = gazetteer.Key(name)
		km[name] = k
	}
	return k
}
