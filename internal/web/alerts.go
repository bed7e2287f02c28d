package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/watch"
)

// The alerts page (/alerts), the Atom feed of a watchlist
// (/watchlists/{id}/feed.atom) and the entity page's "alert me about this
// entity" form (POST /entities/{id}/watch), over Config.Watch.

// MaxAlertsScanned is how many of the newest alerts (of the chosen
// watchlist) the alerts page reads to apply its date filter, and
// MaxAlertsShown how many it shows.
const (
	MaxAlertsScanned = 1000
	MaxAlertsShown   = 100
)

// alertsView is the alerts page.
type alertsView struct {
	Watchlists []news.Watchlist
	Watchlist  int64  // the chosen one, 0 for all
	From, To   string // YYYY-MM-DD, the alert's date (UTC), inclusive
	Feed       string // the chosen watchlist's Atom feed
	Items      []alertItem
	More       bool // more alerts matched than are shown
	Enabled    bool // the store keeps watchlists
}

// alertItem is one alert on the page.
type alertItem struct {
	news.Alert
	When     string // the alert's time, UTC
	Link     string // the article page with the sentence highlighted
	Sentence string
	Label    string // the article's title or source
}

func (s *Server) alerts(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := alertsView{From: q.Get("from"), To: q.Get("to"), Enabled: s.cfg.Watch != nil}
	for _, d := range []string{v.From, v.To} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			return badInput("Dates are written like 2015-02-19.")
		}
	}
	if wl := q.Get("watchlist"); wl != "" {
		id, err := strconv.ParseInt(wl, 10, 64)
		if err != nil || id < 1 {
			return badInput("Choose a watchlist from the list.")
		}
		v.Watchlist, v.Feed = id, fmt.Sprintf("/watchlists/%d/feed.atom", id)
	}
	if s.cfg.Watch == nil {
		s.render(w, http.StatusOK, "alerts", "Alerts", v)
		return nil
	}
	var err error
	if v.Watchlists, err = s.cfg.Watch.Watchlists(r.Context()); err != nil {
		return err
	}
	all, err := s.cfg.Watch.Alerts(r.Context(), news.AlertQuery{WatchlistID: v.Watchlist, Limit: MaxAlertsScanned})
	if err != nil {
		return err
	}
	for _, a := range all {
		day := a.Created.UTC().Format("2006-01-02")
		if v.From != "" && day < v.From || v.To != "" && day > v.To {
			continue
		}
		if len(v.Items) == MaxAlertsShown {
			v.More = true
			break
		}
		v.Items = append(v.Items, newAlertItem(a))
	}
	s.render(w, http.StatusOK, "alerts", "Alerts", v)
	return nil
}

func newAlertItem(a news.Alert) alertItem {
	it := alertItem{Alert: a, When: a.Created.UTC().Format("2006-01-02 15:04 UTC"), Label: label(a.Article.Title, a.Article.Source)}
	var first *news.AlertSpan
	if len(a.Sentences) > 0 {
		first = &a.Sentences[0]
		it.Sentence = strings.Join(strings.Fields(first.Text), " ")
	}
	it.Link = alert.ArticleLink("", a.Article.ID, first)
	return it
}

