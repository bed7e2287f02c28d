package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/work/jobs"
)

// publishIngest is ingest with --queue: its sources and feeds become jobs
// on the work queue for 'newsgraph worker' (jobs.Publisher: feeds once,
// or every --interval with --watch), and it prints what it queued.
func publishIngest(ctx context.Context, env *environment, opt ingestOptions, sources, feeds []string) error {
	q, err := jetstream.Open(ctx, opt.queue)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer q.Close()
	p := &jobs.Publisher{Queue: q, Fetcher: fetch.New(opt.fetch), Read: opt.read,
		Failed: func(source string, err error) { writeFailure(env.stderr, source, err) }}
	start := time.Now()
	watched := append(p.Sources(ctx, sources, env.stdin), feeds...)
	rounds := opt.rounds
	if !opt.watch {
		rounds = 1
	}
	p.Feeds(ctx, watched, opt.interval, rounds)
	fmt.Fprintf(env.stdout, "ingest: %s queued, %s queued before, %s in %.1f s; 'newsgraph worker --queue %s' runs them\n",
		plural(p.Queued, "job"), plural(p.Already, "job"), plural(p.Errors, "error"), time.Since(start).Seconds(), opt.queue.URL)
	if ctx.Err() != nil && !opt.watch {
		return errors.New("interrupted: the jobs queued so far stay queued")
	}
	if p.Errors > 0 {
		return &partialError{failed: p.Errors, total: max(p.Queued+p.Already+p.Errors, p.Errors)}
	}
	return nil
}
