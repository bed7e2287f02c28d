package api_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchSyntaxAndTotal: /api/articles takes NOT, -term and field
// filters, says how many articles match in all (total, beyond the page),
// and answers a query it cannot parse with 400 bad_query and a hint.
func TestSearchSyntaxAndTotal(t *testing.T) {
	s, _ := newServer(t, token)
	tests := []struct {
		q      string
		status int
		want   []string
		not    []string
	}{
		{"presence", 200, []string{`"total":2`, `nisar.txt`, `office.txt`}, nil},
		{"presence -organised", 200, []string{`"total":1`, `office.txt`}, []string{`nisar.txt`}},
		{"presence NOT \"foreign office\"", 200, []string{`"total":1`, `nisar.txt`}, []string{`office.txt`}},
		{`entity:"Chaudhry Nisar"`, 200, []string{`"total":1`, `nisar.txt`}, nil},
		{"place:Pakistan from:2015-02-17", 200, []string{`"total":1`, `office.txt`}, nil},
		{"presence from:2015-02", 400, []string{`"code":"bad_query"`, `from:2015-02 is not a date`, `2015-01-01`}, nil},
		{"presence NOT", 400, []string{`"code":"bad_query"`, `followed by nothing`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			status, body, _ := do(s, "GET", "/api/articles?q="+url.QueryEscape(tc.q), "")
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s: %s", w, body)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(body, w) {
					t.Errorf("body has %s: %s", w, body)
				}
			}
		})
	}
	// The total counts beyond the page.
	if _, body, _ := do(s, "GET", "/api/articles?q=presence&limit=1", ""); !strings.Contains(body, `"total":2`) || !strings.Contains(body, `"next_offset":1`) {
		t.Errorf("limit 1: %s; want total 2 and a next page", body)
	}
}
