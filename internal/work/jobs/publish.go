package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
)

// Publisher puts sources on the work queue instead of running them
// ('newsgraph ingest --queue'), for a Runner to run: files and standard
// input as extract jobs carrying their bytes, article URLs as extract
// jobs with the page fetched here (to tell it from a feed), feeds as feed
// jobs. Publishing waits while the queue is full. It is not safe for
// concurrent use.
type Publisher struct {
	Queue *jetstream.Queue
	// Fetcher gets the URLs named, once each, to tell feeds from articles.
	Fetcher work.Fetcher
	// Read bounds what is read (MaxBytes; ingest.DefaultMaxBytes when 0),
	// and its Title and Published travel with every article job.
	Read ingest.Options
	// Failed is told of each source that could not be read or queued; the
	// others go on.
	Failed func(source string, err error)
	// Sleep waits between two rounds of feed jobs and Now dates them
	// (fetch.Sleep and time.Now when nil; a test passes a fake clock's).
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
	// Queued counts the jobs queued, Already those the queue held already
	// (the same job within its duplicate window) and Errors the failures.
	Queued, Already, Errors int
}

// Sources queues the files (a directory's article files, see
// work.Files), standard input ("-", read from stdin) and article URLs
// among names, in order, and returns the feeds among them. It stops early
// when ctx is cancelled.
func (p *Publisher) Sources(ctx context.Context, names []string, stdin io.Reader) (feeds []string) {
	for _, name := range names {
		switch {
		case work.IsURL(name):
			if p.url(ctx, name) {
				feeds = append(feeds, name)
			}
		case name == "-":
			data, err := readLimited(stdin, p.Read.MaxBytes)
			p.publishData(ctx, "stdin", data, err)
		default:
			files, err := work.Files(name)
			if err != nil {
				p.fail(name, err)
			}
			for _, f := range files {
				p.file(ctx, f)
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	return feeds
}

// Feeds queues a feed job for each feed, rounds times (0: until ctx is
// cancelled), interval apart. Each job is due at the start of its
// interval, so that the jobs of one round published by several
// publishers are one job on the queue.
func (p *Publisher) Feeds(ctx context.Context, feeds []string, interval time.Duration, rounds int) {
	if len(feeds) == 0 {
		return
	}
	sleep, now := p.Sleep, p.Now
	if sleep == nil {
		sleep = fetch.Sleep
	}
	if now == nil {
		now = time.Now
	}
	for round := 1; ctx.Err() == nil; round++ {
		due := now().Truncate(interval)
		for _, f := range feeds {
			p.publish(ctx, jetstream.Job{Kind: jetstream.KindFeed, Source: f, URL: f, Due: due})
		}
		if rounds > 0 && round >= rounds {
			return
		}
		if err := sleep(ctx, interval); err != nil {
			return
		}
	}
}

// url fetches an article or feed URL once, queues the article and says
// whether it is a feed.
func (p *Publisher) url(ctx context.Context, u string) (isFeed bool) {
	if p.Fetcher == nil {
		p.fail(u, fmt.Errorf("%s: fetching URLs is off", u))
		return false
	}
	page, err := p.Fetcher.Get(ctx, u, fetch.Conditional{})
	if err != nil {
		p.fail(u, err)
		return false
	}
	if feed.Looks(page.ContentType, page.Body) {
		return true
	}
	p.publish(ctx, p.extractJob(u, u, page.Text()))
	return false
}

// file queues one file with its bytes. A FILE.meta.json beside it is read
// here, where the file is, and its title, date and URL travel as the
// job's overrides.
func (p *Publisher) file(ctx context.Context, f work.Source) {
	data, err := readFileLimited(f.Path, p.Read.MaxBytes)
	if err != nil {
		p.fail(f.Path, err)
		return
	}
	j := p.extractJob(f.Path, "", data)
	if _, err := os.Stat(f.Path + ".meta.json"); err == nil {
		doc, err := ingest.ReadFile(f.Path, p.Read)
		if err != nil {
			p.fail(f.Path, err)
			return
		}
		j.Title, j.URL = doc.Title, doc.URL
		if doc.PublishedSource == news.PublishedFromSidecar || !p.Read.Published.IsZero() {
			j.Published = doc.Published
		}
	}
	p.publish(ctx, j)
}

// extractJob is the job of an article read already, with the Read
// options' title and date.
func (p *Publisher) extractJob(source, url string, data []byte) jetstream.Job {
	return jetstream.Job{Kind: jetstream.KindExtract, Source: source, URL: url, Data: data,
		Title: p.Read.Title, Published: p.Read.Published}
}

func (p *Publisher) publishData(ctx context.Context, source string, data []byte, err error) {
	if err != nil {
		p.fail(source, err)
		return
	}
	p.publish(ctx, p.extractJob(source, "", data))
}

// publish queues one job; it waits while the queue is full.
func (p *Publisher) publish(ctx context.Context, j jetstream.Job) {
	dup, err := p.Queue.Publish(ctx, j)
	switch {
	case err != nil:
		p.fail(j.Source, err)
	case dup:
		p.Already++
	default:
		p.Queued++
	}
}

// fail counts a failed source and tells Failed.
func (p *Publisher) fail(source string, err error) {
	p.Errors++
	if p.Failed != nil {
		p.Failed(source, err)
	}
}

// readFileLimited reads a file of at most limit bytes, with the errors
// ingest gives (a missing file, a directory, one too large).
func readFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return readLimited(f, limit)
}

// readLimited reads at most limit bytes (0: ingest.DefaultMaxBytes) and
// refuses more.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = ingest.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes (--max-bytes)", news.ErrTooLarge, limit)
	}
	return data, nil
}
