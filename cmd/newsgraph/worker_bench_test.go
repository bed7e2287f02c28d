package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
)

// BenchmarkWorkers measures the queue's throughput on the 836 PolNeAR
// train texts: 1 and then 2 'newsgraph worker' processes, each
// single-threaded (-j 1, GOMAXPROCS=1), on one SQLite file, timed from the
// moment the jobs are published, the models loaded, to the last ack,
// beside a plain 'ingest' of the same texts (--workers 2). It reports
// articles/s, the 2-worker/1-worker ratio, and the articles per CPU second
// of the workers while they ran (from /proc: what one core does, whatever
// else the machine runs), and prints both databases' stats. It runs on
// SQLite, and on PostgreSQL when NEWSGRAPH_TEST_POSTGRES names a server.
//
//	go test -run '^$' -bench Workers -benchtime 1x ./cmd/newsgraph
func BenchmarkWorkers(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/data/polnear/train/text/*.txt")
	if len(paths) < 800 {
		b.Skip("PolNeAR train texts not found under ../shared/data")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "texts")
	os.Mkdir(src, 0o755)
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(src, filepath.Base(p)), data, 0o644)
	}
	env := append(os.Environ(), "NEWSGRAPH_DATA="+dir)
	b.Run("sqlite", func(b *testing.B) {
		benchWorkers(b, bin, env, src, len(paths), func(b *testing.B) string { return filepath.Join(b.TempDir(), "news.db") })
	})
	b.Run("postgres", func(b *testing.B) {
		benchWorkers(b, bin, env, src, len(paths), func(b *testing.B) string { return postgresURL(b) })
	})
}

// benchWorkers is BenchmarkWorkers on the databases newDB makes.
func benchWorkers(b *testing.B, bin string, env []string, src string, articles int, newDB func(b *testing.B) string) {
	for range b.N {
		plainDB := newDB(b)
		start := time.Now()
		cmd := exec.Command(bin, "ingest", "--db", plainDB, "--no-progress", src)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("ingest: %v\n%s", err, out)
		}
		plain := float64(articles) / time.Since(start).Seconds()
		one, oneCPU, _ := workerRun(b, bin, env, src, newDB(b), 1, articles)
		two, twoCPU, twoDB := workerRun(b, bin, env, src, newDB(b), 2, articles)
		b.ReportMetric(plain, "ingest-articles/s")
		b.ReportMetric(one, "1worker-articles/s")
		b.ReportMetric(two, "2workers-articles/s")
		b.ReportMetric(two/one, "ratio")
		b.ReportMetric(float64(articles)/twoCPU, "articles/cpu-s")
		fmt.Printf("plain ingest (--workers 2): %.1f articles/s; 1 worker: %.1f articles/s (%.1f per CPU second); "+
			"2 workers: %.1f articles/s (%.1f per CPU second); ratio %.2f\n",
			plain, one, float64(articles)/oneCPU, two, float64(articles)/twoCPU, two/one)
		fmt.Printf("plain ingest: %s\n2 workers:    %s\n", binStats(b, bin, env, plainDB), binStats(b, bin, env, twoDB))
	}
}

// workerRun starts n workers on a new queue and database, waits until
// they have loaded their models, queues the texts in src and returns the
// articles per second from the publishing to the last ack, the CPU seconds
// the workers spent meanwhile, and the database.
func workerRun(b *testing.B, bin string, env []string, src, db string, n, articles int) (rate, cpu float64, _ string) {
	srv := jstest.Start(b, b.TempDir())
	var workers []*exec.Cmd
	ready := make(chan struct{}, n)
	for range n {
		cmd := exec.Command(bin, "worker", "--queue", srv.URL(), "--db", db, "-j", "1")
		cmd.Env = append(env, "GOMAXPROCS=1")
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if strings.Contains(sc.Text(), "worker started") {
					ready <- struct{}{}
				}
			}
			io.Copy(io.Discard, stderr)
		}()
		workers = append(workers, cmd)
	}
	for range n {
		<-ready
	}
	ctx := context.Background()
	q, err := jetstream.Open(ctx, jetstream.Config{URL: srv.URL()})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	cpuBefore := cpuSeconds(workers)
	start := time.Now()
	cmd := exec.Command(bin, "ingest", "--queue", srv.URL(), src)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	for {
		time.Sleep(20 * time.Millisecond)
		if depth, err := q.Depth(ctx); err == nil && depth == 0 {
			break
		}
	}
	rate = float64(articles) / time.Since(start).Seconds()
	cpu = cpuSeconds(workers) - cpuBefore
	for _, w := range workers {
		w.Process.Signal(syscall.SIGTERM)
		w.Wait()
	}
	return rate, cpu, db
}

// cpuSeconds is the user and system time the processes have used so far,
// from /proc/PID/stat (in clock ticks of 1/100 s).
func cpuSeconds(procs []*exec.Cmd) float64 {
	total := 0.0
	for _, p := range procs {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.Process.Pid))
		if err != nil {
			return math.NaN()
		}
		// The fields after the command name, which is in parentheses.
		fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
		utime, _ := strconv.ParseFloat(fields[11], 64)
		stime, _ := strconv.ParseFloat(fields[12], 64)
		total += (utime + stime) / 100
	}
	return total
}

func binStats(b *testing.B, bin string, env []string, db string) string {
	cmd := exec.Command(bin, "stats", "--db", db, "--format", "json")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("stats: %v", err)
	}
	return strings.TrimSpace(string(out))
}
