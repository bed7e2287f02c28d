package feed

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bigRSS is an RSS 2.0 feed of n items, item i linking to /story/i.
func bigRSS(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0"><channel><title>Big</title>` + "\n")
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Story %d</title><link>https://news.example/story/%d</link>"+
			"<pubDate>Mon, 16 Feb 2015 10:00:00 +0500</pubDate></item>\n", i, i)
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

func TestParseCapsItems(t *testing.T) {
	data := bigRSS(100_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := Parse("https://news.example/feed.xml", data)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != DefaultMaxItems || !f.More {
		t.Fatalf("got %d items (more: %v), want the first %d and more", len(f.Items), f.More, DefaultMaxItems)
	}
	last := f.Items[DefaultMaxItems-1]
	if f.Items[0].Link != "https://news.example/story/0" || last.Link != fmt.Sprintf("https://news.example/story/%d", DefaultMaxItems-1) {
		t.Errorf("got items %q ... %q, want story/0 ... story/%d", f.Items[0].Link, last.Link, DefaultMaxItems-1)
	}
	if want := time.Date(2015, 2, 16, 5, 0, 0, 0, time.UTC); !last.Published.Equal(want) || last.Title != fmt.Sprintf("Story %d", DefaultMaxItems-1) {
		t.Errorf("last item %+v: want its title and date %v", last, want)
	}
	// Reading the whole feed allocated over 400 MB; the first 500 items
	// need a few (the 13 MB feed itself is not copied).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("parsing %d of 100,000 items allocated %d MB, want at most 16", DefaultMaxItems, alloc>>20)
	}
}

func TestParseMaxFormats(t *testing.T) {
	atomFeed := `<?xml version="1.0" encoding="utf-8"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Wire</a:title>`
	for i := range 50 {
		atomFeed += fmt.Sprintf(`<a:entry><a:title>E%d</a:title><a:link href="https://wire.example/%d"/><a:updated>2015-02-17T08:00:00Z</a:updated></a:entry>`, i, i)
	}
	atomFeed += `</a:feed>`
	rdf := `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>RDF</title></channel>`
	for i := range 50 {
		rdf += fmt.Sprintf(`<item><title>R%d</title><link>https://rdf.example/%d</link><dc:date>2015-02-17T08:00:00Z</dc:date></item>`, i, i)
	}
	rdf += `</rdf:RDF>`
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>K\xf6ln</title>"
	for i := range 50 {
		latin1 += fmt.Sprintf("<item><title>Caf\xe9 %d</title><link>https://x.example/%d</link></item>", i, i)
	}
	latin1 += "</channel></rss>"
	for _, c := range []struct{ name, data, title, item9 string }{
		{"atom with prefixes", atomFeed, "Wire", "E9"},
		{"rdf", rdf, "RDF", "R9"},
		{"latin-1", latin1, "Köln", "Café 9"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if prefix, more := firstItems([]byte(c.data), 10); !more || len(prefix) > len(c.data)/3 {
				t.Errorf("the scan did not stop after 10 of 50 items: more %v, %d of %d bytes", more, len(prefix), len(c.data))
			}
			f, err := ParseMax("https://base.example/", []byte(c.data), 10)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != c.title || len(f.Items) != 10 || !f.More || f.Items[9].Title != c.item9 || f.Items[9].Published.IsZero() && c.name != "latin-1" {
				t.Errorf("got %q with %d items (more %v), item 9 %+v; want %q with 10, more, item 9 %q dated",
					f.Title, len(f.Items), f.More, f.Items[min(9, len(f.Items)-1)], c.title, c.item9)
			}
		})
	}
}

func TestParseMaxBoundary(t *testing.T) {
	// The channel's title after its items is kept when nothing is cut.
	data := strings.Replace(string(bigRSS(3)), "<title>Big</title>", "", 1)
	data = strings.Replace(data, "</channel>", "<title>Late</title></channel>", 1)
	for _, c := range []struct {
		max, items int
		more       bool
		title      string
	}{{2, 2, true, ""}, {3, 3, false, "Late"}, {4, 3, false, "Late"}, {0, 3, false, "Late"}} {
		f, err := ParseMax("", []byte(data), c.max)
		if err != nil || len(f.Items) != c.items || f.More != c.more || f.Title != c.title {
			t.Errorf("cap %d: got %+v, %v; want %d items, more %v, title %q", c.max, f, err, c.items, c.more, c.title)
		}
	}
}

func BenchmarkParse100k(b *testing.B) {
	data := bigRSS(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("https://news.example/feed.xml", data); err != nil {
			b.Fatal(err)
		}
	}
}
