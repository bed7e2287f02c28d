package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestIngestFeedMaxItems(t *testing.T) {
	var stories atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
		for i := range 10_000 {
			fmt.Fprintf(w, "<item><title>S%d</title><link>/s/%d</link></item>\n", i, i)
		}
		fmt.Fprint(w, "</channel></rss>")
	})
	mux.HandleFunc("/s/", func(w http.ResponseWriter, r *http.Request) {
		stories.Add(1)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "news.db")
	code, _, errOut := run(t, "", "ingest", "--db", db, "--allow-private", "--no-progress", "--feed-max-items", "3", srv.URL+"/feed.xml")
	if code != 1 || stories.Load() != 3 || !strings.Contains(errOut, "read its first 3 items (--feed-max-items)") {
		t.Errorf("exit %d, %d stories fetched, stderr:\n%s\nwant the first 3 fetched (404) and a note naming --feed-max-items", code, stories.Load(), errOut)
	}
	code, _, errOut = run(t, "", "ingest", "--db", db, "--feed-max-items", "0", srv.URL+"/feed.xml")
	if code != 2 || !strings.Contains(errOut, "--feed-max-items must be positive") {
		t.Errorf("--feed-max-items 0: exit %d, stderr %q; want a usage error", code, errOut)
	}
}
