package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/web"
	"github.com/newsgraph/newsgraph/internal/work"
)

const serveAbout = `Serves the database over HTTP: a web UI to browse it (search, articles with
their entities, quotes, speakers, dates and events highlighted, entity pages
with timelines, claims and graphs, a world map, contradictions) and a JSON API
under /api/ (documented at /api/openapi.json).

Reading is open to clients on this machine (loopback, asking for localhost,
127.0.0.1 or [::1]); other machines need the API token, as "Authorization:
Bearer TOKEN" or by logging in at /login. The
POST endpoints (/api/extract, /api/ingest) always need the token and are off
without one. The token comes from --token or $NEWSGRAPH_TOKEN. Listening on an
address other than loopback needs a token of at least 16 bytes: 'newsgraph
token' prints a strong one. A client that sends --login-tries wrong tokens
must wait --login-backoff before its next try is checked (429 meanwhile), and
twice as long after each further wrong one, up to --login-backoff-max.

Reads are bounded, so that no request can hold the server: a search may have
at most --search-words different words, and word* prefixes of at least
--search-prefix letters that stand for at most --search-prefix-words indexed
words together (other searches get 400 and a hint); a read gives up after
--read-timeout (503, its database query interrupted); a read that finds
--concurrent reads running waits at most --queue-wait, then gets 503 with
Retry-After.

With --queue nats://HOST:4222, POST /api/ingest puts each article (its text,
or its URL to fetch) on the work queue that 'newsgraph worker' runs, and
answers "queued" at once; the request waits while the queue is full.

Alerts: /alerts lists the alerts of the stored watchlists, and
/watchlists/ID/feed.atom is each one's Atom feed (from another machine the
token as ?token=TOKEN or as basic auth's password). A watchlist with a
webhook (PUT /api/watchlists/ID/webhook) has its alerts POSTed there, signed
with HMAC-SHA256 (see the README), by a deliverer that reads the store's
outbox on its own goroutines: --webhook-tries tries, --webhook-backoff
doubling up to --webhook-backoff-max between them, --webhook-timeout each.
Alerts that 'newsgraph ingest' stores are delivered by a running serve.

Examples:
  newsgraph serve                                   # http://127.0.0.1:8080
  export NEWSGRAPH_TOKEN=$(newsgraph token)
  newsgraph serve --addr :8080
  curl -H "Authorization: Bearer $NEWSGRAPH_TOKEN" --data-binary @article.txt \
       -H 'Content-Type: text/plain' http://127.0.0.1:8080/api/extract`

type serveOptions struct {
	addr, db, token, cors string
	maxBody               int64
	maxLimit, concurrent  int
	fetch                 fetch.Config
	stages                extractOptions
	login                 api.ThrottleConfig // slowing down token guessers
	// Reads: their deadline, the wait for a slot, what a search may cost.
	readTimeout, queueWait time.Duration
	search                 sqlite.SearchLimits

	// create lets serve start on a database that does not exist yet.
	create bool
	// webhooks are the limits of webhook deliveries (serve_alerts.go).
	webhooks alert.Config
	// queue, with a URL, takes POST /api/ingest's articles for 'newsgraph
	// worker' (queue_serve.go).
	queue jetstream.Config
}

// minRemoteToken is the shortest token, in bytes, that serve accepts when
// it listens beyond loopback.
const minRemoteToken = 16

