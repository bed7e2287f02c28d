package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/sqlite"
	"github.com/newsgraph/newsgraph/internal/work"
)

// poisonStage panics on an article that says POISON, like a stage with a
// bug that one input trips.
type poisonStage struct{}

func (poisonStage) Name() string { return "poison" }
func (poisonStage) Process(ctx context.Context, doc *news.Doc) error {
	if strings.Contains(doc.Text, "POISON") {
		var m map[string]int
		m[doc.Text]++ // a real panic: nil map
	}
	return nil
}

// stubWorker is a worker on url and db whose pipeline is stages alone (no
// models to load), with the queue limits of cfg.
func stubWorker(t *testing.T, url, db string, cfg jetstream.Config, stages ...pipeline.Stage) (*worker, *bytes.Buffer) {
	return stubFetchWorker(t, url, db, cfg, nil, stages...)
}

// stubFetchWorker is stubWorker with a client to fetch pages and feeds.
func stubFetchWorker(t *testing.T, url, db string, cfg jetstream.Config, client *fetch.Client, stages ...pipeline.Stage) (*worker, *bytes.Buffer) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	runner, err := pipeline.NewRunner(stages...)
	if err != nil {
		t.Fatal(err)
	}
	wc := work.Config{Store: store, Pipeline: runner, Dedup: dedup.DefaultConfig()}
	if client != nil {
		wc.Fetcher = client
	}
	svc, err := work.New(wc)
	if err != nil {
		t.Fatal(err)
	}
	cfg.URL, cfg.Manage = url, true
	q, err := jetstream.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	var logs, out bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &logs}
	w := &worker{env: env, opt: workerOptions{queue: q.Config(), parallel: 1, untilEmpty: true, feedMaxItems: 500},
		log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})), q: q, store: store}
	w.jobs = w.newJobs(svc, &work.FeedPoller{Store: store, Fetcher: client, MaxItems: 500}, "test")
	return w, &logs
}

