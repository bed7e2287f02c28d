// Package feed reads RSS and Atom feeds (with github.com/mmcdole/gofeed)
// into the items newsgraph fetches: each item's link, title and date, up
// to a cap of items per poll.
package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// ErrNotFeed means the data is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// Item is one entry of a feed.
type Item struct {
	Link      string // absolute URL of the article
	Title     string
	Published time.Time // zero when the feed gives no date
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
	// More reports that the feed has items after the ones read, which the
	// cap on items per poll left out.
	More bool
}

// DefaultMaxItems is the number of items read from one poll of a feed when
// no other cap is set. Feeds list their newest items first; a feed of
// 100,000 items would otherwise take seconds and hundreds of megabytes.
const DefaultMaxItems = 500

// Looks reports whether a response is probably a feed, from its
// Content-Type or its first bytes, without parsing it.
func Looks(contentType string, data []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "rss") || strings.Contains(ct, "atom") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(head, []byte("<rss")) || bytes.HasPrefix(head, []byte("<feed")) || bytes.HasPrefix(head, []byte("<rdf:rdf")) {
		return true
	}
	if bytes.HasPrefix(head, []byte("<?xml")) {
		return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf"))
	}
	return false
}

// Parse is ParseMax with DefaultMaxItems.
func Parse(base string, data []byte) (*Feed, error) {
	return ParseMax(base, data, DefaultMaxItems)
}

// ParseMax reads the first maxItems items of a feed fetched from base (to
// resolve relative links); maxItems <= 0 means DefaultMaxItems. Items
// without a usable http(s) link, or with the link of an earlier item, are
// left out, so a feed may give fewer; the order is the feed's.
//
// An RSS or Atom feed is read as a stream of XML tokens up to the end of
// its maxItems-th item, and only those items are parsed: the time and
// memory spent grow with maxItems, not with the size of the feed. (A JSON
// feed is parsed whole, then cut.)
func ParseMax(base string, data []byte, maxItems int) (*Feed, error) {
	if maxItems <= 0 {
		maxItems = DefaultMaxItems
	}
	prefix, more := firstItems(data, maxItems)
	f, err := gofeed.NewParser().Parse(bytes.NewReader(prefix))
	if err != nil && more {
		// The scan and gofeed disagree on where the items end: read it all.
		prefix, more = data, false
		f, err = gofeed.NewParser().Parse(bytes.NewReader(prefix))
	}
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("parse feed: %s", strings.Join(strings.Fields(err.Error()), " "))
	}
	if len(f.Items) > maxItems {
		f.Items, more = f.Items[:maxItems], true
	}
	out := &Feed{Title: strings.TrimSpace(f.Title), More: more}
	out.Items = items(base, f.Items)
	if len(out.Items) == 0 && !more {
		// gofeed forgives broken XML; a feed that yields nothing is
		// checked, so that a broken one is reported, not taken as empty
		// (one with items after the cap is not empty: its first items
		// have no links).
		if err := wellFormed(prefix); err != nil {
			return nil, fmt.Errorf("parse feed: invalid XML: %w", err)
		}
	}
	return out, nil
}

// items converts gofeed's items to Items, resolving links against base
// and leaving out items without a usable link and repeated links.
func items(base string, in []*gofeed.Item) []Item {
	baseURL, _ := url.Parse(base)
	var out []Item
	seen := map[string]bool{}
	for _, it := range in {
		if it == nil {
			continue
		}
		link := resolve(baseURL, it.Link)
		if link == "" {
			for _, l := range it.Links {
				if link = resolve(baseURL, l); link != "" {
					break
				}
			}
		}
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		item := Item{Link: link, Title: strings.Join(strings.Fields(it.Title), " ")}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		out = append(out, item)
	}
	return out
}

func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// ReadList reads a list of feeds: one URL per line; blank lines and lines
// starting with # are skipped.
func ReadList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("line %d: %q is not an http or https URL", n, line)
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

// wellFormed reports the first XML syntax error in data.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charset.NewReaderLabel
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
