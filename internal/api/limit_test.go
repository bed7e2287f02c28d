package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
)

// TestLimitShedsLoad: with every slot taken, a read waits the set time
// and is answered 503 "busy" with Retry-After; it used to wait as long as
// its client did. A slot freed lets the next read in.
func TestLimitShedsLoad(t *testing.T) {
	block, started := make(chan struct{}), make(chan struct{})
	h := api.Limit(1, 50*time.Millisecond, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			started <- struct{}{}
			<-block
		}
		w.WriteHeader(http.StatusOK)
	}))
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/slow", nil))
	}()
	<-started
	// The client would wait a minute; the limiter must not.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/stats", nil).WithContext(ctx))
	var body struct {
		Error struct{ Code, Message string }
	}
	json.Unmarshal(rec.Body.Bytes(), &body)
	if rec.Code != http.StatusServiceUnavailable || body.Error.Code != "busy" || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("read with every slot taken: %d %q, Retry-After %q; want 503 busy, Retry-After 1",
			rec.Code, rec.Body.String(), rec.Header().Get("Retry-After"))
	}
	// Writes are not limited.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/api/ingest", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("write with every read slot taken: %d, want it through", rec.Code)
	}
	close(block)
	<-done
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/stats", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("read after the slot was freed: %d, want 200", rec.Code)
	}
}

// TestLimitNoWait: with no wait at all a full limiter answers at once,
// Retry-After 1 (the least whole number of seconds).
func TestLimitNoWait(t *testing.T) {
	for _, c := range []struct {
		wait time.Duration
		want string
	}{{0, "1"}, {time.Millisecond, "1"}} {
		block, started := make(chan struct{}), make(chan struct{})
		h := api.Limit(1, c.wait, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/slow" {
				started <- struct{}{}
				<-block
			}
		}))
		go h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/slow", nil))
		<-started
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != c.want {
			t.Errorf("wait %s: %d, Retry-After %q; want 503, %s", c.wait, rec.Code, rec.Header().Get("Retry-After"), c.want)
		}
		close(block)
	}
}

// TestRefusedQueryIsBadRequest: a search the store refuses (issue 13's
// 166 times "t*") is the client's mistake: 400 "bad_query", with what to
// write instead.
func TestRefusedQueryIsBadRequest(t *testing.T) {
	s, _ := newServer(t, "")
	q := strings.TrimSpace(strings.Repeat("t* ", 166))
	status, body, _ := do(s, "GET", "/api/articles?q="+url.QueryEscape(q), "")
	if status != http.StatusBadRequest || !strings.Contains(body, `"code":"bad_query"`) || !strings.Contains(body, "at least 3 letters") {
		t.Errorf("GET /api/articles?q=t* x166: %d %s; want 400 bad_query with a hint", status, body)
	}
	status, body, _ = do(s, "GET", "/api/articles?q="+url.QueryEscape(strings.Repeat("organis* ", 50)), "")
	if status != http.StatusOK || !strings.Contains(body, "nisar.txt") {
		t.Errorf("a prefix repeated 50 times: %d %s; want 200 with the article", status, body)
	}
}

// TestReadTimeout: a GET gets Config.ReadTimeout, not the minute of the
// writes; when it runs out the store's query ends and the client gets 503
// "timeout".
func TestReadTimeout(t *testing.T) {
	s, err := api.New(api.Config{Store: MustStore(t), ReadTimeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/api/articles?q=nisar", "/api/stats"} {
		status, body, _ := do(s, "GET", target, "")
		if status != http.StatusServiceUnavailable || !strings.Contains(body, `"code":"timeout"`) {
			t.Errorf("GET %s with a read timeout of 1ns: %d %s; want 503 timeout", target, status, body)
		}
	}
}
