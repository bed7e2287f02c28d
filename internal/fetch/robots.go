package fetch

import (
	"bufio"
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Robots is the part of a robots.txt that applies to newsgraph: the rules
// of the group naming its product token, else those of "*".
type Robots struct {
	rules []robotsRule
	// Delay is the group's Crawl-delay: the least time between two
	// requests to the site (at most maxCrawlDelay).
	Delay time.Duration
}

// maxCrawlDelay caps a site's Crawl-delay, so that a hostile robots.txt
// cannot stall a run.
const maxCrawlDelay = 30 * time.Second

type robotsRule struct {
	allow   bool
	pattern string
}

// robotsToken is the product token matched against User-agent lines.
const robotsToken = "newsgraph"

// ParseRobots reads a robots.txt (RFC 9309): groups of User-agent lines
// followed by Allow and Disallow rules; * matches any characters and a
// final $ anchors the end.
func ParseRobots(data []byte) *Robots {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
				inAgents = true
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && value == "") {
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		case "crawl-delay":
			inAgents = false
			if secs, err := strconv.ParseFloat(value, 64); err == nil && cur != nil && secs > 0 {
				cur.delay = min(time.Duration(secs*float64(time.Second)), maxCrawlDelay)
			}
		default:
			inAgents = false
		}
	}
	r := &Robots{}
	var star []robotsRule
	var starDelay time.Duration
	found := false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star = append(star, g.rules...)
				starDelay = max(starDelay, g.delay)
			case a != "" && (strings.Contains(robotsToken, a) || strings.HasPrefix(a, robotsToken)):
				r.rules = append(r.rules, g.rules...)
				r.Delay = max(r.Delay, g.delay)
				found = true
			}
		}
	}
	if !found {
		r.rules, r.Delay = star, starDelay
	}
	return r
}

// Allowed reports whether path (with its query) may be fetched: the
// longest matching rule wins, Allow on a tie, everything without a rule.
func (r *Robots) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if robotsMatch(rule.pattern, path) {
			n := len(rule.pattern)
			if n > best || (n == best && rule.allow) {
				best, allow = n, rule.allow
			}
		}
	}
	return allow
}

func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	if strings.Count(pattern, "*") > 8 {
		return false // no real rule needs more; a hostile one would be slow
	}
	return glob(pattern, path, anchored)
}

// glob matches pattern against the start of s (all of s when anchored).
func glob(p, s string, anchored bool) bool {
	for len(p) > 0 {
		if p[0] == '*' {
			p = p[1:]
			for i := 0; i <= len(s); i++ {
				if glob(p, s[i:], anchored) {
					return true
				}
			}
			return false
		}
		if len(s) == 0 || s[0] != p[0] {
			return false
		}
		p, s = p[1:], s[1:]
	}
	return !anchored || s == ""
}

// robotsFor returns the rules for u's site, fetching robots.txt once per
// scheme and host. A missing robots.txt (4xx) allows everything; so does
// one that cannot be fetched (network error, 5xx), since a site whose
// robots.txt is down usually has its pages down too and they fail anyway.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) *Robots {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.robots[key]
	if !ok {
		e = &robotsEntry{}
		c.robots[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		if resp, err := c.once(ctx, ru.String(), Conditional{}); err == nil {
			e.rules = ParseRobots(resp.Body)
		}
	})
	return e.rules
}
