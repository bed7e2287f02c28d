package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
)

// ownPostgres starts a throw-away PostgreSQL server of its own (initdb and
// pg_ctl of /usr/lib/postgresql/*/bin, as the postgres user when the tests
// run as root), stopped when the test ends, so that a test may restart it.
// It returns the server's URL and a function that restarts it. The test
// skips when no server binaries are installed.
func ownPostgres(t *testing.T) (url string, restart func()) {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Skip("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)")
	}
	bin := filepath.Dir(bins[len(bins)-1])
	dir, err := os.MkdirTemp("", "newsgraph-pg-restart-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	var as []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root and there is no postgres user to run the server as")
		}
		var uid, gid int
		fmt.Sscan(u.Uid, &uid)
		fmt.Sscan(u.Gid, &gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		as = []string{"runuser", "-u", "postgres", "--"}
	}
	pg := func(args ...string) error {
		full := append(append([]string{}, as...), args...)
		out, err := exec.Command(full[0], full[1:]...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %v\n%s", args, err, out)
		}
		return nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	if err := pg(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		t.Fatal(err)
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", port, dir)
	ctl := func(action string) error {
		return pg(filepath.Join(bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-m", "fast", "-o", opts, action)
	}
	if err := ctl("start"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ctl("stop") })
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), func() {
		if err := ctl("restart"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWorkerSurvivesPostgresRestart: PostgreSQL restarted while a worker
// stores queued articles loses none and stores none twice; the worker
// retries the jobs that failed while the server was away and empties the
// queue, with no dead letters.
func TestWorkerSurvivesPostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a PostgreSQL server; skipped with -short")
	}
	paths, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(paths) < 80 {
		t.Skip("PolNeAR train texts not found under ../shared/data")
	}
	url, restart := ownPostgres(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	for _, p := range paths[:80] {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(src, filepath.Base(p)), data, 0o644)
	}
	srv := jstest.Start(t, t.TempDir())
	newsgraph := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NEWSGRAPH_DATA="+dir)
		return cmd
	}
	if out, err := newsgraph("ingest", "--queue", srv.URL(), src).CombinedOutput(); err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	count := postgresInt(t, url)
	worker := newsgraph("worker", "--queue", srv.URL(), "--db", url, "-j", "2", "--until-empty")
	var out syncBuffer
	worker.Stdout, worker.Stderr = &out, &out
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- worker.Wait() }()
	deadline := time.Now().Add(90 * time.Second)
	for count(`SELECT count(*) FROM articles`) < 10 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	before := count(`SELECT count(*) FROM articles`)
	restart()
	t.Logf("PostgreSQL restarted after %d articles", before)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("worker: %v\n%s", err, out.String())
		}
	case <-time.After(4 * time.Minute):
		worker.Process.Kill()
		t.Fatalf("the worker did not empty the queue in 4 minutes after the restart\n%s", out.String())
	}
	articles, dups, near := count(`SELECT count(*) FROM articles`), count(`SELECT count(*) FROM duplicates WHERE kind = 'exact'`),
		count(`SELECT count(*) FROM duplicates WHERE kind = 'near'`)
	if articles+dups+near != 80 {
		t.Errorf("%d articles, %d duplicates, %d near-duplicates: want the 80 files accounted for\n%s", articles, dups, near, out.String())
	}
	if twice := count(`SELECT count(*) - count(DISTINCT hash) FROM articles`); twice != 0 {
		t.Errorf("%d articles stored twice", twice)
	}
	code, stats, _ := run(t, "", "queue", "stats", "--queue", srv.URL(), "--format", "json")
	if code != 0 || stats != "{\"jobs\":0,\"dead\":0}\n" {
		t.Errorf("queue after the worker: %q", stats)
	}
}
