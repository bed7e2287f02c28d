package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
)

// TestLoginBruteForce: after Free wrong tokens from one address, /login
// answers 429 with Retry-After and does not check the token, not even
// the right one, until the back-off is over (a fake clock, no sleeping);
// other addresses are not held up; after the wait the right token logs in.
func TestLoginBruteForce(t *testing.T) {
	const tok = "0123456789abcdef0123456789abcdef"
	now := time.Date(2015, 2, 16, 12, 0, 0, 0, time.UTC)
	th, err := api.NewThrottle(api.ThrottleConfig{Free: 5, Backoff: 2 * time.Second, MaxBackoff: time.Minute,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s := mustServer(t)
	s.cfg.Token, s.cfg.Throttle = tok, th
	post := func(remote, token string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"token": {token}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	const attacker, other = "203.0.113.5:1234", "198.51.100.7:999"
	for i, guess := range []string{"0123456789abcdef0123456789abcdeX", "x", "", tok[:16], tok + "x", "0123456789ABCDEF0123456789ABCDEF"} {
		if w := post(attacker, guess); w.Code != http.StatusUnauthorized || len(w.Result().Cookies()) != 0 {
			t.Fatalf("wrong token %d (%q): got %d with cookies %v", i+1, guess, w.Code, w.Result().Cookies())
		}
	}
	w := post(attacker, tok)
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "2" || len(w.Result().Cookies()) != 0 ||
		!strings.Contains(w.Body.String(), "try again in 2 s") {
		t.Fatalf("right token within the back-off: got %d, Retry-After %q, cookies %v", w.Code, w.Header().Get("Retry-After"), w.Result().Cookies())
	}
	if w := post(other, tok); w.Code != http.StatusSeeOther {
		t.Fatalf("another address: got %d", w.Code)
	}
	now = now.Add(2 * time.Second)
	w = post(attacker, tok)
	if cs := w.Result().Cookies(); w.Code != http.StatusSeeOther || len(cs) != 1 || cs[0].Value != tok {
		t.Fatalf("right token after the back-off: got %d with cookies %v", w.Code, cs)
	}
}
