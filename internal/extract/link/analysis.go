package link

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// analysis is what the rules read of one document: token words, which
// sentence each token is in, and which tokens lie inside quotation marks.
type analysis struct {
	doc     *news.Doc
	words   []string
	sentOf  []int
	inQuote []bool
	inName  []bool // token lies inside a name mention
	// headline marks sentences in headline title case (see markHeadlines).
	headline []bool
	// nameSteps counts the trie steps of propagateNames, so that a test
	// can pin its cost to the number of tokens.
	nameSteps int
}

func newAnalysis(doc *news.Doc) *analysis {
	a := &analysis{
		doc:     doc,
		words:   make([]string, len(doc.Tokens)),
		sentOf:  make([]int, len(doc.Tokens)),
		inQuote: make([]bool, len(doc.Tokens)),
		inName:  make([]bool, len(doc.Tokens)),
	}
	for i, t := range doc.Tokens {
		a.words[i] = t.Text
	}
	for si, s := range doc.Sentences {
		for i := s.FirstToken; i < s.EndToken && i < len(a.sentOf); i++ {
			a.sentOf[i] = si
		}
	}
	a.markQuotes()
	return a
}

// markQuotes marks tokens between double quotation marks. A quote never
// runs past its paragraph, so an unbalanced mark cannot swallow the text.
func (a *analysis) markQuotes() {
	open := -1
	for i, w := range a.words {
		if i > 0 && strings.Contains(a.doc.Text[a.doc.Tokens[i-1].End:a.doc.Tokens[i].Start], "\n") {
			open = -1
		}
		switch w {
		case "“":
			open = i
		case "”":
			open = -1
		case "\"":
			if open >= 0 {
				open = -1
			} else {
				open = i
			}
		default:
			a.inQuote[i] = open >= 0
		}
	}
}

// nameMention is a NER mention cleaned up for linking.
type nameMention struct {
	first, end int // token range
	span       news.Span
	typ        string
	text       string
	words      []string // nameWords(text)
	key        string
	// innerTitle is the token range of title words the NER span included
	// ("Senator" in "Senator Haji Adeel"); empty when none.
	innerTitleFrom, innerTitleTo int
	// cued is set when the words around the mention, not NER, gave its
	// type ("rights group B'Tselem"); the entity's type vote counts it
	// as a multi-word name.
	cued bool
}

func (a *analysis) span(first, end int) news.Span {
	return news.Span{Start: a.doc.Tokens[first].Start, End: a.doc.Tokens[end-1].End}
}

func (a *analysis) mention(first, end int, typ, kind string) news.Mention {
	sp := a.span(first, end)
	return news.Mention{Span: sp, Text: sp.Of(a.doc.Text), Type: typ, Kind: kind}
}

// nameMentions maps the NER mentions to token ranges, trims punctuation,
// "the" and possessives from their edges, moves title words out of
// people's names, and joins "Committee" + "on" + "Foreign Affairs" when
// NER split an institution's name at its preposition.
func (a *analysis) nameMentions() []nameMention {
	tix := news.NewTokenIndex(a.doc.Tokens)
	var out []nameMention
	for _, m := range a.doc.Mentions {
		first, last, ok := tix.Range(m.Span)
		if !ok {
			continue
		}
		nm, ok := a.cleanMention(first, last+1, m.Type)
		if ok {
			out = append(out, nm)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return a.joinInstitutionNames(out)
}

// markNames records which tokens lie inside the final name mentions.
func (a *analysis) markNames(names []nameMention) {
	for _, nm := range names {
		for i := nm.first; i < nm.end; i++ {
			a.inName[i] = true
		}
	}
}

func (a *analysis) cleanMention(first, end int, typ string) (nameMention, bool) {
	for first < end && (!hasLetterOrDigit(a.words[first]) || a.words[first] == "the" || a.words[first] == "The") {
		first++
	}
	for end > first && (!hasLetterOrDigit(a.words[end-1]) || isPossessive(a.words[end-1])) {
		end--
	}
	typ = retypeNonPerson(a.words[first:end], typ)
	nm := nameMention{typ: typ}
	if typ == news.TypePER {
		t := first
		for t < end-1 && (isTitleHead(a.words[t]) || isTitleModifier(a.words[t]) || honorifics[wordForm(a.words[t])] != 0 ||
			isLeadingLabel(a.words[t])) {
			t++
		}
		if t > first && isTitleHead(a.words[t-1]) {
			nm.innerTitleFrom, nm.innerTitleTo = first, t
		}
		first = t
	}
	if first >= end {
		return nm, false
	}
	nm.first, nm.end = first, end
	nm.span = a.span(first, end)
	nm.text = nm.span.Of(a.doc.Text)
	nm.words = nameWords(nm.text)
	nm.key = strings.Join(nm.words, " ")
	return nm, nm.key != ""
}

// institutionHeads end the first half of a name that continues with a
// preposition: "Committee on Foreign Affairs", "Ministry of Defence"; a
// name that begins with one before "of" is an organisation's ("Embassy of
// the Islamic Republic of Iran").
var institutionHeads = set(`
	embassy consulate committee commission council ministry department institute university bank organisation
	organization association agency office board court party union league federation academy
	college school society foundation centre center bureau authority service forces army front
	movement assembly corporation company fund programme program tribunal division subcommittee
	panel caucus
`)

func (a *analysis) joinInstitutionNames(ms []nameMention) []nameMention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.typ == news.TypeORG && institutionHeads[wordForm(a.words[m.end-1])] {
			if end := a.institutionTail(m.end); end > m.end {
				for i+1 < len(ms) && ms[i+1].first < end {
					end = max(end, ms[i+1].end)
					i++ // the tail swallowed the next mention
				}
				if grown, ok := a.cleanMention(m.first, end, news.TypeORG); ok {
					m = grown
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// institutionTail returns where the name of an institution ends when it
// continues after index at with "of" / "on" / "for", an optional article
// and capitalised words ("Committee for a Responsible Federal Budget"),
// or at itself when it does not.
func (a *analysis) institutionTail(at int) int {
	w := a.words
	i := at
	if i >= len(w) || !isJoiningPreposition(w[i]) {
		return at
	}
	i++
	if i < len(w) && (w[i] == "a" || w[i] == "the") {
		i++
	}
	start := i
	for i < len(w) && i-start < 6 && (isCapitalised(w[i]) || (i > start && (w[i] == "and" || w[i] == "of") && i+1 < len(w) && isCapitalised(w[i+1]))) {
		i++
	}
	if i == start || a.sentOf[i-1] != a.sentOf[at] {
		return at
	}
	return i
}

func isJoiningPreposition(w string) bool { return w == "of" || w == "on" || w == "for" }

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
