package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/watch"
)

// The watchlist endpoints (issue 18): watchlists of alert rules, their
// alerts, and their webhooks. Reading them is open as every read is;
// creating, deleting and setting a webhook need the write token. They
// answer 503 when the store keeps no watchlists (Config.Watch nil).

// watchlistView is a watchlist as the API shows it: the stored watchlist
// (ids of it and its rules), its rules as written (spec, the canonical
// JSON form of the file), its webhook without the secret, and the
// address of its Atom feed.
type watchlistView struct {
	news.Watchlist
	Spec    json.RawMessage `json:"spec"`
	Webhook *webhookView    `json:"webhook"`
	Feed    string          `json:"feed"`
}

// webhookView is a webhook without its secret.
type webhookView struct {
	URL string `json:"url"`
}

// alertView is an alert with the state of its webhook delivery (null
// when it was not queued for one).
type alertView struct {
	news.Alert
	Delivery *alert.Status `json:"delivery"`
}

// watchStore returns the store's watchlists, or 503 when there are none.
func (s *Server) watchStore() (news.WatchStore, error) {
	if s.cfg.Watch == nil {
		return nil, &Error{Status: http.StatusServiceUnavailable, Code: "no_watchlists", Message: "this store keeps no watchlists"}
	}
	return s.cfg.Watch, nil
}

// watchlistsChanged tells Config.WatchlistsChanged, if set.
func (s *Server) watchlistsChanged(r *http.Request) error {
	if s.cfg.WatchlistsChanged == nil {
		return nil
	}
	return s.cfg.WatchlistsChanged(r.Context())
}

func (s *Server) watchlists(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	lists, err := ws.Watchlists(r.Context())
	if err != nil {
		return err
	}
	out := make([]watchlistView, 0, len(lists))
	for i := range lists {
		v, err := s.watchlistView(r, &lists[i])
		if err != nil {
			return err
		}
		out = append(out, v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

func (s *Server) watchlistView(r *http.Request, wl *news.Watchlist) (watchlistView, error) {
	v := watchlistView{Watchlist: *wl, Spec: json.RawMessage(wl.Spec), Feed: "/watchlists/" + strconv.FormatInt(wl.ID, 10) + "/feed.atom"}
	if len(v.Spec) == 0 {
		v.Spec = json.RawMessage("null")
	}
	if v.Rules == nil {
		v.Rules = []news.WatchRule{}
	}
	if s.cfg.Webhooks == nil {
		return v, nil
	}
	hook, err := s.cfg.Webhooks.Webhook(r.Context(), wl.ID)
	if err != nil {
		return v, err
	}
	if hook != nil {
		v.Webhook = &webhookView{URL: hook.URL}
	}
	return v, nil
}

func (s *Server) watchlist(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	wl, err := ws.Watchlist(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := s.watchlistView(r, wl)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// createWatchlist stores the watchlist in the body, JSON or YAML in the
// format of 'newsgraph watch add'. One with the same name is replaced
// (see news.WatchStore.PutWatchlist). A watchlist that does not parse is
// 400 bad_watchlist, its message naming the line and field.
func (s *Server) createWatchlist(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	parsed, err := watch.Parse("body", data)
	if err != nil {
		var pe *watch.ParseError
		if errors.As(err, &pe) {
			return &Error{Status: http.StatusBadRequest, Code: "bad_watchlist", Message: pe.Error()}
		}
		return err
	}
	sw, err := parsed.Stored()
	if err != nil {
		return err
	}
	stored, err := ws.PutWatchlist(r.Context(), sw)
	if err != nil {
		return err
	}
	if err := s.watchlistsChanged(r); err != nil {
		return err
	}
	v, err := s.watchlistView(r, stored)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/watchlists/"+strconv.FormatInt(stored.ID, 10))
	writeJSON(w, http.StatusCreated, v)
	return nil
}

func (s *Server) deleteWatchlist(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if s.cfg.Webhooks != nil {
		if err := s.cfg.Webhooks.DeleteWebhook(r.Context(), id); err != nil {
			return err
		}
	}
	if err := ws.DeleteWatchlist(r.Context(), id); err != nil {
		return err
	}
	if err := s.watchlistsChanged(r); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"deleted": id})
	return nil
}

// watchlistAlerts lists a watchlist's alerts, newest first: limit (default
// 20) and after (an alert id: only newer ones), each with its delivery.
func (s *Server) watchlistAlerts(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v := r.URL.Query()
	limit, _, err := s.paging(v)
	if err != nil {
		return err
	}
	q := news.AlertQuery{WatchlistID: id, Limit: limit}
	if a := v.Get("after"); a != "" {
		if q.AfterID, err = strconv.ParseInt(a, 10, 64); err != nil || q.AfterID < 0 {
			return badRequest("after %q is not an alert id", a)
		}
	}
	if _, err := ws.Watchlist(r.Context(), id); err != nil {
		return err
	}
	alerts, err := ws.Alerts(r.Context(), q)
	if err != nil {
		return err
	}
	items, err := s.alertViews(r, alerts)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "limit": limit})
	return nil
}

// alertViews adds each alert's delivery state.
func (s *Server) alertViews(r *http.Request, alerts []news.Alert) ([]alertView, error) {
	states := map[int64]alert.Status{}
	if s.cfg.Webhooks != nil && len(alerts) > 0 {
		ids := make([]int64, len(alerts))
		for i, a := range alerts {
			ids[i] = a.ID
		}
		var err error
		if states, err = s.cfg.Webhooks.DeliveryStatus(r.Context(), ids); err != nil {
			return nil, err
		}
	}
	out := make([]alertView, len(alerts))
	for i, a := range alerts {
		if a.Sentences == nil {
			a.Sentences = []news.AlertSpan{}
		}
		out[i] = alertView{Alert: a}
		if st, ok := states[a.ID]; ok {
			out[i].Delivery = &st
		}
	}
	return out, nil
}

// putWebhook sets a watchlist's webhook from {"url": ..., "secret": ...};
// without a secret a random one is made. The answer shows the secret,
// once, for the receiver's set-up.
func (s *Server) putWebhook(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	if s.cfg.Webhooks == nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "no_webhooks", Message: "this store keeps no webhooks"}
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var hook alert.Webhook
	if err := decodeJSON(r.Body, &hook); err != nil {
		return err
	}
	if hook.Secret == "" {
		hook.Secret = alert.NewSecret()
	}
	if err := hook.Check(s.cfg.WebhookAllowPrivate); err != nil {
		return &Error{Status: http.StatusBadRequest, Code: "bad_webhook", Message: err.Error()}
	}
	if _, err := ws.Watchlist(r.Context(), id); err != nil {
		return err
	}
	if err := s.cfg.Webhooks.PutWebhook(r.Context(), id, hook); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, hook)
	return nil
}

func (s *Server) deleteWebhook(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.watchStore()
	if err != nil {
		return err
	}
	if s.cfg.Webhooks == nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "no_webhooks", Message: "this store keeps no webhooks"}
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := ws.Watchlist(r.Context(), id); err != nil {
		return err
	}
	if err := s.cfg.Webhooks.DeleteWebhook(r.Context(), id); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"watchlist": id, "webhook": nil})
	return nil
}
