package jetstream

import (
	"context"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are a worker's Prometheus metrics, served with /healthz by
// Handler. The names are stable (dashboards use them):
//
//	newsgraph_worker_articles_total{outcome}     stored, duplicate, near_duplicate, skipped
//	newsgraph_worker_jobs_total{kind,result}     ok, failed (will be tried again), dead
//	newsgraph_worker_errors_total{step}          read, dedup, extract, store, queue, alerts
//	newsgraph_worker_stage_seconds{stage}        per pipeline stage, and read, dedup, store
//	newsgraph_queue_depth                        jobs waiting or running (all workers)
//	newsgraph_queue_dead                         jobs in the dead-letter stream
type Metrics struct {
	reg      *prometheus.Registry
	articles *prometheus.CounterVec
	jobs     *prometheus.CounterVec
	errors   *prometheus.CounterVec
	stages   *prometheus.HistogramVec
}

// metricsTimeout bounds the queue requests of one scrape.
const metricsTimeout = 2 * time.Second

// NewMetrics registers a worker's metrics; the queue gauges read q at each
// scrape.
func NewMetrics(q *Queue) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsgraph_worker_articles_total",
			Help: "Articles this worker committed, by outcome (stored, duplicate, near_duplicate, skipped)."}, []string{"outcome"}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsgraph_worker_jobs_total",
			Help: "Job tries by kind and result (ok, failed, dead)."}, []string{"kind", "result"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsgraph_worker_errors_total",
			Help: "Failed job tries by the step that failed."}, []string{"step"}),
		stages: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "newsgraph_worker_stage_seconds",
			Help:    "Time per article in each pipeline stage and in read, dedup and store.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 4, 10)}, []string{"stage"}),
	}
	gauge := func(name, help string, read func(ctx context.Context) (uint64, error)) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), metricsTimeout)
			defer cancel()
			n, err := read(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		})
	}
	m.reg.MustRegister(m.articles, m.jobs, m.errors, m.stages,
		gauge("newsgraph_queue_depth", "Jobs waiting or running, all workers together (-1: the queue did not answer).", q.Depth),
		gauge("newsgraph_queue_dead", "Jobs in the dead-letter stream (-1: the queue did not answer).", q.DeadCount),
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Article counts one committed article by outcome.
func (m *Metrics) Article(outcome string) { m.articles.WithLabelValues(outcome).Inc() }

// Job counts one try of a job: result is ok, failed or dead.
func (m *Metrics) Job(kind Kind, result string) { m.jobs.WithLabelValues(string(kind), result).Inc() }

// Error counts one failed try by the step that failed.
func (m *Metrics) Error(step string) { m.errors.WithLabelValues(step).Inc() }

// Stage records the time one article spent in a stage.
func (m *Metrics) Stage(stage string, d time.Duration) {
	m.stages.WithLabelValues(stage).Observe(d.Seconds())
}

// Handler serves /metrics (Prometheus text format) and /healthz: 200 "ok"
// while the worker is connected to NATS and healthy() returns nil (the
// store answers), 503 with the reason otherwise.
func (m *Metrics) Handler(q *Queue, healthy func(ctx context.Context) error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), metricsTimeout)
		defer cancel()
		if st := q.nc.Status(); st != nats.CONNECTED {
			http.Error(w, "queue: "+st.String(), http.StatusServiceUnavailable)
			return
		}
		if healthy != nil {
			if err := healthy(ctx); err != nil {
				http.Error(w, firstLine(err.Error()), http.StatusServiceUnavailable)
				return
			}
		}
		w.Write([]byte("ok\n"))
	})
	return mux
}
