package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/news"
)

var ctx = context.Background()

// loopbackIsPublic treats the test servers' 127.0.0.1 as a public address
// and keeps the guard for every other special address.
func loopbackIsPublic(ip net.IP) bool {
	if ip.Equal(net.IPv4(127, 0, 0, 1)) {
		return false
	}
	return fetch.Blocked(ip)
}

func testConfig() fetch.Config {
	cfg := fetch.DefaultConfig()
	cfg.Timeout = time.Second
	cfg.MaxBytes = 64 << 10
	cfg.Backoff = 10 * time.Millisecond
	return cfg
}

func newClient(cfg fetch.Config) *fetch.Client { return fetch.NewWithGuard(cfg, loopbackIsPublic) }

func TestHostileServers(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>fine</p></body></html>")
	})
	mux.HandleFunc("/huge-announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000000")
		w.Write([]byte("x"))
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("<p>spam</p>", 1000))
		for i := 0; i < 100000; i++ { // 1 GB if nobody stops reading
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow-drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 1000; i++ {
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
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop?again", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-localhost", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost/", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<p>Caf\xe9 in K\xf6ln</p>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cases := []struct {
		path    string
		wantErr error
		maxTime time.Duration
	}{
		{"/ok", nil, time.Second},
		{"/huge-announced", news.ErrTooLarge, time.Second},
		{"/huge-chunked", news.ErrTooLarge, 2 * time.Second},
		{"/slow-drip", context.DeadlineExceeded, 3 * time.Second},
		{"/slow-headers", context.DeadlineExceeded, 3 * time.Second},
		{"/loop", fetch.ErrTooManyRedirects, 2 * time.Second},
		{"/to-metadata", fetch.ErrBlockedAddress, time.Second},
		{"/to-private", fetch.ErrBlockedAddress, time.Second},
		{"/to-localhost", fetch.ErrBlockedAddress, time.Second},
		{"/to-file", fetch.ErrScheme, time.Second},
	}
	c := newClient(testConfig())
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			start := time.Now()
			_, err := c.Get(ctx, srv.URL+tc.path, fetch.Conditional{})
			took := time.Since(start)
			if tc.wantErr == nil && err != nil {
				t.Fatalf("got %v, want success", err)
			}
			if tc.wantErr == context.DeadlineExceeded {
				if err == nil || !strings.Contains(err.Error(), "Timeout") && !strings.Contains(err.Error(), "deadline") {
					t.Errorf("got %v, want a timeout", err)
				}
			} else if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("got %v, want %v", err, tc.wantErr)
			}
			if took > tc.maxTime {
				t.Errorf("took %v, want at most %v", took, tc.maxTime)
			}
		})
	}
	t.Run("/latin1", func(t *testing.T) {
		resp, err := c.Get(ctx, srv.URL+"/latin1", fetch.Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(resp.Text()); got != "<p>Café in Köln</p>" {
			t.Errorf("Text: got %q, want it decoded from ISO-8859-1", got)
		}
	})
}

func TestGuardRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	c := fetch.New(testConfig()) // the real guard
	for _, u := range []string{srv.URL, "http://localhost:1/", "http://[::1]:1/", "http://10.1.2.3/", "http://192.168.0.1/",
		"http://169.254.169.254/", "http://0.0.0.0:1/", "http://100.64.0.1/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]:1/"} {
		if _, err := c.Get(ctx, u, fetch.Conditional{}); !errors.Is(err, fetch.ErrBlockedAddress) {
			t.Errorf("Get(%s): got %v, want ErrBlockedAddress", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the loopback server got %d requests, want none", hits.Load())
	}
	cfg := testConfig()
	cfg.AllowPrivate = true
	if _, err := fetch.New(cfg).Get(ctx, srv.URL, fetch.Conditional{}); err != nil {
		t.Errorf("with AllowPrivate: %v", err)
	}
	for _, u := range []string{"ftp://example.com/", "file:///etc/passwd", "gopher://x/"} {
		if _, err := c.Get(ctx, u, fetch.Conditional{}); !errors.Is(err, fetch.ErrScheme) {
			t.Errorf("Get(%s): got %v, want ErrScheme", u, err)
		}
	}
}

func TestRetriesAndBackoff(t *testing.T) {
	var calls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "ok")
	})
	var missing atomic.Int32
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		missing.Add(1)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(testConfig())
	resp, err := c.Get(ctx, srv.URL+"/flaky", fetch.Conditional{})
	if err != nil || string(resp.Body) != "ok" || calls.Load() != 3 {
		t.Errorf("flaky: got %v after %d calls, want ok after 3", err, calls.Load())
	}
	_, err = c.Get(ctx, srv.URL+"/missing", fetch.Conditional{})
	var se *fetch.StatusError
	if !errors.As(err, &se) || se.Code != 404 || missing.Load() != 1 {
		t.Errorf("missing: got %v after %d calls, want one 404", err, missing.Load())
	}
}

