package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dawn</title>
<item><title>IS denied</title><link>https://news.example/a</link><pubDate>Mon, 16 Feb 2015 10:00:00 +0500</pubDate></item>
<item><title>  Relative
 link </title><link>/b?x=1</link></item>
<item><title>No link</title></item>
<item><title>Bad scheme</title><link>javascript:alert(1)</link></item>
<item><title>Again</title><link>https://news.example/a</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Atom one</title><link href="https://wire.example/1"/><updated>2015-02-17T08:00:00Z</updated></entry>
</feed>`

func TestParse(t *testing.T) {
	f, err := Parse("https://news.example/feed.xml", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Dawn" || len(f.Items) != 2 {
		t.Fatalf("got %q with %d items, want Dawn with 2: %+v", f.Title, len(f.Items), f.Items)
	}
	want0 := Item{Link: "https://news.example/a", Title: "IS denied", Published: time.Date(2015, 2, 16, 5, 0, 0, 0, time.UTC)}
	if f.Items[0] != want0 {
		t.Errorf("item 0: got %+v, want %+v", f.Items[0], want0)
	}
	if f.Items[1].Link != "https://news.example/b?x=1" || f.Items[1].Title != "Relative link" || !f.Items[1].Published.IsZero() {
		t.Errorf("item 1: got %+v", f.Items[1])
	}
	f, err = Parse("https://wire.example/atom", []byte(atom))
	if err != nil || len(f.Items) != 1 || f.Items[0].Link != "https://wire.example/1" || f.Items[0].Published.IsZero() {
		t.Errorf("atom: got %+v, %v", f, err)
	}
}

func TestParseHostile(t *testing.T) {
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>K\xf6ln</title>" +
		"<item><title>Caf\xe9</title><link>https://x.example/1</link></item></channel></rss>"
	f, err := Parse("https://x.example/", []byte(latin1))
	if err != nil || f.Title != "Köln" || len(f.Items) != 1 || f.Items[0].Title != "Café" {
		t.Errorf("ISO-8859-1 feed: got %+v, %v; want Köln with item Café", f, err)
	}
	for name, data := range map[string]string{
		"invalid XML":  `<?xml version="1.0"?><rss><channel><item><title>x</title><link>https://x/</link></item>`,
		"broken tags":  `<rss version="2.0"><channel><item><title>a</titl></item></channel></rss>`,
		"html":         `<html><body><p>not a feed</p></body></html>`,
		"empty":        ``,
		"binary":       "\x00\x01\x02\x03",
		"entity bomb":  `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title></channel></rss>`,
		"deep nesting": "<rss><channel>" + strings.Repeat("<x>", 10000) + "</channel></rss>",
		"stray end tags": "<rss><channel>" + strings.Repeat("<x>", 100000) + strings.Repeat("</y>", 100000) +
			strings.Repeat("<item><link>https://x.example/</link></item>", 600) + "</channel></rss>",
	} {
		t.Run(name, func(t *testing.T) {
			// speed on such input is held by BenchmarkParse, not by a clock here
			f, err := Parse("https://x.example/", []byte(data))
			if err == nil && len(f.Items) > 0 {
				t.Errorf("got %d items from a broken feed", len(f.Items))
			}
		})
	}
	if _, err := Parse("", []byte("<html><body>x</body></html>")); !errors.Is(err, ErrNotFeed) {
		t.Errorf("html: got %v, want ErrNotFeed", err)
	}
}

func TestLooks(t *testing.T) {
	cases := []struct {
		ct, body string
		want     bool
	}{
		{"application/rss+xml", "", true},
		{"application/atom+xml; charset=utf-8", "", true},
		{"text/xml", `<?xml version="1.0"?>` + "\n<rss version=\"2.0\">", true},
		{"", "\ufeff<feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
		{"text/html", "<!doctype html><html>", false},
		{"text/xml", `<?xml version="1.0"?><sitemap/>`, false},
	}
	for _, c := range cases {
		if got := Looks(c.ct, []byte(c.body)); got != c.want {
			t.Errorf("Looks(%q, %q) = %v, want %v", c.ct, c.body, got, c.want)
		}
	}
}

func TestReadList(t *testing.T) {
	got, err := ReadList(strings.NewReader("# my feeds\n\nhttps://a.example/rss\n  http://b.example/atom  \n"))
	if err != nil || len(got) != 2 || got[1] != "http://b.example/atom" {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := ReadList(strings.NewReader("https://a.example/rss\nfile:///etc/passwd\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: got %v, want an error naming line 2", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(atom))
	f.Add([]byte(`<rss><channel><item><link>//x</link></item></channel></rss>`))
	f.Add([]byte(`<rss><channel><item><link>https://x/1</link></item><item><link>https://x/2</link></item><item><link>https://x/3</link></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse("https://base.example/feed", data)
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Errorf("item link %q is not http(s)", it.Link)
			}
		}
		// The first two items are the first two of the whole feed.
		two, err := ParseMax("https://base.example/feed", data, 2)
		if err != nil {
			t.Fatalf("capped at 2: %v; whole: %d items", err, len(feed.Items))
		}
		for i := range two.Items {
			if i >= len(feed.Items) || two.Items[i] != feed.Items[i] {
				t.Fatalf("capped at 2: item %d is %+v; whole: %+v", i, two.Items[i], feed.Items)
			}
		}
	})
}
