package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestRefusedSearchPage: a search the store refuses (issue 13's 166
// times "t*") is answered 400 with what to write instead, not run.
func TestRefusedSearchPage(t *testing.T) {
	s := mustServer(t)
	w := get(s, "/?q="+url.QueryEscape(strings.TrimSpace(strings.Repeat("t* ", 166))))
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "This search cannot be run") ||
		!strings.Contains(w.Body.String(), "at least 3 letters before *") {
		t.Errorf("GET /?q=t* x166: %d %s; want 400 saying why", w.Code, w.Body.String())
	}
}

// TestPageDeadline: every page has Config.Timeout to do its work; past
// it the store's query ends and the page says 503.
func TestPageDeadline(t *testing.T) {
	s := mustServer(t)
	s.cfg.Timeout = time.Nanosecond
	for _, target := range []string{"/?q=nisar", "/entities?name=nisar", "/contradictions"} {
		w := get(s, target)
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "took too long") {
			t.Errorf("GET %s with a timeout of 1ns: %d %.300s; want 503", target, w.Code, w.Body.String())
		}
	}
}
