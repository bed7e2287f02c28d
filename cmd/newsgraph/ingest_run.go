package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// prepared is a job made ready for the store: the article to put (run
// through the pipeline unless it is a known duplicate), or a duplicate
// found before fetching, or the job's error.
type prepared struct {
	input *news.ArticleInput
	known *news.Duplicate // stored already; nothing to put
	err   error
}

// batch prepares jobs in parallel and stores them in input order, so that
// entities are merged in the same order on every run.
func (in *ingester) batch(ctx context.Context, jobs []job, t *tally) {
	if len(jobs) == 0 {
		return
	}
	t.sources += len(jobs)
	bar := in.progress(len(jobs))
	status := in.startStatus(len(jobs), statusEvery)
	defer status.stop()
	done := make([]chan prepared, len(jobs))
	for i := range done {
		done[i] = make(chan prepared, 1)
	}
	next := make(chan int)
	// ahead bounds the articles prepared but not yet stored, so that a
	// store slower than the pipeline does not hold a whole directory of
	// documents in memory.
	ahead := make(chan struct{}, 4*in.opt.workers)
	for w := 0; w < min(in.opt.workers, len(jobs)); w++ {
		go func() {
			for i := range next {
				done[i] <- in.prepare(ctx, jobs[i])
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i, j := range jobs {
		var p prepared
		select {
		case p = <-done[i]:
		case <-ctx.Done():
			bar.Finish()
			return
		}
		<-ahead
		if err := in.store1(ctx, j, p, t); err != nil {
			bar.Clear()
			in.fail(j.source, err, t)
			bar.Describe(fmt.Sprintf("ingest (%s)", plural(t.errors, "error")))
			status.errors.Add(1)
		}
		bar.Add(1)
		status.done.Add(1)
	}
	bar.Finish()
}

func (in *ingester) store1(ctx context.Context, j job, p prepared, t *tally) error {
	if p.err != nil {
		return p.err
	}
	if p.known != nil {
		t.dups++
		return nil
	}
	res, err := in.store.PutArticle(ctx, p.input)
	if err != nil {
		return err
	}
	switch {
	case res.Duplicate == nil:
		t.stored++
		if l := p.input.Doc.Language; l != "" && l != news.LangEnglish && l != news.LangUndetermined {
			t.otherLanguage++
		}
	case res.Duplicate.Kind == news.DupNear:
		t.near++
	default:
		t.dups++
	}
	t.contradictions += res.Contradictions
	return nil
}

func (in *ingester) prepare(ctx context.Context, j job) prepared {
	if err := ctx.Err(); err != nil {
		return prepared{err: err}
	}
	if j.url != "" && j.page == nil {
		// A URL stored before is not fetched again.
		keys := news.DedupKeys{CanonicalURL: dedup.CanonicalURL(j.url)}
		if dup, err := in.store.FindDuplicate(ctx, keys); err != nil {
			return prepared{err: err}
		} else if dup != nil {
			return prepared{known: dup}
		}
	}
	doc, err := in.read(ctx, j)
	if err != nil {
		return prepared{err: err}
	}
	input := &news.ArticleInput{Doc: doc, Keys: in.opt.dedup.Keys(doc), Feed: j.feed}
	dup, err := in.store.FindDuplicate(ctx, input.Keys)
	if err != nil {
		return prepared{err: err}
	}
	if dup == nil {
		// Only new articles go through the pipeline; PutArticle records a
		// duplicate from the cleaned text alone.
		if err := in.runner.Run(ctx, doc); err != nil {
			return prepared{err: budgetHint(err)}
		}
	}
	return prepared{input: input}
}

// read turns a job into a cleaned document.
func (in *ingester) read(ctx context.Context, j job) (*news.Doc, error) {
	if j.path != "" {
		return ingest.ReadFile(j.path, in.opt.read)
	}
	if j.stdin {
		return ingest.ReadFrom("stdin", in.env.stdin, in.opt.read)
	}
	page := j.page
	if page == nil {
		var err error
		if page, err = in.client.Get(ctx, j.url, fetchNone); err != nil {
			return nil, err
		}
	}
	opt := in.opt.read
	opt.URL = j.url
	// --published wins over the feed's date of the item.
	fromFeed := opt.Published.IsZero() && !j.published.IsZero()
	if fromFeed {
		opt.Published = j.published
	}
	doc, err := ingest.FromBytes(j.url, page.Text(), opt)
	if err != nil {
		return nil, err
	}
	if fromFeed {
		doc.PublishedSource = news.PublishedFromFeed
	}
	if doc.Title == "" {
		doc.Title = j.title
	}
	return doc, nil
}

// progress returns a progress bar on stderr when it is a terminal, and a
// silent one otherwise.
func (in *ingester) progress(total int) *progressbar.ProgressBar {
	visible := false
	if f, ok := in.env.stderr.(*os.File); ok && !in.opt.noProgress {
		visible = term.IsTerminal(int(f.Fd()))
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(in.env.stderr),
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
