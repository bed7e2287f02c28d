// Package api is newsgraph's HTTP JSON API over a news.Store: articles,
// entities, quotes, events, contradictions, the entity graph, places and
// stats to read, and extract and ingest to write. It is documented by the
// OpenAPI file served at /api/openapi.json (openapi.json in this folder).
//
// Access: POST endpoints need the API token (Authorization: Bearer TOKEN)
// and are off when no token is configured. Everything else is open to
// loopback clients and needs the token from other addresses (see Guard).
// Errors are JSON objects {"error": {"code": ..., "message": ...}}; store
// and input errors become HTTP statuses only here (errors.go).
package api

import (
	"context"
	_ "embed"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI document of the API.
func OpenAPI() []byte { return openAPI }

// Defaults of Config.
const (
	DefaultMaxBody  = 1 << 20 // bytes of a POST body
	DefaultMaxLimit = 100     // items of one page
	maxOffset       = 1000
)

// DefaultReadTimeout is the default Config.ReadTimeout.
const DefaultReadTimeout = 10 * time.Second

// ArticleIn is one article sent to POST /api/extract or /api/ingest:
// its text (plain text or HTML), with optional metadata.
type ArticleIn struct {
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
}

// IngestResult says what happened to one ingested article or URL.
type IngestResult struct {
	Source    string `json:"source"`
	ArticleID int64  `json:"article_id,omitempty"`
	Status    string `json:"status"` // stored, duplicate, near-duplicate, queued (serve --queue), error
	Error     string `json:"error,omitempty"`
}

// Extractor runs the extraction pipeline on one article and returns its
// contract JSON. Errors wrapping the news input errors (news.ErrEmpty,
// ErrBinary, ...) are the client's fault.
type Extractor interface {
	Extract(ctx context.Context, in ArticleIn) ([]byte, error)
}

// Ingester stores articles given as text, and articles fetched from URLs.
// One bad input is reported in its result, not as an error.
type Ingester interface {
	IngestText(ctx context.Context, in ArticleIn) IngestResult
	IngestURL(ctx context.Context, url string) IngestResult
}

// Config sets up the API.
type Config struct {
	Store news.Store
	// Extract and Ingest serve the POST endpoints; nil turns one off
	// (503).
	Extract Extractor
	Ingest  Ingester
	// Watch keeps the watchlists and their alerts; nil turns the
	// /api/watchlists endpoints off (503). Webhooks keeps their webhooks
	// and delivery states; nil leaves webhooks out. WebhookAllowPrivate
	// accepts webhook URLs on loopback, private and link-local hosts.
	Watch               news.WatchStore
	Webhooks            alert.WebhookStore
	WebhookAllowPrivate bool
	// WatchlistsChanged, when set, is called after a watchlist was
	// stored or removed (to reload the rules ingest evaluates).
	WatchlistsChanged func(context.Context) error
	// Token is the API token; "" turns the POST endpoints off.
	Token string
	// Throttle counts wrong tokens per client and makes guessers wait
	// (see Guard); nil checks tokens without throttling.
	Throttle *Throttle
	// MaxBody is the largest POST body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// MaxLimit is the largest page (limit); 0 means DefaultMaxLimit.
	MaxLimit int
	// MaxIngest is the most texts and URLs of one ingest call; 0 means 20.
	MaxIngest int
	// Timeout bounds one request's work; 0 means 60 s.
	Timeout time.Duration
	Version string
	// ReadTimeout bounds the work of a GET request instead of Timeout:
	// when it runs out, the store's query is interrupted and the client
	// gets 503 "timeout". 0 means DefaultReadTimeout.
	ReadTimeout time.Duration
}

// Server answers the API's requests.
type Server struct {
	cfg Config
	mux *http.ServeMux
	// work limits the pipeline runs of concurrent POST requests.
	work chan struct{}
}

// New returns the API server. Its routes are under /api/.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("api: no store")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxLimit <= 0 {
		cfg.MaxLimit = DefaultMaxLimit
	}
	if cfg.MaxIngest <= 0 {
		cfg.MaxIngest = 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), work: make(chan struct{}, 2)}
	s.routes()
	return s, nil
}

