package jetstream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	njs "github.com/nats-io/nats.go/jetstream"
)

// The names newsgraph gives its streams, subjects, consumer and bucket on
// the NATS server.
const (
	JobsStream   = "NEWSGRAPH_JOBS"
	DeadStream   = "NEWSGRAPH_DEAD"
	jobsSubject  = "newsgraph.jobs."
	deadSubject  = "newsgraph.dead."
	consumerName = "workers"
	leaseBucket  = "newsgraph_leases"
)

// Defaults of Config; each is a flag of newsgraph worker, ingest and serve
// (see their --help).
const (
	DefaultMaxJobs    = 100_000
	DefaultMaxBytes   = 1 << 30
	DefaultDupWindow  = time.Hour
	DefaultAckWait    = 30 * time.Second
	DefaultMaxDeliver = 5
	DefaultBackoff    = 2 * time.Second
	DefaultFullWait   = 250 * time.Millisecond
	DefaultLeaseTTL   = 2 * time.Minute
	// DefaultAlertMaxAge is how long the alert stream keeps an alert.
	DefaultAlertMaxAge = 30 * 24 * time.Hour
)

// Config says where the queue is and bounds it. Zero fields take the
// Default values above.
type Config struct {
	// URL is the NATS server, nats://host:4222 (several, comma-separated,
	// for a cluster).
	URL string
	// MaxJobs and MaxBytes bound the jobs waiting or running; a publisher
	// waits while either is reached.
	MaxJobs  int64
	MaxBytes int64
	// DupWindow is how long the server remembers a job's key to drop the
	// same job published again.
	DupWindow time.Duration
	// AckWait is how long a job may go without an ack or an in-progress
	// signal before it is delivered again (its worker is taken for dead).
	AckWait time.Duration
	// MaxDeliver is the number of tries of a job before it goes to the
	// dead-letter stream.
	MaxDeliver int
	// Backoff is the wait before a failed job's second try; it doubles
	// with each further try, up to AckWait.
	Backoff time.Duration
	// FullWait is how long Publish waits between tries while the stream is
	// full.
	FullWait time.Duration
	// LeaseTTL is how long a feed lease lasts unless renewed.
	LeaseTTL time.Duration
	// AlertMaxAge is how long the alert stream keeps an alert (within
	// MaxBytes, the oldest dropped first); at least DupWindow.
	AlertMaxAge time.Duration
	// Name is the client's name as the server lists it (the worker's host
	// and pid, say).
	Name string
	// Manage makes Open set the streams, the consumer and the lease bucket
	// to this Config's limits (workers do); otherwise Open creates what is
	// missing with them and leaves what exists as it is (publishers and
	// the queue command do), so that one process's defaults never undo the
	// settings the workers run with.
	Manage bool
}

func (c Config) withDefaults() Config {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	dur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxJobs, DefaultMaxJobs)
	def(&c.MaxBytes, DefaultMaxBytes)
	dur(&c.DupWindow, DefaultDupWindow)
	dur(&c.AckWait, DefaultAckWait)
	dur(&c.Backoff, DefaultBackoff)
	dur(&c.FullWait, DefaultFullWait)
	dur(&c.LeaseTTL, DefaultLeaseTTL)
	dur(&c.AlertMaxAge, DefaultAlertMaxAge)
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	return c
}

// Queue is a connection to the work queue. Its methods are safe for
// concurrent use.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     njs.JetStream
	jobs   njs.Stream
	dead   njs.Stream
	cons   njs.Consumer
	leases njs.KeyValue
}

// Open connects to the NATS server at cfg.URL and creates the job and
// dead-letter streams, the workers' consumer and the lease bucket, or
// updates them to cfg's limits. The connection reconnects by itself
// (a restarted server loses no job: the streams are on disk).
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg = cfg.withDefaults()
	if cfg.URL == "" {
		return nil, errors.New("queue: no NATS URL (nats://host:4222)")
	}
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1), nats.ReconnectWait(250*time.Millisecond))
	if err != nil {
		return nil, fmt.Errorf("queue: connect to %s: %w", cfg.URL, err)
	}
	q := &Queue{cfg: cfg, nc: nc}
	if err := q.setUp(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue at %s: %w", cfg.URL, err)
	}
	return q, nil
}