func parseServeFlags(env *environment, args []string) (serveOptions, error) {
	fs := newFlagSet(env, "serve", "[flags]", serveAbout)
	opt := serveOptions{fetch: fetch.DefaultConfig()}
	fs.StringVar(&opt.addr, "addr", "127.0.0.1:8080", "listen on this `HOST:PORT` (port 0 picks a free one)")
	fs.StringVar(&opt.db, "db", "", "database `FILE` (default $NEWSGRAPH_DB, else "+dbFileName+" in the data directory)")
	fs.BoolVar(&opt.create, "create", false, "create the database when it does not exist (else a missing --db is an error)")
	// The token's default is read after parsing, so that --help never
	// prints it.
	fs.StringVar(&opt.token, "token", "", "API `TOKEN` for writes and for clients not on loopback (default $NEWSGRAPH_TOKEN)")
	fs.StringVar(&opt.cors, "cors-origin", "", "allow cross-origin API calls from this `ORIGIN` (\"*\" for any); off by default")
	addQueueFlag(fs, &opt.queue)
	fs.Int64Var(&opt.maxBody, "max-body", api.DefaultMaxBody, "largest POST body in `bytes`")
	fs.IntVar(&opt.maxLimit, "max-page", api.DefaultMaxLimit, "largest page of a list (the limit parameter)")
	fs.IntVar(&opt.concurrent, "concurrent", runtime.GOMAXPROCS(0)+2, "reads answered at once; the others wait up to --queue-wait")
	fs.DurationVar(&opt.readTimeout, "read-timeout", api.DefaultReadTimeout, "a read (GET) gives up after this long, its database query interrupted (503)")
	fs.DurationVar(&opt.queueWait, "queue-wait", api.DefaultQueueWait, "how long a read waits for one of the --concurrent slots before it gets 503 with Retry-After")
	fs.IntVar(&opt.search.MaxTerms, "search-words", sqlite.DefaultSearchLimits.MaxTerms, "most different words in a search")
	fs.IntVar(&opt.search.MinPrefix, "search-prefix", sqlite.DefaultSearchLimits.MinPrefix, "fewest letters of a word* prefix in a search")
	fs.IntVar(&opt.search.MaxExpansions, "search-prefix-words", sqlite.DefaultSearchLimits.MaxExpansions, "most indexed words the prefixes of one search may stand for together")
	fs.IntVar(&opt.login.Free, "login-tries", api.DefaultLoginFree, "wrong tokens a client may send before it must wait")
	fs.DurationVar(&opt.login.Backoff, "login-backoff", api.DefaultLoginBackoff, "the first wait after --login-tries wrong tokens; it doubles with each further one")
	fs.DurationVar(&opt.login.MaxBackoff, "login-backoff-max", api.DefaultLoginMaxBackoff, "the longest wait between a client's tries of a token")
	fs.BoolVar(&opt.fetch.AllowPrivate, "allow-private", false, "let POST /api/ingest fetch loopback, private and link-local addresses")
	fs.StringVar(&opt.stages.dataDir, "data", "", "data `DIR` with the GeoNames index, for extract and ingest (see 'newsgraph setup')")
	fs.StringVar(&opt.stages.countryHint, "country-hint", "", "ISO 3166 `CODE` of the country the articles are mostly about")
	docTimeoutFlag(fs, &opt.stages.docTimeout)
	webhookFlags(fs, &opt.webhooks)
	if err := parseFlags(fs, args); err != nil {
		return opt, err
	}
	usage := func(msg string) error {
		return &usageError{msg: "serve: " + msg + " (run 'newsgraph serve --help')"}
	}
	if err := opt.webhooks.Check(); err != nil {
		return opt, usage(err.Error())
	}
	if fs.NArg() > 0 {
		return opt, usage("takes no arguments")
	}
	if opt.token == "" {
		opt.token = os.Getenv("NEWSGRAPH_TOKEN")
	}
	host, _, err := net.SplitHostPort(opt.addr)
	if err != nil {
		return opt, usage(fmt.Sprintf("--addr %q is not HOST:PORT", opt.addr))
	}
	if err := checkServeToken(host, opt.addr, opt.token); err != nil {
		return opt, usage(err.Error())
	}
	if opt.maxBody <= 0 || opt.maxLimit <= 0 || opt.concurrent <= 0 {
		return opt, usage("--max-body, --max-page and --concurrent must be positive")
	}
	if err := checkReadLimits(opt); err != nil {
		return opt, usage(err.Error())
	}
	if opt.login.Free <= 0 || opt.login.Backoff <= 0 || opt.login.MaxBackoff < opt.login.Backoff {
		return opt, usage("--login-tries and --login-backoff must be positive, and --login-backoff-max no shorter than --login-backoff")
	}
	opt.stages.read = ingest.Options{MaxBytes: opt.maxBody}
	return opt, nil
}

