package jetstream_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
)

// open connects a queue to srv with small limits for tests.
func open(t *testing.T, srv *jstest.Server, cfg jetstream.Config) *jetstream.Queue {
	t.Helper()
	cfg.URL = srv.URL()
	cfg.Manage = true
	if cfg.Backoff == 0 {
		cfg.Backoff = 20 * time.Millisecond
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := jetstream.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func textJob(i int) jetstream.Job {
	return jetstream.Job{Kind: jetstream.KindExtract, Source: fmt.Sprintf("doc%03d.txt", i), Data: fmt.Appendf(nil, "Article number %d.", i)}
}

// recorder is a handler that counts the tries of each job by source.
type recorder struct {
	mu    sync.Mutex
	tries map[string]int
	order []string
	fail  func(j jetstream.Job, try int) error
}

func (r *recorder) handle(ctx context.Context, j jetstream.Job, try int) error {
	r.mu.Lock()
	if r.tries == nil {
		r.tries = map[string]int{}
	}
	r.tries[j.Source]++
	r.order = append(r.order, fmt.Sprintf("%s#%d", j.Source, try))
	r.mu.Unlock()
	if r.fail != nil {
		return r.fail(j, try)
	}
	return nil
}

func (r *recorder) count(source string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tries[source]
}

func consumeAll(t *testing.T, q *jetstream.Queue, h jetstream.Handler, parallel int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := q.Consume(ctx, h, jetstream.ConsumeOptions{Parallel: parallel, UntilEmpty: true}); err != nil {
		t.Fatalf("consume: %v", err)
	}
}

func TestPublishConsumeAck(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{})
	ctx := context.Background()
	for i := range 10 {
		if dup, err := q.Publish(ctx, textJob(i)); err != nil || dup {
			t.Fatalf("publish %d: dup %v, %v", i, dup, err)
		}
	}
	// The same job again (same key) is dropped by the server.
	if dup, err := q.Publish(ctx, textJob(3)); err != nil || !dup {
		t.Fatalf("publish the same job again: dup %v, %v; want a duplicate", dup, err)
	}
	if n, err := q.Depth(ctx); err != nil || n != 10 {
		t.Fatalf("depth %d, %v; want 10", n, err)
	}
	var r recorder
	consumeAll(t, q, r.handle, 2)
	for i := range 10 {
		if n := r.count(textJob(i).Source); n != 1 {
			t.Errorf("job %d run %d times, want once", i, n)
		}
	}
	if n, _ := q.Depth(ctx); n != 0 {
		t.Errorf("depth after acks %d, want 0", n)
	}
}

func TestBadJobRefused(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{})
	for _, j := range []jetstream.Job{{Kind: "mail", Source: "x"}, {Kind: jetstream.KindFetch, Source: "x"}, {Kind: jetstream.KindExtract, Source: "x"}} {
		if _, err := q.Publish(context.Background(), j); err == nil {
			t.Errorf("publish %+v: no error", j)
		}
	}
}

