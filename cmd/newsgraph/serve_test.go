package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/sqlite"
)

func TestServeUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  string // NEWSGRAPH_TOKEN
		code int
		want string
	}{
		{"help", []string{"serve", "--help"}, "", 0, "usage: newsgraph serve"},
		{"argument", []string{"serve", "extra"}, "", 2, "takes no arguments"},
		{"bad flag", []string{"serve", "--port", "80"}, "", 2, "run 'newsgraph serve --help'"},
		{"bad addr", []string{"serve", "--addr", "8080"}, "", 2, "not HOST:PORT"},
		{"open without token", []string{"serve", "--addr", ":8080"}, "", 2, "set --token or NEWSGRAPH_TOKEN"},
		{"open on all addresses", []string{"serve", "--addr", "0.0.0.0:8080"}, "", 2, "set --token"},
		{"help hides the token", []string{"serve", "--help"}, "hush-hush", 0, "(default $NEWSGRAPH_TOKEN)"},
		{"bad body limit", []string{"serve", "--max-body", "0"}, "", 2, "--max-body"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NEWSGRAPH_TOKEN", tc.env)
			code, out, errOut := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) || strings.Contains(out+errOut, "hush-hush") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d with %q", code, out, errOut, tc.code, tc.want)
			}
		})
	}
}

// serveTestStore ingests files into a new database and returns it open.
func serveTestStore(t testing.TB, dir string) *sqlite.DB {
	t.Helper()
	db := filepath.Join(t.TempDir(), "news.db")
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := runMain(env, []string{"ingest", "--db", db, "--no-progress", "--workers", "2", dir}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut.String())
	}
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// TestServeExtractAndIngest runs the real pipeline behind POST
// /api/extract and /api/ingest.
func TestServeExtractAndIngest(t *testing.T) {
	needSeed(t)
	dir := t.TempDir()
	seed, _ := os.ReadFile(seedArticle)
	os.WriteFile(filepath.Join(dir, "seed.txt"), seed, 0o644)
	store := serveTestStore(t, dir)
	var errOut bytes.Buffer
	env := &environment{stdout: io.Discard, stderr: &errOut}
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
	post := func(path, ctype, body string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		req.Header.Set("Content-Type", ctype)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	status, body := post("/api/extract?published=2015-02-19", "text/plain", string(seed))
	var doc struct {
		Published string
		Quotes    []json.RawMessage
	}
	if err := json.Unmarshal([]byte(body), &doc); status != 200 || err != nil || len(doc.Quotes) == 0 || doc.Published != "2015-02-19" {
		t.Fatalf("extract: %d %v %.300s", status, err, body)
	}
	status, body = post("/api/ingest", "application/json", `{"articles":[{"text":`+strconv.Quote(string(seed))+`},
		{"text":"Mayor Jane Roe said on Tuesday that the bridge over the river will open next spring, after two years of work."}],
		"urls":["http://127.0.0.1:1/x"]}`)
	for _, want := range []string{`"status":"duplicate"`, `"status":"stored"`, `"status":"error"`} {
		if status != 201 || !strings.Contains(body, want) {
			t.Errorf("ingest: got %d %s, want 201 with %s", status, body, want)
		}
	}
	if st, _ := store.Stats(context.Background()); st.Articles != 2 {
		t.Errorf("after ingest: %d articles, want 2", st.Articles)
	}
}

// TestServeLoad is the read API under load: 100 clients for 30 s against
// loopback, on a store with the 60-article sample, no errors allowed; it
// reports the latency percentiles. It runs only with NEWSGRAPH_LOAD=1
// (NEWSGRAPH_LOAD_SECONDS changes the duration):
//
//	NEWSGRAPH_LOAD=1 go test -run TestServeLoad -v ./cmd/newsgraph
func TestServeLoad(t *testing.T) {
	if os.Getenv("NEWSGRAPH_LOAD") == "" || testing.Short() {
		t.Skip("load test: set NEWSGRAPH_LOAD=1 to run it")
	}
	seconds := 30
	if s, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_SECONDS")); err == nil && s > 0 {
		seconds = s
	}
	dir := newsFiles(t, 60)
	store := serveTestStore(t, dir)
	env := &environment{stdout: io.Discard, stderr: io.Discard}
	opt, err := parseServeFlags(env, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := newServeHandler(env, opt, store)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h) // 127.0.0.1: the open, read-only setting
	defer srv.Close()
	targets := loadTargets(t, srv.URL)

	const clients = 100
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 10 * time.Second}
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	var mu sync.Mutex
	var lat []time.Duration
	byKind := map[string][]time.Duration{}
	var failures []string
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var mine []time.Duration
			var kinds []string
			var bad []string
			for i := c; time.Now().Before(deadline); i++ {
				target := targets[i%len(targets)]
				start := time.Now()
				res, err := client.Get(target)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != 200 {
						err = fmt.Errorf("HTTP %d", res.StatusCode)
					}
				}
				mine = append(mine, time.Since(start))
				kinds = append(kinds, kindOf(target))
				if err != nil && len(bad) < 5 {
					bad = append(bad, target+": "+err.Error())
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			for i, k := range kinds {
				byKind[k] = append(byKind[k], mine[i])
			}
			failures = append(failures, bad...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("load: %d clients, %d s, %d requests (%.0f/s) over %d URLs; latency p50 %v, p90 %v, p99 %v, max %v; %d errors",
		clients, seconds, len(lat), float64(len(lat))/float64(seconds), len(targets),
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond),
		lat[len(lat)-1].Round(time.Microsecond), len(failures))
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		d := byKind[k]
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		t.Logf("  %-40s %6d requests, p50 %v, p99 %v", k, len(d), d[len(d)/2].Round(time.Microsecond),
			d[min(len(d)-1, len(d)*99/100)].Round(time.Microsecond))
	}
	if len(failures) > 0 {
		t.Errorf("%d failed requests, e.g. %v", len(failures), failures)
	}
}

