package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

const contradictionsAbout = `Lists contradictions: pairs of claims by different speakers about the same
thing that cannot both hold (one affirms what the other denies). Those found
inside one article come from the claim stage (scope "article"); those between
articles are found when a new article is stored and its claims are compared
with stored claims about the same subject and object (scope "cross").

Examples:
  newsgraph contradictions
  newsgraph contradictions --entity "Islamic State" --format json`

func runContradictions(env *environment, args []string) error {
	fs := newFlagSet(env, "contradictions", "[flags]", contradictionsAbout)
	db := addDBFlag(fs)
	format := fs.String("format", "table", "output: table, json or jsonl")
	var q news.ContradictionQuery
	fs.StringVar(&q.Entity, "entity", "", "only contradictions involving the entity with this `NAME` or alias")
	fs.IntVar(&q.Limit, "limit", 50, "at most this many contradictions")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := outputFormat("contradictions", *format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "contradictions: takes no arguments (run 'newsgraph contradictions --help')"}
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("contradictions: %w", err)
	}
	defer store.Close()
	ks, err := store.Contradictions(ctx, q)
	if err != nil {
		return err
	}
	if *format != "table" {
		return writeJSON(env.stdout, *format, api.Contradictions(ks))
	}
	w := bufio.NewWriter(env.stdout)
	if len(ks) == 0 {
		fmt.Fprintln(w, "no contradictions found")
	}
	for _, k := range ks {
		fmt.Fprintf(w, "%s: %s\n", k.Scope, k.Why)
		fmt.Fprintf(w, "  article %d  %s  %s\n", k.A.ArticleID, orDash(k.A.Published), claimLine(k.A))
		fmt.Fprintf(w, "  article %d  %s  %s\n", k.B.ArticleID, orDash(k.B.Published), claimLine(k.B))
	}
	return w.Flush()
}
