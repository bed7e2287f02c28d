package searchq

import (
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

func TestMergeFilters(t *testing.T) {
	p, err := Parse(`nisar entity:"Chaudhry Nisar" type:per from:2015-01-01`, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.MergeFilters(news.SearchQuery{Entity: "IS", Until: "2015-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entities) != 2 || f.Entities[0].Name != "IS" || f.Entities[1].Name != "Chaudhry Nisar" ||
		f.Type != "PER" || f.From != "2015-01-01" || f.To != "2015-12-31" {
		t.Errorf("merged: %+v", f)
	}
	if len(p.Filters.Entities) != 1 {
		t.Errorf("MergeFilters changed the plan's own filters: %+v", p.Filters)
	}
	var qe *news.QueryError
	if _, err := p.MergeFilters(news.SearchQuery{Since: "2014-01-01"}); !errors.As(err, &qe) || qe.Hint == "" {
		t.Errorf("a filter given twice with different values: %v, want a *news.QueryError with a hint", err)
	}
}

func TestMatchesNothing(t *testing.T) {
	for text, want := range map[string]bool{`* " ;`: true, "": false, "-nisar": false, "type:PER": false, "nisar": false} {
		p, err := Parse(text, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.MatchesNothing(text); got != want {
			t.Errorf("MatchesNothing(%q) = %v, want %v", text, got, want)
		}
	}
}
