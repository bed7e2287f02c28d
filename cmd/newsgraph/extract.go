package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
	"github.com/newsgraph/newsgraph/internal/work"
	"golang.org/x/term"
)

const extractAbout = `Reads one or more articles and prints, for each, the JSON document of the
article contract: the cleaned text, its sentences, and the entities, quotes,
events, dates, claims and contradictions found in it (see README.md).

FILE may be plain text (UTF-8, Latin-1, or UTF-16 with a byte-order mark), an
HTML page (its main text is extracted; title, date and URL come from the
page's metadata), or - for standard input.

With one FILE it prints one JSON object. With several FILEs, or --jsonl, it
prints one object per line (JSON Lines) in input order. An input that cannot
be read is reported on stderr, its line holds {"schema":"newsgraph/error/v1",
"source":...,"error":...} so lines still match inputs, the other inputs are
processed, and the exit status is 1. An article whose extraction takes longer
than --doc-timeout (default 60s) fails the same way.

With --format summary (the default when one FILE is given and standard
output is a terminal) it prints a short view for reading instead: title and
date, entities with titles and aliases, who said what, events, dates, claims
and contradictions.

Examples:
  newsgraph extract article.txt
  newsgraph extract --format summary --published 2025-03-04 examples/border-denial.txt
  newsgraph extract --published 2015-02-19 --url https://example.com/a article.txt
  curl -s https://example.com/a | newsgraph extract --url https://example.com/a -
  newsgraph extract --jsonl texts/*.txt > docs.jsonl`

// extractOptions are the parsed flags of the extract command.
type extractOptions struct {
	read   ingest.Options
	jsonl  bool
	pretty bool
	// summary prints the short view of writeSummary instead of JSON.
	summary bool
	timings bool
	workers int
	// cpuProfile is the file that receives a CPU profile of the run ("": none).
	cpuProfile string
	// docTimeout is the time budget of one document (0: none).
	docTimeout time.Duration
	// dataDir and countryHint are the geo stage's settings.
	dataDir     string
	countryHint string
}

func runExtract(env *environment, args []string) error {
	opt, files, err := parseExtractFlags(env, args)
	if err != nil {
		return err
	}
	stopProfile, err := startCPUProfile(opt.cpuProfile)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	err = extractWithRunner(env, opt, files)
	if perr := stopProfile(); perr != nil && err == nil {
		err = fmt.Errorf("extract: %w", perr)
	}
	return err
}

// extractWithRunner loads the stages (models, gazetteer) and extracts files.
func extractWithRunner(env *environment, opt extractOptions, files []string) error {
	runner, err := stages.New(stageOptions(env, opt))
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if len(files) > 1 {
		opt.jsonl = true
	}
	return extractAll(env, runner, opt, files)
}

// stageOptions are the stage settings of extract's flags (shared by
// ingest, serve and worker), with the gazetteer loaded from the data
// directory (the geo stage geocodes with it; the ner stage uses its place
// names). When there is none, extraction still runs: the first article
// that reaches the geo stage says once on stderr that places are not
// geocoded and how to install the data (articles that fail to read say
// nothing more).
func stageOptions(env *environment, opt extractOptions) stages.Options {
	so := stages.Options{CountryHint: opt.countryHint, DocTimeout: opt.docTimeout}
	var why string
	if so.Gazetteer, why = stages.LoadGazetteer(opt.dataDir); so.Gazetteer == nil {
		msg := "newsgraph: places are not geocoded: " + why
		so.NoGazetteer = func() { fmt.Fprintln(env.stderr, msg) }
	}
	return so
}