// TestWorkerPoisonArticle: an article that panics a stage is tried
// --max-deliver times, then lies in the dead letters with its panic, while
// the articles queued after it are stored; replayed, it is tried again.
func TestWorkerPoisonArticle(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	dir := t.TempDir()
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	os.WriteFile(filepath.Join(src, "a-poison.txt"), []byte("This article says POISON and trips a stage.\n"), 0o644)
	for i := range 5 {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("b%d.txt", i)), fmt.Appendf(nil, "Article %d is a fine article about the news of day %d.\n", i, i), 0o644)
	}
	if code, out, errOut := run(t, "", "ingest", "--queue", srv.URL(), src); code != 0 || !strings.Contains(out, "6 jobs queued") {
		t.Fatalf("ingest --queue: exit %d\n%s%s", code, out, errOut)
	}
	db := filepath.Join(dir, "news.db")
	w, logs := stubWorker(t, srv.URL(), db, jetstream.Config{MaxDeliver: 3, Backoff: 300 * time.Millisecond}, poisonStage{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := w.run(ctx); err != nil {
		t.Fatal(err)
	}
	if got := w.jobs.Count.Stored.Load(); got != 5 {
		t.Errorf("%d articles stored, want the 5 good ones\n%s", got, logs)
	}
	if got := w.jobs.Count.Failed.Load(); got != 3 {
		t.Errorf("%d failed tries, want 3 (--max-deliver)\n%s", got, logs)
	}
	// The articles behind the poison were done before its second try.
	log := logs.String()
	second := strings.Index(log, "try=2")
	if second < 0 || strings.Count(log[:second], `msg="job done"`) != 5 {
		t.Errorf("the good articles were not done before the poison's second try:\n%s", log)
	}
	code, out, errOut := run(t, "", "queue", "dead", "--queue", srv.URL())
	if code != 0 || !strings.Contains(out, "a-poison.txt") || !strings.Contains(out, "internal error: assignment to entry in nil map") {
		t.Fatalf("queue dead: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run(t, "", "queue", "replay", "--queue", srv.URL(), "--all")
	if code != 0 || !strings.Contains(out, "1 dead letter put back") {
		t.Fatalf("queue replay --all: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, "", "queue", "stats", "--queue", srv.URL(), "--format", "json"); code != 0 || strings.TrimSpace(out) != `{"jobs":1,"dead":0}` {
		t.Errorf("queue stats after replay: %s", out)
	}
}

// TestWorkerStoresWhatIngestStores: files queued by 'ingest --queue' and
// run by 'worker' give the database a plain 'ingest' gives.
func TestWorkerStoresWhatIngestStores(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) < 8 {
		t.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	for _, p := range paths[:8] {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(src, filepath.Base(p)), data, 0o644)
	}
	// The same text under another name: a duplicate either way.
	data, _ := os.ReadFile(paths[0])
	os.WriteFile(filepath.Join(src, "zz-copy.txt"), data, 0o644)
	t.Setenv("NEWSGRAPH_DATA", dir)
	plain := filepath.Join(dir, "plain.db")
	if code, out, errOut := run(t, "", "ingest", "--db", plain, "--no-progress", "--workers", "1", src); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	srv := jstest.Start(t, t.TempDir())
	if code, out, errOut := run(t, "", "ingest", "--queue", srv.URL(), src); code != 0 {
		t.Fatalf("ingest --queue: exit %d\n%s%s", code, out, errOut)
	}
	queued := filepath.Join(dir, "queued.db")
	code, out, errOut := run(t, "", "worker", "--queue", srv.URL(), "--db", queued, "--until-empty")
	if code != 0 || !strings.Contains(out, "8 new articles, 1 duplicate") {
		t.Fatalf("worker: exit %d\n%s%s", code, out, errOut)
	}
	_, want, _ := run(t, "", "stats", "--db", plain, "--format", "json")
	_, got, _ := run(t, "", "stats", "--db", queued, "--format", "json")
	if dropBytes(got) != dropBytes(want) {
		t.Errorf("stats after worker:\n%s\nafter plain ingest:\n%s", got, want)
	}
}

// dropBytes is stats JSON without the file size, which differs between
// two databases of the same content.
func dropBytes(stats string) string {
	var kept []string
	for _, f := range strings.Split(strings.TrimSpace(stats), ",") {
		if !strings.Contains(f, `"bytes"`) && !strings.Contains(f, `"Bytes"`) {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, ",")
}

func TestWorkerUsage(t *testing.T) {
	t.Setenv("NEWSGRAPH_QUEUE", "")
	for _, args := range [][]string{
		{"worker"},
		{"worker", "--queue", "nats://127.0.0.1:1", "-j", "0"},
		{"worker", "--queue", "nats://127.0.0.1:1", "--ack-wait", "10ms"},
		{"worker", "--queue", "nats://127.0.0.1:1", "extra"},
		{"queue", "dead"},
		{"queue", "--queue", "nats://127.0.0.1:1"},
		{"queue", "--queue", "nats://127.0.0.1:1", "replay"},
		{"queue", "--queue", "nats://127.0.0.1:1", "replay", "x"},
		{"queue", "--queue", "nats://127.0.0.1:1", "purge"},
	} {
		code, _, errOut := run(t, "", args...)
		if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, errOut)
		}
	}
}

// TestWorkerKilledMidBatch kills a worker process with SIGKILL while it
// runs two jobs at once, lets a second worker finish the queue, and checks
// that every queued file is accounted for, none is stored twice and every
// stored article is whole; on SQLite, and on PostgreSQL when
// NEWSGRAPH_TEST_POSTGRES names a server.
func TestWorkerKilledMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	paths, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(paths) < 200 {
		t.Skip("PolNeAR train texts not found under ../shared/data")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	for _, p := range paths[:200] {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(src, filepath.Base(p)), data, 0o644)
	}
	t.Run("sqlite", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "news.db")
		killWorkerMidBatch(t, bin, dir, src, db, sqliteInt(db))
		store, err := sqlite.Open(context.Background(), sqlite.Config{Path: db})
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		if err := store.IntegrityCheck(context.Background()); err != nil {
			t.Fatal(err)
		}
		checkWholeArticles(t, store, db)
	})
	t.Run("postgres", func(t *testing.T) {
		db := postgresURL(t)
		killWorkerMidBatch(t, bin, dir, src, db, postgresInt(t, db))
	})
}