func TestRobotsAndUserAgent(t *testing.T) {
	var agent atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: newsgraph\nDisallow: /private/\nAllow: /private/ok\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		agent.Store(r.UserAgent())
		fmt.Fprint(w, "page")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(testConfig())
	for path, allowed := range map[string]bool{"/news/a": true, "/private/x": false, "/private/ok": true} {
		_, err := c.Get(ctx, srv.URL+path, fetch.Conditional{})
		if allowed && err != nil || !allowed && !errors.Is(err, fetch.ErrRobots) {
			t.Errorf("%s: got %v, want allowed=%v", path, err, allowed)
		}
	}
	if ua, _ := agent.Load().(string); !strings.HasPrefix(ua, "newsgraph/") {
		t.Errorf("User-Agent: got %q, want newsgraph/...", ua)
	}
}

func TestConditionalRequests(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 16 Feb 2015 10:00:00 GMT")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := newClient(testConfig())
	first, err := c.Get(ctx, srv.URL, fetch.Conditional{})
	if err != nil || first.ETag != `"v1"` || first.NotModified {
		t.Fatalf("first: %+v, %v", first, err)
	}
	second, err := c.Get(ctx, srv.URL, fetch.Conditional{ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Errorf("second: got %+v, %v; want 304 Not Modified", second, err)
	}
}

func TestPerHostLimit(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		inFlight.Add(-1)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.PerHost = 2
	c := newClient(cfg)
	done := make(chan struct{})
	for i := 0; i < 8; i++ {
		go func() {
			c.Get(ctx, srv.URL+"/a", fetch.Conditional{})
			done <- struct{}{}
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
	if m := most.Load(); m > 2 {
		t.Errorf("at most %d requests in flight, want at most 2", m)
	}
}

func TestParseRobots(t *testing.T) {
	r := fetch.ParseRobots([]byte("# comment\nUser-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\nDisallow: /*.pdf$\nAllow: /search/about\n"))
	cases := map[string]bool{"/": true, "/news": true, "/search?q=x": false, "/search/about": true,
		"/files/a.pdf": false, "/files/a.pdf?x": true}
	for path, want := range cases {
		if got := r.Allowed(path); got != want {
			t.Errorf("Allowed(%q) = %v, want %v", path, got, want)
		}
	}
	hostile := fetch.ParseRobots([]byte("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*b\n" + strings.Repeat("x", 200000)))
	start := time.Now()
	hostile.Allowed("/" + strings.Repeat("a", 5000))
	if time.Since(start) > time.Second {
		t.Errorf("a hostile pattern took %v", time.Since(start))
	}
}

// TestCrawlDelay checks the pacing on the client's side, where it holds
// however loaded the machine is: request i is let through at least the
// crawl delay after request i-1, which was let through after the client
// called Get for it, and Get i returns after request i was let through.
// So Get i returns at least the delay after Get i-1 was called; load can
// only add to that. (Arrival times at the server may come closer together
// when the server's goroutine for one request is scheduled late.)
func TestCrawlDelay(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.2\nDisallow: /private\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(testConfig())
	var called, returned [3]time.Time
	for i := range called {
		called[i] = time.Now()
		if _, err := c.Get(ctx, fmt.Sprintf("%s/a%d?x=1", srv.URL, i), fetch.Conditional{}); err != nil {
			t.Fatal(err)
		}
		returned[i] = time.Now()
	}
	for i := 1; i < len(called); i++ {
		if gap := returned[i].Sub(called[i-1]); gap < 200*time.Millisecond {
			t.Errorf("Get %d returned %v after Get %d was called, want at least the crawl delay of 200ms", i, gap, i-1)
		}
	}
	r := fetch.ParseRobots([]byte("User-agent: *\nCrawl-delay: 100000\n\nUser-agent:\nDisallow: /\n"))
	if r.Delay != 30*time.Second || !r.Allowed("/x") {
		t.Errorf("got delay %v, allowed %v; want the delay capped at 30s and an empty User-agent ignored", r.Delay, r.Allowed("/x"))
	}
}
