package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/jetstream/jstest"
)

// TestServeQueueIngest: with --queue, POST /api/ingest queues its articles
// (a text and a URL) for the workers and answers "queued"; the same text
// again is not queued twice.
func TestServeQueueIngest(t *testing.T) {
	srv := jstest.Start(t, t.TempDir())
	h := authHandler(t, "--queue", srv.URL())
	post := func(body string) []map[string]any {
		r := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+strongToken)
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var res struct{ Results []map[string]any }
		if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != 200 {
			t.Fatalf("POST /api/ingest: %d %s", w.Code, w.Body)
		}
		return res.Results
	}
	res := post(`{"articles":[{"text":"The minister denied the report on Monday.","published":"2025-03-04"}],"urls":["https://example.com/story"]}`)
	if len(res) != 2 || res[0]["status"] != "queued" || res[1]["status"] != "queued" {
		t.Fatalf("results %v, want both queued", res)
	}
	post(`{"articles":[{"text":"The minister denied the report on Monday.","published":"2025-03-04"}]}`)
	q, err := jetstream.Open(context.Background(), jetstream.Config{URL: srv.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if n, err := q.Depth(context.Background()); err != nil || n != 2 {
		t.Errorf("queue depth %d, %v; want 2 jobs", n, err)
	}
}
