package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/postgres"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/watch"
	"github.com/newsgraph/newsgraph/internal/work"
)

// dbFileName is the store's file in the data directory.
const dbFileName = "newsgraph.db"

// appStore is the store a command opens: news.Store and what the
// commands ask of a store beside it. *sqlite.DB (a file) and
// *postgres.DB (a postgres:// URL) have it; both also keep watchlists,
// alerts and webhooks (watchingStore), which commands find by a type
// assertion.
type appStore interface {
	news.Store
	// Path names the database in messages (a URL without its password).
	Path() string
	// Optimize tidies the indexes after a large batch.
	Optimize(ctx context.Context) error
	// SetSearchLimits sets the bounds of the searches to come.
	SetSearchLimits(sqlite.SearchLimits)
}

var (
	_ appStore = (*sqlite.DB)(nil)
	_ appStore = (*postgres.DB)(nil)
)

// addDBFlag adds the --db flag shared by the store commands.
func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database `FILE` or postgres://USER:PASSWORD@HOST:PORT/DBNAME URL (default $NEWSGRAPH_DB, else "+dbFileName+" in the data directory: $NEWSGRAPH_DATA or the user data directory)")
}

// dbPath is flagValue, else $NEWSGRAPH_DB, else the file in the data
// directory.
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := os.Getenv("NEWSGRAPH_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir("")
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w (name a database with --db)", err)
	}
	return filepath.Join(dir, dbFileName), nil
}

// openStore opens the store for a command: PostgreSQL when the database
// is a postgres:// (or postgresql://) URL, else the SQLite file. Query
// commands pass mustExist, so that a mistyped --db says so instead of
// creating an empty database.
func openStore(ctx context.Context, flagValue string, mustExist bool) (appStore, error) {
	path, err := dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	compare, err := graphrules.CrossArticleClaims()
	if err != nil {
		return nil, err
	}
	if postgres.IsURL(path) {
		db, err := postgres.Open(ctx, postgres.Config{URL: path, CompareClaims: compare, MustExist: mustExist})
		if errors.Is(err, postgres.ErrNoStore) {
			return nil, fmt.Errorf("%w: ingest articles first ('newsgraph ingest --db URL FILE...') or name another with --db", err)
		}
		return db, err
	}
	if mustExist {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no database at %s: ingest articles first ('newsgraph ingest --db %s FILE...') or name one with --db", path, path)
		}
	}
	return sqlite.Open(ctx, sqlite.Config{Path: path, CompareClaims: compare})
}

// watchingStore is a store that also keeps watchlists, their alerts and
// webhooks: both stores.
type watchingStore interface {
	appStore
	news.WatchStore
	alert.Outbox
	alert.WebhookStore
}

var (
	_ watchingStore = (*sqlite.DB)(nil)
	_ watchingStore = (*postgres.DB)(nil)
)

// storeAlertHook is ingestAlertHook for a store that keeps watchlists,
// and no hook for one that does not: then --alerts is an error.
func storeAlertHook(ctx context.Context, env *environment, store appStore, print bool) (work.AfterStoreFunc, error) {
	if ws, ok := store.(watchingStore); ok {
		return ingestAlertHook(ctx, env, ws, print)
	}
	if print {
		return nil, fmt.Errorf("--alerts: %s keeps no watchlists", store.Path())
	}
	return nil, nil
}

// serveAlertHook is the hook of the API's ingest: it stores the alerts of
// the stored watchlists when store keeps them, else there is none. reload
// reads the watchlists again at once (the API and the UI call it after
// they changed one); nil with no hook.
func serveAlertHook(store appStore, errOut io.Writer) (hook work.AfterStoreFunc, reload func(context.Context) error, err error) {
	ws, ok := store.(watchingStore)
	if !ok {
		return nil, nil, nil
	}
	w, err := watch.NewWatcher(context.Background(), ws, 0)
	if err != nil {
		return nil, nil, err
	}
	return watcherHook(w, nil, errOut), w.Reload, nil
}
