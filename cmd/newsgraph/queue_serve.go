package main

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/jetstream"
)

// queueIngest is POST /api/ingest of 'serve --queue': it puts each article
// on the work queue for 'newsgraph worker' instead of storing it, and
// answers "queued". A full queue makes the request wait, up to the API's
// write timeout.
type queueIngest struct {
	q *jetstream.Queue
}

// openQueueIngest connects serve to the queue at cfg.URL.
func openQueueIngest(ctx context.Context, cfg jetstream.Config) (*queueIngest, error) {
	cfg.Name = "newsgraph serve"
	q, err := jetstream.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &queueIngest{q: q}, nil
}

// IngestText implements api.Ingester.
func (s *queueIngest) IngestText(ctx context.Context, in api.ArticleIn) api.IngestResult {
	name := in.URL
	if name == "" {
		name = "text"
	}
	j := jetstream.Job{Kind: jetstream.KindExtract, Source: "api", URL: in.URL, Data: []byte(in.Text), Title: in.Title}
	if in.URL != "" {
		j.Source = in.URL
	}
	if in.Published != "" {
		t, err := time.Parse("2006-01-02", in.Published)
		if err != nil {
			return api.IngestResult{Source: name, Status: "error", Error: oneLine(err.Error())}
		}
		j.Published = t
	}
	return s.publish(ctx, name, j)
}

// IngestURL implements api.Ingester.
func (s *queueIngest) IngestURL(ctx context.Context, url string) api.IngestResult {
	return s.publish(ctx, url, jetstream.Job{Kind: jetstream.KindFetch, Source: url, URL: url})
}

// publish queues one job; one already queued is "queued" too.
func (s *queueIngest) publish(ctx context.Context, name string, j jetstream.Job) api.IngestResult {
	if _, err := s.q.Publish(ctx, j); err != nil {
		return api.IngestResult{Source: name, Status: "error", Error: "queue: " + oneLine(err.Error())}
	}
	return api.IngestResult{Source: name, Status: "queued"}
}
