package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

// maxDecisionForm is the largest body of a merge or split form, in bytes.
const maxDecisionForm = 8 << 10

// mergeEntity handles the entity page's merge form: the entity named (or
// numbered) in "from" is joined into the page's entity, and the browser
// goes back to the page, which now explains the merge.
func (s *Server) mergeEntity(w http.ResponseWriter, r *http.Request) error {
	id, err := s.decisionRequest(w, r)
	if err != nil {
		return err
	}
	from, err := s.otherEntity(r, id, strings.TrimSpace(r.PostFormValue("from")))
	if err != nil {
		return err
	}
	if _, err := s.cfg.Store.MergeEntities(r.Context(), id, from, r.PostFormValue("note")); err != nil {
		return decisionFailure(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/entities/%d", id), http.StatusSeeOther)
	return nil
}

// splitEntity handles the entity page's split form: the name chosen is
// taken from the page's entity to a new one, and the browser goes back to
// the page, which now explains the split and links to the new entity.
func (s *Server) splitEntity(w http.ResponseWriter, r *http.Request) error {
	id, err := s.decisionRequest(w, r)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	if name == "" || len(name) > 500 {
		return badInput("Choose one of the entity's names to split off.")
	}
	if _, err := s.cfg.Store.SplitAlias(r.Context(), id, name, r.PostFormValue("note")); err != nil {
		return decisionFailure(err)
	}
	http.Redirect(w, r, fmt.Sprintf("/entities/%d", id), http.StatusSeeOther)
	return nil
}

// decisionRequest checks a merge or split form: posted from this site's
// own pages (a browser says where a form comes from), with the API token
// in the form's token field or in the cookie /login sets, wrong tokens
// counted like those of /login. It returns the page's entity id.
func (s *Server) decisionRequest(w http.ResponseWriter, r *http.Request) (int64, error) {
	return s.formRequest(w, r, maxDecisionForm, "Merging and splitting entities are", "A merge or split")
}

// formRequest checks a form posted from an entity page, as decisionRequest
// says, of at most max bytes; things ("Merging and splitting entities
// are") and one ("A merge or split") name what it does in its messages.
func (s *Server) formRequest(w http.ResponseWriter, r *http.Request, max int64, things, one string) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	if s.cfg.Token == "" {
		return 0, &pageError{http.StatusForbidden, things + " off: start 'newsgraph serve' with --token (or NEWSGRAPH_TOKEN)."}
	}
	if !sameOrigin(r) {
		return 0, &pageError{http.StatusForbidden, one + " must be sent from this site's entity page."}
	}
	r.Body = http.MaxBytesReader(w, r.Body, max)
	if err := r.ParseForm(); err != nil {
		return 0, badInput("The form could not be read.")
	}
	token := r.PostFormValue("token")
	if c, err := r.Cookie(api.TokenCookie); token == "" && err == nil {
		token = c.Value
	}
	ok, wait := s.cfg.Throttle.Check(api.Client(r), func() bool { return api.TokenEqual(token, s.cfg.Token) })
	switch {
	case wait > 0:
		w.Header().Set("Retry-After", api.RetryAfter(wait))
		return 0, &pageError{http.StatusTooManyRequests, "Too many wrong tokens: try again in " + api.RetryAfter(wait) + " seconds."}
	case !ok:
		return 0, &pageError{http.StatusUnauthorized, one + " needs the API token (the one 'newsgraph serve' was started with)."}
	}
	return id, nil
}

// sameOrigin reports whether a browser's POST comes from a page of this
// server: its Sec-Fetch-Site says so, or, from a browser that does not
// send it, its Origin header names this host. (The pages' Referrer-Policy
// no-referrer makes browsers send "Origin: null" with their forms, so
// Sec-Fetch-Site is asked first.) A request with neither is not from a
// browser and passes.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin" || site == "none"
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		return err == nil && u.Host == r.Host
	}
	return true
}

// otherEntity resolves the merge form's "from": an entity id, or a name
// that names exactly one entity other than id.
func (s *Server) otherEntity(r *http.Request, id int64, from string) (int64, error) {
	if from == "" || len(from) > 500 {
		return 0, badInput("Name the entity to merge into this one (its name or id).")
	}
	if n, err := strconv.ParseInt(from, 10, 64); err == nil && n > 0 {
		return n, nil
	}
	es, err := s.cfg.Store.Entities(r.Context(), from, "")
	if err != nil {
		return 0, err
	}
	var ids []string
	var found int64
	for _, e := range es {
		if e.ID != id {
			found = e.ID
			ids = append(ids, fmt.Sprintf("%d (%s, %s, %d articles)", e.ID, e.Name, e.Type, e.Articles))
		}
	}
	switch len(ids) {
	case 0:
		return 0, notFound(fmt.Sprintf("No other entity is named %q.", from))
	case 1:
		return found, nil
	}
	return 0, badInput(fmt.Sprintf("%d entities are named %q; give the id of one: %s.", len(ids), from, strings.Join(ids, "; ")))
}

// decisionFailure turns the store's refusal of a decision into a page.
func decisionFailure(err error) error {
	switch {
	case errors.Is(err, news.ErrBadDecision):
		return badInput("Nothing to do: " + err.Error() + ".")
	case errors.Is(err, news.ErrNoSuchName):
		return notFound("The entity has no such name.")
	}
	return err
}
