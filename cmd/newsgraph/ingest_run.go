package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// batch stores sources with the batcher (in input order, so that entities
// are merged in the same order on every run), showing its progress and
// listing its errors, an error optimising the store included.
func (in *ingester) batch(ctx context.Context, jobs []work.Source, t *tally) {
	if len(jobs) == 0 {
		return
	}
	t.sources += len(jobs)
	bar := in.progress(len(jobs))
	status := in.startStatus(len(jobs), statusEvery)
	defer status.stop()
	done := func(i int, out work.Outcome, err error) {
		if err != nil {
			bar.Clear()
			in.fail(jobs[i].Name, budgetHint(err), t)
			bar.Describe(fmt.Sprintf("ingest (%s)", plural(t.errors, "error")))
			status.errors.Add(1)
		} else {
			t.count(out)
		}
		bar.Add(1)
		status.done.Add(1)
	}
	err := in.batcher.Batch(ctx, jobs, done)
	bar.Finish()
	if err != nil {
		in.fail(in.store.Path(), err, t)
	}
}

// count counts what became of one stored source.
func (t *tally) count(out work.Outcome) {
	res := out.Put
	switch {
	case out.Skipped:
		t.dups++
	case res.Duplicate == nil:
		t.stored++
		if l := out.Doc.Language; l != "" && l != news.LangEnglish && l != news.LangUndetermined {
			t.otherLanguage++
		}
	case res.Duplicate.Kind == news.DupNear:
		t.near++
	default:
		t.dups++
	}
	t.contradictions += res.Contradictions
}

// progress returns a progress bar on stderr when it is a terminal, and a
// silent one otherwise.
func (in *ingester) progress(total int) *progressbar.ProgressBar {
	visible := false
	if f, ok := in.env.stderr.(*os.File); ok && !in.opt.noProgress {
		visible = term.IsTerminal(int(f.Fd()))
	}
	return newProgressBar(in.env.stderr, visible, total)
}

// newProgressBar is ingest's bar of total articles on w. It starts its
// clock now, drawing an empty bar, so that the rate of the first frame is
// the first article over the time it took, not over the instant between
// the bar's first two clock readings (which showed "300300 articles/s").
func newProgressBar(w io.Writer, visible bool, total int) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetRenderBlankState(true),
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100e6),
		progressbar.OptionClearOnFinish(),
	)
}

// statusEvery is how often ingest writes a status line on stderr when
// stderr is not a terminal (a log file, a CI job), where no bar is drawn.
const statusEvery = 5 * time.Second

// statusLines writes "ingest: 120 of 900 articles, 3 errors, 24.0
// articles/s" every statusEvery until stopped; a zero one writes nothing.
type statusLines struct {
	done, errors atomic.Int64
	quit         chan struct{}
	finished     sync.WaitGroup
}

// startStatus starts the status lines, one each interval, of a batch of
// total articles when stderr is not a terminal and --no-progress is not
// given.
func (in *ingester) startStatus(total int, every time.Duration) *statusLines {
	s := &statusLines{}
	if in.opt.noProgress || isTerminal(in.env.stderr) {
		return s
	}
	s.quit = make(chan struct{})
	s.finished.Add(1)
	start := time.Now()
	go func() {
		defer s.finished.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-s.quit:
				return
			case now := <-tick.C:
				n := s.done.Load()
				fmt.Fprintf(in.env.stderr, "ingest: %d of %s, %s, %.1f articles/s\n", n, plural(total, "article"),
					plural(int(s.errors.Load()), "error"), float64(n)/now.Sub(start).Seconds())
			}
		}
	}()
	return s
}

// stop ends the status lines and waits until none is being written.
func (s *statusLines) stop() {
	if s.quit != nil {
		close(s.quit)
		s.finished.Wait()
	}
}
