package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
	"github.com/newsgraph/newsgraph/internal/postgres"
	"github.com/newsgraph/newsgraph/internal/work"
)

const ingestAbout = `Reads articles into the database: runs each through the same extraction
as 'newsgraph extract' and stores its contract JSON with its entities, quotes,
events and claims, merged with what is already stored (one store entity per
person or group across articles; contradictions between claims of different
articles), and indexes its text for 'newsgraph search'.

A SOURCE is a file (plain text, HTML or a saved web page), - for standard
input, a directory (its .txt, .html, .htm files and files without extension,
recursively), an http(s) URL of an article, or the URL of an RSS or Atom
feed, whose items' links are fetched (the item's date and title are kept;
at most --feed-max-items items, the first, from one poll).
--feeds FILE names more feeds, one URL per line. With --watch, feeds are
polled every --interval (with ETag and Last-Modified, backing off after
errors) until interrupted.

The same article is stored once: the same URL (canonicalised: no tracking
parameters, no fragment, no "www.") or the same text is a duplicate, and a
near-duplicate (a syndicated copy of a stored article) is linked to the first
copy with its similarity instead of being stored again. Ingesting the same
sources twice changes nothing.

Fetching is polite: a User-Agent naming newsgraph, robots.txt honoured, at
most two requests at a time per site, retries with back-off. Loopback,
private and link-local addresses are refused unless --allow-private.

A source that fails (unreadable, not text, a fetch error, an article whose
extraction takes longer than --doc-timeout) is listed on stderr and the others
go on; the exit status is then 1. Each article is stored in
one transaction: an interrupted ingest keeps every article it finished.

With --queue nats://HOST:4222 the sources are not processed here: each
file, standard input and article URL becomes a job on the NATS JetStream
work queue (carrying its bytes), each feed a poll job (one per --interval
with --watch), for 'newsgraph worker' to run (see its --help). Publishing
waits while the queue is full.

Examples:
  newsgraph ingest ~/news/
  newsgraph ingest --db pk.db article.html https://example.com/story
  newsgraph ingest --feeds feeds.txt --watch --interval 10m`

type ingestOptions struct {
	db, feedsFile string
	watch         bool
	interval      time.Duration
	rounds        int
	workers       int
	feedMaxItems  int
	noProgress    bool
	alerts        bool             // write the alerts of the stored watchlists on stdout
	queue         jetstream.Config // with a URL: publish jobs for 'newsgraph worker' instead of running them
	read          ingest.Options
	fetch         fetch.Config
	dedup         dedup.Config
	stages        extractOptions
}

