package api_test

import (
	"strings"
	"testing"
)

// TestArticlesByLanguage checks the lang filter of GET /api/articles and
// the language of each hit: the two stored articles are English.
func TestArticlesByLanguage(t *testing.T) {
	s, _ := newServer(t, token)
	cases := []struct {
		target string
		status int
		want   string
	}{
		{"/api/articles?lang=en", 200, `"language":"en"`},
		{"/api/articles?q=Pakistan&lang=en", 200, `"source":"nisar.txt"`},
		{"/api/articles?lang=ko", 200, `[]`},
		{"/api/articles?lang=Korean", 400, `not a language code`},
		{"/api/articles?lang=k", 400, `not a language code`},
	}
	for _, c := range cases {
		code, body, _ := do(s, "GET", c.target, "")
		if code != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s, want %d with %s", c.target, code, body, c.status, c.want)
		}
	}
	if _, body, _ := do(s, "GET", "/api/articles?lang=en", ""); strings.Count(body, `"language":"en"`) != 2 {
		t.Errorf("lang=en: %s, want both articles", body)
	}
}
