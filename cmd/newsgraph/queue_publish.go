package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/feed"
	"github.com/newsgraph/newsgraph/internal/fetch"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/jetstream"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/work"
)

// publisher puts ingest's sources on the work queue instead of running
// them (ingest --queue): files and standard input as extract jobs carrying
// their bytes, URLs as extract jobs with the page fetched to tell it from
// a feed, feeds as feed jobs (one per --interval with --watch).
type publisher struct {
	env                     *environment
	opt                     ingestOptions
	q                       *jetstream.Queue
	client                  *fetch.Client
	queued, already, errors int
}

// publishIngest is ingest with --queue.
func publishIngest(ctx context.Context, env *environment, opt ingestOptions, sources, feeds []string) error {
	q, err := jetstream.Open(ctx, opt.queue)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer q.Close()
	p := &publisher{env: env, opt: opt, q: q, client: fetch.New(opt.fetch)}
	start := time.Now()
	watched := p.sources(ctx, sources)
	watched = append(watched, feeds...)
	for round := 0; ctx.Err() == nil; round++ {
		due := time.Now().Truncate(opt.interval)
		for _, f := range watched {
			p.publish(ctx, jetstream.Job{Kind: jetstream.KindFeed, Source: f, URL: f, Due: due})
		}
		if !opt.watch || len(watched) == 0 || opt.rounds > 0 && round+1 >= opt.rounds {
			break
		}
		if err := fetch.Sleep(ctx, opt.interval); err != nil {
			break
		}
	}
	fmt.Fprintf(env.stdout, "ingest: %s queued, %s queued before, %s in %.1f s; 'newsgraph worker --queue %s' runs them\n",
		plural(p.queued, "job"), plural(p.already, "job"), plural(p.errors, "error"), time.Since(start).Seconds(), opt.queue.URL)
	if ctx.Err() != nil && !opt.watch {
		return errors.New("interrupted: the jobs queued so far stay queued")
	}
	if p.errors > 0 {
		return &partialError{failed: p.errors, total: max(p.queued+p.already+p.errors, p.errors)}
	}
	return nil
}

// sources queues the files, standard input and article URLs among the
// sources and returns the feeds among them.
func (p *publisher) sources(ctx context.Context, sources []string) (feeds []string) {
	for _, src := range sources {
		switch {
		case work.IsURL(src):
			if p.url(ctx, src) {
				feeds = append(feeds, src)
			}
		case src == "-":
			data, err := readLimited(p.env.stdin, p.opt.read.MaxBytes)
			p.publishData(ctx, "stdin", data, err)
		default:
			files, err := work.Files(src)
			if err != nil {
				p.fail(src, err)
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

// url fetches an article or feed URL once, queues the article and says
// whether it is a feed.
func (p *publisher) url(ctx context.Context, u string) (isFeed bool) {
	page, err := p.client.Get(ctx, u, fetch.Conditional{})
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
func (p *publisher) file(ctx context.Context, f work.Source) {
	data, err := readFileLimited(f.Path, p.opt.read.MaxBytes)
	if err != nil {
		p.fail(f.Path, err)
		return
	}
	j := p.extractJob(f.Path, "", data)
	if _, err := os.Stat(f.Path + ".meta.json"); err == nil {
		doc, err := ingest.ReadFile(f.Path, p.opt.read)
		if err != nil {
			p.fail(f.Path, err)
			return
		}
		j.Title, j.URL = doc.Title, doc.URL
		if doc.PublishedSource == news.PublishedFromSidecar || !p.opt.read.Published.IsZero() {
			j.Published = doc.Published
		}
	}
	p.publish(ctx, j)
}

// extractJob is the job of an article read already, with ingest's
// --title and --published.
func (p *publisher) extractJob(source, url string, data []byte) jetstream.Job {
	return jetstream.Job{Kind: jetstream.KindExtract, Source: source, URL: url, Data: data,
		Title: p.opt.read.Title, Published: p.opt.read.Published}
}

func (p *publisher) publishData(ctx context.Context, source string, data []byte, err error) {
	if err != nil {
		p.fail(source, err)
		return
	}
	p.publish(ctx, p.extractJob(source, "", data))
}

// publish queues one job; it waits while the queue is full.
func (p *publisher) publish(ctx context.Context, j jetstream.Job) {
	dup, err := p.q.Publish(ctx, j)
	switch {
	case err != nil:
		p.fail(j.Source, err)
	case dup:
		p.already++
	default:
		p.queued++
	}
}

func (p *publisher) fail(source string, err error) {
	p.errors++
	msg := oneLine(err.Error())
	if !strings.Contains(msg, source) {
		msg = source + ": " + msg
	}
	fmt.Fprintf(p.env.stderr, "newsgraph: %s\n", msg)
}

// readFileLimited reads a file of at most limit bytes, with the errors
// ingest gives (a missing file, a directory, one too large).
func readFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
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