// route is one endpoint: a method and a ServeMux path pattern.
type route struct {
	method, path string
	h            func(w http.ResponseWriter, r *http.Request) error
}

// Routes lists the API's endpoints as "METHOD /path" (for the OpenAPI
// test).
func (s *Server) Routes() []string {
	var out []string
	for _, rt := range s.table() {
		out = append(out, rt.method+" "+rt.path)
	}
	return out
}

func (s *Server) table() []route {
	return []route{
		{"GET", "/api/articles", s.articles},
		{"GET", "/api/articles/{id}", s.article},
		{"GET", "/api/articles/{id}/entities", s.articleEntities},
		{"GET", "/api/entities", s.entities},
		{"GET", "/api/entities/{id}", s.entity},
		{"GET", "/api/entities/{id}/graph", s.graph},
		{"GET", "/api/quotes", s.quotes},
		{"GET", "/api/events", s.events},
		{"GET", "/api/contradictions", s.contradictions},
		{"GET", "/api/places", s.places},
		{"GET", "/api/stats", s.stats},
		{"GET", "/api/openapi.json", s.openapi},
		{"POST", "/api/extract", s.extract},
		{"POST", "/api/ingest", s.ingest},
		{"POST", "/api/entities/{id}/merge", s.mergeEntity},
		{"POST", "/api/entities/{id}/split", s.splitEntity},
		{"GET", "/api/watchlists", s.watchlists},
		{"POST", "/api/watchlists", s.createWatchlist},
		{"GET", "/api/watchlists/{id}", s.watchlist},
		{"DELETE", "/api/watchlists/{id}", s.deleteWatchlist},
		{"GET", "/api/watchlists/{id}/alerts", s.watchlistAlerts},
		{"PUT", "/api/watchlists/{id}/webhook", s.putWebhook},
		{"DELETE", "/api/watchlists/{id}/webhook", s.deleteWebhook},
	}
}

// routes registers every path once, without a method, so that a wrong
// method gets a JSON 405 with Allow rather than ServeMux's plain text.
func (s *Server) routes() {
	byPath := map[string][]route{}
	var paths []string
	for _, rt := range s.table() {
		if _, ok := byPath[rt.path]; !ok {
			paths = append(paths, rt.path)
		}
		byPath[rt.path] = append(byPath[rt.path], rt)
	}
	for _, p := range paths {
		rts := byPath[p]
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			var allow []string
			for _, rt := range rts {
				if r.Method == rt.method || r.Method == http.MethodHead && rt.method == http.MethodGet {
					s.serve(w, r, rt)
					return
				}
				allow = append(allow, rt.method)
			}
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, r, errMethod(r.Method))
		})
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, &Error{Status: http.StatusNotFound, Code: "not_found", Message: "no such endpoint: " + r.URL.Path + " (see /api/openapi.json)"})
	})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt route) {
	if rt.method != http.MethodGet { // every write: POST, PUT, DELETE
		if err := s.checkToken(w, r); err != nil {
			writeError(w, r, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	}
	timeout := s.cfg.Timeout
	if rt.method == http.MethodGet {
		timeout = s.cfg.ReadTimeout
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	if err := rt.h(w, r.WithContext(ctx)); err != nil {
		writeError(w, r, err)
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	s.mux.ServeHTTP(w, r)
}

// checkToken lets a POST through only with the configured token, as
// "Authorization: Bearer TOKEN"; wrong ones count in the throttle.
func (s *Server) checkToken(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Token == "" {
		return &Error{Status: http.StatusForbidden, Code: "writes_disabled",
			Message: "POST endpoints are off: start 'newsgraph serve' with --token or NEWSGRAPH_TOKEN"}
	}
	return checkBearer(w, r, s.cfg.Token, s.cfg.Throttle)
}
