package fetch

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// dialControl returns a net.Dialer Control function that refuses to
// connect to an address isBlocked reports. It runs on the address actually
// dialled, after DNS, so that a name resolving to 127.0.0.1 or a redirect
// to a private address is refused as well.
func dialControl(isBlocked func(net.IP) bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || isBlocked(ip) {
			return fmt.Errorf("%s: %w", host, ErrBlockedAddress)
		}
		return nil
	}
}

// checkHostWith refuses localhost names and literal addresses isBlocked
// reports, before any dial.
func checkHostWith(u *url.URL, isBlocked func(net.IP) bool) error {
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return fmt.Errorf("%s: %w", host, ErrBlockedAddress)
	}
	if ip := net.ParseIP(host); ip != nil && isBlocked(ip) {
		return fmt.Errorf("%s: %w", host, ErrBlockedAddress)
	}
	return nil
}

// CheckURL parses raw and refuses it, with an error wrapping ErrScheme or
// ErrBlockedAddress, unless it is an absolute http or https URL whose host
// is not localhost nor a literal loopback, private or link-local address
// (allowPrivate lifts that second check). It is the early check of a URL
// given by a user (a webhook's); GuardedTransport checks the address
// actually dialled.
func CheckURL(raw string, allowPrivate bool) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%q: %w", raw, ErrScheme)
	}
	if allowPrivate {
		return u, nil
	}
	if err := checkHostWith(u, blocked); err != nil {
		return nil, err
	}
	return u, nil
}

// GuardedTransport returns an HTTP transport for requests to URLs that
// others chose (webhooks), with the same SSRF guard as Client: it never
// connects to a loopback, private or link-local address (checked after
// DNS, on every dial) unless allowPrivate, and never goes through an
// environment proxy. timeout bounds the TLS handshake and the wait for the
// response headers.
func GuardedTransport(allowPrivate bool, timeout time.Duration) *http.Transport {
	dialer := &net.Dialer{Timeout: min(timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = dialControl(blocked)
	}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   min(timeout, 10*time.Second),
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       60 * time.Second,
	}
}
