package api_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
)

// fakeClock is a Throttle clock that moves only when told to.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

func newThrottle(t *testing.T, cfg api.ThrottleConfig) (*api.Throttle, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: time.Date(2015, 2, 16, 12, 0, 0, 0, time.UTC)}
	cfg.Now = clock.Now
	th, err := api.NewThrottle(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return th, clock
}

func TestTokenEqual(t *testing.T) {
	const tok = "0123456789abcdef"
	for _, tc := range []struct {
		got, token string
		want       bool
	}{
		{tok, tok, true},
		{"0123456789abcdeF", tok, false}, // same length
		{"0123456789abcde", tok, false},  // a prefix
		{tok + "0", tok, false},          // longer
		{"x", tok, false},
		{"", tok, false},
		{"", "", false}, // no token matches nothing
		{"x", "", false},
	} {
		if got := api.TokenEqual(tc.got, tc.token); got != tc.want {
			t.Errorf("TokenEqual(%q, %q) = %v, want %v", tc.got, tc.token, got, tc.want)
		}
	}
}

// TestThrottleBackoff: after Free wrong tokens a client waits, twice as
// long after each further one up to the cap; while it waits even the right
// token is not checked; once the wait is over the right token works and
// wipes the slate.
func TestThrottleBackoff(t *testing.T) {
	th, clock := newThrottle(t, api.ThrottleConfig{Free: 3, Backoff: time.Second, MaxBackoff: 4 * time.Second})
	wrong := func() bool { return false }
	checked := false
	right := func() bool { checked = true; return true }
	for i := 0; i < 3; i++ {
		if ok, wait := th.Check("a", wrong); ok || wait != 0 {
			t.Fatalf("free try %d: got ok %v wait %v", i+1, ok, wait)
		}
	}
	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second} {
		if ok, wait := th.Check("a", wrong); ok || wait != 0 {
			t.Fatalf("wrong token %d: got ok %v wait %v", i+4, ok, wait)
		}
		clock.Advance(want - time.Millisecond)
		if ok, wait := th.Check("a", right); ok || wait != time.Millisecond || checked {
			t.Fatalf("within back-off %v: got ok %v wait %v checked %v", want, ok, wait, checked)
		}
		if _, wait := th.Check("b", wrong); wait != 0 {
			t.Fatalf("another client waits %v", wait)
		}
		clock.Advance(time.Millisecond)
	}
	if ok, wait := th.Check("a", right); !ok || wait != 0 || !checked {
		t.Fatalf("after the back-off: got ok %v wait %v checked %v", ok, wait, checked)
	}
	for i := 0; i < 3; i++ { // a right token forgets the failures
		if _, wait := th.Check("a", wrong); wait != 0 {
			t.Fatalf("after success, free try %d waits %v", i+1, wait)
		}
	}
}

func TestThrottleForgets(t *testing.T) {
	th, clock := newThrottle(t, api.ThrottleConfig{Free: 1, Backoff: time.Second, MaxBackoff: time.Minute, Forget: time.Hour})
	wrong := func() bool { return false }
	th.Check("a", wrong)
	th.Check("a", wrong) // waits 1 s now
	clock.Advance(time.Hour)
	if _, wait := th.Check("a", wrong); wait != 0 {
		t.Fatalf("within the hour: wait %v", wait)
	}
	if _, wait := th.Check("a", wrong); wait != 2*time.Second {
		t.Fatalf("third wrong token within the hour: got wait %v, want 2s", wait)
	}
	clock.Advance(time.Hour + 2*time.Second)
	th.Check("a", wrong) // forgotten: the first of Free again
	th.Check("a", wrong) // the first back-off, 1 s (not the fourth, 4 s)
	if _, wait := th.Check("a", wrong); wait != time.Second {
		t.Fatalf("an hour after the wait: got wait %v, want 1s (a fresh count)", wait)
	}
}

// TestThrottleBoundsMemory: a flood of clients never grows the table past
// MaxClients, and a client still waiting outlives the flood when older,
// forgotten ones can go instead.
func TestThrottleBoundsMemory(t *testing.T) {
	th, clock := newThrottle(t, api.ThrottleConfig{Free: 1, Backoff: time.Hour, MaxBackoff: time.Hour,
		Forget: time.Minute, MaxClients: 100})
	wrong := func() bool { return false }
	th.Check("victim", wrong)
	th.Check("victim", wrong) // waits an hour
	for i := 0; i < 10000; i++ {
		th.Check(fmt.Sprintf("10.0.%d.%d", i/256, i%256), wrong)
		if i%1000 == 999 {
			clock.Advance(2 * time.Minute) // the flood's clients are forgotten by now
		}
		if n := th.Len(); n > 100 {
			t.Fatalf("after %d clients the throttle remembers %d, over 100", i+1, n)
		}
	}
	if _, wait := th.Check("victim", wrong); wait == 0 {
		t.Errorf("the waiting client was evicted by the flood")
	}
}

func TestNewThrottleRejectsBadSettings(t *testing.T) {
	for _, cfg := range []api.ThrottleConfig{{Free: -1}, {Backoff: -time.Second}, {Backoff: time.Minute, MaxBackoff: time.Second}} {
		if _, err := api.NewThrottle(cfg); err == nil {
			t.Errorf("NewThrottle(%+v): no error", cfg)
		}
	}
}

