package sqlite

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func TestParseQuery(t *testing.T) {
	lim := DefaultSearchLimits
	cases := []struct{ in, want string }{
		{"floods sindh", `"floods" "sindh"`},
		{`"interior minister" nisar`, `"interior minister" "nisar"`},
		{"organis*", `"organis"*`},
		{"floods OR budget", `"floods" OR "budget"`},
		{"OR floods OR OR budget OR", `"floods" OR "budget"`},
		{"al-qae*", `"al" "qae"*`},
		{`NEAR(a b) title:x`, `"NEAR" "a" "b" "title" "x"`},
		{`"unterminated phrase`, `"unterminated phrase"`},
		{`* " ' ;`, ``},
		// Repeats are dropped: of a term in its alternative (in any case
		// or accents), of an alternative (in any order).
		{"trump Trump TRUMP", `"trump"`},
		{"Théâtre theatre", `"Théâtre"`},
		{"a b OR b a OR a b", `"a" "b"`},
		{"a OR b OR a", `"a" OR "b"`},
		{strings.Repeat("tax* ", 166), `"tax"*`},
		{strings.Repeat("tax OR ", 300) + "tax", `"tax"`},
		// A phrase keeps its words, repeated or not.
		{`"so so" so`, `"so so" "so"`},
		// Excluded terms follow NOT, OR-ed, after the alternatives.
		{"nisar -budget", `("nisar") NOT ("budget")`},
		{`a OR b NOT "c d" -eee* -c`, `("a" OR "b") NOT ("c d" OR "eee"* OR "c")`},
		{"-budget", ``}, // no terms to find: the store excludes by SQL
		{"al-qaeda -al-qaeda", `("al" "qaeda") NOT ("al" OR "qaeda")`},
		// Field filters are no terms.
		{`entity:"Chaudhry Nisar" place:Quetta type:per from:2015-01-01 to:2015-12-31 denied`, `"denied"`},
		{`http://x.org`, `"http" "x" "org"`},
	}
	for _, c := range cases {
		p, err := parseQuery(c.in, lim)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", c.in, err)
			continue
		}
		if got := p.match(); got != c.want {
			t.Errorf("parseQuery(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestParseQueryRefuses(t *testing.T) {
	lim := SearchLimits{MaxTerms: 4, MinPrefix: 3, MaxExpansions: 10}
	cases := []struct{ in, problem string }{
		{"t*", `the prefix "t*" is too short`},
		{strings.Repeat("t* ", 166), `the prefix "t*" is too short`},
		{"ab* abc", `the prefix "ab*" is too short`},
		{"Éa*", `the prefix "ea*" is too short`},
		{"a b c d e", "it has 5 different words, more than 4"},
		{"a OR b OR c OR d OR e", "it has 5 different words, more than 4"},
		{`"a b c" d e`, "it has 5 different words, more than 4"},
		{"a b -c -d -e", "it has 5 different words, more than 4"},
		{"a b entity:c place:d from:2015-01-01", "it has 5 different words, more than 4"},
		{"a -t*", `the prefix "t*" is too short`},
		{"a NOT", "NOT (or -) is followed by nothing"},
		{"a from:2015", "from:2015 is not a date"},
		{"type:person", "type:person is no entity type"},
		{"place:", "the filter place: has no value"},
	}
	for _, c := range cases {
		p, err := parseQuery(c.in, lim)
		var qe *news.QueryError
		if !errors.As(err, &qe) {
			t.Errorf("parseQuery(%q) = %s, %v; want a *news.QueryError", c.in, p.match(), err)
			continue
		}
		if qe.Problem != c.problem || qe.Hint == "" {
			t.Errorf("parseQuery(%q): problem %q, hint %q; want %q and a hint", c.in, qe.Problem, qe.Hint, c.problem)
		}
	}
	// Within the limits after repeats are dropped.
	if _, err := parseQuery(strings.Repeat("a b c d ", 100), lim); err != nil {
		t.Errorf("four words repeated: %v, want them accepted", err)
	}
}
