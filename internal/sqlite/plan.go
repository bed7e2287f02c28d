package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/searchq"
)

// SearchLimits bound the work one search query may ask of the full-text
// index (see searchq.Limits): a query over a limit is refused with a
// *news.QueryError before anything is searched. A zero field takes its
// value from DefaultSearchLimits.
type SearchLimits = searchq.Limits

// DefaultSearchLimits are the limits of a store whose Config leaves them
// zero (searchq.DefaultLimits).
var DefaultSearchLimits = searchq.DefaultLimits

// queryPlan is a user's search query (parsed by internal/searchq) as
// FTS5 will run it: alternatives joined by OR, each a list of distinct
// terms that must all occur. (FTS5 binds the implicit AND between terms
// tighter than OR, so "a b OR c" is "(a AND b) OR c", which is what the
// plan's shape says.)
type queryPlan struct{ searchq.Plan }

// parseQuery parses s within the limits that need no index
// (searchq.Parse).
func parseQuery(s string, lim SearchLimits) (queryPlan, error) {
	p, err := searchq.Parse(s, lim)
	return queryPlan{p}, err
}

// fts writes the term in FTS5 syntax: quoted, so that FTS5 operators and
// column names in it are plain words.
func fts(t searchq.Term) string {
	s := `"` + strings.Join(t.Words, " ") + `"`
	if t.Prefix {
		s += "*"
	}
	return s
}

// match returns the plan in FTS5 syntax, "" for a plan without terms to
// find. Excluded terms follow NOT, in parentheses, as FTS5 binds NOT
// tighter than AND and OR.
func (p queryPlan) match() string {
	alts := make([]string, len(p.Alts))
	for i, alt := range p.Alts {
		terms := make([]string, len(alt))
		for j, t := range alt {
			terms[j] = fts(t)
		}
		alts[i] = strings.Join(terms, " ")
	}
	m := strings.Join(alts, " OR ")
	if m == "" || len(p.Exclude) == 0 {
		return m
	}
	return "(" + m + ") NOT (" + p.excluded() + ")"
}

// excluded returns the excluded terms in FTS5 syntax joined by OR, ""
// when there are none.
func (p queryPlan) excluded() string {
	terms := make([]string, len(p.Exclude))
	for i, t := range p.Exclude {
		terms[i] = fts(t)
	}
	return strings.Join(terms, " OR ")
}

// plan parses text into a query plan within the store's limits,
// counting in the index's vocabulary what each prefix stands for.
func (s *DB) plan(ctx context.Context, text string) (queryPlan, error) {
	p, err := parseQuery(text, s.limits)
	if err != nil {
		return p, err
	}
	if err := s.checkExpansions(ctx, p.Prefixes()); err != nil {
		return p, err
	}
	return p, nil
}

// checkExpansions refuses prefixes (folded, see searchq.Fold) that
// together stand for more than MaxExpansions indexed words. It reads at
// most MaxExpansions+1 entries of the index's vocabulary (articles_vocab).
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
			return &news.QueryError{Problem: searchq.TooManyExpansions(prefixes, s.limits.MaxExpansions),
				Hint: "write more letters before *, or whole words"}
		}
	}
	return nil
}

// SetSearchLimits sets the limits of the searches to come; zero fields
// take DefaultSearchLimits. Call it before the store serves searches (it
// is not synchronised with them), as 'newsgraph serve' does with its
// flags.
func (s *DB) SetSearchLimits(l SearchLimits) {
	s.limits = l.WithDefaults()
}
