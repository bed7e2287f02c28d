package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// newsSite serves a feed of real articles with hostile items among them.
type newsSite struct {
	*httptest.Server
	feedFetches, notModified atomic.Int32
}

func htmlPage(title, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>", html.EscapeString(title), html.EscapeString(title))
	for _, p := range strings.Split(text, "\n") {
		if strings.TrimSpace(p) != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>")
	return b.String()
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	if len(paths) < 4 {
		t.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	texts := make([]string, 4)
	for i := range texts {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(data)
	}
	s := &newsSite{}
	mux := http.NewServeMux()
	for i := 0; i < 3; i++ {
		page := htmlPage("", texts[i]) // no title: the feed's is kept
		mux.HandleFunc(fmt.Sprintf("/a%d", i+1), func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	}
	direct := htmlPage("Direct story", texts[3])
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, direct) })
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		body := htmlPage("Caf\xe9 society", strings.Repeat("The caf\xe9 owners in K\xf6ln said the new rules would hurt trade this winter. ", 20))
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 100000; i++ {
			if _, err := w.Write([]byte(strings.Repeat("<p>x</p>", 100))); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 600; i++ {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00")) })
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</titl>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feedFetches.Add(1)
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"feed-v1"`)
		var items strings.Builder
		for i, p := range []string{"/a1", "/a2", "/a3", "/a1?utm_source=rss&utm_medium=feed", "/latin1", "/huge", "/drip", "/loop", "/binary", "/gone"} {
			fmt.Fprintf(&items, "<item><title>Item %d</title><link>%s%s</link><pubDate>Mon, 16 Feb 2015 10:00:00 GMT</pubDate></item>\n", i+1, s.URL, html.EscapeString(p))
		}
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test news</title>%s</channel></rss>`, items.String())
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestIngestFeedsAndURLsFromHostileSite(t *testing.T) {
	site := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "news.db")
	args := []string{"ingest", "--db", db, "--allow-private", "--timeout", "1s", "--max-bytes", "300000",
		site.URL + "/feed.xml", site.URL + "/bad.xml", site.URL + "/story"}
	start := time.Now()
	code, out, errOut := run(t, "", args...)
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("ingest took %v", took)
	}
	if code != 1 {
		t.Errorf("exit status: got %d, want 1 (some sources failed)\n%s", code, errOut)
	}
	for _, bad := range []string{"/bad.xml", "/huge", "/drip", "/loop", "/binary", "/gone"} {
		if !strings.Contains(errOut, site.URL+bad) {
			t.Errorf("stderr does not list %s:\n%s", bad, errOut)
		}
	}
	// a1, a2, a3, latin1 and the story; a1 with tracking parameters is a1.
	if !strings.Contains(out, "5 new articles, 1 duplicate,") {
		t.Errorf("summary: got %q, want 5 new articles and 1 duplicate", out)
	}
	_, got, _ := run(t, "", "search", "--db", db, "--format", "jsonl", "--since", "2015-02-16", "--until", "2015-02-16")
	if n := strings.Count(got, "\n"); n != 4 {
		t.Errorf("articles dated by their feed item: got %d, want 4\n%s", n, got)
	}
	if !strings.Contains(got, `"title":"Item 1"`) {
		t.Errorf("the feed's title is not kept for a page without one:\n%s", got)
	}
	_, got, _ = run(t, "", "search", "--db", db, "--format", "jsonl", "café", "köln")
	if !strings.Contains(got, "Café society") {
		t.Errorf("the ISO-8859-1 page is not found as UTF-8: %q", got)
	}

	// Again: the feed is not modified (ETag), the story is a duplicate.
	code, out, _ = run(t, "", "ingest", "--db", db, "--allow-private", site.URL+"/feed.xml", site.URL+"/story")
	if code != 0 || !strings.Contains(out, "0 new articles") || site.notModified.Load() != 1 {
		t.Errorf("second ingest: exit %d, %q, %d not-modified answers; want 0 new and one 304", code, out, site.notModified.Load())
	}
	if st := mustStats(t, db); st.Articles != 5 {
		t.Errorf("after the second ingest: %d articles, want 5", st.Articles)
	}
}

func TestIngestRefusesPrivateAddresses(t *testing.T) {
	site := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "news.db")
	code, _, errOut := run(t, "", "ingest", "--db", db, site.URL+"/story", "http://169.254.169.254/latest/meta-data/")
	if code != 1 || strings.Count(errOut, "--allow-private") < 2 {
		t.Errorf("got exit %d, stderr %q; want both URLs refused with a hint at --allow-private", code, errOut)
	}
	if site.feedFetches.Load() != 0 {
		t.Error("the loopback site was contacted")
	}
}

func TestIngestWatchPollsWithETag(t *testing.T) {
	site := newNewsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	list := writeFile(t, dir, "feeds.txt", []byte("# test feeds\n"+site.URL+"/feed.xml\n"))
	code, out, errOut := run(t, "", "ingest", "--db", db, "--allow-private", "--timeout", "1s", "--max-bytes", "300000",
		"--feeds", list, "--watch", "--interval", "10ms", "--rounds", "3")
	if code != 1 { // the feed's hostile items fail
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if site.feedFetches.Load() != 3 || site.notModified.Load() != 2 {
		t.Errorf("feed fetched %d times with %d 304 answers, want 3 and 2", site.feedFetches.Load(), site.notModified.Load())
	}
	if !strings.Contains(out, "4 new articles") {
		t.Errorf("summary: %q, want 4 new articles", out)
	}
	code, out, _ = run(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "feeds            1") {
		t.Errorf("stats: %q, want 1 feed", out)
	}
}

func TestIngestWatchBacksOffAfterErrors(t *testing.T) {
	var fetches atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			fetches.Add(1)
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := writeFile(t, dir, "feeds.txt", []byte(srv.URL+"/feed.xml\n"))
	code, _, errOut := run(t, "", "ingest", "--db", filepath.Join(dir, "news.db"), "--allow-private",
		"--feeds", list, "--watch", "--interval", "100ms", "--rounds", "6")
	if code != 1 || !strings.Contains(errOut, "404") {
		t.Errorf("exit %d, stderr %q; want the feed's 404 listed and exit 1", code, errOut)
	}
	// Polls wait interval × 2^failures after an error: fewer than 6.
	if n := fetches.Load(); n < 2 || n > 4 {
		t.Errorf("the failing feed was fetched %d times in 6 rounds, want 2 to 4", n)
	}
	code, out, _ := run(t, "", "stats", "--db", filepath.Join(dir, "news.db"), "--format", "json")
	if code != 0 || !strings.Contains(out, `"feeds":1`) {
		t.Errorf("stats: %s", out)
	}
}
