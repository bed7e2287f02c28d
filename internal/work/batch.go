package work

import (
	"context"
	"fmt"
)

// DefaultOptimizeEvery is the number of new articles after which a
// Batcher optimises its store (for SQLite, merging the full-text index
// into one segment, which makes searches for common words faster; about
// 2 s for 100k articles).
const DefaultOptimizeEvery = 1000

// Optimizer tidies a store's indexes after many writes (news.Store's
// Optimize: SQLite merges its full-text index, PostgreSQL vacuums and
// analyzes).
type Optimizer interface {
	Optimize(ctx context.Context) error
}

// Batcher stores batches of sources, in input order, with a Service, and
// optimises the store between batches once OptimizeEvery new articles
// have been stored since it last did ('newsgraph ingest': once after a
// one-off ingest of that many, and now and then while --watch runs).
type Batcher struct {
	Service *Service
	// Workers prepare sources in parallel (at least 1); Ahead bounds the
	// prepared sources waiting per worker (DefaultAhead when 0), see
	// Ordered.
	Workers, Ahead int
	// Store, when set, is optimised between batches; nil: never.
	Store Optimizer
	// OptimizeEvery is the number of new articles between two
	// optimisations (DefaultOptimizeEvery when 0).
	OptimizeEvery int

	// fresh counts the new articles stored since the last optimisation.
	fresh int
}

// Batch prepares srcs on Workers goroutines and commits them in input
// order, so that entities merge in the same order on every run, calling
// done(i, outcome, err) for srcs[i] on the calling goroutine. When ctx is
// cancelled, the sources not yet committed are dropped without a call.
// Then, when OptimizeEvery or more new articles have been stored since the
// last optimisation, it optimises the store, also when ctx is cancelled
// (an interrupted ingest leaves its indexes tidy), and returns that
// optimisation's error.
func (b *Batcher) Batch(ctx context.Context, srcs []Source, done func(i int, out Outcome, err error)) error {
	prepare := func(ctx context.Context, i int) Prepared { return b.Service.Prepare(ctx, srcs[i]) }
	commit := func(i int, p Prepared) {
		out, err := b.Service.Commit(ctx, p)
		if err == nil && IsNew(out) {
			b.fresh++
		}
		done(i, out, err)
	}
	Ordered(ctx, len(srcs), b.Workers, b.Ahead, prepare, commit)
	return b.optimize(context.WithoutCancel(ctx))
}

// IsNew reports whether an outcome is a new article, not a duplicate of a
// stored one.
func IsNew(out Outcome) bool {
	return !out.Skipped && out.Put.Duplicate == nil
}

// optimize optimises the store when enough new articles have been stored
// since the last time.
func (b *Batcher) optimize(ctx context.Context) error {
	every := b.OptimizeEvery
	if every <= 0 {
		every = DefaultOptimizeEvery
	}
	if b.Store == nil || b.fresh < every {
		return nil
	}
	b.fresh = 0
	if err := b.Store.Optimize(ctx); err != nil {
		return fmt.Errorf("optimize the store: %w", err)
	}
	return nil
}