func parseIngestFlags(env *environment, args []string) (ingestOptions, []string, error) {
	fs := newFlagSet(env, "ingest", "[flags] SOURCE...", ingestAbout)
	opt := ingestOptions{fetch: fetch.DefaultConfig(), dedup: dedup.DefaultConfig()}
	fs.StringVar(&opt.db, "db", "", "database `FILE` (default $NEWSGRAPH_DB, else "+dbFileName+" in the data directory)")
	fs.StringVar(&opt.feedsFile, "feeds", "", "`FILE` listing feed URLs, one per line (# starts a comment)")
	fs.BoolVar(&opt.watch, "watch", false, "keep polling the feeds every --interval until interrupted")
	fs.DurationVar(&opt.interval, "interval", 15*time.Minute, "time between polls of a feed with --watch")
	fs.IntVar(&opt.rounds, "rounds", 0, "with --watch, stop after this many polls (0: never)")
	fs.IntVar(&opt.feedMaxItems, "feed-max-items", feed.DefaultMaxItems, "read at most this many items, the first, from one poll of a feed")
	fs.IntVar(&opt.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	docTimeoutFlag(fs, &opt.stages.docTimeout)
	fs.BoolVar(&opt.noProgress, "no-progress", false, "no progress bar, even on a terminal")
	addQueueFlag(fs, &opt.queue)
	fs.BoolVar(&opt.alerts, "alerts", false, "write each alert the stored watchlists give on a new article to stdout as one JSON line, the summary to stderr (see 'newsgraph watch --help')")
	fs.BoolVar(&opt.fetch.AllowPrivate, "allow-private", false, "allow fetching from loopback, private and link-local addresses")
	fs.DurationVar(&opt.fetch.Timeout, "timeout", opt.fetch.Timeout, "give up on one request after this long")
	fs.Float64Var(&opt.dedup.Threshold, "near", opt.dedup.Threshold, "similarity (0-1] from which a text is a near-duplicate of a stored one")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse files and pages larger than this many `bytes`")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` of every SOURCE (overrides the page's own date)")
	title := fs.String("title", "", "the `TITLE` of every SOURCE (overrides the page's title or the text's headline)")
	fs.StringVar(&opt.stages.dataDir, "data", "", "data `DIR` with the GeoNames index (see 'newsgraph setup')")
	fs.StringVar(&opt.stages.countryHint, "country-hint", "", "ISO 3166 `CODE` of the country the articles are mostly about")
	if err := parseFlags(fs, args); err != nil {
		return opt, nil, err
	}
	usage := func(msg string) error {
		return &usageError{msg: "ingest: " + msg + " (run 'newsgraph ingest --help')"}
	}
	if fs.NArg() == 0 && opt.feedsFile == "" {
		return opt, nil, usage("name at least one SOURCE (file, directory, URL or feed) or --feeds FILE")
	}
	if *maxBytes <= 0 {
		return opt, nil, usage("--max-bytes must be positive")
	}
	if opt.feedMaxItems <= 0 {
		return opt, nil, usage("--feed-max-items must be positive")
	}
	if opt.interval <= 0 || opt.fetch.Timeout <= 0 {
		return opt, nil, usage("--interval and --timeout must be positive")
	}
	if opt.dedup.Threshold <= 0 || opt.dedup.Threshold > 1 {
		return opt, nil, usage("--near must be in (0, 1]")
	}
	if opt.workers < 1 {
		opt.workers = 1
	}
	opt.read = ingest.Options{MaxBytes: *maxBytes, Title: *title}
	var err error
	if opt.read.Published, err = parsePublished(*published); err != nil {
		return opt, nil, usage(err.Error())
	}
	opt.fetch.MaxBytes = *maxBytes
	return opt, fs.Args(), nil
}

