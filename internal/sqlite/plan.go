package sqlite

import (
	"context"
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

// SearchLimits bound the work one search query may ask of the full-text
// index, so that a short query cannot hold a reader for minutes (repeating
// "t*" 166 times once took 90 s). A query over a limit is refused with a
// *news.QueryError before anything is searched. A zero field takes its
// value from DefaultSearchLimits.
type SearchLimits struct {
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

// DefaultSearchLimits are the limits of a store whose Config leaves them
// zero: 16 words, prefixes of 3 letters or more, which together stand
// for at most 500 indexed words.
var DefaultSearchLimits = SearchLimits{MaxTerms: 16, MinPrefix: 3, MaxExpansions: 500}

// withDefaults returns l with its zero (or negative) fields set from
// DefaultSearchLimits.
func (l SearchLimits) withDefaults() SearchLimits {
	if l.MaxTerms <= 0 {
		l.MaxTerms = DefaultSearchLimits.MaxTerms
	}
	if l.MinPrefix <= 0 {
		l.MinPrefix = DefaultSearchLimits.MinPrefix
	}
	if l.MaxExpansions <= 0 {
		l.MaxExpansions = DefaultSearchLimits.MaxExpansions
	}
	return l
}

// queryPlan is a user's search query as FTS5 will run it: alternatives
// joined by OR, each a list of distinct terms that must all occur. (FTS5
// binds the implicit AND between terms tighter than OR, so "a b OR c" is
// "(a AND b) OR c", which is what this shape says.) Excluded terms (NOT
// x, -x) must not occur; field filters (entity:, place:, type:, from:,
// to:) narrow the articles like the filters of news.SearchQuery.
type queryPlan struct {
	alts    [][]queryTerm
	exclude []queryTerm
	filters queryFilters
}

// queryFilters are the field filters of a query's text.
type queryFilters struct {
	entities []entityFilter // entity:NAME, place:NAME; all must be mentioned
	typ      string         // type:PER|ORG|LOC|MISC
	from, to string         // from:YYYY-MM-DD, to:YYYY-MM-DD, inclusive
	count    int            // how many filters the text gave (MaxTerms counts them)
}

// entityFilter keeps articles that mention a store entity of one of its
// names; typ, when set, is the entity's type.
type entityFilter struct {
	name, typ string
}

// queryTerm is a word, a word* prefix or a "quoted phrase".
type queryTerm struct {
	words  []string // letters and digits only, so quoting them is safe
	prefix bool     // the last word is a prefix
}

// key is the term as the index sees it (lower case, no diacritics), so
// that "Trump" and "trump" are one term.
func (t queryTerm) key() string {
	return foldWord(t.fts())
}

// fts writes the term in FTS5 syntax: quoted, so that FTS5 operators and
// column names in it are plain words.
func (t queryTerm) fts() string {
	s := `"` + strings.Join(t.words, " ") + `"`
	if t.prefix {
		s += "*"
	}
	return s
}

// match returns the plan in FTS5 syntax, "" for a plan without terms to
// find. Excluded terms follow NOT, in parentheses, as FTS5 binds NOT
// tighter than AND and OR.
func (p queryPlan) match() string {
	alts := make([]string, len(p.alts))
	for i, alt := range p.alts {
		terms := make([]string, len(alt))
		for j, t := range alt {
			terms[j] = t.fts()
		}
		alts[i] = strings.Join(terms, " ")
	}
	m := strings.Join(alts, " OR ")
	if m == "" || len(p.exclude) == 0 {
		return m
	}
	return "(" + m + ") NOT (" + p.excluded() + ")"
}

// excluded returns the excluded terms in FTS5 syntax joined by OR, ""
// when there are none.
func (p queryPlan) excluded() string {
	terms := make([]string, len(p.exclude))
	for i, t := range p.exclude {
		terms[i] = t.fts()
	}
	return strings.Join(terms, " OR ")
}

// allTerms returns the terms to find and the excluded ones.
func (p queryPlan) allTerms() []queryTerm {
	var out []queryTerm
	for _, alt := range p.alts {
		out = append(out, alt...)
	}
	return append(out, p.exclude...)
}

// words counts the words of the plan, excluded ones included, and its
// field filters: what MaxTerms bounds.
func (p queryPlan) words() int {
	n := p.filters.count
	for _, t := range p.allTerms() {
		n += len(t.words)
	}
	return n
}

// prefixes returns the distinct prefixes of the plan, as the index
// stores words (see foldWord).
func (p queryPlan) prefixes() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range p.allTerms() {
		if w := foldWord(t.words[len(t.words)-1]); t.prefix && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// parseQuery parses a user's query (see news.SearchQuery: words that must
// all occur, "quoted phrases", word* prefixes, OR between two terms, NOT
// or - before a term to exclude, field filters entity:, place:, type:,
// from:, to:) into a plan with every repeated term and alternative
// dropped, and checks the limits that need no index: MaxTerms and
// MinPrefix. Punctuation separates words and is otherwise ignored, so no
// input is an FTS5 syntax error; a field filter with a bad value or a NOT
// before nothing is a *news.QueryError with a hint. A query of excluded
// terms only keeps every article without them.
func parseQuery(s string, lim SearchLimits) (queryPlan, error) {
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
			if words := ftsWords(raw); len(words) > 0 {
				p.term(queryTerm{words: words}, negate)
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
		words := ftsWords(raw)
		for i, w := range words {
			p.term(queryTerm{words: []string{w}, prefix: strings.HasSuffix(raw, "*") && i == len(words)-1}, negate)
		}
		negate = false
	}
	if negate {
		return p.plan, &news.QueryError{Problem: "NOT (or -) is followed by nothing",
			Hint: `write the word or "phrase" to exclude right after it, e.g. floods NOT sindh`}
	}
	p.or()
	p.plan.filters = p.filters
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
func (f *queryFilters) add(field, value string) error {
	if value == "" {
		return &news.QueryError{Problem: fmt.Sprintf("the filter %s: has no value", field),
			Hint: fmt.Sprintf(`write the value right after the colon, e.g. %s`, fieldExample(field))}
	}
	f.count++
	switch field {
	case "entity":
		f.entities = append(f.entities, entityFilter{name: value})
	case "place":
		f.entities = append(f.entities, entityFilter{name: value, typ: news.TypeLOC})
	case "type":
		t := strings.ToUpper(value)
		if t != news.TypePER && t != news.TypeORG && t != news.TypeLOC && t != news.TypeMISC {
			return &news.QueryError{Problem: fmt.Sprintf("type:%s is no entity type", value), Hint: "use type:PER, type:ORG, type:LOC or type:MISC"}
		}
		if f.typ != "" && f.typ != t {
			return &news.QueryError{Problem: fmt.Sprintf("it asks for two entity types, %s and %s", f.typ, t), Hint: "give one type: filter"}
		}
		f.typ = t
	case "from", "to":
		if _, err := time.Parse("2006-01-02", value); err != nil {
			return &news.QueryError{Problem: fmt.Sprintf("%s:%s is not a date", field, value), Hint: "write dates like " + fieldExample(field)}
		}
		if field == "from" {
			f.from = value
		} else {
			f.to = value
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
	plan    queryPlan
	filters queryFilters
	alt     []queryTerm
	seen    map[string]bool // the terms of alt
	seenAlt map[string]bool // the alternatives of plan
	seenNot map[string]bool // the excluded terms
}

// term adds t to the current alternative, or to the excluded terms when
// negate is set, unless it is already there.
func (b *planBuilder) term(t queryTerm, negate bool) {
	if !negate {
		b.add(t)
		return
	}
	if key := t.key(); !b.seenNot[key] {
		b.seenNot[key] = true
		b.plan.exclude = append(b.plan.exclude, t)
	}
}

// add adds t to the current alternative unless it is already there.
func (b *planBuilder) add(t queryTerm) {
	key := t.key()
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
		keys[i] = t.key()
	}
	slices.Sort(keys) // the terms of an alternative are AND-ed: their order does not matter
	if key := strings.Join(keys, " "); !b.seenAlt[key] {
		b.seenAlt[key] = true
		b.plan.alts = append(b.plan.alts, b.alt)
	}
	b.alt, b.seen = nil, nil
}

// checkPlan checks the limits that need no index.
func checkPlan(p queryPlan, lim SearchLimits) error {
	if n := p.words(); n > lim.MaxTerms {
		return &news.QueryError{Problem: fmt.Sprintf("it has %d different words, more than %d", n, lim.MaxTerms),
			Hint: fmt.Sprintf("search with at most %d words", lim.MaxTerms)}
	}
	for _, w := range p.prefixes() {
		if utf8.RuneCountInString(w) < lim.MinPrefix {
			return &news.QueryError{Problem: fmt.Sprintf("the prefix %q is too short", w+"*"),
				Hint: fmt.Sprintf("write at least %d letters before *", lim.MinPrefix)}
		}
	}
	return nil
}

func ftsWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldWord returns w as the full-text index stores it (unicode61
// remove_diacritics 2): lower case, without the combining marks of
// canonical decomposition, so that "Théâtre" becomes "theatre".
func foldWord(w string) string {
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

// plan parses text into a query plan within the store's limits,
// counting in the index's vocabulary what each prefix stands for.
func (s *DB) plan(ctx context.Context, text string) (queryPlan, error) {
	p, err := parseQuery(text, s.limits)
	if err != nil {
		return p, err
	}
	if err := s.checkExpansions(ctx, p.prefixes()); err != nil {
		return p, err
	}
	return p, nil
}

// checkExpansions refuses prefixes (folded, see foldWord) that together
// stand for more than MaxExpansions indexed words. It reads at most
// MaxExpansions+1 entries of the index's vocabulary (articles_vocab).
func (s *DB) checkExpansions(ctx context.Context, prefixes []string) error {
	budget := s.limits.MaxExpansions
	for _, w := range prefixes {
		var n int
		// Every word starting with w sorts between w and w+"\xff": no
		// byte of UTF-8 text is 0xff.
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles_vocab
			WHERE term >= ? AND term < ? LIMIT ?)`, w, w+"\xff", budget+1).Scan(&n)
		if err != nil {
			return fmt.Errorf("search: expand %s*: %w", w, err)
		}
		if budget -= n; budget < 0 {
			return &news.QueryError{Problem: tooManyExpansions(prefixes, s.limits.MaxExpansions),
				Hint: "write more letters before *, or whole words"}
		}
	}
	return nil
}

// tooManyExpansions says that the prefixes stand for more than max words.
func tooManyExpansions(prefixes []string, max int) string {
	quoted := make([]string, len(prefixes))
	for i, w := range prefixes {
		quoted[i] = fmt.Sprintf("%q", w+"*")
	}
	if len(quoted) == 1 {
		return fmt.Sprintf("the prefix %s stands for more than %d indexed words", quoted[0], max)
	}
	return fmt.Sprintf("the prefixes %s stand for more than %d indexed words together", strings.Join(quoted, ", "), max)
}

// SetSearchLimits sets the limits of the searches to come; zero fields
// take DefaultSearchLimits. Call it before the store serves searches (it
// is not synchronised with them), as 'newsgraph serve' does with its
// flags.
func (s *DB) SetSearchLimits(l SearchLimits) {
	s.limits = l.withDefaults()
}
