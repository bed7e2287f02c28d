package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
	"github.com/newsgraph/newsgraph/internal/work"
	"github.com/newsgraph/newsgraph/internal/work/jobs"
)

const workerAbout = `Takes jobs from the NATS JetStream work queue that 'newsgraph ingest
--queue' and 'newsgraph serve --queue' fill, and runs each as 'ingest' would:
reads (or fetches) the article, runs the extraction and stores it in --db.
Start as many workers as there are cores to spare, on any number of
machines, against one queue and one database (PostgreSQL, or one SQLite
file on one machine); no coordinator is needed.

A job is acknowledged only after its article is committed: a worker that
dies (kill -9, a lost machine) leaves its job to another worker after
--ack-wait, and running a job twice stores nothing twice. A job that fails
--max-deliver times (waiting --backoff, doubling, between tries), or whose
input cannot be read at all, goes to the dead-letter stream, where
'newsgraph queue dead' lists it and 'newsgraph queue replay' puts it back.
A feed job is polled by one worker at a time (a lease of --lease-ttl); its
new items become jobs of their own.

On a store that keeps watchlists (SQLite), the worker fires their rules
on each new article, stores the alerts (for 'serve' to deliver) and
publishes each on the subject newsgraph.alerts.WATCHLIST_ID of the stream
NEWSGRAPH_ALERTS, kept --alert-max-age (see README.md, 'Scaling out').

SIGINT or SIGTERM stops taking jobs and finishes the ones running. With
--metrics ADDR the worker serves /healthz (200 while the queue and the
store answer) and Prometheus metrics at /metrics. Logs are structured
(log/slog), one line per event on stderr.

The workers set the queue's limits (--queue-max-jobs, --queue-max-bytes,
--dup-window, --ack-wait, --max-deliver): give every worker the same ones.

Examples:
  newsgraph worker --queue nats://127.0.0.1:4222 --db news.db
  newsgraph worker --queue nats://nats:4222 --db postgres://newsgraph@db/newsgraph -j 4 --metrics :9464`

// workerOptions are the worker's flags.
type workerOptions struct {
	queue        jetstream.Config
	db           string
	parallel     int
	metricsAddr  string
	untilEmpty   bool
	logFormat    string
	verbose      bool
	feedMaxItems int
	read         ingest.Options
	fetch        fetch.Config
	dedup        dedup.Config
	stages       extractOptions
}

func parseWorkerFlags(env *environment, args []string) (workerOptions, error) {
	fs := newFlagSet(env, "worker", "--queue nats://HOST:4222 [flags]", workerAbout)
	opt := workerOptions{fetch: fetch.DefaultConfig(), dedup: dedup.DefaultConfig()}
	addQueueFlag(fs, &opt.queue)
	addQueueLimitFlags(fs, &opt.queue)
	db := addDBFlag(fs)
	fs.IntVar(&opt.parallel, "j", 1, "jobs this worker runs at once")
	fs.StringVar(&opt.metricsAddr, "metrics", "", "serve /healthz and Prometheus /metrics on this `ADDR` (host:port; none when empty)")
	fs.BoolVar(&opt.untilEmpty, "until-empty", false, "exit once the queue holds no job, waiting or running (a batch run)")
	fs.StringVar(&opt.logFormat, "log-format", "text", "log lines as text (key=value) or json")
	fs.BoolVar(&opt.verbose, "v", false, "log every job, not only failures")
	fs.IntVar(&opt.feedMaxItems, "feed-max-items", feed.DefaultMaxItems, "read at most this many items, the first, from one poll of a feed")
	docTimeoutFlag(fs, &opt.stages.docTimeout)
	fs.BoolVar(&opt.fetch.AllowPrivate, "allow-private", false, "allow fetching from loopback, private and link-local addresses")
	fs.DurationVar(&opt.fetch.Timeout, "timeout", opt.fetch.Timeout, "give up on one request after this long")
	fs.Float64Var(&opt.dedup.Threshold, "near", opt.dedup.Threshold, "similarity (0-1] from which a text is a near-duplicate of a stored one")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse articles larger than this many `bytes`")
	fs.StringVar(&opt.stages.dataDir, "data", "", "data `DIR` with the GeoNames index (see 'newsgraph setup')")
	fs.StringVar(&opt.stages.countryHint, "country-hint", "", "ISO 3166 `CODE` of the country the articles are mostly about")
	if err := parseFlags(fs, args); err != nil {
		return opt, err
	}
	usage := func(msg string) error {
		return &usageError{msg: "worker: " + msg + " (run 'newsgraph worker --help')"}
	}
	switch {
	case fs.NArg() > 0:
		return opt, usage("takes no arguments")
	case opt.queue.URL == "":
		return opt, usage("name the queue with --queue nats://HOST:4222 (or $NEWSGRAPH_QUEUE)")
	case opt.parallel < 1:
		return opt, usage("-j must be at least 1")
	case opt.logFormat != "text" && opt.logFormat != "json":
		return opt, usage("--log-format must be text or json")
	case *maxBytes <= 0 || opt.feedMaxItems <= 0 || opt.fetch.Timeout <= 0:
		return opt, usage("--max-bytes, --feed-max-items and --timeout must be positive")
	case opt.dedup.Threshold <= 0 || opt.dedup.Threshold > 1:
		return opt, usage("--near must be in (0, 1]")
	}
	if err := checkQueueLimits(opt.queue); err != nil {
		return opt, usage(err.Error())
	}
	opt.queue.Manage = true
	opt.db = *db
	opt.read = ingest.Options{MaxBytes: *maxBytes}
	opt.fetch.MaxBytes = *maxBytes
	return opt, nil
}

