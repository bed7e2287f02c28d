package fetch

import "net"

// NewWithGuard returns a client whose address guard is blocked, so that
// tests on loopback servers can treat 127.0.0.1 as public and still see
// the guard refuse other addresses.
func NewWithGuard(cfg Config, blocked func(net.IP) bool) *Client {
	c := New(cfg)
	c.blocked = blocked
	return c
}

var Blocked = blocked
