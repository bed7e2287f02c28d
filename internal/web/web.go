// Package web is newsgraph's browser UI: server-rendered html/template
// pages over a news.Store, with a little JavaScript and its assets (the
// style sheet, the script and the world map's country outlines) embedded
// in the binary, so that the UI works offline.
//
// Pages: search (/), article (/articles/{id}) with entities, quotes,
// speakers, dates and events highlighted, entity (/entities/{id}) with its
// timeline, claims, contradictions and graph, map (/map), contradictions
// (/contradictions), alerts (/alerts) with the Atom feed of each watchlist
// (/watchlists/{id}/feed.atom), and /login to carry the API token in a
// cookie when the UI is used from another machine.
//
// Every piece of article data reaches the page through html/template's
// escaping, or through article.go's markup, which escapes each piece of
// text itself. The Content-Security-Policy allows only the embedded
// script and style sheet, so injected markup could not run anyway.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed assets/world.svg
var worldSVG string

// Config sets up the UI.
type Config struct {
	Store news.Store
	Token string // the API token, for /login; "" when none
	// Throttle makes clients that keep trying wrong tokens at /login
	// wait (share it with the API's Guard); nil: no throttling.
	Throttle *api.Throttle
	Version  string
	// Timeout bounds the work of one page: when it runs out, the store's
	// query is interrupted and the page says so (503). 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// Watch keeps watchlists and alerts, for the alerts page, the Atom
	// feeds and the entity page's alert form; nil turns them off.
	// WatchlistsChanged, when set, is called after the form stored a
	// watchlist (to reload the rules ingest evaluates).
	Watch             news.WatchStore
	WatchlistsChanged func(context.Context) error
}

// Server serves the UI's pages.
type Server struct {
	cfg   Config
	mux   *http.ServeMux
	pages map[string]*template.Template
}

// New parses the templates and returns the UI server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), pages: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"join":    strings.Join,
		"lower":   strings.ToLower,
		"snippet": snippet,
		"add":     func(a, b int) int { return a + b },
		"label":   labelOf,
		"plural":  plural,
	}
	for _, name := range []string{"search", "article", "entity", "entities", "map", "contradictions", "error", "login", "alerts"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse %s template: %w", name, err)
		}
		s.pages[name] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(files)))
	s.handle("GET /{$}", s.search)
	s.handle("GET /search", s.search)
	s.handle("GET /articles/{id}", s.article)
	s.handle("GET /entities", s.entities)
	s.handle("GET /entities/{id}", s.entity)
	s.handle("POST /entities/{id}/merge", s.mergeEntity)
	s.handle("POST /entities/{id}/split", s.splitEntity)
	s.handle("GET /map", s.worldMap)
	s.handle("GET /contradictions", s.contradictions)
	s.handle("GET /alerts", s.alerts)
	s.handle("GET /watchlists/{id}/feed.atom", s.feed)
	s.handle("POST /entities/{id}/watch", s.watchEntity)
	s.handle("GET /export/{file}", s.download)
	s.handle("GET /login", s.login)
	s.handle("POST /login", s.login)
	s.handle("/", func(w http.ResponseWriter, r *http.Request) error {
		return notFound("no such page: " + r.URL.Path)
	})
	return s, nil
}

// OpenPath reports whether a path may be seen without the token from
// another machine: the login page and its assets, and the watchlists'
// Atom feeds, which check the token themselves (feed readers give it as
// a query parameter or by basic auth, which Guard does not take).
func OpenPath(r *http.Request) bool {
	return r.URL.Path == "/login" || strings.HasPrefix(r.URL.Path, "/static/") || isFeedPath(r.URL.Path)
}

func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// pageError is an error shown as a page with its status.
type pageError struct {
	status int
	msg    string
}

func (e *pageError) Error() string { return e.msg }

func notFound(msg string) error { return &pageError{http.StatusNotFound, msg} }
func badInput(msg string) error { return &pageError{http.StatusBadRequest, msg} }

func (s *Server) handle(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		r, cancel := s.withDeadline(r)
		defer cancel()
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong on the server."
	var pe *pageError
	switch {
	case errors.As(err, &pe):
		status, msg = pe.status, pe.msg
	case errors.Is(err, news.ErrNoSuchArticle):
		status, msg = http.StatusNotFound, "There is no such article."
	case errors.Is(err, news.ErrNoSuchEntity):
		status, msg = http.StatusNotFound, "There is no such entity."
	case errors.Is(err, news.ErrNoSuchWatchlist):
		status, msg = http.StatusNotFound, "There is no such watchlist."
	case isStoreFailure(err):
		status, msg, _ = storeFailure(err)
	default:
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
	s.render(w, status, "error", "Error", map[string]any{"Status": status, "Message": msg})
}

// page is what the layout gets: the page's title, the menu item to mark,
// and the page's own data.
type page struct {
	Title   string
	Nav     string
	Version string
	Data    any
}

func (s *Server) render(w http.ResponseWriter, status int, name, title string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, page{Title: title, Nav: name, Version: s.cfg.Version, Data: data}); err != nil {
		log.Printf("render %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// labelOf is label for templates, whose titles and sources are strings or
// api.NullString (a string type that is null in JSON when empty).
func labelOf(title, source any) string {
	return label(fmt.Sprint(title), fmt.Sprint(source))
}

// label names an article: its title, else the last part of its source
// (a file name, or a URL's path).
func label(title, source string) string {
	if title != "" {
		return title
	}
	if i := strings.LastIndexAny(strings.TrimRight(source, "/"), `/\`); i >= 0 {
		return strings.TrimRight(source, "/")[i+1:]
	}
	return source
}

// plural writes "1 article", "2 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands writes n with commas between groups of three digits:
// 1234 is "1,234".
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// snippet turns a search snippet, whose matches are marked [like this],
// into escaped HTML with <mark> elements.
func snippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for _, r := range s {
		switch {
		case r == '[' && !open:
			b.WriteString("<mark>")
			open = true
		case r == ']' && open:
			b.WriteString("</mark>")
			open = false
		default:
			b.WriteString(template.HTMLEscapeString(string(r)))
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// trustedWorld is the country outlines, generated by mapgen/gen.mjs from
// world-atlas: our own file, so it is inserted as it is.
var trustedWorld = template.HTML(worldSVG)