func parseExtractFlags(env *environment, args []string) (extractOptions, []string, error) {
	fs := newFlagSet(env, "extract", "[flags] FILE|- [FILE ...]", extractAbout)
	published := fs.String("published", "", "publication date `YYYY-MM-DD` (overrides the page's own date)")
	url := fs.String("url", "", "the article's `URL` (overrides the page's own URL; one FILE only)")
	title := fs.String("title", "", "the article's `TITLE` (overrides the page's title or the text's headline; one FILE only)")
	format := fs.String("format", "", "output `FORMAT`: json (the contract), or summary (a short view for reading; the default when one FILE is given and standard output is a terminal)")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "refuse inputs larger than this many `bytes`")
	var opt extractOptions
	fs.BoolVar(&opt.jsonl, "jsonl", false, "print JSON Lines (one document per line) even for one FILE")
	fs.BoolVar(&opt.pretty, "pretty", false, "indent the JSON of a single document for reading")
	fs.BoolVar(&opt.timings, "timings", false, "print each stage's time per document on stderr")
	fs.IntVar(&opt.workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.StringVar(&opt.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole run (model loading included) to `FILE`, for 'go tool pprof' (debugging)")
	docTimeoutFlag(fs, &opt.docTimeout)
	fs.StringVar(&opt.dataDir, "data", "", "data `DIR` with the GeoNames index (default $NEWSGRAPH_DATA or the user data directory; see 'newsgraph setup')")
	fs.StringVar(&opt.countryHint, "country-hint", "", "ISO 3166 `CODE` of the country the articles are mostly about (PK); favours its places")
	err := parseFlags(fs, args)
	if err != nil {
		return opt, nil, err
	}
	usage := func(msg string) error {
		return &usageError{msg: "extract: " + msg + " (run 'newsgraph extract --help')"}
	}
	if h := opt.countryHint; h != "" && !news.IsCountryCode(strings.ToUpper(h)) {
		return opt, nil, usage(fmt.Sprintf("--country-hint %q is not a two-letter country code like PK", h))
	}
	if fs.NArg() == 0 {
		return opt, nil, usage("name at least one FILE, or - for standard input")
	}
	switch *format {
	case "":
		opt.summary = fs.NArg() == 1 && !opt.jsonl && !opt.pretty && isTerminal(env.stdout)
	case "json":
	case "summary":
		if fs.NArg() > 1 || opt.jsonl {
			return opt, nil, usage("--format summary takes one FILE, without --jsonl")
		}
		opt.summary = true
	default:
		return opt, nil, usage(fmt.Sprintf("unknown --format %q; use json or summary", *format))
	}
	if *maxBytes <= 0 {
		return opt, nil, usage("--max-bytes must be positive")
	}
	if (*url != "" || *title != "") && fs.NArg() > 1 {
		return opt, nil, usage("--url and --title apply to one FILE only")
	}
	if opt.workers < 1 {
		opt.workers = 1
	}
	opt.read = ingest.Options{MaxBytes: *maxBytes, URL: *url, Title: *title}
	if opt.read.Published, err = parsePublished(*published); err != nil {
		return opt, nil, usage(err.Error())
	}
	stdinCount := 0
	for _, f := range fs.Args() {
		if f == "-" {
			stdinCount++
		}
	}
	if stdinCount > 1 {
		return opt, nil, usage("standard input (-) can be read only once")
	}
	return opt, fs.Args(), nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// parsePublished parses a --published value, YYYY-MM-DD; "" is no date.
func parsePublished(value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", value)
	if err != nil {
		return time.Time{}, fmt.Errorf("--published %q is not a date like 2015-02-19", value)
	}
	return t, nil
}

// extractResult is one input's output line, or its error.
type extractResult struct {
	json []byte
	err  error
	doc  *news.Doc
}

// extractAll processes files with opt.workers in parallel and writes the
// results in input order as they become ready.
func extractAll(env *environment, runner *pipeline.Runner, opt extractOptions, files []string) error {
	svc, err := work.New(work.Config{Pipeline: runner, Read: opt.read})
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := bufio.NewWriter(env.stdout)
	failed := 0
	var writeErr error
	extract := func(ctx context.Context, i int) extractResult { return extractOne(ctx, env, svc, files[i]) }
	emit := func(i int, res extractResult) {
		if writeErr != nil {
			return
		}
		if res.err != nil {
			failed++
			fmt.Fprintf(env.stderr, "newsgraph: %s\n", oneLine(res.err.Error()))
			if opt.jsonl {
				writeErrorLine(out, files[i], res.err)
			}
			return
		}
		if writeErr = writeResult(env, out, res, opt); writeErr != nil {
			cancel()
		}
	}
	work.Ordered(ctx, len(files), opt.workers, work.DefaultAhead, extract, emit)
	if writeErr != nil {
		return fmt.Errorf("extract: write output: %w", writeErr)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("extract: write output: %w", err)
	}
	if failed > 0 {
		return &partialError{failed: failed, total: len(files)}
	}
	return nil
}

// writeResult writes one document: its timings on stderr when asked, and
// the summary or its JSON on out.
func writeResult(env *environment, out io.Writer, res extractResult, opt extractOptions) error {
	if opt.timings {
		writeTimings(env.stderr, res.doc)
	}
	if opt.summary {
		return writeSummary(out, res.doc)
	}
	return writeDoc(out, res.json, opt)
}

// extractOne reads, processes and encodes one input ("-" is standard
// input).
func extractOne(ctx context.Context, env *environment, svc *work.Service, file string) extractResult {
	src := work.Source{Name: file, Path: file}
	if file == "-" {
		src = work.Source{Name: "stdin", Reader: env.stdin}
	}
	doc, err := svc.Extract(ctx, src)
	if err != nil {
		return extractResult{err: budgetHint(err)}
	}
	data, err := news.MarshalContract(doc)
	return extractResult{json: data, err: err, doc: doc}
}

func writeDoc(w io.Writer, data []byte, opt extractOptions) error {
	if opt.pretty && !opt.jsonl {
		var buf bytes.Buffer
		if err := json.Indent(&buf, data, "", "  "); err != nil {
			return err
		}
		buf.WriteByte('\n')
		_, err := w.Write(buf.Bytes())
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err := w.Write([]byte{'\n'})
	return err
}

func writeErrorLine(w io.Writer, source string, err error) {
	line, _ := json.Marshal(map[string]string{"schema": "newsgraph/error/v1", "source": source, "error": oneLine(err.Error())})
	fmt.Fprintf(w, "%s\n", line)
}

func writeTimings(w io.Writer, doc *news.Doc) {
	fmt.Fprintf(w, "%s:", doc.Source)
	for _, t := range doc.Timings {
		fmt.Fprintf(w, " %s %s", t.Stage, t.Duration.Round(time.Microsecond))
	}
	fmt.Fprintln(w)
}