// addQueueFlag adds --queue, shared by worker, queue, ingest and serve.
func addQueueFlag(fs *flag.FlagSet, cfg *jetstream.Config) {
	fs.StringVar(&cfg.URL, "queue", os.Getenv("NEWSGRAPH_QUEUE"), "NATS JetStream work queue `URL` (nats://HOST:4222; default $NEWSGRAPH_QUEUE)")
}

// addQueueLimitFlags adds the limits the workers set on the queue.
func addQueueLimitFlags(fs *flag.FlagSet, cfg *jetstream.Config) {
	fs.Int64Var(&cfg.MaxJobs, "queue-max-jobs", jetstream.DefaultMaxJobs, "jobs the queue holds at most; publishers wait while it is full")
	fs.Int64Var(&cfg.MaxBytes, "queue-max-bytes", jetstream.DefaultMaxBytes, "`bytes` of jobs the queue holds at most; publishers wait while it is full")
	fs.DurationVar(&cfg.DupWindow, "dup-window", jetstream.DefaultDupWindow, "the same job published again within this long is dropped by the queue")
	fs.DurationVar(&cfg.AckWait, "ack-wait", jetstream.DefaultAckWait, "a job whose worker is silent this long goes to another worker")
	fs.IntVar(&cfg.MaxDeliver, "max-deliver", jetstream.DefaultMaxDeliver, "tries of a job before it goes to the dead-letter stream")
	fs.DurationVar(&cfg.Backoff, "backoff", jetstream.DefaultBackoff, "wait before a failed job's second try; doubles with each further try")
	fs.DurationVar(&cfg.LeaseTTL, "lease-ttl", jetstream.DefaultLeaseTTL, "a feed's poll lease lapses after this long if its worker dies")
	fs.DurationVar(&cfg.AlertMaxAge, "alert-max-age", jetstream.DefaultAlertMaxAge, "the alert stream keeps an alert this long (at least --dup-window)")
}

// checkQueueLimits refuses limits the queue cannot run with.
func checkQueueLimits(cfg jetstream.Config) error {
	if cfg.MaxJobs <= 0 || cfg.MaxBytes <= 0 || cfg.MaxDeliver <= 0 {
		return errors.New("--queue-max-jobs, --queue-max-bytes and --max-deliver must be positive")
	}
	if cfg.DupWindow <= 0 || cfg.AckWait < time.Second || cfg.Backoff <= 0 || cfg.LeaseTTL < time.Second {
		return errors.New("--dup-window and --backoff must be positive, --ack-wait and --lease-ttl at least 1s")
	}
	if cfg.AlertMaxAge < cfg.DupWindow {
		return errors.New("--alert-max-age must be at least --dup-window")
	}
	return nil
}