func runIngest(env *environment, args []string) error {
	opt, sources, err := parseIngestFlags(env, args)
	if err != nil {
		return err
	}
	var feeds []string
	if opt.feedsFile != "" {
		if feeds, err = readFeedList(opt.feedsFile); err != nil {
			return &usageError{msg: "ingest: --feeds " + err.Error()}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if opt.queue.URL != "" {
		return publishIngest(ctx, env, opt, sources, feeds)
	}
	path, err := dbPath(opt.db)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	_, statErr := os.Stat(path)
	// A PostgreSQL store is no file to remove again.
	dropEmpty := errors.Is(statErr, fs.ErrNotExist) && len(feeds) == 0 && noneExist(sources) && !postgres.IsURL(path)
	store, err := openStore(ctx, path, false)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	runner, err := stages.New(stageOptions(env, opt.stages))
	if err != nil {
		store.Close()
		return fmt.Errorf("ingest: %w", err)
	}
	client := fetch.New(opt.fetch)
	hook, err := storeAlertHook(ctx, env, store, opt.alerts)
	if err != nil {
		store.Close()
		return fmt.Errorf("ingest: %w", err)
	}
	svc, err := work.New(work.Config{Store: store, Pipeline: runner, Fetcher: client, Read: opt.read, Dedup: opt.dedup, AfterStore: hook})
	if err != nil {
		store.Close()
		return fmt.Errorf("ingest: %w", err)
	}
	in := &ingester{env: env, opt: opt, store: store,
		batcher: &work.Batcher{Service: svc, Workers: opt.workers, Store: store},
		poller:  &work.FeedPoller{Store: store, Fetcher: client, MaxItems: opt.feedMaxItems, BackOff: opt.watch, Interval: opt.interval}}
	err = in.run(ctx, sources, feeds)
	if dropEmpty {
		return errors.Join(err, dropIfEmpty(env, store, path))
	}
	return errors.Join(err, store.Close())
}

// noneExist reports whether every source is a local path that does not
// exist: an ingest with nothing to read.
func noneExist(sources []string) bool {
	for _, s := range sources {
		if s == "-" || work.IsURL(s) {
			return false
		}
		if _, err := os.Stat(s); !errors.Is(err, fs.ErrNotExist) {
			return false
		}
	}
	return true
}

// dropIfEmpty closes the database that ingest created at path and removes
// it again when nothing was stored in it, so that ingesting nothing (a
// mistyped path) leaves no empty database behind. An ingest whose
// articles all failed keeps its database, which records nothing but says
// that the run happened.
func dropIfEmpty(env *environment, store appStore, path string) error {
	st, err := store.Stats(context.Background())
	empty := err == nil && st.Articles == 0
	if err := store.Close(); err != nil || !empty {
		return err
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("ingest: remove the empty database: %w", err)
		}
	}
	fmt.Fprintf(env.stderr, "ingest: nothing stored; no database created at %s\n", path)
	return nil
}

// ingester holds what one ingest run uses: the batcher that reads,
// extracts and stores in order (and optimises the store every
// work.DefaultOptimizeEvery new articles), the feed poller, and the store
// it reports on.
type ingester struct {
	env     *environment
	opt     ingestOptions
	store   appStore
	batcher *work.Batcher
	poller  *work.FeedPoller
}

// tally counts what a run did.
type tally struct {
	sources, stored, dups, near, errors, contradictions int
	// otherLanguage counts the new articles in a language other than
	// English, stored without the English-only stages.
	otherLanguage int
}

// run ingests the sources and feeds (the feeds' first round), then, with
// --watch, polls the feeds again every --interval for --rounds rounds or
// until interrupted, and prints what it did. It returns a partialError
// when a source failed.
func (in *ingester) run(ctx context.Context, sources, feeds []string) error {
	start := time.Now()
	var t tally
	watch := in.feedWatch(&t)
	jobs, watched := watch.Resolve(ctx, sources, feeds, in.env.stdin, func(name string, err error) { in.fail(name, err, &t) })
	in.batch(ctx, jobs, &t)
	if in.opt.watch && len(watched) == 0 {
		fmt.Fprintln(in.env.stderr, "newsgraph: ingest --watch: no feeds to poll (name feed URLs or --feeds FILE)")
	}
	if in.opt.watch {
		watch.Run(ctx, watched, func(ctx context.Context, items []work.Source) { in.batch(ctx, items, &t) })
	}
	in.summary(t, time.Since(start))
	if ctx.Err() != nil && !in.opt.watch {
		return errors.New("interrupted: the articles stored so far are kept")
	}
	if t.errors > 0 {
		return &partialError{failed: t.errors, total: max(t.sources, t.errors)}
	}
	return nil
}

func (in *ingester) summary(t tally, d time.Duration) {
	st, _ := in.store.Stats(context.Background())
	rate := float64(t.stored+t.dups+t.near) / max(d.Seconds(), 1e-9)
	out := in.env.stdout
	if in.opt.alerts {
		out = in.env.stderr // stdout has the alerts' JSON lines
	}
	fmt.Fprintf(out, "ingest: %s, %s, %s, %s, %s in %.1f s (%.1f articles/s); %s holds %s\n",
		plural(t.stored, "new article"), plural(t.dups, "duplicate"), plural(t.near, "near-duplicate"), plural(t.errors, "error"),
		plural(t.contradictions, "new cross-article contradiction"), d.Seconds(), rate, in.store.Path(), plural(st.Articles, "article"))
	if t.otherLanguage > 0 {
		fmt.Fprintf(out, "ingest: %d of the new articles %s not in English: stored and searchable, without the English-only stages (see their notes)\n",
			t.otherLanguage, map[bool]string{true: "is", false: "are"}[t.otherLanguage == 1])
	}
}

// fail lists a source's error on stderr and counts it.
func (in *ingester) fail(source string, err error, t *tally) {
	t.errors++
	writeFailure(in.env.stderr, source, err)
}

// writeFailure writes "newsgraph: SOURCE: ERROR" on one line of w (the
// source only when the error does not name it already).
func writeFailure(w io.Writer, source string, err error) {
	msg := oneLine(err.Error())
	if !strings.Contains(msg, source) {
		msg = source + ": " + msg
	}
	fmt.Fprintf(w, "newsgraph: %s\n", msg)
}
