package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/watch"
)

const watchAbout = `Keeps watchlists: named sets of rules about what articles say, checked on
every article as it is stored ('newsgraph ingest --alerts' prints the alerts,
one JSON line each). A rule's conditions must all hold for one article:

  entity          a store entity, by id or by any of its names or aliases
  role            what the entity is: mentioned (default), speaker, actor,
                  target, claim-subject
  event           event types (ATTACK, DENY, ARREST, ...), one or a list;
                  negated: true|false
  stance          a claim's stance: affirm | deny
  sourcing        a quote's sourcing: named | anonymous; hedged: true|false
  place           {country: PK} | {admin1: Balochistan} |
                  {lat: 33.7, lon: 73.1, radius_km: 50}; with event, the
                  event's place (or a place of its sentence)
  contradiction   true: a contradiction involving the entity, within the
                  article or with a stored claim
  first_mention   true | {country: IR}: the first stored article that
                  mentions the entity (with a place in the country)
  quote_mentions  an entity that a quote by the rule's entity mentions
  query           a full-text query in the search syntax ('search --help')
  since, until    a window on the publication date (YYYY-MM-DD)

A watchlist file is JSON or YAML with a name, an optional description and
rules, each with a name (see examples/watchlists/ and README.md):

  name: is-denials
  rules:
    - name: IS denial
      entity: Islamic State
      stance: deny

  add FILE      store the watchlist (one of the same name is replaced; its
                rules of the same names keep their alerts)
  list          the stored watchlists
  show ID       one watchlist (ID or name) with its rules and latest alerts
  rm ID         remove a watchlist and its alerts
  test FILE     a dry run over the stored articles: the alerts the file's
                rules would give, as JSON lines, neither stored nor sent
                (--since DATE: articles published on or after DATE)
  webhook ID URL
                set the watchlist's webhook (--secret S, else a random
                secret shown once); webhook ID shows it, webhook ID
                --remove removes it ('watch webhook --help')

A rule fires at most once per article, also when the article is ingested
again. Files over 4 MiB or with more than 10,000 rules are refused.`

// runWatch runs 'watch add|list|show|rm|test'.
func runWatch(env *environment, args []string) error {
	verbs := map[string]func(*environment, []string) error{
		"add": runWatchAdd, "list": runWatchList, "show": runWatchShow, "rm": runWatchRm, "test": runWatchTest,
		"webhook": runWatchWebhook,
	}
	if len(args) > 0 {
		if run, ok := verbs[args[0]]; ok {
			return run(env, args[1:])
		}
	}
	fs := newFlagSet(env, "watch", "add FILE | list | show ID | rm ID | test FILE [--since DATE] | webhook ID [URL | --remove]", watchAbout)
	addDBFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: "watch: name what to do: add FILE, list, show ID, rm ID, test FILE or webhook ID URL (run 'newsgraph watch --help')"}
	}
	return &usageError{msg: fmt.Sprintf("watch: unknown subcommand %q (add, list, show, rm, test, webhook)", fs.Arg(0))}
}

// watchStore is a store with watchlists.
type watchStore interface {
	news.Store
	news.WatchStore
}

// openWatchStore opens the store of --db as a watchStore.
func openWatchStore(ctx context.Context, db string, mustExist bool) (watchStore, error) {
	store, err := openStore(ctx, db, mustExist)
	if err != nil {
		return nil, err
	}
	ws, ok := any(store).(watchStore)
	if !ok {
		store.Close()
		return nil, errors.New("this database keeps no watchlists")
	}
	return ws, nil
}