func runWorker(env *environment, args []string) error {
	opt, err := parseWorkerFlags(env, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	w, err := newWorker(ctx, env, opt)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer w.close()
	if opt.metricsAddr != "" {
		srv, err := w.serveMetrics(opt.metricsAddr)
		if err != nil {
			return fmt.Errorf("worker: --metrics: %w", err)
		}
		defer srv.Close()
	}
	return w.run(ctx)
}

// worker is the worker command: the job runner (internal/work/jobs) on
// the queue and the store it opened, what it logs with, and what it
// closes at the end.
type worker struct {
	env     *environment
	opt     workerOptions
	log     *slog.Logger
	q       *jetstream.Queue
	store   appStore // what the jobs store into
	jobs    *jobs.Runner
	closers []func() error
}

// newWorker opens the store, loads the pipeline and connects to the queue.
func newWorker(ctx context.Context, env *environment, opt workerOptions) (*worker, error) {
	host, _ := os.Hostname()
	holder := fmt.Sprintf("%s/%d", host, os.Getpid())
	w := &worker{env: env, opt: opt}
	w.log = newLogger(env, opt.logFormat, opt.verbose).With("worker", holder)
	store, err := openStore(ctx, opt.db, false)
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, store.Close)
	runner, err := stages.New(stageOptions(env, opt.stages))
	if err != nil {
		w.close()
		return nil, err
	}
	client := fetch.New(opt.fetch)
	svc, err := work.New(work.Config{Store: store, Pipeline: runner, Fetcher: client, Read: opt.read, Dedup: opt.dedup})
	if err != nil {
		w.close()
		return nil, err
	}
	w.store = store
	opt.queue.Name = "newsgraph worker " + holder
	if w.q, err = jetstream.Open(ctx, opt.queue); err != nil {
		w.close()
		return nil, err
	}
	w.closers = append([]func() error{w.q.Close}, w.closers...)
	// A feed's next poll is its next job: no back-off here.
	w.jobs = w.newJobs(svc, &work.FeedPoller{Store: store, Fetcher: client, MaxItems: opt.feedMaxItems}, holder)
	if w.jobs.Alerts, err = newWorkerAlerts(ctx, store, w.q, opt.queue.AckWait); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

// newJobs is the job runner of the worker's queue and service, logging
// with its logger and listing feed errors on stderr.
func (w *worker) newJobs(svc *work.Service, feeds *work.FeedPoller, holder string) *jobs.Runner {
	return &jobs.Runner{Queue: w.q, Service: svc, Feeds: feeds, Metrics: jetstream.NewMetrics(w.q), Log: w.log, Holder: holder, Hint: budgetHint,
		FeedPolled: func(url string, poll work.FeedPoll, err error) {
			reportFeedPoll(w.env.stderr, url, w.opt.feedMaxItems, poll, err)
		}}
}

// close closes the queue connection, then the store.
func (w *worker) close() error {
	var errs []error
	for _, c := range w.closers {
		errs = append(errs, c())
	}
	w.closers = nil
	return errors.Join(errs...)
}

// newLogger is the structured logger on stderr.
func newLogger(env *environment, format string, verbose bool) *slog.Logger {
	ho := &slog.HandlerOptions{Level: slog.LevelInfo}
	if verbose {
		ho.Level = slog.LevelDebug
	}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(env.stderr, ho))
	}
	return slog.New(slog.NewTextHandler(env.stderr, ho))
}

// serveMetrics serves /healthz and /metrics on addr until closed.
func (w *worker) serveMetrics(addr string) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	healthy := func(ctx context.Context) error {
		_, err := w.store.FindDuplicate(ctx, news.DedupKeys{ContentHash: "healthz"})
		return err
	}
	srv := &http.Server{Handler: w.jobs.Metrics.Handler(w.q, healthy), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			w.log.Error("metrics server stopped", "err", err)
		}
	}()
	w.log.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	return srv, nil
}

// run takes jobs until interrupted (or, with --until-empty, until the
// queue is empty) and prints what it did.
func (w *worker) run(ctx context.Context) error {
	w.log.Info("worker started", "queue", w.opt.queue.URL, "jobs_at_once", w.opt.parallel)
	start := time.Now()
	err := w.jobs.Run(ctx, jetstream.ConsumeOptions{Parallel: w.opt.parallel, UntilEmpty: w.opt.untilEmpty})
	d := time.Since(start)
	c := &w.jobs.Count
	fmt.Fprintf(w.env.stdout, "worker: %s, %s, %s, %s, %s, %s in %.1f s (%.1f articles/s while busy)\n",
		plural(int(c.Stored.Load()), "new article"), plural(int(c.Dups.Load()), "duplicate"), plural(int(c.Near.Load()), "near-duplicate"),
		plural(int(c.Feeds.Load()), "feed poll"), plural(int(c.Failed.Load()), "failed try"), plural(int(c.Dead.Load()), "dead letter"),
		d.Seconds(), float64(c.Articles())/max(c.Busy().Seconds(), 1e-9))
	if errors.Is(err, context.Canceled) {
		w.log.Info("worker stopped")
		return nil
	}
	return err
}
