package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/news"
)

const quotesAbout = `Lists stored quotes (direct, indirect and partial speech), newest article
first. --speaker NAME keeps the quotes of one person or organisation, matched
against all of its names and aliases across articles.

Examples:
  newsgraph quotes --speaker "Chaudhry Nisar"
  newsgraph quotes --speaker Nisar --format jsonl`

func runQuotes(env *environment, args []string) error {
	fs := newFlagSet(env, "quotes", "[flags]", quotesAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "table", "output: table, json, jsonl or csv (the columns of 'export --format quotes.csv')")
	var q news.QuoteQuery
	fs.StringVar(&q.Speaker, "speaker", "", "only quotes of the entity with this `NAME` or alias")
	fs.IntVar(&q.Limit, "limit", 50, "at most this many quotes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := outputFormat("quotes", *format, "table", "json", "jsonl", "csv"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "quotes: takes no arguments; name the speaker with --speaker (run 'newsgraph quotes --help')"}
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer store.Close()
	quotes, err := store.Quotes(ctx, q)
	if err != nil {
		return err
	}
	if *format == "csv" {
		return writeQuotesCSV(ctx, store, env.stdout, quotes)
	}
	if *format != "table" {
		return writeJSON(env.stdout, *format, api.Quotes(quotes))
	}
	w := bufio.NewWriter(env.stdout)
	if len(quotes) == 0 {
		fmt.Fprintln(w, "no quotes found")
	}
	for _, v := range quotes {
		speaker := v.SpeakerName
		if speaker == "" {
			speaker = "(unattributed)"
		}
		fmt.Fprintf(w, "%d  %s  %s  %s %s: %s\n", v.ArticleID, orDash(v.Published), articleName(v.Title, v.URL, ""), speaker, orDash(v.Cue), quoted(v.Text))
	}
	return w.Flush()
}

// writeQuotesCSV writes quotes as 'export --format quotes.csv' does, in
// their order, with the sentence each stands in (read from its article).
func writeQuotesCSV(ctx context.Context, store news.Store, w io.Writer, quotes []news.StoredQuote) error {
	cw := export.Writer(w, false)
	cw.Write(export.Tables["quotes"])
	articles := map[int64]*news.StoredArticle{}
	for _, q := range quotes {
		a, ok := articles[q.ArticleID]
		if !ok {
			var err error
			if a, err = store.Article(ctx, q.ArticleID); err != nil {
				return fmt.Errorf("quotes: article %d: %w", q.ArticleID, err)
			}
			articles[q.ArticleID] = a
		}
		rows, err := export.Rows("quotes", a, func(id string) bool { return id == q.LocalID })
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		cw.WriteAll(rows)
	}
	cw.Flush()
	return cw.Error()
}