// killWorkerMidBatch queues the 200 files of src, kills the first worker
// once it has stored 20 articles, runs a second one until the queue is
// empty and checks the database db through count (a query's one number).
func killWorkerMidBatch(t *testing.T, bin, dataDir, src, db string, count func(query string) int) {
	srv := jstest.Start(t, t.TempDir())
	newsgraph := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NEWSGRAPH_DATA="+dataDir)
		return cmd
	}
	if out, err := newsgraph("ingest", "--queue", srv.URL(), src).CombinedOutput(); err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	victim := newsgraph("worker", "--queue", srv.URL(), "--db", db, "-j", "2", "--ack-wait", "2s")
	if err := victim.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(90 * time.Second)
	killedAt := -1
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if n := count(`SELECT count(*) FROM articles`); n >= 20 {
			killedAt = n
			break
		}
	}
	victim.Process.Signal(syscall.SIGKILL)
	victim.Wait()
	if killedAt < 0 {
		t.Fatal("the worker stored fewer than 20 articles in 90 s")
	}
	out, err := newsgraph("worker", "--queue", srv.URL(), "--db", db, "-j", "2", "--until-empty").CombinedOutput()
	if err != nil {
		t.Fatalf("second worker: %v\n%s", err, out)
	}
	t.Logf("killed after %d articles; second worker: %s", killedAt, lineWith(string(out), "worker: "))
	articles, dups, near := count(`SELECT count(*) FROM articles`), count(`SELECT count(*) FROM duplicates WHERE kind = 'exact'`),
		count(`SELECT count(*) FROM duplicates WHERE kind = 'near'`)
	if articles+dups+near != 200 {
		t.Errorf("%d articles, %d duplicates, %d near-duplicates: want the 200 files accounted for", articles, dups, near)
	}
	// Stored twice: two articles of one text, or a job run again recorded
	// as a duplicate of its own article.
	twice := count(`SELECT count(*) - count(DISTINCT hash) FROM articles`)
	selfDups := count(`SELECT count(*) FROM duplicates d JOIN articles a ON a.id = d.article_id WHERE d.source = a.source`)
	if twice != 0 || selfDups != 0 {
		t.Errorf("%d articles stored twice, %d jobs recorded as duplicates of themselves", twice, selfDups)
	}
	code, stats, _ := run(t, "", "queue", "stats", "--queue", srv.URL(), "--format", "json")
	if code != 0 || strings.TrimSpace(stats) != `{"jobs":0,"dead":0}` {
		t.Errorf("queue after the second worker: %s", stats)
	}
}

