package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/watch"
	"github.com/newsgraph/newsgraph/internal/work"
)

// alertHook returns the work.Service hook that fires the stored
// watchlists' rules on each article the store committed as new and
// stores their alerts (a duplicate fires nothing: its first copy did).
// With out, each alert stored is also written there as one JSON line
// ('ingest --alerts'); a failure is reported on errOut and ingest goes
// on. The rules are read again every watch.DefaultMaxAge, so a watchlist
// added meanwhile (by 'watch add' or the API) is watched.
func alertHook(ctx context.Context, st watch.Store, out, errOut io.Writer) (work.AfterStoreFunc, error) {
	w, err := watch.NewWatcher(ctx, st, 0)
	if err != nil {
		return nil, err
	}
	return watcherHook(w, out, errOut), nil
}

// watcherHook is alertHook's hook around the watcher w, for a caller
// that also reloads w's rules when it changes a watchlist (serve).
func watcherHook(w *watch.Watcher, out, errOut io.Writer) work.AfterStoreFunc {
	var mu sync.Mutex // one line at a time on out and errOut
	var enc *json.Encoder
	if out != nil {
		enc = json.NewEncoder(out)
		enc.SetEscapeHTML(false)
	}
	return func(ctx context.Context, id int64, _ *news.Doc, res news.PutResult) {
		if res.Duplicate != nil {
			return
		}
		alerts, err := w.Fire(ctx, id)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			fmt.Fprintf(errOut, "alerts: %v\n", err)
			return
		}
		for _, a := range alerts {
			if enc == nil {
				continue
			}
			if err := enc.Encode(a); err != nil {
				fmt.Fprintf(errOut, "alerts: %v\n", err)
				return
			}
		}
	}
}

// ingestAlertHook is alertHook for 'ingest': alerts are always stored,
// and written on stdout with --alerts.
func ingestAlertHook(ctx context.Context, env *environment, st watch.Store, print bool) (work.AfterStoreFunc, error) {
	var out io.Writer
	if print {
		out = env.stdout
	}
	return alertHook(ctx, st, out, env.stderr)
}