func TestClient(t *testing.T) {
	for remote, want := range map[string]string{
		"203.0.113.5:1234":         "203.0.113.5",
		"[::ffff:203.0.113.5]:1":   "203.0.113.5",
		"[2001:db8:1:2:3:4:5:6]:1": "2001:db8:1:2::/64",
		"[2001:db8:1:2:ff::1]:1":   "2001:db8:1:2::/64",
		"junk":                     "junk",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote
		if got := api.Client(r); got != want {
			t.Errorf("Client(%q) = %q, want %q", remote, got, want)
		}
	}
}

// remote sends a request from another machine (203.0.113.5) and returns
// the response.
func remote(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	r.RemoteAddr, r.Host = "203.0.113.5:1234", "news.example:8080"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestGuardThrottlesGuessers: a client that keeps sending wrong tokens
// gets 429 with Retry-After, even with the right token, until its wait is
// over; then the right token works. Requests without a token are not
// guesses and do not count.
func TestGuardThrottlesGuessers(t *testing.T) {
	th, clock := newThrottle(t, api.ThrottleConfig{Free: 5, Backoff: time.Second, MaxBackoff: time.Minute})
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	g := api.Guard(token, th, nil, ok)
	for i := 0; i < 10; i++ {
		if w := remote(g, "GET", "/"); w.Code != 401 {
			t.Fatalf("no token %d: got %d", i, w.Code)
		}
	}
	for i := 0; i < 6; i++ {
		h := []string{"Authorization", "Bearer wrong" + fmt.Sprint(i)}
		if i%2 == 1 {
			h = []string{"Cookie", api.TokenCookie + "=wrong"}
		}
		if w := remote(g, "GET", "/", h...); w.Code != 401 {
			t.Fatalf("wrong token %d: got %d %s", i+1, w.Code, w.Body)
		}
	}
	w := remote(g, "GET", "/", "Authorization", "Bearer "+token)
	if w.Code != 429 || w.Header().Get("Retry-After") != "1" || !strings.Contains(w.Body.String(), "too_many_tries") {
		t.Fatalf("right token within the back-off: got %d Retry-After %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	clock.Advance(time.Second)
	if w := remote(g, "GET", "/", "Authorization", "Bearer "+token); w.Code != 200 {
		t.Fatalf("right token after the back-off: got %d %s", w.Code, w.Body)
	}
}

// TestWritesThrottleGuessers: POST endpoints count wrong tokens from
// loopback clients too (a web page may make a browser on this machine
// guess).
func TestWritesThrottleGuessers(t *testing.T) {
	th, clock := newThrottle(t, api.ThrottleConfig{Free: 2, Backoff: time.Minute, MaxBackoff: time.Hour})
	s, err := api.New(api.Config{Store: MustStore(t), Extract: &fakePipeline{}, Ingest: &fakePipeline{}, Token: token, Throttle: th})
	if err != nil {
		t.Fatal(err)
	}
	post := func(tok string) (int, http.Header) {
		status, _, h := do(s, "POST", "/api/extract", `{"text":"Nisar denied it."}`, "Content-Type", "application/json", "Authorization", "Bearer "+tok)
		return status, h
	}
	for i := 0; i < 3; i++ {
		if status, _ := post("wrong"); status != 401 {
			t.Fatalf("wrong token %d: got %d", i+1, status)
		}
	}
	if status, h := post(token); status != 429 || h.Get("Retry-After") != "60" {
		t.Fatalf("right token within the back-off: got %d Retry-After %q", status, h.Get("Retry-After"))
	}
	clock.Advance(time.Minute)
	if status, _ := post(token); status != 200 {
		t.Fatalf("right token after the back-off: got %d", status)
	}
}

// TestPreflightFromOtherMachine: with CORS in front of Guard, a browser on
// another machine gets its preflight answered without the token, while the
// request itself still needs it.
func TestPreflightFromOtherMachine(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	h := api.CORS("https://app.example", api.Guard(token, nil, nil, ok))
	w := remote(h, "OPTIONS", "/api/stats", "Origin", "https://app.example", "Access-Control-Request-Method", "GET",
		"Access-Control-Request-Headers", "authorization")
	if w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != "https://app.example" ||
		!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: got %d %v", w.Code, w.Header())
	}
	if w := remote(h, "OPTIONS", "/api/stats", "Origin", "https://evil.example", "Access-Control-Request-Method", "GET"); w.Code != 401 {
		t.Errorf("preflight from another origin: got %d, want 401", w.Code)
	}
	if w := remote(h, "GET", "/api/stats", "Origin", "https://app.example"); w.Code != 401 ||
		w.Header().Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Errorf("read without the token: got %d %v, want 401 readable by the origin", w.Code, w.Header())
	}
	if w := remote(h, "GET", "/api/stats", "Origin", "https://app.example", "Authorization", "Bearer "+token); w.Code != 200 {
		t.Errorf("read with the token: got %d", w.Code)
	}
	if w := remote(h, "OPTIONS", "/login", "Origin", "https://app.example", "Access-Control-Request-Method", "POST"); w.Code != 401 ||
		w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight outside /api/: got %d %v, want no CORS", w.Code, w.Header())
	}
}
