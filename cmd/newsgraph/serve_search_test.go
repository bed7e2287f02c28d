package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeHostileSearch is issue 13's attack on a served store: searches
// of a few hundred bytes that used to take minutes each (166 times "t*",
// many short prefixes, long OR chains), sent many at once to the API and
// to the UI, while a plain read goes on. Every hostile search must be
// refused with 400 (and say why), and the plain read must be answered.
// The client's timeout is generous: it tells "answered" from "hung".
func TestServeHostileSearch(t *testing.T) {
	store := serveTestStore(t, newsFiles(t, 60))
	env := &environment{stdout: io.Discard, stderr: io.Discard}
	opt, err := parseServeFlags(env, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var shortPrefixes, ors []string
	for _, c := range "abcdefghijklmnopqrstuvwxyz" {
		shortPrefixes = append(shortPrefixes, string(c)+"*")
	}
	for _, w := range strings.Fields("the a of to and in said that for on is was with he it as at by from his") {
		ors = append(ors, w, "OR")
	}
	hostile := []string{
		strings.TrimSpace(strings.Repeat("t* ", 166)),
		strings.Join(shortPrefixes[:10], " "),
		strings.Join(shortPrefixes, " OR "),
		strings.Join(ors, " ") + " the",
	}
	client := &http.Client{Timeout: time.Minute}
	get := func(path string) (int, string) {
		res, err := client.Get(srv.URL + path)
		if err != nil {
			return 0, err.Error()
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	var wg sync.WaitGroup
	for round := 0; round < 2; round++ {
		for _, q := range hostile {
			for _, path := range []string{"/api/articles?q=", "/?q="} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					status, body := get(path + url.QueryEscape(q))
					if status != http.StatusBadRequest || !strings.Contains(body, "bad_query") && !strings.Contains(body, "cannot be run") {
						t.Errorf("GET %s%.40q...: %d %.200s; want 400 saying why", path, q, status, body)
					}
				}()
			}
		}
	}
	if status, body := get("/api/stats"); status != http.StatusOK {
		t.Errorf("GET /api/stats during the hostile searches: %d %s", status, body)
	}
	wg.Wait()
	if status, body := get("/api/articles?q=" + url.QueryEscape("trump* OR clinton")); status != http.StatusOK || !strings.Contains(body, `"snippet"`) {
		t.Errorf("a bounded search after them: %d %.200s; want results", status, body)
	}
}
