package newstest

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// testSearchSyntax checks the search syntax beyond words and phrases:
// NOT and -term, field filters in the text, refusals with a hint, and
// CountSearch's total.
func testSearchSyntax(t *testing.T, s news.Store) {
	searchDocs(t, s)
	cases := []struct {
		query string
		want  []string
	}{
		{"nisar NOT budget", []string{"nisar.txt"}},
		{"nisar -budget", []string{"nisar.txt"}},
		{`nisar -"finance minister"`, []string{"nisar.txt"}},
		{"-nisar", []string{"floods.txt"}},
		{"NOT nisar NOT floods", nil},
		{"floods OR budget -sindh", []string{"budget.txt"}},
		{`entity:"Chaudhry Nisar"`, []string{"nisar.txt"}},
		{"entity:IS presence", []string{"nisar.txt"}},
		{"place:Sindh", []string{"floods.txt"}},
		{"place:Nisar", nil},
		{"type:LOC", []string{"floods.txt", "nisar.txt"}},
		{"TYPE:loc -floods", []string{"nisar.txt"}},
		{"nisar from:2015-01-01", []string{"nisar.txt"}},
		{"nisar to:2014-12-31", []string{"budget.txt"}},
		{"from:2015-02-16 to:2015-02-16", []string{"nisar.txt"}},
		{"pakistan:nisar", []string{"nisar.txt"}},  // no field: two words
		{"nisar - budget", []string{"budget.txt"}}, // a lone - is punctuation
		{"al-Qaeda", nil},                          // a hyphen inside a word excludes nothing
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			q := news.SearchQuery{Text: c.query}
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%q): %v", c.query, err)
			}
			got := sources(hits)
			if strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(c.want), ",") {
				t.Errorf("Search(%q): got %v, want %v", c.query, got, c.want)
			}
			if n, err := s.CountSearch(ctx, q); err != nil || n != len(c.want) {
				t.Errorf("CountSearch(%q) = %d, %v; want %d", c.query, n, err, len(c.want))
			}
		})
	}
	for _, q := range []news.SearchQuery{
		{Text: "nisar NOT"}, {Text: "nisar -floods NOT"}, {Text: "from:yesterday"}, {Text: "type:PERSON"},
		{Text: "entity:"}, {Text: `entity:""`}, {Text: "type:PER type:LOC"},
		{Text: "nisar from:2015-01-01", Since: "2014-01-01"},
	} {
		_, err := s.Search(ctx, q)
		var qe *news.QueryError
		if !errors.As(err, &qe) || qe.Hint == "" {
			t.Errorf("Search(%+v) = %v; want a *news.QueryError with a hint", q, err)
		}
		if _, err := s.CountSearch(ctx, q); !errors.As(err, &qe) {
			t.Errorf("CountSearch(%+v) = %v; want a *news.QueryError", q, err)
		}
	}
	// The total is of every match, not of one page.
	if n, err := s.CountSearch(ctx, news.SearchQuery{Text: "nisar", Limit: 1}); err != nil || n != 2 {
		t.Errorf("CountSearch(nisar, limit 1) = %d, %v; want 2", n, err)
	}
	if n, err := s.CountSearch(ctx, news.SearchQuery{}); err != nil || n != 3 {
		t.Errorf("CountSearch(everything) = %d, %v; want 3", n, err)
	}
}
