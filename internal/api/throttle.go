package api

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ThrottleConfig sets how Throttle slows down clients that guess the token.
// A zero field takes its Default value.
type ThrottleConfig struct {
	// Free is how many wrong tokens a client may present before it has
	// to wait.
	Free int
	// Backoff is the first wait; each further wrong token doubles it, up
	// to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// Forget is how long after its last wait ends a client's failures
	// are forgotten.
	Forget time.Duration
	// MaxClients bounds the clients remembered; when full, forgotten
	// clients go first, then the one whose record ends soonest.
	MaxClients int
	// Now is the clock (time.Now when nil); tests pass a fake one.
	Now func() time.Time
}

// The defaults of ThrottleConfig: after 5 wrong tokens a client waits 1 s,
// then 2 s, 4 s, ... up to 10 min; an hour after its last wait ends it
// starts afresh; 10,000 clients are remembered at most.
const (
	DefaultLoginFree       = 5
	DefaultLoginBackoff    = time.Second
	DefaultLoginMaxBackoff = 10 * time.Minute
	DefaultLoginForget     = time.Hour
	DefaultLoginClients    = 10000
)

// Throttle counts wrong tokens per client and makes a client that keeps
// guessing wait, doubling the wait with each further wrong token. While a
// client waits, its tokens are not checked at all, right or wrong. A nil
// *Throttle checks tokens without throttling. It is safe for concurrent
// use.
type Throttle struct {
	cfg     ThrottleConfig
	mu      sync.Mutex
	clients map[string]*failures
}

// failures is what a Throttle remembers of one client.
type failures struct {
	n     int       // wrong tokens since the client was last forgotten
	until time.Time // the client waits until then (its last failure when not waiting)
}

// NewThrottle returns a Throttle with cfg's settings, defaults for the
// zero ones. Negative settings are an error.
func NewThrottle(cfg ThrottleConfig) (*Throttle, error) {
	if cfg.Free < 0 || cfg.Backoff < 0 || cfg.MaxBackoff < 0 || cfg.Forget < 0 || cfg.MaxClients < 0 {
		return nil, fmt.Errorf("api: throttle settings must not be negative: %+v", cfg)
	}
	def := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	def(&cfg.Backoff, DefaultLoginBackoff)
	def(&cfg.MaxBackoff, DefaultLoginMaxBackoff)
	def(&cfg.Forget, DefaultLoginForget)
	if cfg.Free == 0 {
		cfg.Free = DefaultLoginFree
	}
	if cfg.MaxClients == 0 {
		cfg.MaxClients = DefaultLoginClients
	}
	if cfg.MaxBackoff < cfg.Backoff {
		return nil, fmt.Errorf("api: the longest back-off (%v) is shorter than the first (%v)", cfg.MaxBackoff, cfg.Backoff)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Throttle{cfg: cfg, clients: map[string]*failures{}}, nil
}

// Check runs match, which compares a token the client presented, unless
// the client must wait. It returns whether match ran and said yes, and,
// when the client must wait, for how long (> 0). A yes forgets the
// client's failures; a no counts one. match runs under t's lock (so that
// concurrent guesses cannot slip past the count): it must be quick.
func (t *Throttle) Check(client string, match func() bool) (ok bool, wait time.Duration) {
	if t == nil {
		return match(), 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.cfg.Now()
	f := t.clients[client]
	if f != nil && now.Before(f.until) {
		return false, f.until.Sub(now)
	}
	if match() {
		delete(t.clients, client)
		return true, 0
	}
	if f == nil || !now.Before(f.until.Add(t.cfg.Forget)) {
		f = t.add(client, now)
	}
	f.n++
	f.until = now.Add(t.backoff(f.n))
	return false, 0
}

// backoff is the wait after the nth wrong token: none for the first Free,
// then Backoff, doubling, capped at MaxBackoff.
func (t *Throttle) backoff(n int) time.Duration {
	over := n - t.cfg.Free
	if over <= 0 {
		return 0
	}
	d := float64(t.cfg.Backoff) * math.Pow(2, float64(over-1))
	if d >= float64(t.cfg.MaxBackoff) {
		return t.cfg.MaxBackoff
	}
	return time.Duration(d)
}

// add starts a fresh record for client, making room first when t
// remembers MaxClients already. The caller holds t.mu.
func (t *Throttle) add(client string, now time.Time) *failures {
	delete(t.clients, client)
	if len(t.clients) >= t.cfg.MaxClients {
		t.evict(now)
	}
	f := &failures{}
	t.clients[client] = f
	return f
}

// evict drops every forgotten client, or, when none is, the client whose
// record would end soonest. The caller holds t.mu.
func (t *Throttle) evict(now time.Time) {
	var soonest string
	var end time.Time
	dropped := false
	for c, f := range t.clients {
		e := f.until.Add(t.cfg.Forget)
		if !now.Before(e) {
			delete(t.clients, c)
			dropped = true
		} else if soonest == "" || e.Before(end) {
			soonest, end = c, e
		}
	}
	if !dropped {
		delete(t.clients, soonest)
	}
}

// Len reports how many clients t remembers.
func (t *Throttle) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.clients)
}

// Client names the client of r for a Throttle: its IP address, or for
// IPv6 its /64 network, which one machine usually holds whole. Behind a
// reverse proxy on the same machine every client is the proxy.
func Client(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return host
	case ip.To4() != nil:
		return ip.To4().String()
	default:
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
}

// RetryAfter is the value of a Retry-After header for wait: whole seconds,
// rounded up.
func RetryAfter(wait time.Duration) string {
	return strconv.FormatInt(int64(math.Ceil(wait.Seconds())), 10)
}

// tooManyTries is the error for a client that must wait before its token
// is checked again.
func tooManyTries(w http.ResponseWriter, wait time.Duration) *Error {
	w.Header().Set("Retry-After", RetryAfter(wait))
	return &Error{Status: http.StatusTooManyRequests, Code: "too_many_tries",
		Message: "too many wrong tokens from this address: try again in " + RetryAfter(wait) + " s"}
}
