package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// mustWatchServer is mustServer with watchlists on; reloads counts the
// calls of WatchlistsChanged.
func mustWatchServer(t *testing.T) (*Server, *sqlite.DB, *int) {
	t.Helper()
	s := mustServer(t)
	db := s.cfg.Store.(*sqlite.DB)
	reloads := new(int)
	s.cfg.Watch = db
	s.cfg.WatchlistsChanged = func(context.Context) error { *reloads++; return nil }
	return s, db, reloads
}

func TestAlertMeAboutThisEntity(t *testing.T) {
	s, db, reloads := mustWatchServer(t)
	ctx := context.Background()
	id := entityID(t, s, "Chaudhry Nisar")
	page := fmt.Sprintf("/entities/%d", id)
	if body := get(s, page).Body.String(); !strings.Contains(body, `action="`+page+`/watch"`) || !strings.Contains(body, `class="watch-button"`) {
		t.Fatalf("entity page lacks the alert form")
	}
	origin := []string{"Origin", "http://example.com", "Host", "example.com"}
	if r := postForm(s, page+"/watch", url.Values{"role": {"speaker"}}, origin...); r.Code != http.StatusUnauthorized {
		t.Errorf("without the token: %d, want 401", r.Code)
	}
	if r := postForm(s, page+"/watch", url.Values{"role": {"boss"}, "token": {"tok"}}, origin...); r.Code != http.StatusBadRequest {
		t.Errorf("unknown role: %d, want 400", r.Code)
	}
	if r := postForm(s, "/entities/9999/watch", url.Values{"token": {"tok"}}, origin...); r.Code != http.StatusNotFound {
		t.Errorf("missing entity: %d, want 404", r.Code)
	}
	r := postForm(s, page+"/watch", url.Values{"role": {"speaker"}, "token": {"tok"}}, origin...)
	if r.Code != http.StatusSeeOther || !strings.HasPrefix(r.Header().Get("Location"), "/alerts?watchlist=") {
		t.Fatalf("alert form: %d %v, want a redirect to the alerts page", r.Code, r.Header())
	}
	again := postForm(s, page+"/watch", url.Values{"role": {"speaker"}, "token": {"tok"}}, origin...)
	if again.Header().Get("Location") != r.Header().Get("Location") {
		t.Errorf("the same alert twice made another watchlist: %s, then %s", r.Header().Get("Location"), again.Header().Get("Location"))
	}
	lists, err := db.Watchlists(ctx)
	if err != nil || len(lists) != 1 || len(lists[0].Rules) != 1 {
		t.Fatalf("stored: %+v, %v; want one watchlist of one rule", lists, err)
	}
	if spec := string(lists[0].Spec); !strings.Contains(spec, fmt.Sprintf(`"entity":%d`, id)) || !strings.Contains(spec, `"role":"speaker"`) {
		t.Errorf("rule %s: want the entity by its id, as speaker", spec)
	}
	if *reloads != 2 {
		t.Errorf("WatchlistsChanged called %d times, want 2", *reloads)
	}
}