func TestRedeliveryAfterConsumerDies(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	cfg := jetstream.Config{AckWait: time.Second}
	q := open(t, srv, cfg)
	ctx := context.Background()
	for i := range 3 {
		if _, err := q.Publish(ctx, textJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	// A worker takes a job and dies (its connection goes) before it acks.
	dying := open(t, srv, cfg)
	took := make(chan string, 1)
	dctx, die := context.WithCancel(ctx)
	go dying.Consume(dctx, func(ctx context.Context, j jetstream.Job, try int) error {
		took <- j.Source
		<-ctx.Done()
		select {} // never returns: the process is gone
	}, jetstream.ConsumeOptions{})
	lost := <-took
	die()
	dying.Close()

	var r recorder
	consumeAll(t, q, r.handle, 1)
	for i := range 3 {
		if n := r.count(textJob(i).Source); n != 1 {
			t.Errorf("job %d run %d times by the live worker, want once", i, n)
		}
	}
	found := false
	for _, o := range r.order {
		found = found || o == lost+"#2"
	}
	if !found {
		t.Errorf("the dead worker's job %s was not delivered a second time: %v", lost, r.order)
	}
}

func TestPoisonJobGoesToDeadLetter(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{MaxDeliver: 3, Backoff: 500 * time.Millisecond})
	ctx := context.Background()
	poison := jetstream.Job{Kind: jetstream.KindExtract, Source: "poison.txt", Data: []byte("POISON")}
	if _, err := q.Publish(ctx, poison); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if _, err := q.Publish(ctx, textJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	r := recorder{fail: func(j jetstream.Job, try int) error {
		if string(j.Data) == "POISON" {
			var m map[string]int
			m["boom"]++ // a real panic: nil map
		}
		return nil
	}}
	consumeAll(t, q, r.handle, 1)
	if n := r.count("poison.txt"); n != 3 {
		t.Errorf("poison tried %d times, want 3 (MaxDeliver)", n)
	}
	// The jobs behind the poison ran before its second try.
	second := -1
	for i, o := range r.order {
		if o == "poison.txt#2" {
			second = i
		}
	}
	if second < 21 {
		t.Errorf("the poison's second try came before the other jobs ran: %v", r.order)
	}
	for i := range 20 {
		if n := r.count(textJob(i).Source); n != 1 {
			t.Errorf("job %d run %d times, want once", i, n)
		}
	}
	dead, err := q.Dead(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Job.Source != "poison.txt" || dead[0].Deliveries != 3 || !strings.Contains(dead[0].Error, "panic") {
		t.Fatalf("dead letters %+v, want the poison job after 3 tries with its panic", dead)
	}

	// Replayed after a fix, it runs once more and leaves the dead letters.
	n, err := q.Replay(ctx)
	if err != nil || n != 1 {
		t.Fatalf("replay: %d, %v", n, err)
	}
	var fixed recorder
	consumeAll(t, q, fixed.handle, 1)
	if fixed.count("poison.txt") != 1 {
		t.Errorf("replayed job run %d times, want once", fixed.count("poison.txt"))
	}
	if dead, _ := q.Dead(ctx, 0); len(dead) != 0 {
		t.Errorf("dead letters after replay: %+v", dead)
	}
}

func TestJobDeadAfterWorkersDieOnIt(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	cfg := jetstream.Config{AckWait: 500 * time.Millisecond, MaxDeliver: 2}
	q := open(t, srv, cfg)
	ctx := context.Background()
	if _, err := q.Publish(ctx, textJob(1)); err != nil {
		t.Fatal(err)
	}
	// Two workers die on the job in turn.
	for range 2 {
		w := open(t, srv, cfg)
		took := make(chan struct{}, 1)
		wctx, die := context.WithCancel(ctx)
		go w.Consume(wctx, func(ctx context.Context, j jetstream.Job, try int) error {
			took <- struct{}{}
			select {}
		}, jetstream.ConsumeOptions{})
		<-took
		die()
		w.Close()
	}
	var r recorder
	consumeAll(t, q, r.handle, 1)
	if n := r.count(textJob(1).Source); n != 0 {
		t.Errorf("job run %d times after MaxDeliver deliveries, want 0", n)
	}
	dead, err := q.Dead(ctx, 0)
	if err != nil || len(dead) != 1 || !strings.Contains(dead[0].Error, "without an answer") {
		t.Fatalf("dead letters %+v, %v; want the job, undelivered", dead, err)
	}
}

func TestPublishWaitsWhileFull(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{MaxJobs: 3, FullWait: 10 * time.Millisecond})
	ctx := context.Background()
	for i := range 3 {
		if _, err := q.Publish(ctx, textJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	_, err := q.Publish(short, textJob(3))
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("publish to a full queue: %v; want it to wait until its context ends", err)
	}
	// Once a worker takes jobs off, the waiting publisher gets through.
	published := make(chan error, 1)
	go func() {
		_, err := q.Publish(ctx, textJob(3))
		published <- err
	}()
	var r recorder
	consumeAll(t, q, r.handle, 1)
	if err := <-published; err != nil {
		t.Fatal(err)
	}
	consumeAll(t, q, r.handle, 1)
	for i := range 4 {
		if n := r.count(textJob(i).Source); n != 1 {
			t.Errorf("job %d run %d times, want once", i, n)
		}
	}
}

func TestFeedLeaseIsExclusive(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	cfg := jetstream.Config{LeaseTTL: time.Second}
	a, b := open(t, srv, cfg), open(t, srv, cfg)
	ctx := context.Background()
	const feed = "https://example.com/feed.xml"
	la, err := a.TryLease(ctx, feed, "worker-a")
	if err != nil || la == nil {
		t.Fatalf("first lease: %v, %v", la, err)
	}
	if lb, err := b.TryLease(ctx, feed, "worker-b"); err != nil || lb != nil {
		t.Fatalf("second worker got a held lease: %v, %v", lb, err)
	}
	if err := la.Renew(ctx); err != nil {
		t.Fatal(err)
	}
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := b.TryLease(ctx, feed, "worker-b")
	if err != nil || lb == nil {
		t.Fatalf("lease after release: %v, %v", lb, err)
	}
	// b dies holding it: after LeaseTTL a takes it, and b's renewal fails.
	deadline := time.Now().Add(10 * time.Second)
	for la = nil; la == nil && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if la, err = a.TryLease(ctx, feed, "worker-a"); err != nil {
			t.Fatal(err)
		}
	}
	if la == nil {
		t.Fatal("lease never expired")
	}
	if err := lb.Renew(ctx); err == nil {
		t.Error("a lost lease was renewed")
	}
}

func TestServerRestartLosesNoJob(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{AckWait: time.Second})
	ctx := context.Background()
	for i := range 40 {
		if _, err := q.Publish(ctx, textJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	// A worker runs while the server stops and starts again.
	var r recorder
	var mu sync.Mutex
	restarted := false
	r.fail = func(j jetstream.Job, try int) error {
		mu.Lock()
		defer mu.Unlock()
		if !restarted && r.count(j.Source) == 1 && j.Source == textJob(10).Source {
			restarted = true
			srv.Restart()
		}
		return nil
	}
	pub := make(chan error, 1)
	go func() {
		for i := 40; i < 80; i++ {
			if _, err := q.Publish(ctx, textJob(i)); err != nil {
				pub <- err
				return
			}
		}
		pub <- nil
	}()
	if err := <-pub; err != nil {
		t.Fatal(err)
	}
	consumeAll(t, q, r.handle, 1)
	if !restarted {
		t.Fatal("the server was not restarted")
	}
	for i := range 80 {
		if r.count(textJob(i).Source) == 0 {
			t.Errorf("job %d lost", i)
		}
	}
	if n, _ := q.Depth(ctx); n != 0 {
		t.Errorf("depth %d after all jobs ran", n)
	}
}

func TestPermanentFailureIsDeadAtOnce(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{MaxDeliver: 5})
	ctx := context.Background()
	if _, err := q.Publish(ctx, textJob(1)); err != nil {
		t.Fatal(err)
	}
	r := recorder{fail: func(jetstream.Job, int) error {
		return jetstream.Permanent(errors.New("binary data, not text or HTML"))
	}}
	consumeAll(t, q, r.handle, 1)
	if n := r.count(textJob(1).Source); n != 1 {
		t.Errorf("tried %d times, want once", n)
	}
	if dead, err := q.Dead(ctx, 0); err != nil || len(dead) != 1 || dead[0].Error != "binary data, not text or HTML" {
		t.Errorf("dead letters %+v, %v", dead, err)
	}
}

func TestPublisherKeepsTheWorkersLimits(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	open(t, srv, jetstream.Config{MaxJobs: 2, FullWait: 10 * time.Millisecond})
	ctx := context.Background()
	// A publisher with the default limits opens the queue the workers set.
	pub, err := jetstream.Open(ctx, jetstream.Config{URL: srv.URL(), FullWait: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	for i := range 2 {
		if _, err := pub.Publish(ctx, textJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := pub.Publish(short, textJob(2)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("third job: %v; want a wait for room (the workers' limit of 2 jobs)", err)
	}
}

func TestJobOverMaxPayloadIsOneClearError(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	q := open(t, srv, jetstream.Config{})
	big := jetstream.Job{Kind: jetstream.KindExtract, Source: "big.txt", Data: make([]byte, 2<<20)}
	_, err := q.Publish(context.Background(), big)
	if err == nil || !strings.Contains(err.Error(), "big.txt") || !strings.Contains(err.Error(), "max_payload") {
		t.Fatalf("publish of a job over max_payload: %v", err)
	}
}
