package alert

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// MaxFeedEntries is how many alerts, the newest, one Atom feed holds.
const MaxFeedEntries = 100

// atomFeed is an Atom 1.0 feed (RFC 4287): the elements a feed must
// have (id, title, updated, an author) and a self link.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Links     []atomLink `xml:"link"`
	Summary   atomText   `xml:"summary"`
	Content   atomText   `xml:"content"`
}

// Feed describes one watchlist's Atom feed.
type Feed struct {
	// Base is the server's address as the reader reached it
	// ("http://127.0.0.1:8080"), for the feed's and entries' links.
	Base      string
	Watchlist news.Watchlist
	Alerts    []news.Alert // newest first, at most MaxFeedEntries are written
}

// ArticleLink returns the address of an article page that highlights
// the span [start, end) (code points of the contract's text) and scrolls
// to it: /articles/ID?hl=START-END#hl.
func ArticleLink(base string, articleID int64, span *news.AlertSpan) string {
	u := strings.TrimSuffix(base, "/") + "/articles/" + strconv.FormatInt(articleID, 10)
	if span == nil {
		return u
	}
	return u + "?hl=" + strconv.Itoa(span.Start) + "-" + strconv.Itoa(span.End) + "#hl"
}

// WriteAtom writes f as an Atom 1.0 document: one entry per alert, titled
// with the rule and the article's title, its summary the alert's
// explanation, its content the explanation and the sentences, and its
// link the article page with the first sentence highlighted. Entry ids
// are tag URIs of the server's host and the alert's id, so they never
// change.
func WriteAtom(w io.Writer, f Feed) error {
	self := strings.TrimSuffix(f.Base, "/") + "/watchlists/" + strconv.FormatInt(f.Watchlist.ID, 10) + "/feed.atom"
	updated := f.Watchlist.Updated
	alerts := f.Alerts
	if len(alerts) > MaxFeedEntries {
		alerts = alerts[:MaxFeedEntries]
	}
	for _, a := range alerts {
		if a.Created.After(updated) {
			updated = a.Created
		}
	}
	feed := atomFeed{
		ID:        tagURI(f.Base, "watchlist/"+strconv.FormatInt(f.Watchlist.ID, 10)),
		Title:     "newsgraph alerts: " + f.Watchlist.Name,
		Subtitle:  f.Watchlist.Description,
		Updated:   atomTime(updated),
		Author:    atomPerson{Name: "newsgraph"},
		Generator: "newsgraph",
		Links:     []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}},
	}
	for _, a := range alerts {
		feed.Entries = append(feed.Entries, entry(f.Base, a))
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return fmt.Errorf("atom feed: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// entry is one alert as an Atom entry.
func entry(base string, a news.Alert) atomEntry {
	var first *news.AlertSpan
	if len(a.Sentences) > 0 {
		first = &a.Sentences[0]
	}
	title := a.Article.Title
	if title == "" {
		title = sourceName(a.Article.Source)
	}
	var text strings.Builder
	text.WriteString(a.Why)
	for _, s := range a.Sentences {
		text.WriteString("\n\n“" + strings.TrimSpace(s.Text) + "”")
	}
	return atomEntry{
		ID:        tagURI(base, "alert/"+strconv.FormatInt(a.ID, 10)),
		Title:     a.Rule + ": " + title,
		Updated:   atomTime(a.Created),
		Published: atomTime(a.Created),
		Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: ArticleLink(base, a.Article.ID, first)}},
		Summary:   atomText{Type: "text", Body: a.Why},
		Content:   atomText{Type: "text", Body: text.String()},
	}
}

// sourceName names an article without a title by its source: the last
// part of its path or URL ("article.txt").
func sourceName(source string) string {
	trimmed := strings.TrimRight(source, "/")
	if i := strings.LastIndexAny(trimmed, `/\`); i >= 0 && i+1 < len(trimmed) {
		return trimmed[i+1:]
	}
	return source
}

// tagURI is an RFC 4151 tag URI naming thing on base's host.
func tagURI(base, thing string) string {
	host := "localhost"
	if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "tag:" + host + ",2025:newsgraph/" + thing
}

// atomTime is an RFC 3339 time in UTC; the zero time is the Unix epoch,
// so that updated is always a valid date.
func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}
