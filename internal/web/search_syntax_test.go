package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchSyntaxPage: the search page explains the syntax by the box,
// says how many articles match in all, takes NOT and field filters, and
// answers a query it cannot parse with 400 and a hint.
func TestSearchSyntaxPage(t *testing.T) {
	s := mustServer(t)
	tests := []struct {
		q      string
		status int
		want   []string
		not    []string
	}{
		{"the", 200, []string{`Search syntax`, `<code>-cricket</code>`, `class="total muted">2 articles<`}, nil},
		{"the -organised", 200, []string{`class="total muted">1 article<`, `href="/articles/2"`}, []string{`Minister denies IS presence`}},
		{"place:Pakistan", 200, []string{`class="total muted">1 article<`, `Minister denies IS presence`}, nil},
		{"the from:2015-2", 400, []string{`This search cannot be run: from:2015-2 is not a date`, `2015-01-01`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			w := get(s, "/?q="+url.QueryEscape(tc.q))
			body := w.Body.String()
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, body)
			}
			for _, want := range tc.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			for _, no := range tc.not {
				if strings.Contains(body, no) {
					t.Errorf("page has %s", no)
				}
			}
		})
	}
	if got := plural(1234567, "article"); got != "1,234,567 articles" {
		t.Errorf("plural(1234567) = %q, want 1,234,567 articles", got)
	}
}
