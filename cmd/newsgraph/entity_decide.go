package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

// maxTop is the most entities 'entity --top' lists.
const maxTop = 10000

// runEntityDecision runs 'entity merge INTO FROM' and 'entity split ID
// NAME' (see entityAbout).
func runEntityDecision(env *environment, verb string, args []string) error {
	synopsis := map[string]string{"merge": "[--note TEXT] INTO FROM", "split": "[--note TEXT] ID NAME"}[verb]
	fs := newFlagSet(env, "entity "+verb, synopsis, entityAbout)
	db := addDBFlag(fs)
	note := fs.String("note", "", "the analyst's reason, kept with the decision")
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(words) < 2 || verb == "merge" && len(words) != 2 {
		return &usageError{msg: fmt.Sprintf("entity %s: usage: newsgraph entity %s %s", verb, verb, synopsis)}
	}
	ids := make([]int64, 0, 2)
	for _, w := range words[:map[string]int{"merge": 2, "split": 1}[verb]] {
		id, err := strconv.ParseInt(w, 10, 64)
		if err != nil || id <= 0 {
			return &usageError{msg: fmt.Sprintf("entity %s: %q is not an entity id (a number, as 'newsgraph entity NAME' shows)", verb, w)}
		}
		ids = append(ids, id)
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db, true)
	if err != nil {
		return fmt.Errorf("entity %s: %w", verb, err)
	}
	defer store.Close()
	var d news.EntityDecision
	if verb == "merge" {
		d, err = store.MergeEntities(ctx, ids[0], ids[1], *note)
	} else {
		d, err = store.SplitAlias(ctx, ids[0], strings.Join(words[1:], " "), *note)
	}
	if err != nil {
		return fmt.Errorf("entity %s: %w", verb, err)
	}
	fmt.Fprintln(env.stdout, d.Explain(d.EntityID))
	return nil
}

// writeTop lists the entities in most of the articles q selects.
func writeTop(ctx context.Context, env *environment, store appStore, q news.EntityBrowseQuery, format string) error {
	ents, err := store.TopEntities(ctx, q)
	if err != nil {
		return fmt.Errorf("entity: %w", err)
	}
	if format == "json" {
		return writeJSON(env.stdout, "json", api.Entities(ents)) // the API's view of an entity
	}
	if format == "csv" {
		return writeTopCSV(env.stdout, ents)
	}
	for _, e := range ents {
		fmt.Fprintf(env.stdout, "%d\t%s\t%d\t%s", e.ID, e.Type, e.Articles, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(env.stdout, "\t(%s)", strings.Join(e.Aliases, "; "))
		}
		fmt.Fprintln(env.stdout)
	}
	return nil
}
