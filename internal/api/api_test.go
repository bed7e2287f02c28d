package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// MustStore opens a store holding two articles about Islamic State: Nisar
// denies its presence in Pakistan, the Foreign Office affirms a threat.
func MustStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), sqlite.Config{Path: filepath.Join(tb.TempDir(), "news.db")})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	nisar := newstest.MustDoc(tb, newstest.DocSpec{
		Source: "nisar.txt", Title: "Minister denies <IS> presence", Published: "2015-02-16",
		Text: "Interior Minister Chaudhry Nisar denied the presence of Islamic State in Pakistan.\n" +
			"Nisar said IS had no organised network in the country.\n" + newstest.Filler(1, 60),
		Entities: []newstest.Ent{
			{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar", Aliases: []string{"Nisar"}, Titles: []string{"Interior Minister"}},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State", Aliases: []string{"IS"}},
			{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS had no organised network in the country", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "deny", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
	at := strings.Index(nisar.Text, "denied")
	nisar.Events = []news.Event{{ID: "V1", Type: "DENY", Actor: "E1", Target: "E2", Place: "E3",
		Trigger: news.Mention{Span: news.Span{Start: at, End: at + 6}, Text: "denied"}}}
	nisar.Entities[2].Place = &news.Place{Country: "PK", Lat: 30, Lon: 70, Feature: "country"}
	office := newstest.MustDoc(tb, newstest.DocSpec{
		Source: "office.txt", Title: "Foreign Office warns of IS", Published: "2015-02-19",
		Text: "The Foreign Office said Islamic State has a presence in Pakistan.\n" + newstest.Filler(2, 60),
		Entities: []newstest.Ent{
			{ID: "E1", Type: news.TypeORG, Name: "Foreign Office"},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State"},
			{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "Islamic State has a presence in Pakistan", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "affirm", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
	newstest.MustPut(tb, db, nisar)
	newstest.MustPut(tb, db, office)
	return db
}

// fakePipeline answers extract with a fixed document, or an error for the
// text "binary".
type fakePipeline struct{ ingested []api.ArticleIn }

func (f *fakePipeline) Extract(ctx context.Context, in api.ArticleIn) ([]byte, error) {
	if in.Text == "binary" {
		return nil, fmt.Errorf("api: %w", news.ErrBinary)
	}
	return json.Marshal(map[string]string{"schema": news.Schema, "text": in.Text, "url": in.URL})
}

func (f *fakePipeline) IngestText(ctx context.Context, in api.ArticleIn) api.IngestResult {
	f.ingested = append(f.ingested, in)
	return api.IngestResult{Source: "text", ArticleID: 9, Status: "stored"}
}

func (f *fakePipeline) IngestURL(ctx context.Context, url string) api.IngestResult {
	return api.IngestResult{Source: url, Status: "error", Error: "fetch refused"}
}

const token = "s3cret-token"

func newServer(tb testing.TB, token string) (*api.Server, *fakePipeline) {
	tb.Helper()
	f := &fakePipeline{}
	s, err := api.New(api.Config{Store: MustStore(tb), Extract: f, Ingest: f, Token: token, MaxBody: 1000, Version: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	return s, f
}

// do sends a request from loopback (httptest's default remote address is
// 192.0.2.1, which is not) and returns the status and body.
func do(h http.Handler, method, target, body string, header ...string) (int, string, http.Header) {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:5555"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, w.Body.String(), w.Header()
}

func TestReadEndpoints(t *testing.T) {
	s, _ := newServer(t, token)
	tests := []struct {
		target string
		status int
		want   []string // substrings of the body
	}{
		{"/api/articles", 200, []string{`"items":[{`, `"next_offset":null`, `"title":"Foreign Office warns of IS"`}},
		{"/api/articles?q=organised", 200, []string{`"source":"nisar.txt"`, `[organised]`}},
		{"/api/articles?entity=IS&type=ORG", 200, []string{`nisar.txt`, `office.txt`}},
		{"/api/articles?since=2015-02-17", 200, []string{`office.txt`}},
		{"/api/articles?limit=1", 200, []string{`"limit":1`, `"next_offset":1`}},
		{"/api/articles?limit=1&offset=1", 200, []string{`"offset":1`, `"next_offset":null`, `nisar.txt`}},
		{"/api/articles?limit=0", 400, []string{`"code":"bad_request"`, `limit`}},
		{"/api/articles?limit=101", 400, []string{`limit must be a number from 1 to 100`}},
		{"/api/articles?offset=-1", 400, []string{`offset`}},
		{"/api/articles?since=yesterday", 400, []string{`not like 2015-02-19`}},
		{"/api/articles?type=PERSON", 400, []string{`type must be`}},
		{"/api/articles?q=" + strings.Repeat("x", 600), 400, []string{`over 500 bytes`}},
		{"/api/articles/1", 200, []string{`"schema":"newsgraph/article/v1"`, `Chaudhry Nisar`}},
		{"/api/articles/99", 404, []string{`"code":"not_found"`}},
		{"/api/articles/abc", 400, []string{`"code":"bad_request"`}},
		{"/api/articles/1/entities", 200, []string{`"E1":`, `"E3":`}},
		{"/api/entities?name=is", 200, []string{`"name":"Islamic State"`, `"aliases":["IS"]`, `"articles":2`, `"match":"exact"`}},
		{"/api/entities", 200, []string{`"match":"top"`, `"name":"Islamic State"`}},
		{"/api/entities?type=PER", 200, []string{`"match":"top"`, `"name":"Chaudhry Nisar"`}},
		{"/api/entities?country=PK", 200, []string{`"match":"top"`, `"facets":{"articles":1,`, `"countries":[{"value":"PK","count":1}]`, `"name":"Pakistan"`}},
		{"/api/entities?since=2015-03-01", 200, []string{`"items":[]`, `"facets":{"articles":0,`}},
		{"/api/entities?country=Pakistan", 400, []string{`two-letter ISO code`}},
		{"/api/entities?until=2015-13-01", 400, []string{`not like 2015-02-19`}},
		{"/api/entities/1/graph?node_types=org", 200, []string{`"nodes":[`}},
		{"/api/entities/1/graph?node_types=PERSON", 400, []string{`node type \"PERSON\" is not PER, ORG, LOC or MISC`}},
		{"/api/entities/1/graph?since=2015-3-1", 400, []string{`not like 2015-02-19`}},
		{"/api/entities?name=chaud", 200, []string{`"match":"partial"`, `"name":"Chaudhry Nisar"`}},
		{"/api/entities?name=Nisaar", 200, []string{`"match":"did_you_mean"`, `"name":"Chaudhry Nisar"`}},
		{"/api/entities?name=nobody", 200, []string{`"items":[]`}},
		{"/api/quotes?speaker=Nisar", 200, []string{`"speaker":"Chaudhry Nisar"`, `no organised network`}},
		{"/api/quotes?about=Islamic%20State", 200, []string{`no organised network`, `has a presence in Pakistan`}},
		{"/api/quotes?about=nobody", 200, []string{`"items":[]`}},
		{"/api/events?type=deny&actor=Nisar", 200, []string{`"type":"DENY"`, `"target":"Islamic State"`, `"place":"Pakistan"`}},
		{"/api/events?since=2015-03-01", 200, []string{`"items":[]`}},
		{"/api/contradictions", 200, []string{`"scope":"cross"`, `"polarity":"deny"`, `"polarity":"affirm"`}},
		{"/api/contradictions?entity=Foreign%20Office", 200, []string{`"scope":"cross"`}},
		{"/api/places", 200, []string{`"name":"Pakistan"`, `"lat":30`, `"articles":1`}},
		{"/api/stats", 200, []string{`"articles":2`, `"version":"test"`}},
		{"/api/openapi.json", 200, []string{`"openapi": "3.1.0"`}},
		{"/api/nothing", 404, []string{`"code":"not_found"`, `openapi.json`}},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			status, body, h := do(s, "GET", tc.target, "")
			if status != tc.status {
				t.Errorf("status: got %d, want %d; body %s", status, tc.status, body)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type: got %q, want JSON", ct)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s: %s", w, body)
				}
			}
			if !json.Valid([]byte(body)) {
				t.Errorf("body is not JSON: %s", body)
			}
		})
	}
}

func TestEntityProfileAndGraph(t *testing.T) {
	s, _ := newServer(t, "")
	_, body, _ := do(s, "GET", "/api/entities?name=Chaudhry%20Nisar", "")
	var list struct{ Items []api.Entity }
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Items) != 1 {
		t.Fatalf("entities: %v %s", err, body)
	}
	id := list.Items[0].ID
	status, body, _ := do(s, "GET", fmt.Sprintf("/api/entities/%d", id), "")
	var p api.EntityProfile
	if err := json.Unmarshal([]byte(body), &p); status != 200 || err != nil {
		t.Fatalf("profile: %d %v %s", status, err, body)
	}
	if p.Name != "Chaudhry Nisar" || len(p.Titles) != 1 || len(p.Claims["deny"]) != 1 || len(p.Claims["affirm"]) != 0 ||
		len(p.Quotes) != 1 || len(p.Timeline) != 1 || p.Timeline[0].Period != "2015-02" || len(p.Contradictions) != 1 ||
		len(p.Events) != 1 || len(p.CoOccurring) != 2 {
		t.Errorf("profile: got %+v", p)
	}
	status, body, _ = do(s, "GET", fmt.Sprintf("/api/entities/%d/graph?hops=2&types=event,co-occurrence", id), "")
	var g api.Graph
	if err := json.Unmarshal([]byte(body), &g); status != 200 || err != nil || len(g.Nodes) != 4 || g.Nodes[0].ID != id {
		t.Errorf("graph: %d %v %s", status, err, body)
	}
	for _, bad := range []string{"hops=4", "types=friends", "fanout=0", "max_nodes=x"} {
		if status, body, _ := do(s, "GET", fmt.Sprintf("/api/entities/%d/graph?%s", id, bad), ""); status != 400 {
			t.Errorf("graph?%s: got %d %s, want 400", bad, status, body)
		}
	}
	if status, _, _ := do(s, "GET", "/api/entities/987654", ""); status != 404 {
		t.Errorf("missing entity: got %d, want 404", status)
	}
	if status, _, _ := do(s, "GET", "/api/entities/987654/graph", ""); status != 404 {
		t.Errorf("graph of a missing entity: got %d, want 404", status)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := newServer(t, token)
	status, body, h := do(s, "DELETE", "/api/articles", "")
	if status != 405 || h.Get("Allow") != "GET" || !strings.Contains(body, `"code":"method_not_allowed"`) {
		t.Errorf("DELETE: got %d, Allow %q, %s", status, h.Get("Allow"), body)
	}
	if status, _, h := do(s, "GET", "/api/extract", ""); status != 405 || h.Get("Allow") != "POST" {
		t.Errorf("GET extract: got %d, Allow %q", status, h.Get("Allow"))
	}
	if status, body, _ := do(s, "HEAD", "/api/stats", ""); status != 200 {
		t.Errorf("HEAD stats: got %d %s", status, body)
	}
}

func TestWrites(t *testing.T) {
	s, f := newServer(t, token)
	auth := []string{"Authorization", "Bearer " + token, "Content-Type", "application/json"}
	tests := []struct {
		name, target, body string
		header             []string
		status             int
		want               string
	}{
		{"no token", "/api/extract", `{"text":"hello"}`, nil, 401, `"code":"unauthorized"`},
		{"wrong token", "/api/extract", `{"text":"hello"}`, []string{"Authorization", "Bearer nope"}, 401, `unauthorized`},
		{"cookie is not enough", "/api/extract", `{"text":"hello"}`, []string{"Cookie", api.TokenCookie + "=" + token}, 401, `unauthorized`},
		{"json", "/api/extract", `{"text":"hello <b>", "url":"https://x.example/a"}`, auth, 200, `"text":"hello \u003cb\u003e"`},
		{"plain text", "/api/extract?url=https://x.example/b", "plain words", []string{"Authorization", "Bearer " + token, "Content-Type", "text/plain"}, 200, `"text":"plain words"`},
		{"other media type", "/api/extract", "x", []string{"Authorization", "Bearer " + token, "Content-Type", "image/png"}, 415, `unsupported_media_type`},
		{"empty text", "/api/extract", `{"text":"  "}`, auth, 400, `text is empty`},
		{"unknown field", "/api/extract", `{"text":"a","colour":"red"}`, auth, 400, `unknown field`},
		{"not json", "/api/extract", `{"text":`, auth, 400, `bad_request`},
		{"bad date", "/api/extract", `{"text":"a","published":"soon"}`, auth, 400, `published`},
		{"bad url", "/api/extract", `{"text":"a","url":"javascript:alert(1)"}`, auth, 400, `url`},
		{"too large", "/api/extract", `{"text":"` + strings.Repeat("a", 2000) + `"}`, auth, 413, `"code":"too_large"`},
		{"not an article", "/api/extract", `{"text":"binary"}`, auth, 422, `"code":"not_an_article"`},
		{"ingest", "/api/ingest", `{"articles":[{"text":"one"}],"urls":["https://x.example/c"]}`, auth, 201, `"status":"stored"`},
		{"ingest nothing", "/api/ingest", `{}`, auth, 400, `at least one`},
		{"ingest bad url", "/api/ingest", `{"urls":["file:///etc/passwd"]}`, auth, 400, `not an http(s) URL`},
		{"ingest too many", "/api/ingest", `{"urls":[` + strings.Repeat(`"https://x.example/",`, 20) + `"https://x.example/"]}`, auth, 400, `at most 20`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := do(s, "POST", tc.target, tc.body, tc.header...)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("got %d %s, want %d with %s", status, body, tc.status, tc.want)
			}
		})
	}
	if len(f.ingested) != 1 || f.ingested[0].Text != "one" {
		t.Errorf("ingested: got %+v", f.ingested)
	}
	off, _ := newServer(t, "")
	if status, body, _ := do(off, "POST", "/api/extract", `{"text":"a"}`, "Authorization", "Bearer "); status != 403 || !strings.Contains(body, "writes_disabled") {
		t.Errorf("writes without a server token: got %d %s, want 403 writes_disabled", status, body)
	}
}

func TestGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	open := func(r *http.Request) bool { return r.URL.Path == "/login" }
	tests := []struct {
		name, token, remote, path string
		header                    []string
		want                      int
	}{
		{"loopback v4", "", "127.0.0.1:1", "/", nil, 200},
		{"loopback v6", "", "[::1]:1", "/", nil, 200},
		{"loopback, localhost", "", "127.0.0.1:1", "/", []string{"Host", "localhost:8080"}, 200},
		{"loopback, rebound host", "", "127.0.0.1:1", "/", []string{"Host", "evil.example:8080"}, 403},
		{"loopback, rebound host, token", token, "127.0.0.1:1", "/", []string{"Host", "evil.example"}, 401},
		{"loopback, rebound host, bearer", token, "127.0.0.1:1", "/", []string{"Host", "evil.example", "Authorization", "Bearer " + token}, 200},
		{"remote, no server token", "", "203.0.113.9:1", "/", nil, 403},
		{"remote, no token", token, "203.0.113.9:1", "/", nil, 401},
		{"remote, bearer", token, "203.0.113.9:1", "/", []string{"Authorization", "Bearer " + token}, 200},
		{"remote, cookie", token, "203.0.113.9:1", "/", []string{"Cookie", api.TokenCookie + "=" + token}, 200},
		{"remote, wrong cookie", token, "203.0.113.9:1", "/", []string{"Cookie", api.TokenCookie + "=x"}, 401},
		{"remote, open path", token, "203.0.113.9:1", "/login", nil, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.path, nil)
			r.RemoteAddr, r.Host = tc.remote, "127.0.0.1:8080"
			for i := 0; i+1 < len(tc.header); i += 2 {
				if tc.header[i] == "Host" {
					r.Host = tc.header[i+1]
				} else {
					r.Header.Set(tc.header[i], tc.header[i+1])
				}
			}
			w := httptest.NewRecorder()
			api.Guard(tc.token, nil, open, ok).ServeHTTP(w, r)
			if w.Code != tc.want {
				t.Errorf("got %d %s, want %d", w.Code, w.Body, tc.want)
			}
			if w.Code >= 400 && !json.Valid(w.Body.Bytes()) {
				t.Errorf("error body is not JSON: %s", w.Body)
			}
		})
	}
}