// kindOf names a request by its path, ids replaced by N.
func kindOf(target string) string {
	u, _ := url.Parse(target)
	parts := strings.Split(u.Path, "/")
	for i, p := range parts {
		if _, err := strconv.Atoi(p); err == nil {
			parts[i] = "N"
		}
	}
	k := strings.Join(parts, "/")
	if q := u.Query(); len(q) > 0 {
		var keys []string
		for key := range q {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		k += "?" + strings.Join(keys, "&")
	}
	return k
}

// loadTargets is a mix of read API requests over what the store holds.
func loadTargets(t testing.TB, base string) []string {
	t.Helper()
	var list struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	res, err := http.Get(base + "/api/articles?limit=100")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	if len(list.Items) < 10 {
		t.Fatalf("only %d articles to load", len(list.Items))
	}
	targets := []string{
		base + "/api/stats",
		base + "/api/articles?q=Trump",
		base + "/api/articles?q=" + "%22Hillary+Clinton%22",
		base + "/api/articles?entity=Donald+Trump&limit=10",
		base + "/api/articles?since=2016-09-20&until=2016-10-01",
		base + "/api/entities?name=Clinton",
		base + "/api/quotes?speaker=Trump",
		base + "/api/quotes?about=Hillary+Clinton",
		base + "/api/events?type=ATTACK",
		base + "/api/events?entity=Russia",
		base + "/api/contradictions",
		base + "/api/places?limit=100",
	}
	for i, a := range list.Items {
		targets = append(targets, fmt.Sprintf("%s/api/articles/%d", base, a.ID))
		targets = append(targets, fmt.Sprintf("%s/api/entities/%d", base, i+1))
		if i%3 == 0 {
			targets = append(targets, fmt.Sprintf("%s/api/entities/%d/graph?hops=2", base, i+1))
		}
	}
	return targets
}
