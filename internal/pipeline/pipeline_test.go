package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

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

// waitStage blocks until its context is done, as a stage stuck in a long
// loop would; checks says whether it returns the context's error (a stage
// that checks its context) or nil (one that does not).
type waitStage struct {
	name   string
	checks bool
}

func (s waitStage) Name() string { return s.name }

func (s waitStage) Process(ctx context.Context, _ *news.Doc) error {
	<-ctx.Done()
	if s.checks {
		return ctx.Err()
	}
	return nil
}

func TestRunStopsADocumentOverItsBudget(t *testing.T) {
	for _, checks := range []bool{true, false} {
		r, err := NewRunner(recordStage{name: "a"}, waitStage{name: "slow", checks: checks}, recordStage{name: "c"})
		if err != nil {
			t.Fatal(err)
		}
		r.SetDocTimeout(time.Millisecond)
		doc := &news.Doc{Source: "big.txt", Text: "long"}
		err = r.Run(context.Background(), doc)
		var se *StageError
		if !errors.As(err, &se) || !errors.Is(err, ErrDocTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("checks=%v: error %v, want a *StageError wrapping ErrDocTimeout, a deadline exceeded", checks, err)
		}
		var be *BudgetError
		if !errors.As(err, &be) || be.Budget != time.Millisecond {
			t.Errorf("checks=%v: error %v does not carry the budget", checks, err)
		}
		want := "slow" // the stage that was running, when it says so
		if !checks {
			want = "c" // the stage that was not started
		}
		if se.Stage != want || !strings.Contains(err.Error(), "big.txt") || !strings.Contains(err.Error(), "time budget") {
			t.Errorf("checks=%v: error %q, want it to name big.txt, stage %s and the time budget", checks, err, want)
		}
		if doc.Title != "a;" {
			t.Errorf("checks=%v: stages ran as %q, want only a before the budget ran out", checks, doc.Title)
		}
	}
}

func TestRunWithoutBudgetKeepsTheCallersCancellation(t *testing.T) {
	r, err := NewRunner(waitStage{name: "slow", checks: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.DocTimeout() != 0 {
		t.Fatalf("a new runner has budget %s, want none", r.DocTimeout())
	}
	r.SetDocTimeout(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = r.Run(ctx, &news.Doc{Text: "x"})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrDocTimeout) {
		t.Errorf("error %v, want the caller's cancellation, not the budget", err)
	}
}

// langStage sets the doc's language, as the language stage does.
type langStage string

func (langStage) Name() string { return "language" }

func (s langStage) Process(_ context.Context, doc *news.Doc) error {
	doc.Language = string(s)
	return nil
}

func TestRunSkipsStagesNotWrittenForTheLanguage(t *testing.T) {
	cases := []struct {
		lang, ran string
		notes     []string
	}{
		{"en", "any;ner;quote;enfr;", nil},
		{"und", "any;ner;quote;enfr;", nil},
		{"", "any;ner;quote;enfr;", nil},
		{"fr", "any;enfr;", []string{"language fr: English-only stages skipped (ner, quote)"}},
		{"ko", "any;", []string{"language ko: English-only stages skipped (ner, quote)", "language ko: en/fr-only stages skipped (enfr)"}},
	}
	for _, c := range cases {
		r, err := NewRunner(langStage(c.lang), recordStage{name: "any"},
			ForLanguages(recordStage{name: "ner"}, "en"), ForLanguages(recordStage{name: "quote"}, "en"),
			ForLanguages(recordStage{name: "enfr"}, "en", "fr"))
		if err != nil {
			t.Fatal(err)
		}
		doc := &news.Doc{Text: "text"}
		if err := r.Run(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if doc.Title != c.ran {
			t.Errorf("language %q: stages ran as %q, want %q", c.lang, doc.Title, c.ran)
		}
		if strings.Join(doc.Notes, "|") != strings.Join(c.notes, "|") {
			t.Errorf("language %q: notes %q, want %q", c.lang, doc.Notes, c.notes)
		}
		if want := 1 + strings.Count(c.ran, ";"); len(doc.Timings) != want {
			t.Errorf("language %q: %d timings, want %d (none for a skipped stage)", c.lang, len(doc.Timings), want)
		}
	}
}
