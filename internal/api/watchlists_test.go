package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

const isDenials = `{"name": "is-denials", "description": "any denial about Islamic State",
 "rules": [{"name": "any denial", "entity": "Islamic State", "event": ["DENY"]}]}`

const attacksYAML = `name: attacks-in-pakistan
rules:
  - name: attack in Pakistan
    event: [ATTACK]
    place: {country: PK}
`

// newWatchServer serves MustStore with watchlists on; the counter counts
// the calls of WatchlistsChanged.
func newWatchServer(t *testing.T) (*api.Server, *sqlite.DB, *int) {
	t.Helper()
	db := MustStore(t)
	reloads := new(int)
	s, err := api.New(api.Config{Store: db, Watch: db, Webhooks: db, Token: token, Version: "test",
		WatchlistsChanged: func(context.Context) error { *reloads++; return nil }})
	if err != nil {
		t.Fatal(err)
	}
	return s, db, reloads
}

func TestWatchlistEndpoints(t *testing.T) {
	s, db, reloads := newWatchServer(t)
	auth := []string{"Authorization", "Bearer " + token}
	if status, body, _ := do(s, "POST", "/api/watchlists", isDenials); status != 401 {
		t.Errorf("create without the token: %d %s, want 401", status, body)
	}
	status, body, h := do(s, "POST", "/api/watchlists", isDenials, auth...)
	if status != 201 || !strings.Contains(body, `"name":"is-denials"`) || !strings.Contains(body, `"feed":"/watchlists/1/feed.atom"`) ||
		!strings.Contains(body, `"rules":[{"id":`) || !strings.Contains(body, `"spec":{`) || h.Get("Location") != "/api/watchlists/1" {
		t.Fatalf("create from JSON: %d %s %v", status, body, h)
	}
	if status, body, _ = do(s, "POST", "/api/watchlists", attacksYAML, append(auth, "Content-Type", "application/yaml")...); status != 201 {
		t.Fatalf("create from YAML: %d %s", status, body)
	}
	bad := "name: x\nrules:\n  - name: r\n    event: [DENYY]\n"
	if status, body, _ = do(s, "POST", "/api/watchlists", bad, auth...); status != 400 || !strings.Contains(body, `"code":"bad_watchlist"`) ||
		!strings.Contains(body, `body:4: rules[0].event`) {
		t.Errorf("bad watchlist: %d %s, want 400 naming line 4 and rules[0].event", status, body)
	}
	status, body, _ = do(s, "GET", "/api/watchlists", "")
	if status != 200 || !strings.Contains(body, `"is-denials"`) || !strings.Contains(body, `"attacks-in-pakistan"`) {
		t.Errorf("list: %d %s", status, body)
	}
	if status, body, _ = do(s, "GET", "/api/watchlists/1", ""); status != 200 || !strings.Contains(body, `"webhook":null`) {
		t.Errorf("show: %d %s", status, body)
	}
	if status, body, _ = do(s, "GET", "/api/watchlists/99", ""); status != 404 || !strings.Contains(body, `"code":"not_found"`) {
		t.Errorf("show a missing one: %d %s, want 404", status, body)
	}
	if status, body, _ = do(s, "DELETE", "/api/watchlists/2", ""); status != 401 {
		t.Errorf("delete without the token: %d %s, want 401", status, body)
	}
	if status, body, _ = do(s, "DELETE", "/api/watchlists/2", "", auth...); status != 200 {
		t.Errorf("delete: %d %s", status, body)
	}
	if status, _, _ = do(s, "GET", "/api/watchlists/2", ""); status != 404 {
		t.Errorf("after delete: %d, want 404", status)
	}
	if lists, _ := db.Watchlists(context.Background()); len(lists) != 1 {
		t.Errorf("%d watchlists stored, want 1", len(lists))
	}
	if *reloads != 3 {
		t.Errorf("WatchlistsChanged called %d times, want 3 (two added, one removed)", *reloads)
	}
}

