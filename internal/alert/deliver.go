package alert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
)

// Delivery states of an outbox entry.
const (
	StatePending   = "pending"   // waiting for its next try
	StateDelivered = "delivered" // a try got a 2xx answer
	StateFailed    = "failed"    // given up: MaxAttempts tries, a refusal, or the outbox was full
)

// Delivery is one alert waiting in the outbox to be POSTed to a webhook.
type Delivery struct {
	AlertID  int64  // the idempotency key
	URL      string // the webhook's URL
	Secret   string // the HMAC key; "" signs with the empty key
	Payload  []byte // the JSON body, the same on every try
	Attempts int    // tries made before this one
}

// Outcome is what one try of a delivery came to, for the outbox to record.
type Outcome struct {
	AlertID  int64
	Attempts int       // tries made, this one included
	State    string    // StateDelivered, StatePending (try again at Next) or StateFailed
	Next     time.Time // the next try, when State is StatePending
	Error    string    // why this try failed; "" when delivered
}

// Outbox is the queue of deliveries, kept in the store so that they
// survive restarts. Implementations: internal/sqlite and internal/postgres
// (DB.ClaimDeliveries, DB.RecordDelivery).
type Outbox interface {
	// ClaimDeliveries returns at most n pending deliveries due at now,
	// oldest first, at most one per webhook and none of a webhook that
	// has one claimed, and holds each for lease: no other claim returns
	// it, nor another of its webhook, until now+lease or its outcome is
	// recorded. So two deliverers never send one alert at once, a
	// webhook that hangs holds one worker, not all, and a deliverer
	// killed while sending leaves it due again after the lease (at least
	// once).
	ClaimDeliveries(ctx context.Context, now time.Time, n int, lease time.Duration) ([]Delivery, error)
	// RecordDelivery records the outcome of a try.
	RecordDelivery(ctx context.Context, o Outcome) error
	// TrimOutbox bounds the queue: when more than max deliveries to one
	// webhook URL are pending, the oldest of them are marked failed
	// ("outbox full"). It returns how many it gave up.
	TrimOutbox(ctx context.Context, max int) (int, error)
}

// Config sets the deliverer's limits.
type Config struct {
	// MaxAttempts is how many tries a delivery gets before it is marked
	// failed.
	MaxAttempts int
	// Backoff is the wait after the first failed try; it doubles after
	// each further one, up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// Timeout bounds one try (connecting, sending, the answer).
	Timeout time.Duration
	// Workers is how many deliveries are sent at once.
	Workers int
	// Poll is how often the outbox is read when it had nothing due.
	Poll time.Duration
	// MaxQueue bounds the deliveries waiting for one webhook URL; the
	// oldest beyond it are given up (see Outbox.TrimOutbox).
	MaxQueue int
	// AllowPrivate lets webhooks reach loopback, private and link-local
	// addresses (refused by default, as in ingest: SSRF).
	AllowPrivate bool
	// UserAgent is sent with every request.
	UserAgent string
	// Log receives a line per failed try; nil discards them.
	Log *log.Logger
}

// Defaults of Config.
const (
	DefaultMaxAttempts = 8
	DefaultBackoff     = 30 * time.Second
	DefaultMaxBackoff  = time.Hour
	DefaultTimeout     = 10 * time.Second
	DefaultWorkers     = 4
	DefaultPoll        = 2 * time.Second
	DefaultMaxQueue    = 10000
)

// DefaultConfig returns the default limits: 8 tries, 30 s after the
// first failure doubling up to an hour (about 64 minutes from the first
// try to the last), 10 s per try, 4 at once, the outbox read every 2 s.
func DefaultConfig() Config {
	return Config{MaxAttempts: DefaultMaxAttempts, Backoff: DefaultBackoff, MaxBackoff: DefaultMaxBackoff,
		Timeout: DefaultTimeout, Workers: DefaultWorkers, Poll: DefaultPoll, MaxQueue: DefaultMaxQueue,
		UserAgent: "newsgraph-webhook/0.1 (+https://github.com/newsgraph/newsgraph)"}
}

// Check returns an error naming the first limit that is not positive.
func (c Config) Check() error {
	switch {
	case c.MaxAttempts <= 0:
		return errors.New("webhook tries must be positive")
	case c.Backoff <= 0 || c.MaxBackoff < c.Backoff:
		return errors.New("webhook back-off must be positive and its maximum no shorter")
	case c.Timeout <= 0 || c.Workers <= 0 || c.Poll <= 0 || c.MaxQueue <= 0:
		return errors.New("webhook timeout, workers, poll interval and queue must be positive")
	}
	return nil
}

// Deliverer POSTs the outbox's deliveries to their webhooks, signed (see
// Sign), on its own goroutines: storing an alert only adds it to the
// outbox, so a slow or dead receiver never slows ingest.
type Deliverer struct {
	cfg    Config
	outbox Outbox
	client *http.Client
	now    func() time.Time
	wake   chan struct{}
}

// NewDeliverer returns a deliverer of outbox's deliveries with cfg's
// limits, or an error when a limit is not positive.
func NewDeliverer(outbox Outbox, cfg Config) (*Deliverer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultConfig().UserAgent
	}
	client := &http.Client{
		Transport: fetch.GuardedTransport(cfg.AllowPrivate, cfg.Timeout),
		Timeout:   cfg.Timeout,
		// A redirect is an answer, not a delivery: following it would
		// send the alert where the watchlist did not say.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &Deliverer{cfg: cfg, outbox: outbox, client: client, now: time.Now, wake: make(chan struct{}, 1)}, nil
}

