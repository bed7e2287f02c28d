// Package fetch is the one HTTP client newsgraph fetches pages and feeds
// with. It is polite (a User-Agent that names the tool, robots.txt
// honoured, a per-host concurrency limit, retries with back-off, and
// conditional requests for feeds) and defensive (timeouts, a body size
// limit, a redirect limit, and a guard that refuses loopback, private and
// link-local addresses unless AllowPrivate is set, so that a feed cannot
// make newsgraph fetch from the machine's own network).
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	"golang.org/x/net/html/charset"
)

// Errors of Get, tested with errors.Is.
var (
	ErrBlockedAddress   = errors.New("refused: the address is loopback, private or link-local (use --allow-private to allow it)")
	ErrRobots           = errors.New("disallowed by the site's robots.txt")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrScheme           = errors.New("only http and https URLs can be fetched")
)

// StatusError is an HTTP response that is not a success.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Config sets the client's limits.
type Config struct {
	UserAgent    string
	Timeout      time.Duration // whole request, body included
	MaxBytes     int64         // largest body accepted
	PerHost      int           // requests in flight to one host
	Retries      int           // extra attempts after a network error, 429 or 5xx
	Backoff      time.Duration // first retry delay, doubled each time
	MaxRedirects int
	AllowPrivate bool // allow loopback, private and link-local addresses
	IgnoreRobots bool
}

// DefaultConfig returns polite, defensive limits.
func DefaultConfig() Config {
	return Config{
		UserAgent:    "newsgraph/0.1 (+https://github.com/newsgraph/newsgraph)",
		Timeout:      30 * time.Second,
		MaxBytes:     10 << 20,
		PerHost:      2,
		Retries:      2,
		Backoff:      500 * time.Millisecond,
		MaxRedirects: 5,
	}
}

// Client fetches URLs. It is safe for concurrent use.
type Client struct {
	cfg     Config
	blocked func(net.IP) bool // the address guard; a field so tests can move it
	http    *http.Client
	mu      sync.Mutex
	hosts   map[string]chan struct{}
	next    map[string]time.Time // earliest next request per host (Crawl-delay)
	robots  map[string]*robotsEntry
}

type robotsEntry struct {
	once  sync.Once
	rules *Robots
}

// New returns a client with cfg's limits.
func New(cfg Config) *Client {
	d := DefaultConfig()
	if cfg.UserAgent == "" {
		cfg.UserAgent = d.UserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = d.Timeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = d.MaxBytes
	}
	if cfg.PerHost <= 0 {
		cfg.PerHost = d.PerHost
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = d.MaxRedirects
	}
	c := &Client{cfg: cfg, blocked: blocked, hosts: map[string]chan struct{}{}, next: map[string]time.Time{}, robots: map[string]*robotsEntry{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		// The check runs on the address actually dialled, after DNS, so
		// that a name resolving to 127.0.0.1 or a redirect to a private
		// address is refused as well.
		dialer.Control = dialControl(func(ip net.IP) bool { return c.blocked(ip) })
	}
	transport := &http.Transport{
		Proxy:                 nil, // never route through an environment proxy
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConnsPerHost:   cfg.PerHost,
		IdleConnTimeout:       60 * time.Second,
	}
	c.http = &http.Client{
		Transport: transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, cfg.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrScheme)
			}
			return c.checkHost(req.URL)
		},
	}
	return c
}

// blockedNets are special ranges that net.IP's predicates do not cover.
var blockedNets = func() []*net.IPNet {
	var out []*net.IPNet
	for _, s := range []string{"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4", "64:ff9b::/96"} {
		_, n, _ := net.ParseCIDR(s)
		out = append(out, n)
	}
	return out
}()

func blocked(ip net.IP) bool {
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, n := range blockedNets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// checkHost refuses literal blocked addresses early, before any dial.
func (c *Client) checkHost(u *url.URL) error {
	if c.cfg.AllowPrivate {
		return nil
	}
	return checkHostWith(u, c.blocked)
}

// Response is a fetched document.
type Response struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool   // 304 to a conditional request; Body is empty
	Body         []byte // as sent
}

