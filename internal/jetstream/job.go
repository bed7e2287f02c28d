// Package jetstream is newsgraph's durable work queue on NATS JetStream:
// publishers (ingest --queue, serve --queue) put jobs on a stream, workers
// on any number of machines take them, run them and acknowledge each one
// only after its article is committed to the store.
//
// Guarantees, and the settings that bound them (Config):
//   - A job is idempotent by its key (Job.Key): the canonical URL of an
//     article to fetch, the content hash of a text with its source, the
//     feed and poll slot of a feed. The key is the message's Nats-Msg-Id,
//     so a job published twice within Config.DupWindow is stored once;
//     after that, the store's own de-duplication makes a second run a
//     no-op.
//   - Publishing waits while the stream holds Config.MaxJobs jobs or
//     Config.MaxBytes bytes (DiscardNew: the server refuses, Publish
//     retries every Config.FullWait): a slow store slows publishing and
//     never loses a job.
//   - A job not acknowledged within Config.AckWait (its worker died) is
//     delivered again; a running job tells the server it is in progress
//     every AckWait/3, so a long article is not taken twice.
//   - A job that fails Config.MaxDeliver times (an error, a panic, or a
//     worker that died on it each time) goes to the dead-letter stream
//     with its last error, where an operator lists and replays it
//     (Queue.Dead, Queue.Replay; newsgraph queue dead|replay). Failed jobs
//     wait Config.Backoff, doubling, before their next try, and never hold
//     up the jobs behind them.
//   - Feeds are polled by one worker at a time: a lease in a JetStream
//     key-value bucket whose entries expire after Config.LeaseTTL
//     (Queue.TryLease).
package jetstream

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
)

// Kind is what a job asks a worker to do.
type Kind string

const (
	// KindExtract is a document read already (a file, standard input, a
	// text posted to the API): run the pipeline on Job.Text and store it.
	KindExtract Kind = "extract"
	// KindFetch is an article URL: fetch it, read it, run and store it.
	KindFetch Kind = "fetch"
	// KindFeed is a feed to poll once: its new items become fetch jobs.
	KindFeed Kind = "feed"
)

// Job is one unit of work: the JSON body of a queue message.
type Job struct {
	Kind Kind `json:"kind"`
	// Source names the input in messages and in the store: the file path
	// or "stdin" of an extract job, the URL of a fetch or feed job.
	Source string `json:"source"`
	// URL is the article or feed URL (fetch, feed); for an extract job the
	// article's own URL when it has one (not fetched).
	URL string `json:"url,omitempty"`
	// Data is an extract job's article as read (the file's bytes, the
	// page), read again by the worker exactly as a local ingest reads it.
	Data []byte `json:"data,omitempty"`
	// Title and Published, when set, override what the article itself
	// says (ingest --title and --published, a FILE.meta.json sidecar, the
	// API's fields).
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Feed is the feed an article was found in, with the item's title and
	// date, used when the page gives none.
	Feed          string    `json:"feed,omitempty"`
	FeedTitle     string    `json:"feed_title,omitempty"`
	FeedPublished time.Time `json:"feed_published,omitzero"`
	// Due is a feed job's poll slot: the same feed in the same slot is
	// one job, however many publishers schedule it.
	Due time.Time `json:"due,omitzero"`
}

// Key is the job's idempotency key: "url:" and the canonical URL of a
// fetch job, "feed:" with the URL and poll slot of a feed job, and
// "text:" with the SHA-256 of the source and bytes of an extract job (the
// same text from another source is another job, which the store records
// as a duplicate, as a plain ingest does).
func (j Job) Key() string {
	switch j.Kind {
	case KindFetch:
		return "url:" + dedup.CanonicalURL(j.URL)
	case KindFeed:
		return "feed:" + j.URL + "@" + j.Due.UTC().Format(time.RFC3339)
	default:
		h := sha256.New()
		h.Write([]byte(j.Source))
		h.Write([]byte{0})
		h.Write(j.Data)
		return "text:" + hex.EncodeToString(h.Sum(nil))
	}
}

// msgID is the Nats-Msg-Id of a job: its kind and a digest of its key,
// short and free of characters headers dislike.
func (j Job) msgID() string {
	sum := sha256.Sum256([]byte(j.Key()))
	return string(j.Kind) + "-" + hex.EncodeToString(sum[:16])
}

// validate reports a job no worker could run.
func (j Job) validate() error {
	switch j.Kind {
	case KindExtract:
		if len(j.Data) == 0 {
			return fmt.Errorf("extract job %q has no data", j.Source)
		}
	case KindFetch, KindFeed:
		if j.URL == "" {
			return fmt.Errorf("%s job %q has no URL", j.Kind, j.Source)
		}
	default:
		return fmt.Errorf("job %q: unknown kind %q", j.Source, j.Kind)
	}
	return nil
}

// decodeJob reads a message body.
func decodeJob(data []byte) (Job, error) {
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return j, fmt.Errorf("bad job message: %w", err)
	}
	return j, j.validate()
}
