// Package searchq parses the search syntax that every news.Store
// answers (see news.SearchQuery): words that must all occur, "quoted
// phrases", word* prefixes, OR, NOT or -term, and the field filters
// entity:, place:, type:, from: and to:. A store translates the parsed
// Plan into its own full-text query (FTS5 in internal/sqlite, tsquery in
// internal/postgres), so that the syntax, its limits and its error
// messages are the same in both.
package searchq

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Limits bound the work one search query may ask of the full-text
// index, so that a short query cannot hold a reader for minutes (repeating
// "t*" 166 times once took 90 s). A query over a limit is refused with a
// *news.QueryError before anything is searched. A zero field takes its
// value from DefaultLimits.
type Limits struct {
	// MaxTerms is the most words a query may hold once repeats are
	// dropped, the words of "quoted phrases" and of every OR alternative
	// included.
	MaxTerms int
	// MinPrefix is the fewest letters or digits a word* prefix must have.
	MinPrefix int
	// MaxExpansions is the most indexed words the prefixes of one query
	// may stand for together (FTS5 reads the postings of each of them).
	MaxExpansions int
}

// DefaultLimits are the limits of a store whose Config leaves them
// zero: 16 words, prefixes of 3 letters or more, which together stand
// for at most 500 indexed words.
var DefaultLimits = Limits{MaxTerms: 16, MinPrefix: 3, MaxExpansions: 500}

// WithDefaults returns l with its zero (or negative) fields set from
// DefaultLimits.
func (l Limits) WithDefaults() Limits {
	if l.MaxTerms <= 0 {
		l.MaxTerms = DefaultLimits.MaxTerms
	}
	if l.MinPrefix <= 0 {
		l.MinPrefix = DefaultLimits.MinPrefix
	}
	if l.MaxExpansions <= 0 {
		l.MaxExpansions = DefaultLimits.MaxExpansions
	}
	return l
}

// Plan is a user's search query as FTS5 will run it: alternatives
// joined by OR, each a list of distinct terms that must all occur. (FTS5
// binds the implicit AND between terms tighter than OR, so "a b OR c" is
// "(a AND b) OR c", which is what this shape says.) Excluded terms (NOT
// x, -x) must not occur; field filters (entity:, place:, type:, from:,
// to:) narrow the articles like the filters of news.SearchQuery.
type Plan struct {
	Alts    [][]Term
	Exclude []Term
	Filters Filters
}

// Filters are the field filters of a query's text.
type Filters struct {
	Entities []EntityFilter // entity:NAME, place:NAME; all must be mentioned
	Type     string         // type:PER|ORG|LOC|MISC
	From, To string         // from:YYYY-MM-DD, to:YYYY-MM-DD, inclusive
	Count    int            // how many filters the text gave (MaxTerms counts them)
}

// EntityFilter keeps articles that mention a store entity of one of its
// names; Type, when set, is the entity's type.
type EntityFilter struct {
	Name, Type string
}

// Term is a word, a word* prefix or a "quoted phrase".
type Term struct {
	Words  []string // letters and digits only, so quoting them is safe
	Prefix bool     // the last word is a prefix
}

// Key is the term as the index sees it (lower case, no diacritics), so
// that "Trump" and "trump" are one term.
func (t Term) Key() string {
	s := `"` + strings.Join(t.Words, " ") + `"`
	if t.Prefix {
		s += "*"
	}
	return Fold(s)
}

// AllTerms returns the terms to find and the excluded ones.
func (p Plan) AllTerms() []Term {
	var out []Term
	for _, alt := range p.Alts {
		out = append(out, alt...)
	}
	return append(out, p.Exclude...)
}

// Words counts the words of the plan, excluded ones included, and its
// field filters: what MaxTerms bounds.
func (p Plan) Words() int {
	n := p.Filters.Count
	for _, t := range p.AllTerms() {
		n += len(t.Words)
	}
	return n
}