func TestCORS(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	r := httptest.NewRequest("GET", "/api/stats", nil)
	r.Header.Set("Origin", "https://evil.example")
	w := httptest.NewRecorder()
	api.CORS("", ok).ServeHTTP(w, r)
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS off: got Allow-Origin %q", got)
	}
	w = httptest.NewRecorder()
	api.CORS("https://good.example", ok).ServeHTTP(w, r)
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("other origin: got Allow-Origin %q", got)
	}
	r.Header.Set("Origin", "https://good.example")
	r.Header.Set("Access-Control-Request-Method", "POST")
	r.Method = "OPTIONS"
	w = httptest.NewRecorder()
	api.CORS("https://good.example", ok).ServeHTTP(w, r)
	if w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != "https://good.example" {
		t.Errorf("preflight: got %d %v", w.Code, w.Header())
	}
}

// TestOpenAPIListsEveryRoute keeps the OpenAPI document in step with the
// routes.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	s, _ := newServer(t, "")
	var doc struct {
		Paths map[string]map[string]any
	}
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	routes := map[string]bool{}
	for _, r := range s.Routes() {
		routes[r] = true
		method, path, _ := strings.Cut(r, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json lacks %s", r)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !routes[strings.ToUpper(method)+" "+path] {
				t.Errorf("openapi.json documents %s %s, which is not served", method, path)
			}
		}
	}
}

func TestInternalErrorsHideDetails(t *testing.T) {
	s, err := api.New(api.Config{Store: brokenStore{MustStore(t)}})
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ := do(s, "GET", "/api/stats", "")
	if status != 500 || !strings.Contains(body, `"code":"internal"`) || strings.Contains(body, "secret path") {
		t.Errorf("got %d %s, want 500 internal without the cause", status, body)
	}
}

type brokenStore struct{ news.Store }

func (brokenStore) Stats(context.Context) (news.Stats, error) {
	return news.Stats{}, errors.New("open /secret path: disk on fire")
}

func TestLimit(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	h := api.Limit(3, time.Minute, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		running--
		mu.Unlock()
	}))
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
		}()
	}
	wg.Wait()
	if most != 3 {
		t.Errorf("at most %d requests ran at once, want 3", most)
	}
	// Writes are not held up by reads.
	block := make(chan struct{})
	h2 := api.Limit(1, time.Minute, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "GET" {
			<-block
		}
	}))
	go h2.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	done := make(chan bool)
	go func() {
		h2.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/", nil))
		done <- true
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Error("a POST waited for a GET's slot")
	}
	close(block)
}