// Lease is how long a claimed delivery is held: a try's timeout and a
// margin. A deliverer killed while sending leaves it due again after this.
func (d *Deliverer) Lease() time.Duration { return d.cfg.Timeout + 5*time.Second }

// Wake makes Run read the outbox now rather than at its next poll (after
// this process enqueued something). It never blocks.
func (d *Deliverer) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Run delivers until ctx is done, then waits for the tries in flight to
// end (they are cut short by ctx) and returns. Errors of the outbox are
// logged and retried at the next poll.
func (d *Deliverer) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	slots := make(chan struct{}, d.cfg.Workers)
	var trimmed time.Time
	for ctx.Err() == nil {
		if now := d.now(); now.Sub(trimmed) >= d.cfg.Poll {
			d.trim(ctx)
			trimmed = now
		}
		n := d.cfg.Workers - len(slots)
		var claimed []Delivery
		if n > 0 {
			var err error
			claimed, err = d.outbox.ClaimDeliveries(ctx, d.now(), n, d.Lease())
			if err != nil && ctx.Err() == nil {
				d.logf("webhook outbox: %v", err)
			}
		}
		for _, dl := range claimed {
			slots <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				d.deliver(ctx, dl)
			}()
		}
		if len(claimed) == n && n > 0 {
			continue // there may be more due
		}
		select {
		case <-ctx.Done():
		case <-d.wake:
		case <-time.After(d.cfg.Poll):
		}
	}
}

// trim bounds the outbox (Config.MaxQueue), logging what it gave up.
func (d *Deliverer) trim(ctx context.Context) {
	dropped, err := d.outbox.TrimOutbox(ctx, d.cfg.MaxQueue)
	switch {
	case err != nil && ctx.Err() == nil:
		d.logf("webhook outbox: %v", err)
	case dropped > 0:
		d.logf("webhook outbox: %d deliveries given up, more than %d were waiting for one URL", dropped, d.cfg.MaxQueue)
	}
}

// deliver makes one try of dl and records its outcome. A try cut short
// because ctx ended records nothing: the lease makes it due again.
func (d *Deliverer) deliver(ctx context.Context, dl Delivery) {
	err := d.Send(ctx, dl)
	if ctx.Err() != nil && err != nil {
		return
	}
	o := d.outcome(dl, err)
	if err != nil {
		d.logf("webhook %s, alert %d, try %d of %d: %v", dl.URL, dl.AlertID, o.Attempts, d.cfg.MaxAttempts, err)
	}
	rec, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := d.outbox.RecordDelivery(rec, o); err != nil {
		d.logf("webhook outbox: alert %d: %v", dl.AlertID, err)
	}
}

// outcome says what a try that ended with err (nil: delivered) leads to.
func (d *Deliverer) outcome(dl Delivery, err error) Outcome {
	o := Outcome{AlertID: dl.AlertID, Attempts: dl.Attempts + 1}
	switch {
	case err == nil:
		o.State = StateDelivered
	case !Retryable(err) || o.Attempts >= d.cfg.MaxAttempts:
		o.State, o.Error = StateFailed, err.Error()
	default:
		o.State, o.Error = StatePending, err.Error()
		o.Next = d.now().Add(Backoff(d.cfg.Backoff, d.cfg.MaxBackoff, o.Attempts))
	}
	return o
}

// Backoff returns the wait after the attempts-th failed try: first
// doubled attempts-1 times, at most max.
func Backoff(first, max time.Duration, attempts int) time.Duration {
	d := first
	for i := 1; i < attempts && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// StatusError is a webhook's answer that is not a 2xx.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return "HTTP " + strconv.Itoa(e.Code) + " " + http.StatusText(e.Code)
}

// Retryable reports whether a try that failed with err is worth another:
// every failure is, but a refused address or URL, and a 4xx answer other
// than 408 (timeout) and 429 (too many requests), which say the receiver
// will not take it.
func Retryable(err error) bool {
	if errors.Is(err, fetch.ErrBlockedAddress) || errors.Is(err, fetch.ErrScheme) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusRequestTimeout || se.Code == http.StatusTooManyRequests || se.Code < 400
	}
	return true
}

// Send makes one try: it POSTs dl's payload to dl's URL, signed with a
// fresh timestamp, and returns nil on a 2xx answer. The URL is checked as
// ingest checks feeds' (no loopback, private or link-local address unless
// AllowPrivate), before and while dialling.
func (d *Deliverer) Send(ctx context.Context, dl Delivery) error {
	if _, err := fetch.CheckURL(dl.URL, d.cfg.AllowPrivate); err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dl.URL, bytes.NewReader(dl.Payload))
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	ts := d.now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", d.cfg.UserAgent)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign(dl.Secret, ts, dl.Payload))
	req.Header.Set(HeaderIdempotencyKey, strconv.FormatInt(dl.AlertID, 10))
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &StatusError{Code: resp.StatusCode}
	}
	return nil
}

func (d *Deliverer) logf(format string, args ...any) {
	if d.cfg.Log != nil {
		d.cfg.Log.Printf(format, args...)
	}
}