// sqliteInt runs a query giving one number on the SQLite file at path, 0
// when it fails (the file is not there yet).
func sqliteInt(path string) func(string) int {
	return func(query string) int {
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(2000)")
		if err != nil {
			return 0
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(query).Scan(&n); err != nil {
			return 0
		}
		return n
	}
}

// postgresInt runs a query giving one number on the PostgreSQL database at
// url, 0 when it fails (the tables are not there yet).
func postgresInt(t *testing.T, url string) func(string) int {
	return func(query string) int {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		var n int
		if err := c.QueryRow(ctx, query).Scan(&n); err != nil {
			return 0
		}
		return n
	}
}

// lineWith is the first line of s that contains sub, or "".
func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// TestServeAndTwoWorkers runs the deployment of docker-compose.yml from
// the binary: 'serve --queue' takes articles on POST /api/ingest, two
// 'worker' processes store them, and serve then finds them; on SQLite (two
// processes on one file), and on PostgreSQL when NEWSGRAPH_TEST_POSTGRES
// names a server.
func TestServeAndTwoWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	paths, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(paths) < 12 {
		t.Skip("PolNeAR dev texts not found under ../shared/data")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var texts []string
	for _, p := range paths[:12] {
		data, _ := os.ReadFile(p)
		texts = append(texts, string(data))
	}
	t.Run("sqlite", func(t *testing.T) { serveAndTwoWorkers(t, bin, dir, filepath.Join(t.TempDir(), "news.db"), texts) })
	t.Run("postgres", func(t *testing.T) { serveAndTwoWorkers(t, bin, dir, postgresURL(t), texts) })
}

func serveAndTwoWorkers(t *testing.T, bin, dataDir, db string, texts []string) {
	srv := jstest.Start(t, t.TempDir())
	env := append(os.Environ(), "NEWSGRAPH_DATA="+dataDir, "NEWSGRAPH_TOKEN="+strongToken, "NEWSGRAPH_QUEUE="+srv.URL(), "NEWSGRAPH_DB="+db)
	start := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
		})
		return cmd
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	start("serve", "--addr", addr, "--create")
	start("worker", "-j", "1")
	start("worker", "-j", "1")
	base := "http://" + addr
	var articles []map[string]string
	for _, text := range texts {
		articles = append(articles, map[string]string{"text": text})
	}
	body, _ := json.Marshal(map[string]any{"articles": articles})
	var res struct{ Results []api.IngestResult }
	deadline := time.Now().Add(60 * time.Second)
	for {
		req, _ := http.NewRequest("POST", base+"/api/ingest", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+strongToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&res)
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve does not answer: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(res.Results) != len(texts) || res.Results[0].Status != "queued" {
		t.Fatalf("POST /api/ingest: %+v", res)
	}
	for {
		var stats struct{ Stats news.Stats }
		if resp, err := http.Get(base + "/api/stats"); err == nil {
			json.NewDecoder(resp.Body).Decode(&stats)
			resp.Body.Close()
		}
		if stats.Stats.Articles+stats.Stats.Duplicates+stats.Stats.NearDuplicates == len(texts) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 60 s serve holds %+v, want %d articles accounted for", stats.Stats, len(texts))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestWorkerPollsFeed: 'ingest --queue' of a feed queues one poll job; the
// worker that takes it polls the feed, queues its items as fetch jobs and
// stores them; a poll job whose feed another worker holds the lease of is
// done without polling.
func TestWorkerPollsFeed(t *testing.T) {
	var polls atomic.Int64
	mux := http.NewServeMux()
	var site *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`+
			`<item><title>One</title><link>%[1]s/a1</link></item><item><title>Two</title><link>%[1]s/a2</link></item></channel></rss>`, site.URL)
	})
	for _, p := range []string{"/a1", "/a2"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "<html><head><title>Story %s</title></head><body><article><p>The minister said on Monday that the story %s was true and that talks would go on.</p></article></body></html>", p, p)
		})
	}
	site = httptest.NewServer(mux)
	defer site.Close()

	srv := jstest.Start(t, t.TempDir())
	cfg := fetch.DefaultConfig()
	cfg.AllowPrivate = true
	client := fetch.New(cfg)
	w, logs := stubFetchWorker(t, srv.URL(), filepath.Join(t.TempDir(), "news.db"), jetstream.Config{}, client)

	// Another worker holds the feed's lease: the poll job is done unpolled.
	lease, err := w.q.TryLease(context.Background(), site.URL+"/feed.xml", "other")
	if err != nil || lease == nil {
		t.Fatalf("lease: %v, %v", lease, err)
	}
	if code, out, errOut := run(t, "", "ingest", "--queue", srv.URL(), "--allow-private", site.URL+"/feed.xml"); code != 0 || !strings.Contains(out, "1 job queued") {
		t.Fatalf("ingest --queue FEED: exit %d\n%s%s", code, out, errOut)
	}
	polls.Store(0)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := w.run(ctx); err != nil {
		t.Fatal(err)
	}
	if polls.Load() != 0 || w.jobs.Count.Stored.Load() != 0 || !strings.Contains(logs.String(), "being polled by another worker") {
		t.Fatalf("polled %d times, stored %d while another worker held the lease\n%s", polls.Load(), w.jobs.Count.Stored.Load(), logs)
	}
	lease.Release(context.Background())

	// Released, the next poll job (another slot) polls it and stores its items.
	if _, err := w.q.Publish(ctx, jetstream.Job{Kind: jetstream.KindFeed, Source: site.URL + "/feed.xml", URL: site.URL + "/feed.xml", Due: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := w.run(ctx); err != nil {
		t.Fatal(err)
	}
	if polls.Load() != 1 || w.jobs.Count.Feeds.Load() != 1 || w.jobs.Count.Stored.Load() != 2 {
		t.Errorf("polled %d times, %d feed polls, %d stored; want 1, 1 and the 2 items\n%s", polls.Load(), w.jobs.Count.Feeds.Load(), w.jobs.Count.Stored.Load(), logs)
	}
}