// checkServeToken refuses to listen on addr (whose host is host) beyond
// loopback without a token of at least minRemoteToken bytes, which the
// message never shows.
func checkServeToken(host, addr, token string) error {
	switch {
	case isLoopbackHost(host):
		return nil
	case token == "":
		return fmt.Errorf("listening on %q lets other machines in: set --token or NEWSGRAPH_TOKEN (make one with 'newsgraph token')", addr)
	case len(token) < minRemoteToken:
		return fmt.Errorf("listening on %q lets other machines in: the token has %d bytes, it needs at least %d (make one with 'newsgraph token')",
			addr, len(token), minRemoteToken)
	}
	return nil
}

// checkReadLimits checks the flags that bound reads.
func checkReadLimits(opt serveOptions) error {
	if opt.readTimeout <= 0 || opt.queueWait < 0 {
		return errors.New("--read-timeout must be positive and --queue-wait not negative")
	}
	if opt.search.MaxTerms <= 0 || opt.search.MinPrefix <= 0 || opt.search.MaxExpansions <= 0 {
		return errors.New("--search-words, --search-prefix and --search-prefix-words must be positive")
	}
	return nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func runServe(env *environment, args []string) error {
	opt, err := parseServeFlags(env, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store, err := openStore(ctx, opt.db, !opt.create)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer store.Close()
	store.SetSearchLimits(opt.search)
	handler, err := newServeHandler(env, opt, store)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// Webhooks are delivered on their own goroutines until serve stops.
	deliverCtx, stopDeliveries := context.WithCancel(ctx)
	deliveries, err := startDeliverer(deliverCtx, env, store, opt.webhooks)
	if err != nil {
		stopDeliveries()
		return fmt.Errorf("serve: %w", err)
	}
	defer func() { stopDeliveries(); deliveries() }()
	ln, err := net.Listen("tcp", opt.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(env.stderr, "newsgraph serve: ", 0),
	}
	st, _ := store.Stats(ctx)
	writes := "POST endpoints off (no --token)"
	if opt.token != "" {
		writes = "POST endpoints need the token"
	}
	fmt.Fprintf(env.stdout, "newsgraph serve: http://%s/ (%s: %d articles; %s)\n", ln.Addr(), store.Path(), st.Articles, writes)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// newServeHandler wires the API under /api/ and the UI everywhere else,
// behind the loopback-or-token guard, with CORS preflights answered in
// front of it and one throttle of token guessers for the guard, the API
// and /login. The pipeline is loaded only when writes are on (a token is
// set).
func newServeHandler(env *environment, opt serveOptions, store appStore) (http.Handler, error) {
	throttle, err := api.NewThrottle(opt.login)
	if err != nil {
		return nil, err
	}
	cfg := api.Config{Store: store, Token: opt.token, Throttle: throttle, MaxBody: opt.maxBody, MaxLimit: opt.maxLimit, Version: version}
	cfg.ReadTimeout = opt.readTimeout
	if ws, ok := store.(watchingStore); ok {
		cfg.Watch, cfg.Webhooks, cfg.WebhookAllowPrivate = ws, ws, opt.webhooks.AllowPrivate
	}
	if opt.token != "" {
		runner, err := stages.New(stageOptions(env, opt.stages))
		if err != nil {
			return nil, err
		}
		// The API's ingest stores the alerts of the stored watchlists.
		hook, reload, err := serveAlertHook(store, env.stderr)
		if err != nil {
			return nil, err
		}
		cfg.WatchlistsChanged = reload
		w, err := work.New(work.Config{Store: store, Pipeline: runner, Fetcher: fetch.New(opt.fetch),
			Read: opt.stages.read, Dedup: dedup.DefaultConfig(), AfterStore: hook})
		if err != nil {
			return nil, err
		}
		svc := &serveIngest{svc: w}
		cfg.Extract, cfg.Ingest = svc, svc
		if opt.queue.URL != "" {
			if cfg.Ingest, err = openQueueIngest(context.Background(), opt.queue); err != nil {
				return nil, err
			}
		}
	}
	apiServer, err := api.New(cfg)
	if err != nil {
		return nil, err
	}
	ui, err := web.New(web.Config{Store: store, Token: opt.token, Throttle: throttle, Version: version, Timeout: opt.readTimeout,
		Watch: cfg.Watch, WatchlistsChanged: cfg.WatchlistsChanged})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", apiServer)
	mux.Handle("/", ui)
	// CORS answers preflights before Guard: browsers send them without
	// the token.
	return api.CORS(opt.cors, api.Guard(opt.token, throttle, web.OpenPath, api.Limit(opt.concurrent, opt.queueWait, mux))), nil
}

// serveIngest runs the extraction pipeline for POST /api/extract and
// stores articles for POST /api/ingest with the ingest service, as
// 'newsgraph ingest' does.
type serveIngest struct {
	svc *work.Service
}

// source turns an API article into the service's source.
func source(in api.ArticleIn) (work.Source, error) {
	src := work.Source{Name: "api", Text: []byte(in.Text), URL: in.URL, Title: in.Title}
	if in.URL != "" {
		src.Name = in.URL
	}
	if in.Published != "" {
		t, err := time.Parse("2006-01-02", in.Published)
		if err != nil {
			return src, err
		}
		src.Published = t
	}
	return src, nil
}

// Extract implements api.Extractor.
func (s *serveIngest) Extract(ctx context.Context, in api.ArticleIn) ([]byte, error) {
	src, err := source(in)
	if err != nil {
		return nil, err
	}
	doc, err := s.svc.Extract(ctx, src)
	if err != nil {
		return nil, err
	}
	return news.MarshalContract(doc)
}

// IngestText implements api.Ingester.
func (s *serveIngest) IngestText(ctx context.Context, in api.ArticleIn) api.IngestResult {
	name := in.URL
	if name == "" {
		name = "text"
	}
	src, err := source(in)
	if err != nil {
		return api.IngestResult{Source: name, Status: "error", Error: oneLine(err.Error())}
	}
	out, err := s.svc.Ingest(ctx, src)
	return ingestResult(name, out, err)
}

// IngestURL implements api.Ingester.
func (s *serveIngest) IngestURL(ctx context.Context, url string) api.IngestResult {
	out, err := s.svc.Ingest(ctx, work.Source{Name: url, URL: url})
	if op := errOp(err); op == "read" || op == "extract" {
		err = budgetHint(err)
	}
	return ingestResult(url, out, err)
}

// ingestResult is the API's result of one ingested source: a store's
// failure is marked as such.
func ingestResult(source string, out work.Outcome, err error) api.IngestResult {
	if err != nil {
		msg := oneLine(err.Error())
		if op := errOp(err); op == "dedup" || op == "store" {
			msg = "store: " + msg
		}
		return api.IngestResult{Source: source, Status: "error", Error: msg}
	}
	if d := out.Put.Duplicate; d != nil {
		return dupResult(source, d)
	}
	return api.IngestResult{Source: source, ArticleID: out.Put.ArticleID, Status: "stored"}
}

// errOp is the step of the ingest service that failed, "" for none.
func errOp(err error) string {
	var werr *work.Error
	if errors.As(err, &werr) {
		return werr.Op
	}
	return ""
}

func dupResult(source string, d *news.Duplicate) api.IngestResult {
	status := "duplicate"
	if d.Kind == news.DupNear {
		status = "near-duplicate"
	}
	return api.IngestResult{Source: source, ArticleID: d.ArticleID, Status: status}
}