// setUp creates or updates what the queue needs on the server.
func (q *Queue) setUp(ctx context.Context) error {
	js, err := njs.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	q.jobs, err = q.stream(ctx, njs.StreamConfig{
		Name: JobsStream, Subjects: []string{jobsSubject + ">"}, Retention: njs.WorkQueuePolicy,
		MaxMsgs: q.cfg.MaxJobs, MaxBytes: q.cfg.MaxBytes, Discard: njs.DiscardNew,
		Duplicates: q.cfg.DupWindow, Storage: njs.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("job stream: %w", err)
	}
	q.dead, err = q.stream(ctx, njs.StreamConfig{
		Name: DeadStream, Subjects: []string{deadSubject + ">"}, Retention: njs.LimitsPolicy,
		MaxBytes: q.cfg.MaxBytes, Discard: njs.DiscardNew, Duplicates: q.cfg.DupWindow, Storage: njs.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("dead-letter stream: %w", err)
	}
	if _, err := q.stream(ctx, alertsStreamConfig(q.cfg)); err != nil {
		return fmt.Errorf("alert stream: %w", err)
	}
	// The server gives up on a job one delivery after MaxDeliver: that
	// delivery only moves it to the dead-letter stream (see handle).
	q.cons, err = q.consumer(ctx, njs.ConsumerConfig{
		Durable: consumerName, AckPolicy: njs.AckExplicitPolicy, AckWait: q.cfg.AckWait,
		MaxDeliver: q.cfg.MaxDeliver + 1, MaxAckPending: -1,
	})
	if err != nil {
		return fmt.Errorf("workers' consumer: %w", err)
	}
	q.leases, err = q.bucket(ctx, njs.KeyValueConfig{Bucket: leaseBucket, TTL: q.cfg.LeaseTTL, Storage: njs.FileStorage})
	if err != nil {
		return fmt.Errorf("lease bucket: %w", err)
	}
	return nil
}

// stream creates or updates a stream (Manage), or uses the one there is.
func (q *Queue) stream(ctx context.Context, cfg njs.StreamConfig) (njs.Stream, error) {
	if q.cfg.Manage {
		return q.js.CreateOrUpdateStream(ctx, cfg)
	}
	s, err := q.js.Stream(ctx, cfg.Name)
	if errors.Is(err, njs.ErrStreamNotFound) {
		if s, err = q.js.CreateStream(ctx, cfg); errors.Is(err, njs.ErrStreamNameAlreadyInUse) {
			return q.js.Stream(ctx, cfg.Name) // created meanwhile by another process
		}
	}
	return s, err
}

// consumer creates or updates the workers' consumer (Manage), or uses the
// one there is.
func (q *Queue) consumer(ctx context.Context, cfg njs.ConsumerConfig) (njs.Consumer, error) {
	if q.cfg.Manage {
		return q.js.CreateOrUpdateConsumer(ctx, JobsStream, cfg)
	}
	c, err := q.js.Consumer(ctx, JobsStream, cfg.Durable)
	if errors.Is(err, njs.ErrConsumerNotFound) {
		if c, err = q.js.CreateConsumer(ctx, JobsStream, cfg); err != nil {
			return q.js.Consumer(ctx, JobsStream, cfg.Durable)
		}
	}
	return c, err
}

// bucket creates or updates the lease bucket (Manage), or uses the one
// there is.
func (q *Queue) bucket(ctx context.Context, cfg njs.KeyValueConfig) (njs.KeyValue, error) {
	if q.cfg.Manage {
		return q.js.CreateOrUpdateKeyValue(ctx, cfg)
	}
	kv, err := q.js.KeyValue(ctx, cfg.Bucket)
	if errors.Is(err, njs.ErrBucketNotFound) {
		if kv, err = q.js.CreateKeyValue(ctx, cfg); err != nil {
			return q.js.KeyValue(ctx, cfg.Bucket)
		}
	}
	return kv, err
}

// Config returns the queue's settings, defaults filled in.
func (q *Queue) Config() Config { return q.cfg }

// Close drains the connection: acks in flight reach the server.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		return fmt.Errorf("queue: close: %w", err)
	}
	for q.nc.IsDraining() {
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// Publish puts a job on the queue and returns once the server has stored
// it on disk. duplicate is true when the server already had a job with the
// same key (within DupWindow) and dropped this one. While the stream is
// full, Publish waits, trying again every FullWait, until ctx is done: a
// slow store slows publishers instead of losing jobs.
func (q *Queue) Publish(ctx context.Context, j Job) (duplicate bool, err error) {
	if err := j.validate(); err != nil {
		return false, err
	}
	data, err := json.Marshal(j)
	if err != nil {
		return false, fmt.Errorf("queue %s: %w", j.Source, err)
	}
	msg := &nats.Msg{Subject: jobsSubject + string(j.Kind), Data: data, Header: nats.Header{}}
	msg.Header.Set(njs.MsgIDHeader, j.msgID())
	return q.publishMsg(ctx, msg, j.Source)
}

// publishMsg publishes to a stream, waiting while it is full or the server
// is away.
func (q *Queue) publishMsg(ctx context.Context, msg *nats.Msg, source string) (bool, error) {
	for {
		ack, err := q.js.PublishMsg(ctx, msg)
		if err == nil {
			return ack.Duplicate, nil
		}
		if errors.Is(err, nats.ErrMaxPayload) {
			return false, fmt.Errorf("queue %s: a job of %d bytes is over the NATS server's max_payload of %d bytes (raise max_payload in its configuration, or lower --max-bytes): %w",
				source, len(msg.Data)+headerSize(msg.Header), q.nc.MaxPayload(), err)
		}
		if !retryable(err) {
			return false, fmt.Errorf("queue %s: %w", source, err)
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("queue %s: waiting for room in the queue: %w (last: %v)", source, ctx.Err(), err)
		case <-time.After(q.cfg.FullWait):
		}
	}
}

// headerSize is about the bytes msg's headers take on the wire.
func headerSize(h nats.Header) int {
	n := 0
	for k, vs := range h {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// storeFailed is the JetStream error code of a message the stream refused
// to store: "maximum messages exceeded", "maximum bytes exceeded".
const storeFailed = 10077

// retryable reports an error after which the same publish may succeed: a
// full stream, or a server that is restarting.
func retryable(err error) bool {
	var apiErr *njs.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode == storeFailed || apiErr.Code == 503
	}
	return errors.Is(err, njs.ErrNoStreamResponse) || errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, nats.ErrTimeout) || errors.Is(err, nats.ErrConnectionReconnecting)
}

// Depth is the number of jobs waiting or running (delivered, not yet
// acknowledged).
func (q *Queue) Depth(ctx context.Context) (uint64, error) {
	info, err := q.jobs.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue depth: %w", err)
	}
	return info.State.Msgs, nil
}