// Prefixes returns the distinct prefixes of the plan, as the index
// stores words (see Fold).
func (p Plan) Prefixes() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range p.AllTerms() {
		if w := Fold(t.Words[len(t.Words)-1]); t.Prefix && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// Parse parses a user's query (see news.SearchQuery: words that must
// all occur, "quoted phrases", word* prefixes, OR between two terms, NOT
// or - before a term to exclude, field filters entity:, place:, type:,
// from:, to:) into a plan with every repeated term and alternative
// dropped, and checks the limits that need no index: MaxTerms and
// MinPrefix. Punctuation separates words and is otherwise ignored, so no
// input is an FTS5 syntax error; a field filter with a bad value or a NOT
// before nothing is a *news.QueryError with a hint. A query of excluded
// terms only keeps every article without them.
func Parse(s string, lim Limits) (Plan, error) {
	p := planBuilder{seenAlt: map[string]bool{}, seenNot: map[string]bool{}}
	negate := false
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if !negate && len(s) > 1 && s[0] == '-' && (s[1] == '"' || unicode.IsLetter(rune(s[1])) || unicode.IsDigit(rune(s[1])) || s[1] >= utf8.RuneSelf) {
			negate, s = true, s[1:]
		}
		if s[0] == '"' {
			var raw string
			raw, s = cutPhrase(s[1:])
			if words := SplitWords(raw); len(words) > 0 {
				p.term(Term{Words: words}, negate)
			}
			negate = false
			continue
		}
		var raw string
		raw, s = cutToken(s)
		switch {
		case raw == "OR" && !negate:
			p.or()
			continue
		case raw == "NOT" && !negate:
			negate = true
			continue
		}
		if field, value, ok := fieldFilter(raw); ok && !negate {
			if value == "" && strings.HasPrefix(s, `"`) {
				value, s = cutPhrase(s[1:])
			}
			if err := p.filters.add(field, strings.TrimSpace(value)); err != nil {
				return p.plan, err
			}
			continue
		}
		words := SplitWords(raw)
		for i, w := range words {
			p.term(Term{Words: []string{w}, Prefix: strings.HasSuffix(raw, "*") && i == len(words)-1}, negate)
		}
		negate = false
	}
	if negate {
		return p.plan, &news.QueryError{Problem: "NOT (or -) is followed by nothing",
			Hint: `write the word or "phrase" to exclude right after it, e.g. floods NOT sindh`}
	}
	p.or()
	p.plan.Filters = p.filters
	return p.plan, checkPlan(p.plan, lim)
}

// cutToken returns the text up to the next white space, or up to and
// including the quote of a field filter whose value is quoted
// (entity:"Chaudhry Nisar" gives entity: and leaves the quoted value),
// and the rest.
func cutToken(s string) (token, rest string) {
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		end = len(s)
	}
	if q := strings.Index(s[:end], `:"`); q >= 0 {
		if _, _, ok := fieldFilter(s[:q+1]); ok {
			return s[:q+1], s[q+1:]
		}
	}
	return s[:end], s[end:]
}

// queryFields are the field filters a query's text may hold.
var queryFields = []string{"entity", "place", "type", "from", "to"}

// fieldFilter splits a token like entity:Nisar into its field (lower
// case) and value; ok is false when the token is no field filter.
func fieldFilter(tok string) (field, value string, ok bool) {
	field, value, ok = strings.Cut(tok, ":")
	if !ok {
		return "", "", false
	}
	field = strings.ToLower(field)
	return field, value, slices.Contains(queryFields, field)
}

// add records one field filter, or says why its value is wrong.
func (f *Filters) add(field, value string) error {
	if value == "" {
		return &news.QueryError{Problem: fmt.Sprintf("the filter %s: has no value", field),
			Hint: fmt.Sprintf(`write the value right after the colon, e.g. %s`, fieldExample(field))}
	}
	f.Count++
	switch field {
	case "entity":
		f.Entities = append(f.Entities, EntityFilter{Name: value})
	case "place":
		f.Entities = append(f.Entities, EntityFilter{Name: value, Type: news.TypeLOC})
	case "type":
		t := strings.ToUpper(value)
		if t != news.TypePER && t != news.TypeORG && t != news.TypeLOC && t != news.TypeMISC {
			return &news.QueryError{Problem: fmt.Sprintf("type:%s is no entity type", value), Hint: "use type:PER, type:ORG, type:LOC or type:MISC"}
		}
		if f.Type != "" && f.Type != t {
			return &news.QueryError{Problem: fmt.Sprintf("it asks for two entity types, %s and %s", f.Type, t), Hint: "give one type: filter"}
		}
		f.Type = t
	case "from", "to":
		if _, err := time.Parse("2006-01-02", value); err != nil {
			return &news.QueryError{Problem: fmt.Sprintf("%s:%s is not a date", field, value), Hint: "write dates like " + fieldExample(field)}
		}
		if field == "from" {
			f.From = value
		} else {
			f.To = value
		}
	}
	return nil
}

// fieldExample is an example of a field filter, for hints.
func fieldExample(field string) string {
	switch field {
	case "entity":
		return `entity:"Chaudhry Nisar"`
	case "place":
		return "place:Quetta"
	case "type":
		return "type:PER"
	case "from":
		return "from:2015-01-01"
	}
	return "to:2015-12-31"
}

