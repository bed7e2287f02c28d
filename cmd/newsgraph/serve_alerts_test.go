package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// TestServeWatchesNewWatchlistAtOnce stores a watchlist through the API
// and at once ingests the reference article through the API: the
// watchlist's rule fires on it (serve reloads the rules when the API
// changes a watchlist, not only every watch.DefaultMaxAge).
func TestServeWatchesNewWatchlistAtOnce(t *testing.T) {
	needSeed(t)
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(t.TempDir(), "news.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	env := &environment{stdout: io.Discard, stderr: io.Discard}
	opt, err := parseServeFlags(env, []string{"--token", "tok", "--data", t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	rules, err := os.ReadFile("../../examples/watchlists/is-denials.json")
	if err != nil {
		t.Fatal(err)
	}
	if status, body := call("POST", "/api/watchlists", string(rules)); status != 201 {
		t.Fatalf("create watchlist: %d %s", status, body)
	}
	seed, _ := os.ReadFile(seedArticle)
	status, body := call("POST", "/api/ingest", `{"articles":[{"text":`+strconv.Quote(string(seed))+`,"published":"2015-02-19"}]}`)
	if status != 201 || !strings.Contains(body, `"status":"stored"`) {
		t.Fatalf("ingest: %d %s", status, body)
	}
	status, body = call("GET", "/api/watchlists/1/alerts", "")
	if status != 200 || strings.Count(body, `"rule":"denial about Islamic State"`) != 1 || !strings.Contains(body, `"why":"Chaudhry Nisar denies`) {
		t.Errorf("alerts: %d %.600s, want the denial's alert once", status, body)
	}
}
