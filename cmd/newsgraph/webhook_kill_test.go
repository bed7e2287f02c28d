package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/alert"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// receiver is a webhook receiver that hangs on the first request (until
// released) and accepts the others, keeping the idempotency keys of the
// requests whose signature verifies.
type receiver struct {
	secret  string
	first   chan struct{} // closed when the first request arrives
	release chan struct{} // closed to let the first request go
	mu      sync.Mutex
	n       int
	keys    []string // of accepted, verified requests
	got     chan string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	rc.n++
	n := rc.n
	rc.mu.Unlock()
	if n == 1 {
		close(rc.first)
		<-rc.release
		return
	}
	if err := alert.Verify(rc.secret, r.Header, body, time.Now(), 0); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	key := r.Header.Get(alert.HeaderIdempotencyKey)
	rc.mu.Lock()
	rc.keys = append(rc.keys, key)
	rc.mu.Unlock()
	rc.got <- key
}

// TestWebhookDeliveredAfterKill kills 'newsgraph serve' with SIGKILL
// while it is sending an alert to a webhook that hangs, starts it again,
// and checks that the alert is then delivered (at least once), signed,
// with the alert's id as idempotency key, and recorded as delivered.
func TestWebhookDeliveredAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := &receiver{secret: "a-secret-of-16-bytes-or-more", first: make(chan struct{}), release: make(chan struct{}), got: make(chan string, 4)}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	defer close(rc.release)
	db := filepath.Join(dir, "news.db")
	alertID := queueAlert(t, db, alert.Webhook{URL: srv.URL + "/hook", Secret: rc.secret})

	serve := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--webhook-allow-private",
			"--webhook-timeout", "1s", "--webhook-poll", "50ms", "--webhook-backoff", "50ms")
		cmd.Env = append(os.Environ(), "NEWSGRAPH_DATA="+dir, "NEWSGRAPH_TOKEN=")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	first := serve()
	select {
	case <-rc.first:
	case <-time.After(60 * time.Second):
		first.Process.Kill()
		t.Fatal("serve sent no webhook in 60 s")
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	if st := deliveryState(t, db, alertID); st.State != alert.StatePending {
		t.Fatalf("after the kill: %+v, want still pending", st)
	}

	second := serve()
	defer func() { second.Process.Signal(syscall.SIGTERM); second.Wait() }()
	select {
	case key := <-rc.got:
		if key != strconv.FormatInt(alertID, 10) {
			t.Errorf("idempotency key %q, want the alert id %d", key, alertID)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the alert was not delivered after the restart in 60 s")
	}
	deadline := time.Now().Add(30 * time.Second)
	for deliveryState(t, db, alertID).State != alert.StateDelivered {
		if time.Now().After(deadline) {
			t.Fatalf("delivery not recorded: %+v", deliveryState(t, db, alertID))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// queueAlert makes the database at path with one article, a watchlist
// with webhook hook, and an alert of its rule, which the outbox queues.
func queueAlert(t *testing.T, path string, hook alert.Webhook) int64 {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	doc := newstest.MustDoc(t, newstest.DocSpec{Source: "denial.txt", Title: "Minister denies IS presence", Published: "2015-02-19",
		Text: "Chaudhry Nisar denied the presence of Islamic State in Pakistan.\n" + newstest.Filler(1, 60)})
	res, err := store.PutArticle(ctx, newstest.Input(doc))
	if err != nil {
		t.Fatal(err)
	}
	wl, err := store.PutWatchlist(ctx, &news.Watchlist{Name: "is-denials",
		Spec: []byte(`{"name":"is-denials","rules":[{"name":"any denial","event":["DENY"]}]}`), Rules: []news.WatchRule{{Name: "any denial"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.PutWebhook(ctx, wl.ID, hook); err != nil {
		t.Fatal(err)
	}
	stored, err := store.PutAlerts(ctx, []news.Alert{{WatchlistID: wl.ID, RuleID: wl.Rules[0].ID, Rule: "any denial",
		Article: news.AlertArticle{ID: res.ArticleID}, Why: "Chaudhry Nisar denies presence of Islamic State in Pakistan",
		Sentences: []news.AlertSpan{{Start: 0, End: 64, Text: "Chaudhry Nisar denied the presence of Islamic State in Pakistan."}}}})
	if err != nil || len(stored) != 1 {
		t.Fatalf("put alert: %v", err)
	}
	return stored[0].ID
}

func deliveryState(t *testing.T, path string, id int64) alert.Status {
	t.Helper()
	store, err := sqlite.Open(context.Background(), sqlite.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := store.DeliveryStatus(context.Background(), []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	return st[id]
}
