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
