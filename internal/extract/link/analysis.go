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

// nameMentions maps the NER mentions to token ranges, cuts them at
// punctuation that never stands inside a name (see cutAtBreaks), trims
// punctuation, "the" and possessives from their edges, moves title words
// out of people's names, and joins "Committee" + "on" + "Foreign Affairs"
// when NER split an institution's name at its preposition.
func (a *analysis) nameMentions() []nameMention {
	tix := news.NewTokenIndex(a.doc.Tokens)
	var out []nameMention
	for _, m := range a.doc.Mentions {
		first, last, ok := tix.Range(m.Span)
		if !ok {
			continue
		}
		for _, part := range a.cutAtBreaks(first, last+1, m.Type) {
			if nm, ok := a.cleanMention(part[0], part[1], m.Type); ok {
				out = append(out, nm)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return a.joinInstitutionNames(out)
}

// nameBreaks are tokens that never stand inside a name: NER spans that
// hold one run two names together ("Joe Biden…Harry Reid",
// "Clinton/Obama") and are cut there, so that the junk does not join,
// under one name key, the entities of the names inside it.
var nameBreaks = set(`… ... / |`)

// quoteMarks break a span that is not a person's at a quoted name inside
// it ("Loved ‘Lilyhammer’", a headline's "Over Ohio’s ‘Golden Week’ Of
// Early Voting"); in a person's name they enclose a nickname (`Juan
// "Chico" Manriquez`) and break it only right after a colon, where a
// transcript's speaker runs into the speech (`Clinton:"We`). A closing
// single quote is one only after an opening one in the span, else it is
// an apostrophe ("Veterans’ Affairs", "Lyin’ Ted"); colons alone are not
// breaks ("Star Wars: The Force Awakens").
var quoteMarks = set(`" “ ” ‘ ’ '`)

// cutStubs are the one-word parts of a cut span that are not names: the
// speech a transcript's speaker ran into (`Clinton:"We`).
var cutStubs = set(`i we you he she it they me us him her them my our your his its their this that these those
	the a an and or but so if of to in on at for with`)

// cutAtBreaks returns the token ranges of the NER span [first, end) of
// type typ between the tokens that break it (see nameBreaks and
// quoteMarks), leaving out a part of one word of cutStubs.
func (a *analysis) cutAtBreaks(first, end int, typ string) [][2]int {
	var parts [][2]int
	start, whole := first, end-first
	for i := first; i <= end; i++ {
		if i < end && !a.breaksName(i, start, typ) {
			continue
		}
		if i-first != 1 || whole == 1 || !cutStubs[strings.ToLower(a.words[first])] {
			parts = append(parts, [2]int{first, i})
		}
		first = i + 1
	}
	return parts
}

// opensQuote reports whether an opening single quote stands among the
// tokens [first, i), which makes a single quote at i its closing one.
func (a *analysis) opensQuote(first, i int) bool {
	for k := first; k < i; k++ {
		if w := a.words[k]; w == "‘" || w == "'" {
			return true
		}
	}
	return false
}

// breaksName reports whether token i, inside a NER span of type typ that
// starts at token first, breaks it (see nameBreaks and quoteMarks).
func (a *analysis) breaksName(i, first int, typ string) bool {
	w := a.words[i]
	switch {
	case nameBreaks[w]:
		return true
	case !quoteMarks[w]:
		return false
	case (w == "’" || w == "'") && !a.opensQuote(first, i):
		return false // an apostrophe: "Veterans’ Affairs", "Lyin’ Ted"
	case typ == news.TypePER:
		return i > first && a.words[i-1] == ":"
	}
	return true
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