// Text returns the body as UTF-8 when it is not UTF-8 and the
// Content-Type declares its charset; otherwise the body as it is, for the
// reader to decode (it also looks at <meta charset> and byte-order marks).
// Feeds are parsed from Body: XML declares its own encoding.
func (r *Response) Text() []byte { return toUTF8(r.Body, r.ContentType) }

// Conditional holds the validators of a previous response.
type Conditional struct {
	ETag, LastModified string
}

// Get fetches rawURL. It honours robots.txt, retries network errors, 429
// and 5xx with back-off, and refuses bodies over MaxBytes.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, ErrScheme)
	}
	if err := c.checkHost(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if !c.cfg.IgnoreRobots {
		r := c.robotsFor(ctx, u)
		path := u.EscapedPath()
		if u.RawQuery != "" {
			path += "?" + u.RawQuery
		}
		if r != nil && !r.Allowed(path) {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, ErrRobots)
		}
		if r != nil && r.Delay > 0 {
			if err := c.pace(ctx, u.Host, r.Delay); err != nil {
				return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
			}
		}
	}
	return c.get(ctx, u.String(), cond)
}

func (c *Client) get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	var lastErr error
	for attempt := 0; attempt <= c.cfg.Retries; attempt++ {
		if attempt > 0 {
			if err := Sleep(ctx, c.backoff(attempt, lastErr)); err != nil {
				return nil, fmt.Errorf("fetch %s: %w", rawURL, lastErr)
			}
		}
		resp, err := c.once(ctx, rawURL, cond)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if !retryable(ctx, err) {
			break
		}
	}
	return nil, fmt.Errorf("fetch %s: %w", rawURL, lastErr)
}

type retryAfterError struct {
	*StatusError
	after time.Duration
}

func (e *retryAfterError) Unwrap() error { return e.StatusError }

func (c *Client) backoff(attempt int, err error) time.Duration {
	d := c.cfg.Backoff << (attempt - 1)
	var ra *retryAfterError
	if errors.As(err, &ra) && ra.after > d {
		d = ra.after
	}
	return min(d, 30*time.Second)
}

func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, ErrBlockedAddress) || errors.Is(err, ErrTooManyRedirects) ||
		errors.Is(err, news.ErrTooLarge) || errors.Is(err, ErrScheme) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) {
		return false // a slow server stays slow; do not wait for it twice
	}
	return true
}

// Sleep waits d, or until ctx is done, and returns ctx's error then.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// pace waits until delay has passed since the last request to host that
// pace let through (the site's Crawl-delay).
func (c *Client) pace(ctx context.Context, host string, delay time.Duration) error {
	c.mu.Lock()
	now := time.Now()
	next := c.next[host]
	if next.Before(now) {
		next = now
	}
	c.next[host] = next.Add(delay)
	c.mu.Unlock()
	return Sleep(ctx, next.Sub(now))
}

// hostSlot waits for a free slot for u's host and returns its release.
func (c *Client) hostSlot(ctx context.Context, host string) (func(), error) {
	c.mu.Lock()
	sem, ok := c.hosts[host]
	if !ok {
		sem = make(chan struct{}, c.cfg.PerHost)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (c *Client) once(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	release, err := c.hostSlot(ctx, req.URL.Host)
	if err != nil {
		return nil, err
	}
	defer release()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"), ETag: resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		se := &StatusError{Code: resp.StatusCode, Status: resp.Status}
		if s := resp.Header.Get("Retry-After"); s != "" {
			if n, err := strconv.Atoi(s); err == nil && n >= 0 {
				return nil, &retryAfterError{se, time.Duration(n) * time.Second}
			}
		}
		return nil, se
	}
	if resp.ContentLength > c.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes announced, the limit is %d", news.ErrTooLarge, resp.ContentLength, c.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > c.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: larger than %d bytes", news.ErrTooLarge, c.cfg.MaxBytes)
	}
	out.Body = body
	return out, nil
}

func toUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	_, params, _ := strings.Cut(contentType, "charset=")
	name := strings.Trim(strings.TrimSpace(strings.Split(params, ";")[0]), `"'`)
	if name == "" {
		return body
	}
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return body
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return body
	}
	return out
}
