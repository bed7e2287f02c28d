// Package work is newsgraph's ingestion service: it turns one source (a
// file, standard input, a text given by a client, or a URL, fetched
// politely) into an article, runs it through the extraction pipeline and
// stores it, and runs many sources in parallel while delivering their
// results in input order.
//
// It is used by 'newsgraph extract' (Service.Extract), 'newsgraph ingest'
// (Service.Prepare and Service.Commit under Ordered), the API's POST
// /api/ingest and /api/extract, and the queue worker (Service.Ingest, once
// per job). Files lists the article files of a directory and FeedPoller
// polls RSS and Atom feeds politely into sources; FeedWatch polls them
// again every interval for a number of rounds ('ingest --watch'), and
// Batcher stores batches of sources in order and optimises the store
// every DefaultOptimizeEvery new articles. Flags, help, progress display
// and output formats stay with the commands; everything between a source
// and a stored article is here.
//
// Contract:
//
//   - Ingest is idempotent by article key: a source whose canonical URL or
//     text is stored already is recorded as a duplicate (or linked as a
//     near-duplicate) by the store, never stored twice, so a job delivered
//     again after a crash changes nothing.
//   - Only new articles go through the pipeline: a URL stored before is not
//     fetched again, and a text whose dedup keys match a stored article is
//     handed to the store without extraction.
//   - Config.AfterStore is called after every article the store has
//     committed (new or linked as a duplicate), never for one that failed
//     or was known before extraction; it must be safe for concurrent use,
//     since the API stores articles from several requests at once.
//   - Every Outcome carries the time spent reading, checking for
//     duplicates, in each pipeline stage and storing (Timings), for
//     metrics.
//   - Errors are wrapped in *Error, whose Op says which step failed (read,
//     dedup, extract, store); its message is the cause's own, so commands
//     print what they always printed.
//   - Ordered, the parallel runner, keeps at most Ahead results waiting
//     per worker (DefaultAhead), so that a slow consumer (the store) does
//     not hold a whole directory of documents in memory.
package work
