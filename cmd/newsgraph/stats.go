package main

import (
	"context"
	"encoding/json"
	"fmt"
)

const statsAbout = `Counts what the database holds: articles, entities (across articles),
mentions, quotes, events, claims, contradictions, duplicates and
near-duplicates that were linked instead of stored, feeds, and the size of
the database file.

Example:
  newsgraph stats --format json`

func runStats(env *environment, args []string) error {
	fs := newFlagSet(env, "stats", "[flags]", statsAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "table", "output: table or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := outputFormat("stats", *format, "table", "json"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "stats: takes no arguments (run 'newsgraph stats --help')"}
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		data, err := json.Marshal(st)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s\n", data)
		return nil
	}
	w := newTable(env.stdout)
	fmt.Fprintf(w, "database\t%s\n", store.Path())
	for _, row := range []struct {
		name string
		n    int
	}{{"articles", st.Articles}, {"entities", st.Entities}, {"mentions", st.Mentions}, {"quotes", st.Quotes},
		{"events", st.Events}, {"claims", st.Claims}, {"contradictions", st.Contradictions},
		{"duplicates", st.Duplicates}, {"near-duplicates", st.NearDuplicates}, {"feeds", st.Feeds}} {
		fmt.Fprintf(w, "%s\t%d\n", row.name, row.n)
	}
	per := int64(0)
	if st.Articles > 0 {
		per = st.Bytes / int64(st.Articles)
	}
	fmt.Fprintf(w, "size\t%.1f MB (%d bytes per article)\n", float64(st.Bytes)/1e6, per)
	return w.Flush()
}
