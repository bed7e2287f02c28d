package web

import (
	"strings"
	"testing"
)

// TestEntitiesBrowseAndSuggest: /entities without a name lists the
// people, organisations and places in most articles; part of a name finds
// the entity, a misspelling gets "Did you mean".
func TestEntitiesBrowseAndSuggest(t *testing.T) {
	s := mustServer(t)
	tests := []struct {
		target string
		want   []string
	}{
		{"/entities", []string{"<h2>People</h2>", "<h2>Organisations</h2>", "<h2>Places</h2>", ">Chaudhry Nisar</a>", ">Pakistan</a>"}},
		{"/entities?name=chaud", []string{`class="partial"`, ">Chaudhry Nisar</a>"}},
		{"/entities?name=Nisaar", []string{`class="did-you-mean"`, "Did you mean", ">Chaudhry Nisar</a>"}},
		{"/entities?name=zzzz", []string{"no name holds it"}},
	}
	for _, tc := range tests {
		w := get(s, tc.target)
		if w.Code != 200 {
			t.Errorf("%s: status %d", tc.target, w.Code)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("%s lacks %s", tc.target, want)
			}
		}
	}
}

// TestEntitiesFacetsAndGraphFilters: browsing narrows by country and
// publication dates and shows the facets; the entity page's graph keeps
// the neighbours of the types and dates asked for; bad filters are a 400
// page, not an error.
func TestEntitiesFacetsAndGraphFilters(t *testing.T) {
	s := mustServer(t)
	tests := []struct {
		target string
		status int
		want   []string
		not    []string
	}{
		{"/entities", 200, []string{`class="browse-filters"`, "2 articles", `href="/entities?country=PK"`, ">PK (1)</a>"}, nil},
		{"/entities?country=pk", 200, []string{"1 article selected", `class="facet facet-on"`, ">Chaudhry Nisar</a>", `href="/entities">all articles</a>`}, nil},
		{"/entities?since=2015-02-01&country=PK", 200, []string{`href="/entities?country=PK&since=2015-02-01"`},
			nil},
		{"/entities?since=2015-02-17", 200, []string{"1 article selected", "No entity is in the articles selected"}, []string{">Chaudhry Nisar</a>"}},
		{"/entities?country=Pakistan", 400, []string{"two-letter ISO code"}, nil},
		{"/entities/1", 200, []string{`class="graph-filter"`, ">Islamic State</text>", ">Pakistan</text>"}, []string{`value="PER" checked`}},
		{"/entities/1?node=ORG", 200, []string{`value="ORG" checked`, ">Islamic State</text>", `href="/entities/1">all</a>`}, []string{">Pakistan</text>"}},
		{"/entities/1?node=LOC&node=org", 200, []string{">Islamic State</text>", ">Pakistan</text>"}, nil},
		{"/entities/1?since=2015-03-01", 200, []string{"No connected entities of these types in these dates."}, []string{">Pakistan</text>"}},
		{"/entities/1?node=PERSON", 400, []string{"is not PER, ORG, LOC or MISC"}, nil},
	}
	for _, tc := range tests {
		w := get(s, tc.target)
		if w.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, w.Code, tc.status)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("%s lacks %s", tc.target, want)
			}
		}
		for _, not := range tc.not {
			if strings.Contains(w.Body.String(), not) {
				t.Errorf("%s has %s", tc.target, not)
			}
		}
	}
}