func TestWatchlistWebhookAndAlerts(t *testing.T) {
	s, db, _ := newWatchServer(t)
	ctx := context.Background()
	auth := []string{"Authorization", "Bearer " + token}
	if status, body, _ := do(s, "POST", "/api/watchlists", isDenials, auth...); status != 201 {
		t.Fatalf("create: %d %s", status, body)
	}
	for _, c := range []struct{ body, want string }{
		{`{"url": "http://127.0.0.1:9/hook"}`, `refused`},
		{`{"url": "ftp://hooks.example/x"}`, `only http and https`},
		{`{"url": "https://hooks.example/x", "secret": "short"}`, `at least 16`},
		{`{"url": "https://hooks.example/x", "extra": 1}`, `unknown field`},
	} {
		if status, body, _ := do(s, "PUT", "/api/watchlists/1/webhook", c.body, auth...); status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("webhook %s: %d %s, want 400 with %q", c.body, status, body, c.want)
		}
	}
	if status, _, _ := do(s, "PUT", "/api/watchlists/1/webhook", `{"url": "https://hooks.example/x"}`); status != 401 {
		t.Errorf("webhook without the token: %d, want 401", status)
	}
	status, body, _ := do(s, "PUT", "/api/watchlists/1/webhook", `{"url": "https://hooks.example/x"}`, auth...)
	var set struct{ URL, Secret string }
	json.Unmarshal([]byte(body), &set)
	if status != 200 || set.URL != "https://hooks.example/x" || len(set.Secret) != 64 {
		t.Fatalf("webhook: %d %s, want the URL and a made secret", status, body)
	}
	if _, body, _ = do(s, "GET", "/api/watchlists/1", ""); !strings.Contains(body, `"webhook":{"url":"https://hooks.example/x"}`) || strings.Contains(body, set.Secret) {
		t.Errorf("show with a webhook: %s, want its URL and never its secret", body)
	}
	wl, err := db.Watchlist(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.PutAlerts(ctx, []news.Alert{{WatchlistID: 1, RuleID: wl.Rules[0].ID, Rule: "any denial", Article: news.AlertArticle{ID: 1},
		Why: "Chaudhry Nisar denies presence of Islamic State in Pakistan", Sentences: []news.AlertSpan{{Start: 0, End: 10, Text: "Interior M"}}}})
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ = do(s, "GET", "/api/watchlists/1/alerts", "")
	for _, want := range []string{`"rule":"any denial"`, `"source":"nisar.txt"`, `"why":"Chaudhry Nisar denies`, `"delivery":{"state":"pending","attempts":0`, `"start":0,"end":10`} {
		if status != 200 || !strings.Contains(body, want) {
			t.Errorf("alerts: %d %s, want %s", status, body, want)
		}
	}
	if _, body, _ = do(s, "GET", "/api/watchlists/1/alerts?after=1", ""); !strings.Contains(body, `"items":[]`) {
		t.Errorf("alerts after the newest: %s, want none", body)
	}
	if status, body, _ = do(s, "GET", "/api/watchlists/1/alerts?after=x", ""); status != 400 {
		t.Errorf("after=x: %d %s, want 400", status, body)
	}
	if status, body, _ = do(s, "DELETE", "/api/watchlists/1/webhook", "", auth...); status != 200 {
		t.Errorf("delete webhook: %d %s", status, body)
	}
	if _, body, _ = do(s, "GET", "/api/watchlists/1/alerts", ""); !strings.Contains(body, `"state":"failed"`) {
		t.Errorf("after removing the webhook: %s, want the pending delivery failed", body)
	}
}

func TestWatchlistsOffWithoutWatchStore(t *testing.T) {
	s, _ := newServer(t, token)
	if status, body, _ := do(s, "GET", "/api/watchlists", ""); status != 503 || !strings.Contains(body, `"code":"no_watchlists"`) {
		t.Errorf("no watch store: %d %s, want 503", status, body)
	}
}
