package predarg

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/lemma"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Options adapt the finder to a caller's lexicon. Both are optional.
type Options struct {
	// IsVerb, when set, says whether token k is a verb, instead of its POS
	// tag (or, without tags, the guess from its form).
	IsVerb func(k int) bool
	// NounReading, when set, says whether token k, a word that is both a
	// verb and a noun ("attack", "strike"), is read as a noun where it
	// stands; it stops the search for a coordinated verb at that word.
	NounReading func(k int) bool
}

// Finder finds the predicates and arguments of one document. Make it with
// New; it is not safe for concurrent use with a document that changes.
type Finder struct {
	doc    *news.Doc
	opt    Options
	words  []string
	lower  []string
	pos    []string // the syntax stage's tags, or nil
	ref    []mentionRef
	sentOf []int
	// countries are entities that stand for a country as actors: demonyms
	// and geocoded countries.
	countries map[string]bool
}

// mentionRef is the mention covering a token.
type mentionRef struct {
	entity      string
	typ         string
	first, last int // token range of the mention
	pronoun     bool
}

// Prepare loads the lemma table the finder reads, so that a stage that
// calls it when it is made does not spend the load in its first
// document's time. It is safe to call more than once.
func Prepare() { lemma.Lemma("said", lemma.Verb) }

// New indexes doc for argument finding: which mention covers each token,
// and which sentence holds it. See the package comment for what doc needs.
func New(doc *news.Doc, opt Options) *Finder {
	n := len(doc.Tokens)
	f := &Finder{doc: doc, opt: opt, words: make([]string, n), lower: make([]string, n), ref: make([]mentionRef, n),
		sentOf: make([]int, n), countries: map[string]bool{}}
	if len(doc.POS) == n {
		f.pos = doc.POS
	}
	for i, t := range doc.Tokens {
		f.words[i] = t.Text
		f.lower[i] = strings.ToLower(t.Text)
		f.sentOf[i] = -1
	}
	for si, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken && k < n; k++ {
			f.sentOf[k] = si
		}
	}
	tix := news.NewTokenIndex(doc.Tokens)
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if first, last, ok := tix.Range(m.Span); ok {
				f.addMention(e, m, first, last)
			}
		}
		if e.Place != nil && e.Place.Feature == "country" {
			f.countries[e.ID] = true
		}
	}
	for id := range news.DemonymCountries(doc) {
		f.countries[id] = true
	}
	return f
}

func (f *Finder) addMention(e news.Entity, m news.Mention, first, last int) {
	for k := first; k <= last; k++ {
		if r := f.ref[k]; r.entity != "" && r.last-r.first > last-first {
			continue // a place named inside a longer name ("Air Zimbabwe") leaves the name its tokens
		}
		f.ref[k] = mentionRef{entity: e.ID, typ: e.Type, first: first, last: last, pronoun: m.Kind == news.MentionPronoun}
	}
}

// sentence returns the sentence that holds token k; ok is false for a
// token outside every sentence.
func (f *Finder) sentence(k int) (news.Sentence, bool) {
	if k < 0 || k >= len(f.sentOf) || f.sentOf[k] < 0 {
		return news.Sentence{}, false
	}
	return f.doc.Sentences[f.sentOf[k]], true
}

// tag returns the POS tag of token k, "" when the document has none.
func (f *Finder) tag(k int) string {
	if f.pos == nil {
		return ""
	}
	return f.pos[k]
}

// IsVerb reports whether token k is a finite verb or a participle: the
// caller's Options.IsVerb when set; else its POS tag (VB*, not in a
// name; or NN on a past form in -ed, which the tagger gets wrong after an
// adverb: "allegedly abducted"); else a guess from its form: a reporting
// or light verb, a common irregular past, or a lower-case word in -ed.
func (f *Finder) IsVerb(k int) bool {
	if f.opt.IsVerb != nil {
		return f.opt.IsVerb(k)
	}
	w := f.lower[k]
	if !isLower(f.words[k]) || determiners[w] {
		return false
	}
	if f.pos != nil {
		t := f.pos[k]
		return f.ref[k].entity == "" && (strings.HasPrefix(t, "VB") || t == "NN" && pastForm(w))
	}
	if EndsSubjectSearch(w, "") || lightVerb(w) || irregularPasts[w] {
		return true
	}
	return pastForm(w)
}

// pastForm reports a word that looks like a regular past form: longer than
// four letters, in -ed (not -eed: "speed"), no hyphen.
func pastForm(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !strings.Contains(w, "-")
}

// nounReading reports whether token k reads as a noun where it stands.
func (f *Finder) nounReading(k int) bool {
	if f.opt.NounReading != nil {
		return f.opt.NounReading(k)
	}
	return f.pos != nil && strings.HasPrefix(f.pos[k], "NN")
}

// Entity returns the entity of the mention covering token k, or "".
func (f *Finder) Entity(k int) string {
	if k < 0 || k >= len(f.ref) {
		return ""
	}
	return f.ref[k].entity
}
