package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// recordStage appends its name to the doc's title, so tests can see order.
type recordStage struct {
	name string
	fail string // fail on docs whose text contains this
	boom bool   // panic instead of failing
}

func (s recordStage) Name() string { return s.name }

func (s recordStage) Process(_ context.Context, doc *news.Doc) error {
	if s.fail != "" && strings.Contains(doc.Text, s.fail) {
		if s.boom {
			var m map[string]int
			m["x"]++ // nil map write: a real panic
		}
		return errors.New("cannot process")
	}
	doc.Title += s.name + ";"
	return nil
}

func TestRunnerOrderAndTimings(t *testing.T) {
	r, err := NewRunner(recordStage{name: "a"}, recordStage{name: "b"}, recordStage{name: "c"})
	if err != nil {
		t.Fatal(err)
	}
	doc := &news.Doc{Text: "fine"}
	if err := r.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != "a;b;c;" {
		t.Errorf("stages ran as %q, want a;b;c;", doc.Title)
	}
	if len(doc.Timings) != 3 || doc.Timings[1].Stage != "b" {
		t.Errorf("timings = %+v, want one per stage in order", doc.Timings)
	}
}

func TestRunnerRejectsDuplicateAndNil(t *testing.T) {
	if _, err := NewRunner(recordStage{name: "a"}, recordStage{name: "a"}); err == nil {
		t.Error("duplicate stage names accepted")
	}
	if _, err := NewRunner(recordStage{name: "a"}, nil); err == nil {
		t.Error("nil stage accepted")
	}
}

func TestRunBatchKeepsGoingAfterErrorsAndPanics(t *testing.T) {
	r, err := NewRunner(recordStage{name: "a"}, recordStage{name: "b", fail: "bad"}, recordStage{name: "c", fail: "boom", boom: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := []*news.Doc{{Source: "1", Text: "ok"}, {Source: "2", Text: "bad"}, {Source: "3", Text: "boom"}, {Source: "4", Text: "ok"}}
	results := r.RunBatch(context.Background(), docs)
	wantErr := []string{"", "stage b", "stage c: internal error", ""}
	for i, res := range results {
		switch {
		case wantErr[i] == "" && res.Err != nil:
			t.Errorf("doc %d: unexpected error %v", i, res.Err)
		case wantErr[i] != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), wantErr[i])):
			t.Errorf("doc %d: error %v, want one containing %q", i, res.Err, wantErr[i])
		}
		var se *StageError
		if res.Err != nil && !errors.As(res.Err, &se) {
			t.Errorf("doc %d: error is not a *StageError", i)
		}
	}
	if docs[3].Title != "a;b;c;" {
		t.Errorf("last doc ran as %q after earlier failures", docs[3].Title)
	}
}
