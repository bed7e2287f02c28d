// Package jobs runs the jobs of the NATS JetStream work queue, as
// 'newsgraph worker' does: an extract job (an article's bytes) or a fetch
// job (an article's URL) through the ingest service (work.Service.Ingest),
// a feed job by polling the feed and queueing a fetch job per item, and,
// after each stored article, the alerts of the stored watchlists (Alerts).
// Publisher fills the queue ('newsgraph ingest --queue'): an extract job
// per file, standard input and article URL, a feed job per feed and round.
//
// Contract:
//
//   - A job is done when Handle returns nil; an error makes the queue try
//     it again later (jetstream.Consume: back-off, then the dead letters).
//     An extract job whose bytes cannot be read fails permanently: the
//     same bytes never read better.
//   - A job that started is finished even when the context is cancelled
//     (SIGTERM stops taking jobs, not running ones); its time is bounded
//     by the pipeline's document budget.
//   - Running a job twice stores nothing twice (work.Service is
//     idempotent by article key) and publishes no alert twice.
//   - A feed is polled by one worker at a time (a lease named by Holder);
//     a feed that fails is recorded in the store (its errors and back-off)
//     and polled again at its next job, not retried at once.
//   - Runner is safe for concurrent use: Handle runs on as many goroutines
//     as the queue's consumer runs jobs at once.
package jobs

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
)

// Runner runs queue jobs with the ingest service.
type Runner struct {
	Queue   *jetstream.Queue
	Service *work.Service
	// Feeds polls the feeds of feed jobs, keeping their state in the
	// store.
	Feeds *work.FeedPoller
	// FeedPolled, when set, is told of each poll of a feed: what it found
	// and its error (nil when none), for the command to list.
	FeedPolled func(url string, poll work.FeedPoll, err error)
	// Alerts fires the stored watchlists on each stored article and
	// publishes their alerts; nil: no alerts.
	Alerts  *Alerts
	Metrics *jetstream.Metrics
	Log     *slog.Logger
	// Holder names this worker in feed leases ("host/pid").
	Holder string
	// Hint, when set, rewrites the error of a source that failed (the
	// command adds which flag sets a limit that was hit).
	Hint func(error) error
	// Count is what the runner did.
	Count Tally
}

// Tally counts what a runner did.
type Tally struct {
	Stored, Dups, Near, Failed, Dead, Feeds atomic.Int64
	// first and last are when the first job started and the last one
	// ended (Unix nanoseconds): Busy is measured between them.
	first, last atomic.Int64
}

// Articles is the number of articles stored or found stored already.
func (t *Tally) Articles() int64 {
	return t.Stored.Load() + t.Dups.Load() + t.Near.Load()
}

// Busy is the time from the first job's start to the last one's end.
func (t *Tally) Busy() time.Duration {
	return time.Duration(t.last.Load() - t.first.Load())
}

// Run takes jobs from the queue and handles them until ctx is cancelled
// or, with opt.UntilEmpty, the queue is empty (see jetstream.Consume);
// opt's Failed is the runner's.
func (r *Runner) Run(ctx context.Context, opt jetstream.ConsumeOptions) error {
	opt.Failed = r.Failed
	return r.Queue.Consume(ctx, r.Handle, opt)
}

// Handle runs one try of a job: it polls a feed job's feed, or ingests an
// article job's article (see the package contract).
func (r *Runner) Handle(ctx context.Context, j jetstream.Job, try int) error {
	ctx = context.WithoutCancel(ctx)
	start := time.Now()
	r.Count.first.CompareAndSwap(0, start.UnixNano())
	defer func() { r.Count.last.Store(time.Now().UnixNano()) }()
	var err error
	if j.Kind == jetstream.KindFeed {
		err = r.poll(ctx, j)
	} else {
		err = r.Ingest(ctx, j, try)
	}
	if err == nil {
		r.Metrics.Job(j.Kind, "ok")
		r.Log.Debug("job done", "kind", j.Kind, "source", j.Source, "try", try, "seconds", time.Since(start).Seconds())
	}
	return err
}

// Failed logs and counts a failed try; dead is true when the job went to
// the dead letters.
func (r *Runner) Failed(j jetstream.Job, try int, err error, dead bool) {
	r.Count.Failed.Add(1)
	msg := oneLine(firstLine(err.Error()))
	if dead {
		r.Count.Dead.Add(1)
		r.Metrics.Job(j.Kind, "dead")
		r.Log.Error("job dead-lettered", "kind", j.Kind, "source", j.Source, "tries", try, "err", msg)
		return
	}
	r.Metrics.Job(j.Kind, "failed")
	r.Log.Warn("job failed, will be tried again", "kind", j.Kind, "source", j.Source, "try", try, "err", msg)
}

