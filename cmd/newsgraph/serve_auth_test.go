package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// strongToken is 32 bytes: long enough to serve beyond loopback.
const strongToken = "0123456789abcdef0123456789abcdef"

// TestServeRefusesShortToken: beyond loopback serve needs a token of at
// least 16 bytes, and says how to make one without echoing the short one.
func TestServeRefusesShortToken(t *testing.T) {
	var out, errOut bytes.Buffer
	env := &environment{stdout: &out, stderr: &errOut}
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.2:0"} {
		for _, tok := range []string{"a", "fifteen-bytes!!"} {
			t.Setenv("NEWSGRAPH_TOKEN", tok)
			if _, err := parseServeFlags(env, []string{"--addr", addr}); err == nil {
				t.Errorf("--addr %s with a token of %d bytes: accepted", addr, len(tok))
				continue // runMain would serve
			}
			code, out, errOut := run(t, "", "serve", "--addr", addr)
			if code != 2 || !strings.Contains(errOut, "newsgraph token") || !strings.Contains(errOut, "at least 16") ||
				strings.Count(errOut, "\n") != 1 || tok != "a" && strings.Contains(out+errOut, tok) {
				t.Errorf("--addr %s, token of %d bytes: exit %d, stdout %q, stderr %q; want exit 2 and one line naming 'newsgraph token'",
					addr, len(tok), code, out, errOut)
			}
		}
	}
	for _, tc := range []struct{ addr, token string }{{"0.0.0.0:0", strongToken[:16]}, {"127.0.0.1:0", "a"}, {"localhost:0", "a"}} {
		t.Setenv("NEWSGRAPH_TOKEN", tc.token)
		if _, err := parseServeFlags(env, []string{"--addr", tc.addr}); err != nil {
			t.Errorf("--addr %s with a token of %d bytes: %v", tc.addr, len(tc.token), err)
		}
	}
}

func TestTokenCommand(t *testing.T) {
	code, a, errOut := run(t, "", "token")
	_, b, _ := run(t, "", "token")
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimSuffix(a, "\n"))
	if code != 0 || errOut != "" || err != nil || len(raw) != 32 || a == b {
		t.Fatalf("token: exit %d, stdout %q then %q, stderr %q, decode error %v", code, a, b, errOut, err)
	}
	if code, out, _ := run(t, "", "token", "--bytes", "16"); code != 0 || len(strings.TrimSpace(out)) != 22 {
		t.Errorf("token --bytes 16: exit %d, %q", code, out)
	}
	for _, args := range [][]string{{"token", "--bytes", "8"}, {"token", "extra"}} {
		if code, _, errOut := run(t, "", args...); code != 2 || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2, one line", args, code, errOut)
		}
	}
	if code, out, _ := run(t, "", "help", "token"); code != 0 || !strings.Contains(out, "usage: newsgraph token") {
		t.Errorf("help token: exit %d, %q", code, out)
	}
}

// authHandler is serve's whole handler for an empty database, with the
// token set and args parsed as serve's flags.
func authHandler(t *testing.T, args ...string) http.Handler {
	t.Helper()
	t.Setenv("NEWSGRAPH_TOKEN", strongToken)
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	opt, err := parseServeFlags(env, append([]string{"--addr", "0.0.0.0:0"}, args...))
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// fromAfar sends a request from another machine (203.0.113.5).
func fromAfar(h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.RemoteAddr, r.Host = "203.0.113.5:1234", "news.example:8080"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestServeCORSPreflightFromAfar: a browser on another machine gets its
// preflight for the API answered (the token is not sent with it), while
// the request itself still needs the token.
func TestServeCORSPreflightFromAfar(t *testing.T) {
	h := authHandler(t, "--cors-origin", "https://app.example")
	w := fromAfar(h, "OPTIONS", "/api/stats", "", "Origin", "https://app.example",
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization")
	if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Origin") != "https://app.example" ||
		!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: got %d %v %s", w.Code, w.Header(), w.Body)
	}
	if w := fromAfar(h, "GET", "/api/stats", "", "Origin", "https://app.example"); w.Code != http.StatusUnauthorized {
		t.Errorf("read without the token: got %d", w.Code)
	}
	w = fromAfar(h, "GET", "/api/stats", "", "Origin", "https://app.example", "Authorization", "Bearer "+strongToken)
	if w.Code != http.StatusOK || w.Header().Get("Access-Control-Allow-Origin") != "https://app.example" {
		t.Errorf("read with the token: got %d %v", w.Code, w.Header())
	}
}

// TestServeLoginBruteForce: the repro in-process. Of 2,000 wrong
// tokens posted to /login from one address, only the first few are
// checked; the rest, and then the right token, get 429 with Retry-After.
// The back-off is long (an hour) so that no clock matters; the end of
// the back-off is tested with a fake clock in internal/web and
// internal/api.
func TestServeLoginBruteForce(t *testing.T) {
	h := authHandler(t, "--login-tries", "5", "--login-backoff", "1h", "--login-backoff-max", "1h")
	post := func(tok string) *httptest.ResponseRecorder {
		return fromAfar(h, "POST", "/login", url.Values{"token": {tok}}.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	}
	codes := map[int]int{}
	for i := 0; i < 2000; i++ {
		codes[post("guess"+strings.Repeat("x", i%40)).Code]++
	}
	if codes[http.StatusUnauthorized] != 6 || codes[http.StatusTooManyRequests] != 1994 {
		t.Errorf("2,000 wrong tokens: got status counts %v, want 6 checked (401) and 1994 refused (429)", codes)
	}
	w := post(strongToken)
	retry, err := strconv.Atoi(w.Header().Get("Retry-After"))
	if w.Code != http.StatusTooManyRequests || err != nil || retry < 1 || retry > 3600 || len(w.Result().Cookies()) != 0 {
		t.Errorf("right token within the back-off: got %d, Retry-After %q (want 1 to 3600 s), cookies %v",
			w.Code, w.Header().Get("Retry-After"), w.Result().Cookies())
	}
	if w := fromAfar(h, "GET", "/api/stats", "", "Authorization", "Bearer "+strongToken); w.Code != http.StatusTooManyRequests {
		t.Errorf("the API from the same address within the back-off: got %d, want 429", w.Code)
	}
	if w := fromAfar(h, "GET", "/login", ""); w.Code != http.StatusOK {
		t.Errorf("the login page itself: got %d", w.Code)
	}
}