// feed serves a watchlist's Atom feed. It is an open path for Guard
// (OpenPath), so that a feed reader on another machine can give the token
// the ways readers can: checked here by feedAllowed.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	if err := s.feedAllowed(w, r); err != nil {
		return err
	}
	if s.cfg.Watch == nil {
		return notFound("This store keeps no watchlists.")
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	wl, err := s.cfg.Watch.Watchlist(r.Context(), id)
	if err != nil {
		return err
	}
	alerts, err := s.cfg.Watch.Alerts(r.Context(), news.AlertQuery{WatchlistID: id, Limit: alert.MaxFeedEntries})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := alert.WriteAtom(&buf, alert.Feed{Base: baseURL(r), Watchlist: *wl, Alerts: alerts}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
	return nil
}

// feedAllowed lets a feed request through from this machine (as Guard
// does), or with the API token given as "Authorization: Bearer TOKEN",
// the /login cookie, the password of basic auth (any user name:
// https://feeds:TOKEN@host/watchlists/1/feed.atom) or the token query
// parameter (/watchlists/1/feed.atom?token=TOKEN). Wrong tokens count in
// the throttle as at /login.
func (s *Server) feedAllowed(w http.ResponseWriter, r *http.Request) error {
	if api.FromLoopback(r) && api.LoopbackHost(r.Host) {
		return nil
	}
	if s.cfg.Token == "" {
		return &pageError{http.StatusForbidden, "This server answers loopback clients only; start it with --token to allow others."}
	}
	given := r.URL.Query().Get("token")
	if _, pass, ok := r.BasicAuth(); ok && given == "" {
		given = pass
	}
	ok, wait := s.cfg.Throttle.Check(api.Client(r), func() bool {
		return api.TokenEqual(given, s.cfg.Token) || api.TokenMatches(r, s.cfg.Token)
	})
	switch {
	case wait > 0:
		w.Header().Set("Retry-After", api.RetryAfter(wait))
		return &pageError{http.StatusTooManyRequests, "Too many wrong tokens: try again in " + api.RetryAfter(wait) + " seconds."}
	case !ok:
		w.Header().Set("WWW-Authenticate", `Basic realm="newsgraph feeds"`)
		return &pageError{http.StatusUnauthorized, "A feed needs the API token: ?token=TOKEN or basic auth with the token as password."}
	}
	return nil
}

// isFeedPath reports whether p is a watchlist's feed, /watchlists/{id}/feed.atom.
func isFeedPath(p string) bool {
	rest, ok := strings.CutPrefix(p, "/watchlists/")
	if !ok {
		return false
	}
	id, ok := strings.CutSuffix(rest, "/feed.atom")
	n, err := strconv.ParseInt(id, 10, 64)
	return ok && err == nil && n > 0
}

// baseURL is the address the client reached this server at.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// maxWatchForm is the largest body of the entity page's alert form.
const maxWatchForm = 8 << 10

// watchEntity handles the entity page's "alert me about this entity"
// form: it stores a watchlist of one rule, the entity (by its store id,
// so that every name it has or gets matches) in the role chosen, and
// shows the alerts page of that watchlist. Asking again for the same
// entity and role replaces that watchlist, so it never fires twice.
func (s *Server) watchEntity(w http.ResponseWriter, r *http.Request) error {
	id, err := s.formRequest(w, r, maxWatchForm, "Alerts are", "An alert")
	if err != nil {
		return err
	}
	if s.cfg.Watch == nil {
		return notFound("This store keeps no watchlists.")
	}
	role := r.PostFormValue("role")
	if role == "" {
		role = watch.RoleMentioned
	}
	if !slices.Contains(watch.Roles, role) {
		return badInput("Choose a role from the list.")
	}
	prof, err := s.cfg.Store.EntityProfile(r.Context(), id, 1)
	if err != nil {
		return err
	}
	wl, err := entityWatchlist(prof.StoredEntity, role)
	if err != nil {
		return err
	}
	stored, err := s.cfg.Watch.PutWatchlist(r.Context(), wl)
	if err != nil {
		return err
	}
	if s.cfg.WatchlistsChanged != nil {
		if err := s.cfg.WatchlistsChanged(r.Context()); err != nil {
			return err
		}
	}
	http.Redirect(w, r, fmt.Sprintf("/alerts?watchlist=%d", stored.ID), http.StatusSeeOther)
	return nil
}

// entityWatchlist is the watchlist of the rule "entity e in role",
// named after the entity, its id and the role, checked as a watchlist
// file is.
func entityWatchlist(e news.StoredEntity, role string) (*news.Watchlist, error) {
	name := fmt.Sprintf("%s (entity %d) %s", e.Name, e.ID, role)
	rule := watch.Rule{Name: e.Name + " " + role, Entity: &watch.EntityRef{ID: e.ID}, Role: role}
	spec, err := json.Marshal(watch.Watchlist{Name: name, Description: "made on the entity page", Rules: []watch.Rule{rule}})
	if err != nil {
		return nil, err
	}
	wl, err := watch.Parse(name, spec)
	if err != nil {
		return nil, err
	}
	return wl.Stored()
}