// Ingest reads, extracts and stores the article of a job, then fires the
// stored watchlists' rules on it and publishes their alerts on the queue's
// alert stream (see Alerts.After).
func (r *Runner) Ingest(ctx context.Context, j jetstream.Job, try int) error {
	src := Source(j)
	out, err := r.Service.Ingest(ctx, src)
	r.observe(out.Timings)
	if err != nil {
		return r.ingestError(j, err)
	}
	r.count(out)
	n, err := r.Alerts.After(ctx, src.Name, try, out)
	if err != nil {
		r.Metrics.Error("alerts")
		return err
	}
	if n > 0 {
		r.Log.Debug("alerts published", "source", j.Source, "alerts", n)
	}
	return nil
}

// ingestError counts the step of a failed ingest and says whether the job
// may be tried again.
func (r *Runner) ingestError(j jetstream.Job, err error) error {
	step := "queue"
	var we *work.Error
	if errors.As(err, &we) {
		step = we.Op
	}
	r.Metrics.Error(step)
	if r.Hint != nil {
		err = r.Hint(err)
	}
	if step == "read" && j.Kind == jetstream.KindExtract {
		// The same bytes will never read better.
		return jetstream.Permanent(err)
	}
	return err
}

// count counts what became of one article.
func (r *Runner) count(out work.Outcome) {
	switch res := out.Put; {
	case out.Skipped:
		r.Count.Dups.Add(1)
		r.Metrics.Article("skipped")
	case res.Duplicate == nil:
		r.Count.Stored.Add(1)
		r.Metrics.Article("stored")
	case res.Duplicate.Kind == news.DupNear:
		r.Count.Near.Add(1)
		r.Metrics.Article("near_duplicate")
	default:
		r.Count.Dups.Add(1)
		r.Metrics.Article("duplicate")
	}
}

// observe records the time of each step of one article.
func (r *Runner) observe(t work.Timings) {
	for name, d := range map[string]time.Duration{"read": t.Read, "dedup": t.Dedup, "store": t.Store} {
		if d > 0 {
			r.Metrics.Stage(name, d)
		}
	}
	for _, s := range t.Stages {
		r.Metrics.Stage(s.Stage, s.Duration)
	}
}

// Source is the ingest service's source for an article job.
func Source(j jetstream.Job) work.Source {
	if j.Kind == jetstream.KindExtract {
		return work.Source{Name: j.Source, Text: j.Data, URL: j.URL, Title: j.Title, Published: j.Published, Feed: j.Feed}
	}
	return work.Source{Name: j.URL, URL: j.URL, Title: j.Title, Published: j.Published,
		Feed: j.Feed, FeedTitle: j.FeedTitle, FeedPublished: j.FeedPublished}
}

// poll polls a feed, unless another worker holds its lease, and queues a
// fetch job per item. A feed that fails is recorded in the store (its
// errors and back-off), and is polled again at its next job, not retried
// at once.
func (r *Runner) poll(ctx context.Context, j jetstream.Job) error {
	lease, err := r.Queue.TryLease(ctx, j.URL, r.Holder)
	if err != nil {
		r.Metrics.Error("queue")
		return err
	}
	if lease == nil {
		r.Log.Info("feed is being polled by another worker", "feed", j.URL)
		return nil
	}
	defer lease.Release(ctx)
	r.Count.Feeds.Add(1)
	poll, pollErr := r.Feeds.Poll(ctx, j.URL, nil)
	if r.FeedPolled != nil {
		r.FeedPolled(j.URL, poll, pollErr)
	}
	queued := 0
	for _, it := range poll.Items {
		dup, err := r.Queue.Publish(ctx, jetstream.Job{Kind: jetstream.KindFetch, Source: it.URL, URL: it.URL,
			Feed: it.Feed, FeedTitle: it.FeedTitle, FeedPublished: it.FeedPublished})
		if err != nil {
			r.Metrics.Error("queue")
			return err
		}
		if !dup {
			queued++
		}
	}
	r.Log.Info("feed polled", "feed", j.URL, "items", len(poll.Items), "queued", queued, "errors", len(work.Errors(pollErr)))
	return nil
}

// firstLine is s up to its first newline (a panic without its stack).
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