// watchArgs parses a watch subcommand's flags and wants exactly n
// positional arguments.
func watchArgs(env *environment, verb, synopsis string, n int, args []string, extra func(fs *flag.FlagSet)) (db string, words []string, err error) {
	fs := newFlagSet(env, "watch "+verb, synopsis, watchAbout)
	dbFlag := addDBFlag(fs)
	if extra != nil {
		extra(fs)
	}
	if err := parseFlags(fs, args); err != nil {
		return "", nil, err
	}
	if fs.NArg() != n {
		return "", nil, &usageError{msg: fmt.Sprintf("watch %s: usage: newsgraph watch %s %s", verb, verb, synopsis)}
	}
	return *dbFlag, fs.Args(), nil
}

// readWatchlist reads and checks a watchlist file.
func readWatchlist(path string) (*watch.Watchlist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, watch.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return watch.Parse(path, data)
}

func runWatchAdd(env *environment, args []string) error {
	db, words, err := watchArgs(env, "add", "FILE", 1, args, nil)
	if err != nil {
		return err
	}
	w, err := readWatchlist(words[0])
	if err != nil {
		return fmt.Errorf("watch add: %w", err)
	}
	sw, err := w.Stored()
	if err != nil {
		return fmt.Errorf("watch add: %w", err)
	}
	ctx := context.Background()
	store, err := openWatchStore(ctx, db, false)
	if err != nil {
		return fmt.Errorf("watch add: %w", err)
	}
	defer store.Close()
	got, err := store.PutWatchlist(ctx, sw)
	if err != nil {
		return fmt.Errorf("watch add: %w", err)
	}
	verb := "added"
	if !got.Updated.Equal(got.Created) {
		verb = "replaced"
	}
	fmt.Fprintf(env.stdout, "%s watchlist %d %s: %s\n", verb, got.ID, got.Name, plural(len(got.Rules), "rule"))
	return nil
}

func runWatchList(env *environment, args []string) error {
	var format *string
	db, _, err := watchArgs(env, "list", "[--format text|json]", 0, args, func(fs *flag.FlagSet) {
		format = fs.String("format", "text", "text (a line per watchlist) or json")
	})
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return &usageError{msg: fmt.Sprintf("watch list: unknown --format %q (text or json)", *format)}
	}
	ctx := context.Background()
	store, err := openWatchStore(ctx, db, true)
	if err != nil {
		return fmt.Errorf("watch list: %w", err)
	}
	defer store.Close()
	lists, err := store.Watchlists(ctx)
	if err != nil {
		return fmt.Errorf("watch list: %w", err)
	}
	if *format == "json" {
		return writeJSON(env.stdout, "json", nonNilLists(lists))
	}
	for _, w := range lists {
		fmt.Fprintf(env.stdout, "%d\t%s\t%s", w.ID, w.Name, plural(len(w.Rules), "rule"))
		if w.Description != "" {
			fmt.Fprintf(env.stdout, "\t%s", w.Description)
		}
		fmt.Fprintln(env.stdout)
	}
	return nil
}

func nonNilLists(l []news.Watchlist) []news.Watchlist {
	if l == nil {
		return []news.Watchlist{}
	}
	return l
}

// findWatchlist finds a stored watchlist by id or name.
func findWatchlist(ctx context.Context, store watchStore, ref string) (*news.Watchlist, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return store.Watchlist(ctx, id)
	}
	lists, err := store.Watchlists(ctx)
	if err != nil {
		return nil, err
	}
	for _, w := range lists {
		if w.Name == ref {
			return &w, nil
		}
	}
	return nil, fmt.Errorf("%q: %w ('newsgraph watch list' lists them)", ref, news.ErrNoSuchWatchlist)
}

// showAlerts is how many of its latest alerts 'watch show' prints.
const showAlerts = 10

