package jetstream

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	njs "github.com/nats-io/nats.go/jetstream"
)

// Handler runs one job. It returns nil once the job's article is committed
// (or the job needs nothing done): the job is then acknowledged. An error
// or a panic is a failed try. try counts the deliveries of the job, from 1.
type Handler func(ctx context.Context, j Job, try int) error

// permanentError marks a failure that no further try can mend.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as a failure that trying again cannot mend (an
// unreadable article): a Handler returning it sends its job to the
// dead-letter stream at once instead of after MaxDeliver tries.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

// ConsumeOptions change how Consume takes jobs.
type ConsumeOptions struct {
	// Parallel is the number of jobs run at once (at least 1).
	Parallel int
	// UntilEmpty makes Consume return once the queue holds no job, waiting
	// or running, instead of waiting for more.
	UntilEmpty bool
	// Failed, when set, is called with each failed try's error (for logs
	// and metrics); dead says the job went to the dead-letter stream.
	Failed func(j Job, try int, err error, dead bool)
}

// pollWait is how long one request for a job waits on the server when
// there is none.
const pollWait = time.Second

// Consume takes jobs from the queue and runs h on each, opt.Parallel at a
// time, until ctx is done (or, with UntilEmpty, the queue is empty). A job
// is acknowledged only after h returns nil; a failed one is tried again
// after Backoff, doubling, and after MaxDeliver tries goes to the
// dead-letter stream. Consume returns ctx's error, or nil when the queue
// emptied.
func (q *Queue) Consume(ctx context.Context, h Handler, opt ConsumeOptions) error {
	n := max(opt.Parallel, 1)
	var wg sync.WaitGroup
	errs := make([]error, n)
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	for i := range n {
		wg.Go(func() {
			errs[i] = q.consumeLoop(inner, h, opt)
			cancel() // one loop that found the queue empty ends the others
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// consumeLoop takes one job at a time until ctx is done or, with
// UntilEmpty, the queue is empty.
func (q *Queue) consumeLoop(ctx context.Context, h Handler, opt ConsumeOptions) error {
	for ctx.Err() == nil {
		msg, err := q.next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, njs.ErrNoMessages) && !errors.Is(err, context.DeadlineExceeded) {
				// The server is away (restarting): wait and ask again.
				select {
				case <-ctx.Done():
				case <-time.After(pollWait):
				}
				continue
			}
			if opt.UntilEmpty {
				if depth, err := q.Depth(ctx); err == nil && depth == 0 {
					return nil
				}
			}
			continue
		}
		q.handle(ctx, msg, h, opt)
	}
	return nil
}

// next waits up to pollWait for a job.
func (q *Queue) next(ctx context.Context) (njs.Msg, error) {
	wait, cancel := context.WithTimeout(ctx, pollWait)
	defer cancel()
	return q.cons.Next(njs.FetchContext(wait))
}

// handle runs one delivery of a job and acknowledges, retries or
// dead-letters it.
func (q *Queue) handle(ctx context.Context, msg njs.Msg, h Handler, opt ConsumeOptions) {
	try := 1
	if md, err := msg.Metadata(); err == nil {
		try = int(md.NumDelivered)
	}
	j, err := decodeJob(msg.Data())
	switch {
	case err != nil:
		// A message no worker can read never succeeds.
	case try > q.cfg.MaxDeliver:
		err = fmt.Errorf("delivered %d times without an answer (did a worker die on it each time?)", try-1)
	default:
		err = q.run(ctx, msg, h, j, try)
		if err == nil {
			q.ack(ctx, msg)
			return
		}
		if ctx.Err() != nil {
			// Interrupted, not failed: another worker takes it at once.
			msg.Nak()
			return
		}
	}
	var permanent *permanentError
	dead := try >= q.cfg.MaxDeliver || j.validate() != nil || errors.As(err, &permanent)
	if opt.Failed != nil {
		opt.Failed(j, try, err, dead)
	}
	if !dead {
		msg.NakWithDelay(q.backoff(try))
		return
	}
	if derr := q.deadLetter(ctx, msg, try, err); derr != nil {
		// Leave it to be delivered again; the next try dead-letters it.
		msg.NakWithDelay(q.backoff(try))
		return
	}
	q.ack(ctx, msg)
}

// ack acknowledges a job and waits for the server to confirm it, so that
// a job is never taken for done when its ack was lost.
func (q *Queue) ack(ctx context.Context, msg njs.Msg) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := msg.DoubleAck(actx); err != nil {
		// Not confirmed: the job may come again after AckWait; running it
		// again is a no-op (its article is stored).
		msg.Ack()
	}
}

// backoff is the wait before the try after try.
func (q *Queue) backoff(try int) time.Duration {
	d := q.cfg.Backoff << min(try-1, 16)
	return min(d, q.cfg.AckWait)
}

// run calls h, turning a panic into an error, and tells the server the job
// is in progress every AckWait/3 while it runs.
func (q *Queue) run(ctx context.Context, msg njs.Msg, h Handler, j Job, try int) (err error) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		tick := time.NewTicker(q.cfg.AckWait / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				msg.InProgress()
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return h(ctx, j, try)
}

// Headers of a dead-letter message.
const (
	hdrError      = "Newsgraph-Error"
	hdrDeliveries = "Newsgraph-Deliveries"
	hdrFailed     = "Newsgraph-Failed"
	hdrJobSeq     = "Newsgraph-Job-Seq"
)

// deadLetter copies a job to the dead-letter stream with why it failed.
func (q *Queue) deadLetter(ctx context.Context, msg njs.Msg, try int, cause error) error {
	seq := uint64(0)
	if md, err := msg.Metadata(); err == nil {
		seq = md.Sequence.Stream
	}
	subject := deadSubject + "bad"
	if j, err := decodeJob(msg.Data()); err == nil {
		subject = deadSubject + string(j.Kind)
	}
	dm := &nats.Msg{Subject: subject, Data: msg.Data(), Header: nats.Header{}}
	dm.Header.Set(hdrError, firstLine(cause.Error()))
	dm.Header.Set(hdrDeliveries, strconv.Itoa(try))
	dm.Header.Set(hdrFailed, time.Now().UTC().Format(time.RFC3339))
	dm.Header.Set(hdrJobSeq, strconv.FormatUint(seq, 10))
	// Two workers dead-lettering the same delivery store it once.
	dm.Header.Set(njs.MsgIDHeader, "dead-"+strconv.FormatUint(seq, 10)+"-"+strconv.Itoa(try))
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_, err := q.publishMsg(pctx, dm, "dead letter")
	return err
}

// firstLine is s up to its first newline (a panic's message without its
// stack), at most 1,000 bytes: a header value.
func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			s = s[:i]
			break
		}
	}
	if len(s) > 1000 {
		s = s[:1000]
	}
	return s
}