// cutPhrase returns the text up to the closing quote (the rest of s when
// there is none) and what follows that quote.
func cutPhrase(s string) (phrase, rest string) {
	end := strings.IndexByte(s, '"')
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end+1:]
}

// planBuilder collects a plan one term at a time, dropping repeats.
type planBuilder struct {
	plan    Plan
	filters Filters
	alt     []Term
	seen    map[string]bool // the terms of alt
	seenAlt map[string]bool // the alternatives of plan
	seenNot map[string]bool // the excluded terms
}

// term adds t to the current alternative, or to the excluded terms when
// negate is set, unless it is already there.
func (b *planBuilder) term(t Term, negate bool) {
	if !negate {
		b.add(t)
		return
	}
	if key := t.Key(); !b.seenNot[key] {
		b.seenNot[key] = true
		b.plan.Exclude = append(b.plan.Exclude, t)
	}
}

// add adds t to the current alternative unless it is already there.
func (b *planBuilder) add(t Term) {
	key := t.Key()
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	if !b.seen[key] {
		b.seen[key] = true
		b.alt = append(b.alt, t)
	}
}

// or ends the current alternative; an empty or repeated one is dropped.
func (b *planBuilder) or() {
	if len(b.alt) == 0 {
		return
	}
	keys := make([]string, len(b.alt))
	for i, t := range b.alt {
		keys[i] = t.Key()
	}
	slices.Sort(keys) // the terms of an alternative are AND-ed: their order does not matter
	if key := strings.Join(keys, " "); !b.seenAlt[key] {
		b.seenAlt[key] = true
		b.plan.Alts = append(b.plan.Alts, b.alt)
	}
	b.alt, b.seen = nil, nil
}

// checkPlan checks the limits that need no index.
func checkPlan(p Plan, lim Limits) error {
	if n := p.Words(); n > lim.MaxTerms {
		return &news.QueryError{Problem: fmt.Sprintf("it has %d different words, more than %d", n, lim.MaxTerms),
			Hint: fmt.Sprintf("search with at most %d words", lim.MaxTerms)}
	}
	for _, w := range p.Prefixes() {
		if utf8.RuneCountInString(w) < lim.MinPrefix {
			return &news.QueryError{Problem: fmt.Sprintf("the prefix %q is too short", w+"*"),
				Hint: fmt.Sprintf("write at least %d letters before *", lim.MinPrefix)}
		}
	}
	return nil
}

func SplitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Fold returns w as the full-text index stores it (unicode61
// remove_diacritics 2): lower case, without the combining marks of
// canonical decomposition, so that "Théâtre" becomes "theatre".
func Fold(w string) string {
	if isASCII(w) {
		return strings.ToLower(w)
	}
	// A transform.Chain keeps state: one per call, as calls run at once.
	unaccent := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(unaccent, strings.ToLower(w))
	if err != nil {
		return strings.ToLower(w)
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TooManyExpansions says that the prefixes stand for more than max words.
func TooManyExpansions(prefixes []string, max int) string {
	quoted := make([]string, len(prefixes))
	for i, w := range prefixes {
		quoted[i] = fmt.Sprintf("%q", w+"*")
	}
	if len(quoted) == 1 {
		return fmt.Sprintf("the prefix %s stands for more than %d indexed words", quoted[0], max)
	}
	return fmt.Sprintf("the prefixes %s stand for more than %d indexed words together", strings.Join(quoted, ", "), max)
}

// MergeFilters returns the field filters of the plan's text merged with
// those given beside it in q (Type, Since, Until, Entity): a filter
// given both ways with different values is a *news.QueryError; q's
// entity comes first.
func (p Plan) MergeFilters(q news.SearchQuery) (Filters, error) {
	f := p.Filters
	f.Entities = slices.Clone(f.Entities)
	for _, v := range []struct {
		name, flag string
		text       *string
	}{
		{"type", q.Type, &f.Type}, {"from", q.Since, &f.From}, {"to", q.Until, &f.To},
	} {
		switch {
		case *v.text == "":
			*v.text = v.flag
		case v.flag != "" && v.flag != *v.text:
			return f, &news.QueryError{Problem: fmt.Sprintf("%s:%s differs from the filter given beside the query (%s)", v.name, *v.text, v.flag),
				Hint: "give the filter once"}
		}
	}
	if q.Entity != "" {
		f.Entities = append([]EntityFilter{{Name: q.Entity}}, f.Entities...)
	}
	return f, nil
}

// MatchesNothing reports whether the plan of text can match no article:
// the text held only punctuation (no term, no exclusion, no filter).
func (p Plan) MatchesNothing(text string) bool {
	return len(p.Alts) == 0 && len(p.Exclude) == 0 && p.Filters.Count == 0 && strings.TrimSpace(text) != ""
}