// fireAlert stores an alert of a new watchlist on article 1, on the
// sentence "Interior Minister ... Pakistan." (code points 0 to 92).
func fireAlert(t *testing.T, db *sqlite.DB) *news.Watchlist {
	t.Helper()
	ctx := context.Background()
	wl, err := db.PutWatchlist(ctx, &news.Watchlist{Name: "is-denials", Spec: []byte(`{"name":"is-denials","rules":[{"name":"any denial","event":["DENY"]}]}`),
		Rules: []news.WatchRule{{Name: "any denial"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.PutAlerts(ctx, []news.Alert{{WatchlistID: wl.ID, RuleID: wl.Rules[0].ID, Rule: "any denial", Article: news.AlertArticle{ID: 1},
		Why: "Chaudhry Nisar denies Islamic State", Sentences: []news.AlertSpan{{Start: 0, End: 92, Text: "Interior Minister Chaudhry Nisar denied on Monday the presence of Islamic State in Pakistan."}}}})
	if err != nil {
		t.Fatal(err)
	}
	return wl
}

func TestAlertsPage(t *testing.T) {
	s, db, _ := mustWatchServer(t)
	wl := fireAlert(t, db)
	for _, c := range []struct {
		target string
		status int
		want   []string
	}{
		{"/alerts", 200, []string{`<p class="why">Chaudhry Nisar denies Islamic State</p>`, `href="/articles/1?hl=0-92#hl"`,
			`<blockquote>Interior Minister Chaudhry Nisar denied`, `is-denials: any denial`, `Minister denies IS presence`}},
		{fmt.Sprintf("/alerts?watchlist=%d", wl.ID), 200, []string{`Chaudhry Nisar denies`, fmt.Sprintf(`href="/watchlists/%d/feed.atom"`, wl.ID), `selected`}},
		{"/alerts?watchlist=99", 200, []string{`No alerts`}},
		{"/alerts?from=2999-01-01", 200, []string{`No alerts in these dates`}},
		{"/alerts?to=2000-01-01", 200, []string{`No alerts in these dates`}},
		{"/alerts?from=soon", 400, []string{`2015-02-19`}},
		{"/alerts?watchlist=x", 400, []string{`Choose a watchlist`}},
		{"/articles/1?hl=0-92", 200, []string{`<mark id="hl" class="hl">`}},
		{"/articles/1?hl=9-2", 200, nil},
	} {
		w := get(s, c.target)
		body := w.Body.String()
		if w.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.target, w.Code, c.status)
		}
		for _, want := range c.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", c.target, want)
			}
		}
	}
	if body := get(s, "/articles/1?hl=9-2").Body.String(); strings.Contains(body, `id="hl"`) {
		t.Error("a backwards span was highlighted")
	}
}

// atom is what a feed reader needs of an Atom feed.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func TestWatchlistAtomFeed(t *testing.T) {
	s, db, _ := mustWatchServer(t)
	wl := fireAlert(t, db)
	path := fmt.Sprintf("/watchlists/%d/feed.atom", wl.ID)
	if w := get(s, path); w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("feed from another machine without the token: %d, want 401 asking for basic auth", w.Code)
	}
	if w := get(s, path+"?token=wrong"); w.Code != http.StatusUnauthorized {
		t.Errorf("feed with a wrong token: %d, want 401", w.Code)
	}
	basic := httptest.NewRequest("GET", "http://news.example"+path, nil)
	basic.SetBasicAuth("feeds", "tok")
	local := httptest.NewRequest("GET", path, nil)
	local.RemoteAddr, local.Host = "127.0.0.1:4444", "127.0.0.1:8080"
	for name, r := range map[string]*http.Request{"token parameter": httptest.NewRequest("GET", "http://news.example"+path+"?token=tok", nil),
		"basic auth": basic, "loopback": local} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/atom+xml") {
			t.Errorf("%s: %d %s", name, w.Code, w.Header().Get("Content-Type"))
			continue
		}
		var f atom
		if err := xml.Unmarshal(w.Body.Bytes(), &f); err != nil {
			t.Fatalf("%s: not Atom: %v\n%s", name, err, w.Body)
		}
		host := r.Host
		if len(f.Entries) != 1 || f.ID == "" || f.Updated == "" || f.Author == "" || !strings.Contains(f.Title, "is-denials") {
			t.Fatalf("%s: feed %+v", name, f)
		}
		e := f.Entries[0]
		if e.ID != "tag:"+strings.Split(host, ":")[0]+",2025:newsgraph/alert/1" || e.Title != "any denial: Minister denies IS presence" ||
			e.Link.Href != "http://"+host+"/articles/1?hl=0-92#hl" || e.Summary != "Chaudhry Nisar denies Islamic State" ||
			!strings.Contains(e.Content, "“Interior Minister Chaudhry Nisar denied") || e.Updated == "" {
			t.Errorf("%s: entry %+v", name, e)
		}
	}
	if w := get(s, "/watchlists/99/feed.atom?token=tok"); w.Code != http.StatusNotFound {
		t.Errorf("feed of a missing watchlist: %d, want 404", w.Code)
	}
	for p, open := range map[string]bool{path: true, "/watchlists/x/feed.atom": false, "/watchlists/1/feed.atom/x": false, "/alerts": false} {
		if got := OpenPath(httptest.NewRequest("GET", p, nil)); got != open {
			t.Errorf("OpenPath(%s) = %v, want %v", p, got, open)
		}
	}
}