func runWatchShow(env *environment, args []string) error {
	db, words, err := watchArgs(env, "show", "ID", 1, args, nil)
	if err != nil {
		return err
	}
	ctx := context.Background()
	store, err := openWatchStore(ctx, db, true)
	if err != nil {
		return fmt.Errorf("watch show: %w", err)
	}
	defer store.Close()
	w, err := findWatchlist(ctx, store, words[0])
	if err != nil {
		return fmt.Errorf("watch show: %w", err)
	}
	fmt.Fprintf(env.stdout, "watchlist %d %s (added %s, updated %s)\n", w.ID, w.Name, w.Created.Format(time.DateOnly), w.Updated.Format(time.DateOnly))
	if w.Description != "" {
		fmt.Fprintln(env.stdout, w.Description)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, w.Spec, "", "  "); err != nil {
		return fmt.Errorf("watch show: watchlist %d: %w", w.ID, err)
	}
	fmt.Fprintf(env.stdout, "%s\n", pretty.Bytes())
	alerts, err := store.Alerts(ctx, news.AlertQuery{WatchlistID: w.ID, Limit: showAlerts})
	if err != nil {
		return fmt.Errorf("watch show: %w", err)
	}
	fmt.Fprintf(env.stdout, "latest alerts: %d\n", len(alerts))
	for _, a := range alerts {
		fmt.Fprintf(env.stdout, "  %s\t%s\t%s\n", a.Rule, a.Article.Source, a.Why)
	}
	return nil
}

func runWatchRm(env *environment, args []string) error {
	db, words, err := watchArgs(env, "rm", "ID", 1, args, nil)
	if err != nil {
		return err
	}
	ctx := context.Background()
	store, err := openWatchStore(ctx, db, true)
	if err != nil {
		return fmt.Errorf("watch rm: %w", err)
	}
	defer store.Close()
	w, err := findWatchlist(ctx, store, words[0])
	if err != nil {
		return fmt.Errorf("watch rm: %w", err)
	}
	if err := store.DeleteWatchlist(ctx, w.ID); err != nil {
		return fmt.Errorf("watch rm: %w", err)
	}
	fmt.Fprintf(env.stdout, "removed watchlist %d %s\n", w.ID, w.Name)
	return nil
}

func runWatchTest(env *environment, args []string) error {
	var since *string
	db, words, err := watchArgs(env, "test", "FILE [--since YYYY-MM-DD]", 1, args, func(fs *flag.FlagSet) {
		since = fs.String("since", "", "only articles published on or after this `DATE` (YYYY-MM-DD)")
	})
	if err != nil {
		return err
	}
	if *since != "" {
		if _, err := time.Parse(time.DateOnly, *since); err != nil {
			return &usageError{msg: fmt.Sprintf("watch test: --since %q is not a date (YYYY-MM-DD)", *since)}
		}
	}
	w, err := readWatchlist(words[0])
	if err != nil {
		return fmt.Errorf("watch test: %w", err)
	}
	m, err := watch.DryRun(w)
	if err != nil {
		return fmt.Errorf("watch test: %w", err)
	}
	ctx := context.Background()
	store, err := openWatchStore(ctx, db, true)
	if err != nil {
		return fmt.Errorf("watch test: %w", err)
	}
	defer store.Close()
	n, articles, err := dryRun(ctx, env.stdout, store, m, *since)
	if err != nil {
		return fmt.Errorf("watch test: %w", err)
	}
	fmt.Fprintf(env.stderr, "watch test: %s on %s (not stored, not delivered)\n", plural(n, "alert"), plural(articles, "article"))
	return nil
}

// dryRun evaluates m on every stored article published on or after since
// ("" for all) and writes the alerts as JSON lines; it returns the
// number of alerts and of articles read.
func dryRun(ctx context.Context, out io.Writer, store watchStore, m *watch.Matcher, since string) (alerts, articles int, err error) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	err = store.EachArticle(ctx, func(a *news.StoredArticle) error {
		if since != "" && (a.Published == "" || a.Published < since) {
			return nil
		}
		articles++
		got, err := watch.Evaluate(ctx, m, store, a.ID)
		if err != nil {
			return err
		}
		for _, al := range got {
			alerts++
			if err := enc.Encode(al); err != nil {
				return err
			}
		}
		return nil
	})
	return alerts, articles, err
}
